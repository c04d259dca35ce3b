#include "stancegraph/query/aggregates.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "day_cells.h"
#include "stancegraph/query/claim_set.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/parallel.h"
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

void AddCounts(const ContradictionCounts& part, ContradictionCounts& total) {
  total.pairs += part.pairs;
  total.contested_propositions += part.contested_propositions;
  total.propositions += part.propositions;
  total.claims += part.claims;
  total.self_contradictions += part.self_contradictions;
}

// Counts the claims of the propositions in `range`, each whole.
absl::Status CountRange(engine::Database& db, const Filter& filter, engine::IdRange range,
                        const engine::Snapshot* snapshot, ContradictionCounts& counts,
                        absl::flat_hash_set<schema::EntityId>* flipped_holders) {
  SideAccumulator sides(flipped_holders);
  MentionFilter accept(db, filter);
  const bool check = !filter.IsEmpty();
  auto it = db.AllClaimsByProposition({.snapshot = snapshot}, range);
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
  return absl::OkStatus();
}

// One pass over the claim index. Without a filter the proposition space is
// cut in slices scanned in parallel on one snapshot (a proposition's claims
// never span two slices); a filter's lookups are cached per call, so a
// filtered count scans in one thread.
absl::StatusOr<ContradictionCounts> CountFromClaimIndex(
    engine::Database& db, const Filter& filter,
    absl::flat_hash_set<schema::EntityId>* flipped_holders) {
  ContradictionCounts counts;
  const size_t slices = filter.IsEmpty() ? schema::WorkerCount() : 1;
  if (slices == 1) {
    SG_RETURN_IF_ERROR(
        CountRange(db, filter, {}, filter.snapshot, counts, flipped_holders));
    return counts;
  }
  std::unique_ptr<engine::Snapshot> own;
  const engine::Snapshot* snapshot = filter.snapshot;
  if (snapshot == nullptr) {
    own = db.GetSnapshot();
    snapshot = own.get();
  }
  const std::vector<engine::IdRange> ranges = engine::IdRange::Split(static_cast<int>(slices));
  std::vector<ContradictionCounts> parts(ranges.size());
  std::vector<absl::flat_hash_set<schema::EntityId>> holders(ranges.size());
  std::vector<absl::Status> status(ranges.size());
  schema::RunPieces(ranges.size(), [&](size_t i) {
    status[i] = CountRange(db, filter, ranges[i], snapshot, parts[i],
                           flipped_holders != nullptr ? &holders[i] : nullptr);
  });
  for (size_t i = 0; i < ranges.size(); ++i) {
    SG_RETURN_IF_ERROR(status[i]);
    AddCounts(parts[i], counts);
    if (flipped_holders != nullptr) flipped_holders->insert(holders[i].begin(), holders[i].end());
  }
  return counts;
}

// Tracks one (holder, proposition) run of a grouped mention scan: whether
// the holder took both sides (Q2) and its reversals, day by day.
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
      if (r.polarity > 0) for_ = true;
      if (r.polarity < 0) against_ = true;
      reversals_.Add(r.made, r.polarity, r.sequence);
    }
    FinishPair(counts);
    FinishHolder(counts);
    return it.status();
  }

 private:
  void FinishPair(ChangeCounts& counts) {
    counts.reversals += reversals_.Finish();
    const bool flipped = for_ && against_;
    counts.flipped_pairs += flipped;
    holder_flipped_ |= flipped;
    for_ = against_ = false;
  }
  void FinishHolder(ChangeCounts& counts) {
    counts.holders_with_reversals += holder_flipped_;
    holder_flipped_ = false;
  }

  bool first_ = true;
  schema::EntityId holder_ = 0;
  schema::PropositionId prop_ = 0;
  bool for_ = false, against_ = false;
  internal::FlipCounter reversals_;
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

namespace {

// What the mentions with sequences in [first, last) changed when they were
// stored: new claims per proposition and side, holders who took both sides
// for the first time, and the (holder, proposition) pairs on both sides whose
// timelines may have new reversals.
struct NewMentions {
  bool count_sides = true;  // fill `added`
  absl::Status status;
  uint64_t mentions = 0, claims = 0, flipped_pairs = 0;
  absl::flat_hash_map<schema::PropositionId, engine::PropositionSides> added;
  absl::flat_hash_set<std::pair<schema::EntityId, schema::PropositionId>> both_sides;
  std::vector<engine::MentionRef> fresh;  // the non-neutral mentions

  void Scan(engine::Database& db, uint64_t first, uint64_t last, const engine::ScanOptions& so) {
    auto it = db.ScanByIngest(first, so);
    for (; it->Valid(); it->Next()) {
      const engine::MentionRef& r = it->ref();
      if (r.sequence >= last) break;
      ++mentions;
      if (r.polarity != 0) fresh.push_back(r);
      if (r.pair_has_both) both_sides.insert({r.holder, r.proposition});
      if (!r.first_of_claim || r.polarity == 0) continue;
      ++claims;
      flipped_pairs += r.completes_pair;
      if (!count_sides) continue;
      engine::PropositionSides& a = added[r.proposition];
      ++(r.polarity > 0 ? a.for_holders : a.against_holders);
      a.both_holders += r.completes_pair;
    }
    status = it->status();
  }

