// Hand corrections: what a user says the extractor got wrong, kept as records
// of their own and applied on top of the extractor's output.
//
//   Correction c{.kind = CorrectionKind::kMentionHolder,
//                .target = "821501370591bd3e:1", .value = schema::FormatId(x.id),
//                .who = "ana", .why = "the quote is the minister's", .entity = x};
//   SG_ASSIGN_OR_RETURN(c, db->AddCorrection(std::move(c)));
//   // then rebuild the store (reextract::ApplyCorrections) so it takes effect
//
// Every write (Database::Write, BulkLoader::Add) applies the active
// corrections to each document before it is stored: a document that a
// correction deletes is not stored (WriteSummary::documents_deleted), and one
// that corrections change is stored corrected, with the extractor's version
// (its *base*) kept beside it, so undoing a correction restores exactly what
// the extractor made. Stored documents change only when the store is
// rebuilt, which `stancegraph correct` does after each change and
// `stancegraph reextract` does anyway. See docs/corrections.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::engine {

enum class CorrectionKind : uint8_t {
  // target: the entity that goes away (id); value: the entity it is (id).
  // Its mentions get that holder, its name and aliases become aliases.
  kMergeEntities = 1,
  // target: entity id; value: the new canonical name (the old one becomes
  // an alias; the id stays).
  kRenameEntity = 2,
  // target: document id. The document is not stored, now or when imported
  // again.
  kDeleteDocument = 3,
  // target: a mention ("<document id>:<ordinal>"). The mention is dropped.
  kRetractMention = 4,
  // target: a mention; value: the holder's entity id (`entity` holds it).
  kMentionHolder = 5,
  // target: a mention; value: "-1", "0" or "1".
  kMentionPolarity = 6,
  // target: a mention; value: a proposition id (`proposition` holds it).
  kMentionProposition = 7,
  // target: a proposition id; value: the proposition it is the same as
  // (`proposition` holds it). Every claim on the first is on the second.
  kAttachProposition = 8,
};

// "merge-entities", "rename-entity", "delete-document", "retract",
// "mention-holder", "mention-polarity", "mention-proposition",
// "attach-proposition".
std::string_view CorrectionKindName(CorrectionKind kind);

struct Correction {
  uint64_t id = 0;  // 1, 2, 3, ... in the order they were made; set by AddCorrection
  CorrectionKind kind = CorrectionKind::kRetractMention;
  std::string target;                        // see CorrectionKind
  std::string value;                         // see CorrectionKind; "" for deletes and retractions
  std::string who;                           // who made it
  schema::Timestamp when = schema::kNoTime;  // UTC; set by AddCorrection when unset
  std::string why;
  schema::Timestamp undone = schema::kNoTime;  // when undone; kNoTime while active
  std::string undone_by;
  // The record `value` names, so a correction applies without reading the
  // store: the entity of kMergeEntities and kMentionHolder, the proposition
  // of kMentionProposition and kAttachProposition.
  std::optional<schema::Entity> entity;
  std::optional<schema::Proposition> proposition;

  bool active() const { return undone == schema::kNoTime; }
};

// "<document id>:<ordinal>", the way corrections and `export claims`
// (doc.id, ordinal) name one mention.
std::string MentionName(schema::DocumentId doc, uint32_t ordinal);
// InvalidArgument naming `text` when it is not "<16 hex digits>:<ordinal>".
absl::Status ParseMentionName(std::string_view text, schema::DocumentId* doc, uint32_t* ordinal);

// A document as the extractor made it and what the corrections changed.
struct CorrectedDocument {
  schema::DocumentClaims base;  // the extractor's output, as first written
  // Ids of the corrections that changed the document, per mention ordinal
  // (kWholeDocument for a deletion), in id order.
  static constexpr uint32_t kWholeDocument = UINT32_MAX;
  std::vector<std::pair<uint32_t, uint64_t>> applied;
  bool deleted = false;
  // The ids applied to mention `ordinal`, without duplicates.
  std::vector<uint64_t> AppliedTo(uint32_t ordinal) const;
};

// The corrected version of `base`: `active` (ascending id; undone ones are
// ignored) applied in order. When any applies, `out->base` is `base`; when
// none does, `out->applied` is empty and `*corrected` equals `base`. Ordinals are kept,
// so a mention keeps its name. Claims are recomputed from the corrected
// holder, proposition and polarity of each mention.
void ApplyCorrections(absl::Span<const Correction> active, const schema::DocumentClaims& base,
                      schema::DocumentClaims* corrected, CorrectedDocument* out);

// Record codecs (engine/FORMAT.md, "Corrections").
void EncodeCorrection(const Correction& c, std::string* out);
absl::StatusOr<Correction> DecodeCorrection(std::string_view in);
void EncodeCorrectedDocument(const CorrectedDocument& d, std::string* out);
absl::StatusOr<CorrectedDocument> DecodeCorrectedDocument(std::string_view in);

}  // namespace stancegraph::engine
