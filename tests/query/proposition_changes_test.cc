// The query layer over what the built-in extractor states: reversals across
// dated documents, through paraphrases that share a key and through
// paraphrase links that join different wordings; and contradictions that
// must not appear across the propositions of one concept (unless asked) or
// between a minister and their own state.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "importers/extractor_test_util.h"
#include "query_fixture.h"
#include "stancegraph/query/changes.h"
#include "stancegraph/query/contradictions.h"
#include "stancegraph/query/levels.h"
#include "stancegraph/query/proposition_links.h"

using namespace stancegraph;
using importers::testing::ExtractClaims;
using testing::QueryFixture;
using testing::T;

namespace {

// Extracts `text` as a document published on `date` and stores it.
schema::DocumentClaims Import(QueryFixture& f, const std::string& text, const std::string& date) {
  schema::DocumentClaims dc = ExtractClaims(text, date);
  REQUIRE(f.db().Write({dc}, {}).ok());
  return dc;
}

// The proposition of the document's only claim.
schema::PropositionId OnlyProposition(const schema::DocumentClaims& dc) {
  REQUIRE(dc.claims.size() == 1);
  return dc.claims[0].proposition;
}

schema::EntityId HolderNamed(const schema::DocumentClaims& dc, const std::string& name) {
  for (const schema::Entity& e : dc.entities) {
    if (e.name == name) return e.id;
  }
  FAIL("no entity " << name);
  return 0;
}

std::vector<query::Reversal> Reversals(QueryFixture& f, const query::ChangeOptions& o = {}) {
  auto it = query::FindReversals(f.db(), o);
  REQUIRE(it.ok());
  std::vector<query::Reversal> out;
  for (; (*it)->Valid(); (*it)->Next()) out.push_back((*it)->value());
  REQUIRE((*it)->status().ok());
  return out;
}

std::vector<query::Contradiction> Contradictions(QueryFixture& f,
                                                 const query::ContradictionOptions& o = {}) {
  auto it = query::FindContradictions(f.db(), o);
  REQUIRE(it.ok());
  std::vector<query::Contradiction> out;
  for (; (*it)->Valid(); (*it)->Next()) out.push_back((*it)->value());
  REQUIRE((*it)->status().ok());
  return out;
}

}  // namespace

TEST_CASE("A reversal across three dated articles worded differently",
          "[query][propositions]") {
  QueryFixture f;
  const auto d1 = Import(f, "Title\n\nPortugal said Serbia should join the EU.", "2025-03-03");
  const auto d2 = Import(f, "Title\n\nPortugal backed Serbia's accession to the EU.", "2025-04-07");
  const auto d3 = Import(f, "Title\n\nPortugal said Serbia should not join the EU.", "2025-05-12");
  // The extractor gives the three wordings one proposition.
  const schema::PropositionId p = OnlyProposition(d1);
  REQUIRE(OnlyProposition(d2) == p);
  REQUIRE(OnlyProposition(d3) == p);

  const auto found = Reversals(f);
  REQUIRE(found.size() == 1);
  const query::Reversal& r = found[0];
  CHECK(r.holder == HolderNamed(d1, "Portugal"));
  CHECK(r.proposition == p);
  CHECK(r.from.polarity == 1);
  CHECK(r.from.mentions == 2);
  CHECK(r.from.first_made == T("2025-03-03"));
  CHECK(r.from.last_made == T("2025-04-07"));
  CHECK(r.to.polarity == -1);
  CHECK(r.to.first_made == T("2025-05-12"));
  REQUIRE(r.before.size() == 1);
  CHECK(r.before[0].made == T("2025-04-07"));
  REQUIRE(r.after.size() == 1);
  CHECK(r.after[0].made == T("2025-05-12"));
}

