// Nested claims: a claim noun or verb inside another holder's statement
// ("Peru's demand to cap prices", "Beijing claims ...", "the allegation",
// "Laos's 'sabotage' claim") reports a stance of its own holder, and the
// outer holder takes the other side of the same proposition.
#include <catch2/catch.hpp>

#include "proposition_test_util.h"

namespace stancegraph::importers::testing {
namespace {

TEST_CASE("Rejecting another country's demand opposes what it demands",
          "[importers][propositions]") {
  for (const char* text : {"Title\n\nChile rejects Peruvian demand to cap copper prices.",
                           "Title\n\nChile rejected Peru's demand to cap copper prices."}) {
    const auto f = Stances(text);
    INFO(text << "\n" << Describe(f));
    REQUIRE(f.size() == 2);
    const Stance peru = StanceOf(f, "Peru");
    const Stance chile = StanceOf(f, "Chile");
    CHECK(peru.polarity == 1);
    CHECK(chile.polarity == -1);
    CHECK(peru.proposition == chile.proposition);
    CHECK(peru.predicate == "cap");
  }
}

TEST_CASE("Denying another country's claim opposes what it claims",
          "[importers][propositions]") {
  const auto f = Stances("Title\n\nHanoi denies Beijing claims its drone crossed the border.");
  INFO(Describe(f));
  REQUIRE(f.size() >= 2);
  const Stance vietnam = StanceOf(f, "Vietnam");
  CHECK(vietnam.polarity == -1);
  CHECK(vietnam.predicate == "cross");
  // China claims what Vietnam denies.
  bool china_claims_it = false;
  for (const Stance& s : f) {
    if (s.holder == "China" && s.proposition == vietnam.proposition) {
      china_claims_it = s.polarity == 1;
    }
  }
  CHECK(china_claims_it);
}

// Expected: "its drone" is Beijing's (agent=China), each holder one claim;
// today "its" is read as the denier's ("Vietnam its drone crossed the
// border") and China gets a second claim on a proposition without an agent.
TEST_CASE("In a denied claim, 'its' is the claimant's", "[importers][propositions][!mayfail]") {
  const auto f = Stances("Title\n\nHanoi denies Beijing claims its drone crossed the border.");
  INFO(Describe(f));
  REQUIRE(f.size() == 2);
  const Stance vietnam = StanceOf(f, "Vietnam");
  const Stance china = StanceOf(f, "China");
  CHECK(china.proposition == vietnam.proposition);
  CHECK(vietnam.Arg("agent") == "China");
}

TEST_CASE("An allegation called fiction by a speaker is rejected by it",
          "[importers][propositions]") {
  const auto f = Stances("Smuggling allegation is fiction, says Hanoi\n\nThe talks went on.");
  INFO(Describe(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Vietnam");
  CHECK(f[0].polarity == -1);
  CHECK(f[0].predicate == "smuggle");
}

// Expected: "a fabrication" rejects the allegation as "fiction" does
// (Turkey -1 on espionage); today Turkey supports "fabricate".
TEST_CASE("An accusation called a fabrication is rejected", "[importers][propositions][!mayfail]") {
  const auto f = Stances("Espionage accusation is a fabrication, says Ankara\n\nThe talks went on.");
  INFO(Describe(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Turkey");
  CHECK(f[0].polarity == -1);
  CHECK(f[0].predicate == "espionage");
}

TEST_CASE("Denouncing a country's quoted claim opposes the claim it makes",
          "[importers][propositions]") {
  const auto f = Stances("Title\n\nVietnam denounces Laos's 'sabotage' claim.");
  INFO(Describe(f));
  REQUIRE(f.size() == 2);
  const Stance laos = StanceOf(f, "Laos");
  const Stance vietnam = StanceOf(f, "Vietnam");
  CHECK(laos.polarity == 1);
  CHECK(vietnam.polarity == -1);
  CHECK(laos.proposition == vietnam.proposition);
  CHECK(laos.predicate == "sabotage");
}

// Expected: Argentina +1 and Brazil -1 on "Uruguay closed the border"; today
// only Brazil's claim, whose agents are Argentina and Uruguay.
TEST_CASE("A claim with a that-clause is held by its possessor",
          "[importers][propositions][!mayfail]") {
  const auto f = Stances(
      "Title\n\nBrazil denounced Argentina's claim that Uruguay had closed the border.");
  INFO(Describe(f));
  REQUIRE(f.size() == 2);
  const Stance argentina = StanceOf(f, "Argentina");
  const Stance brazil = StanceOf(f, "Brazil");
  CHECK(argentina.polarity == 1);
  CHECK(brazil.polarity == -1);
  CHECK(argentina.proposition == brazil.proposition);
  CHECK(brazil.Arg("agent") == "Uruguay");
  CHECK_FALSE(brazil.Names("Argentina"));
}

}  // namespace
}  // namespace stancegraph::importers::testing
