// The evidence behind an answer: mentions with their quote, document and
// time, and a cache of the records answers name (holders, propositions,
// documents).
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

// One mention, ready to show.
struct Evidence {
  uint64_t sequence = 0;
  schema::ClaimId claim = 0;
  schema::EntityId holder = 0;
  schema::PropositionId proposition = 0;
  int8_t polarity = 0;
  schema::Timestamp made = schema::kNoTime;
  schema::DocumentId document = 0;
  std::string source;  // as imported
  std::string title;
  std::string outlet;
  // The sentence (else the content span) cut from the document text; "" when
  // the document has no text (pre-extracted claims).
  std::string quote;
  std::optional<schema::Span> span;  // where `quote` is in the document
  std::string predicate;
  std::string object_text;
  bool hedged = false;
  bool conditional = false;
  float confidence = 1.0f;
};

// Looks records up once and keeps them. Documents are kept without their
// text beyond the last few read. Not thread-safe. `db` must outlive it.
class RecordCache {
 public:
  RecordCache(engine::Database& db, const engine::Snapshot* snapshot = nullptr);

  // An entity with name "?<id>" when absent, so answers stay printable.
  const schema::Entity& Holder(schema::EntityId id);
  // A proposition with text "?<id>" when absent.
  const schema::Proposition& Proposition(schema::PropositionId id);
  // NotFound when the mention is absent.
  absl::StatusOr<Evidence> LoadEvidence(uint64_t sequence);

 private:
  absl::StatusOr<const schema::Document*> Document(schema::DocumentId id);

  engine::Database& db_;
  engine::ReadOptions ro_;
  std::unordered_map<schema::EntityId, schema::Entity> holders_;
  std::unordered_map<schema::PropositionId, schema::Proposition> propositions_;
  // A small most-recently-used list of documents (they carry their text).
  std::list<schema::Document> documents_;
};

}  // namespace stancegraph::query
