// Normalisation, tokenisation and sentence segmentation on short texts.
#include <catch2/catch.hpp>

#include <string>

#include "../../importers/src/extract/sentences.h"
#include "../../importers/src/extract/text.h"

namespace stancegraph::importers::extract {
namespace {

std::vector<std::string> SentenceTexts(const std::string& text) {
  const NormalizedText norm = Normalize(text);
  const std::vector<Token> tokens = Tokenize(norm.text);
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(tokens)) {
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

}  // namespace
}  // namespace stancegraph::importers::extract
