// Reading back what the engine derived from written documents: the novelty
// each mention recorded, a proposition's sides, and whether the whole store
// is consistent.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "stancegraph/engine/check.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::testing {

struct Novelty {
  bool first_of_claim, completes_pair, pair_has_both;
  bool operator==(const Novelty&) const = default;
};

// The novelty flags of the mentions stored from sequence `since` on, in order.
inline std::vector<Novelty> NoveltySince(engine::Database& db, uint64_t since) {
  std::vector<Novelty> out;
  auto it = db.ScanByIngest(since);
  for (; it->Valid(); it->Next()) {
    const auto& r = it->ref();
    out.push_back({r.first_of_claim, r.completes_pair, r.pair_has_both});
  }
  REQUIRE(it->status().ok());
  return out;
}

inline engine::PropositionSides SidesOf(engine::Database& db, const std::string& prop) {
  const schema::PropositionId id = schema::MakePropositionId(schema::NormalizeKey(prop));
  auto sides = db.GetPropositionSides({id});
  REQUIRE(sides.ok());
  REQUIRE(sides->size() == 1);
  return (*sides)[0];
}

// CheckConsistency over all of `db` (REQUIRE: it runs to the end). The
// problems found are given to the next assertion, which is the caller's on
// report.consistent().
inline engine::CheckReport ConsistencyReport(engine::Database& db) {
  auto report = engine::CheckConsistency(db, {});
  REQUIRE(report.ok());
  for (const auto& p : report->problems) {
    UNSCOPED_INFO(p.family << " [" << p.key << "] " << p.message);
  }
  return *std::move(report);
}

}  // namespace stancegraph::testing
