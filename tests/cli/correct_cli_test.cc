// `stancegraph correct` as a user runs it: corrections take effect, are
// kept through reextract and re-import, can be listed, undone and checked.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "nlohmann/json.hpp"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph::testing;

namespace {

constexpr char kGrain[] =
    "Grain talks stall\n\nPublished: 2 May 2024\n\n"
    "Turkey said the grain corridor should reopen. "
    "Russia rejected the proposal to reopen the grain corridor.\n";
constexpr char kTariffs[] =
    "Tariff row deepens\n\nPublished: 3 May 2024\n\n"
    "France said the tariffs should be lifted.\n";

// A store with both articles imported; `dir / "grain.txt"` and
// `dir / "tariffs.txt"` hold them.
struct Store {
  TempDir dir;
  std::string db = "--db " + (dir / "db") + " ";
  Store() {
    std::ofstream(dir / "grain.txt") << kGrain;
    std::ofstream(dir / "tariffs.txt") << kTariffs;
    auto r = RunCli("import -q " + db + (dir / "grain.txt") + " " + (dir / "tariffs.txt"));
    REQUIRE(r.exit_code == 0);
  }
  CliResult Run(const std::string& args) const { return RunCli(args + " " + db); }
  // "doc:ordinal holder polarity proposition [corrections]" per mention.
  std::vector<std::string> Claims() const {
    auto r = Run("export claims");
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line);
      std::string s =
          j["doc"]["id"].get<std::string>() + ":" + std::to_string(j["ordinal"].get<int>()) + " " +
          j["holder"]["name"].get<std::string>() + " " + std::to_string(j["polarity"].get<int>()) +
          " " + j["proposition"]["text"].get<std::string>();
      if (j.contains("corrected")) s += " corrected " + j["corrected"].dump();
      out.push_back(s);
    }
    return out;
  }
  // The id of the document whose claims mention `holder`, from export.
  std::string MentionOf(const std::string& holder) const {
    for (const std::string& c : Claims()) {
      if (c.find(" " + holder + " ") != std::string::npos) return c.substr(0, c.find(' '));
    }
    FAIL("no mention held by " << holder);
    return "";
  }
};

}  // namespace

TEST_CASE("A corrected holder and a deleted document stay so after reextract and re-import",
          "[cli][correct]") {
  Store s;
  const std::string turkey = s.MentionOf("Turkey");
  const std::string france = s.MentionOf("France");
  const std::string tariffs_doc = france.substr(0, france.find(':'));
  REQUIRE(s.Claims().size() == 3);

  auto r = s.Run("correct mention " + turkey + " --holder \"Hakan Fidan\" --by ana --why minister");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "1\n");
  REQUIRE(s.Run("correct delete-document " + tariffs_doc + " -q").exit_code == 0);
  const std::vector<std::string> corrected = {
      turkey + " Hakan Fidan 1 the grain corridor reopens corrected [1]",
      s.MentionOf("Russia") + " Russia -1 Russia reopens the grain corridor"};
  CHECK(s.Claims() == corrected);

  r = s.Run("reextract -q");
  REQUIRE(r.exit_code == 0);
  CHECK(s.Claims() == corrected);

  r = s.Run("import " + (s.dir / "grain.txt") + " " + (s.dir / "tariffs.txt"));
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("1 skipped-deleted"));
  CHECK(s.Claims() == corrected);
  r = s.Run("import --summary-format json -q " + (s.dir / "tariffs.txt"));
  CHECK_THAT(r.out + r.err, Catch::Contains("\"documents_skipped_deleted\":1"));
  CHECK(s.Run("check").exit_code == 0);
}

