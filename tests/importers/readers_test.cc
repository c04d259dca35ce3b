// Article readers on small fixtures, news dates, and the external extractor.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "stancegraph/importers/article.h"
#include "stancegraph/importers/formats.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::importers {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(SG_SOURCE_DIR) + "/tests/importers/fixtures/" + name,
                   std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Time(schema::Timestamp t) { return schema::FormatTime(t); }

TEST_CASE("News dates in RFC 2822, ISO 8601 and common forms", "[importers]") {
  CHECK(Time(*ParseNewsDate("Fri, 15 Aug 2025 09:18:08 +0000")) == "2025-08-15T09:18:08Z");
  CHECK(Time(*ParseNewsDate("2025-08-15T10:18:08+01:00")) == "2025-08-15T09:18:08Z");
  CHECK(Time(*ParseNewsDate("August 15, 2025")) == "2025-08-15T00:00:00Z");
  CHECK(Time(*ParseNewsDate("15 August 2025 10:18 BST")) == "2025-08-15T09:18:00Z");
  CHECK(Time(*ParseNewsDate("Aug. 15, 2025 9:18 p.m. EDT")) == "2025-08-16T01:18:00Z");
  CHECK(Time(*ParseNewsDate("2025/08/15")) == "2025-08-15T00:00:00Z");
  CHECK_FALSE(ParseNewsDate("yesterday").has_value());
  CHECK_FALSE(ParseNewsDate("").has_value());
  CHECK_FALSE(ParseNewsDate("9223372036854775807").has_value());
  CHECK_FALSE(ParseNewsDate("2147483647/08/15").has_value());  // a year no article has
  CHECK_FALSE(ParseNewsDate("15 Aug 2025 10:-1037027101").has_value());  // negative minutes
  CHECK_FALSE(ParseNewsDate("15 Aug 2025 10:30:-5").has_value());
}

TEST_CASE("Plain text: title, dateline and trailing furniture", "[importers]") {
  const std::string bytes = Fixture("plain.txt");
  const Article a = ParseTextArticle(bytes, "plain.txt");
  CHECK(a.document.title == "Lake levels fall");
  CHECK(a.document.text == bytes);  // spans index the file's bytes
  CHECK(Time(a.document.published) == "2024-03-12T14:05:00Z");
  REQUIRE(a.furniture.size() == 3);
  std::vector<std::string> furniture;
  for (const schema::Span& f : a.furniture) furniture.push_back(bytes.substr(f.begin, f.end - f.begin));
  CHECK(furniture == std::vector<std::string>{"Published: 12 March 2024 14:05 GMT",
                                              "Share this article", "Leave a comment"});
}

TEST_CASE("HTML: title, canonical URL, time, and body without page chrome", "[importers]") {
  auto a = ParseHtmlArticle(Fixture("article.html"), "article.html");
  REQUIRE(a.ok());
  CHECK(a->document.title == "Harbour deal signed");
  CHECK(a->document.url == "https://gazette.example/harbour-deal");
  CHECK(a->document.outlet == "Example Gazette");
  CHECK(Time(a->document.published) == "2024-03-05T07:30:00Z");
  CHECK(a->document.text ==
        "Harbour deal signed\n\nNorway said the harbour would reopen \xE2\x80\x9Cwithin "
        "weeks\xE2\x80\x9D.\n\nSweden has warned that the fees are too high.");
}

TEST_CASE("Malformed HTML never fails hard", "[importers]") {
  CHECK(ParseHtmlArticle("<p>Unclosed <b>tags <i>everywhere", "x").ok());
  CHECK_FALSE(ParseHtmlArticle("<script>only()</script>", "x").ok());
  CHECK_FALSE(ParseHtmlArticle("", "x").ok());
}

TEST_CASE("RSS items become documents with their own date and link", "[importers]") {
  auto items = ParseFeed(Fixture("feed.rss"), "feed.rss");
  REQUIRE(items.ok());
  REQUIRE(items->size() == 2);
  const schema::Document& d0 = (*items)[0].document;
  CHECK(d0.source == "https://wire.example/ports");
  CHECK(d0.title == "Ports reopen");
  CHECK(d0.outlet == "Example Wire");
  CHECK(Time(d0.published) == "2024-03-05T09:00:00Z");
  CHECK(d0.text == "Ports reopen\n\nNorway said the ports would reopen.");
  const schema::Document& d1 = (*items)[1].document;
  CHECK(d1.source == "wire-2");  // no link: the guid
  CHECK(Time(d1.published) == "2024-03-06T09:15:00Z");
  CHECK(d1.text == "Fees rise\n\nSweden has warned that the fees are too high.");
}

TEST_CASE("Atom entries, including XHTML content", "[importers]") {
  auto items = ParseFeed(Fixture("feed.atom"), "feed.atom");
  REQUIRE(items.ok());
  REQUIRE(items->size() == 2);
  CHECK((*items)[0].document.source == "https://atom.example/talks");
  CHECK(Time((*items)[0].document.published) == "2024-03-07T12:00:00Z");
  CHECK((*items)[1].document.source == "urn:example:2");
  CHECK((*items)[1].document.text == "No link here\n\nEstonia said the cables were cut.");
}

