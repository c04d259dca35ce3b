// Golden tests of `stancegraph import`, `export` and `stats`, run as a user
// would run them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "stancegraph/engine/database.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph::testing;

namespace {

int Lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("import then export claims gives back the same records", "[cli]") {
  TempDir dir;
  std::string db = "--db " + (dir / "db");
  auto imported = RunCli("import " + db + " " + Fixture("claims.jsonl"));
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK_THAT(imported.err, Catch::Contains("2 documents imported"));
  CHECK_THAT(imported.err, Catch::Contains("3 claim mentions, 0 errors"));

  auto exported = RunCli("export claims " + db);
  REQUIRE(exported.exit_code == 0);
  REQUIRE(exported.out == ReadFile(std::string(SG_SOURCE_DIR) +
                                   "/tests/cli/golden/export_claims.jsonl"));

  // What export printed imports into a fresh database and exports the same.
  std::ofstream(dir / "exported.jsonl") << exported.out;
  std::string db2 = "--db " + (dir / "db2");
  REQUIRE(RunCli("import " + db2 + " " + (dir / "exported.jsonl")).exit_code == 0);
  CHECK(RunCli("export claims " + db2).out == exported.out);
}

TEST_CASE("importing the same file twice changes nothing", "[cli]") {
  TempDir dir;
  std::string db = "--db " + (dir / "db");
  REQUIRE(RunCli("import " + db + " " + Fixture("claims.jsonl")).exit_code == 0);
  auto again = RunCli("import " + db + " " + Fixture("claims.jsonl"));
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.err, Catch::Contains("0 documents imported (2 already present)"));
  CHECK(Lines(RunCli("export claims " + db).out) == 3);
}

TEST_CASE("a bad record is reported with file and line and the rest is kept", "[cli]") {
  TempDir dir;
  std::string db = "--db " + (dir / "db");
  auto r = RunCli("import " + db + " " + Fixture("bad.jsonl"));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("bad.jsonl:2: field \"polarity\": 5 is not -1, 0 or 1"));
  CHECK_THAT(r.err, Catch::Contains("bad.jsonl:3: not valid JSON"));
  CHECK_THAT(r.err, Catch::Contains("2 errors"));
  auto out = RunCli("export claims " + db).out;
  CHECK(Lines(out) == 2);
  CHECK_THAT(out, Catch::Contains("Norway"));
  CHECK_THAT(out, Catch::Contains("Denmark"));
}

TEST_CASE("the claims CSV loads, reporting bad rows by line", "[cli]") {
  TempDir dir;
  std::string db = "--db " + (dir / "db");
  auto r = RunCli("import " + db + " " + Fixture("claims.csv"));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("claims.csv:6: ts \"notatime\" is not Unix seconds"));
  auto stats = nlohmann::json::parse(RunCli("stats --format json " + db).out);
  CHECK(stats["documents"] == 2);
  CHECK(stats["mentions"] == 5);
  CHECK(stats["claims"] == 5);
  CHECK(stats["entities"] == 3);
}

TEST_CASE("import reads stdin, directories and reports missing paths", "[cli]") {
  TempDir dir;
  std::string db = "--db " + (dir / "db");
  auto from_stdin = RunCli("import " + db + " -", Fixture("claims.jsonl"));
  CHECK(from_stdin.exit_code == 0);
  CHECK_THAT(from_stdin.err, Catch::Contains("2 documents imported"));
  auto missing = RunCli("import " + db + " " + (dir / "nope.jsonl"));
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("nope.jsonl: no such file or directory"));
  auto tree = RunCli("import " + db + " --format claims-jsonl " + Fixture(""));
  CHECK_THAT(tree.err, Catch::Contains("already present"));
}

TEST_CASE("without --db the database is $STANCEGRAPH_DB, else ./stancegraph.db", "[cli]") {
  TempDir dir;
  unsetenv("STANCEGRAPH_DB");
  REQUIRE(RunCli("import " + Fixture("claims.jsonl"), "/dev/null", dir.path()).exit_code == 0);
  CHECK(RunCli("stats --db " + (dir / "stancegraph.db")).exit_code == 0);
  setenv("STANCEGRAPH_DB", (dir / "envdb").c_str(), 1);
  auto imported = RunCli("import " + Fixture("claims.jsonl"));
  unsetenv("STANCEGRAPH_DB");
  REQUIRE(imported.exit_code == 0);
  CHECK(RunCli("stats --db " + (dir / "envdb")).exit_code == 0);
}

