// Extractors turn an article into stance claims. The built-in one is the
// rule- and lexicon-based pipeline of importers/src/extract (normalise,
// segment, entities, attribution, stance, propositions); an external one runs
// a program of the user's choosing for each document.
//
//   SG_ASSIGN_OR_RETURN(auto extractor, MakeExtractor(options));
//   schema::DocumentClaims claims;
//   SG_RETURN_IF_ERROR(extractor->Extract(article, &claims));
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "stancegraph/importers/lexicon.h"
#include "stancegraph/importers/source.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::importers {

// A document as read, with the byte ranges of its text that are not article
// prose (datelines, "Leave a comment", navigation): extractors skip them, but
// spans still index `document.text`.
struct Article {
  schema::Document document;
  std::vector<schema::Span> furniture;  // sorted, non-overlapping
};

class Extractor {
 public:
  virtual ~Extractor() = default;
  // "builtin" or the external command line.
  virtual std::string name() const = 0;
  // Sets out->document to the article's document and fills entities,
  // propositions, claims and mentions (ids per schema/ids.h; mention times
  // default to the document's published time). An error concerns this
  // document only. Thread-safety: one call at a time per Extractor.
  virtual absl::Status Extract(const Article& article, schema::DocumentClaims* out) = 0;
};

// The built-in extractor over `lexicon` (never null), with the limits of
// `options` (max_sentence_bytes).
std::unique_ptr<Extractor> MakeBuiltinExtractor(std::shared_ptr<const Lexicon> lexicon,
                                                const SourceOptions& options = {});

// What an external extractor may do per document. A program that exceeds a
// limit is killed with its whole process group and that document fails; the
// import goes on with the next one.
struct ExternalExtractorLimits {
  // Wall-clock seconds per document. REQUIRES: > 0. Default: 60.
  int timeout_seconds = 60;
  // Bytes it may print on stdout per document. 0 = no limit. Default: 64 MiB.
  uint64_t max_output_bytes = uint64_t{64} << 20;
  // Its address space (RLIMIT_AS, set before exec): allocations past it
  // fail inside the program. 0 = no limit. Default: 2 GiB.
  uint64_t max_memory_bytes = uint64_t{2} << 30;
  // Claim lines it may print per document. 0 = no limit. Default: 10000.
  uint64_t max_claims = 10000;
};

// Runs `command` (split on spaces, with "..." or '...' grouping; no shell)
// once per document: the document as JSON on stdin ({"id", "source", "url",
// "outlet", "title", "published", "text"}), claims on stdout as JSONL lines of
// the export contract. Spans in the output index the document text. The
// program runs in its own process group under `limits`; what it prints on
// stderr is kept (its last 4 KiB) and quoted when the document fails; any
// process it leaves behind in its group is killed when it ends. A program
// that fails, exceeds the time (DeadlineExceeded), output, claims or memory
// limit (ResourceExhausted, or Internal when it dies of it) or prints a bad
// line (InvalidArgument) fails that document, with a message that names the
// document and, for a limit, the option that raises it.
absl::StatusOr<std::unique_ptr<Extractor>> MakeExternalExtractor(
    const std::string& command, const ExternalExtractorLimits& limits = {});

// The extractor `options` asks for: external when extractor_command is set,
// else built-in over the lexicons of options.lexicon_dir when set, or
// Lexicon::Default() when not; the directories of $STANCEGRAPH_LEXICONS add
// to either (lexicon_dirs.h).
absl::StatusOr<std::unique_ptr<Extractor>> MakeExtractor(const SourceOptions& options);

}  // namespace stancegraph::importers
