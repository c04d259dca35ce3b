// Holders at a level: who speaks for whom, reversals of a state made by its
// people, contradictions grouped by state.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <random>
#include <vector>

#include "query_fixture.h"
#include "stancegraph/query/claim_set.h"
#include "stancegraph/query/aggregates.h"
#include "stancegraph/query/changes.h"
#include "stancegraph/query/contradictions.h"
#include "stancegraph/query/json.h"
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

TEST_CASE("A government that changes its position through different people reversed itself",
          "[query][levels]") {
  QueryFixture f;
  DefineTurkey(f);
  f.Doc("jan")
      .Claim("Mevlut Cavusoglu", -1, "Sweden joins Nato", "2023-01-24",
             {.quote = "Cavusoglu said Sweden's bid cannot go ahead."})
      .Write();
  f.Doc("feb").Claim("Kemal Kilicdaroglu", +1, "Sweden joins Nato", "2023-02-01").Write();
  f.Doc("jul")
      .Claim("Recep Erdogan", +1, "Sweden joins Nato", "2023-07-11",
             {.quote = "Erdogan agreed to back Sweden's bid."})
      .Write();

  // As named, nobody changed position.
  CHECK(Reversals(f, {.level = Level::kPerson}).empty());

  // At the state level, and by default, Turkey did; the opposition leader
  // is no part of it.
  for (const std::optional<Level> level :
       {std::optional<Level>(Level::kState), std::optional<Level>()}) {
    auto found = Reversals(f, {.level = level});
    REQUIRE(found.size() == 1);
    const query::Reversal& r = found[0];
    CHECK(r.level == Level::kState);
    CHECK(r.holder == H("Turkey"));
    CHECK(r.from.polarity == -1);
    CHECK(r.from.last_made == T("2023-01-24"));
    CHECK(r.from.speakers == std::vector<schema::EntityId>{H("Mevlut Cavusoglu")});
    CHECK(r.to.polarity == 1);
    CHECK(r.to.first_made == T("2023-07-11"));
    CHECK(r.to.speakers == std::vector<schema::EntityId>{H("Recep Erdogan")});
  }

  auto it = query::FindReversals(f.db(), {});
  REQUIRE(it.ok());
  REQUIRE((*it)->Valid());
  nlohmann::json j = query::ReversalToJson((*it)->value(), (*it)->records());
  CHECK(j["holder"]["name"] == "Turkey");
  CHECK(j["level"] == "state");
  CHECK(j["proposition"]["text"] == "Sweden joins Nato");
  CHECK(j["from"]["polarity"] == -1);
  CHECK(j["from"]["time"] == "2023-01-24T00:00:00Z");
  CHECK(j["from"]["holders"][0]["name"] == "Mevlut Cavusoglu");
  CHECK(j["from"]["claims"][0] ==
        schema::FormatId(schema::MakeClaimId(H("Mevlut Cavusoglu"), P("Sweden joins Nato"), -1)));
  CHECK(j["from"]["evidence"][0]["quote"] == "Cavusoglu said Sweden's bid cannot go ahead.");
  CHECK(j["to"]["polarity"] == 1);
  CHECK(j["to"]["time"] == "2023-07-11T00:00:00Z");
  CHECK(j["to"]["holders"][0]["name"] == "Recep Erdogan");
}

TEST_CASE("A person who flipped is a person-level reversal, not also the state's",
          "[query][levels]") {
  QueryFixture f;
  DefineTurkey(f);
  f.Doc("a")
      .Claim("Recep Erdogan", -1, "Sweden joins Nato", "2023-01-20")
      .Claim("Mevlut Cavusoglu", -1, "Sweden joins Nato", "2023-01-24")
      .Write();
  f.Doc("b").Claim("Recep Erdogan", +1, "Sweden joins Nato", "2023-07-11").Write();
  auto found = Reversals(f);
  REQUIRE(found.size() == 1);
  CHECK(found[0].level == Level::kPerson);
  CHECK(found[0].holder == H("Recep Erdogan"));
  CHECK(found[0].from.last_made == T("2023-01-20"));
  // Asked at the state level, Turkey's timeline has the change too.
  auto state = Reversals(f, {.level = Level::kState});
  REQUIRE(state.size() == 1);
  CHECK(state[0].holder == H("Turkey"));
  CHECK(state[0].from.speakers == Sorted({H("Recep Erdogan"), H("Mevlut Cavusoglu")}));
}

