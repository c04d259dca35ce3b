// The article formats of `stancegraph import --format`.
#include "stancegraph/importers/article.h"

namespace stancegraph::importers {

absl::StatusOr<std::unique_ptr<DocumentSource>> MakeArticleSource(const std::string& format,
                                                                  std::istream& in,
                                                                  const std::string& name,
                                                                  const SourceOptions& options,
                                                                  ErrorSink errors) {
  using Factory = std::unique_ptr<DocumentSource> (*)(std::istream&, const std::string&,
                                                      const SourceOptions&, ErrorSink,
                                                      std::unique_ptr<Extractor>);
  Factory factory = nullptr;
  if (format == "text") factory = &MakeTextSource;
  if (format == "html") factory = &MakeHtmlSource;
  if (format == "feed") factory = &MakeFeedSource;
  if (format == "articles-jsonl") factory = &MakeArticlesJsonlSource;
  if (factory == nullptr) return absl::NotFoundError("not an article format: " + format);
  auto extractor = MakeExtractor(options);
  if (!extractor.ok()) return extractor.status();
  return factory(in, name, options, std::move(errors), *std::move(extractor));
}

}  // namespace stancegraph::importers
