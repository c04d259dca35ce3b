// Escaping text for the markup languages stancegraph writes: HTML (report
// pages and the SVG charts inline in them), XML (GraphML export) and
// Graphviz DOT. Every writer of these formats goes through this file, so one
// rule holds everywhere.
//
// HtmlEscape and XmlEscape return text that is safe both as element content
// and inside a double- or single-quoted attribute value: besides & < > they
// escape both quote characters, so a value can never close its attribute.
//
// Control characters U+0000–U+001F other than tab, line feed and carriage
// return are not allowed in XML 1.0 documents, not even as character
// references, and are parse errors in HTML; both functions replace each of
// them with a space. All other bytes (UTF-8 sequences included) pass
// unchanged.
//
//   out << "<data key=\"label\">" << schema::XmlEscape(name) << "</data>";
#pragma once

#include <string>
#include <string_view>

namespace stancegraph::schema {

// & < > " ' as &amp; &lt; &gt; &quot; &#39; (HTML 4 has no &apos;);
// forbidden control characters as spaces.
std::string HtmlEscape(std::string_view text);

// & < > " ' as &amp; &lt; &gt; &quot; &apos;; forbidden control characters
// as spaces.
std::string XmlEscape(std::string_view text);

// A DOT quoted identifier: the text between double quotes, with a backslash
// before each " and \ and line breaks (CR, LF) as spaces, so a label stays
// on one line and cannot end the identifier.
std::string DotQuote(std::string_view text);

}  // namespace stancegraph::schema
