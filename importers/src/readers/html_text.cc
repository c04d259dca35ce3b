#include "readers/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace stancegraph::importers::readers {
namespace {

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_OBJECT: case GUMBO_TAG_HEAD: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
      return true;
    default:
      return false;
  }
}

// Appends text with whitespace collapsed to single spaces.
void AppendCollapsed(const char* text, std::string* out) {
  for (const char* p = text; *p != '\0'; ++p) {
    const bool space = absl::ascii_isspace(static_cast<unsigned char>(*p));
    if (space) {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
    } else {
      out->push_back(*p);
    }
  }
}

void InnerText(const GumboNode* node, std::string* out, int depth) {
  if (depth > 200) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    AppendCollapsed(node->v.text.text, out);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  if (IsSkipped(node->v.element.tag)) return;
  if (node->v.element.tag == GUMBO_TAG_BR && !out->empty() && out->back() != ' ') out->push_back(' ');
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    InnerText(static_cast<const GumboNode*>(children.data[i]), out, depth + 1);
  }
}

void AddBlock(std::string text, std::vector<std::string>* blocks) {
  std::string t(absl::StripAsciiWhitespace(text));
  if (!t.empty()) blocks->push_back(std::move(t));
}

void Blocks(const GumboNode* node, std::vector<std::string>* blocks, std::string* loose,
            int depth) {
  if (depth > 200) return;
  if (node->type == GUMBO_NODE_TEXT) {
    AppendCollapsed(node->v.text.text, loose);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
  const GumboVector* children = nullptr;
  if (node->type == GUMBO_NODE_ELEMENT) {
    const GumboTag tag = node->v.element.tag;
    if (IsSkipped(tag)) return;
    if (IsBlock(tag)) {
      AddBlock(std::move(*loose), blocks);
      loose->clear();
      std::string text;
      InnerText(node, &text, depth);
      AddBlock(std::move(text), blocks);
      return;
    }
    children = &node->v.element.children;
  } else {
    children = &node->v.document.children;
  }
  for (unsigned i = 0; i < children->length; ++i) {
    Blocks(static_cast<const GumboNode*>(children->data[i]), blocks, loose, depth + 1);
  }
  if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_DIV) {
    AddBlock(std::move(*loose), blocks);
    loose->clear();
  }
}

const char* Attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

struct Finder {
  const GumboNode* article = nullptr;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
  std::string title_tag, h1, og_title, canonical, og_url, outlet, published, time_datetime;
};

bool IsDateMeta(const std::string& key) {
  static const char* const kKeys[] = {
      "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
      "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created",
      "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published",
      "og:article:published_time", "citation_publication_date"};
  for (const char* k : kKeys) {
    if (key == k) return true;
  }
  return false;
}

void Find(const GumboNode* node, Finder* f, int depth) {
  if (depth > 200 || node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_ARTICLE && f->article == nullptr) f->article = node;
  if (tag == GUMBO_TAG_MAIN && f->main == nullptr) f->main = node;
  if (tag == GUMBO_TAG_BODY && f->body == nullptr) f->body = node;
  if (tag == GUMBO_TAG_TITLE && f->title_tag.empty()) InnerText(node, &f->title_tag, 0);
  if (tag == GUMBO_TAG_H1 && f->h1.empty()) InnerText(node, &f->h1, 0);
  if (tag == GUMBO_TAG_META) {
    const char* key = Attr(node, "property");
    if (key == nullptr) key = Attr(node, "name");
    if (key == nullptr) key = Attr(node, "itemprop");
    const char* content = Attr(node, "content");
    if (key != nullptr && content != nullptr) {
      const std::string k = absl::AsciiStrToLower(key);
      if (k == "og:title" && f->og_title.empty()) f->og_title = content;
      if (k == "og:url" && f->og_url.empty()) f->og_url = content;
      if (k == "og:site_name" && f->outlet.empty()) f->outlet = content;
      if (IsDateMeta(k) && f->published.empty()) f->published = content;
    }
  }
  if (tag == GUMBO_TAG_LINK) {
    const char* rel = Attr(node, "rel");
    const char* href = Attr(node, "href");
    if (rel != nullptr && href != nullptr && absl::AsciiStrToLower(rel) == "canonical" &&
        f->canonical.empty()) {
      f->canonical = href;
    }
  }
  if (tag == GUMBO_TAG_TIME && f->time_datetime.empty()) {
    if (const char* dt = Attr(node, "datetime")) f->time_datetime = dt;
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    Find(static_cast<const GumboNode*>(children.data[i]), f, depth + 1);
  }
}

