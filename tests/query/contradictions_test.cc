#include <catch2/catch.hpp>

#include <vector>

#include "query_fixture.h"
#include "stancegraph/query/contradictions.h"
#include "stancegraph/query/json.h"

using namespace stancegraph;
using testing::H;
using testing::P;
using testing::QueryFixture;
using testing::Say;
using testing::T;

namespace {

std::vector<query::Contradiction> All(QueryFixture& f, const query::ContradictionOptions& o) {
  auto it = query::FindContradictions(f.db(), o);
  REQUIRE(it.ok());
  std::vector<query::Contradiction> out;
  for (; (*it)->Valid(); (*it)->Next()) out.push_back((*it)->value());
  REQUIRE((*it)->status().ok());
  return out;
}

std::vector<schema::EntityId> Holders(const std::vector<query::HolderSide>& side) {
  std::vector<schema::EntityId> out;
  for (const auto& s : side) out.push_back(s.holder);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<schema::EntityId> Sorted(std::vector<schema::EntityId> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("Holders on opposite sides of a proposition are reported with their quotes",
          "[query]") {
  QueryFixture f;
  f.Doc("bbc", "BBC")
      .Claim("Trump", +1, "Ukraine cedes territory", "2025-08-15T09:00:00Z",
             {.quote = "Trump wants a give and take of boundaries."})
      .Claim("Ukraine", -1, "Ukraine cedes territory", "2025-08-15T10:00:00Z",
             {.quote = "Kyiv rejects ceding any territory."})
      .Write();
  auto found = All(f, {});
  REQUIRE(found.size() == 1);
  const query::Contradiction& c = found[0];
  CHECK(c.level == query::ContradictionLevel::kProposition);
  CHECK(c.proposition == P("Ukraine cedes territory"));
  CHECK(c.pairs == 1);
  REQUIRE(c.for_side.size() == 1);
  REQUIRE(c.against_side.size() == 1);
  CHECK(c.for_side[0].holder == H("Trump"));
  CHECK(c.against_side[0].holder == H("Ukraine"));
  REQUIRE(c.against_side[0].evidence.size() == 1);
  const query::Evidence& e = c.against_side[0].evidence[0];
  CHECK(e.quote == "Kyiv rejects ceding any territory.");
  CHECK(e.outlet == "BBC");
  CHECK(e.made == T("2025-08-15T10:00:00Z"));
  CHECK(e.polarity == -1);
}

TEST_CASE("A holder reversing itself is listed apart, and alone is no contradiction",
          "[query]") {
  QueryFixture f;
  f.Doc("d")
      .Claim("A", +1, "P", "2024-01-01")
      .Claim("B", -1, "P", "2024-01-02")
      .Claim("B", +1, "P", "2024-01-03")
      .Claim("X", +1, "R", "2024-01-01")
      .Claim("X", -1, "R", "2024-01-05")
      .Write();
  auto found = All(f, {});
  REQUIRE(found.size() == 1);  // R has only X against itself
  CHECK(found[0].proposition == P("P"));
  CHECK(found[0].self_contradicting == std::vector<schema::EntityId>{H("B")});
  CHECK(Holders(found[0].for_side) == Sorted({H("A"), H("B")}));
  CHECK(Holders(found[0].against_side) == Sorted({H("B")}));
  CHECK(found[0].pairs == 1);  // A for vs B against
}

TEST_CASE("Paraphrases of one concept contradict across propositions only when asked", "[query]") {
  QueryFixture f;
  const Say territory{.concept_name = "territorial concessions"};
  f.Doc("d")
      .Claim("Trump", +1, "Ukraine gives up boundaries", "2025-08-15", territory)
      .Claim("Ukraine", -1, "Ukraine cedes territory", "2025-08-15", territory)
      .Claim("Russia", +1, "Ukraine cedes territory", "2025-08-16", territory)
      .Write();
  // By default only Russia vs Ukraine: Trump and Ukraine never disagreed on
  // one proposition.
  auto by_default = All(f, {.evidence_per_holder = 0});
  REQUIRE(by_default.size() == 1);
  CHECK(by_default[0].level == query::ContradictionLevel::kProposition);

  auto found = All(f, {.by_concept = true, .evidence_per_holder = 0});
  // One proposition-level (Russia vs Ukraine) and one concept-level (adds Trump).
  REQUIRE(found.size() == 2);
  CHECK(found[0].level == query::ContradictionLevel::kProposition);
  CHECK(found[0].proposition == P("Ukraine cedes territory"));
  const query::Contradiction& c = found[1];
  CHECK(c.level == query::ContradictionLevel::kConcept);
  CHECK(c.concept_name == "territorial concessions");
  CHECK(c.propositions.size() == 2);
  CHECK(Holders(c.for_side) == Sorted({H("Trump"), H("Russia")}));
  CHECK(Holders(c.against_side) == Sorted({H("Ukraine")}));
  CHECK(c.pairs == 2);

  // Labelled as concept-level in the JSON lines too.
  auto it = query::FindContradictions(f.db(), {.by_proposition = false, .by_concept = true});
  REQUIRE(it.ok());
  REQUIRE((*it)->Valid());
  nlohmann::json j = query::ContradictionToJson((*it)->value(), (*it)->records());
  CHECK(j["level"] == "concept");
  CHECK(j["holder_level"] == "person");
  CHECK(j["proposition"]["text"] == "territorial concessions");
}

TEST_CASE("A concept adds nothing when every opposed pair already meets on one proposition",
          "[query]") {
  QueryFixture f;
  const Say c{.concept_name = "membership"};
  f.Doc("d")
      .Claim("A", +1, "Sweden joins Nato", "2024-01-01", c)
      .Claim("B", -1, "Sweden joins Nato", "2024-01-01", c)
      .Claim("A", +1, "Sweden becomes a member", "2024-01-02", c)
      .Write();
  auto found = All(f, {.by_concept = true, .evidence_per_holder = 0});
  REQUIRE(found.size() == 1);
  CHECK(found[0].level == query::ContradictionLevel::kProposition);
}

TEST_CASE("Mention filters decide which claims take part", "[query]") {
  QueryFixture f;
  f.Doc("d1", "Daily")
      .Claim("A", +1, "P", "2024-01-01")
      .Claim("B", -1, "P", "2024-01-02", {.hedged = true})
      .Claim("C", -1, "P", "2024-01-03", {.confidence = 0.3f})
      .Write();
  f.Doc("d2", "Weekly").Claim("D", -1, "P", "2024-01-04").Write();

  auto count = [&](query::Filter filter) {
    auto found = All(f, {.filter = filter, .evidence_per_holder = 0});
    return found.empty() ? uint64_t{0} : found[0].pairs;
  };
  CHECK(count({}) == 3);
  CHECK(count({.hedged = query::FlagFilter::kExclude}) == 2);
  CHECK(count({.hedged = query::FlagFilter::kOnly}) == 0);  // B alone
  CHECK(count({.min_confidence = 0.5f}) == 2);
  CHECK(count({.outlet = "Daily"}) == 2);
  CHECK(count({.made_to = T("2024-01-02")}) == 0);
}

TEST_CASE("The JSON line of a contradiction follows the export contract", "[query]") {
  QueryFixture f;
  f.Doc("d")
      .Claim("Turkey", -1, "Sweden joins Nato", "2023-01-24", {.quote = "Turkey blocks it."})
      .Claim("Finland", +1, "Sweden joins Nato", "2023-01-25")
      .Write();
  auto it = query::FindContradictions(f.db(), {});
  REQUIRE(it.ok());
  REQUIRE((*it)->Valid());
  nlohmann::json j = query::ContradictionToJson((*it)->value(), (*it)->records());
  CHECK(j["proposition"]["text"] == "Sweden joins Nato");
  CHECK(j["proposition"]["id"] == schema::FormatId(P("Sweden joins Nato")));
  REQUIRE(j["for"].size() == 1);
  CHECK(j["for"][0]["holder"]["name"] == "Finland");
  CHECK(j["against"][0]["holder"]["name"] == "Turkey");
  CHECK(j["against"][0]["claims"][0] ==
        schema::FormatId(schema::MakeClaimId(H("Turkey"), P("Sweden joins Nato"), -1)));
  CHECK(j["against"][0]["evidence"][0]["quote"] == "Turkey blocks it.");
  CHECK(j["against"][0]["evidence"][0]["time"] == "2023-01-24T00:00:00Z");
}

TEST_CASE("Since a sequence, only propositions new mentions touch are read, old sides included",
          "[query]") {
  QueryFixture f;
  f.Doc("old")
      .Claim("A", +1, "Old question", "2024-01-01")
      .Claim("B", -1, "Old question", "2024-01-01")
      .Claim("C", +1, "Reopened question", "2024-01-01")
      .Write();
  const uint64_t since = f.db().NextSequence();
  f.Doc("new").Claim("D", -1, "Reopened question", "2024-02-01").Write();
  REQUIRE(All(f, {}).size() == 2);

  auto fresh = All(f, {.since_sequence = since});
  REQUIRE(fresh.size() == 1);
  CHECK(fresh[0].proposition == P("Reopened question"));
  CHECK(Holders(fresh[0].for_side) == std::vector<schema::EntityId>{H("C")});
  CHECK(Holders(fresh[0].against_side) == std::vector<schema::EntityId>{H("D")});
}

TEST_CASE("Since a sequence with nothing new, no contradiction is found", "[query]") {
  QueryFixture f;
  f.Doc("old").Claim("A", +1, "P", "2024-01-01").Claim("B", -1, "P", "2024-01-01").Write();
  CHECK(All(f, {.since_sequence = f.db().NextSequence()}).empty());
}

TEST_CASE("Since a sequence, a proposition filter still limits what is read", "[query]") {
  QueryFixture f;
  const uint64_t since = f.db().NextSequence();
  f.Doc("new")
      .Claim("A", +1, "P", "2024-01-01")
      .Claim("B", -1, "P", "2024-01-01")
      .Claim("A", +1, "Q", "2024-01-01")
      .Claim("B", -1, "Q", "2024-01-01")
      .Write();
  query::ContradictionOptions o{.since_sequence = since};
  o.filter.propositions = {P("Q"), P("Untouched")};
  auto found = All(f, o);
  REQUIRE(found.size() == 1);
  CHECK(found[0].proposition == P("Q"));
}
