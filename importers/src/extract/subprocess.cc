#include "extract/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

extern char** environ;

namespace stancegraph::importers::extract {
namespace {

// Closes on scope exit unless taken.
class Fd {
 public:
  Fd() = default;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { Close(); }
  int get() const { return fd_; }
  int* out() { return &fd_; }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read, write;
  bool Open() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return false;
    *read.out() = fds[0];
    *write.out() = fds[1];
    return true;
  }
};

// The file to exec, found here because the child may only make
// async-signal-safe calls between fork and exec (the importer has threads).
absl::StatusOr<std::string> Resolve(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t begin = 0;
  while (begin <= dirs.size()) {
    size_t end = dirs.find(':', begin);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(begin, end - begin);
    begin = end + 1;
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    struct stat st;
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return absl::NotFoundError(absl::StrCat("cannot run ", name, ": not found on $PATH"));
}

// In the child: only async-signal-safe calls, then exec or _exit.
[[noreturn]] void ExecChild(const char* file, char* const* argv, int in, int out, int err,
                            int report, uint64_t max_memory) {
  ::setpgid(0, 0);
  const int from[3] = {in, out, err};
  for (int target = 0; target < 3; ++target) {
    if (from[target] == target) {
      ::fcntl(target, F_SETFD, 0);  // dup2 onto itself would keep FD_CLOEXEC
    } else {
      ::dup2(from[target], target);
    }
  }
  if (max_memory > 0) {
    const rlimit limit{.rlim_cur = max_memory, .rlim_max = max_memory};
    ::setrlimit(RLIMIT_AS, &limit);
  }
  // The importer ignores SIGPIPE; the program should not inherit that.
  ::signal(SIGPIPE, SIG_DFL);
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::execve(file, argv, environ);
  const int e = errno;
  (void)!::write(report, &e, sizeof e);
  ::_exit(127);
}

bool LeaderExited(pid_t pid) {
  siginfo_t info{};
  // WNOWAIT: the leader stays a zombie, so its id (the group's) cannot be
  // reused before the group is killed.
  return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
         info.si_pid == pid;
}

// Counts non-blank lines as output arrives.
struct LineCounter {
  uint64_t lines = 0;
  bool content = false;
  void Add(const char* data, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      const char c = data[i];
      if (c == '\n') {
        if (content) ++lines;
        content = false;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        content = true;
      }
    }
  }
};

}  // namespace

absl::StatusOr<SubprocessResult> RunSubprocess(const std::vector<std::string>& argv,
                                               const std::string& input,
                                               const SubprocessLimits& limits) {
  if (argv.empty()) return absl::InvalidArgumentError("empty command");
  auto file = Resolve(argv[0]);
  if (!file.ok()) return file.status();
  std::vector<char*> cargv;
  for (const std::string& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);

  Pipe in, out, err, report;
  if (!in.Open() || !out.Open() || !err.Open() || !report.Open()) {
    return absl::InternalError(
        absl::StrCat("cannot run ", argv[0], ": pipe: ", std::strerror(errno)));
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    return absl::InternalError(
        absl::StrCat("cannot run ", argv[0], ": fork: ", std::strerror(errno)));
  }
  if (pid == 0) {
    ExecChild(file->c_str(), cargv.data(), in.read.get(), out.write.get(), err.write.get(),
              report.write.get(), limits.max_memory_bytes);
  }
  ::setpgid(pid, pid);  // also here, so no kill below can miss the group
  in.read.Close();
  out.write.Close();
  err.write.Close();
  report.write.Close();

  // An exec failure arrives on `report`; success closes it (O_CLOEXEC).
  int exec_errno = 0;
  ssize_t got;
  while ((got = ::read(report.read.get(), &exec_errno, sizeof exec_errno)) < 0 && errno == EINTR) {
  }
  if (got == static_cast<ssize_t>(sizeof exec_errno)) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    const std::string why = absl::StrCat("cannot run ", argv[0], ": ", std::strerror(exec_errno));
    if (exec_errno == EACCES) return absl::PermissionDeniedError(why);
    return absl::NotFoundError(why);
  }

  Fd pidfd;
