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

namespace {

bool SamePair(const engine::MentionRef& a, const engine::MentionRef& b) {
  return a.holder == b.holder && a.proposition == b.proposition;
}

// The holder index order.
bool Before(const engine::MentionRef& a, const engine::MentionRef& b) {
  return std::tie(a.holder, a.proposition, a.made, a.sequence) <
         std::tie(b.holder, b.proposition, b.made, b.sequence);
}

// Old stances passed before giving up on walking to the next new mention
// and seeking to it instead.
constexpr int kMaxWalk = 16;

}  // namespace

absl::StatusOr<uint64_t> CountReversalsAround(engine::Database& db,
                                              std::vector<engine::MentionRef> fresh,
                                              uint64_t new_from, const engine::ReadOptions& ro) {
  std::sort(fresh.begin(), fresh.end(), Before);
  auto cursor = db.NewTimelineCursor(ro);
  uint64_t reversals = 0;
  size_t i = 0;
  while (i < fresh.size()) {
    // A run starts at fresh[i]: the stance just before it...
    const size_t start = i;
    const engine::MentionRef first = fresh[i];
    int8_t last = 0;
    bool last_new = false;
    cursor->Seek(first);
    int back = 0;
    if (cursor->Valid()) {
      for (cursor->Prev(), ++back; cursor->Valid() && SamePair(cursor->ref(), first);
           cursor->Prev(), ++back) {
        if (cursor->ref().polarity != 0) {
          last = cursor->ref().polarity;
          last_new = cursor->ref().sequence >= new_from;
          break;
        }
      }
    }
    if (!cursor->status().ok()) return cursor->status();
    // Back to `first` by steps (cheaper than a seek), or by a seek when the
    // walk fell off the front of the index.
    if (cursor->Valid()) {
      for (; back > 0 && cursor->Valid(); --back) cursor->Next();
    } else {
      cursor->Seek(first);
    }
    // ...then forward through the new mentions of the run.
    int walked = 0;
    for (; cursor->Valid() && SamePair(cursor->ref(), first); cursor->Next()) {
      const engine::MentionRef& r = cursor->ref();
      const bool is_new = r.sequence >= new_from;
      while (i < fresh.size() && SamePair(fresh[i], first) && !Before(r, fresh[i])) ++i;
      if (r.polarity == 0) continue;
      if (last != 0 && last != r.polarity && (last_new || is_new)) ++reversals;
      last = r.polarity;
      last_new = is_new;
      walked = is_new ? 0 : walked + 1;
      // After an old stance, the transition out of the last new one is
      // counted: stop when the pair has no more new mentions, or seek to the
      // next one when it is far.
      if (!is_new && (i == fresh.size() || !SamePair(fresh[i], first) || walked >= kMaxWalk)) {
        break;
      }
    }
    if (!cursor->status().ok()) return cursor->status();
    // A mention missing from the index (a damaged one) must not stall the loop.
    if (i == start) ++i;
  }
  return reversals;
}

}  // namespace stancegraph::query::internal
