// Large claims inputs in the benchmark CSV format (`claim_id,holder,
// proposition_id,polarity,ts,doc_id`), for tests that need an import to
// take a while: to kill it, fill a disk under it, or read beside it.
//   WriteClaimsCsv(tmp / "claims.csv", {.documents = 2000, .rows_per_document = 5,
//                                      .holders = 501, .propositions = 1999});
#pragma once

#include <fstream>
#include <string>

namespace stancegraph::testing {

struct ClaimsCsvShape {
  // Documents, each of `rows_per_document` consecutive rows (mentions).
  int documents = 0;
  int rows_per_document = 1;
  // How many distinct holders ("holder-N") and propositions ("prop-N") the
  // rows spread over. Polarities cycle -1, 0, +1; document d is dated
  // 2020-01-01 plus d minutes, its rows a second apart.
  int holders = 1;
  int propositions = 1;
};

inline std::string ClaimsCsv(const ClaimsCsvShape& shape) {
  std::string csv = "claim_id,holder,proposition_id,polarity,ts,doc_id\n";
  int id = 0;
  for (int d = 0; d < shape.documents; ++d) {
    for (int r = 0; r < shape.rows_per_document; ++r) {
      csv += std::to_string(++id) + ",holder-" + std::to_string((d * 7 + r * 13) % shape.holders) +
             ",prop-" + std::to_string((d * 3 + r) % shape.propositions) + "," +
             std::to_string((d + r) % 3 - 1) + "," + std::to_string(1577836800 + d * 60 + r) +
             ",doc-" + std::to_string(d) + "\n";
    }
  }
  return csv;
}

inline void WriteClaimsCsv(const std::string& path, const ClaimsCsvShape& shape) {
  std::ofstream(path, std::ios::binary) << ClaimsCsv(shape);
}

}  // namespace stancegraph::testing
