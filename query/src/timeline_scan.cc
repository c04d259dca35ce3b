#include "timeline_scan.h"

#include <algorithm>
#include <tuple>

#include "stancegraph/schema/ids.h"

namespace stancegraph::query::internal {

absl::StatusOr<std::vector<engine::MentionRef>> ReadTimeline(engine::Database& db,
                                                             schema::EntityId holder,
                                                             schema::PropositionId prop,
                                                             const engine::ScanOptions& so) {
  // A timeline is the mentions of at most three canonical claims (+1, 0, -1):
  // three short prefix scans of the claim index, then one sort by time.
  std::vector<engine::MentionRef> out;
  for (int8_t polarity : {int8_t{1}, int8_t{0}, int8_t{-1}}) {
    auto it = db.ScanByClaim(schema::MakeClaimId(holder, prop, polarity), so);
    for (; it->Valid(); it->Next()) out.push_back(it->ref());
    if (!it->status().ok()) return it->status();
  }
  std::sort(out.begin(), out.end(), [](const engine::MentionRef& a, const engine::MentionRef& b) {
    return std::tie(a.made, a.sequence) < std::tie(b.made, b.sequence);
  });
  return out;
}

uint64_t CountReversals(const std::vector<engine::MentionRef>& timeline, uint64_t new_from) {
  uint64_t n = 0;
  const engine::MentionRef* last = nullptr;
  for (const engine::MentionRef& r : timeline) {
    if (r.polarity == 0) continue;
    if (last != nullptr && last->polarity != r.polarity &&
        (new_from == 0 || last->sequence >= new_from || r.sequence >= new_from)) {
      ++n;
    }
    last = &r;
  }
  return n;
}

}  // namespace stancegraph::query::internal
