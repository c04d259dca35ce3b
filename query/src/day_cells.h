// Reversals need different days. The mentions of one timeline, in (made
// time, sequence) order, are folded into one cell per UTC day; a cell with
// for and against mentions (one article quoting both, a day of mixed
// messages) or only neutral ones decides nothing; a reversal is a change of
// polarity between two consecutive deciding cells. Mentions without a made
// time are on no day and take no part. Private to sg_query.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "stancegraph/schema/types.h"

namespace stancegraph::query::internal {

inline constexpr int64_t kDayMicros = 86'400'000'000;
inline constexpr int64_t kNoDay = std::numeric_limits<int64_t>::min();

// Days since the epoch (floor), or kNoDay for kNoTime.
inline int64_t DayOf(schema::Timestamp made) {
  if (made == schema::kNoTime) return kNoDay;
  return made / kDayMicros - (made % kDayMicros < 0 ? 1 : 0);
}

// Counts the reversals of timelines fed mention by mention. With
// `new_from` > 0, only those with a new (sequence >= new_from) for or
// against mention in one of their two cells.
class FlipCounter {
 public:
  explicit FlipCounter(uint64_t new_from = 0) : new_from_(new_from) {}

  // REQUIRES: (made, sequence) order within a timeline.
  void Add(schema::Timestamp made, int8_t polarity, uint64_t sequence) {
    const int64_t day = DayOf(made);
    if (day == kNoDay) return;
    if (!open_ || day != day_) {
      CloseCell();
      open_ = true;
      day_ = day;
    }
    if (polarity > 0) pos_ = true;
    if (polarity < 0) neg_ = true;
    if (polarity != 0 && new_from_ > 0 && sequence >= new_from_) new_ = true;
  }

  // Ends the timeline: its reversals; the counter is ready for the next.
  uint64_t Finish() {
    CloseCell();
    const uint64_t n = flips_;
    flips_ = 0;
    last_ = 0;
    last_new_ = false;
    return n;
  }

 private:
  void CloseCell() {
    if (!open_) return;
    const int8_t polarity = pos_ == neg_ ? 0 : pos_ ? 1 : -1;
    if (polarity != 0) {
      if (last_ != 0 && last_ != polarity && (new_from_ == 0 || last_new_ || new_)) ++flips_;
      last_ = polarity;
      last_new_ = new_;
    }
    open_ = pos_ = neg_ = new_ = false;
  }

  uint64_t new_from_;
  bool open_ = false;
  int64_t day_ = kNoDay;
  bool pos_ = false, neg_ = false, new_ = false;
  int8_t last_ = 0;
  bool last_new_ = false;
  uint64_t flips_ = 0;
};

// One mention on a timeline, as a view reads it.
struct Statement {
  schema::Timestamp made = schema::kNoTime;
  uint64_t sequence = 0;
  schema::EntityId speaker = 0;      // the holder who made it
  schema::PropositionId stated = 0;  // its proposition as stored
  int8_t polarity = 0;  // on the timeline's proposition
  // -1 when the stated proposition says the opposite of the timeline's
  // (a paraphrase link): the stored claim's polarity is polarity * sign.
  int8_t sign = 1;
  // The speaker's side one level below the timeline's (auto levels only).
  schema::EntityId below = 0;
};

// A reversal in a timeline, as index ranges of its statements.
struct Flip {
  // The run before: from the start of its first cell to the end of its last.
  size_t from_begin = 0, from_end = 0;
  // Where the last cell of the run before begins (it ends at from_end).
  size_t from_last_cell = 0;
  // The run after, and where its first cell ends (it begins at to_begin).
  size_t to_begin = 0, to_end = 0;
  size_t to_first_cell_end = 0;
  // A new for or against mention (sequence >= new_from) in one of the two
  // cells next to the change.
  bool touches_new = false;
};

// The reversals of one timeline in (made, sequence) order; FlipCounter
// counts the same ones.
std::vector<Flip> FindFlips(std::span<const Statement> timeline, uint64_t new_from);

}  // namespace stancegraph::query::internal
