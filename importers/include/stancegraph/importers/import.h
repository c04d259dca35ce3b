// Importing files, directories and stdin into a database: the engine of
// `stancegraph import`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/importers/source.h"

namespace stancegraph::importers {

struct ImportOptions {
  // A name from FormatNames() or "auto" (per file). Default: "auto".
  std::string format = "auto";
  SourceOptions source;
  // Documents per atomic write. Default: 256.
  size_t batch_documents = 256;
  // Follow symbolic links to directories (loops are detected). Default: false.
  bool follow_symlinks = false;
  // Load through the engine's bulk loader (sorted files ingested whole):
  // much faster for large inputs; documents become visible chunk by chunk.
  // Default: false.
  bool bulk = false;
};

struct ImportSummary {
  uint64_t files = 0;
  uint64_t files_skipped = 0;  // passed over in directories (ImportError::skipped)
  uint64_t documents_read = 0;
  uint64_t documents_written = 0;
  uint64_t documents_skipped = 0;  // already stored
  uint64_t mentions_written = 0;
  uint64_t errors = 0;
  uint64_t bytes_read = 0;
  double seconds = 0;
};

// Called now and then during an import, and once at the end.
using ProgressFn = std::function<void(const ImportSummary&)>;

// Imports each path: a file, a directory (recursively, in name order) or
// "-" for stdin. Bad records and unreadable files are reported to `errors`
// and counted; the rest is stored. Returns a non-OK status only when the
// database itself fails (nothing half-written is left behind).
absl::StatusOr<ImportSummary> Import(engine::Database& db, const std::vector<std::string>& paths,
                                     const ImportOptions& options, const ErrorSink& errors,
                                     const ProgressFn& progress = nullptr);

}  // namespace stancegraph::importers
