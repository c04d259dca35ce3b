// FindReversals: timelines read at a level, folded into days, and the
// changes between deciding days (day_cells.h).
//
// Every holder's own timeline streams from the holder index. At the
// organisation and state levels only the holders that speak for another
// entity, and those entities, have timelines that are more than their own:
// their mentions are read, mapped to the entity they spoke for at the time,
// sorted and grouped. With since_sequence only the timelines the new mentions
// touch are read: a holder's own through its claims, a grouped one through
// its proposition.
#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "day_cells.h"
#include "stancegraph/query/changes.h"
#include "stancegraph/query/view_mapping.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "timeline_scan.h"

namespace stancegraph::query {
namespace {

using internal::Flip;
using internal::Statement;

// One timeline to read: a holder at a level on a proposition. `grouped`
// timelines hold everyone who spoke for the holder then; the others are one
// holder's own.
struct TimelineKey {
  Level level = Level::kPerson;
  schema::EntityId holder = 0;
  schema::PropositionId prop = 0;
  bool grouped = false;
  auto operator<=>(const TimelineKey&) const = default;
};

// A mention placed on a grouped timeline.
struct Placed {
  schema::EntityId side = 0;
  schema::PropositionId prop = 0;
  Statement statement;
};

bool PlacedLess(const Placed& a, const Placed& b) {
  return std::tie(a.side, a.prop, a.statement.made, a.statement.sequence) <
         std::tie(b.side, b.prop, b.statement.made, b.statement.sequence);
}

Statement ToStatement(const engine::MentionRef& r, int8_t sign, schema::EntityId below = 0) {
  return {.made = r.made,
          .sequence = r.sequence,
          .speaker = r.holder,
          .stated = r.proposition,
          .polarity = static_cast<int8_t>(r.polarity * sign),
          .sign = sign,
          .below = below};
}

bool TimeLess(const Statement& a, const Statement& b) {
  return std::tie(a.made, a.sequence) < std::tie(b.made, b.sequence);
}

// The polarity of the deciding day in [begin, end).
int8_t DayPolarity(std::span<const Statement> t, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (t[i].polarity != 0) return t[i].polarity;
  }
  return 0;
}

template <typename T>
void SortUnique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// The run of `polarity` in [begin, end), and the sequences of its mentions.
StanceRun MakeRun(std::span<const Statement> t, size_t begin, size_t end, int8_t polarity,
                  std::vector<uint64_t>& sequences) {
  StanceRun run{.polarity = polarity};
  for (size_t i = begin; i < end; ++i) {
    const Statement& s = t[i];
    if (s.polarity != polarity) continue;
    const schema::ClaimId claim =
        schema::MakeClaimId(s.speaker, s.stated, static_cast<int8_t>(polarity * s.sign));
    if (run.mentions == 0) {
      run.claim = claim;
      run.first_made = s.made;
      run.first_sequence = s.sequence;
    }
    run.last_made = s.made;
    run.last_sequence = s.sequence;
    run.newest_sequence = std::max(run.newest_sequence, s.sequence);
    run.mentions += 1;
    run.claims.push_back(claim);
    run.speakers.push_back(s.speaker);
    sequences.push_back(s.sequence);
  }
  SortUnique(run.claims);
  SortUnique(run.speakers);
  return run;
}

// Whether `s` was said by `who`: its speaker, or (`with_below`) the side one
// level down it spoke for.
bool SaidBy(const Statement& s, schema::EntityId who, bool with_below) {
  return s.speaker == who || (with_below && s.below == who);
}

// Whether a change at the organisation or state level belongs to a more
// specific one: someone one level down (a person; at the state level also an
// organisation) spoke on both of its days, or spoke on its later day against
// what they themselves had said on their last deciding day before it. It is
// then their own reversal, found at their level.
bool FoundBelow(std::span<const Statement> t, const Flip& f, bool with_below) {
  std::vector<schema::EntityId> before, after;
  for (size_t i = f.from_last_cell; i < f.from_end; ++i) {
    if (t[i].polarity == 0) continue;
    before.push_back(t[i].speaker);
    if (with_below) before.push_back(t[i].below);
  }
  for (size_t i = f.to_begin; i < f.to_first_cell_end; ++i) {
    if (t[i].polarity == 0) continue;
    after.push_back(t[i].speaker);
    if (with_below) after.push_back(t[i].below);
  }
  SortUnique(before);
  SortUnique(after);
  for (schema::EntityId who : after) {
    if (std::binary_search(before.begin(), before.end(), who)) return true;
  }
  const int8_t to_polarity = DayPolarity(t, f.to_begin, f.to_first_cell_end);
  for (schema::EntityId who : after) {
    // Their own last deciding day before the change, walking back.
    int64_t day = internal::kNoDay;
    bool pos = false, neg = false;
    for (size_t i = f.to_begin; i-- > 0;) {
      const Statement& s = t[i];
      if (s.polarity == 0 || !SaidBy(s, who, with_below)) continue;
      const int64_t d = internal::DayOf(s.made);
      if (d == internal::kNoDay) break;
      if (day != internal::kNoDay && d != day) {
        if (pos != neg) break;
        pos = neg = false;
      }
      day = d;
      pos |= s.polarity > 0;
      neg |= s.polarity < 0;
    }
    if (pos != neg && (pos ? 1 : -1) == -to_polarity) return true;
  }
  return false;
}

class ReversalIteratorImpl : public ReversalIterator {
 public:
  ReversalIteratorImpl(engine::Database& db, ChangeOptions options)
      : db_(db),
        options_(std::move(options)),
        auto_(!options_.level.has_value()),
        level_(options_.level.value_or(Level::kPerson)),
        levels_(db, options_.filter.snapshot),
        records_(db, options_.filter.snapshot) {
    sides_ = options_.filter.holders;
    SortUnique(sides_);
    any_holder_ = options_.filter;
    any_holder_.holders.clear();
  }

