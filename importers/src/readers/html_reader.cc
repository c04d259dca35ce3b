// HTML pages.
#include "readers/article_source.h"
#include "readers/html_text.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::importers {

absl::StatusOr<Article> ParseHtmlArticle(std::string_view html, const std::string& source) {
  readers::HtmlPage page = readers::ParseHtmlPage(html);
  if (page.body.empty() && page.title.empty()) {
    return absl::InvalidArgumentError("no text in the page");
  }
  Article a;
  schema::Document& doc = a.document;
  doc.source = source;
  doc.url = page.canonical;
  doc.outlet = page.outlet;
  doc.title = page.title;
  if (!page.published.empty()) {
    if (const auto t = ParseNewsDate(page.published)) doc.published = *t;
  }
  // The text as imported: the headline, a blank line, the body.
  doc.text = page.title.empty() ? page.body : page.title + "\n\n" + page.body;
  doc.id = schema::MakeDocumentId(doc.text);
  return a;
}

namespace {

class HtmlSource final : public readers::ArticleSource {
 public:
  HtmlSource(std::istream& in, const std::string& name, const SourceOptions& options,
             ErrorSink errors, std::unique_ptr<Extractor> extractor)
      : ArticleSource(name, options, std::move(errors), std::move(extractor)), in_(in) {}

 protected:
  bool NextArticle(Article* article, uint64_t* record) override {
    if (done_) return false;
    done_ = true;
    *record = 0;
    std::string bytes;
    bool too_long = false;
    // Markup is several times the text; allow a page four times the cap.
    if (!readers::ReadAll(in_, options().max_document_bytes * 4, &bytes, &too_long)) {
      Report(0, "page too large; skipped");
      return false;
    }
    if (readers::HtmlNestingDepth(bytes) > options().max_html_depth) {
      Report(0, "markup nested deeper than " + std::to_string(options().max_html_depth) +
                    " elements; skipped");
      return false;
    }
    auto parsed = ParseHtmlArticle(bytes, name());
    if (!parsed.ok()) {
      Report(0, std::string(parsed.status().message()));
      return false;
    }
    *article = *std::move(parsed);
    return true;
  }

 private:
  std::istream& in_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DocumentSource> MakeHtmlSource(std::istream& in, const std::string& name,
                                               const SourceOptions& options, ErrorSink errors,
                                               std::unique_ptr<Extractor> extractor) {
  return std::make_unique<HtmlSource>(in, name, options, std::move(errors), std::move(extractor));
}

}  // namespace stancegraph::importers
