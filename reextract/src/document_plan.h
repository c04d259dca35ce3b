// What re-extraction writes for one stored document: claims made again by
// the built-in extractor, or the stored ones as they are. Private.
#pragma once

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/importers/extractor.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::reextract {

struct DocumentPlan {
  schema::DocumentClaims claims;  // to write; the document keeps its ingest time
  bool reextracted = false;       // else kept as stored
  std::string error;              // the extractor's, when it failed (then kept)
};

// "<source> (<id>)", or the id alone: how messages name a document.
std::string DocumentName(const schema::Document& doc);

// Documents stored before the engine kept their furniture (format 2) have
// none. For one the plain-text reader made (its source is read as text and
// its title is its first line), marks the furniture that reader marks, so
// re-extraction skips what import skipped.
void RestoreFurniture(schema::Document* doc);

// The plan for `doc` (as stored in `source`, furniture restored). When
// corrections changed or deleted it, `corrected` holds its extractor version,
// which is planned in place of the stored claims (the new store applies the
// corrections again when it is written). Without `extract`, every document
// keeps its claims. Errors are reading errors; an extraction failure is in
// DocumentPlan::error.
absl::StatusOr<DocumentPlan> PlanDocument(engine::Database& source, schema::Document doc,
                                          const std::optional<engine::CorrectedDocument>& corrected,
                                          bool extract, importers::Extractor& extractor);

}  // namespace stancegraph::reextract
