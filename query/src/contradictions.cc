#include "stancegraph/query/contradictions.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "stancegraph/query/claim_set.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::query {
namespace {

// One side's holder as it is being filled, with the propositions as viewed
// (representatives) beside the stated ones HolderSide keeps.
struct SideAcc {
  HolderSide side;
  std::vector<schema::PropositionId> viewed;
};

// Holder -> its claims on one side, kept in holder order.
using SideMap = std::map<schema::EntityId, SideAcc>;

void AddToSide(SideMap& side, const ClaimStat& c) {
  SideAcc& acc = side[c.holder];
  HolderSide& s = acc.side;
  s.holder = c.holder;
  s.claims.push_back(StoredClaimOf(c));
  s.propositions.push_back(StatedOf(c));
  s.speakers.push_back(SpeakerOf(c));
  s.mentions += c.mentions;
  acc.viewed.push_back(c.proposition);
}

std::vector<HolderSide> Flatten(SideMap& side) {
  std::vector<HolderSide> out;
  out.reserve(side.size());
  for (auto& [holder, acc] : side) {
    std::vector<schema::EntityId>& sp = acc.side.speakers;
    std::sort(sp.begin(), sp.end());
    sp.erase(std::unique(sp.begin(), sp.end()), sp.end());
    out.push_back(std::move(acc.side));
  }
  return out;
}

std::vector<schema::EntityId> Keys(const SideMap& side) {
  std::vector<schema::EntityId> out;
  for (const auto& [holder, s] : side) out.push_back(holder);
  return out;
}

// True when some for-holder and different against-holder hold no single
// proposition of the concept in opposition: the concept adds something the
// per-proposition contradictions do not show. Gives up (true) after a bound.
bool HasCrossPropositionPair(const SideMap& for_side, const SideMap& against_side) {
  constexpr uint64_t kMaxChecks = 1'000'000;
  uint64_t checks = 0;
  for (const auto& [h1, s1] : for_side) {
    std::vector<schema::PropositionId> p1 = s1.viewed;
    std::sort(p1.begin(), p1.end());
    for (const auto& [h2, s2] : against_side) {
      if (h1 == h2) continue;
      if (++checks > kMaxChecks) return true;
      bool shared = std::any_of(s2.viewed.begin(), s2.viewed.end(), [&](schema::PropositionId p) {
        return std::binary_search(p1.begin(), p1.end(), p);
      });
      if (!shared) return true;
    }
  }
  return false;
}

class ContradictionIteratorImpl : public ContradictionIterator {
 public:
  ContradictionIteratorImpl(engine::Database& db, ContradictionOptions options)
      : db_(db),
        options_(std::move(options)),
        levels_(db, options_.filter.snapshot),
        mapping_{.level = options_.level, .resolver = &levels_},
        speakers_(options_.filter),
        records_(db, options_.filter.snapshot) {}

  // Reads the view, then moves to the first contradiction.
  absl::Status Start() {
    if (options_.link_paraphrases) {
      SG_ASSIGN_OR_RETURN(links_, PropositionLinks::Build(db_, {.snapshot = options_.filter.snapshot}));
      mapping_.links = &links_;
    }
    if (options_.since_sequence > 0) {
      SG_RETURN_IF_ERROR(NarrowToTouched());
      // Nothing new touches the view: an empty proposition list would mean
      // "any", so stop here.
      if (options_.filter.propositions.empty()) return absl::OkStatus();
      speakers_.propositions = options_.filter.propositions;
    }
    SG_ASSIGN_OR_RETURN(set_, ClaimSet::Build(db_, options_.filter, false, mapping_));
    if (mapping_.MapsHolders() && !speakers_.holders.empty()) {
      SG_ASSIGN_OR_RETURN(speakers_.holders,
                          levels_.SpeakersFor(options_.filter.holders, mapping_.level));
    }
    groups_ = set_.ByProposition();
    if (!options_.by_proposition) next_group_ = groups_.size();
    Advance();
    return absl::OkStatus();
  }

  bool Valid() const override { return valid_; }
  void Next() override { Advance(); }
  const Contradiction& value() const override { return current_; }
  absl::Status status() const override { return status_; }
  RecordCache& records() override { return records_; }

 private:
  // Restricts the filter to the propositions the mentions of sequence >=
  // since_sequence touch and, through paraphrase links, the propositions
  // read as one with them (a new claim on one paraphrase meets old claims
  // on another), within the filter's own propositions when it has any.
  absl::Status NarrowToTouched() {
    std::set<schema::PropositionId> touched;
    auto it = db_.ScanByIngest(options_.since_sequence, {.snapshot = options_.filter.snapshot});
    for (; it->Valid(); it->Next()) touched.insert(it->ref().proposition);
    SG_RETURN_IF_ERROR(it->status());
    if (options_.link_paraphrases) {
      std::set<schema::PropositionId> linked;
      for (schema::PropositionId p : touched) {
        const schema::PropositionId rep = links_.Resolve(p).first;
        linked.insert(rep);
        for (const PropositionLink& l : links_.Group(rep)) linked.insert(l.from);
      }
      touched = std::move(linked);
    }
    std::vector<schema::PropositionId>& props = options_.filter.propositions;
    if (!props.empty()) {
      std::erase_if(touched, [&](schema::PropositionId p) {
        return std::find(props.begin(), props.end(), p) == props.end();
      });
    }
    props.assign(touched.begin(), touched.end());
    return absl::OkStatus();
  }

  void Advance() {
    valid_ = false;
    if (!status_.ok()) return;
    while (next_group_ < groups_.size()) {
      const PropositionClaims& g = groups_[next_group_++];
      if (FillProposition(g)) {
        Finish();
        return;
      }
    }
    if (!options_.by_concept) return;
    if (!concepts_built_) BuildConcepts();
    while (next_concept_ != concepts_.end()) {
      auto& [name, claims] = *next_concept_++;
      if (FillConcept(name, claims)) {
        Finish();
        return;
      }
    }
  }