  absl::Status Start() {
    if (options_.link_paraphrases) {
      SG_ASSIGN_OR_RETURN(links_, PropositionLinks::Build(db_, {.snapshot = options_.filter.snapshot}));
      mapping_.links = &links_;
    }
    // Full mode: every holder's own timelines stream first (at an explicit
    // level, of the holders nobody else speaks for and who speak for no one
    // else); then the grouped timelines of each level.
    if (auto_) {
      phases_ = {{Level::kPerson, false}, {Level::kOrganisation, true}, {Level::kState, true}};
    } else if (level_ == Level::kPerson) {
      phases_ = {{Level::kPerson, false}};
    } else {
      phases_ = {{level_, false}, {level_, true}};
    }
    if (options_.since_sequence > 0) return StartSince();
    Advance();
    return status_;
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
  bool SideWanted(schema::EntityId side) const {
    return sides_.empty() || std::binary_search(sides_.begin(), sides_.end(), side);
  }

  // Whether `side` at `level` has a grouped timeline worth reading: with
  // auto, only where someone else speaks for it (else each change is the
  // holder's own, found at the person level).
  absl::StatusOr<bool> Grouped(Level level, schema::EntityId holder, schema::EntityId side) {
    if (level == Level::kPerson) return false;
    SG_ASSIGN_OR_RETURN(const LevelMembers* members, levels_.Members(level));
    if (auto_) return !members->MembersOf(side).empty();
    return members->IsInvolved(holder);
  }

  // ---------------------------------------------------------------- full

  // Moves on until reversals are pending or everything was read.
  void Advance() {
    while (pending_.empty() && status_.ok() && !done_) {
      absl::Status s = options_.since_sequence > 0 ? AdvanceSince() : AdvanceFull();
      if (!s.ok()) {
        status_ = s;
        pending_.clear();
      }
    }
  }

  // One timeline's worth of work in the current phase.
  absl::Status AdvanceFull() {
    if (next_phase_ >= phases_.size()) {
      done_ = true;
      return absl::OkStatus();
    }
    const Phase& phase = phases_[next_phase_];
    if (!phase.grouped) {
      if (scan_ == nullptr) {
        scan_ = std::make_unique<FilteredMentions>(db_, options_.filter, /*grouped=*/true);
      }
      if (!scan_->Valid()) {
        SG_RETURN_IF_ERROR(scan_->status());
        scan_.reset();
        ++next_phase_;
        return absl::OkStatus();
      }
      // The holder index keeps one holder's mentions of one stated
      // proposition together. Without links that is one timeline; with
      // them the holder's mentions are gathered and regrouped by
      // representative.
      const schema::EntityId h = scan_->ref().holder;
      if (!mapping_.MapsPropositions()) {
        const schema::PropositionId p = scan_->ref().proposition;
        std::vector<Statement> timeline;
        while (scan_->Valid() && scan_->ref().holder == h && scan_->ref().proposition == p) {
          timeline.push_back(ToStatement(scan_->ref(), 1));
          scan_->Next();
        }
        SG_RETURN_IF_ERROR(scan_->status());
        SG_ASSIGN_OR_RETURN(bool grouped, Grouped(phase.level, h, h));
        if (grouped) return absl::OkStatus();  // read in the grouped phase
        return Emit({phase.level, h, p, false}, timeline);
      }
      std::vector<Placed> mine;
      while (scan_->Valid() && scan_->ref().holder == h) {
        const auto [rep, sign] = mapping_.Proposition(scan_->ref().proposition);
        mine.push_back({.side = h, .prop = rep, .statement = ToStatement(scan_->ref(), sign)});
        scan_->Next();
      }
      SG_RETURN_IF_ERROR(scan_->status());
      SG_ASSIGN_OR_RETURN(bool grouped, Grouped(phase.level, h, h));
      if (grouped) return absl::OkStatus();  // read in the grouped phase
      std::sort(mine.begin(), mine.end(), PlacedLess);
      for (size_t b = 0, e = 0; b < mine.size(); b = e) {
        std::vector<Statement> timeline;
        for (e = b; e < mine.size() && mine[e].prop == mine[b].prop; ++e) {
          timeline.push_back(mine[e].statement);
        }
        SG_RETURN_IF_ERROR(Emit({phase.level, h, mine[b].prop, false}, timeline));
      }
      return absl::OkStatus();
    }
    if (!collected_) {
      SG_RETURN_IF_ERROR(Collect(phase.level));
      collected_ = true;
      next_placed_ = 0;
    }
    if (next_placed_ >= placed_.size()) {
      placed_.clear();
      collected_ = false;
      ++next_phase_;
      return absl::OkStatus();
    }
    const size_t begin = next_placed_;
    size_t end = begin;
    while (end < placed_.size() && placed_[end].side == placed_[begin].side &&
           placed_[end].prop == placed_[begin].prop) {
      ++end;
    }
    next_placed_ = end;
    std::vector<Statement> timeline;
    timeline.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) timeline.push_back(placed_[i].statement);
    return Emit({phase.level, placed_[begin].side, placed_[begin].prop, true}, timeline);
  }

