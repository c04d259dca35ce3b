// Text from HTML with Gumbo: the readable blocks of a page. Private.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace stancegraph::importers::readers {

struct HtmlPage {
  std::string title;      // og:title, else <title>, else the first <h1>
  std::string canonical;  // <link rel=canonical>, else og:url
  std::string outlet;     // og:site_name
  std::string published;  // the first date meta tag or <time datetime>, as written
  std::string body;       // paragraphs and headings, blank-line separated
};

// Never fails; a page without text gives an empty body.
HtmlPage ParseHtmlPage(std::string_view html);

// An upper bound on how deep the elements of `html` nest, from one linear
// scan of its tags (void elements, self-closing tags, elements whose end tag
// may be left out, comments and script/style contents do not count).
size_t HtmlNestingDepth(std::string_view html);

// The text of an HTML fragment (feed descriptions): blocks separated by
// blank lines, whitespace collapsed.
std::string HtmlFragmentText(std::string_view html);

}  // namespace stancegraph::importers::readers
