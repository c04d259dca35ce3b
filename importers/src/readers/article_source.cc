#include "readers/article_source.h"

#include "stancegraph/schema/ids.h"

namespace stancegraph::importers::readers {

void ArticleSource::Report(uint64_t record, std::string message) const {
  if (errors_) errors_({name_, record, std::move(message)});
}

bool ArticleSource::Next(schema::DocumentClaims* out) {
  Article article;
  uint64_t record = 0;
  while (status_.ok() && NextArticle(&article, &record)) {
    schema::Document& doc = article.document;
    if (doc.text.size() > options_.max_document_bytes) {
      Report(record, "document longer than " + std::to_string(options_.max_document_bytes) +
                         " bytes; skipped");
      continue;
    }
    if (options_.published) doc.published = *options_.published;
    if (doc.id == 0) doc.id = schema::MakeDocumentId(doc.text);
    if (absl::Status s = extractor_->Extract(article, out); !s.ok()) {
      Report(record, "extractor " + extractor_->name() + ": " + std::string(s.message()));
      continue;
    }
    return true;
  }
  return false;
}

bool ReadAll(std::istream& in, size_t max_bytes, std::string* out, bool* too_long) {
  out->clear();
  *too_long = false;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out->append(buf, static_cast<size_t>(in.gcount()));
    if (out->size() > max_bytes) {
      *too_long = true;
      out->clear();
      return false;
    }
  }
  return true;
}

}  // namespace stancegraph::importers::readers