  // Reads the mentions of the holders whose timelines at `level` are
  // grouped and places each on the timeline of the entity it spoke for.
  absl::Status Collect(Level level) {
    SG_ASSIGN_OR_RETURN(const LevelMembers* members, levels_.Members(level));
    std::vector<schema::EntityId> speakers = members->involved;
    if (!sides_.empty()) {
      SG_ASSIGN_OR_RETURN(std::vector<schema::EntityId> wanted, levels_.SpeakersFor(sides_, level));
      std::vector<schema::EntityId> both;
      std::set_intersection(speakers.begin(), speakers.end(), wanted.begin(), wanted.end(),
                            std::back_inserter(both));
      speakers = std::move(both);
    }
    if (speakers.empty()) return absl::OkStatus();
    Filter f = options_.filter;
    f.holders = std::move(speakers);
    FilteredMentions it(db_, f, /*grouped=*/true);
    for (; it.Valid(); it.Next()) {
      const engine::MentionRef& r = it.ref();
      SG_ASSIGN_OR_RETURN(std::optional<Placed> p, Place(level, r));
      if (p.has_value()) placed_.push_back(*p);
    }
    SG_RETURN_IF_ERROR(it.status());
    std::sort(placed_.begin(), placed_.end(), PlacedLess);
    return absl::OkStatus();
  }

