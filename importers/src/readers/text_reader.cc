// Plain-text articles.
#include <array>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "readers/article_source.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::importers {
namespace {

struct Line {
  uint32_t begin, end;  // without the line break
  std::string_view text;  // trimmed
};

std::vector<Line> Lines(std::string_view s) {
  std::vector<Line> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find('\n', b);
    if (e == std::string_view::npos) e = s.size();
    std::string_view raw = s.substr(b, e - b);
    absl::string_view trimmed = absl::StripAsciiWhitespace(absl::string_view(raw.data(), raw.size()));
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e),
                   std::string_view(trimmed.data(), trimmed.size())});
    if (e == s.size()) break;
    b = e + 1;
  }
  return out;
}

// "Published at <date>" and friends: the date text, else empty.
std::string_view DatelineDate(std::string_view line, bool* updated) {
  static constexpr std::array<std::string_view, 9> kPrefixes = {
      "first published", "published", "posted", "last updated", "updated", "last modified",
      "modified", "dated", "date"};
  auto strip = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    return v;
  };
  const std::string lower = absl::AsciiStrToLower(std::string(line.substr(0, 40)));
  for (std::string_view p : kPrefixes) {
    if (lower.rfind(p, 0) != 0) continue;
    std::string_view rest = strip(line.substr(p.size()));
    if (!rest.empty() && rest.front() == ':') rest = strip(rest.substr(1));
    const std::string head = absl::AsciiStrToLower(std::string(rest.substr(0, 3)));
    if (head == "at " || head == "on ") rest = strip(rest.substr(3));
    *updated = p.find("updated") != std::string_view::npos ||
               p.find("modified") != std::string_view::npos;
    return rest;
  }
  return {};
}

bool IsFurniture(std::string_view line) {
  static constexpr std::array<std::string_view, 24> kStarts = {
      "leave a comment", "leave a reply", "your email address will not be published",
      "required fields are marked", "share this", "share on", "share:", "follow us",
      "sign up", "subscribe", "related articles", "related:", "read more", "advertisement",
      "click here", "all rights reserved", "copyright", "\xC2\xA9", "comments", "tags:",
      "filed under", "post navigation", "you may also like", "most read"};
  const std::string lower = absl::AsciiStrToLower(std::string(line.substr(0, 60)));
  for (std::string_view s : kStarts) {
    if (lower.rfind(s, 0) == 0) return true;
  }
  return false;
}

}  // namespace

Article ParseTextArticle(std::string bytes, const std::string& source) {
  Article a;
  schema::Document& doc = a.document;
  doc.source = source;
  doc.text = std::move(bytes);
  const std::vector<Line> lines = Lines(doc.text);
  schema::Timestamp updated_time = schema::kNoTime;
  for (const Line& l : lines) {
    if (!l.text.empty() && doc.title.empty()) {
      doc.title = std::string(l.text.substr(0, 1000));
      continue;
    }
    if (l.text.empty() || l.text.size() > 120) continue;
    bool updated = false;
    std::string_view date = DatelineDate(l.text, &updated);
    std::optional<schema::Timestamp> t;
    if (!date.empty()) t = ParseNewsDate(date);
    if (!t && l.text.size() <= 40) t = ParseNewsDate(l.text);
    if (!t) continue;
    a.furniture.push_back({l.begin, l.end});
    if (updated) {
      if (updated_time == schema::kNoTime) updated_time = *t;
    } else if (doc.published == schema::kNoTime) {
      doc.published = *t;
    }
  }
  if (doc.published == schema::kNoTime) doc.published = updated_time;
  // Trailing furniture: from the end, blank lines, datelines and page chrome.
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    if (it->text.empty()) continue;
    bool dateline = false;
    for (const schema::Span& f : a.furniture) dateline = dateline || f.begin == it->begin;
    if (dateline) continue;
    if (!IsFurniture(it->text)) break;
    a.furniture.push_back({it->begin, it->end});
  }
  std::sort(a.furniture.begin(), a.furniture.end(),
            [](const schema::Span& x, const schema::Span& y) { return x.begin < y.begin; });
  doc.id = schema::MakeDocumentId(doc.text);
  return a;
}

namespace {

class TextSource final : public readers::ArticleSource {
 public:
  TextSource(std::istream& in, const std::string& name, const SourceOptions& options,
             ErrorSink errors, std::unique_ptr<Extractor> extractor)
      : ArticleSource(name, options, std::move(errors), std::move(extractor)), in_(in) {}

 protected:
  bool NextArticle(Article* article, uint64_t* record) override {
    if (done_) return false;
    done_ = true;
    *record = 0;
    std::string bytes;
    bool too_long = false;
    if (!readers::ReadAll(in_, options().max_document_bytes, &bytes, &too_long)) {
      Report(0, "document longer than " + std::to_string(options().max_document_bytes) +
                    " bytes; skipped");
      return false;
    }
    if (absl::StripAsciiWhitespace(bytes).empty()) {
      Report(0, "empty document; skipped");
      return false;
    }
    *article = ParseTextArticle(std::move(bytes), name());
    return true;
  }

 private:
  std::istream& in_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DocumentSource> MakeTextSource(std::istream& in, const std::string& name,
                                               const SourceOptions& options, ErrorSink errors,
                                               std::unique_ptr<Extractor> extractor) {
  return std::make_unique<TextSource>(in, name, options, std::move(errors), std::move(extractor));
}

}  // namespace stancegraph::importers
