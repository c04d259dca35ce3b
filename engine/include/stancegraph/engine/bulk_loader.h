// Loading many documents fast: they are buffered in memory, sorted per
// column family, written as SST files and ingested in one atomic step per
// chunk. A chunk is stored whole or not at all, and holds whole documents.
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
};

struct BulkLoadOptions {
  // Buffered bytes that trigger writing and ingesting a chunk; bounds the
  // loader's memory. Default: 512 MiB.
  size_t memory_budget_bytes = 512u << 20;
};

// Not thread-safe. Obtain from Database::NewBulkLoader; destroy before the
// Database. Destroying it without Finish() drops what is still buffered
// (earlier chunks stay stored).
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  // Validates and buffers documents (skipping ones already stored); may
  // ingest a chunk. On an InvalidArgument error nothing of `docs` is kept.
  // With skip_existing false, a document already stored (or buffered) gets
  // these mentions added to it.
  virtual absl::StatusOr<WriteSummary> Add(absl::Span<const schema::DocumentClaims> docs,
                                           const WriteOptions& options = {}) = 0;
  // Ingests what is buffered. The loader can go on being used after.
  virtual absl::Status Finish() = 0;
};

}  // namespace stancegraph::engine
