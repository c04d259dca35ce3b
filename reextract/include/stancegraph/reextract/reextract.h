// Re-extraction: rebuilding every claim of a database from the documents it
// stores, with the current built-in extractor and lexicons. The engine of
// `stancegraph reextract`; the way to bring a store of an older format
// (engine::kOldestRebuildableFormat and later) to the current one.
//
//   SG_ASSIGN_OR_RETURN(auto summary, reextract::Reextract("claims.db", {}));
//
// What is rebuilt, and what is kept:
//   - a document whose claims the built-in extractor made, or that has none
//     but has text, is extracted again (Mention::extractor "builtin");
//   - a document whose claims came from elsewhere (pre-extracted claims
//     JSONL or CSV, an external --extractor), or that has no text, keeps its
//     claims and mentions as they are;
//   - hand corrections (engine/corrections.h) are carried over and applied
//     again to every document written, whether extracted again or kept: a
//     document they changed is planned from its extractor version, one they
//     delete stays deleted (its record is kept for `correct undo`);
//   - every document keeps its id and ingest time, and documents are
//     written again in ingest order: by ingest time, then in the order they
//     were written. Mention sequences are new, so each report watermark
//     (query::Watermark, "report/<profile>/watermark") is translated: it
//     moves to the first new mention of the documents ingested at or after
//     the document that held the mention it pointed at, i.e. the documents
//     the report had not covered yet; a watermark at the end stays at the
//     end. Other meta values are copied.
//
// The new database is built beside the old one and swapped in whole
// (engine::Rebuild), so the directory holds the complete old database or the
// complete new one at every moment, and a run that is killed or stopped is
// continued by calling Reextract again with the same directory and options
// (documents the earlier run wrote are not extracted again; to start over
// with other lexicons, delete `<dir>.rebuild` first). While it
// works the old database is locked for writing (imports get "locked");
// readers keep reading it until the swap.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "stancegraph/importers/source.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::reextract {

struct ReextractOptions {
  // The built-in extractor's settings: lexicon_dir (a lexicon directory used
  // in place of the shipped one; "" = the shipped lexicons plus
  // $STANCEGRAPH_LEXICONS) and max_sentence_bytes. extractor_command must be
  // empty: re-extraction always uses the built-in extractor.
  // Default: SourceOptions{}.
  importers::SourceOptions source;
  // Documents per atomic write to the new database. Default: 64.
  size_t batch_documents = 64;
  // false: every document keeps its claims as they are (the extractor's
  // version of a document corrections changed), so the rebuild only applies
  // the corrections (engine/corrections.h): what `stancegraph correct` runs.
  // Default: true = extract again as described above.
  bool extract = true;
  // Read between writes: once true, Reextract stops, keeping what it wrote
  // for the next call, and returns a summary with `stopped` set.
  // Default: nullptr = never. Not owned; must outlive the call.
  const std::atomic<bool>* stop = nullptr;
};

struct ReextractSummary {
  uint64_t documents = 0;        // in the database
  uint64_t reextracted = 0;      // extracted again by this call
  uint64_t kept = 0;             // written by this call with their claims as they were
  uint64_t resumed = 0;          // written by an earlier call that was interrupted
  uint64_t errors = 0;           // of `kept`, documents the extractor failed on
  uint64_t deleted = 0;          // of `documents`, deleted by a correction: not stored
  uint64_t mentions_before = 0;  // claim mentions in the old database
  uint64_t mentions_after = 0;   // in the new one (so far, when stopped)
  uint32_t format_before = 0;    // the old database's format version
  std::string new_store;         // where the new database is built: "<dir>.rebuild"
  // The stop flag was seen: the new database is incomplete and the old one
  // is still in place; the same call continues.
  bool stopped = false;
  // An earlier call had swapped the new database in and was killed before it
  // deleted the old one; this call only deleted it.
  bool finished_earlier = false;
  double seconds = 0;

  // Documents written to the new database so far.
  uint64_t done() const { return reextracted + kept + resumed; }
};

// A document the extractor failed on (it keeps its claims as they were).
struct DocumentError {
  schema::DocumentId id = 0;
  std::string source;  // as imported
  std::string message;
};
using DocumentErrorSink = std::function<void(const DocumentError&)>;

// Called now and then while documents are written, and once at the end.
using ProgressFn = std::function<void(const ReextractSummary&)>;

// Rebuilds the claims of the database in `dir` as described above. Errors:
// those of engine::Rebuild::Begin (NotFound, "locked", a format too old or
// too new), InvalidArgument for an external extractor in `options` or a bad
// lexicon, and any read or write error, naming the document it concerns.
// After an error the old database is still in place (or, when the error
// came after the swap, the new one) and a later call continues.
absl::StatusOr<ReextractSummary> Reextract(const std::string& dir, const ReextractOptions& options,
                                           const DocumentErrorSink& errors = nullptr,
                                           const ProgressFn& progress = nullptr);

}  // namespace stancegraph::reextract
