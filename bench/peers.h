// Drives the peer databases (SQLite, DuckDB) through ../shared/peers/run_bench.py
// so our figures are printed beside theirs from the same run.
#pragma once

#include <map>
#include <string>

namespace stancegraph::bench {

struct PeerFigures {
  double load_s = 0, q1_s = 0, q2_s = 0;
  std::string q1_count, q2_count;
};

// Runs `python3 script csv runs` and reads its per-peer lines. Empty when
// the script could not run (the reason is printed to stderr).
std::map<std::string, PeerFigures> RunPeers(const std::string& script, const std::string& csv,
                                            int runs);

// Peak resident memory of this process so far, in MiB.
double PeakRssMiB();

}  // namespace stancegraph::bench
