// RSS 2.0 and Atom feeds (pugixml).
#include <pugixml.hpp>

#include <cstring>
#include <deque>
#include <sstream>

#include "absl/strings/ascii.h"
#include "readers/article_source.h"
#include "readers/html_text.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::importers {
namespace {

// Child by local name, ignoring namespace prefixes ("content:encoded" ->
// "encoded" with prefix "content").
pugi::xml_node Child(const pugi::xml_node& node, const char* qualified) {
  for (pugi::xml_node c : node.children()) {
    if (std::strcmp(c.name(), qualified) == 0) return c;
  }
  return {};
}

std::string Text(const pugi::xml_node& node) {
  if (!node) return "";
  std::string out;
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  if (out.empty() && node.first_child() && node.first_child().type() == pugi::node_element) {
    // XHTML content in Atom: serialise the children; the caller strips markup.
    std::ostringstream ss;
    for (pugi::xml_node c : node.children()) c.print(ss, "", pugi::format_raw);
    out = ss.str();
  }
  return std::string(absl::StripAsciiWhitespace(out));
}

Article MakeArticle(const std::string& title, const std::string& link, const std::string& id,
                    const std::string& date, const std::string& body_html,
                    const std::string& feed_source, int n, const std::string& outlet) {
  Article a;
  schema::Document& doc = a.document;
  doc.title = readers::HtmlFragmentText(title);
  doc.url = link;
  doc.source = !link.empty() ? link : !id.empty() ? id : feed_source + "#" + std::to_string(n);
  doc.outlet = outlet;
  if (!date.empty()) {
    if (const auto t = ParseNewsDate(date)) doc.published = *t;
  }
  const std::string body = readers::HtmlFragmentText(body_html);
  doc.text = doc.title.empty() ? body : (body.empty() ? doc.title : doc.title + "\n\n" + body);
  doc.id = schema::MakeDocumentId(doc.source + '\n' + doc.text);
  return a;
}

}  // namespace

absl::StatusOr<std::vector<Article>> ParseFeed(std::string_view xml, const std::string& source) {
  pugi::xml_document doc;
  // parse_default does not load DTDs or expand entities beyond the XML five.
  const pugi::xml_parse_result r =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default & ~pugi::parse_doctype);
  if (!r) return absl::InvalidArgumentError(std::string("not XML: ") + r.description());
  std::vector<Article> out;
  if (pugi::xml_node rss = doc.child("rss"); rss) {
    pugi::xml_node channel = rss.child("channel");
    const std::string outlet = Text(channel.child("title"));
    int n = 0;
    for (pugi::xml_node item : channel.children("item")) {
      ++n;
      std::string body = Text(Child(item, "content:encoded"));
      if (body.empty()) body = Text(item.child("description"));
      std::string date = Text(item.child("pubDate"));
      if (date.empty()) date = Text(Child(item, "dc:date"));
      out.push_back(MakeArticle(Text(item.child("title")), Text(item.child("link")),
                                Text(item.child("guid")), date, body, source, n, outlet));
    }
    return out;
  }
  pugi::xml_node feed = doc.child("feed");
  if (!feed) return absl::InvalidArgumentError("neither an RSS nor an Atom feed");
  const std::string outlet = Text(feed.child("title"));
  int n = 0;
  for (pugi::xml_node entry : feed.children("entry")) {
    ++n;
    std::string link;
    for (pugi::xml_node l : entry.children("link")) {
      const std::string rel = l.attribute("rel").value();
      if (rel.empty() || rel == "alternate") {
        link = l.attribute("href").value();
        break;
      }
    }
    std::string body = Text(entry.child("content"));
    if (body.empty()) body = Text(entry.child("summary"));
    std::string date = Text(entry.child("published"));
    if (date.empty()) date = Text(entry.child("updated"));
    out.push_back(MakeArticle(Text(entry.child("title")), link, Text(entry.child("id")), date,
                              body, source, n, outlet));
  }
  return out;
}

namespace {

class FeedSource final : public readers::ArticleSource {
 public:
  FeedSource(std::istream& in, const std::string& name, const SourceOptions& options,
             ErrorSink errors, std::unique_ptr<Extractor> extractor)
      : ArticleSource(name, options, std::move(errors), std::move(extractor)), in_(in) {}

 protected:
  bool NextArticle(Article* article, uint64_t* record) override {
    if (!loaded_) {
      loaded_ = true;
      std::string bytes;
      bool too_long = false;
      if (!readers::ReadAll(in_, options().max_document_bytes * 4, &bytes, &too_long)) {
        Report(0, "feed too large; skipped");
        return false;
      }
      if (readers::HtmlNestingDepth(bytes) > options().max_html_depth) {
        Report(0, "markup nested deeper than " + std::to_string(options().max_html_depth) +
                      " elements; skipped");
        return false;
      }
      auto parsed = ParseFeed(bytes, name());
      if (!parsed.ok()) {
        Report(0, std::string(parsed.status().message()));
        return false;
      }
      for (Article& a : *parsed) items_.push_back(std::move(a));
    }
    if (items_.empty()) return false;
    *article = std::move(items_.front());
    items_.pop_front();
    *record = ++item_;
    return true;
  }

 private:
  std::istream& in_;
  bool loaded_ = false;
  uint64_t item_ = 0;
  std::deque<Article> items_;
};

}  // namespace

std::unique_ptr<DocumentSource> MakeFeedSource(std::istream& in, const std::string& name,
                                               const SourceOptions& options, ErrorSink errors,
                                               std::unique_ptr<Extractor> extractor) {
  return std::make_unique<FeedSource>(in, name, options, std::move(errors), std::move(extractor));
}

}  // namespace stancegraph::importers