  bool FillProposition(const PropositionClaims& g) {
    SideMap for_side, against_side;
    for (const ClaimStat& c : g.claims) {
      if (c.polarity > 0) AddToSide(for_side, c);
      if (c.polarity < 0) AddToSide(against_side, c);
    }
    return Fill(ContradictionLevel::kProposition, g.proposition, {}, for_side, against_side);
  }

  bool FillConcept(const std::string& name, const std::vector<ClaimStat>& claims) {
    SideMap for_side, against_side;
    for (const ClaimStat& c : claims) {
      if (c.polarity > 0) AddToSide(for_side, c);
      if (c.polarity < 0) AddToSide(against_side, c);
    }
    if (!HasCrossPropositionPair(for_side, against_side)) return false;
    return Fill(ContradictionLevel::kConcept, 0, name, for_side, against_side);
  }

  bool Fill(ContradictionLevel level, schema::PropositionId prop, const std::string& concept_name,
            SideMap& for_side, SideMap& against_side) {
    std::vector<schema::EntityId> f = Keys(for_side), a = Keys(against_side);
    const uint64_t pairs = CountOpposedPairs(f, a);
    if (pairs == 0) return false;
    current_ = Contradiction{
        .level = level, .holder_level = options_.level, .proposition = prop, .pairs = pairs};
    std::set_intersection(f.begin(), f.end(), a.begin(), a.end(),
                          std::back_inserter(current_.self_contradicting));
    std::set<schema::PropositionId> props;
    for (const auto* side : {&for_side, &against_side}) {
      for (const auto& [h, s] : *side) {
        props.insert(s.side.propositions.begin(), s.side.propositions.end());
      }
    }
    current_.propositions.assign(props.begin(), props.end());
    current_.concept_name =
        level == ContradictionLevel::kConcept ? concept_name : records_.Proposition(prop).concept_name;
    current_.for_side = Flatten(for_side);
    current_.against_side = Flatten(against_side);
    return true;
  }

  // Loads the evidence of each side: one scan of each proposition involved.
  // At a level a mention belongs to the side its holder spoke for then.
  void Finish() {
    valid_ = true;
    if (options_.evidence_per_holder == 0) return;
    std::map<std::pair<schema::EntityId, int8_t>, HolderSide*> wanted;
    for (HolderSide& s : current_.for_side) wanted[{s.holder, 1}] = &s;
    for (HolderSide& s : current_.against_side) wanted[{s.holder, -1}] = &s;
    engine::ScanOptions so{.snapshot = options_.filter.snapshot,
                           .made_from = options_.filter.made_from,
                           .made_to = options_.filter.made_to};
    MentionFilter accept(db_, speakers_);
    for (schema::PropositionId p : current_.propositions) {
      const int8_t sign = mapping_.Proposition(p).second;
      auto it = db_.ScanByProposition(p, so);
      for (; it->Valid(); it->Next()) {
        const engine::MentionRef& r = it->ref();
        if (r.polarity == 0) continue;
        absl::StatusOr<schema::EntityId> side = mapping_.Holder(r.holder, r.made);
        if (!side.ok()) return Fail(side.status());
        auto found = wanted.find({*side, static_cast<int8_t>(r.polarity * sign)});
        if (found == wanted.end() ||
            found->second->evidence.size() >= options_.evidence_per_holder) {
          continue;
        }
        absl::StatusOr<bool> ok = accept.Accept(*it);
        if (!ok.ok()) return Fail(ok.status());
        if (!*ok) continue;
        absl::StatusOr<Evidence> e = records_.LoadEvidence(r.sequence);
        if (!e.ok()) return Fail(e.status());
        found->second->evidence.push_back(*std::move(e));
      }
      if (!it->status().ok()) return Fail(it->status());
    }
  }

  void Fail(absl::Status s) {
    status_ = std::move(s);
    valid_ = false;
  }

  // Concept -> its claims, for concepts with claims on two or more
  // propositions. Looks up every proposition of the view once.
  void BuildConcepts() {
    concepts_built_ = true;
    std::map<std::string, std::set<schema::PropositionId>> props_of;
    for (const PropositionClaims& g : groups_) {
      const std::string& concept_name = records_.Proposition(g.proposition).concept_name;
      if (concept_name.empty()) continue;
      props_of[concept_name].insert(g.proposition);
      auto& claims = concepts_[concept_name];
      claims.insert(claims.end(), g.claims.begin(), g.claims.end());
    }
    std::erase_if(concepts_, [&](const auto& kv) { return props_of[kv.first].size() < 2; });
    next_concept_ = concepts_.begin();
  }

  engine::Database& db_;
  ContradictionOptions options_;
  LevelResolver levels_;
  PropositionLinks links_;
  ViewMapping mapping_;
  Filter speakers_;  // the filter, with the holders that speak for its sides
  ClaimSet set_;
  std::vector<PropositionClaims> groups_;
  size_t next_group_ = 0;
  bool concepts_built_ = false;
  std::map<std::string, std::vector<ClaimStat>> concepts_;
  std::map<std::string, std::vector<ClaimStat>>::iterator next_concept_;
  RecordCache records_;
  Contradiction current_;
  bool valid_ = false;
  absl::Status status_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ContradictionIterator>> FindContradictions(
    engine::Database& db, const ContradictionOptions& options) {
  auto it = std::make_unique<ContradictionIteratorImpl>(db, options);
  SG_RETURN_IF_ERROR(it->Start());
  return it;
}

}  // namespace stancegraph::query
