// The meta values a rebuilt store carries over: report watermarks moved to
// the same place in the new mention sequence, everything else copied.
// Private.
#pragma once

#include <cstdint>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"

namespace stancegraph::reextract {

// Where mention sequence `sequence` of `source` falls in `target`, which
// holds the same documents with the same ingest times: the first mention of
// `target` ingested at or after the document that holds `sequence` in
// `source` (the first stored at or after `sequence` when that one is gone);
// the end of `target` for the end of `source`.
absl::StatusOr<uint64_t> TranslateSequence(engine::Database& source, engine::Database& target,
                                           uint64_t sequence);

// Copies every meta value of `source` into `target`, translating report
// watermarks with TranslateSequence. A watermark that cannot be read is
// copied as it is. Repeating it gives the same result. REQUIRES: every
// document of `source` is in `target`.
absl::Status CarryMeta(engine::Database& source, engine::Database& target);

}  // namespace stancegraph::reextract