TEST_CASE("A reversal of a state within one day is not reported", "[query][levels]") {
  QueryFixture f;
  DefineTurkey(f);
  // The minister and the president contradict each other on one day: the
  // state's stance that day is undecided, not changed.
  f.Doc("d")
      .Claim("Mevlut Cavusoglu", -1, "Sweden joins Nato", "2023-03-01T08:00:00Z")
      .Claim("Recep Erdogan", +1, "Sweden joins Nato", "2023-03-01T17:00:00Z")
      .Write();
  CHECK(Reversals(f, {.level = Level::kState}).empty());
  CHECK(Reversals(f).empty());
}

TEST_CASE("Contradictions at the state level group holders by state", "[query][levels]") {
  QueryFixture f;
  DefineTurkey(f);
  f.Doc("d")
      .Claim("Mevlut Cavusoglu", -1, "Sweden joins Nato", "2023-01-24")
      .Claim("Finland", +1, "Sweden joins Nato", "2023-01-25")
      .Claim("Kemal Kilicdaroglu", +1, "Sweden joins Nato", "2023-02-01")
      .Claim("Turkey", -1, "Sweden joins Nato", "2023-02-02")
      .Write();
  f.Doc("e").Claim("Recep Erdogan", +1, "Sweden joins Nato", "2023-07-11").Write();

  // As named: for {Finland, Kilicdaroglu, Erdogan} × against {Cavusoglu, Turkey}.
  auto named = Contradictions(f);
  REQUIRE(named.size() == 1);
  CHECK(named[0].holder_level == Level::kPerson);
  CHECK(named[0].pairs == 6);

  // As states: Erdogan and Cavusoglu are Turkey, which is on both sides and
  // never opposes itself; Kilicdaroglu stays himself.
  auto states = Contradictions(f, {.level = Level::kState});
  REQUIRE(states.size() == 1);
  const query::Contradiction& c = states[0];
  CHECK(c.holder_level == Level::kState);
  CHECK(c.pairs == 2);  // Finland–Turkey, Kilicdaroglu–Turkey
  CHECK(c.self_contradicting == std::vector<schema::EntityId>{H("Turkey")});
  std::vector<schema::EntityId> against;
  for (const auto& s : c.against_side) against.push_back(s.holder);
  CHECK(against == std::vector<schema::EntityId>{H("Turkey")});
  REQUIRE(c.against_side.size() == 1);
  CHECK(c.against_side[0].speakers == Sorted({H("Turkey"), H("Mevlut Cavusoglu")}));
  CHECK(c.against_side[0].claims.size() == 2);
  CHECK(c.against_side[0].evidence.size() == 2);
  for (const auto& s : c.for_side) {
    if (s.holder == H("Turkey")) {
      CHECK(s.speakers == std::vector<schema::EntityId>{H("Recep Erdogan")});
    }
  }

  // The holder filter names states: Turkey takes in its people.
  query::ContradictionOptions only_turkey{.level = Level::kState};
  only_turkey.filter.holders = {H("Turkey"), H("Finland")};
  auto narrowed = Contradictions(f, only_turkey);
  REQUIRE(narrowed.size() == 1);
  CHECK(narrowed[0].pairs == 1);  // Finland–Turkey
}

TEST_CASE("A person and their own state never oppose each other at the state level",
          "[query][levels]") {
  QueryFixture f;
  DefineTurkey(f);
  f.Doc("d")
      .Claim("Turkey", -1, "Sweden joins Nato", "2023-01-24")
      .Claim("Recep Erdogan", +1, "Sweden joins Nato", "2023-07-11")
      .Write();
  CHECK(Contradictions(f).size() == 1);
  CHECK(Contradictions(f, {.level = Level::kState}).empty());
  // Organisation level: a role of a country makes no organisation, so both
  // stay apart there.
  CHECK(Contradictions(f, {.level = Level::kOrganisation}).size() == 1);
}

