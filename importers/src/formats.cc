#include "stancegraph/importers/formats.h"

#include <filesystem>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claims/claims_sources.h"
#include "stancegraph/importers/article.h"
#include "stancegraph/schema/strings.h"

namespace stancegraph::importers {
namespace {

std::string Extension(std::string_view file_name) {
  std::string ext = std::filesystem::path(std::string(file_name)).extension().string();
  return absl::AsciiStrToLower(ext);
}

absl::string_view FirstNonBlank(absl::string_view head) {
  size_t i = 0;
  // Skip a UTF-8 byte order mark and leading whitespace.
  if (absl::StartsWith(head, "\xEF\xBB\xBF")) i = 3;
  while (i < head.size() && absl::ascii_isspace(static_cast<unsigned char>(head[i]))) ++i;
  return head.substr(i);
}

}  // namespace

std::vector<std::string> FormatNames() {
  return {"claims-jsonl", "claims-csv", "text", "html", "feed", "articles-jsonl"};
}

std::string DetectFormat(std::string_view file_name, std::string_view head) {
  const std::string ext = Extension(file_name);
  absl::string_view body = FirstNonBlank(Av(head));
  if (ext == ".csv") return "claims-csv";
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json" || absl::StartsWith(body, "{")) {
    absl::string_view first_line = body.substr(0, body.find('\n'));
    return absl::StrContains(first_line, "\"holder\"") ? "claims-jsonl" : "articles-jsonl";
  }
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
  if (ext == ".xml" || ext == ".rss" || ext == ".atom") return "feed";
  std::string lower = absl::AsciiStrToLower(body.substr(0, 512));
  if (absl::StartsWith(lower, "<?xml")) {
    return absl::StrContains(lower, "<rss") || absl::StrContains(lower, "<feed") ? "feed" : "html";
  }
  if (absl::StartsWith(lower, "<rss") || absl::StartsWith(lower, "<feed")) return "feed";
  if (absl::StartsWith(lower, "<!doctype html") || absl::StartsWith(lower, "<html")) {
    return "html";
  }
  return "text";
}

absl::StatusOr<std::unique_ptr<DocumentSource>> MakeSource(const std::string& format,
                                                           std::istream& in,
                                                           const std::string& name,
                                                           const SourceOptions& options,
                                                           ErrorSink errors) {
  if (format == "claims-jsonl") return MakeClaimsJsonlSource(in, name, options, std::move(errors));
  if (format == "claims-csv") return MakeClaimsCsvSource(in, name, options, std::move(errors));
  if (format == "text" || format == "html" || format == "feed" || format == "articles-jsonl") {
    return MakeArticleSource(format, in, name, options, std::move(errors));
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown or unavailable format \"", format,
                                                 "\" (known: ", absl::StrJoin(FormatNames(), ", "),
                                                 ")"));
}

}  // namespace stancegraph::importers
