// ApplyCorrections: the corrected version of one document's claims.
#include "stancegraph/engine/corrections.h"

#include <algorithm>
#include <charconv>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/strings.h"

namespace stancegraph::engine {
namespace {

using schema::Claim;
using schema::DocumentClaims;
using schema::Entity;
using schema::Mention;
using schema::Proposition;

uint64_t IdOf(const std::string& text) { return schema::ParseId(text).value_or(0); }

bool HasName(const Entity& e, const std::string& name) {
  const std::string k = schema::NormalizeKey(name);
  if (schema::NormalizeKey(e.name) == k) return true;
  return std::any_of(e.aliases.begin(), e.aliases.end(),
                     [&](const std::string& a) { return schema::NormalizeKey(a) == k; });
}

void AddAlias(Entity* e, const std::string& name) {
  if (!name.empty() && !HasName(*e, name)) e->aliases.push_back(name);
}

// What a mention is after the corrections so far.
struct MentionState {
  schema::EntityId holder = 0;
  schema::PropositionId proposition = 0;
  int8_t polarity = 0;
  bool retracted = false;
};

class Applier {
 public:
  Applier(absl::Span<const Correction> active, const DocumentClaims& base, CorrectedDocument* out)
      : active_(active), base_(base), out_(out) {
    for (const Entity& e : base.entities) entities_[e.id] = e;
    for (const Proposition& p : base.propositions) props_[p.id] = p;
  }

  void Run(DocumentClaims* corrected) {
    const std::string doc_id = schema::FormatId(base_.document.id);
    for (const Correction& c : active_) {
      if (c.active() && c.kind == CorrectionKind::kDeleteDocument && c.target == doc_id) {
        out_->deleted = true;
        out_->applied.emplace_back(CorrectedDocument::kWholeDocument, c.id);
      }
    }
    if (out_->deleted) {
      *corrected = base_;
      return;
    }
    absl::flat_hash_map<schema::ClaimId, const Claim*> claims;
    for (const Claim& c : base_.claims) claims[c.id] = &c;
    std::vector<MentionState> states;
    for (const Mention& m : base_.mentions) {
      auto it = claims.find(m.claim);
      MentionState s;
      if (it != claims.end()) {
        s = {.holder = it->second->holder,
             .proposition = it->second->proposition,
             .polarity = it->second->polarity};
      }
      for (const Correction& c : active_) {
        if (c.active() && Applies(c, m, &s)) out_->applied.emplace_back(m.ordinal, c.id);
      }
      states.push_back(s);
    }
    Build(states, corrected);
  }

 private:
  // Applies `c` to one mention; true when it changed something.
  bool Applies(const Correction& c, const Mention& m, MentionState* s) {
    if (s->retracted) return false;
    const bool is_this = c.target == MentionName(m.document, m.ordinal);
    switch (c.kind) {
      case CorrectionKind::kMergeEntities:
        if (s->holder != IdOf(c.target) || !c.entity) return false;
        Merge(c);
        s->holder = c.entity->id;
        return true;
      case CorrectionKind::kRenameEntity:
        if (s->holder != IdOf(c.target)) return false;
        renames_[s->holder] = c.value;
        return true;
      case CorrectionKind::kDeleteDocument:
        return false;
      case CorrectionKind::kRetractMention:
        s->retracted = is_this;
        return is_this;
      case CorrectionKind::kMentionHolder:
        if (!is_this || !c.entity) return false;
        entities_.try_emplace(c.entity->id, *c.entity);
        s->holder = c.entity->id;
        return true;
      case CorrectionKind::kMentionPolarity: {
        int v = 0;
        auto [p, ec] = std::from_chars(c.value.data(), c.value.data() + c.value.size(), v);
        if (!is_this || ec != std::errc() || v < -1 || v > 1) return false;
        s->polarity = static_cast<int8_t>(v);
        return true;
      }
      case CorrectionKind::kMentionProposition:
        if (!is_this || !c.proposition) return false;
        props_.try_emplace(c.proposition->id, *c.proposition);
        s->proposition = c.proposition->id;
        return true;
      case CorrectionKind::kAttachProposition:
        if (s->proposition != IdOf(c.target) || !c.proposition) return false;
        props_.try_emplace(c.proposition->id, *c.proposition);
        s->proposition = c.proposition->id;
        return true;
    }
    return false;
  }

  // The kept entity takes the merged one's names.
  void Merge(const Correction& c) {
    Entity& into = entities_.try_emplace(c.entity->id, *c.entity).first->second;
    auto gone = entities_.find(IdOf(c.target));
    if (gone == entities_.end()) return;
    AddAlias(&into, gone->second.name);
    for (const std::string& a : gone->second.aliases) AddAlias(&into, a);
  }

