// Ctrl-C and SIGTERM during a long command: the first asks the work to stop
// at the next whole step (what is done stays stored), a second ends the
// process at once (the store stays consistent then too).
#pragma once

#include <atomic>

namespace stancegraph::cli {

class InterruptGuard {
 public:
  // Installs the handlers for SIGINT and SIGTERM; one guard at a time.
  InterruptGuard();
  // Restores the default handlers.
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // Becomes true at the first signal; hand it to the work as its stop flag.
  const std::atomic<bool>* flag() const;
  // The signal received (SIGINT or SIGTERM), or 0.
  int signal_number() const;
  // The shell's exit status for that signal: 128 + its number (130, 143).
  int ExitStatus() const;
};

}  // namespace stancegraph::cli