TEST_CASE("Merge then split restores two entities; undo restores the extractor's claims",
          "[cli][correct]") {
  Store s;
  const std::vector<std::string> extracted = s.Claims();
  const std::string russia = s.MentionOf("Russia");

  REQUIRE(s.Run("correct merge-entities Turkey Russia -q").exit_code == 0);
  CHECK(s.MentionOf("Turkey") != "");
  CHECK_THAT(s.Claims()[1], Catch::StartsWith(russia + " Turkey -1"));
  CHECK_THAT(s.Run("export entities").out, Catch::Contains("\"Russia\""));  // now an alias
  auto query = s.Run("query claims --holder Russia --format jsonl");  // the alias finds Turkey
  CHECK(query.exit_code == 0);
  CHECK_THAT(query.out, Catch::Contains("\"name\":\"Turkey\""));

  REQUIRE(s.Run("correct split-entity Turkey Russia -q").exit_code == 0);
  CHECK(s.Claims() == extracted);
  CHECK(s.Run("correct split-entity Turkey Russia -q").exit_code == 1);  // nothing to split

  REQUIRE(s.Run("correct mention " + russia + " --polarity 1 -q").exit_code == 0);
  REQUIRE(s.Run("correct retract " + s.MentionOf("France") + " -q").exit_code == 0);
  CHECK(s.Claims().size() == 2);
  CHECK_THAT(s.Claims()[1], Catch::StartsWith(russia + " Russia 1"));
  REQUIRE(s.Run("correct undo 2 -q").exit_code == 0);
  REQUIRE(s.Run("correct undo 3 -q").exit_code == 0);
  CHECK(s.Claims() == extracted);
  auto again = s.Run("correct undo 3");
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Catch::Contains("undone already"));

  REQUIRE(s.Run("correct attach-proposition \"Russia reopens the grain corridor\" "
                "\"the grain corridor reopens\" -q")
              .exit_code == 0);
  CHECK(s.Claims()[1] == russia + " Russia -1 the grain corridor reopens corrected [4]");
  // Now one proposition: Turkey for, Russia against; the report marks Russia's quote.
  auto report = s.Run("report");
  REQUIRE(report.exit_code == 0);
  CHECK_THAT(report.out, Catch::Contains("— Russia (against)"));
  CHECK_THAT(report.out, Catch::Contains("**[corrected]**"));
  std::istringstream lines(report.out);
  int turkey_quotes = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("— Turkey (for)") == std::string::npos) continue;
    ++turkey_quotes;
    CHECK_THAT(line, !Catch::Contains("[corrected]"));  // as extracted
  }
  CHECK(turkey_quotes > 0);
}

TEST_CASE("correct list prints every correction in each format", "[cli][correct]") {
  Store s;
  REQUIRE(
      s.Run("correct rename-entity France \"French Republic\" --by ana --why \"official name\" -q")
          .exit_code == 0);
  REQUIRE(s.Run("correct retract " + s.MentionOf("Russia") + " --by bo -q").exit_code == 0);
  REQUIRE(s.Run("correct undo 2 --by cy -q").exit_code == 0);
  CHECK(s.MentionOf("French Republic") != "");

  auto table = s.Run("correct list");
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.out, Catch::StartsWith("id  kind "));
  CHECK_THAT(table.out, Catch::Contains("rename-entity"));
  CHECK_THAT(table.out, Catch::Contains("official name"));

  auto json = nlohmann::json::parse(s.Run("correct list --format json").out);
  REQUIRE(json.size() == 2);
  CHECK(json[0]["kind"] == "rename-entity");
  CHECK(json[0]["value"] == "French Republic");
  CHECK(json[0]["who"] == "ana");
  CHECK(json[0]["status"] == "active");
  CHECK(json[1]["kind"] == "retract");
  CHECK(json[1]["status"] == "undone");
  CHECK(json[1]["undone_by"] == "cy");

  auto jsonl = s.Run("correct list --format jsonl").out;
  CHECK(std::count(jsonl.begin(), jsonl.end(), '\n') == 2);
  CHECK(nlohmann::json::parse(jsonl.substr(0, jsonl.find('\n'))) == json[0]);

  auto csv = s.Run("correct list --format csv").out;
  CHECK_THAT(csv, Catch::StartsWith("id,kind,target,value,who,when,status,why,undone,undone_by\n"));
  CHECK_THAT(csv, Catch::Contains(",bo,"));
  CHECK(s.Run("correct list --format xml").exit_code == 2);
}

TEST_CASE("check reports a correction whose target is gone as dangling", "[cli][correct]") {
  Store s;
  const std::string france = s.MentionOf("France");
  REQUIRE(s.Run("correct mention " + france + " --polarity -1 -q").exit_code == 0);
  CHECK(s.Run("check").exit_code == 0);
  REQUIRE(
      s.Run("correct delete-document " + france.substr(0, france.find(':')) + " -q").exit_code ==
      0);
  auto r = s.Run("check");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("correction=1"));
  CHECK_THAT(r.out, Catch::Contains("dangling: mention-polarity " + france));

  auto missing = s.Run("correct retract " + france.substr(0, france.find(':')) + ":9");
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("deleted"));
  CHECK(s.Run("correct retract not-a-mention").exit_code == 1);
}
