// Coordination: "Georgia and Moldova" in a content, or "Austria and
// Hungary" as holders, give one claim per conjunct.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "proposition_test_util.h"

namespace stancegraph::importers::testing {
namespace {

std::set<std::string> AgentsOf(const std::vector<Stance>& f) {
  std::set<std::string> out;
  for (const Stance& s : f) out.insert(s.Arg("agent"));
  return out;
}

TEST_CASE("Coordinated subjects of a content give one proposition each",
          "[importers][propositions]") {
  const auto f = Stances("Title\n\nAustria said Georgia and Moldova should join the EU.");
  INFO(Describe(f));
  REQUIRE(f.size() == 2);
  CHECK(AgentsOf(f) == std::set<std::string>{"Georgia", "Moldova"});
  for (const Stance& s : f) {
    CHECK(s.holder == "Austria");
    CHECK(s.polarity == 1);
    CHECK(s.predicate == "join");
    CHECK(s.Names("European Union"));
  }
  CHECK(f[0].proposition != f[1].proposition);
  // Each conjunct is the proposition its own sentence would give.
  const auto georgia = Stances("Title\n\nAustria said Georgia should join the EU.");
  REQUIRE(georgia.size() == 1);
  CHECK((f[0].proposition == georgia[0].proposition ||
         f[1].proposition == georgia[0].proposition));
}

TEST_CASE("Coordinated holders each hold the claim", "[importers][propositions]") {
  const auto f = Stances("Title\n\nAustria and Hungary oppose Serbia's accession to the EU.");
  INFO(Describe(f));
  REQUIRE(f.size() == 2);
  const std::set<std::string> holders{f[0].holder, f[1].holder};
  CHECK(holders == std::set<std::string>{"Austria", "Hungary"});
  CHECK(f[0].proposition == f[1].proposition);
  CHECK(f[0].predicate == "join");
  CHECK(f[0].Arg("agent") == "Serbia");
  CHECK(f[0].polarity == -1);
  CHECK(f[1].polarity == -1);
}

TEST_CASE("Coordinated possessors of a bid give one claim each", "[importers][propositions]") {
  const auto f =
      Stances("Title\n\nAustria backs the bids of Georgia and Moldova to join the EU.");
  INFO(Describe(f));
  REQUIRE(f.size() == 2);
  CHECK(f[0].proposition != f[1].proposition);
  CHECK((f[0].Names("Georgia") != f[1].Names("Georgia")));
  CHECK((f[0].Names("Moldova") != f[1].Names("Moldova")));
  for (const Stance& s : f) {
    CHECK(s.holder == "Austria");
    CHECK(s.polarity == 1);
  }
}

TEST_CASE("Coordinated modifiers in a headline give one claim each",
          "[importers][propositions]") {
  const auto f = Stances("Austria backs Georgia and Moldova EU bids\n\nThe talks went on.");
  INFO(Describe(f));
  REQUIRE(f.size() == 2);
  CHECK(f[0].proposition != f[1].proposition);
  CHECK((f[0].Names("Georgia") != f[1].Names("Georgia")));
  CHECK((f[0].Names("Moldova") != f[1].Names("Moldova")));
  CHECK(f[0].holder == "Austria");
  CHECK(f[1].holder == "Austria");
}

// Expected: a bid "to join the EU" is join(agent=Georgia, EU), as "Georgia
// should join the EU" is; today the key is "bid|with=georgia".
TEST_CASE("A bid to join is the joining, for each coordinated bidder",
          "[importers][propositions][!mayfail]") {
  const auto f =
      Stances("Title\n\nAustria backs the bids of Georgia and Moldova to join the EU.");
  INFO(Describe(f));
  REQUIRE(f.size() == 2);
  CHECK(AgentsOf(f) == std::set<std::string>{"Georgia", "Moldova"});
  for (const Stance& s : f) {
    CHECK(s.predicate == "join");
    CHECK(s.Names("European Union"));
  }
}

// Expected: "Georgia and Moldova EU bids" is join(agent=Georgia, EU) and
// join(agent=Moldova, EU); today the key is "eu|agent=georgia".
TEST_CASE("EU bids in a headline are joining the EU", "[importers][propositions][!mayfail]") {
  const auto f = Stances("Austria backs Georgia and Moldova EU bids\n\nThe talks went on.");
  INFO(Describe(f));
  REQUIRE(f.size() == 2);
  CHECK(AgentsOf(f) == std::set<std::string>{"Georgia", "Moldova"});
  for (const Stance& s : f) {
    CHECK(s.predicate == "join");
    CHECK(s.Names("European Union"));
  }
}

// Expected: the bidders are the agents of joining; today they are put in
// the same role as the EU ("join|with=european union,georgia").
TEST_CASE("Membership bids of coordinated countries make each the joiner",
          "[importers][propositions][!mayfail]") {
  const auto f =
      Stances("Title\n\nAustria opposes the EU membership bids of Georgia and Moldova.");
  INFO(Describe(f));
  REQUIRE(f.size() == 2);
  CHECK(AgentsOf(f) == std::set<std::string>{"Georgia", "Moldova"});
  CHECK(f[0].polarity == -1);
  CHECK(f[1].polarity == -1);
}

// Expected: membership "for Georgia" makes Georgia the joiner; today the EU
// is the agent and Georgia the other party.
TEST_CASE("Membership for coordinated countries makes each the joiner",
          "[importers][propositions][!mayfail]") {
  const auto f = Stances("Title\n\nAustria supports EU membership for Georgia and Moldova.");
  INFO(Describe(f));
  REQUIRE(f.size() == 2);
  CHECK(AgentsOf(f) == std::set<std::string>{"Georgia", "Moldova"});
}

}  // namespace
}  // namespace stancegraph::importers::testing