namespace {

// A random store with people whose roles start and end at midnight, a
// ministry, a party and holders without entity records.
std::vector<std::string> DefineWorld(QueryFixture& f) {
  f.Define(
      {Country("Aland"),
       Country("Borduria"),
       {.name = "Aland Ministry", .type = schema::EntityType::kGovernment, .parent = H("Aland")},
       {.name = "Green Party", .type = schema::EntityType::kOrganisation},
       Person("Ana", {RoleOf("president", "Aland", "2024-01-01")}),
       Person("Bo", {RoleOf("minister", "Aland Ministry", "2024-02-01", "2024-05-01")}),
       Person("Cy", {RoleOf("minister", "Aland", "2024-01-01", "2024-04-01"),
                     RoleOf("leader", "Green Party", "2024-04-01")}),
       Person("Di", {RoleOf("president", "Borduria", "2024-03-01")}),
       Person("Ed", {RoleOf("member", "Green Party", "")})});
  return {"Aland", "Borduria", "Aland Ministry", "Green Party", "Ana", "Bo", "Cy", "Di", "Ed",
          "X1",    "X2"};
}

struct ReversalKey {
  Level level;
  schema::EntityId holder;
  schema::PropositionId prop;
  schema::Timestamp from_last, to_first;
  int8_t from_polarity;
  auto operator<=>(const ReversalKey&) const = default;
};

ReversalKey KeyOf(const query::Reversal& r) {
  return {r.level, r.holder, r.proposition, r.from.last_made, r.to.first_made, r.from.polarity};
}

int64_t Day(schema::Timestamp t) { return t / 86'400'000'000 - (t % 86'400'000'000 < 0 ? 1 : 0); }

// The reversals of the whole store whose day before or after the change
// holds a for or against mention of sequence >= since, spoken for the
// reversal's holder at its level.
std::vector<ReversalKey> TouchingNew(QueryFixture& f, const std::vector<query::Reversal>& all,
                                     uint64_t since) {
  std::vector<engine::MentionRef> fresh;
  auto it = f.db().ScanAllByHolder();
  for (; it->Valid(); it->Next()) {
    if (it->ref().sequence >= since && it->ref().polarity != 0) fresh.push_back(it->ref());
  }
  REQUIRE(it->status().ok());
  query::LevelResolver levels(f.db());
  std::vector<ReversalKey> out;
  for (const query::Reversal& r : all) {
    bool touches = false;
    for (const engine::MentionRef& m : fresh) {
      if (m.proposition != r.proposition) continue;
      const bool on_from = Day(m.made) == Day(r.from.last_made) && m.polarity == r.from.polarity;
      const bool on_to = Day(m.made) == Day(r.to.first_made) && m.polarity == r.to.polarity;
      if (!on_from && !on_to) continue;
      auto side = levels.SideOf(m.holder, m.made, r.level);
      REQUIRE(side.ok());
      if (*side == r.holder) touches = true;
    }
    if (touches) out.push_back(KeyOf(r));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<ReversalKey> Keys(const std::vector<query::Reversal>& found) {
  std::vector<ReversalKey> out;
  for (const auto& r : found) out.push_back(KeyOf(r));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("Reversals since a point are the full reversals with a new mention next to the change",
          "[query][levels][incremental]") {
  QueryFixture f;
  const std::vector<std::string> holders = DefineWorld(f);
  std::mt19937 rng(20240601);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::vector<uint64_t> marks;
  for (int round = 0; round < 12; ++round) {
    marks.push_back(f.db().NextSequence());
    for (int d = 0; d < 3; ++d) {
      auto doc = f.Doc("wire");
      for (int c = 1 + pick(5); c > 0; --c) {
        char when[32];
        std::snprintf(when, sizeof when, "2024-0%d-%02dT%02d:00:00Z", 1 + pick(6), 1 + pick(28),
                      pick(24));
        doc.Claim(holders[pick(static_cast<int>(holders.size()))], pick(3) - 1,
                  "P" + std::to_string(pick(2)), when);
      }
      doc.Write();
    }
  }
  const std::vector<std::optional<Level>> levels = {std::nullopt, Level::kPerson,
                                                    Level::kOrganisation, Level::kState};
  for (const std::optional<Level>& level : levels) {
    INFO("level " << (level ? query::LevelName(*level) : "auto"));
    const std::vector<query::Reversal> all = Reversals(f, {.level = level});
    CHECK_FALSE(all.empty());
    size_t some = 0;
    for (uint64_t since : marks) {
      if (since == 0) continue;
      INFO("since " << since);
      const std::vector<ReversalKey> fresh =
          Keys(Reversals(f, {.since_sequence = since, .level = level}));
      CHECK(fresh == TouchingNew(f, all, since));
      some += !fresh.empty() && fresh.size() < all.size();
    }
    CHECK(some > 0);
  }
  // Auto finds the state's own reversals besides everyone's own.
  bool state_level = false;
  for (const auto& r : Reversals(f)) state_level |= r.level != Level::kPerson;
  CHECK(state_level);
  // The count of new reversals is the number reported as named.
  for (uint64_t since : marks) {
    if (since == 0) continue;
    auto inc = query::CountSince(f.db(), since);
    REQUIRE(inc.ok());
    CHECK(inc->new_reversals ==
          Reversals(f, {.since_sequence = since, .level = Level::kPerson}).size());
  }
}
