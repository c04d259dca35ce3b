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

// Holder -> its claims on one side, kept in holder order.
using SideMap = std::map<schema::EntityId, HolderSide>;

void AddToSide(SideMap& side, const ClaimStat& c) {
  HolderSide& s = side[c.holder];
  s.holder = c.holder;
  s.claims.push_back(schema::MakeClaimId(c.holder, c.proposition, c.polarity));
  s.propositions.push_back(c.proposition);
  s.mentions += c.mentions;
}

std::vector<HolderSide> Flatten(SideMap& side) {
  std::vector<HolderSide> out;
  out.reserve(side.size());
  for (auto& [holder, s] : side) out.push_back(std::move(s));
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
    std::vector<schema::PropositionId> p1 = s1.propositions;
    std::sort(p1.begin(), p1.end());
    for (const auto& [h2, s2] : against_side) {
      if (h1 == h2) continue;
      if (++checks > kMaxChecks) return true;
      bool shared = std::any_of(s2.propositions.begin(), s2.propositions.end(),
                                [&](schema::PropositionId p) {
                                  return std::binary_search(p1.begin(), p1.end(), p);
                                });
      if (!shared) return true;
    }
  }
  return false;
}

class ContradictionIteratorImpl : public ContradictionIterator {
 public:
  ContradictionIteratorImpl(engine::Database& db, ContradictionOptions options, ClaimSet set)
      : db_(db),
        options_(std::move(options)),
        set_(std::move(set)),
        groups_(set_.ByProposition()),
        records_(db, options_.filter.snapshot) {
    if (!options_.by_proposition) next_group_ = groups_.size();
    Advance();
  }

  bool Valid() const override { return valid_; }
  void Next() override { Advance(); }
  const Contradiction& value() const override { return current_; }
  absl::Status status() const override { return status_; }
  RecordCache& records() override { return records_; }

 private:
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
    current_ = Contradiction{.level = level, .proposition = prop, .pairs = pairs};
    std::set_intersection(f.begin(), f.end(), a.begin(), a.end(),
                          std::back_inserter(current_.self_contradicting));
    std::set<schema::PropositionId> props;
    for (const auto* side : {&for_side, &against_side}) {
      for (const auto& [h, s] : *side) props.insert(s.propositions.begin(), s.propositions.end());
    }
    current_.propositions.assign(props.begin(), props.end());
    current_.concept_name =
        level == ContradictionLevel::kConcept ? concept_name : records_.Proposition(prop).concept_name;
    current_.for_side = Flatten(for_side);
    current_.against_side = Flatten(against_side);
    return true;
  }

  // Loads the evidence of each side: one scan of each proposition involved.
  void Finish() {
    valid_ = true;
    if (options_.evidence_per_holder == 0) return;
    std::map<std::pair<schema::EntityId, int8_t>, HolderSide*> wanted;
    for (HolderSide& s : current_.for_side) wanted[{s.holder, 1}] = &s;
    for (HolderSide& s : current_.against_side) wanted[{s.holder, -1}] = &s;
    engine::ScanOptions so{.snapshot = options_.filter.snapshot,
                           .made_from = options_.filter.made_from,
                           .made_to = options_.filter.made_to};
    MentionFilter accept(db_, options_.filter);
    for (schema::PropositionId p : current_.propositions) {
      auto it = db_.ScanByProposition(p, so);
      for (; it->Valid(); it->Next()) {
        const engine::MentionRef& r = it->ref();
        auto found = wanted.find({r.holder, r.polarity});
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
  SG_ASSIGN_OR_RETURN(ClaimSet set, ClaimSet::Build(db, options.filter));
  return std::make_unique<ContradictionIteratorImpl>(db, options, std::move(set));
}

}  // namespace stancegraph::query
