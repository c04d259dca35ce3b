#include "stancegraph/query/aggregates.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "stancegraph/query/claim_set.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "timeline_scan.h"

namespace stancegraph::query {
namespace {

// Accumulates one proposition's sides as the claim index streams by.
// With `flipped_holders`, also collects the holders on both sides.
class SideAccumulator {
 public:
  explicit SideAccumulator(absl::flat_hash_set<schema::EntityId>* flipped_holders = nullptr)
      : flipped_holders_(flipped_holders) {}

  void Add(int8_t polarity, schema::EntityId holder) {
    if (polarity > 0) for_.push_back(holder);
    if (polarity < 0) against_.push_back(holder);
  }

  void Finish(ContradictionCounts& counts) {
    if (for_.empty() && against_.empty()) return;
    // The index yields holders in order within a polarity; sort only if not.
    for (auto* v : {&for_, &against_}) {
      if (!std::is_sorted(v->begin(), v->end())) std::sort(v->begin(), v->end());
    }
    uint64_t pairs = CountOpposedPairs(for_, against_);
    uint64_t both = static_cast<uint64_t>(for_.size()) * against_.size() - pairs;
    counts.pairs += pairs;
    counts.contested_propositions += pairs > 0;
    counts.propositions += 1;
    counts.claims += for_.size() + against_.size();
    counts.self_contradictions += both;
    if (flipped_holders_ != nullptr && both > 0) {
      std::vector<schema::EntityId> common;
      std::set_intersection(for_.begin(), for_.end(), against_.begin(), against_.end(),
                            std::back_inserter(common));
      flipped_holders_->insert(common.begin(), common.end());
    }
    for_.clear();
    against_.clear();
  }

 private:
  absl::flat_hash_set<schema::EntityId>* flipped_holders_;
  std::vector<schema::EntityId> for_;
  std::vector<schema::EntityId> against_;
};

absl::StatusOr<ContradictionCounts> CountFromClaimIndex(
    engine::Database& db, const Filter& filter,
    absl::flat_hash_set<schema::EntityId>* flipped_holders) {
  ContradictionCounts counts;
  SideAccumulator sides(flipped_holders);
  MentionFilter accept(db, filter);
  const bool check = !filter.IsEmpty();
  auto it = db.AllClaimsByProposition({.snapshot = filter.snapshot});
  schema::PropositionId current = 0;
  for (; it->Valid(); it->Next()) {
    const schema::Claim& c = it->claim();
    if (c.proposition != current) {
      sides.Finish(counts);
      current = c.proposition;
    }
    if (check) {
      SG_ASSIGN_OR_RETURN(bool holder_ok, accept.AcceptHolder(c.holder));
      if (!holder_ok) continue;
      SG_ASSIGN_OR_RETURN(bool prop_ok, accept.AcceptProposition(c.proposition));
      if (!prop_ok) continue;
    }
    sides.Add(c.polarity, c.holder);
  }
  SG_RETURN_IF_ERROR(it->status());
  sides.Finish(counts);
  return counts;
}

// Tracks one (holder, proposition) run of a grouped mention scan.
class FlipAccumulator {
 public:
  template <typename Iter>
  absl::Status Run(Iter& it, ChangeCounts& counts) {
    for (; it.Valid(); it.Next()) {
      const engine::MentionRef& r = it.ref();
      if (r.holder != holder_ || r.proposition != prop_ || first_) {
        FinishPair(counts);
        if (r.holder != holder_ || first_) FinishHolder(counts);
        holder_ = r.holder;
        prop_ = r.proposition;
        first_ = false;
        counts.holder_propositions += 1;
      }
      if (r.polarity == 0) continue;
      if (last_polarity_ != 0 && r.polarity != last_polarity_) ++pair_reversals_;
      last_polarity_ = r.polarity;
    }
    FinishPair(counts);
    FinishHolder(counts);
    return it.status();
  }

