// Consistency check of a whole database against the invariants of
// engine/FORMAT.md: what `stancegraph check` runs.
//
//   SG_ASSIGN_OR_RETURN(CheckReport report, CheckConsistency(*db, {}));
//   if (!report.consistent()) for (const auto& p : report.problems) ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"

namespace stancegraph::engine {

struct CheckOptions {
  // Problems described in CheckReport::problems; the rest are only counted.
  // Default: 20.
  size_t max_reported = 20;
};

// One broken invariant, with the key it concerns decoded.
struct CheckProblem {
  std::string family;   // column family, e.g. "by_holder"
  std::string key;      // decoded, e.g. "holder=… prop=… made=… seq=12"
  std::string message;  // what is wrong
};

struct CheckReport {
  // What was read.
  uint64_t documents = 0;
  uint64_t entities = 0;
  uint64_t propositions = 0;
  uint64_t claims = 0;
  uint64_t mentions = 0;
  uint64_t index_entries = 0;  // doc_ranges, by_*, *_claims, aliases, ingest_log
  uint64_t corrections = 0;    // hand corrections, undone ones included
  // Every problem found; the first CheckOptions::max_reported are described.
  uint64_t problem_count = 0;
  std::vector<CheckProblem> problems;

  bool consistent() const { return problem_count == 0; }
};

// Reads every record and index entry of `db` as of one snapshot and checks:
// records decode and sit under their own id; each mention's claim, document,
// and its by_holder, by_prop and by_time entries exist and agree with it; the
// doc_ranges entries of a document cover exactly its mentions; the counters
// (next_sequence, count/documents, count/mentions) match what is stored;
// every claim's holder and proposition exist and its prop_claims and
// holder_claims entries exist; no index entry lacks its record; every active
// hand correction (corrections.h) changed some stored document or deleted
// one, else it is reported as dangling (its target is gone, e.g. the
// document was deleted or re-extraction no longer finds the mention).
// Works in every access mode (a kReadOnly database opened while another
// process imports is a consistent view). Takes time proportional to the size
// of the database and memory bounded by the number of problems reported.
// Returns a non-OK status only when reading fails (e.g. DataLoss from RocksDB);
// inconsistencies are in the report.
absl::StatusOr<CheckReport> CheckConsistency(Database& db, const CheckOptions& options = {});

}  // namespace stancegraph::engine