std::string JoinBlocks(const std::vector<std::string>& blocks) {
  std::string out;
  for (const std::string& b : blocks) {
    if (!out.empty()) out += "\n\n";
    out += b;
  }
  return out;
}

}  // namespace

HtmlPage ParseHtmlPage(std::string_view html) {
  HtmlPage page;
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  if (output == nullptr) return page;
  Finder f;
  Find(output->root, &f, 0);
  page.title = std::string(absl::StripAsciiWhitespace(
      !f.og_title.empty() ? f.og_title : (!f.title_tag.empty() ? f.title_tag : f.h1)));
  page.canonical = !f.canonical.empty() ? f.canonical : f.og_url;
  page.outlet = f.outlet;
  page.published = !f.published.empty() ? f.published : f.time_datetime;
  const GumboNode* root = f.article != nullptr ? f.article
                          : f.main != nullptr  ? f.main
                          : f.body != nullptr  ? f.body
                                               : output->root;
  std::vector<std::string> blocks;
  std::string loose;
  Blocks(root, &blocks, &loose, 0);
  AddBlock(std::move(loose), &blocks);
  // The headline often repeats as the first heading.
  if (!blocks.empty() && blocks.front() == page.title) blocks.erase(blocks.begin());
  page.body = JoinBlocks(blocks);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return page;
}

std::string HtmlFragmentText(std::string_view html) {
  if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos) {
    std::string out;
    AppendCollapsed(std::string(html).c_str(), &out);
    return std::string(absl::StripAsciiWhitespace(out));
  }
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  if (output == nullptr) return "";
  std::vector<std::string> blocks;
  std::string loose;
  Blocks(output->root, &blocks, &loose, 0);
  AddBlock(std::move(loose), &blocks);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return JoinBlocks(blocks);
}

}  // namespace stancegraph::importers::readers

namespace stancegraph::importers::readers {
namespace {

bool TagIn(std::string_view name, std::initializer_list<std::string_view> tags) {
  for (std::string_view t : tags) {
    if (absl::EqualsIgnoreCase(absl::string_view(name.data(), name.size()),
                               absl::string_view(t.data(), t.size()))) {
      return true;
    }
  }
  return false;
}

}  // namespace

size_t HtmlNestingDepth(std::string_view html) {
  size_t depth = 0, deepest = 0, i = 0;
  const size_t n = html.size();
  auto is_name = [](char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':'; };
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (html.substr(i, 3) == "!--") {
      size_t end = html.find("-->", i + 3);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    const bool closing = i < n && html[i] == '/';
    if (closing) ++i;
    size_t b = i;
    while (i < n && is_name(html[i])) ++i;
    std::string_view name = html.substr(b, i - b);
    if (name.empty() || !absl::ascii_isalpha(static_cast<unsigned char>(name[0]))) continue;
    size_t gt = html.find('>', i);
    const bool self_closing = gt != std::string_view::npos && gt > i && html[gt - 1] == '/';
    if (TagIn(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                     "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option",
                     "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rb",
                     "rt", "rp"}) ||
        self_closing) {
      continue;
    }
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    deepest = std::max(deepest, ++depth);
    if (TagIn(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                     "noframes", "plaintext"})) {
      // Raw text up to the end tag: its '<' are not tags.
      std::string end = "</" + std::string(name);
      size_t at = i;
      for (;;) {
        at = html.find("</", at);
        if (at == std::string_view::npos) return deepest;
        if (absl::EqualsIgnoreCase(absl::string_view(html.data() + at, std::min(end.size(), n - at)),
                                   end)) {
          break;
        }
        at += 2;
      }
      i = at;
    }
  }
  return deepest;
}

}  // namespace stancegraph::importers::readers
