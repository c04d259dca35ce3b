// The built `stancegraph` started as a child process, for tests that kill
// or interrupt it at a moment of their choosing (cli_runner.h runs it to
// the end).
//   pid_t pid = StartStancegraph({"import", "-q", "--db", db, input});
//   ... kill(pid, SIGKILL) ...
//   CHECK(WIFSIGNALED(WaitFor(pid)));
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "support/cli_runner.h"

namespace stancegraph::testing {

struct ChildOptions {
  // Files the child's stdout and stderr are appended to (created when
  // missing); "" leaves it the test's own. Default: both discarded.
  std::string out = "/dev/null";
  std::string err = "/dev/null";
  // Variables set in the child's environment: name, value.
  std::vector<std::pair<std::string, std::string>> env;
};

// Starts `stancegraph args...` (no shell) and returns its pid. A child that
// cannot run the program exits with 127.
inline pid_t StartStancegraph(const std::vector<std::string>& args,
                              const ChildOptions& options = {}) {
  // Everything the child needs is built before the fork.
  const std::string bin = StancegraphBinary();
  std::vector<const char*> argv = {bin.c_str()};
  for (const std::string& a : args) argv.push_back(a.c_str());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    for (const auto& [path, fd] :
         {std::pair(&options.out, STDOUT_FILENO), std::pair(&options.err, STDERR_FILENO)}) {
      if (path->empty()) continue;
      const int f = open(path->c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (f < 0) _exit(126);
      dup2(f, fd);
    }
    for (const auto& [name, value] : options.env) setenv(name.c_str(), value.c_str(), 1);
    execv(bin.c_str(), const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  return pid;
}

// Waits for the child `pid` to end and returns its wait status.
inline int WaitFor(pid_t pid) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return status;
}

inline bool ExitedWith(int status, int code) {
  return WIFEXITED(status) && WEXITSTATUS(status) == code;
}

}  // namespace stancegraph::testing
