// The input formats `stancegraph import --format` knows, and how "auto"
// picks one.
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/importers/source.h"

namespace stancegraph::importers {

// "claims-jsonl", "claims-csv", "text", "html", "feed", "articles-jsonl".
std::vector<std::string> FormatNames();

// Picks a format from the file name and its first bytes: ".csv" -> claims-csv;
// ".jsonl"/".ndjson"/".json" -> claims-jsonl when the first record has a
// "holder", else articles-jsonl; ".html"/".htm" -> html; ".xml"/".rss"/
// ".atom" or a leading <rss/<feed -> feed; otherwise text.
std::string DetectFormat(std::string_view file_name, std::string_view head);

// InvalidArgument for an unknown format name. `in` must outlive the source.
absl::StatusOr<std::unique_ptr<DocumentSource>> MakeSource(const std::string& format,
                                                           std::istream& in,
                                                           const std::string& name,
                                                           const SourceOptions& options,
                                                           ErrorSink errors);

}  // namespace stancegraph::importers
