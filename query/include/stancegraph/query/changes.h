// Changes over time: per (holder, proposition) timelines, reversals (the same
// holder taking the opposite polarity later) with the evidence before and
// after, and everyone's stance on one proposition per week or month.
// Order is (made time, sequence); neutral mentions (polarity 0) are kept in
// timelines but do not break or make a reversal.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/query/evidence.h"
#include "stancegraph/query/filter.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

// Consecutive mentions of one polarity in a timeline.
struct StanceRun {
  int8_t polarity = 0;
  schema::ClaimId claim = 0;
  schema::Timestamp first_made = schema::kNoTime;
  schema::Timestamp last_made = schema::kNoTime;
  uint64_t first_sequence = 0;
  uint64_t last_sequence = 0;
  // The highest sequence in the run: the run holds something ingested at or
  // after S iff newest_sequence >= S.
  uint64_t newest_sequence = 0;
  uint32_t mentions = 0;
};

struct Reversal {
  schema::EntityId holder = 0;
  schema::PropositionId proposition = 0;
  // The run before and the run after the change; `to.first_made` is when the
  // new position was first seen.
  StanceRun from;
  StanceRun to;
  // Up to ChangeOptions::evidence mentions each: the last of `from` (latest
  // first) and the first of `to` (earliest first).
  std::vector<Evidence> before;
  std::vector<Evidence> after;
};

struct ChangeOptions {
  // Default: everything.
  Filter filter;
  // Only reversals with a mention of sequence >= since_sequence on a side:
  // what new ingestion changed. The cost then grows with the new mentions.
  // Default: 0 = all.
  uint64_t since_sequence = 0;
  // Mentions loaded on each side of a reversal. Default: 1; 0 = none.
  size_t evidence = 1;
};

// Not thread-safe. Must not outlive the Database.
class ReversalIterator {
 public:
  virtual ~ReversalIterator() = default;
  virtual bool Valid() const = 0;
  // REQUIRES: Valid()
  virtual void Next() = 0;
  // REQUIRES: Valid()
  virtual const Reversal& value() const = 0;
  virtual absl::Status status() const = 0;
  virtual RecordCache& records() = 0;
};

// Streams the holder index (one holder's, with a holder filter); yields
// reversals by (holder, proposition), then in time order. With
// since_sequence, reads only the timelines the new mentions touch.
absl::StatusOr<std::unique_ptr<ReversalIterator>> FindReversals(engine::Database& db,
                                                                const ChangeOptions& options = {});

// The runs of one holder on one proposition within the filter.
absl::StatusOr<std::vector<StanceRun>> Timeline(engine::Database& db, schema::EntityId holder,
                                                schema::PropositionId prop,
                                                const Filter& filter = {});

enum class Period : uint8_t { kDay, kWeek, kMonth };

// One holder's mentions on a proposition within one period.
struct PeriodStance {
  schema::Timestamp period_start = 0;  // UTC; weeks start on Monday
  schema::EntityId holder = 0;
  uint32_t for_mentions = 0;
  uint32_t against_mentions = 0;
  uint32_t neutral_mentions = 0;
  // +1, -1, or 0 when tied or neutral only.
  int8_t net() const {
    return for_mentions > against_mentions ? 1 : against_mentions > for_mentions ? -1 : 0;
  }
};

// Everyone's stance on `prop` per period, by (period, holder). Mentions
// without a made time are left out.
absl::StatusOr<std::vector<PeriodStance>> StanceByPeriod(engine::Database& db,
                                                         schema::PropositionId prop,
                                                         Period period, const Filter& filter = {});

// The start of the period holding `t` (UTC).
schema::Timestamp PeriodStart(schema::Timestamp t, Period period);

}  // namespace stancegraph::query
