#include "peers.h"

#include <sys/resource.h>

#include <cstdio>
#include <iostream>
#include <regex>

namespace stancegraph::bench {

std::map<std::string, PeerFigures> RunPeers(const std::string& script, const std::string& csv,
                                            int runs) {
  std::map<std::string, PeerFigures> out;
  const std::string cmd = "python3 '" + script + "' '" + csv + "' " + std::to_string(runs);
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) {
    std::cerr << "bench: cannot run " << cmd << "\n";
    return out;
  }
  std::string text;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) text.append(buf, n);
  pclose(p);
  const std::regex line(
      R"((\w+)\s+load_s=([\d.]+) q1_contra_pairs_s=([\d.]+) \(count=(\d+)\) q2_flip_s=([\d.]+) \(count=(\d+)\))");
  for (std::sregex_iterator it(text.begin(), text.end(), line), end; it != end; ++it) {
    const std::smatch& m = *it;
    out[m[1]] = {std::stod(m[2]), std::stod(m[3]), std::stod(m[5]), m[4], m[6]};
  }
  if (out.empty()) std::cerr << "bench: could not read the peers' output:\n" << text;
  return out;
}

double PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

}  // namespace stancegraph::bench
