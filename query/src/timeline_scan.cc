#include "timeline_scan.h"

namespace stancegraph::query::internal {

absl::StatusOr<std::vector<engine::MentionRef>> ReadTimeline(engine::Database& db,
                                                             schema::EntityId holder,
                                                             schema::PropositionId prop,
                                                             const engine::ScanOptions& so) {
  std::vector<engine::MentionRef> out;
  // The holder index is ordered by proposition: stop once past `prop`.
  auto it = db.ScanByHolder(holder, so);
  for (; it->Valid(); it->Next()) {
    const engine::MentionRef& r = it->ref();
    if (r.proposition == prop) {
      out.push_back(r);
    } else if (!out.empty()) {
      break;
    }
  }
  if (!it->status().ok()) return it->status();
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
