#include "stancegraph/importers/extractor.h"

namespace stancegraph::importers {

absl::StatusOr<std::unique_ptr<Extractor>> MakeExtractor(const SourceOptions& options) {
  if (!options.extractor_command.empty()) {
    return MakeExternalExtractor(options.extractor_command, options.extractor_timeout_seconds);
  }
  auto lexicon = options.lexicon_dir.empty()
                     ? Lexicon::Default()
                     : Lexicon::Load({.extra_dirs = {}, .shipped_dir = options.lexicon_dir});
  if (!lexicon.ok()) return lexicon.status();
  return MakeBuiltinExtractor(*lexicon, options);
}

}  // namespace stancegraph::importers
