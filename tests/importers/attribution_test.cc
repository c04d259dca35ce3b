// Attribution: the common forms of reported speech, pronouns and
// coordination, on short texts written for the test.
#include <catch2/catch.hpp>

#include "extractor_test_util.h"

namespace stancegraph::importers::testing {
namespace {

TEST_CASE("X said that ... gives the holder, cue and content", "[importers]") {
  const auto f = Extract("Title\n\nPoland said that the border would stay closed.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Poland");
  CHECK(f[0].polarity == 1);
  CHECK(f[0].holder_span == "Poland");
  CHECK(f[0].cue_span == "said");
  CHECK(f[0].content_span == "the border would stay closed");
  CHECK(f[0].proposition == "the border stays closed");
}

TEST_CASE("A quote before the speaker is the content", "[importers]") {
  const auto f = Extract("Title\n\n\"The talks have failed,\" Emmanuel Macron said on Monday.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Emmanuel Macron");
  CHECK(f[0].content_span == "\"The talks have failed,\"");
}

TEST_CASE("An inverted speaker after the cue is found", "[importers]") {
  const auto f = Extract("Title\n\n\"We need more time,\" said Olaf Scholz.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Olaf Scholz");
  CHECK(f[0].holder_span == "Olaf Scholz");
}

TEST_CASE("X said: followed by a quote", "[importers]") {
  const auto f = Extract("Title\n\nThe minister Anna Berg said: \"Taxes will not rise.\"");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Anna Berg");
  CHECK(f[0].polarity == -1);
  CHECK(f[0].content_span == "\"Taxes will not rise.\"");
}

TEST_CASE("According to X, at the start or the end of a sentence", "[importers]") {
  auto f = Extract("Title\n\nAccording to Germany, the pipeline is safe.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Germany");
  CHECK(f[0].content_span == "the pipeline is safe");
  f = Extract("Title\n\nThe pipeline is safe, according to Germany.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Germany");
  CHECK(f[0].content_span == "The pipeline is safe");
}

TEST_CASE("Auxiliaries belong to the predicate: has warned, has insisted", "[importers]") {
  const auto f = Extract("Title\n\nJapan has warned that the deal is fragile.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].predicate == "has warned");
  CHECK(f[0].content_span == "the deal is fragile");
}

TEST_CASE("A relative clause pledge belongs to its antecedent", "[importers]") {
  const auto f = Extract(
      "Title\n\nThe fund was set up by a group of Nordic countries who have pledged to "
      "rebuild the port.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Nordic countries");
  CHECK(f[0].content_span == "to rebuild the port");
}

TEST_CASE("A quote paragraph continues the last speaker", "[importers]") {
  const auto f = Extract(
      "Title\n\nAngela Merkel said the euro was strong.\n\n\"We have done the work. Now others "
      "must follow.");
  REQUIRE(f.size() == 2);
  CHECK(f[1].holder == "Angela Merkel");
  CHECK(f[1].content_span == "\"We have done the work. Now others must follow");
}

TEST_CASE("He and she resolve to the last fitting speaker", "[importers]") {
  const auto f = Extract(
      "Title\n\nTheresa May said the vote was fair. Boris Johnson disagreed.\n\n"
      "She added that the count was complete.");
  REQUIRE(f.size() == 2);
  CHECK(f[1].holder == "Theresa May");
  CHECK(f[1].holder_span == "She");
}

TEST_CASE("Titles resolve as holders: the US president", "[importers]") {
  const auto f = Extract("Title\n\nThe US president has said the tariffs will stay.", "2021-06-01");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Joe Biden");
}

TEST_CASE("Metonyms hold stances for their countries", "[importers]") {
  const auto f = Extract("Title\n\nBeijing insisted that the drills were routine.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "China");
}

TEST_CASE("Coordinated clauses carry several claims", "[importers]") {
  const auto f = Extract(
      "Title\n\nSpain has demanded a new vote, while Portugal wants to keep the treaty, "
      "including its budget rules, and also wants guarantees that the fund will not shrink.");
  REQUIRE(f.size() == 3);
  CHECK(f[0].holder == "Spain");
  CHECK(f[0].content_span == "a new vote");
  CHECK(f[1].holder == "Portugal");
  CHECK(f[1].content_span == "to keep the treaty, including its budget rules");
  CHECK(f[2].holder == "Portugal");
  CHECK(f[2].polarity == -1);
  CHECK(f[2].proposition == "the fund shrinks");
}

TEST_CASE("A cue inside a condition asserts nothing", "[importers]") {
  const auto f = Extract("Title\n\nThe plan fails if Canada rejects it, experts said.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "experts");
}

TEST_CASE("A participle takes the sentence's subject", "[importers]") {
  const auto f = Extract("Title\n\nChile endorsed the treaty on Friday, saying it protects fishing.");
  REQUIRE(f.size() == 2);
  CHECK(f[1].holder == "Chile");
  CHECK(f[1].content_span == "it protects fishing");
}

TEST_CASE("Verbs of attack and of praise are cues", "[importers]") {
  auto f = Extract("Title\n\nThe mayor blasted the new parking rules.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder_span == "mayor");
  CHECK(f[0].polarity == -1);
  CHECK(f[0].content_span == "the new parking rules");
  f = Extract("Title\n\nThe governor thanked the volunteers for their work.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].polarity == 1);
  f = Extract("Title\n\nThe council stated that the bridge would reopen in May.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].content_span == "the bridge would reopen in May");
}

TEST_CASE("An inverted speaker may be a titled or common noun phrase", "[importers]") {
  auto f = Extract("Title\n\n\"The ferry will run again next week,\" said one senior port official.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder_span == "senior port official");
  CHECK(f[0].content_span == "\"The ferry will run again next week,\"");
}

TEST_CASE("A content ends at ', but'", "[importers]") {
  const auto f = Extract("Title\n\nThe coach said the team was ready, but the first match was lost.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].content_span == "the team was ready");
}

TEST_CASE("Phrasal verbs of attack and verbs of emphasis are cues", "[importers]") {
  auto f = Extract("Title\n\nThe union railed against the new shift rota.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].polarity == -1);
  CHECK(f[0].content_span == "the new shift rota");
  f = Extract("Title\n\nThe report highlighted that most rivers were cleaner.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].content_span == "most rivers were cleaner");
}

}  // namespace
}  // namespace stancegraph::importers::testing

namespace stancegraph::importers::testing {
namespace {

const schema::Entity* Named(const schema::DocumentClaims& dc, const std::string& name) {
  for (const schema::Entity& e : dc.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

TEST_CASE("Holders come with the entities their roles and bodies speak for", "[importers]") {
  // An office holder: the country of the role is stored too.
  schema::DocumentClaims dc =
      ExtractClaims("Title\n\nMarco Rubio said the talks would go ahead.", "2025-03-01");
  REQUIRE(dc.claims.size() == 1);
  const schema::Entity* rubio = Named(dc, "Marco Rubio");
  REQUIRE(rubio != nullptr);
  REQUIRE_FALSE(rubio->roles.empty());
  const schema::Entity* us = Named(dc, "United States");
  REQUIRE(us != nullptr);
  CHECK(us->type == schema::EntityType::kCountry);
  CHECK(rubio->roles[0].of == us->id);
  // A government body: its country.
  dc = ExtractClaims("Title\n\nThe Pentagon said the exercise would go ahead.", "2025-03-01");
  const schema::Entity* pentagon = Named(dc, "Pentagon");
  REQUIRE(pentagon != nullptr);
  CHECK(pentagon->type == schema::EntityType::kGovernment);
  REQUIRE(Named(dc, "United States") != nullptr);
  CHECK(pentagon->parent == Named(dc, "United States")->id);
  // Nobody else: a holder without roles brings nothing along.
  dc = ExtractClaims("Title\n\nAmnesty International said the trial was unfair.", "2025-03-01");
  CHECK(dc.entities.size() == 1);
}

}  // namespace
}  // namespace stancegraph::importers::testing
