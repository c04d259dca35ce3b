// Paraphrase links as a user meets them: articles wording one proposition
// differently, imported through the built-in extractor; the queries find the
// contradiction through the link, --as-stated does not, and `query claims`
// says which proposition a claim counts on and why.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph::testing;

namespace {

void Write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

// Imports the articles `names` of `dir` into dir/db; returns "--db dir/db".
std::string Import(const TempDir& dir, const std::vector<std::string>& names) {
  std::string paths;
  for (const std::string& n : names) paths += " " + (dir / n);
  const CliResult r =
      RunCli("import -q --db " + (dir / "db") + " --published 2024-03-01T00:00:00Z" + paths);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return "--db " + (dir / "db");
}

size_t Lines(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("a call for a halt to X contradicts support for X through an opposite link", "[cli]") {
  TempDir dir;
  Write(dir / "a.txt", "Ruritania on Gaza\n\nRuritania backs a ceasefire in Gaza.\n");
  Write(dir / "b.txt",
        "Ostland on Gaza\n\nOstland rejected a Gaza ceasefire between Israel and Hamas.\n");
  Write(dir / "c.txt",
        "Arms to Freedonia\n\nOstland calls for a halt to arms sales to Freedonia.\n");
  Write(dir / "d.txt", "Freedonia arms\n\nRuritania supports arms sales to Freedonia.\n");
  const std::string db = Import(dir, {"a.txt", "b.txt", "c.txt", "d.txt"});

  const CliResult linked = RunCli("query contradictions --format jsonl " + db);
  REQUIRE(linked.exit_code == 0);
  // The arms sales through the opposite link, and the ceasefire: "a
  // ceasefire in Gaza" says less than the one "between Israel and Hamas",
  // its only more specific reading here.
  REQUIRE(Lines(linked.out) == 2);
  bool arms = false, ceasefire = false;
  std::istringstream found(linked.out);
  for (std::string line; std::getline(found, line);) {
    const auto c = nlohmann::json::parse(line);
    const std::string text = c["proposition"]["text"];
    CHECK(c["for"][0]["holder"]["name"] == "Ruritania");
    CHECK(c["against"][0]["holder"]["name"] == "Ostland");
    arms = arms || text == "arms sales to Freedonia";
    ceasefire = ceasefire || text.find("ceasefire") != std::string::npos;
  }
  CHECK(arms);
  CHECK(ceasefire);

  const CliResult stated = RunCli("query contradictions --as-stated --format jsonl " + db);
  CHECK(stated.exit_code == 0);
  CHECK(stated.out.empty());

  // The report reads through the same links, and --as-stated there too.
  const CliResult report = RunCli("report --format json " + db);
  REQUIRE(report.exit_code == 0);
  CHECK(nlohmann::json::parse(report.out)["new_contradictions"].size() == 2);
  const CliResult report_stated = RunCli("report --as-stated --format json " + db);
  REQUIRE(report_stated.exit_code == 0);
  CHECK(nlohmann::json::parse(report_stated.out)["new_contradictions"].empty());

  const std::string reason =
      "stop>supply_arms states the opposite of supply_arms with the same arguments";
  const CliResult table = RunCli("query claims --holder Ostland " + db);
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.out,
             Catch::Contains("\n  counts on \"arms sales to Freedonia\" (8435303c125ad95e), "
                             "opposite: " + reason + "\n"));
  CHECK(Lines(table.out) == 4);  // header, two claims, one link

  const CliResult lines = RunCli("query claims --holder Ostland --format jsonl " + db);
  REQUIRE(lines.exit_code == 0);
  size_t with_link = 0;
  for (size_t start = 0, end; (end = lines.out.find('\n', start)) != std::string::npos;
       start = end + 1) {
    const auto j = nlohmann::json::parse(lines.out.substr(start, end - start));
    if (!j.contains("linked_to")) continue;
    ++with_link;
    CHECK(j["proposition"]["text"] == "a halt to arms sales to Freedonia");
    CHECK(j["polarity"] == 1);
    CHECK(j["linked_to"] == nlohmann::json{{"proposition", "8435303c125ad95e"},
                                           {"text", "arms sales to Freedonia"},
                                           {"sign", -1},
                                           {"reason", reason}});
  }
  CHECK(with_link == 1);

  const CliResult csv = RunCli("query claims --holder Ostland --format csv " + db);
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.rfind("holder,polarity,proposition,mentions,first,last,claim,linked_to,link_sign,"
                      "link_reason\n",
                      0) == 0);
  CHECK_THAT(csv.out, Catch::Contains("Ostland,+1,a halt to arms sales to Freedonia,1,"));
  CHECK_THAT(csv.out, Catch::Contains(",8435303c125ad95e,-1," + reason + "\n"));
  // The most specific reading links to nothing: empty link cells.
  CHECK_THAT(csv.out, Catch::Contains("a Gaza ceasefire between Israel and Hamas,1,"));
  CHECK_THAT(csv.out, Catch::EndsWith(",,,\n"));
}

TEST_CASE("a general wording counts on its only more specific reading", "[cli]") {
  TempDir dir;
  Write(dir / "a.txt", "Ruritania statement\n\nRuritania backs a ceasefire.\n");
  Write(dir / "b.txt", "Ostland statement\n\nOstland rejected a Gaza ceasefire.\n");
  const std::string db = Import(dir, {"a.txt", "b.txt"});

  const CliResult linked = RunCli("query contradictions " + db);
  REQUIRE(linked.exit_code == 0);
  CHECK(linked.out ==
        "level        proposition       for        against  pairs  self\n"
        "proposition  a Gaza ceasefire  Ruritania  Ostland  1      \n");
  const CliResult stated = RunCli("query contradictions --as-stated " + db);
  CHECK(stated.exit_code == 0);
  CHECK(stated.out == "level  proposition  for  against  pairs  self\n");

  const CliResult claims = RunCli("query claims --holder Ruritania --format jsonl " + db);
  REQUIRE(claims.exit_code == 0);
  const auto j = nlohmann::json::parse(claims.out);
  CHECK(j["proposition"]["text"] == "a ceasefire");
  CHECK(j["linked_to"]["text"] == "a Gaza ceasefire");
  CHECK(j["linked_to"]["sign"] == 1);
  CHECK_THAT(j["linked_to"]["reason"].get<std::string>(),
             Catch::StartsWith("same predicate ceasefire; the other also names "));
  const CliResult table = RunCli("query claims --holder Ruritania " + db);
  CHECK_THAT(table.out, Catch::Contains("  counts on \"a Gaza ceasefire\" ("));
  CHECK_THAT(table.out, Catch::Contains("), same: same predicate ceasefire"));
}

TEST_CASE("Every question read through paraphrase links offers --as-stated", "[cli]") {
  for (const char* command :
       {"query contradictions", "query changes", "query agreements", "query coalitions",
        "query actors", "query path", "report"}) {
    INFO(command);
    const CliResult help = RunCli(std::string(command) + " --help");
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("--as-stated"));
  }
  CHECK_THAT(RunCli("query claims --help").out, !Catch::Contains("--as-stated"));
}
