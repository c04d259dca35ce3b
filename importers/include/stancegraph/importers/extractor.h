// Extractors turn an article into stance claims. The built-in one is the
// rule- and lexicon-based pipeline of importers/src/extract (normalise,
// segment, entities, attribution, stance, propositions); an external one runs
// a program of the user's choosing for each document.
//
//   SG_ASSIGN_OR_RETURN(auto extractor, MakeExtractor(options));
//   schema::DocumentClaims claims;
//   SG_RETURN_IF_ERROR(extractor->Extract(article, &claims));
#pragma once

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

// Runs `command` (split on spaces, with "..." or '...' grouping; no shell)
// once per document: the document as JSON on stdin ({"id", "source", "url",
// "outlet", "title", "published", "text"}), claims on stdout as JSONL lines of
// the export contract. Spans in the output index the document text. A
// program that fails, exceeds `timeout_seconds` or prints a bad line fails
// that document (DeadlineExceeded, Internal or InvalidArgument).
absl::StatusOr<std::unique_ptr<Extractor>> MakeExternalExtractor(const std::string& command,
                                                                 int timeout_seconds);

// The extractor `options` asks for: external when extractor_command is set,
// else built-in over the lexicons of options.lexicon_dir when set, or
// Lexicon::Default() when not; the directories of $STANCEGRAPH_LEXICONS add
// to either (lexicon_dirs.h).
absl::StatusOr<std::unique_ptr<Extractor>> MakeExtractor(const SourceOptions& options);

}  // namespace stancegraph::importers
