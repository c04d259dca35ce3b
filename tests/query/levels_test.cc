// Holders at a level: who speaks for whom.
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "query_fixture.h"
#include "stancegraph/query/claim_set.h"
#include "stancegraph/query/levels.h"

using namespace stancegraph;
using query::Level;
using testing::H;
using testing::P;
using testing::QueryFixture;
using testing::T;

namespace {

schema::Entity Country(const std::string& name) {
  return {.name = name, .type = schema::EntityType::kCountry};
}

schema::Entity Person(const std::string& name, std::vector<schema::Role> roles = {},
                      const std::string& nationality = "") {
  return {.name = name,
          .type = schema::EntityType::kPerson,
          .roles = std::move(roles),
          .parent = nationality.empty() ? 0 : H(nationality)};
}

schema::Role RoleOf(const std::string& title, const std::string& of, const std::string& from,
                    const std::string& to = "") {
  return {.title = title,
          .of = H(of),
          .from = from.empty() ? schema::kNoTime : T(from),
          .to = to.empty() ? schema::kNoTime : T(to)};
}

// Turkey and Sweden's Nato bid: a foreign minister (until June 2023), a
// president, a ministry, and an opposition leader who is Turkish but does
// not speak for Turkey.
void DefineTurkey(QueryFixture& f) {
  f.Define({Country("Turkey"),
            Country("Finland"),
            {.name = "Republican People's Party", .type = schema::EntityType::kOrganisation},
            {.name = "Turkish Foreign Ministry",
             .type = schema::EntityType::kGovernment,
             .parent = H("Turkey")},
            Person("Mevlut Cavusoglu",
                   {RoleOf("foreign minister", "Turkey", "2015-11-24", "2023-06-04")}, "Turkey"),
            Person("Recep Erdogan", {RoleOf("president", "Turkey", "2014-08-28")}, "Turkey"),
            Person("Kemal Kilicdaroglu",
                   {RoleOf("party leader", "Republican People's Party", "2010-05-22")}, "Turkey")});
}

std::vector<schema::EntityId> Sorted(std::vector<schema::EntityId> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("A holder's side at a level follows the roles valid when it spoke", "[query][levels]") {
  QueryFixture f;
  DefineTurkey(f);
  query::LevelResolver levels(f.db());
  auto side = [&](const std::string& holder, const std::string& when, Level level) {
    auto s = levels.SideOf(H(holder), when.empty() ? schema::kNoTime : T(when), level);
    REQUIRE(s.ok());
    return *s;
  };
  // The foreign minister speaks for Turkey while in office, then for himself.
  CHECK(side("Mevlut Cavusoglu", "2023-01-24", Level::kState) == H("Turkey"));
  CHECK(side("Mevlut Cavusoglu", "2023-07-01", Level::kState) == H("Mevlut Cavusoglu"));
  CHECK(side("Mevlut Cavusoglu", "2023-01-24", Level::kPerson) == H("Mevlut Cavusoglu"));
  // A role of a country makes no organisation.
  CHECK(side("Mevlut Cavusoglu", "2023-01-24", Level::kOrganisation) == H("Mevlut Cavusoglu"));
  // Without a date only a role still held counts.
  CHECK(side("Recep Erdogan", "", Level::kState) == H("Turkey"));
  CHECK(side("Mevlut Cavusoglu", "", Level::kState) == H("Mevlut Cavusoglu"));
  // A ministry is itself as an organisation and its country as a state.
  CHECK(side("Turkish Foreign Ministry", "2023-01-24", Level::kOrganisation) ==
        H("Turkish Foreign Ministry"));
  CHECK(side("Turkish Foreign Ministry", "2023-01-24", Level::kState) == H("Turkey"));
  CHECK(side("Turkey", "2023-01-24", Level::kState) == H("Turkey"));
  // The opposition leader belongs to his party, and is not the state: his
  // nationality alone does not make him speak for it.
  CHECK(side("Kemal Kilicdaroglu", "2023-02-01", Level::kOrganisation) ==
        H("Republican People's Party"));
  CHECK(side("Kemal Kilicdaroglu", "2023-02-01", Level::kState) == H("Kemal Kilicdaroglu"));
  // A holder the store does not know is itself.
  CHECK(side("Nobody", "2023-02-01", Level::kState) == H("Nobody"));

  auto members = levels.Members(Level::kState);
  REQUIRE(members.ok());
  CHECK((*members)->MembersOf(H("Turkey")) ==
        Sorted({H("Mevlut Cavusoglu"), H("Recep Erdogan"), H("Turkish Foreign Ministry")}));
  CHECK_FALSE((*members)->IsInvolved(H("Kemal Kilicdaroglu")));
  CHECK(query::ParseLevel("organization") == Level::kOrganisation);
  CHECK_FALSE(query::ParseLevel("concept").has_value());
}

TEST_CASE("A view at the state level keeps who spoke behind each side", "[query][levels]") {
  QueryFixture f;
  DefineTurkey(f);
  f.Doc("d")
      .Claim("Mevlut Cavusoglu", -1, "Sweden joins Nato", "2023-01-24")
      .Claim("Mevlut Cavusoglu", -1, "Sweden joins Nato", "2023-07-01")
      .Claim("Kemal Kilicdaroglu", +1, "Sweden joins Nato", "2023-02-01")
      .Write();
  query::LevelResolver levels(f.db());
  const query::ViewMapping state{.level = Level::kState, .resolver = &levels};
  // Sides named: the state; the minister after leaving office speaks for
  // himself. The filter's holders are sides.
  auto set = query::ClaimSet::Build(f.db(), {.holders = {H("Turkey")}}, false, state);
  REQUIRE(set.ok());
  REQUIRE(set->size() == 1);
  const query::ClaimStat& c = set->claims()[0];
  CHECK(c.holder == H("Turkey"));
  CHECK(query::SpeakerOf(c) == H("Mevlut Cavusoglu"));
  CHECK(query::StoredClaimOf(c) ==
        schema::MakeClaimId(H("Mevlut Cavusoglu"), P("Sweden joins Nato"), -1));
  CHECK(c.mentions == 1);
  auto all = query::ClaimSet::Build(f.db(), {}, false, state);
  REQUIRE(all.ok());
  std::vector<schema::EntityId> sides;
  for (const auto& x : all->claims()) sides.push_back(x.holder);
  CHECK(Sorted(sides) ==
        Sorted({H("Turkey"), H("Mevlut Cavusoglu"), H("Kemal Kilicdaroglu")}));
  // As named, nothing is mapped.
  auto named = query::ClaimSet::Build(f.db(), {});
  REQUIRE(named.ok());
  for (const auto& x : named->claims()) CHECK(x.speaker == 0);
}
