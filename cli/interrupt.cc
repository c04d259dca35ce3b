#include "interrupt.h"

#include <signal.h>

namespace stancegraph::cli {
namespace {

std::atomic<bool> stop_requested{false};
std::atomic<int> received{0};

void OnSignal(int sig) {
  stop_requested.store(true);
  received.store(sig);
  // A second signal ends the process at once.
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
}

}  // namespace

InterruptGuard::InterruptGuard() {
  stop_requested.store(false);
  received.store(0);
  struct sigaction action = {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

InterruptGuard::~InterruptGuard() {
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
}

const std::atomic<bool>* InterruptGuard::flag() const { return &stop_requested; }

int InterruptGuard::signal_number() const { return received.load(); }

int InterruptGuard::ExitStatus() const { return 128 + received.load(); }

}  // namespace stancegraph::cli
