// Importing files, directories and stdin into a database: the engine of
// `stancegraph import`.
#pragma once

#include <atomic>
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
  // When the import is done, merge the claim indexes into one sorted run
  // each if their files have piled up (engine::IndexLayout::CompactionPays),
  // so a store built by ordinary imports answers whole-store questions as
  // fast as a bulk-loaded one. Default: true.
  bool compact_when_scattered = true;
  // When set and it becomes true (say on Ctrl-C), the import stops reading,
  // stores the documents already parsed (each whole), skips the final
  // compaction and returns with ImportSummary::interrupted. The same import
  // run again continues: stored documents are skipped. Default: none.
  const std::atomic<bool>* stop = nullptr;
};

struct ImportSummary {
  uint64_t files = 0;
  uint64_t files_skipped = 0;  // passed over in directories (ImportError::skipped)
  uint64_t documents_read = 0;
  uint64_t documents_written = 0;
  uint64_t documents_skipped = 0;  // already stored
  uint64_t documents_deleted = 0;  // deleted by a hand correction: not stored again
  uint64_t mentions_written = 0;
  uint64_t errors = 0;
  uint64_t bytes_read = 0;   // of the inputs, as far as they have been read
  uint64_t bytes_total = 0;  // of the inputs, as found before reading
  bool size_known = true;    // false when an input has no size up front (stdin)
  double seconds = 0;
  bool compacted = false;    // the claim indexes were merged at the end
  bool interrupted = false;  // ImportOptions::stop was seen; the rest was not read
};

// Whether an import should take the bulk path by itself, and why.
struct BulkChoice {
  bool bulk = false;
  std::string reason;
};

// Inputs of at least this many bytes of pre-extracted claims are loaded in
// bulk when they are large beside the store (see ChooseBulk).
inline constexpr uint64_t kAutoBulkMinBytes = 8u << 20;

// Picks the bulk path when it pays: the inputs are all pre-extracted claim
// files (claims-csv, claims-jsonl; by `format` or, for "auto", by name and
// first bytes), together at least kAutoBulkMinBytes, and the store at
// `db_dir` is absent or empty or holds less than four times their size on
// disk. Articles go through extraction, which bulk loading does not speed
// up; stdin ("-") and directories have no size known up front.
BulkChoice ChooseBulk(const std::vector<std::string>& paths, const std::string& format,
                      const std::string& db_dir);

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
