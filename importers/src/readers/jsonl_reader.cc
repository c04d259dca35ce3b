// JSONL articles: {"id", "url", "title", "outlet", "published", "text"}.
#include "absl/strings/ascii.h"
#include "nlohmann/json.hpp"
#include "readers/article_source.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::importers {

absl::StatusOr<Article> ParseJsonArticle(std::string_view line, const std::string& fallback) {
  Article a;
  schema::Document& doc = a.document;
  try {
    const nlohmann::json j = nlohmann::json::parse(line);
    if (!j.is_object()) return absl::InvalidArgumentError("not a JSON object");
    if (!j.contains("text") || !j.at("text").is_string()) {
      return absl::InvalidArgumentError("missing \"text\" (a string)");
    }
    auto str = [&](const char* key) -> std::string {
      if (!j.contains(key)) return "";
      const auto& v = j.at(key);
      if (v.is_string()) return v.get<std::string>();
      if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
      return "";
    };
    doc.text = j.at("text").get<std::string>();
    doc.url = str("url");
    doc.title = str("title");
    doc.outlet = str("outlet");
    doc.source = str("id");
    if (doc.source.empty()) doc.source = doc.url.empty() ? fallback : doc.url;
    const std::string published = str("published");
    if (!published.empty()) {
      const auto t = ParseNewsDate(published);
      if (!t) return absl::InvalidArgumentError("unreadable \"published\": " + published);
      doc.published = *t;
    }
  } catch (const nlohmann::json::exception& e) {
    return absl::InvalidArgumentError(std::string("bad JSON: ") + e.what());
  }
  // The same text under another source is another document.
  doc.id = schema::MakeDocumentId(doc.source + '\n' + doc.text);
  return a;
}

namespace {

class ArticlesJsonlSource final : public readers::ArticleSource {
 public:
  ArticlesJsonlSource(std::istream& in, const std::string& name, const SourceOptions& options,
                      ErrorSink errors, std::unique_ptr<Extractor> extractor)
      : ArticleSource(name, options, std::move(errors), std::move(extractor)), in_(in) {}

 protected:
  bool NextArticle(Article* article, uint64_t* record) override {
    std::string line;
    bool too_long = false;
    while (ReadLine(&line, &too_long)) {
      ++line_;
      *record = line_;
      if (too_long) {
        Report(line_, "line longer than " + std::to_string(options().max_document_bytes) +
                          " bytes; skipped");
        continue;
      }
      if (absl::StripAsciiWhitespace(line).empty()) continue;
      auto parsed = ParseJsonArticle(line, name() + "#" + std::to_string(line_));
      if (!parsed.ok()) {
        Report(line_, std::string(parsed.status().message()));
        continue;
      }
      *article = *std::move(parsed);
      return true;
    }
    return false;
  }

 private:
  // One line, without reading more than the cap into memory.
  bool ReadLine(std::string* line, bool* too_long) {
    line->clear();
    *too_long = false;
    std::streambuf* buf = in_.rdbuf();
    if (buf == nullptr) return false;
    bool any = false;
    for (;;) {
      const int c = buf->sbumpc();
      if (c == std::char_traits<char>::eof()) return any;
      any = true;
      if (c == '\n') break;
      if (line->size() >= options().max_document_bytes) {
        *too_long = true;
        line->clear();
        line->shrink_to_fit();
        continue;
      }
      if (!*too_long) line->push_back(static_cast<char>(c));
    }
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return true;
  }

  std::istream& in_;
  uint64_t line_ = 0;
};

}  // namespace

std::unique_ptr<DocumentSource> MakeArticlesJsonlSource(std::istream& in, const std::string& name,
                                                        const SourceOptions& options,
                                                        ErrorSink errors,
                                                        std::unique_ptr<Extractor> extractor) {
  return std::make_unique<ArticlesJsonlSource>(in, name, options, std::move(errors),
                                               std::move(extractor));
}

}  // namespace stancegraph::importers
