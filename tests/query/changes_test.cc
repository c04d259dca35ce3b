#include <catch2/catch.hpp>

#include <vector>

#include "query_fixture.h"
#include "stancegraph/query/aggregates.h"
#include "stancegraph/query/changes.h"
#include "stancegraph/query/json.h"

using namespace stancegraph;
using testing::H;
using testing::P;
using testing::QueryFixture;
using testing::T;

namespace {

std::vector<query::Reversal> All(QueryFixture& f, const query::ChangeOptions& o = {}) {
  auto it = query::FindReversals(f.db(), o);
  REQUIRE(it.ok());
  std::vector<query::Reversal> out;
  for (; (*it)->Valid(); (*it)->Next()) out.push_back((*it)->value());
  REQUIRE((*it)->status().ok());
  return out;
}

}  // namespace

TEST_CASE("A reversal says when the old position was last and the new one first seen",
          "[query]") {
  QueryFixture f;
  f.Doc("d1")
      .Claim("Turkey", -1, "Sweden joins Nato", "2023-01-24")
      .Claim("Turkey", -1, "Sweden joins Nato", "2023-03-01")
      .Write();
  f.Doc("d2").Claim("Turkey", +1, "Sweden joins Nato", "2023-07-11").Write();
  auto found = All(f);
  REQUIRE(found.size() == 1);
  const query::Reversal& r = found[0];
  CHECK(r.holder == H("Turkey"));
  CHECK(r.proposition == P("Sweden joins Nato"));
  CHECK(r.from.polarity == -1);
  CHECK(r.from.mentions == 2);
  CHECK(r.from.first_made == T("2023-01-24"));
  CHECK(r.from.last_made == T("2023-03-01"));
  CHECK(r.to.polarity == 1);
  CHECK(r.to.first_made == T("2023-07-11"));
  REQUIRE(r.before.size() == 1);
  CHECK(r.before[0].made == T("2023-03-01"));  // the latest of the old position
  REQUIRE(r.after.size() == 1);
  CHECK(r.after[0].made == T("2023-07-11"));

  auto it = query::FindReversals(f.db(), {});
  REQUIRE(it.ok());
  nlohmann::json j = query::ReversalToJson((*it)->value(), (*it)->records());
  CHECK(j["holder"]["name"] == "Turkey");
  CHECK(j["proposition"]["text"] == "Sweden joins Nato");
  CHECK(j["from"]["polarity"] == -1);
  CHECK(j["from"]["time"] == "2023-03-01T00:00:00Z");
  CHECK(j["to"]["polarity"] == 1);
  CHECK(j["to"]["time"] == "2023-07-11T00:00:00Z");
  CHECK(j["to"]["claims"][0] ==
        schema::FormatId(schema::MakeClaimId(H("Turkey"), P("Sweden joins Nato"), 1)));
}

TEST_CASE("Opposite stances within one day are not a reversal", "[query]") {
  QueryFixture f;
  // One article quoting both sides of A, and B restating itself the same day.
  f.Doc("d")
      .Claim("A", +1, "P", "2024-01-01T08:00:00Z")
      .Claim("A", -1, "P", "2024-01-01T09:00:00Z")
      .Claim("A", -1, "P", "2024-01-01T23:59:59Z")
      .Claim("B", +1, "P", "2024-01-01T08:00:00Z")
      .Claim("B", +1, "P", "2024-01-01T20:00:00Z")
      .Write();
  CHECK(All(f).empty());
  // A's undecided day neither makes nor breaks a reversal across it.
  f.Doc("e").Claim("A", +1, "P", "2023-12-31").Claim("A", -1, "P", "2024-01-02").Write();
  auto found = All(f);
  REQUIRE(found.size() == 1);
  CHECK(found[0].holder == H("A"));
  CHECK(found[0].from.polarity == 1);
  CHECK(found[0].from.last_made == T("2023-12-31"));
  CHECK(found[0].to.polarity == -1);
  CHECK(found[0].to.first_made == T("2024-01-02"));
  // The same rule counts reversals in aggregates.
  auto counted = query::CountChanges(f.db(), {}, /*count_events=*/true);
  REQUIRE(counted.ok());
  CHECK(counted->reversals == 1);
  CHECK(counted->flipped_pairs == 1);  // Q2: A took both sides
}

