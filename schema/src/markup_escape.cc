#include "stancegraph/schema/markup_escape.h"

namespace stancegraph::schema {
namespace {

// Tab, LF and CR are the only C0 characters XML 1.0 allows.
bool ForbiddenControl(char ch) {
  const unsigned char c = static_cast<unsigned char>(ch);
  return c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r';
}

// HTML and XML differ only in how the apostrophe is written.
std::string EscapeMarkup(std::string_view text, const char* apostrophe) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += apostrophe;
        break;
      default:
        out += ForbiddenControl(ch) ? ' ' : ch;
    }
  }
  return out;
}

}  // namespace

std::string HtmlEscape(std::string_view text) { return EscapeMarkup(text, "&#39;"); }

std::string XmlEscape(std::string_view text) { return EscapeMarkup(text, "&apos;"); }

std::string DotQuote(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"' || ch == '\\') out += '\\';
    if (ch == '\n' || ch == '\r') {
      out += ' ';
      continue;
    }
    out += ch;
  }
  return out + "\"";
}

}  // namespace stancegraph::schema
