// Store.import_files() and Store.import_text(): importers::Import and the
// extractor, with the problems of each record collected for the caller
// instead of printed.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"
#include "stancegraph/engine/database.h"
#include "stancegraph/importers/extractor.h"
#include "stancegraph/importers/source.h"

namespace stancegraph::python {

struct FileImportOptions {
  // A format name (importers::FormatNames()) or "auto". Default: "auto".
  std::string format = "auto";
  // Extractor, lexicon and limits (extractor_command, lexicon_dir, ...).
  importers::SourceOptions source;
  // Published time for every document read; "" = the input's.
  std::string published;
  // The bulk path: true, false, or nullopt to choose by itself as `import`
  // does (importers::ChooseBulk). Default: nullopt.
  std::optional<bool> bulk;
  // Error messages kept in the summary (all are counted). Default: 1000.
  size_t max_errors = 1000;
};

// {"files", "files_skipped", "documents_read", "documents" (imported),
//  "documents_already_present", "mentions", "bytes_read", "seconds",
//  "compacted", "bulk", "error_count", "errors": ["FILE:LINE: message", ...],
//  "notes": ["FILE: why it was passed over", ...]}.
// Bad records and unreadable files are in "errors"; a non-OK status only
// when the database fails or an option is wrong.
absl::StatusOr<nlohmann::json> ImportFiles(engine::Database& db,
                                           const std::vector<std::string>& paths,
                                           const FileImportOptions& options);

struct TextImportOptions {
  std::string title;
  // A time schema::ParseTime reads, or "" = unknown. The claims' time made
  // unless the text dates them.
  std::string published;
  std::string url;
  std::string outlet;
  // Where the text came from, as `import` records a file path.
  // Default: "" = "text:<document id>".
  std::string source;
  // The extractor: built-in over `lexicon_dir`, or `extractor_command`.
  importers::SourceOptions extraction;
};

// Extracts claims from one article and stores it, reusing the extractor of
// the last call with the same extraction options. Thread-safe.
class TextImporter {
 public:
  // The summary of ImportFiles for one document (no file counts); an
  // extraction or validation error goes into "errors" as "SOURCE: message".
  absl::StatusOr<nlohmann::json> Import(engine::Database& db, const std::string& text,
                                        const TextImportOptions& options);

 private:
  std::mutex mu_;
  std::unique_ptr<importers::Extractor> extractor_;
  importers::SourceOptions extractor_options_;
};

}  // namespace stancegraph::python
