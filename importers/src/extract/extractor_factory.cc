#include "stancegraph/importers/extractor.h"

namespace stancegraph::importers {

absl::StatusOr<std::unique_ptr<Extractor>> MakeExtractor(const SourceOptions& options) {
  if (!options.extractor_command.empty()) {
    return MakeExternalExtractor(options.extractor_command, options.extractor_timeout_seconds);
  }
  auto lexicon = Lexicon::Default();
  if (!lexicon.ok()) return lexicon.status();
  return MakeBuiltinExtractor(*lexicon, options);
}

}  // namespace stancegraph::importers
