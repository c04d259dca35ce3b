// The order documents were ingested in, which a rebuilt store keeps. Private.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::reextract {

struct IngestedDocument {
  schema::Timestamp ingested = schema::kNoTime;
  // Its first mention's sequence; UINT64_MAX when it has none.
  uint64_t first_sequence = 0;
  schema::DocumentId id = 0;
  friend auto operator<=>(const IngestedDocument&, const IngestedDocument&) = default;
};

// Every document of `db` by ingest time, then first mention (the order of
// one write), then id. A document written twice (claims whose records were
// not consecutive) has the time of its last write. Reads every document
// record once.
absl::StatusOr<std::vector<IngestedDocument>> IngestOrder(engine::Database& db);

}  // namespace stancegraph::reextract