  // The grouped timeline `r` belongs on at `level`, if any is read.
  absl::StatusOr<std::optional<Placed>> Place(Level level, const engine::MentionRef& r) {
    SG_ASSIGN_OR_RETURN(schema::EntityId side, levels_.SideOf(r.holder, r.made, level));
    if (!SideWanted(side)) return std::nullopt;
    SG_ASSIGN_OR_RETURN(bool grouped, Grouped(level, r.holder, side));
    if (!grouped) return std::nullopt;
    schema::EntityId below = 0;
    if (auto_ && level == Level::kState) {
      SG_ASSIGN_OR_RETURN(below, levels_.SideOf(r.holder, r.made, Level::kOrganisation));
    }
    const auto [rep, sign] = mapping_.Proposition(r.proposition);
    return Placed{.side = side, .prop = rep, .statement = ToStatement(r, sign, below)};
  }

  // ---------------------------------------------------------------- since

  // Incremental mode: the timelines the new mentions touch, then their
  // reversals with a new mention next to the change.
  absl::Status StartSince() {
    MentionFilter accept(db_, any_holder_);
    std::set<TimelineKey> keys;
    auto it = db_.ScanByIngest(options_.since_sequence, {.snapshot = options_.filter.snapshot});
    for (; it->Valid(); it->Next()) {
      const engine::MentionRef& r = it->ref();
      if (r.polarity == 0) continue;  // a neutral mention decides no day
      SG_ASSIGN_OR_RETURN(bool ok, accept.Accept(*it));
      if (!ok) continue;
      for (const Phase& phase : phases_) {
        if (phase.grouped && !auto_) continue;  // the same level as the phase before
        const Level level = phase.level;
        SG_ASSIGN_OR_RETURN(schema::EntityId side, levels_.SideOf(r.holder, r.made, level));
        SG_ASSIGN_OR_RETURN(bool grouped, Grouped(level, r.holder, side));
        if (auto_ && level != Level::kPerson && !grouped) continue;
        if (!grouped) side = r.holder;
        if (SideWanted(side)) {
          keys.insert({level, side, mapping_.Proposition(r.proposition).first, grouped});
        }
      }
    }
    SG_RETURN_IF_ERROR(it->status());
    touched_.assign(keys.begin(), keys.end());
    Advance();
    return status_;
  }

  absl::Status AdvanceSince() {
    if (next_touched_ >= touched_.size()) {
      done_ = true;
      return absl::OkStatus();
    }
    const TimelineKey key = touched_[next_touched_++];
    std::vector<Statement> timeline;
    // The representative's stated propositions: itself and what links to it.
    std::vector<schema::PropositionId> stated{key.prop};
    if (mapping_.MapsPropositions()) {
      for (const PropositionLink& l : links_.Group(key.prop)) stated.push_back(l.from);
    }
    if (!key.grouped) {
      if (accept_ == nullptr) accept_ = std::make_unique<MentionFilter>(db_, any_holder_);
      for (schema::PropositionId p : stated) {
        SG_ASSIGN_OR_RETURN(std::vector<engine::MentionRef> all,
                            internal::ReadTimeline(db_, key.holder, p,
                                                   {.snapshot = options_.filter.snapshot}));
        const int8_t sign = mapping_.Proposition(p).second;
        for (const engine::MentionRef& r : all) {
          SG_ASSIGN_OR_RETURN(bool ok, accept_->AcceptRef(r));
          if (ok) timeline.push_back(ToStatement(r, sign));
        }
      }
      if (stated.size() > 1) std::sort(timeline.begin(), timeline.end(), TimeLess);
      return Emit(key, timeline);
    }
    // A grouped timeline: the propositions' mentions, placed.
    MentionFilter accept(db_, any_holder_);
    for (schema::PropositionId prop : stated) {
      auto it = db_.ScanByProposition(prop, {.snapshot = options_.filter.snapshot,
                                             .made_from = options_.filter.made_from,
                                             .made_to = options_.filter.made_to});
      for (; it->Valid(); it->Next()) {
        SG_ASSIGN_OR_RETURN(std::optional<Placed> p, Place(key.level, it->ref()));
        if (!p.has_value() || p->side != key.holder) continue;
        SG_ASSIGN_OR_RETURN(bool ok, accept.Accept(*it));
        if (ok) timeline.push_back(p->statement);
      }
      SG_RETURN_IF_ERROR(it->status());
    }
    if (stated.size() > 1) std::sort(timeline.begin(), timeline.end(), TimeLess);
    return Emit(key, timeline);
  }

