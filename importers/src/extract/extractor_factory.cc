#include <mutex>

#include "stancegraph/importers/extractor.h"
#include "stancegraph/importers/lexicon_dirs.h"

namespace stancegraph::importers {
namespace {

// The lexicon of a --lexicon directory plus $STANCEGRAPH_LEXICONS. An import
// makes one extractor per input file: the last set loaded is kept, so a
// directory of articles loads it once.
absl::StatusOr<std::shared_ptr<const Lexicon>> LexiconFor(const std::string& dir) {
  static std::mutex mu;
  static LexiconOptions last_options;
  static std::shared_ptr<const Lexicon> last;
  LexiconOptions options{.extra_dirs = ExtraLexiconDirs(), .shipped_dir = dir};
  std::lock_guard<std::mutex> lock(mu);
  if (last != nullptr && last_options.shipped_dir == options.shipped_dir &&
      last_options.extra_dirs == options.extra_dirs) {
    return last;
  }
  auto loaded = Lexicon::Load(options);
  if (!loaded.ok()) return loaded.status();
  last_options = std::move(options);
  last = *std::move(loaded);
  return last;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Extractor>> MakeExtractor(const SourceOptions& options) {
  if (!options.extractor_command.empty()) {
    return MakeExternalExtractor(options.extractor_command,
                                 {.timeout_seconds = options.extractor_timeout_seconds,
                                  .max_output_bytes = options.extractor_max_output_bytes,
                                  .max_memory_bytes = options.extractor_max_memory_bytes,
                                  .max_claims = options.extractor_max_claims});
  }
  auto lexicon = options.lexicon_dir.empty() ? Lexicon::Default() : LexiconFor(options.lexicon_dir);
  if (!lexicon.ok()) return lexicon.status();
  return MakeBuiltinExtractor(*lexicon, options);
}

}  // namespace stancegraph::importers