TEST_CASE("Holding one position in three articles is no reversal", "[query][propositions]") {
  QueryFixture f;
  Import(f, "Title\n\nPortugal said Serbia should join the EU.", "2025-03-03");
  Import(f, "Title\n\nPortugal backed Serbia's accession to the EU.", "2025-04-07");
  Import(f, "Title\n\nPortugal supports Serbian membership of the EU.", "2025-05-12");
  CHECK(Reversals(f).empty());
}

TEST_CASE("A ban one day and the banned thing another are linked into a reversal",
          "[query][propositions]") {
  QueryFixture f;
  const auto d1 = Import(f, "Title\n\nSpain wants a ban on arms sales to Israel.", "2025-03-03");
  const auto d2 = Import(f, "Title\n\nSpain backed a ban on arms sales to Israel.", "2025-04-07");
  const auto d3 = Import(f, "Title\n\nSpain supports arms sales to Israel.", "2025-05-12");
  const schema::PropositionId ban = OnlyProposition(d1);
  const schema::PropositionId sales = OnlyProposition(d3);
  REQUIRE(OnlyProposition(d2) == ban);
  // Spain said "for" every time, on two different propositions.
  REQUIRE(d1.claims[0].polarity == 1);
  REQUIRE(d3.claims[0].polarity == 1);
  REQUIRE(ban != sales);

  // The links join the ban to what it bans, as its opposite.
  auto links = query::PropositionLinks::Build(f.db());
  REQUIRE(links.ok());
  const auto [ban_at, ban_sign] = links->Resolve(ban);
  const auto [sales_at, sales_sign] = links->Resolve(sales);
  CHECK(ban_at == sales_at);
  CHECK(ban_sign == -sales_sign);
  const query::PropositionLink* link = links->LinkOf(ban == ban_at ? sales : ban);
  REQUIRE(link != nullptr);
  CHECK(link->sign == -1);
  CHECK_FALSE(link->reason.empty());

  // Read through the link, Spain reversed itself on the day it backed the sales.
  const auto found = Reversals(f);
  REQUIRE(found.size() == 1);
  const query::Reversal& r = found[0];
  CHECK(r.holder == HolderNamed(d1, "Spain"));
  CHECK((r.proposition == ban || r.proposition == sales));
  CHECK(r.from.polarity == -r.to.polarity);
  CHECK(r.from.mentions == 2);
  CHECK(r.from.last_made == T("2025-04-07"));
  CHECK(r.to.first_made == T("2025-05-12"));
  // Read as stated, each proposition has one position only.
  CHECK(Reversals(f, {.link_paraphrases = false}).empty());
}

TEST_CASE("A ban and the banned thing supported on one day are no reversal",
          "[query][propositions]") {
  QueryFixture f;
  Import(f, "Title\n\nSpain wants a ban on arms sales to Israel.", "2025-03-03");
  Import(f, "Title\n\nSpain backed a ban on arms sales to Israel.", "2025-04-07");
  // Against the sales, in other words: the same side as the ban.
  Import(f, "Title\n\nSpain opposes arms sales to Israel.", "2025-05-12");
  CHECK(Reversals(f).empty());
}

TEST_CASE("Two holders on different propositions of one concept contradict only when asked",
          "[query][propositions]") {
  QueryFixture f;
  const auto georgia =
      Import(f, "Title\n\nAustria said Georgia should join the EU.", "2025-06-03");
  const auto armenia =
      Import(f, "Title\n\nHungary said Armenia should not join the EU.", "2025-06-03");
  const schema::PropositionId pg = OnlyProposition(georgia);
  const schema::PropositionId pa = OnlyProposition(armenia);
  REQUIRE(pg != pa);
  // Neither says less than the other: the links leave them apart.
  auto links = query::PropositionLinks::Build(f.db());
  REQUIRE(links.ok());
  CHECK(links->Resolve(pg).first != links->Resolve(pa).first);

  CHECK(Contradictions(f).empty());
  CHECK(Contradictions(f, {.level = query::Level::kState}).empty());

  const auto by_concept = Contradictions(f, {.by_concept = true, .evidence_per_holder = 0});
  REQUIRE(by_concept.size() == 1);
  const query::Contradiction& c = by_concept[0];
  CHECK(c.level == query::ContradictionLevel::kConcept);
  CHECK(c.concept_name == "alliance membership");
  CHECK(c.propositions.size() == 2);
  REQUIRE(c.for_side.size() == 1);
  REQUIRE(c.against_side.size() == 1);
  CHECK(c.for_side[0].holder == HolderNamed(georgia, "Austria"));
  CHECK(c.against_side[0].holder == HolderNamed(armenia, "Hungary"));
}

