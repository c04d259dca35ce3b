// The DocumentSource shared by the article readers: pulls Articles from a
// reader, applies the source options and runs the extractor. Private.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <string>

#include "stancegraph/importers/article.h"

namespace stancegraph::importers::readers {

class ArticleSource : public DocumentSource {
 public:
  ArticleSource(std::string name, const SourceOptions& options, ErrorSink errors,
                std::unique_ptr<Extractor> extractor)
      : name_(std::move(name)), options_(options), errors_(std::move(errors)),
        extractor_(std::move(extractor)) {}

  bool Next(schema::DocumentClaims* out) final;
  absl::Status status() const final { return status_; }

 protected:
  // The next article, or false at the end. Bad records are reported with
  // Report() and skipped. `*record` is the 1-based record/line number.
  virtual bool NextArticle(Article* article, uint64_t* record) = 0;

  void Report(uint64_t record, std::string message) const;
  const std::string& name() const { return name_; }
  const SourceOptions& options() const { return options_; }
  void Fail(absl::Status s) { status_ = std::move(s); }

 private:
  std::string name_;
  SourceOptions options_;
  ErrorSink errors_;
  std::unique_ptr<Extractor> extractor_;
  absl::Status status_;
};

// Reads all of `in`, up to `max_bytes`; false (with *too_long) past it.
bool ReadAll(std::istream& in, size_t max_bytes, std::string* out, bool* too_long);

}  // namespace stancegraph::importers::readers
