// Golden tests of `stancegraph query ...` and `stancegraph export network`:
// a small database written through the engine, the command run as a user
// would, its output compared.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "nlohmann/json.hpp"
#include "query/query_fixture.h"

using stancegraph::testing::QueryFixture;
using stancegraph::testing::Say;

namespace {

struct Output {
  int exit_code = -1;
  std::string out;
};

Output RunCli(const std::string& args) {
  const std::string cmd = std::string(SG_BINARY_DIR) + "/cli/stancegraph " + args + " 2>/dev/null";
  Output o;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf;
  while (size_t n = fread(buf.data(), 1, buf.size(), p)) o.out.append(buf.data(), n);
  const int status = pclose(p);
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return o;
}

std::string LastLine(const std::string& s) {
  std::string t = s;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return t.substr(t.rfind('\n') == std::string::npos ? 0 : t.rfind('\n') + 1);
}

// Sweden's Nato bid: Turkey against then for; Finland for; Hungary against.
std::string Seed(QueryFixture& f) {
  f.Doc("a", "Wire")
      .Claim("Turkey", -1, "Sweden joins Nato", "2023-01-24", {.quote = "Turkey blocks it."})
      .Claim("Finland", +1, "Sweden joins Nato", "2023-01-25")
      .Claim("Hungary", -1, "Sweden joins Nato", "2023-02-01")
      .Write();
  f.Doc("b", "Wire").Claim("Turkey", +1, "Sweden joins Nato", "2023-07-11").Write();
  return f.db().path();
}

}  // namespace

TEST_CASE("query contradictions prints a table, counts and the JSON lines contract", "[cli]") {
  QueryFixture f;
  const std::string db = "--db " + Seed(f);
  Output table = RunCli("query contradictions " + db);
  CHECK(table.exit_code == 0);
  CHECK(table.out ==
        "level        proposition        for              against          pairs  self\n"
        "proposition  Sweden joins Nato  Finland; Turkey  Hungary; Turkey  3      Turkey\n");

  Output count = RunCli("query contradictions --count-pairs " + db);
  CHECK(count.exit_code == 0);
  CHECK(LastLine(count.out) == "3");  // Finland–Hungary, Finland–Turkey, Turkey–Hungary

  Output lines = RunCli("query contradictions --format jsonl " + db);
  REQUIRE(lines.exit_code == 0);
  auto j = nlohmann::json::parse(lines.out);
  CHECK(j["proposition"]["text"] == "Sweden joins Nato");
  CHECK(j["for"].size() == 2);
  CHECK(j["against"].size() == 2);
  CHECK(j["self_contradicting"][0]["name"] == "Turkey");
}

TEST_CASE("query changes prints reversals and the count of flipped pairs", "[cli]") {
  QueryFixture f;
  const std::string db = "--db " + Seed(f);
  Output count = RunCli("query changes --count " + db);
  CHECK(count.exit_code == 0);
  CHECK(LastLine(count.out) == "1");

  Output lines = RunCli("query changes --format jsonl " + db);
  REQUIRE(lines.exit_code == 0);
  auto j = nlohmann::json::parse(lines.out);
  CHECK(j["holder"]["name"] == "Turkey");
  CHECK(j["proposition"]["text"] == "Sweden joins Nato");
  CHECK(j["from"]["polarity"] == -1);
  CHECK(j["from"]["time"] == "2023-01-24T00:00:00Z");
  CHECK(j["to"]["polarity"] == 1);
  CHECK(j["to"]["time"] == "2023-07-11T00:00:00Z");
  CHECK(j["from"]["evidence"][0]["quote"] == "Turkey blocks it.");

  Output table = RunCli("query changes " + db);
  CHECK(
      table.out ==
      "level   holder  proposition        from  until                 to  since\n"
      "person  Turkey  Sweden joins Nato  -1    2023-01-24T00:00:00Z  +1  2023-07-11T00:00:00Z\n");

  Output timeline =
      RunCli("query changes --timeline --holder Turkey --proposition 'Sweden joins Nato' --format csv " + db);
  CHECK(timeline.exit_code == 0);
  CHECK(timeline.out.find("-1,2023-01-24T00:00:00Z,2023-01-24T00:00:00Z,1,") != std::string::npos);
}

// The same bid, said by Turkey's people: a foreign minister against in
// January, the president for in July; Finland for.
std::string SeedPeople(QueryFixture& f) {
  using stancegraph::testing::H;
  using stancegraph::testing::T;
  namespace schema = stancegraph::schema;
  f.Define({{.name = "Turkey", .type = schema::EntityType::kCountry},
            {.name = "Mevlut Cavusoglu",
             .type = schema::EntityType::kPerson,
             .roles = {{.title = "foreign minister", .of = H("Turkey"), .from = T("2015-11-24")}}},
            {.name = "Recep Erdogan",
             .type = schema::EntityType::kPerson,
             .roles = {{.title = "president", .of = H("Turkey"), .from = T("2014-08-28")}}}});
  f.Doc("a", "Wire")
      .Claim("Mevlut Cavusoglu", -1, "Sweden joins Nato", "2023-01-24")
      .Claim("Finland", +1, "Sweden joins Nato", "2023-01-25")
      .Write();
  f.Doc("b", "Wire").Claim("Recep Erdogan", +1, "Sweden joins Nato", "2023-07-11").Write();
  return f.db().path();
}