#ifdef SYS_pidfd_open
  *pidfd.out() = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#endif
  ::fcntl(in.write.get(), F_SETFL, O_NONBLOCK);
  ::fcntl(err.read.get(), F_SETFL, O_NONBLOCK);
  if (input.empty()) in.write.Close();

  SubprocessResult result;
  LineCounter counter;
  size_t written = 0;
  bool leader_exited = false, group_killed = false;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(limits.timeout_seconds);
  while (result.stopped == SubprocessResult::Stop::kNone) {
    if (!leader_exited && LeaderExited(pid)) leader_exited = true;
    if (leader_exited && !group_killed) {
      // What the program left behind in its group goes with it.
      ::kill(-pid, SIGKILL);
      group_killed = true;
    }
    if (leader_exited && out.read.get() < 0 && err.read.get() < 0) break;
    const int64_t left = std::chrono::duration_cast<std::chrono::milliseconds>(
                             deadline - std::chrono::steady_clock::now())
                             .count();
    if (left <= 0) {
      if (!leader_exited) result.stopped = SubprocessResult::Stop::kTimeout;
      break;
    }
    pollfd fds[4];
    int n = 0;
    const int out_i = out.read.get() >= 0 ? n : -1;
    if (out_i >= 0) fds[n++] = {out.read.get(), POLLIN, 0};
    const int err_i = err.read.get() >= 0 ? n : -1;
    if (err_i >= 0) fds[n++] = {err.read.get(), POLLIN, 0};
    const int in_i = in.write.get() >= 0 ? n : -1;
    if (in_i >= 0) fds[n++] = {in.write.get(), POLLOUT, 0};
    const int pid_i = !leader_exited && pidfd.get() >= 0 ? n : -1;
    if (pid_i >= 0) fds[n++] = {pidfd.get(), POLLIN, 0};
    // Without a pidfd, the leader's exit is noticed by looking again soon.
    const int64_t wait_ms = leader_exited || pid_i >= 0 ? 1000 : 20;
    if (::poll(fds, static_cast<nfds_t>(n), static_cast<int>(std::min(left, wait_ms))) < 0) {
      if (errno == EINTR) continue;
      result.stopped = SubprocessResult::Stop::kTimeout;
      break;
    }
    if (in_i >= 0 && fds[in_i].revents != 0) {
      const ssize_t w = ::write(in.write.get(), input.data() + written, input.size() - written);
      if (w > 0) written += static_cast<size_t>(w);
      if (w < 0 && errno != EAGAIN && errno != EINTR) written = input.size();  // reader gone
      if (written >= input.size()) in.write.Close();
    }
    char buf[65536];
    if (out_i >= 0 && fds[out_i].revents != 0) {
      const ssize_t r = ::read(out.read.get(), buf, sizeof buf);
      if (r > 0) {
        const size_t size = static_cast<size_t>(r);
        if (limits.max_output_bytes > 0 && result.out.size() + size > limits.max_output_bytes) {
          result.stopped = SubprocessResult::Stop::kOutputBytes;
        } else {
          result.out.append(buf, size);
          counter.Add(buf, size);
          if (limits.max_output_lines > 0 && counter.lines > limits.max_output_lines) {
            result.stopped = SubprocessResult::Stop::kOutputLines;
          }
        }
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        out.read.Close();
      }
    }
    if (err_i >= 0 && fds[err_i].revents != 0) {
      const ssize_t r = ::read(err.read.get(), buf, sizeof buf);
      if (r > 0) {
        result.err.append(buf, static_cast<size_t>(r));
        if (result.err.size() > 2 * limits.max_stderr_bytes) {
          result.err.erase(0, result.err.size() - limits.max_stderr_bytes);
          result.err_truncated = true;
        }
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        err.read.Close();
      }
    }
  }
  if (!group_killed) ::kill(-pid, SIGKILL);
  if (result.err.size() > limits.max_stderr_bytes) {
    result.err.erase(0, result.err.size() - limits.max_stderr_bytes);
    result.err_truncated = true;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (result.stopped == SubprocessResult::Stop::kNone) {
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.term_signal = WTERMSIG(status);
  }
  return result;
}

}  // namespace stancegraph::importers::extract