TEST_CASE("Repeats of a stance on later days join its run", "[query]") {
  QueryFixture f;
  f.Doc("d")
      .Claim("A", +1, "P", "2024-01-01")
      .Claim("A", -1, "P", "2024-01-02")
      .Claim("A", -1, "P", "2024-01-02")
      .Write();
  auto found = All(f);
  REQUIRE(found.size() == 1);
  CHECK(found[0].from.polarity == 1);
  CHECK(found[0].to.polarity == -1);
  CHECK(found[0].to.mentions == 2);
}

TEST_CASE("Neutral mentions neither make nor break a reversal", "[query]") {
  QueryFixture f;
  f.Doc("d")
      .Claim("A", +1, "P", "2024-01-01")
      .Claim("A", 0, "P", "2024-01-02")
      .Claim("A", +1, "P", "2024-01-03")
      .Claim("B", +1, "P", "2024-01-01")
      .Claim("B", 0, "P", "2024-01-02")
      .Claim("B", -1, "P", "2024-01-03")
      .Write();
  auto found = All(f);
  REQUIRE(found.size() == 1);
  CHECK(found[0].holder == H("B"));
}

TEST_CASE("Only reversals touching new mentions are reported since a sequence", "[query]") {
  QueryFixture f;
  f.Doc("old").Claim("A", +1, "P", "2024-01-01").Claim("A", -1, "P", "2024-02-01").Write();
  f.Doc("old2").Claim("B", +1, "P", "2024-01-01").Write();
  const uint64_t since = f.db().NextSequence();
  f.Doc("new").Claim("B", -1, "P", "2024-03-01").Write();
  CHECK(All(f).size() == 2);
  auto fresh = All(f, {.since_sequence = since});
  REQUIRE(fresh.size() == 1);
  CHECK(fresh[0].holder == H("B"));
  CHECK(fresh[0].to.newest_sequence >= since);
}

TEST_CASE("A time window cuts timelines at its edges", "[query]") {
  QueryFixture f;
  f.Doc("d")
      .Claim("A", +1, "P", "2024-01-01")
      .Claim("A", -1, "P", "2024-02-01")
      .Claim("A", +1, "P", "2024-03-01")
      .Write();
  // [2024-02-01, 2024-03-01): only the − mention: no reversal.
  CHECK(All(f, {.filter = {.made_from = T("2024-02-01"), .made_to = T("2024-03-01")}}).empty());
  // [2024-02-01, 2024-03-01T00:00:01): − then +.
  auto found =
      All(f, {.filter = {.made_from = T("2024-02-01"), .made_to = T("2024-03-01T00:00:01Z")}});
  REQUIRE(found.size() == 1);
  CHECK(found[0].from.polarity == -1);

  auto runs = query::Timeline(f.db(), H("A"), P("P"));
  REQUIRE(runs.ok());
  REQUIRE(runs->size() == 3);
  CHECK((*runs)[1].polarity == -1);
  CHECK((*runs)[1].first_made == T("2024-02-01"));
}

TEST_CASE("Stance per week starts weeks on Monday and per month on the first", "[query]") {
  CHECK(query::PeriodStart(T("2024-01-03T12:00:00Z"), query::Period::kWeek) == T("2024-01-01"));
  CHECK(query::PeriodStart(T("2024-01-01T00:00:00Z"), query::Period::kWeek) == T("2024-01-01"));
  CHECK(query::PeriodStart(T("2023-12-31T23:59:59Z"), query::Period::kWeek) == T("2023-12-25"));
  CHECK(query::PeriodStart(T("2024-02-29T10:00:00Z"), query::Period::kMonth) == T("2024-02-01"));
  CHECK(query::PeriodStart(T("1969-12-31T23:00:00Z"), query::Period::kDay) == T("1969-12-31"));

  QueryFixture f;
  f.Doc("d")
      .Claim("A", +1, "P", "2024-01-01")
      .Claim("A", -1, "P", "2024-01-07T23:59:59Z")
      .Claim("A", -1, "P", "2024-01-08")
      .Claim("B", +1, "P", "2024-01-02")
      .Write();
  auto cells = query::StanceByPeriod(f.db(), P("P"), query::Period::kWeek);
  REQUIRE(cells.ok());
  REQUIRE(cells->size() == 3);
  // Week of 2024-01-01: A is tied (one for, one against), B for.
  const auto& a1 = (*cells)[0].holder == H("A") ? (*cells)[0] : (*cells)[1];
  CHECK(a1.period_start == T("2024-01-01"));
  CHECK(a1.for_mentions == 1);
  CHECK(a1.against_mentions == 1);
  CHECK(a1.net() == 0);
  CHECK((*cells)[2].period_start == T("2024-01-08"));
  CHECK((*cells)[2].net() == -1);
}