TEST_CASE("query --level reads holders as named or as the state they spoke for", "[cli]") {
  QueryFixture f;
  const std::string db = "--db " + SeedPeople(f);
  Output changes = RunCli("query changes " + db);
  CHECK(changes.exit_code == 0);
  CHECK(changes.out ==
        "level  holder                                     proposition        from  until     "
        "            to  since\n"
        "state  Turkey (Mevlut Cavusoglu → Recep Erdogan)  Sweden joins Nato  -1    "
        "2023-01-24T00:00:00Z  +1  2023-07-11T00:00:00Z\n");
  CHECK(RunCli("query changes --level person " + db).out.find("Turkey") == std::string::npos);
  Output lines = RunCli("query changes --format jsonl " + db);
  auto j = nlohmann::json::parse(lines.out);
  CHECK(j["holder"]["name"] == "Turkey");
  CHECK(j["level"] == "state");
  CHECK(j["from"]["holders"][0]["name"] == "Mevlut Cavusoglu");
  CHECK(j["to"]["holders"][0]["name"] == "Recep Erdogan");

  // Contradictions: as named by default; as states, Turkey on both sides.
  Output named = RunCli("query contradictions --format jsonl " + db);
  auto c = nlohmann::json::parse(named.out);
  CHECK(c["holder_level"] == "person");
  CHECK(c["pairs"] == 2);
  Output state = RunCli("query contradictions --level state " + db);
  CHECK(state.exit_code == 0);
  CHECK(state.out ==
        "level        proposition        for                              against"
        "                    pairs  self\n"
        "proposition  Sweden joins Nato  Finland; Turkey (Recep Erdogan)  Turkey (Mevlut "
        "Cavusoglu)  1      Turkey\n");

  // Counts are of holders as named; old --level values are refused.
  CHECK(RunCli("query contradictions --count-pairs --level state " + db).exit_code == 2);  // usage
  CHECK(RunCli("query contradictions --level concept " + db).exit_code == 2);

  Output agree = RunCli("query agreements --level state --format jsonl " + db);
  CHECK(agree.exit_code == 0);
  CHECK(agree.out.find("\"Turkey\"") != std::string::npos);
  CHECK(agree.out.find("Recep Erdogan") == std::string::npos);
}

TEST_CASE("query contradictions lists concept-level results only with --by-concept", "[cli]") {
  QueryFixture f;
  const Say c{.concept_name = "territorial concessions"};
  f.Doc("d")
      .Claim("Trump", +1, "Ukraine gives up boundaries", "2025-08-15", c)
      .Claim("Ukraine", -1, "Ukraine cedes territory", "2025-08-15", c)
      .Write();
  const std::string db = "--db " + f.db().path();
  Output plain = RunCli("query contradictions --format jsonl " + db);
  CHECK(plain.exit_code == 0);
  CHECK(plain.out.empty());
  Output asked = RunCli("query contradictions --by-concept --format jsonl " + db);
  CHECK(asked.exit_code == 0);
  auto j = nlohmann::json::parse(asked.out);
  CHECK(j["level"] == "concept");
  CHECK(j["proposition"]["text"] == "territorial concessions");
  Output net = RunCli("export network --kind conflict --format csv --by-concept " + db);
  CHECK(std::count(net.out.begin(), net.out.end(), '\n') == 2);  // header + Trump–Ukraine
}

TEST_CASE("query claims, agreements and path answer from the same view", "[cli]") {
  QueryFixture f;
  const std::string db = "--db " + Seed(f);
  Output claims = RunCli("query claims --holder Turkey --format csv " + db);
  CHECK(claims.exit_code == 0);
  CHECK(claims.out.rfind(
            "holder,polarity,proposition,mentions,first,last,claim,linked_to,link_sign,link_reason\n",
            0) == 0);
  CHECK(claims.out.find("Turkey,-1,Sweden joins Nato,1,2023-01-24T00:00:00Z") != std::string::npos);
  CHECK(claims.out.find("Turkey,+1,Sweden joins Nato,1,2023-07-11T00:00:00Z") != std::string::npos);

  Output agree = RunCli("query agreements --format jsonl " + db);
  CHECK(agree.exit_code == 0);
  // Finland and Turkey (for), Hungary and Turkey (against).
  CHECK(std::count(agree.out.begin(), agree.out.end(), '\n') == 2);

  Output path = RunCli("query path --between Finland --and Hungary " + db);
  CHECK(path.exit_code == 0);
  CHECK(path.out == "Finland conflicts with Hungary (agree 0, conflict 1)\n");

  Output missing = RunCli("query claims --holder Nobody " + db);
  CHECK(missing.exit_code == 1);
  Output usage = RunCli("query contradictions --format xml " + db);
  CHECK(usage.exit_code == 2);
}

TEST_CASE("export network writes GraphML, DOT and CSV", "[cli]") {
  QueryFixture f;
  const std::string db = "--db " + Seed(f);
  Output graphml = RunCli("export network --kind conflict --format graphml " + db);
  CHECK(graphml.exit_code == 0);
  CHECK(graphml.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml", 0) == 0);
  CHECK(graphml.out.find("<data key=\"label\">Hungary</data>") != std::string::npos);
  CHECK(std::count(graphml.out.begin(), graphml.out.end(), '\n') > 20);

  Output dot = RunCli("export network --kind signed --format dot " + db);
  CHECK(dot.out.rfind("graph \"signed\" {", 0) == 0);
  CHECK(dot.out.find("-- ") != std::string::npos);

  Output csv = RunCli("export network --kind conflict --format csv " + db);
  CHECK(csv.out.rfind("Source,Target,Type,Weight,Agree,Conflict,Sign,SourceLabel,TargetLabel", 0) == 0);
  CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 4);  // header + 3 conflict edges

  Output bip = RunCli("export network --kind bipartite --format csv " + db);
  CHECK(std::count(bip.out.begin(), bip.out.end(), '\n') == 5);  // header + 4 claims
}
