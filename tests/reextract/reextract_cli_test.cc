// `stancegraph reextract` as a user runs it: every command that opens an
// old store says how to rebuild it, and reextract does; lexicons given by
// --lexicon or $STANCEGRAPH_LEXICONS find new claims.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "nlohmann/json.hpp"
#include "reextract_fixture.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph::testing;

namespace {

int CountLines(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

// Sets an environment variable for the programs a test runs.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { unsetenv(name_); }

 private:
  const char* name_;
};

}  // namespace

TEST_CASE("Every command on a format-2 store says how to rebuild it, and reextract does",
          "[reextract][cli]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  const std::string articles = std::string(SG_SOURCE_DIR) + "/examples/articles";
  REQUIRE(RunCli("import -q --db " + dir + " " + articles).exit_code == 0);
  const std::string before = RunCli("export claims --db " + dir).out;
  DowngradeToFormat2(dir);

  const std::string expected = "stancegraph: error: database " + dir +
                               " has storage format 2; this stancegraph reads format 3: run "
                               "`stancegraph reextract --db " +
                               dir + "` to rebuild its claims from the stored documents\n";
  const std::vector<std::string> commands = {
      "stats",
      "check",
      "export claims",
      "export documents",
      "query claims --holder Finland",
      "report",
      "import -q " + articles + "/healey-2025-08-15.txt",
      "backup " + (tmp / "copy"),
  };
  for (const std::string& command : commands) {
    auto r = RunCli(command + " --db " + dir);
    INFO(command);
    CHECK(r.exit_code == 1);
    CHECK(r.err == expected);
  }
  CHECK_FALSE(std::filesystem::exists(tmp / "copy"));

  auto r = RunCli("reextract --db " + dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Matches("\\d+ documents re-extracted, 0 kept as they were, \\d+ claim "
                                   "mentions before, \\d+ after, [0-9.]+ s\n"));
  auto check = RunCli("check --db " + dir);
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::EndsWith("consistent\n"));
  CHECK(RunCli("export claims --db " + dir).out == before);
}

TEST_CASE("reextract finds the claims a lexicon in $STANCEGRAPH_LEXICONS adds",
          "[reextract][cli]") {
  TempDir tmp;
  const std::string db = "--db " + (tmp / "db");
  WriteFile(tmp / "in/a.txt", Article("Bids", "2024-03-01", "Finland", "Sweden"));
  REQUIRE(RunCli("import -q " + db + " " + (tmp / "in")).exit_code == 0);
  CHECK(CountLines(RunCli("export claims " + db).out) == 1);
  WriteGrumbleLexicon(tmp / "lexicons");
  {
    ScopedEnv env("STANCEGRAPH_LEXICONS", tmp / "lexicons");
    auto r = RunCli("reextract " + db);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::StartsWith("1 documents re-extracted, 0 kept as they were, 1 claim "
                                        "mentions before, 2 after, "));
  }
  auto claims = RunCli("export claims " + db).out;
  CHECK(CountLines(claims) == 2);
  CHECK_THAT(claims, Catch::Contains("\"name\":\"Germany\""));
}

TEST_CASE("reextract --lexicon uses that directory instead of the shipped one",
          "[reextract][cli]") {
  TempDir tmp;
  const std::string db = "--db " + (tmp / "db");
  WriteFile(tmp / "in/a.txt", Article("Bids", "2024-03-01", "Finland", "Sweden"));
  REQUIRE(RunCli("import -q " + db + " " + (tmp / "in")).exit_code == 0);
  WriteFullGrumbleLexicon(tmp / "lexicon");
  auto r =
      RunCli("reextract -q --max-sentence-bytes 2000 --lexicon " + (tmp / "lexicon") + " " + db);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(CountLines(RunCli("export claims " + db).out) == 2);

  auto stats = nlohmann::json::parse(RunCli("stats --format json " + db).out);
  CHECK(stats["documents"] == 1);
  CHECK(stats["mentions"] == 2);
}

TEST_CASE("reextract with a wrong command line or no store exits 2 or 1", "[reextract][cli]") {
  TempDir tmp;
  CHECK(RunCli("reextract --lexicon " + (tmp / "absent") + " --db " + (tmp / "db")).exit_code == 2);
  CHECK(RunCli("reextract --max-sentence-bytes -1 --db " + (tmp / "db")).exit_code == 2);
  auto missing = RunCli("reextract --db " + (tmp / "db"));
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "stancegraph: error: no stancegraph database at " + (tmp / "db") + "\n");
  CHECK_FALSE(std::filesystem::exists(tmp / "db"));
  CHECK_FALSE(std::filesystem::exists(tmp / "db.rebuild"));
}
