#include "stancegraph/query/evidence.h"

#include <algorithm>

#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::query {
namespace {

constexpr size_t kDocumentsKept = 16;

}  // namespace

RecordCache::RecordCache(engine::Database& db, const engine::Snapshot* snapshot)
    : db_(db), ro_{.snapshot = snapshot} {}

const schema::Entity& RecordCache::Holder(schema::EntityId id) {
  auto found = holders_.find(id);
  if (found != holders_.end()) return found->second;
  absl::StatusOr<schema::Entity> e = db_.GetEntity(id, ro_);
  if (!e.ok()) {
    schema::Entity missing;
    missing.id = id;
    missing.name = "?" + schema::FormatId(id);
    return holders_.emplace(id, std::move(missing)).first->second;
  }
  return holders_.emplace(id, *std::move(e)).first->second;
}

const schema::Proposition& RecordCache::Proposition(schema::PropositionId id) {
  auto found = propositions_.find(id);
  if (found != propositions_.end()) return found->second;
  absl::StatusOr<schema::Proposition> p = db_.GetProposition(id, ro_);
  if (!p.ok()) {
    schema::Proposition missing;
    missing.id = id;
    missing.text = "?" + schema::FormatId(id);
    return propositions_.emplace(id, std::move(missing)).first->second;
  }
  return propositions_.emplace(id, *std::move(p)).first->second;
}

absl::StatusOr<const schema::Document*> RecordCache::Document(schema::DocumentId id) {
  auto found = std::find_if(documents_.begin(), documents_.end(),
                            [&](const schema::Document& d) { return d.id == id; });
  if (found != documents_.end()) {
    documents_.splice(documents_.begin(), documents_, found);
    return &documents_.front();
  }
  SG_ASSIGN_OR_RETURN(schema::Document d, db_.GetDocument(id, ro_));
  documents_.push_front(std::move(d));
  if (documents_.size() > kDocumentsKept) documents_.pop_back();
  return &documents_.front();
}

absl::StatusOr<Evidence> RecordCache::LoadEvidence(uint64_t sequence) {
  SG_ASSIGN_OR_RETURN(schema::Mention m, db_.GetMention(sequence, ro_));
  SG_ASSIGN_OR_RETURN(schema::Claim c, db_.GetClaim(m.claim, ro_));
  Evidence e{.sequence = sequence,
             .claim = m.claim,
             .holder = c.holder,
             .proposition = c.proposition,
             .polarity = c.polarity,
             .made = m.made,
             .document = m.document,
             .predicate = m.predicate,
             .object_text = m.object_text,
             .hedged = m.hedged,
             .conditional = m.conditional,
             .confidence = m.confidence};
  SG_ASSIGN_OR_RETURN(const schema::Document* d, Document(m.document));
  e.source = d->source;
  e.title = d->title;
  e.outlet = d->outlet;
  e.span = m.sentence.has_value() ? m.sentence : m.content;
  if (e.span.has_value() && e.span->begin <= e.span->end && e.span->end <= d->text.size()) {
    e.quote = d->text.substr(e.span->begin, e.span->end - e.span->begin);
  }
  return e;
}

}  // namespace stancegraph::query
