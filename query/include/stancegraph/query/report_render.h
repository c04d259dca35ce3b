// The three forms of a Report. Every text that comes from articles (names,
// propositions, quotes, titles, outlets, links) is untrusted and escaped for
// the form: HTML entities in HTML, Markdown punctuation backslash-escaped in
// Markdown, JSON string escaping in JSON. Output is deterministic for a given
// Report (no clock is read).
#pragma once

#include <string>
#include <string_view>

#include "nlohmann/json.hpp"
#include "stancegraph/query/report.h"

namespace stancegraph::query {

// Markdown readable as plain text in a terminal (CommonMark / GitHub).
std::string RenderMarkdown(const Report& report);

// One self-contained HTML5 file: inline CSS, inline SVG (a stance timeline
// per contested proposition, a picture of the conflict network), no script,
// no external resource; a responsive layout readable on a phone.
std::string RenderHtml(const Report& report);

// The JSON form documented in docs/report-schema.md ("schema_version": 1),
// keys in the documented order.
nlohmann::ordered_json ReportToJson(const Report& report);

// Backslash-escapes the Markdown punctuation that can change how text renders
// (\ ` * _ [ ] < > | ~ & ! #, and + - = or "1." / "1)" at the start), so
// article text renders literally: no link, HTML tag, code span, heading,
// list or table cell can be opened. Line breaks become spaces.
std::string MarkdownEscape(std::string_view text);

}  // namespace stancegraph::query
