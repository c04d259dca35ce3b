// Normalisation, tokenisation and sentence segmentation on short texts.
#include <catch2/catch.hpp>

#include <string>

#include "../../importers/src/extract/sentences.h"
#include "../../importers/src/extract/text.h"

namespace stancegraph::importers::extract {
namespace {

std::vector<std::string> SentenceTexts(const std::string& text, size_t max_bytes = 0) {
  const NormalizedText norm = Normalize(text);
  const std::vector<Token> tokens = Tokenize(norm.text);
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(tokens, max_bytes)) {
    const schema::Span span = norm.ToOriginal(tokens[s.first].begin, tokens[s.last - 1].end);
    out.push_back(text.substr(span.begin, span.end - span.begin));
  }
  return out;
}

TEST_CASE("Normalize folds curly quotes and dashes and maps bytes back", "[importers]") {
  const std::string text = "\xE2\x80\x9CNo\xE2\x80\x9D \xE2\x80\x94 it isn\xE2\x80\x99t";
  const NormalizedText norm = Normalize(text);
  REQUIRE(norm.text == "\"No\" - it isn't");
  REQUIRE(norm.to_original.size() == norm.text.size() + 1);
  // "No" in the normalised text maps to the bytes after the 3-byte quote.
  const size_t no = norm.text.find("No");
  const schema::Span span = norm.ToOriginal(no, no + 2);
  REQUIRE(text.substr(span.begin, span.end - span.begin) == "No");
  REQUIRE(norm.to_original.back() == text.size());
}

TEST_CASE("Tokenize keeps abbreviations and splits clitics", "[importers]") {
  const std::vector<Token> t = Tokenize("The U.S. isn't Britain's \"ally\", he said.");
  std::vector<std::string> words;
  for (const Token& tok : t) words.push_back(tok.lower);
  REQUIRE(words == std::vector<std::string>{"the", "u.s.", "is", "n't", "britain", "'s", "\"",
                                            "ally", "\"", ",", "he", "said", "."});
  REQUIRE(t[6].kind == TokenKind::kOpenQuote);
  REQUIRE(t[8].kind == TokenKind::kCloseQuote);
  REQUIRE(t[1].capitalized);
}

TEST_CASE("Sentences survive honorifics, initials and dotted abbreviations", "[importers]") {
  const auto s = SentenceTexts(
      "Mr. Smith met Sir Keir Starmer in the U.S. capital. George W. Bush said "
      "nothing. The U.N. Security Council met.");
  REQUIRE(s.size() == 3);
  REQUIRE(s[0] == "Mr. Smith met Sir Keir Starmer in the U.S. capital.");
  REQUIRE(s[1] == "George W. Bush said nothing.");
}

TEST_CASE("A quote closing after the full stop stays with its sentence", "[importers]") {
  const auto s = SentenceTexts("\"We will win.\" he said. \"We are ready,\" she added.");
  REQUIRE(s.size() == 2);
  REQUIRE(s[0] == "\"We will win.\" he said.");
}

TEST_CASE("Blank lines separate paragraphs and sentences", "[importers]") {
  const NormalizedText norm = Normalize("Headline without stop\n\nFirst para. Second.\n\nThird");
  const std::vector<Token> tokens = Tokenize(norm.text);
  const std::vector<Sentence> s = SplitSentences(tokens);
  REQUIRE(s.size() == 4);
  REQUIRE(s[0].paragraph == 0);
  REQUIRE(s[1].paragraph == 1);
  REQUIRE(s[1].first_in_paragraph);
  REQUIRE_FALSE(s[2].first_in_paragraph);
  REQUIRE(s[3].paragraph == 2);
}

TEST_CASE("A quotation spanning sentences is marked open in the later ones", "[importers]") {
  const NormalizedText norm = Normalize("\"We are ready. We are able.\" Next.");
  const std::vector<Token> tokens = Tokenize(norm.text);
  const std::vector<Sentence> s = SplitSentences(tokens);
  REQUIRE(s.size() == 3);
  REQUIRE(s[1].starts_in_quote);
  REQUIRE_FALSE(s[2].starts_in_quote);
}

TEST_CASE("A sentence longer than the limit is cut at its clause boundaries", "[importers]") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "the ministers met again in the capital, ";
  text += "and nothing was agreed.";
  const auto s = SentenceTexts(text, 200);
  REQUIRE(s.size() > 1);
  std::string joined;
  for (const std::string& piece : s) {
    CHECK(piece.size() <= 200);
    // Every piece but the last ends at a comma and is at least half full.
    if (&piece != &s.back()) {
      CHECK(piece.back() == ',');
      CHECK(piece.size() >= 100);
    }
    joined += (joined.empty() ? "" : " ") + piece;
  }
  CHECK(joined == text);
  // Without a limit it is one sentence.
  CHECK(SentenceTexts(text).size() == 1);
}

TEST_CASE("A sentence without clause boundaries is cut between words", "[importers]") {
  std::string text = "Turkey said that";
  for (int i = 0; i < 500; ++i) text += " very";
  text += " good. Greece agreed.";
  const auto s = SentenceTexts(text, 300);
  REQUIRE(s.size() >= 8);
  for (const std::string& piece : s) CHECK(piece.size() <= 300);
  CHECK(s.front().starts_with("Turkey said that very"));
  CHECK(s.back() == "Greece agreed.");
  // A word longer than the limit is a piece of its own.
  const auto w = SentenceTexts("A " + std::string(1000, 'x') + " b.", 300);
  REQUIRE(w.size() == 3);
  CHECK(w[1].size() == 1000);
}

TEST_CASE("A cut inside a quotation leaves the next piece in the quotation", "[importers]") {
  std::string text = "\"We will";
  for (int i = 0; i < 60; ++i) text += " wait, and";
  text += " go,\" she said. Next.";
  const NormalizedText norm = Normalize(text);
  const std::vector<Token> tokens = Tokenize(norm.text);
  const std::vector<Sentence> s = SplitSentences(tokens, 200);
  REQUIRE(s.size() >= 3);
  CHECK_FALSE(s[0].starts_in_quote);
  CHECK(s[1].starts_in_quote);
  CHECK_FALSE(s.back().starts_in_quote);
}

}  // namespace
}  // namespace stancegraph::importers::extract
