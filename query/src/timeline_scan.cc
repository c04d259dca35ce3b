#include "timeline_scan.h"

#include <algorithm>
#include <tuple>

#include "day_cells.h"
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
  FlipCounter counter(new_from);
  for (const engine::MentionRef& r : timeline) counter.Add(r.made, r.polarity, r.sequence);
  return counter.Finish();
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

// Old deciding days passed before giving up on walking to the next new
// mention and seeking to it instead.
constexpr int kMaxWalk = 16;

// One day of a timeline as it is read.
struct DayAcc {
  bool pos = false, neg = false, fresh = false;
  void Add(const engine::MentionRef& r, uint64_t new_from) {
    if (r.polarity > 0) pos = true;
    if (r.polarity < 0) neg = true;
    if (r.polarity != 0 && r.sequence >= new_from) fresh = true;
  }
  int8_t polarity() const { return pos == neg ? 0 : pos ? 1 : -1; }
};

}  // namespace

absl::StatusOr<uint64_t> CountReversalsAround(engine::Database& db,
                                              std::vector<engine::MentionRef> fresh,
                                              uint64_t new_from, const engine::ReadOptions& ro) {
  std::sort(fresh.begin(), fresh.end(), Before);
  auto cursor = db.NewTimelineCursor(ro);
  uint64_t reversals = 0;
  size_t i = 0;
  while (i < fresh.size()) {
    const size_t start = i;
    const engine::MentionRef first = fresh[i];
    const int64_t first_day = DayOf(first.made);
    if (first_day == kNoDay) {  // on no day: in no reversal
      ++i;
      continue;
    }
    // A run of new days starts at first_day: the deciding day just before
    // it, read whole, walking back...
    engine::MentionRef at = first;
    at.made = first_day * kDayMicros;
    at.sequence = 0;
    cursor->Seek(at);
    if (!cursor->Valid()) {
      if (!cursor->status().ok()) return cursor->status();
      ++i;  // missing from the index (a damaged one): must not stall the loop
      continue;
    }
    int8_t last = 0;
    bool last_new = false;
    int back = 0;
    {
      DayAcc day;
      int64_t day_of = kNoDay;
      for (cursor->Prev(), ++back; cursor->Valid() && SamePair(cursor->ref(), first);
           cursor->Prev(), ++back) {
        const int64_t d = DayOf(cursor->ref().made);
        if (d == kNoDay) break;  // undated mentions come first: nothing earlier
        if (d != day_of && day_of != kNoDay) {
          if (day.polarity() != 0) break;
          day = {};
        }
        day_of = d;
        day.Add(cursor->ref(), new_from);
      }
      if (day.polarity() != 0) {
        last = day.polarity();
        last_new = day.fresh;
      }
    }
    if (!cursor->status().ok()) return cursor->status();
    // Back to the start of first_day by steps (cheaper than a seek), or by a
    // seek when the walk fell off the front of the index.
    if (cursor->Valid()) {
      for (; back > 0 && cursor->Valid(); --back) cursor->Next();
    } else {
      cursor->Seek(at);
    }
    // ...then forward, a whole day at a time, through the new days.
    int walked = 0;
    while (cursor->Valid() && SamePair(cursor->ref(), first)) {
      const int64_t d = DayOf(cursor->ref().made);
      DayAcc day;
      for (; cursor->Valid() && SamePair(cursor->ref(), first) && DayOf(cursor->ref().made) == d;
           cursor->Next()) {
        day.Add(cursor->ref(), new_from);
      }
      while (i < fresh.size() && SamePair(fresh[i], first) && DayOf(fresh[i].made) <= d) ++i;
      const int8_t polarity = day.polarity();
      if (polarity == 0) continue;
      if (last != 0 && last != polarity && (last_new || day.fresh)) ++reversals;
      last = polarity;
      last_new = day.fresh;
      walked = day.fresh ? 0 : walked + 1;
      // After an old deciding day, the change out of the last new one is
      // counted: stop when the pair has no more new mentions, or seek to the
      // next one when it is far.
      if (!day.fresh && (i == fresh.size() || !SamePair(fresh[i], first) || walked >= kMaxWalk)) {
        break;
      }
    }
    if (!cursor->status().ok()) return cursor->status();
    if (i == start) ++i;
  }
  return reversals;
}

}  // namespace stancegraph::query::internal