  void Merge(NewMentions&& o) {
    status.Update(o.status);
    mentions += o.mentions;
    claims += o.claims;
    flipped_pairs += o.flipped_pairs;
    for (const auto& [prop, a] : o.added) {
      engine::PropositionSides& mine = added[prop];
      mine.for_holders += a.for_holders;
      mine.against_holders += a.against_holders;
      mine.both_holders += a.both_holders;
    }
    both_sides.insert(o.both_sides.begin(), o.both_sides.end());
    fresh.insert(fresh.end(), o.fresh.begin(), o.fresh.end());
  }
};

// Scans the mentions in [first, last), cut in consecutive slices read at
// once when there are enough of them to pay for a thread.
NewMentions ScanNewMentions(engine::Database& db, uint64_t first, uint64_t last,
                            const engine::ScanOptions& so, bool count_sides) {
  const size_t slices = schema::PiecesFor(last - first, /*min_per_piece=*/4096);
  std::vector<NewMentions> parts(slices);
  for (NewMentions& part : parts) part.count_sides = count_sides;
  const uint64_t step = (last - first) / slices;
  auto bound = [&](size_t i) { return i == slices ? last : first + i * step; };
  schema::RunPieces(slices, [&](size_t i) { parts[i].Scan(db, bound(i), bound(i + 1), so); });
  for (size_t i = 1; i < slices; ++i) parts[0].Merge(std::move(parts[i]));
  return std::move(parts[0]);
}

// Q1 now minus Q1 before on each proposition in `added`, from its sides now
// less what the new claims added: (pairs added, propositions changed).
absl::StatusOr<std::pair<uint64_t, uint64_t>> PairsAddedFromSides(
    engine::Database& db,
    const absl::flat_hash_map<schema::PropositionId, engine::PropositionSides>& added,
    const engine::Snapshot* snapshot) {
  std::vector<std::pair<schema::PropositionId, engine::PropositionSides>> adds(added.begin(),
                                                                               added.end());
  std::sort(adds.begin(), adds.end(),  // a sorted batch reads faster
            [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<schema::PropositionId> props;
  props.reserve(adds.size());
  for (const auto& [prop, a] : adds) props.push_back(prop);
  SG_ASSIGN_OR_RETURN(std::vector<engine::PropositionSides> now,
                      db.GetPropositionSides(props, {.snapshot = snapshot}));
  uint64_t pairs = 0, changed = 0;
  for (size_t i = 0; i < props.size(); ++i) {
    const engine::PropositionSides& a = adds[i].second;
    const engine::PropositionSides& n = now[i];
    if (n.for_holders < a.for_holders || n.against_holders < a.against_holders ||
        n.both_holders < a.both_holders) {
      return absl::DataLossError(absl::StrCat(
          db.path(), ": the sides of proposition ", schema::FormatId(props[i]),
          " count fewer holders than its new claims; run `stancegraph check`"));
    }
    const engine::PropositionSides before{
        .for_holders = n.for_holders - a.for_holders,
        .against_holders = n.against_holders - a.against_holders,
        .both_holders = n.both_holders - a.both_holders};
    const uint64_t delta = n.OpposedPairs() - before.OpposedPairs();
    pairs += delta;
    changed += delta != 0;
  }
  return std::pair(pairs, changed);
}

}  // namespace

absl::StatusOr<IncrementalCounts> CountSince(engine::Database& db, uint64_t since_sequence,
                                             const Filter& filter) {
  std::unique_ptr<engine::Snapshot> own;
  const engine::Snapshot* snapshot = filter.snapshot;
  if (snapshot == nullptr) {
    own = db.GetSnapshot();
    snapshot = own.get();
  }
  IncrementalCounts counts;
  counts.since_sequence = since_sequence;
  counts.until_sequence = snapshot->next_sequence();
  if (since_sequence > counts.until_sequence) {
    return absl::InvalidArgumentError(absl::StrCat("since sequence ", since_sequence,
                                                   " is past the next sequence ",
                                                   counts.until_sequence));
  }
  const engine::ScanOptions so{.snapshot = snapshot};

  // 1. What the writes of the new mentions recorded of Q1 when they stored
  // them; nullopt for a point inside a write, or writes that kept no record.
  SG_ASSIGN_OR_RETURN(std::optional<engine::WriteChanges> recorded,
                      db.GetWriteChanges(since_sequence, counts.until_sequence,
                                         {.snapshot = snapshot}));

  // 2. The new mentions, with what each changed when it was stored.
  NewMentions scanned = ScanNewMentions(db, since_sequence, counts.until_sequence, so,
                                        /*count_sides=*/!recorded.has_value());
  SG_RETURN_IF_ERROR(scanned.status);
  counts.new_mentions = scanned.mentions;
  counts.new_claims = scanned.claims;
  counts.new_flipped_pairs = scanned.flipped_pairs;
  const auto& both_sides = scanned.both_sides;
  std::vector<engine::MentionRef>& fresh = scanned.fresh;

  // 3. Q1 now minus Q1 before: as recorded, or else from the sides now of
  // each proposition with a new claim, less what the new claims added.
  if (recorded) {
    counts.new_contradicting_pairs = recorded->pairs_added;
    std::sort(recorded->propositions.begin(), recorded->propositions.end());
    counts.touched_propositions =
        std::unique(recorded->propositions.begin(), recorded->propositions.end()) -
        recorded->propositions.begin();
  } else {
    SG_ASSIGN_OR_RETURN(std::tie(counts.new_contradicting_pairs, counts.touched_propositions),
                        PairsAddedFromSides(db, scanned.added, snapshot));
  }

  // 4. Reversals with a new mention on a side, on the pairs holding both
  // sides, read around the new mentions only.
  std::erase_if(fresh, [&](const engine::MentionRef& r) {
    return !both_sides.contains({r.holder, r.proposition});
  });
  SG_ASSIGN_OR_RETURN(counts.new_reversals,
                      internal::CountReversalsAround(db, std::move(fresh), since_sequence,
                                                     {.snapshot = snapshot}));
  return counts;
}

}  // namespace stancegraph::query
