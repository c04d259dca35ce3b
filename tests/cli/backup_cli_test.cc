// `stancegraph backup` as a user runs it.
#include <catch2/catch.hpp>

#include "stancegraph/engine/database.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph::testing;

TEST_CASE("a backup opens on its own and exports the same claims", "[cli][backup]") {
  TempDir dir;
  std::string db = "--db " + (dir / "db");
  REQUIRE(RunCli("import " + db + " " + Fixture("claims.jsonl")).exit_code == 0);
  REQUIRE(RunCli("import " + db + " " + Fixture("claims.csv")).exit_code == 1);  // one bad row
  auto r = RunCli("backup " + db + " " + (dir / "backup"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("backed up"));
  auto original = RunCli("export claims " + db);
  auto copy = RunCli("export claims --db " + (dir / "backup"));
  REQUIRE(original.exit_code == 0);
  REQUIRE(copy.exit_code == 0);
  CHECK_FALSE(copy.out.empty());
  CHECK(copy.out == original.out);
  CHECK(RunCli("check --db " + (dir / "backup")).exit_code == 0);

  auto again = RunCli("backup " + db + " " + (dir / "backup"));
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Catch::Contains("already exists"));
  auto missing = RunCli("backup --db " + (dir / "nothing") + " " + (dir / "backup2"));
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("no stancegraph database"));
}

TEST_CASE("a backup while another process writes copies what was stored", "[cli][backup]") {
  TempDir dir;
  std::string db = "--db " + (dir / "db");
  REQUIRE(RunCli("import " + db + " " + Fixture("claims.jsonl")).exit_code == 0);
  // This test process holds the write lock, as an import would.
  auto writer = stancegraph::engine::Database::Open({}, dir / "db");
  REQUIRE(writer.ok());
  auto r = RunCli("backup " + db + " " + (dir / "backup"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("another process is writing"));
  CHECK(RunCli("export claims --db " + (dir / "backup")).out == RunCli("export claims " + db).out);
  CHECK(RunCli("check --db " + (dir / "backup")).exit_code == 0);
}
