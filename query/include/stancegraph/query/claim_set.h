// The distinct claims (holder, proposition, polarity) a filtered view holds:
// the edges of the signed bipartite graph holder —(+/−)— proposition, from
// which contradictions, agreements and the holder networks are computed.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/query/filter.h"
#include "stancegraph/query/view_mapping.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

// One claim as a view reads it. Under a ViewMapping, `holder` is the side at
// the view's level and `proposition` the representative; `speaker` and
// `stated` then keep the stored claim's holder and proposition (0 = the same
// as `holder` / `proposition`, always so without a mapping). `polarity` is
// the polarity on `proposition`: the stored claim's times `sign`, which is -1
// when the stated proposition says the opposite of its representative.
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
  schema::EntityId speaker = 0;
  schema::PropositionId stated = 0;
  int8_t sign = 1;
};

// The stored claim's holder and proposition, and its id.
inline schema::EntityId SpeakerOf(const ClaimStat& c) { return c.speaker ? c.speaker : c.holder; }
inline schema::PropositionId StatedOf(const ClaimStat& c) {
  return c.stated ? c.stated : c.proposition;
}
schema::ClaimId StoredClaimOf(const ClaimStat& c);

// A run of claims on one proposition, sorted by (polarity, holder, speaker,
// stated).
struct PropositionClaims {
  schema::PropositionId proposition = 0;
  std::span<const ClaimStat> claims;
};

// Immutable once built; safe to read from several threads.
class ClaimSet {
 public:
  // Reads the claims passing `filter`, as `mapping` reads them. Without
  // mention-level restrictions (time window, confidence, flags, outlet),
  // without `mention_stats` and without a holder level this reads only the
  // canonical claim index (mention counts and times are then unknown);
  // otherwise it scans the mentions the filter selects (a level needs each
  // mention's time). At a level, `filter.holders` names sides: the
  // statements of everyone who speaks for them are read.
  static absl::StatusOr<ClaimSet> Build(engine::Database& db, const Filter& filter,
                                        bool mention_stats = false,
                                        const ViewMapping& mapping = {});
  // For tests and callers that hold claims already. Sorts and merges
  // duplicates (mention counts add, time bounds widen).
  static ClaimSet FromClaims(std::vector<ClaimStat> claims);

  ClaimSet() = default;

  // Sorted by (proposition, polarity, holder, speaker, stated); one entry per
  // claim as viewed and stored claim behind it (one per claim without a
  // mapping).
  const std::vector<ClaimStat>& claims() const { return claims_; }
  size_t size() const { return claims_.size(); }
  // Groups by proposition, in proposition order.
  std::vector<PropositionClaims> ByProposition() const;

 private:
  explicit ClaimSet(std::vector<ClaimStat> sorted) : claims_(std::move(sorted)) {}
  std::vector<ClaimStat> claims_;
};

// Builds a ClaimSet from mentions read elsewhere, as `mapping` reads them
// (the mention path of ClaimSet::Build). The mapping's resolver must outlive
// the builder. Not thread-safe.
class ClaimSetBuilder {
 public:
  explicit ClaimSetBuilder(const ViewMapping& mapping = {});
  ~ClaimSetBuilder();
  ClaimSetBuilder(ClaimSetBuilder&&) noexcept;
  ClaimSetBuilder& operator=(ClaimSetBuilder&&) noexcept;

  // Adds one mention, placed on its holder's side at its made time. Errors
  // only when the mapping cannot read the store.
  absl::Status Add(const engine::MentionRef& mention);
  // The claims added so far. Leaves the builder empty.
  ClaimSet Finish();

 private:
  struct Index;
  ViewMapping mapping_;
  std::vector<ClaimStat> claims_;
  std::unique_ptr<Index> index_;
};

// The holders on each side of one proposition, each sorted and distinct
// (sides, under a mapping), and how many
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
