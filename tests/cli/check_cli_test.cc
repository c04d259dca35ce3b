// `stancegraph check` as a user runs it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "nlohmann/json.hpp"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph::testing;

TEST_CASE("check says an imported database is consistent and exits 0", "[cli][check]") {
  TempDir dir;
  std::string db = "--db " + (dir / "db");
  REQUIRE(RunCli("import " + db + " " + Fixture("claims.jsonl")).exit_code == 0);
  auto r = RunCli("check " + db);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("documents      2"));
  CHECK_THAT(r.out, Catch::Contains("mentions       3"));
  CHECK_THAT(r.out, Catch::EndsWith("consistent\n"));

  auto j = RunCli("check --format json " + db);
  REQUIRE(j.exit_code == 0);
  auto parsed = nlohmann::json::parse(j.out);
  CHECK(parsed["consistent"] == true);
  CHECK(parsed["problem_count"] == 0);
  CHECK(parsed["mentions"] == 3);
}

TEST_CASE("check on a missing or damaged database exits 1 with a clear error", "[cli][check]") {
  TempDir dir;
  auto missing = RunCli("check --db " + (dir / "nothing"));
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("no stancegraph database at"));

  std::string db = "--db " + (dir / "db");
  REQUIRE(RunCli("import " + db + " " + Fixture("claims.jsonl")).exit_code == 0);
  for (const auto& e : std::filesystem::directory_iterator(dir / "db")) {
    if (e.path().extension() == ".sst" || e.path().filename().string().rfind("MANIFEST", 0) == 0) {
      std::filesystem::resize_file(e.path(), std::filesystem::file_size(e.path()) / 2);
    }
  }
  auto damaged = RunCli("check " + db);
  INFO(damaged.out << damaged.err);
  CHECK(damaged.exit_code == 1);
  CHECK_THAT(damaged.err, Catch::StartsWith("stancegraph: error: "));
}
