#include "stancegraph/query/changes.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <utility>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "stancegraph/schema/status_macros.h"
#include "timeline_scan.h"

namespace stancegraph::query {
namespace {

// Runs of one timeline, each with the sequences of its mentions in order.
struct RunWithMentions {
  StanceRun run;
  std::vector<uint64_t> sequences;
};

std::vector<RunWithMentions> BuildRuns(const std::vector<engine::MentionRef>& timeline) {
  std::vector<RunWithMentions> runs;
  for (const engine::MentionRef& r : timeline) {
    if (runs.empty() || runs.back().run.polarity != r.polarity) {
      runs.push_back({.run = {.polarity = r.polarity,
                              .claim = r.claim(),
                              .first_made = r.made,
                              .first_sequence = r.sequence}});
    }
    StanceRun& run = runs.back().run;
    run.last_made = r.made;
    run.last_sequence = r.sequence;
    run.newest_sequence = std::max(run.newest_sequence, r.sequence);
    run.mentions += 1;
    runs.back().sequences.push_back(r.sequence);
  }
  return runs;
}

class ReversalIteratorImpl : public ReversalIterator {
 public:
  ReversalIteratorImpl(engine::Database& db, ChangeOptions options)
      : db_(db), options_(std::move(options)), records_(db, options_.filter.snapshot) {}

  // Full mode: stream the holder index.
  absl::Status StartFull() {
    scan_ = std::make_unique<FilteredMentions>(db_, options_.filter, /*grouped=*/true);
    Advance();
    return absl::OkStatus();
  }

  // Incremental mode: only the timelines the new mentions touch.
  absl::Status StartSince() {
    MentionFilter accept(db_, options_.filter);
    auto it = db_.ScanByIngest(options_.since_sequence, {.snapshot = options_.filter.snapshot});
    for (; it->Valid(); it->Next()) {
      SG_ASSIGN_OR_RETURN(bool ok, accept.Accept(*it));
      if (ok) touched_.emplace(it->ref().holder, it->ref().proposition);
    }
    SG_RETURN_IF_ERROR(it->status());
    next_touched_ = touched_.begin();
    Advance();
    return absl::OkStatus();
  }

  bool Valid() const override { return !pending_.empty(); }
  void Next() override {
    pending_.pop_front();
    if (pending_.empty()) Advance();
  }
  const Reversal& value() const override { return pending_.front(); }
  absl::Status status() const override { return status_; }
  RecordCache& records() override { return records_; }

 private:
  // Reads timelines until one yields reversals or the input ends.
  void Advance() {
    while (pending_.empty() && status_.ok()) {
      std::vector<engine::MentionRef> timeline;
      if (scan_ != nullptr) {
        if (!scan_->Valid()) {
          status_ = scan_->status();
          return;
        }
        const schema::EntityId h = scan_->ref().holder;
        const schema::PropositionId p = scan_->ref().proposition;
        while (scan_->Valid() && scan_->ref().holder == h && scan_->ref().proposition == p) {
          timeline.push_back(scan_->ref());
          scan_->Next();
        }
      } else {
        if (next_touched_ == touched_.end()) return;
        auto [h, p] = *next_touched_++;
        absl::Status s = ReadFiltered(h, p, timeline);
        if (!s.ok()) {
          status_ = s;
          return;
        }
      }
      Emit(timeline);
    }
  }

  absl::Status ReadFiltered(schema::EntityId h, schema::PropositionId p,
                            std::vector<engine::MentionRef>& out) {
    SG_ASSIGN_OR_RETURN(std::vector<engine::MentionRef> all,
                        internal::ReadTimeline(db_, h, p, {.snapshot = options_.filter.snapshot}));
    if (accept_ == nullptr) accept_ = std::make_unique<MentionFilter>(db_, options_.filter);
    for (const engine::MentionRef& r : all) {
      SG_ASSIGN_OR_RETURN(bool ok, accept_->AcceptRef(r));
      if (ok) out.push_back(r);
    }
    return absl::OkStatus();
  }

  void Emit(const std::vector<engine::MentionRef>& timeline) {
    std::vector<RunWithMentions> runs = BuildRuns(timeline);
    std::erase_if(runs, [](const RunWithMentions& r) { return r.run.polarity == 0; });
    for (size_t i = 1; i < runs.size(); ++i) {
      const RunWithMentions& from = runs[i - 1];
      const RunWithMentions& to = runs[i];
      if (from.run.polarity == to.run.polarity) continue;
      if (options_.since_sequence > 0 && from.run.newest_sequence < options_.since_sequence &&
          to.run.newest_sequence < options_.since_sequence) {
        continue;
      }
      Reversal rev{.holder = timeline.front().holder,
                   .proposition = timeline.front().proposition,
                   .from = from.run,
                   .to = to.run};
      for (size_t k = 0; k < options_.evidence && k < from.sequences.size(); ++k) {
        if (!Load(from.sequences[from.sequences.size() - 1 - k], rev.before)) return;
      }
      for (size_t k = 0; k < options_.evidence && k < to.sequences.size(); ++k) {
        if (!Load(to.sequences[k], rev.after)) return;
      }
      pending_.push_back(std::move(rev));
    }
  }

  bool Load(uint64_t sequence, std::vector<Evidence>& into) {
    absl::StatusOr<Evidence> e = records_.LoadEvidence(sequence);
    if (!e.ok()) {
      status_ = e.status();
      pending_.clear();
      return false;
    }
    into.push_back(*std::move(e));
    return true;
  }

  engine::Database& db_;
  ChangeOptions options_;
  RecordCache records_;
  std::unique_ptr<FilteredMentions> scan_;
  std::unique_ptr<MentionFilter> accept_;
  std::set<std::pair<schema::EntityId, schema::PropositionId>> touched_;
  std::set<std::pair<schema::EntityId, schema::PropositionId>>::iterator next_touched_;
  std::deque<Reversal> pending_;
  absl::Status status_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ReversalIterator>> FindReversals(engine::Database& db,
                                                                const ChangeOptions& options) {
  auto it = std::make_unique<ReversalIteratorImpl>(db, options);
  if (options.since_sequence > 0) {
    SG_RETURN_IF_ERROR(it->StartSince());
  } else {
    SG_RETURN_IF_ERROR(it->StartFull());
  }
  return it;
}

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
  std::vector<StanceRun> runs;
  for (RunWithMentions& r : BuildRuns(kept)) runs.push_back(r.run);
  return runs;
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
