// A DocumentSource turns one input (a file or stdin) into documents with
// their claims. Readers of pre-extracted claims (JSONL, CSV) produce claims
// directly; article readers (text, HTML, feeds, JSONL articles) produce
// documents that an extractor turns into claims.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::importers {

// A problem with one record (or, with line 0, the whole input). The import
// goes on; the summary and exit status say something failed.
struct ImportError {
  std::string file;   // path as given, "-" for stdin
  uint64_t line = 0;  // 1-based line or record number; 0 = whole input
  std::string message;
  // A note, not an error: the file was passed over (a directory walk skips
  // documentation, binary files and formats import does not read).
  bool skipped = false;
};
using ErrorSink = std::function<void(const ImportError&)>;

struct SourceOptions {
  // Overrides the published time of every document read. Default: none.
  std::optional<schema::Timestamp> published;
  // Runs this program (no shell) as the extractor instead of the built-in
  // one: document JSON on stdin, claims JSONL on stdout. Default: "" = built-in.
  std::string extractor_command;
  // The built-in extractor's lexicon directory, in place of the shipped one
  // (overrides $STANCEGRAPH_LEXICON_DIR; `import --lexicon DIR`). Without a
  // wordnet.bin of its own, the shipped one is used (lexicon_dirs.h).
  // Default: "" = $STANCEGRAPH_LEXICON_DIR, else the shipped directory.
  std::string lexicon_dir;
  // Seconds an external extractor may take per document. Default: 60.
  int extractor_timeout_seconds = 60;
  // Bytes an external extractor may print per document. 0 = no limit.
  // Default: 64 MiB.
  uint64_t extractor_max_output_bytes = uint64_t{64} << 20;
  // Address space (RLIMIT_AS) of an external extractor. 0 = no limit.
  // Default: 2 GiB.
  uint64_t extractor_max_memory_bytes = uint64_t{2} << 30;
  // Claims an external extractor may print per document. 0 = no limit.
  // Default: 10000.
  uint64_t extractor_max_claims = 10000;
  // Documents (and single lines) longer than this are reported and skipped.
  // Default: 16 MiB.
  size_t max_document_bytes = 16u << 20;
  // HTML pages and feeds whose markup nests deeper than this many elements
  // are reported and skipped: HTML parsing time grows with depth times size.
  // Default: 512.
  size_t max_html_depth = 512;
  // The built-in extractor cuts a sentence longer than this many bytes (a
  // flattened list or table, a page without full stops) into pieces of at
  // most this size, at a clause boundary where it can, so that extraction
  // time grows with the document's length, not with the square of its
  // longest sentence. Claims whose parts land in different pieces may be
  // missed; news sentences are far shorter. 0 = no limit. Default: 3000.
  size_t max_sentence_bytes = 3000;
};

class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  // Fills *out with the next document and returns true; returns false at the
  // end of the input or on a fatal error (then status() says which). Bad
  // records are reported to the ErrorSink and skipped.
  virtual bool Next(schema::DocumentClaims* out) = 0;
  virtual absl::Status status() const = 0;
};

}  // namespace stancegraph::importers
