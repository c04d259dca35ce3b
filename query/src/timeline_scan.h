// Reading one (holder, proposition) timeline. Private to sg_query.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"

namespace stancegraph::query::internal {

// The index refs of `holder`'s mentions on `prop`, in (made, sequence) order.
absl::StatusOr<std::vector<engine::MentionRef>> ReadTimeline(engine::Database& db,
                                                             schema::EntityId holder,
                                                             schema::PropositionId prop,
                                                             const engine::ScanOptions& so);

// Reversals in a (made, sequence)-ordered timeline: changes of polarity
// between consecutive deciding days (day_cells.h). When `new_from` is set,
// counts only the reversals with a for or against mention of sequence >=
// new_from in one of their two days.
uint64_t CountReversals(const std::vector<engine::MentionRef>& timeline,
                        uint64_t new_from = 0);

// The reversals CountReversals(timeline, new_from) would count, summed over
// the timelines of `fresh` (mentions with sequence >= new_from, non-neutral),
// reading only around them: before each run of new days the nearest earlier
// deciding day, then forward a day at a time until the deciding day after
// the last new one. The cost grows with the new mentions, not with the
// timelines' length. `fresh` is sorted here.
absl::StatusOr<uint64_t> CountReversalsAround(engine::Database& db,
                                              std::vector<engine::MentionRef> fresh,
                                              uint64_t new_from, const engine::ReadOptions& ro);

}  // namespace stancegraph::query::internal