TEST_CASE("a second writer is told the database is locked; readers still work", "[cli]") {
  TempDir dir;
  std::string db = "--db " + (dir / "db");
  REQUIRE(RunCli("import " + db + " " + Fixture("claims.jsonl")).exit_code == 0);
  auto writer = stancegraph::engine::Database::Open({}, dir / "db");
  REQUIRE(writer.ok());
  auto second = RunCli("import " + db + " " + Fixture("bad.jsonl"));
  CHECK(second.exit_code == 1);
  CHECK_THAT(second.err, Catch::Contains("locked"));
  auto reader = RunCli("export claims " + db);
  CHECK(reader.exit_code == 0);
  CHECK(Lines(reader.out) == 3);
}

TEST_CASE("every command answers --help and --version", "[cli]") {
  for (const char* cmd : {"", "import ", "export ", "export claims ", "stats ", "query "}) {
    auto help = RunCli(std::string(cmd) + "--help");
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("Usage"));
    auto version = RunCli(std::string(cmd) + "--version");
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.out, Catch::Contains(SG_VERSION));
  }
  auto wrong = RunCli("import --no-such-flag x");
  CHECK(wrong.exit_code == 2);
}

TEST_CASE("the embedded API example imports a claims file and lists a holder's claims", "[cli]") {
  TempDir dir;
  auto r = RunProgram("examples/example_embedded_api",
                      (dir / "db") + " " + SG_SOURCE_DIR +
                          "/examples/claims/nato-enlargement.jsonl Turkey");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("imported 2 documents, 4 claim mentions"));
  CHECK_THAT(r.out, Catch::Contains("2023-01-24T09:00:00Z  Turkey  -1  \"Sweden joins Nato\""));
  CHECK_THAT(r.out, Catch::Contains("2023-07-11T18:30:00Z  Turkey  +1  \"Sweden joins Nato\""));
}

TEST_CASE("import limits are options: an article over --max-document-bytes is skipped by name",
          "[cli]") {
  TempDir dir;
  std::string db = "--db " + (dir / "db");
  {
    std::ofstream small(dir / "short.txt");
    small << "Short note\n\nOslo said it would join the talks.\n";
    std::ofstream big(dir / "long.txt");
    big << "Long report\n\n";
    for (int i = 0; i < 40; ++i) big << "Helsinki said it supports the new treaty. ";
    big << "\n";
  }
  auto r = RunCli("import " + db + " --max-document-bytes 500 " + (dir / "short.txt") + " " +
                  (dir / "long.txt"));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("long.txt"));
  CHECK_THAT(r.err, Catch::Contains("1 errors"));
  auto docs = RunCli("export documents " + db).out;
  CHECK(Lines(docs) == 1);
  CHECK_THAT(docs, Catch::Contains("Short note"));
  // The default limit takes both.
  std::string db2 = "--db " + (dir / "db2");
  CHECK(RunCli("import " + db2 + " " + (dir / "short.txt") + " " + (dir / "long.txt"))
            .exit_code == 0);
  CHECK(RunCli("import " + db2 + " --max-sentence-bytes=-1 " + (dir / "short.txt")).exit_code !=
        0);
}

TEST_CASE("articles import with the entities their holders speak for and read as states", "[cli]") {
  TempDir dir;
  std::string db = "--db " + (dir / "db");
  // February: the secretary of state against; June: the president for, a
  // senator (American, but speaking for no one but himself) against.
  auto imported = RunCli("import " + db + " " + Fixture("levels"));
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  // The country the roles belong to is stored, though nobody quoted it.
  CHECK_THAT(RunCli("export entities " + db).out, Catch::Contains("\"name\":\"United States\""));

  auto changes = RunCli("query changes --format jsonl " + db);
  REQUIRE(changes.exit_code == 0);
  REQUIRE(Lines(changes.out) == 1);
  auto j = nlohmann::json::parse(changes.out);
  CHECK(j["level"] == "state");
  CHECK(j["holder"]["name"] == "United States");
  CHECK(j["from"]["polarity"] == -1);
  CHECK(j["from"]["holders"][0]["name"] == "Marco Rubio");
  CHECK(j["to"]["polarity"] == 1);
  CHECK(j["to"]["holders"][0]["name"] == "Donald Trump");
  CHECK(RunCli("query changes --level person " + db).out.find("United States") ==
        std::string::npos);

  // As a state, the senator is still himself.
  auto contra = RunCli("query contradictions --level state --format jsonl " + db);
  REQUIRE(contra.exit_code == 0);
  auto c = nlohmann::json::parse(contra.out);
  CHECK(c["holder_level"] == "state");
  CHECK(c["pairs"] == 1);
  std::vector<std::string> against;
  for (const auto& side : c["against"]) against.push_back(side["holder"]["name"]);
  std::sort(against.begin(), against.end());
  CHECK(against == std::vector<std::string>{"Bernie Sanders", "United States"});
}
