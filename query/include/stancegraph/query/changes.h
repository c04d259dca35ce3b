// Changes over time: per (holder, proposition) timelines, reversals (the same
// holder taking the opposite polarity on a later day) with the evidence
// before and after, and everyone's stance on one proposition per week or
// month. Order is (made time, sequence); neutral mentions (polarity 0) are
// kept in timelines but do not break or make a reversal.
//
// Reversals need different days. A timeline's mentions are folded into one
// cell per UTC day of their made time; a day with for and against mentions
// (one article restating or quoting both) decides nothing; a reversal is a
// change of polarity between two consecutive deciding days. Mentions without
// a made time are on no day and take no part.
//
// Holders are read at a level (levels.h). At the organisation or state level
// a timeline holds the statements of everyone who spoke for one entity, so a
// government whose foreign minister said one thing and whose president
// later said the opposite has reversed itself; each run lists who spoke.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/query/evidence.h"
#include "stancegraph/query/filter.h"
#include "stancegraph/query/levels.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

// Consecutive mentions of one polarity in a timeline. In a reversal: the
// deciding days of one polarity between two changes, and the mentions of
// that polarity on them (and on undecided days among them).
struct StanceRun {
  int8_t polarity = 0;
  // The claim of the first mention.
  schema::ClaimId claim = 0;
  schema::Timestamp first_made = schema::kNoTime;
  schema::Timestamp last_made = schema::kNoTime;
  uint64_t first_sequence = 0;
  uint64_t last_sequence = 0;
  // The highest sequence in the run: the run holds something ingested at or
  // after S iff newest_sequence >= S.
  uint64_t newest_sequence = 0;
  uint32_t mentions = 0;
  // In a reversal: every claim in the run and the holders who made them,
  // each sorted. As named, one each; at a level, everyone who spoke for the
  // holder. Empty in Timeline().
  std::vector<schema::ClaimId> claims;
  std::vector<schema::EntityId> speakers;
};

struct Reversal {
  // The level the reversal was found at.
  Level level = Level::kPerson;
  // The holder at that level: the person, or the organisation or country
  // the speakers spoke for.
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
  // Default: everything. At a level, `filter.holders` names holders at that
  // level (with auto, at every level): --holder Turkey takes in what its
  // president and ministers said.
  Filter filter;
  // Only reversals with a for or against mention of sequence >=
  // since_sequence in one of the two days next to the change: what new
  // ingestion changed. The cost then grows with the new mentions (and, at
  // the organisation and state levels, with the mentions of the
  // propositions they touch). Default: 0 = all.
  uint64_t since_sequence = 0;
  // Mentions loaded on each side of a reversal. Default: 1; 0 = none.
  size_t evidence = 1;
  // The level holders are read at. nullopt = auto: each reversal at the most
  // specific level that holds it. Every holder's own reversals (level
  // person); then the changes of an organisation, and then of a state, that
  // are no one's own below: skipped when someone one level down (a person;
  // for a state also an organisation) spoke on both days of the change, or
  // on its later day against their own last stance before it. So a person
  // who flipped is a person-level reversal, and a foreign minister against
  // and the president later for is a state-level reversal of their country.
  // Default: nullopt (auto).
  std::optional<Level> level;
  // Read propositions through paraphrase links (proposition_links.h), as
  // contradictions do: "halting arms sales" one day and "arms sales" the
  // next is a reversal. Default: true.
  bool link_paraphrases = true;
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

// Streams the holder index (one holder's, with a holder filter); at the
// organisation and state levels reads the mentions of the holders that speak
// for another entity (and of those entities) and groups them. Yields
// reversals level by level (person, organisation, state); within a level,
// grouped by (holder, proposition), each group in time order. With
// since_sequence, reads only the timelines the new mentions touch.
absl::StatusOr<std::unique_ptr<ReversalIterator>> FindReversals(engine::Database& db,
                                                                const ChangeOptions& options = {});

// The runs of one holder (as named) on one proposition within the filter:
// every mention in order, neutral runs included, days not merged.
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