  void Build(const std::vector<MentionState>& states, DocumentClaims* out) {
    out->document = base_.document;
    out->entities.clear();
    out->propositions.clear();
    out->claims.clear();
    out->mentions.clear();
    absl::flat_hash_set<uint64_t> seen_claims, seen_entities, seen_props;
    for (size_t i = 0; i < states.size(); ++i) {
      const MentionState& s = states[i];
      if (s.retracted) continue;
      Claim c{.id = schema::MakeClaimId(s.holder, s.proposition, s.polarity),
              .holder = s.holder,
              .proposition = s.proposition,
              .polarity = s.polarity};
      Mention m = base_.mentions[i];
      m.claim = c.id;
      out->mentions.push_back(std::move(m));
      if (seen_claims.insert(c.id).second) out->claims.push_back(c);
      if (seen_entities.insert(c.holder).second) {
        auto e = entities_.find(c.holder);
        if (e != entities_.end()) out->entities.push_back(Renamed(e->second));
      }
      if (seen_props.insert(c.proposition).second) {
        auto p = props_.find(c.proposition);
        if (p != props_.end()) out->propositions.push_back(p->second);
      }
    }
    // Claims without a mention keep their place.
    for (const Claim& c : base_.claims) {
      if (!seen_claims.insert(c.id).second) continue;
      bool mentioned = std::any_of(base_.mentions.begin(), base_.mentions.end(),
                                   [&](const Mention& m) { return m.claim == c.id; });
      if (mentioned) continue;
      out->claims.push_back(c);
      if (seen_entities.insert(c.holder).second && entities_.contains(c.holder)) {
        out->entities.push_back(Renamed(entities_.at(c.holder)));
      }
      if (seen_props.insert(c.proposition).second && props_.contains(c.proposition)) {
        out->propositions.push_back(props_.at(c.proposition));
      }
    }
  }

  Entity Renamed(Entity e) const {
    auto r = renames_.find(e.id);
    if (r == renames_.end() || r->second == e.name) return e;
    std::string old = e.name;
    e.name = r->second;
    e.aliases.erase(std::remove_if(e.aliases.begin(), e.aliases.end(),
                                   [&](const std::string& a) {
                                     return schema::NormalizeKey(a) ==
                                            schema::NormalizeKey(r->second);
                                   }),
                    e.aliases.end());
    AddAlias(&e, old);
    return e;
  }

  absl::Span<const Correction> active_;
  const DocumentClaims& base_;
  CorrectedDocument* out_;
  absl::flat_hash_map<schema::EntityId, Entity> entities_;
  absl::flat_hash_map<schema::PropositionId, Proposition> props_;
  absl::flat_hash_map<schema::EntityId, std::string> renames_;
};

}  // namespace

std::string_view CorrectionKindName(CorrectionKind kind) {
  switch (kind) {
    case CorrectionKind::kMergeEntities:
      return "merge-entities";
    case CorrectionKind::kRenameEntity:
      return "rename-entity";
    case CorrectionKind::kDeleteDocument:
      return "delete-document";
    case CorrectionKind::kRetractMention:
      return "retract";
    case CorrectionKind::kMentionHolder:
      return "mention-holder";
    case CorrectionKind::kMentionPolarity:
      return "mention-polarity";
    case CorrectionKind::kMentionProposition:
      return "mention-proposition";
    case CorrectionKind::kAttachProposition:
      return "attach-proposition";
  }
  return "unknown";
}

std::string MentionName(schema::DocumentId doc, uint32_t ordinal) {
  return absl::StrCat(schema::FormatId(doc), ":", ordinal);
}

absl::Status ParseMentionName(std::string_view text, schema::DocumentId* doc, uint32_t* ordinal) {
  const size_t colon = text.find(':');
  auto bad = [&] {
    return absl::InvalidArgumentError(
        absl::StrCat("mention \"", Av(text),
                     "\": expected <document id>:<ordinal>, as `export claims` prints "
                     "doc.id and ordinal (e.g. 821501370591bd3e:1)"));
  };
  if (colon == std::string_view::npos) return bad();
  auto id = schema::ParseId(text.substr(0, colon));
  const std::string_view ord = text.substr(colon + 1);
  auto [p, ec] = std::from_chars(ord.data(), ord.data() + ord.size(), *ordinal);
  if (!id || ord.empty() || ec != std::errc() || p != ord.data() + ord.size()) return bad();
  *doc = *id;
  return absl::OkStatus();
}

std::vector<uint64_t> CorrectedDocument::AppliedTo(uint32_t ordinal) const {
  std::vector<uint64_t> ids;
  for (const auto& [o, id] : applied) {
    if ((o == ordinal || o == kWholeDocument) &&
        std::find(ids.begin(), ids.end(), id) == ids.end()) {
      ids.push_back(id);
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

void ApplyCorrections(absl::Span<const Correction> active, const DocumentClaims& base,
                      DocumentClaims* corrected, CorrectedDocument* out) {
  out->base = {};
  out->applied.clear();
  out->deleted = false;
  Applier(active, base, out).Run(corrected);
  if (out->applied.empty()) {
    *corrected = base;
    return;
  }
  out->base = base;
}

}  // namespace stancegraph::engine
