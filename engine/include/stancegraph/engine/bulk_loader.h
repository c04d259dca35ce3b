// Loading many documents fast: they are buffered in memory, sorted per
// column family, written as SST files and ingested in one atomic step per
// chunk. A chunk is stored whole or not at all, and holds whole documents.
// Chunks are stored in order, each in the background while the next fills.
#pragma once

#include <cstddef>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "stancegraph/engine/options.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::engine {

struct WriteSummary {
  uint64_t documents_written = 0;
  uint64_t documents_skipped = 0;  // already stored (same content id)
  uint64_t mentions_written = 0;
  // Not stored because a correction deletes them (engine/corrections.h).
  uint64_t documents_deleted = 0;
};

struct BulkLoadOptions {
  // Buffered bytes that make a chunk. While one chunk is written and
  // ingested in the background the next one fills, so the loader holds about
  // twice this. Larger chunks leave fewer, larger files. Default: 64 MiB.
  size_t chunk_bytes = 64u << 20;
  // What the loader has staged (claims per holder and proposition, documents,
  // ids, proposition sides) is remembered from chunk to chunk, so the next
  // chunk fills while the last is stored and nothing is read back. Past this
  // many entries (about 40 bytes each) it is dropped, and a chunk is stored
  // before the next begins, which then reads the store. Default: 8M.
  size_t max_remembered = 8u << 20;
};

// Not thread-safe. Obtain from Database::NewBulkLoader; destroy before the
// Database. Destroying it without Finish() drops the chunk still filling;
// earlier chunks are stored (the destructor waits for the one in progress).
// A chunk's errors surface from the next Add or from Finish.
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  // Validates and buffers documents (skipping ones already stored); may
  // ingest a chunk. On an InvalidArgument error nothing of `docs` is kept.
  // With skip_existing false, a document already stored (or buffered) gets
  // these mentions added to it.
  virtual absl::StatusOr<WriteSummary> Add(absl::Span<const schema::DocumentClaims> docs,
                                           const WriteOptions& options = {}) = 0;
  // Stores what is buffered and returns when every chunk is stored. When the
  // database held no document as the loader began, also merges the files
  // the chunks left in the two indexes queries read most (holder timelines
  // and claims by proposition), so those read one file each. The loader can
  // go on being used after.
  virtual absl::Status Finish() = 0;
};

}  // namespace stancegraph::engine