  // ---------------------------------------------------------------- emit

  absl::Status Emit(const TimelineKey& key, std::span<const Statement> timeline) {
    for (const Flip& f : internal::FindFlips(timeline, options_.since_sequence)) {
      if (options_.since_sequence > 0 && !f.touches_new) continue;
      if (auto_ && key.level != Level::kPerson &&
          FoundBelow(timeline, f, key.level == Level::kState)) {
        continue;
      }
      const int8_t from_polarity = DayPolarity(timeline, f.from_last_cell, f.from_end);
      const int8_t to_polarity = DayPolarity(timeline, f.to_begin, f.to_first_cell_end);
      std::vector<uint64_t> before, after;
      Reversal rev{.level = key.level,
                   .holder = key.holder,
                   .proposition = key.prop,
                   .from = MakeRun(timeline, f.from_begin, f.from_end, from_polarity, before),
                   .to = MakeRun(timeline, f.to_begin, f.to_end, to_polarity, after)};
      for (size_t k = 0; k < options_.evidence && k < before.size(); ++k) {
        SG_ASSIGN_OR_RETURN(Evidence e, records_.LoadEvidence(before[before.size() - 1 - k]));
        rev.before.push_back(std::move(e));
      }
      for (size_t k = 0; k < options_.evidence && k < after.size(); ++k) {
        SG_ASSIGN_OR_RETURN(Evidence e, records_.LoadEvidence(after[k]));
        rev.after.push_back(std::move(e));
      }
      pending_.push_back(std::move(rev));
    }
    return absl::OkStatus();
  }

  engine::Database& db_;
  ChangeOptions options_;
  const bool auto_;
  const Level level_;
  LevelResolver levels_;
  // Propositions as viewed through links_; holders are mapped per level
  // through levels_, as auto reads several levels.
  PropositionLinks links_;
  ViewMapping mapping_;
  RecordCache records_;
  std::vector<schema::EntityId> sides_;  // the filter's holders, sorted
  Filter any_holder_;                    // the filter without its holders
  struct Phase {
    Level level = Level::kPerson;
    bool grouped = false;
  };
  std::vector<Phase> phases_;
  size_t next_phase_ = 0;
  bool done_ = false;
  // Full mode.
  std::unique_ptr<FilteredMentions> scan_;
  bool collected_ = false;
  std::vector<Placed> placed_;
  size_t next_placed_ = 0;
  // Incremental mode.
  std::unique_ptr<MentionFilter> accept_;
  std::vector<TimelineKey> touched_;
  size_t next_touched_ = 0;
  std::deque<Reversal> pending_;
  absl::Status status_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ReversalIterator>> FindReversals(engine::Database& db,
                                                                const ChangeOptions& options) {
  auto it = std::make_unique<ReversalIteratorImpl>(db, options);
  SG_RETURN_IF_ERROR(it->Start());
  return it;
}

}  // namespace stancegraph::query
