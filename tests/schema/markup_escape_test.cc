#include "stancegraph/schema/markup_escape.h"

#include <catch2/catch.hpp>
#include <string>

using stancegraph::schema::DotQuote;
using stancegraph::schema::HtmlEscape;
using stancegraph::schema::XmlEscape;

TEST_CASE("Markup escaping turns tags and ampersands in text into entities", "[schema][escape]") {
  CHECK(HtmlEscape("<b>Smith & Sons</b>") == "&lt;b&gt;Smith &amp; Sons&lt;/b&gt;");
  CHECK(XmlEscape("<b>Smith & Sons</b>") == "&lt;b&gt;Smith &amp; Sons&lt;/b&gt;");
  // An entity already in the text is shown as written, not decoded.
  CHECK(HtmlEscape("&amp;") == "&amp;amp;");
}

TEST_CASE("Escaped text cannot close a quoted attribute value", "[schema][escape]") {
  const std::string name = "O'Neil said \"no\"";
  CHECK(HtmlEscape(name) == "O&#39;Neil said &quot;no&quot;");
  CHECK(XmlEscape(name) == "O&apos;Neil said &quot;no&quot;");
  for (const std::string& escaped : {HtmlEscape(name), XmlEscape(name)}) {
    CHECK(escaped.find('"') == std::string::npos);
    CHECK(escaped.find('\'') == std::string::npos);
  }
}

TEST_CASE("Control characters XML 1.0 forbids become spaces; tab and line breaks stay",
          "[schema][escape]") {
  const std::string text = std::string(
                               "a\x01"
                               "b\x1f"
                               "c\x0c"
                               "d") +
                           '\0' + "e\tf\ng\rh";
  CHECK(XmlEscape(text) == "a b c d e\tf\ng\rh");
  CHECK(HtmlEscape(text) == "a b c d e\tf\ng\rh");
}

TEST_CASE("UTF-8 text passes markup escaping unchanged", "[schema][escape]") {
  CHECK(XmlEscape("Zürich – Δ") == "Zürich – Δ");
  CHECK(HtmlEscape("Zürich – Δ") == "Zürich – Δ");
}

TEST_CASE("DOT quoting keeps a label one quoted identifier on one line", "[schema][escape]") {
  CHECK(DotQuote("say \"no\"\\") == "\"say \\\"no\\\"\\\\\"");
  CHECK(DotQuote("two\r\nlines") == "\"two  lines\"");
  CHECK(DotQuote("") == "\"\"");
}