TEST_CASE("Feeds with entity tricks or broken XML are rejected, not expanded", "[importers]") {
  const std::string bomb =
      "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;&a;&a;\">]><rss><channel><item><title>&b;</title></item></channel></rss>";
  auto items = ParseFeed(bomb, "bomb.xml");
  if (items.ok()) {
    for (const Article& a : *items) CHECK(a.document.text.size() < 100);
  }
  CHECK_FALSE(ParseFeed("<rss><channel><item>", "broken.xml").ok());
  CHECK_FALSE(ParseFeed("<html/>", "page.xml").ok());
}

TEST_CASE("JSONL articles: fields, bad lines reported with their line", "[importers]") {
  auto a = ParseJsonArticle(
      R"({"id": "r1", "url": "u", "title": "T", "outlet": "O", "published": "2024-03-09T07:00:00Z", "text": "Body"})",
      "fallback");
  REQUIRE(a.ok());
  CHECK(a->document.source == "r1");
  CHECK(a->document.text == "Body");
  CHECK(Time(a->document.published) == "2024-03-09T07:00:00Z");
  CHECK_FALSE(ParseJsonArticle(R"({"id": "r2"})", "f").ok());
  CHECK_FALSE(ParseJsonArticle("[1,2]", "f").ok());
  CHECK_FALSE(ParseJsonArticle("{", "f").ok());

  std::istringstream in(Fixture("articles.jsonl"));
  std::vector<ImportError> errors;
  auto source = MakeSource("articles-jsonl", in, "articles.jsonl", SourceOptions{},
                           [&](const ImportError& e) { errors.push_back(e); });
  REQUIRE(source.ok());
  std::vector<schema::DocumentClaims> docs;
  schema::DocumentClaims dc;
  while ((*source)->Next(&dc)) docs.push_back(dc);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].document.source == "rec-1");
  REQUIRE(docs[0].mentions.size() == 1);
  CHECK(docs[1].document.source == "rec-3");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].line == 3);
  CHECK(errors[1].line == 4);
}

TEST_CASE("Text source: --published overrides and claims come out", "[importers]") {
  std::istringstream in(Fixture("plain.txt"));
  SourceOptions options;
  options.published = *schema::ParseTime("2020-01-01");
  auto source = MakeSource("text", in, "plain.txt", options, nullptr);
  REQUIRE(source.ok());
  schema::DocumentClaims dc;
  REQUIRE((*source)->Next(&dc));
  CHECK(Time(dc.document.published) == "2020-01-01T00:00:00Z");
  REQUIRE(dc.mentions.size() == 1);
  CHECK(Time(dc.mentions[0].made) == "2020-01-01T00:00:00Z");
  CHECK_FALSE((*source)->Next(&dc));
}

TEST_CASE("Detect and make sources for every article format", "[importers]") {
  CHECK(DetectFormat("a.html", "<html>") == "html");
  CHECK(DetectFormat("a.rss", "<?xml") == "feed");
  CHECK(DetectFormat("a.txt", "Title") == "text");
  for (const char* format : {"text", "html", "feed", "articles-jsonl"}) {
    std::istringstream in("");
    CHECK(MakeSource(format, in, "x", SourceOptions{}, nullptr).ok());
  }
}

TEST_CASE("External extractor: runs without a shell, errors per document", "[importers]") {
  const std::string script = std::string(SG_SOURCE_DIR) + "/tests/importers/fixtures/fake_extractor.sh";
  auto ex = MakeExternalExtractor("sh '" + script + "'", {.timeout_seconds = 10});
  REQUIRE(ex.ok());
  Article a;
  a.document.text = "Hello world";
  a.document.source = "doc.txt";
  a.document.id = 42;
  schema::DocumentClaims out;
  const absl::Status s = (*ex)->Extract(a, &out);
  INFO(s.message());
  REQUIRE(s.ok());
  REQUIRE(out.mentions.size() == 1);
  CHECK(out.entities[0].name == "Example Holder");
  CHECK(out.mentions[0].document == 42);
  CHECK(out.mentions[0].extractor == "sh '" + script + "'");

  auto slow = MakeExternalExtractor("sleep 5", {.timeout_seconds = 1});
  REQUIRE(slow.ok());
  CHECK((*slow)->Extract(a, &out).code() == absl::StatusCode::kDeadlineExceeded);

  auto failing = MakeExternalExtractor("false");
  REQUIRE(failing.ok());
  CHECK((*failing)->Extract(a, &out).code() == absl::StatusCode::kInternal);

  auto missing = MakeExternalExtractor("/nonexistent/extractor");
  REQUIRE(missing.ok());
  CHECK_FALSE((*missing)->Extract(a, &out).ok());

  auto garbage = MakeExternalExtractor("echo not-json");
  REQUIRE(garbage.ok());
  CHECK((*garbage)->Extract(a, &out).code() == absl::StatusCode::kInvalidArgument);

  CHECK_FALSE(MakeExternalExtractor("'unbalanced").ok());
}

}  // namespace
}  // namespace stancegraph::importers
