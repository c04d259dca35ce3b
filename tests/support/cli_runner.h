// Runs the built `stancegraph` (or an example program) as a user would and
// captures its exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "support/temp_dir.h"

namespace stancegraph::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `executable` by its path; `args` as for a shell. `cwd`: the directory it
// runs in ("" = the test's).
inline CliResult RunExecutable(const std::string& executable, const std::string& args,
                               const std::string& stdin_file = "/dev/null",
                               const std::string& cwd = "") {
  TempDir io;
  std::string cmd = (cwd.empty() ? "" : "cd '" + cwd + "' && ") + executable + " " + args + " <" +
                    stdin_file + " >" + (io / "out") + " 2>" + (io / "err");
  int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(io / "out");
  r.err = ReadFile(io / "err");
  return r;
}

// `program` relative to the build directory.
inline CliResult RunProgram(const std::string& program, const std::string& args,
                            const std::string& stdin_file = "/dev/null",
                            const std::string& cwd = "") {
  return RunExecutable(std::string(SG_BINARY_DIR) + "/" + program, args, stdin_file, cwd);
}

// The built `stancegraph`.
inline std::string StancegraphBinary() { return std::string(SG_BINARY_DIR) + "/cli/stancegraph"; }

inline CliResult RunCli(const std::string& args, const std::string& stdin_file = "/dev/null",
                        const std::string& cwd = "") {
  return RunExecutable(StancegraphBinary(), args, stdin_file, cwd);
}

inline std::string Fixture(const std::string& name) {
  return std::string(SG_SOURCE_DIR) + "/tests/cli/fixtures/" + name;
}

}  // namespace stancegraph::testing
