#include "stancegraph/query/changes.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "stancegraph/schema/status_macros.h"
#include "timeline_scan.h"

namespace stancegraph::query {
namespace {

// The runs of one timeline: consecutive mentions of one polarity.
std::vector<StanceRun> BuildRuns(const std::vector<engine::MentionRef>& timeline) {
  std::vector<StanceRun> runs;
  for (const engine::MentionRef& r : timeline) {
    if (runs.empty() || runs.back().polarity != r.polarity) {
      runs.push_back({.polarity = r.polarity,
                      .claim = r.claim(),
                      .first_made = r.made,
                      .first_sequence = r.sequence});
    }
    StanceRun& run = runs.back();
    run.last_made = r.made;
    run.last_sequence = r.sequence;
    run.newest_sequence = std::max(run.newest_sequence, r.sequence);
    run.mentions += 1;
  }
  return runs;
}

}  // namespace

absl::StatusOr<std::vector<StanceRun>> Timeline(engine::Database& db, schema::EntityId holder,
                                                schema::PropositionId prop, const Filter& filter) {
  SG_ASSIGN_OR_RETURN(std::vector<engine::MentionRef> all,
                      internal::ReadTimeline(db, holder, prop, {.snapshot = filter.snapshot}));
  MentionFilter accept(db, filter);
  std::vector<engine::MentionRef> kept;
  for (const engine::MentionRef& r : all) {
    SG_ASSIGN_OR_RETURN(bool ok, accept.AcceptRef(r));
    if (ok) kept.push_back(r);
  }
  return BuildRuns(kept);
}

schema::Timestamp PeriodStart(schema::Timestamp t, Period period) {
  constexpr int64_t kDay = 86'400'000'000;
  int64_t day = t / kDay - (t % kDay < 0 ? 1 : 0);  // floor
  switch (period) {
    case Period::kDay:
      return day * kDay;
    case Period::kWeek: {
      // 1970-01-01 was a Thursday: Monday-based weekday = (day + 3) mod 7.
      int64_t weekday = ((day + 3) % 7 + 7) % 7;
      return (day - weekday) * kDay;
    }
    case Period::kMonth: {
      absl::CivilMonth m = absl::ToCivilMonth(absl::FromUnixMicros(t), absl::UTCTimeZone());
      return absl::ToUnixMicros(absl::FromCivil(m, absl::UTCTimeZone()));
    }
  }
  return day * kDay;
}

absl::StatusOr<std::vector<PeriodStance>> StanceByPeriod(engine::Database& db,
                                                         schema::PropositionId prop,
                                                         Period period, const Filter& filter) {
  Filter f = filter;
  f.propositions = {prop};
  std::map<std::pair<schema::Timestamp, schema::EntityId>, PeriodStance> cells;
  FilteredMentions it(db, f);
  for (; it.Valid(); it.Next()) {
    const engine::MentionRef& r = it.ref();
    if (r.made == schema::kNoTime) continue;
    const schema::Timestamp start = PeriodStart(r.made, period);
    PeriodStance& cell = cells[{start, r.holder}];
    cell.period_start = start;
    cell.holder = r.holder;
    if (r.polarity > 0) ++cell.for_mentions;
    if (r.polarity < 0) ++cell.against_mentions;
    if (r.polarity == 0) ++cell.neutral_mentions;
  }
  SG_RETURN_IF_ERROR(it.status());
  std::vector<PeriodStance> out;
  out.reserve(cells.size());
  for (auto& [key, cell] : cells) out.push_back(cell);
  return out;
}

}  // namespace stancegraph::query