 private:
  void FinishPair(ChangeCounts& counts) {
    counts.reversals += pair_reversals_;
    counts.flipped_pairs += pair_reversals_ > 0;
    holder_flipped_ |= pair_reversals_ > 0;
    pair_reversals_ = 0;
    last_polarity_ = 0;
  }
  void FinishHolder(ChangeCounts& counts) {
    counts.holders_with_reversals += holder_flipped_;
    holder_flipped_ = false;
  }

  bool first_ = true;
  schema::EntityId holder_ = 0;
  schema::PropositionId prop_ = 0;
  int8_t last_polarity_ = 0;
  uint64_t pair_reversals_ = 0;
  bool holder_flipped_ = false;
};

// MentionIterator through a reference, so FlipAccumulator::Run takes both
// scan kinds.
struct RawScan {
  engine::MentionIterator& it;
  bool Valid() const { return it.Valid(); }
  void Next() { it.Next(); }
  const engine::MentionRef& ref() const { return it.ref(); }
  absl::Status status() const { return it.status(); }
};

absl::StatusOr<ContradictionCounts> CountClaims(
    engine::Database& db, const Filter& filter,
    absl::flat_hash_set<schema::EntityId>* flipped_holders) {
  if (!filter.HasTimeWindow() && !filter.NeedsMentionRecord() && filter.holders.empty() &&
      filter.propositions.empty()) {
    return CountFromClaimIndex(db, filter, flipped_holders);
  }
  SG_ASSIGN_OR_RETURN(ClaimSet set, ClaimSet::Build(db, filter));
  ContradictionCounts counts;
  SideAccumulator sides(flipped_holders);
  for (const PropositionClaims& group : set.ByProposition()) {
    for (const ClaimStat& c : group.claims) sides.Add(c.polarity, c.holder);
    sides.Finish(counts);
  }
  return counts;
}

}  // namespace

absl::StatusOr<ContradictionCounts> CountContradictions(engine::Database& db,
                                                        const Filter& filter) {
  return CountClaims(db, filter, nullptr);
}

absl::StatusOr<ChangeCounts> CountChanges(engine::Database& db, const Filter& filter,
                                          bool count_events) {
  ChangeCounts counts;
  if (!count_events) {
    absl::flat_hash_set<schema::EntityId> holders;
    SG_ASSIGN_OR_RETURN(ContradictionCounts c, CountClaims(db, filter, &holders));
    counts.flipped_pairs = c.self_contradictions;
    counts.holders_with_reversals = holders.size();
    counts.holder_propositions = c.claims - c.self_contradictions;
    return counts;
  }
  FlipAccumulator acc;
  if (filter.IsEmpty()) {
    auto it = db.ScanAllByHolder({.snapshot = filter.snapshot});
    RawScan scan{*it};
    SG_RETURN_IF_ERROR(acc.Run(scan, counts));
    return counts;
  }
  FilteredMentions it(db, filter, /*grouped=*/true);
  SG_RETURN_IF_ERROR(acc.Run(it, counts));
  return counts;
}

absl::StatusOr<IncrementalCounts> CountSince(engine::Database& db, uint64_t since_sequence,
                                             const Filter& filter) {
  IncrementalCounts counts;
  counts.since_sequence = since_sequence;
  counts.until_sequence = db.NextSequence();
  if (since_sequence > counts.until_sequence) {
    return absl::InvalidArgumentError(absl::StrCat("since sequence ", since_sequence,
                                                   " is past the next sequence ",
                                                   counts.until_sequence));
  }
  std::unique_ptr<engine::Snapshot> own;
  const engine::Snapshot* snapshot = filter.snapshot;
  if (snapshot == nullptr) {
    own = db.GetSnapshot();
    snapshot = own.get();
  }
  const engine::ScanOptions so{.snapshot = snapshot};
  const uint64_t until = counts.until_sequence;

  // 1. The (holder, proposition) pairs the new mentions touch, and on
  // which side.
  struct Touch {
    bool new_for = false;
    bool new_against = false;
  };
  std::map<std::pair<schema::EntityId, schema::PropositionId>, Touch> touched;
  {
    auto it = db.ScanByIngest(since_sequence, so);
    for (; it->Valid(); it->Next()) {
      const engine::MentionRef& r = it->ref();
      if (r.sequence >= until) break;
      ++counts.new_mentions;
      Touch& t = touched[{r.holder, r.proposition}];
      t.new_for |= r.polarity > 0;
      t.new_against |= r.polarity < 0;
    }
    SG_RETURN_IF_ERROR(it->status());
  }

  // 2. Each touched pair's sides now and before `since`: a claim with new
  // mentions existed before iff one of its mentions is older (a short scan of
  // that claim); one without new mentions exists iff it is stored (a point
  // lookup). Only pairs holding both sides have reversals to count.
  // new_sides[p] = holders whose claim on p (for, against) is new.
  std::map<schema::PropositionId, std::pair<std::vector<schema::EntityId>,
                                            std::vector<schema::EntityId>>> new_sides;
  struct Side {
    bool now = false;
    bool before = false;
  };
  auto side_of = [&](schema::EntityId h, schema::PropositionId p, int8_t polarity,
                     bool has_new) -> absl::StatusOr<Side> {
    const schema::ClaimId c = schema::MakeClaimId(h, p, polarity);
    if (has_new) {
      bool before = false;
      auto it = db.ScanByClaim(c, so);
      for (; it->Valid() && !before; it->Next()) before = it->ref().sequence < since_sequence;
      SG_RETURN_IF_ERROR(it->status());
      return Side{true, before};
    }
    absl::StatusOr<schema::Claim> stored = db.GetClaim(c, {.snapshot = snapshot});
    if (stored.ok()) return Side{true, true};
    if (absl::IsNotFound(stored.status())) return Side{false, false};
    return stored.status();
  };
  for (const auto& [hp, t] : touched) {
    const auto [holder, prop] = hp;
    if (!t.new_for && !t.new_against) continue;  // neutral mentions only
    SG_ASSIGN_OR_RETURN(Side f, side_of(holder, prop, 1, t.new_for));
    SG_ASSIGN_OR_RETURN(Side a, side_of(holder, prop, -1, t.new_against));
    if (f.now && !f.before) new_sides[prop].first.push_back(holder);
    if (a.now && !a.before) new_sides[prop].second.push_back(holder);
    counts.new_claims += (f.now && !f.before) + (a.now && !a.before);
    const bool flipped_now = f.now && a.now;
    counts.new_flipped_pairs += flipped_now && !(f.before && a.before);
    if (flipped_now) {
      SG_ASSIGN_OR_RETURN(std::vector<engine::MentionRef> timeline,
                          internal::ReadTimeline(db, holder, prop, so));
      std::erase_if(timeline, [&](const engine::MentionRef& r) { return r.sequence >= until; });
      counts.new_reversals += internal::CountReversals(timeline, since_sequence);
    }
  }

  // 3. Q1 on each proposition with a new claim, now and before.
  for (auto& [prop, added] : new_sides) {
    std::vector<schema::EntityId> for_now, against_now;
    auto it = db.ClaimsOfProposition(prop, {.snapshot = snapshot});
    for (; it->Valid(); it->Next()) {
      const schema::Claim& c = it->claim();
      if (c.polarity > 0) for_now.push_back(c.holder);
      if (c.polarity < 0) against_now.push_back(c.holder);
    }
    SG_RETURN_IF_ERROR(it->status());
    auto remove = [](std::vector<schema::EntityId> from, std::vector<schema::EntityId> gone) {
      std::sort(gone.begin(), gone.end());
      std::erase_if(from, [&](schema::EntityId h) {
        return std::binary_search(gone.begin(), gone.end(), h);
      });
      return from;
    };
    for (auto* v : {&for_now, &against_now}) std::sort(v->begin(), v->end());
    const uint64_t now = CountOpposedPairs(for_now, against_now);
    const uint64_t before =
        CountOpposedPairs(remove(for_now, added.first), remove(against_now, added.second));
    counts.new_contradicting_pairs += now - before;
    counts.touched_propositions += now != before;
  }
  return counts;
}

}  // namespace stancegraph::query
