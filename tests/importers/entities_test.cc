// Entity recognition and linking: lexicon names, metonyms, titles by date,
// demonym phrases and unknown names.
#include <catch2/catch.hpp>

#include <string>

#include "../../importers/src/extract/entities.h"
#include "stancegraph/importers/lexicon.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::importers::extract {
namespace {

std::shared_ptr<const Lexicon> Lex() {
  auto lex = Lexicon::Default();
  REQUIRE(lex.ok());
  return *lex;
}

// "surface=Entity Name" for every non-pronoun reference.
std::vector<std::string> Tag(const std::string& text, const std::string& date = "2025-08-15") {
  static std::shared_ptr<const Lexicon> lex = Lex();
  const NormalizedText norm = Normalize(text);
  std::vector<Token> tokens = Tokenize(norm.text);
  ClassifyTokens(*lex, &tokens);
  const std::vector<Sentence> sentences = SplitSentences(tokens);
  DocEntities ents(*lex);
  const auto published = schema::ParseTime(date);
  REQUIRE(published.ok());
  std::vector<std::string> out;
  for (const EntityRef& r : TagEntities(norm.text, tokens, sentences, *lex, *published, &ents)) {
    if (r.kind == RefKind::kPronoun) continue;
    const std::string surface =
        norm.text.substr(tokens[r.first].begin, tokens[r.last - 1].end - tokens[r.first].begin);
    out.push_back(surface + "=" + ents.entity(r.entity).name);
  }
  return out;
}

TEST_CASE("Capitals and seats of government stand for their countries", "[importers]") {
  const auto refs = Tag("Moscow rejected the plan. The Kremlin and Kyiv disagree. Downing Street "
                        "declined to comment.");
  REQUIRE(refs == std::vector<std::string>{"Moscow=Russia", "Kremlin=Russia", "Kyiv=Ukraine",
                                           "Downing Street=United Kingdom"});
}

TEST_CASE("Titles resolve to the office holder at the document's date", "[importers]") {
  REQUIRE(Tag("Later the US president spoke.", "2025-08-15") ==
          std::vector<std::string>{"US president=Donald Trump"});
  REQUIRE(Tag("Later the US president spoke.", "2022-03-01") ==
          std::vector<std::string>{"US president=Joe Biden"});
  REQUIRE(Tag("Later the Russian president spoke.", "2025-08-15") ==
          std::vector<std::string>{"Russian president=Vladimir Putin"});
}

TEST_CASE("Titles and honorifics before a name are part of the reference", "[importers]") {
  REQUIRE(Tag("Yesterday Defence Secretary John Healey and Sir Keir Starmer met.") ==
          std::vector<std::string>{"Defence Secretary John Healey=John Healey",
                                   "Sir Keir Starmer=Keir Starmer"});
}

TEST_CASE("Demonym phrases name the country", "[importers]") {
  REQUIRE(Tag("Yesterday Ukrainian officials met French diplomats.") ==
          std::vector<std::string>{"Ukrainian officials=Ukraine", "French diplomats=France"});
}

TEST_CASE("Unknown proper names become new entities and surnames link back", "[importers]") {
  const auto refs = Tag("Yesterday Maria Gonzalez arrived. Later Gonzalez left.");
  REQUIRE(refs == std::vector<std::string>{"Maria Gonzalez=Maria Gonzalez",
                                           "Gonzalez=Maria Gonzalez"});
}

TEST_CASE("The pronoun us is not the United States", "[importers]") {
  REQUIRE(Tag("they told us about the US").back() == "US=United States");
  REQUIRE(Tag("they told us about it").empty());
}

}  // namespace
}  // namespace stancegraph::importers::extract
