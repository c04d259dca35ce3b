// The distinct claims (holder, proposition, polarity) a filtered view holds:
// the edges of the signed bipartite graph holder —(+/−)— proposition, from
// which contradictions, agreements and the holder networks are computed.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/query/filter.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

struct ClaimStat {
  schema::PropositionId proposition = 0;
  int8_t polarity = 0;
  schema::EntityId holder = 0;
  // Mentions in the view. 0 when the view was read from the canonical claim
  // index (no filter), which does not count them.
  uint32_t mentions = 0;
  // Made times of the first and last mention in the view; kNoTime when unknown.
  schema::Timestamp first_made = schema::kNoTime;
  schema::Timestamp last_made = schema::kNoTime;
};

// A run of claims on one proposition, sorted by (polarity, holder).
struct PropositionClaims {
  schema::PropositionId proposition = 0;
  std::span<const ClaimStat> claims;
};

// Immutable once built; safe to read from several threads.
class ClaimSet {
 public:
  // Reads the claims passing `filter`. Without mention-level restrictions
  // (time window, confidence, flags, outlet) and without `mention_stats`
  // this reads only the canonical claim index (mention counts and times are
  // then unknown); otherwise it scans the mentions the filter selects.
  static absl::StatusOr<ClaimSet> Build(engine::Database& db, const Filter& filter,
                                        bool mention_stats = false);
  // For tests and callers that hold claims already. Sorts and merges
  // duplicates (mention counts add, time bounds widen).
  static ClaimSet FromClaims(std::vector<ClaimStat> claims);

  ClaimSet() = default;

  // Sorted by (proposition, polarity, holder); one entry per claim.
  const std::vector<ClaimStat>& claims() const { return claims_; }
  size_t size() const { return claims_.size(); }
  // Groups by proposition, in proposition order.
  std::vector<PropositionClaims> ByProposition() const;

 private:
  explicit ClaimSet(std::vector<ClaimStat> sorted) : claims_(std::move(sorted)) {}
  std::vector<ClaimStat> claims_;
};

// The holders on each side of one proposition, each sorted, and how many
// (for, against) pairs of different holders they make:
// |for|·|against| − |for ∩ against|.
struct Sides {
  std::vector<schema::EntityId> for_holders;
  std::vector<schema::EntityId> against_holders;
  std::vector<schema::EntityId> both;  // holders on both sides (reversing themselves)
  uint64_t pairs = 0;
};
Sides SidesOf(std::span<const ClaimStat> claims_of_one_proposition);

// |a|·|b| − |a ∩ b| for sorted, duplicate-free holder lists.
uint64_t CountOpposedPairs(std::span<const schema::EntityId> for_holders,
                           std::span<const schema::EntityId> against_holders);

}  // namespace stancegraph::query
