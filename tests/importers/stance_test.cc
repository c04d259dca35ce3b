// Stance: negation scope, evaluative predicates, hedges and conditions;
// propositions stated positively, concepts and keys.
#include <catch2/catch.hpp>

#include "extractor_test_util.h"

namespace stancegraph::importers::testing {
namespace {

TEST_CASE("Negation in the content flips polarity; the proposition stays positive",
          "[importers]") {
  const auto f = Extract("Title\n\nIreland said it will not join the alliance.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].polarity == -1);
  CHECK(f[0].proposition.find("not") == std::string::npos);
}

TEST_CASE("A rejecting cue gives polarity -1", "[importers]") {
  const auto f = Extract("Title\n\nNorway rejected the proposal to drill in the north.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].polarity == -1);
}

TEST_CASE("A negated cue flips polarity", "[importers]") {
  const auto f = Extract("Title\n\nHungary does not believe the sanctions work.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].polarity == -1);
}

TEST_CASE("Negation inside a condition does not flip", "[importers]") {
  const auto f =
      Extract("Title\n\nAustria said it would raise tariffs if the talks do not resume.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].polarity == 1);
  CHECK(f[0].conditional);
}

TEST_CASE("Evaluative predicates: would be unacceptable is a rejection of the subject",
          "[importers]") {
  const auto f = Extract("Title\n\nDenmark has insisted that selling the island would be "
                         "unacceptable.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].polarity == -1);
  CHECK(f[0].proposition == "Denmark sells the island");
}

TEST_CASE("Hedges are flags, not propositions", "[importers]") {
  auto f = Extract("Title\n\nKenya said the rains may return in May.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].hedged);
  f = Extract("Title\n\nKenya said there was a 40% chance of rain.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].hedged);
  f = Extract("Title\n\nKenya said the rains had returned.");
  REQUIRE(f.size() == 1);
  CHECK_FALSE(f[0].hedged);
}

TEST_CASE("In the event that marks a condition", "[importers]") {
  const auto f = Extract("Title\n\nItaly said it was ready to send ships, in the event that a "
                         "truce is signed.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].conditional);
}

TEST_CASE("Paraphrases share a predicate class and a concept", "[importers]") {
  const schema::DocumentClaims dc = ExtractClaims(
      "Title\n\nSerbia said ceding territory was out of the question. Hungary said a swap of "
      "land should be considered.");
  REQUIRE(dc.mentions.size() == 2);
  REQUIRE(dc.propositions.size() == 2);
  for (const schema::Proposition& p : dc.propositions) {
    CHECK(p.predicate == "cede_territory");
    CHECK(p.concept_name == "territorial concessions");
  }
  REQUIRE(dc.claims.size() == 2);
  CHECK(dc.claims[0].polarity == -dc.claims[1].polarity);
}

TEST_CASE("The same claim twice is one claim with two mentions", "[importers]") {
  const schema::DocumentClaims dc = ExtractClaims(
      "Title\n\nFinland said the border will stay open.\n\nLater Finland said the border will "
      "stay open.");
  CHECK(dc.mentions.size() == 2);
  CHECK(dc.claims.size() == 1);
  CHECK(dc.mentions[0].claim == dc.mentions[1].claim);
  CHECK(dc.mentions[0].ordinal == 0);
  CHECK(dc.mentions[1].ordinal == 1);
}

TEST_CASE("Paraphrases with the same head words share a key", "[importers]") {
  const schema::DocumentClaims dc = ExtractClaims(
      "Title\n\nPeru said the mine will close. Bolivia said the mines are closing.");
  REQUIRE(dc.mentions.size() == 2);
  CHECK(dc.propositions.size() == 1);
}

TEST_CASE("Mentions carry the document time and the builtin extractor name", "[importers]") {
  const schema::DocumentClaims dc =
      ExtractClaims("Title\n\nEstonia said the cables were cut.", "2024-01-02T03:04:05Z");
  REQUIRE(dc.mentions.size() == 1);
  CHECK(dc.mentions[0].extractor == "builtin");
  CHECK(schema::FormatTime(dc.mentions[0].made) == "2024-01-02T03:04:05Z");
  CHECK(dc.mentions[0].document == dc.document.id);
}

}  // namespace
}  // namespace stancegraph::importers::testing
