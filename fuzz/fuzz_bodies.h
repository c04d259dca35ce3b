// What each fuzz target does with one input, shared by the libFuzzer
// programs (fuzz_main.cc) and the test that replays fuzz/regressions/
// (tests/importers/nasty_regressions_test.cc). Header-only so the test needs
// no build change. Every body must return normally for any bytes: a crash,
// a sanitizer report, a hang or runaway memory is a bug.
#pragma once

#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "stancegraph/importers/article.h"
#include "stancegraph/importers/extractor.h"
#include "stancegraph/importers/formats.h"
#include "stancegraph/importers/lexicon.h"
#include "stancegraph/schema/validate.h"

namespace stancegraph::fuzz {

// Source options for fuzzing: small limits so one input cannot take long.
inline importers::SourceOptions FuzzSourceOptions() {
  importers::SourceOptions o;
  o.max_document_bytes = 1u << 20;
  return o;
}

// Reads every document a DocumentSource gives for `data` in `format`.
inline void DrainSource(const std::string& format, std::string_view data) {
  std::istringstream in{std::string(data)};
  auto source = importers::MakeSource(format, in, "fuzz-input", FuzzSourceOptions(),
                                      [](const importers::ImportError&) {});
  if (!source.ok()) return;
  schema::DocumentClaims d;
  while ((*source)->Next(&d)) {
    (void)schema::ValidateDocumentClaims(d);
    d = {};
  }
}

inline importers::Extractor& BuiltinExtractor() {
  static const std::unique_ptr<importers::Extractor> extractor = [] {
    auto lexicon = importers::Lexicon::Default();
    if (!lexicon.ok()) std::abort();  // a broken build, not an input problem
    return importers::MakeBuiltinExtractor(*lexicon);
  }();
  return *extractor;
}

inline void FuzzText(std::string_view data) {
  (void)importers::ParseTextArticle(std::string(data), "fuzz-input");
}

inline void FuzzHtml(std::string_view data) {
  (void)importers::ParseHtmlArticle(data, "fuzz-input");
}

inline void FuzzFeed(std::string_view data) { (void)importers::ParseFeed(data, "fuzz-input"); }

inline void FuzzArticlesJsonl(std::string_view data) {
  (void)importers::ParseJsonArticle(data, "fuzz-input");
}

inline void FuzzClaimsJsonl(std::string_view data) { DrainSource("claims-jsonl", data); }

inline void FuzzClaimsCsv(std::string_view data) { DrainSource("claims-csv", data); }

// The built-in extractor on a plain-text article.
inline void FuzzExtractor(std::string_view data) {
  importers::Article article = importers::ParseTextArticle(std::string(data), "fuzz-input");
  schema::DocumentClaims out;
  (void)BuiltinExtractor().Extract(article, &out);
}

struct Target {
  const char* name;
  void (*run)(std::string_view);
};

// Every target, by the name of its program (fuzz_<name>) and regressions folder.
inline const std::vector<Target>& Targets() {
  static const std::vector<Target> targets = {
      {"text", FuzzText},
      {"html", FuzzHtml},
      {"feed", FuzzFeed},
      {"articles_jsonl", FuzzArticlesJsonl},
      {"claims_jsonl", FuzzClaimsJsonl},
      {"claims_csv", FuzzClaimsCsv},
      {"extractor", FuzzExtractor},
  };
  return targets;
}

}  // namespace stancegraph::fuzz
