// Article readers: plain text, HTML, RSS 2.0 / Atom feeds and JSONL articles.
// Each parser turns bytes into Articles (a schema::Document plus the byte
// ranges that are page furniture); the Make*Source functions wrap a parser
// and an Extractor into a DocumentSource for `stancegraph import`.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/importers/extractor.h"
#include "stancegraph/importers/source.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::importers {

// Dates as news sites write them: RFC 2822 ("Fri, 15 Aug 2025 09:18:08
// +0000"), ISO 8601 / RFC 3339, "August 15, 2025", "15 August 2025 10:18
// BST", "Aug. 15, 2025 9:18 a.m. EDT", "2025/08/15". Zones: numeric offsets
// and the common abbreviations (GMT, UTC, BST, CET, CEST, EST, EDT, CST, CDT,
// MST, MDT, PST, PDT, Z). nullopt when nothing parses.
std::optional<schema::Timestamp> ParseNewsDate(std::string_view text);

// A plain-text article: the first non-blank line is the title; the text is
// the file's bytes, unchanged. A line such as "Published at <date>",
// "Published: <date>", "Updated <date>" or a bare date gives the time; such
// lines and trailing furniture ("Leave a comment", "Your email address will
// not be published", "Share this article", ...) are marked as furniture.
Article ParseTextArticle(std::string bytes, const std::string& source);

// An HTML page (Gumbo): title (og:title, else <title>, else the first
// <h1>), canonical URL, outlet (og:site_name), published time from the usual
// meta tags (article:published_time, date, pubdate, dc.date, ...) or
// <time datetime>; the text is the title and the body's paragraphs and
// headings (<article> or <main> when present), blank-line separated, without
// navigation, scripts, styles, forms, asides, headers and footers.
// InvalidArgument when the page holds no text.
absl::StatusOr<Article> ParseHtmlArticle(std::string_view html, const std::string& source);

// An RSS 2.0 or Atom feed (pugixml, no DTD or entity expansion): one article
// per item/entry, with its title, link, date and text (content, else
// description/summary, with markup stripped). The source of each is its link,
// else its guid/id, else "<feed source>#<n>".
absl::StatusOr<std::vector<Article>> ParseFeed(std::string_view xml, const std::string& source);

// One JSONL article: {"id", "url", "title", "outlet", "published", "text"};
// only "text" is required. Its source is "id" (else the url, else `fallback`).
absl::StatusOr<Article> ParseJsonArticle(std::string_view line, const std::string& fallback);

// DocumentSources over the readers. Each runs `extractor` (never null) on
// every article; articles that fail to parse or to extract are reported to
// `errors` and skipped. `in` must outlive the source.
std::unique_ptr<DocumentSource> MakeTextSource(std::istream& in, const std::string& name,
                                               const SourceOptions& options, ErrorSink errors,
                                               std::unique_ptr<Extractor> extractor);
std::unique_ptr<DocumentSource> MakeHtmlSource(std::istream& in, const std::string& name,
                                               const SourceOptions& options, ErrorSink errors,
                                               std::unique_ptr<Extractor> extractor);
std::unique_ptr<DocumentSource> MakeFeedSource(std::istream& in, const std::string& name,
                                               const SourceOptions& options, ErrorSink errors,
                                               std::unique_ptr<Extractor> extractor);
std::unique_ptr<DocumentSource> MakeArticlesJsonlSource(std::istream& in, const std::string& name,
                                                        const SourceOptions& options,
                                                        ErrorSink errors,
                                                        std::unique_ptr<Extractor> extractor);

// MakeSource for the article formats ("text", "html", "feed",
// "articles-jsonl"): builds the extractor from `options`. NotFound for
// other formats.
absl::StatusOr<std::unique_ptr<DocumentSource>> MakeArticleSource(const std::string& format,
                                                                  std::istream& in,
                                                                  const std::string& name,
                                                                  const SourceOptions& options,
                                                                  ErrorSink errors);

}  // namespace stancegraph::importers
