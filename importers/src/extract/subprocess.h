// Runs a program under limits: its own process group, an address-space
// limit, a deadline, and caps on what it may print. Private to importers.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace stancegraph::importers::extract {

struct SubprocessLimits {
  // Wall-clock seconds before the program is killed. REQUIRES: > 0.
  int timeout_seconds = 60;
  // Bytes of stdout kept; the program is killed when it prints more.
  // 0 = no limit. Default: 64 MiB.
  uint64_t max_output_bytes = uint64_t{64} << 20;
  // Non-blank stdout lines accepted; the program is killed at the next one.
  // 0 = no limit. Default: 0.
  uint64_t max_output_lines = 0;
  // RLIMIT_AS of the program, set before exec. 0 = inherited. Default: 2 GiB.
  uint64_t max_memory_bytes = uint64_t{2} << 30;
  // The last this many bytes of stderr are kept; the rest is read and
  // dropped. Default: 4 KiB.
  size_t max_stderr_bytes = 4 << 10;
};

struct SubprocessResult {
  // Why the program was stopped, if it was.
  enum class Stop { kNone, kTimeout, kOutputBytes, kOutputLines };
  Stop stopped = Stop::kNone;
  std::string out;  // stdout, at most max_output_bytes
  std::string err;  // the tail of stderr, at most max_stderr_bytes
  bool err_truncated = false;
  int exit_code = 0;    // when it exited by itself
  int term_signal = 0;  // when a signal ended it (not set for our kills)
};

// Runs argv[0] (searched on $PATH when it has no '/') with `argv`, `input`
// on stdin. The program runs in a new process group; when it exceeds a limit
// the whole group is killed with SIGKILL, and after the program ends any
// process left in its group is killed too. The program is always reaped.
// Errors: NotFound / PermissionDenied when it cannot be started, Internal
// when pipes or fork fail. Exceeding a limit is not an error: see `stopped`.
// Thread-safety: any number of calls may run at once.
absl::StatusOr<SubprocessResult> RunSubprocess(const std::vector<std::string>& argv,
                                               const std::string& input,
                                               const SubprocessLimits& limits);

}  // namespace stancegraph::importers::extract
