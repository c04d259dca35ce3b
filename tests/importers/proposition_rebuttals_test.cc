// Rebuttals: a statement that only points back at another holder's claim
// (", a claim X rejected as nonsense", "X denied it", "dismissed the
// allegation", "called the reports fiction") lands on the proposition of the
// nearest earlier claim of another holder, with the opposite polarity.
#include <catch2/catch.hpp>

#include "proposition_test_util.h"

namespace stancegraph::importers::testing {
namespace {

// Peru's claim and Bolivia's rebuttal of it, each found once.
void CheckRebutted(const std::string& text, int claimed = 1) {
  const auto f = Stances(text);
  INFO(text << "\n" << Describe(f));
  REQUIRE(f.size() == 2);
  const Stance peru = StanceOf(f, "Peru");
  const Stance bolivia = StanceOf(f, "Bolivia");
  CHECK(peru.polarity == claimed);
  CHECK(bolivia.proposition == peru.proposition);
  CHECK(bolivia.polarity == -claimed);
}

// Peru +1 and Bolivia -1 on "Bolivia poisoned the river": the appended
// clause is not part of Peru's content.
TEST_CASE("A claim rejected as nonsense in an appended clause",
          "[importers][propositions]") {
  CheckRebutted(
      "Title\n\nPeru said Bolivia had poisoned the river, a claim Bolivia rejected as "
      "nonsense.");
}

TEST_CASE("A denial of 'it' in the next sentence", "[importers][propositions]") {
  CheckRebutted("Title\n\nPeru said Bolivia had poisoned the river. Bolivia denied it.");
}

TEST_CASE("Dismissing the allegation", "[importers][propositions]") {
  CheckRebutted(
      "Title\n\nPeru said Bolivia had poisoned the river. Bolivia dismissed the allegation.");
}

TEST_CASE("Calling the reports fiction", "[importers][propositions]") {
  CheckRebutted(
      "Title\n\nPeru said Bolivia had poisoned the river. Bolivia called the reports fiction.");
}

TEST_CASE("Denying a negative claim supports its positive proposition",
          "[importers][propositions]") {
  CheckRebutted("Title\n\nPeru said Bolivia would not reopen the border. Bolivia denied it.",
                /*claimed=*/-1);
}

TEST_CASE("A rebuttal skips the rebutter's own claims", "[importers][propositions]") {
  const auto f = Stances(
      "Title\n\nPeru said Bolivia had poisoned the river. Bolivia said the water was clean. "
      "Bolivia denied it.");
  INFO(Describe(f));
  REQUIRE(f.size() == 3);
  CHECK(f[0].holder == "Peru");
  CHECK(f[2].holder == "Bolivia");
  CHECK(f[2].proposition == f[0].proposition);
  CHECK(f[2].polarity == -1);
  CHECK(f[1].proposition != f[0].proposition);
}

TEST_CASE("A rebuttal lands on the nearest earlier claim of another holder",
          "[importers][propositions]") {
  const auto f = Stances(
      "Title\n\nPeru said Bolivia had poisoned the river. Chile said the border was calm. "
      "Bolivia denied it.");
  INFO(Describe(f));
  REQUIRE(f.size() == 3);
  CHECK(f[1].holder == "Chile");
  CHECK(f[2].holder == "Bolivia");
  CHECK(f[2].proposition == f[1].proposition);
  CHECK(f[2].proposition != f[0].proposition);
  CHECK(f[2].polarity == -1);
}

// Expected: with no claim within reach, "Bolivia denied it" states nothing;
// today it is a claim on the proposition "it".
TEST_CASE("A denial with no claim in reach states no proposition",
          "[importers][propositions][!mayfail]") {
  const auto f = Stances(
      "Title\n\nPeru said Bolivia had poisoned the river. Lima is far away. The sky was grey. "
      "Rain fell on the hills. Bolivia denied it.");
  INFO(Describe(f));
  for (const Stance& s : f) CHECK(s.text != "it");
}

}  // namespace
}  // namespace stancegraph::importers::testing