TEST_CASE("At the state level a minister does not oppose their own country",
          "[query][propositions]") {
  QueryFixture f;
  const auto minister =
      Import(f, "Title\n\nSergei Lavrov said Moldova should join the EU.", "2025-06-02");
  const auto state =
      Import(f, "Title\n\nRussia said Moldova should not join the EU.", "2025-06-02");
  const schema::PropositionId p = OnlyProposition(minister);
  REQUIRE(OnlyProposition(state) == p);
  const schema::EntityId lavrov = HolderNamed(minister, "Sergei Lavrov");
  const schema::EntityId russia = HolderNamed(state, "Russia");

  // As named, two actors disagree.
  const auto named = Contradictions(f);
  REQUIRE(named.size() == 1);
  REQUIRE(named[0].for_side.size() == 1);
  REQUIRE(named[0].against_side.size() == 1);
  CHECK(named[0].for_side[0].holder == lavrov);
  CHECK(named[0].against_side[0].holder == russia);

  // As states, Russia only disagrees with itself: no contradiction.
  CHECK(Contradictions(f, {.level = query::Level::kState}).empty());

  // Another country against makes one, with Russia's minister on Russia's side.
  Import(f, "Title\n\nHungary said Moldova should not join the EU.", "2025-06-02");
  const auto states = Contradictions(f, {.level = query::Level::kState});
  REQUIRE(states.size() == 1);
  CHECK(states[0].pairs == 1);
  REQUIRE(states[0].for_side.size() == 1);
  CHECK(states[0].for_side[0].holder == russia);
  CHECK(states[0].for_side[0].speakers == std::vector<schema::EntityId>{lavrov});
  CHECK(std::find(states[0].self_contradicting.begin(), states[0].self_contradicting.end(),
                  russia) != states[0].self_contradicting.end());
}

TEST_CASE("Since a sequence, a new claim meets an old one on a linked wording",
          "[query][propositions]") {
  QueryFixture f;
  const auto old = Import(f, "Title\n\nSpain wants a ban on arms sales to Israel.", "2025-03-03");
  const uint64_t since = f.db().NextSequence();
  const auto fresh = Import(f, "Title\n\nHungary supports arms sales to Israel.", "2025-05-12");
  REQUIRE(OnlyProposition(old) != OnlyProposition(fresh));
  REQUIRE(old.claims[0].polarity == 1);
  REQUIRE(fresh.claims[0].polarity == 1);

  // For a ban on the sales is against the sales: the old claim takes part
  // although only the new wording was mentioned since.
  const auto found = Contradictions(f, {.evidence_per_holder = 0, .since_sequence = since});
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].for_side.size() == 1);
  REQUIRE(found[0].against_side.size() == 1);
  const std::vector<schema::EntityId> holders = {found[0].for_side[0].holder,
                                                 found[0].against_side[0].holder};
  CHECK(std::count(holders.begin(), holders.end(), HolderNamed(old, "Spain")) == 1);
  CHECK(std::count(holders.begin(), holders.end(), HolderNamed(fresh, "Hungary")) == 1);
  // Read as stated, the two wordings never meet.
  CHECK(Contradictions(f, {.link_paraphrases = false, .since_sequence = since}).empty());
}
