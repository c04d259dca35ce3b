// `import` picking the bulk path by itself for large claim files, and
// `compact` merging the claim indexes a store of ordinary imports scatters.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "nlohmann/json.hpp"
#include "stancegraph/engine/database.h"
#include "stancegraph/importers/import.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using namespace stancegraph::testing;

namespace {

// A gen.py-style claims CSV of `rows` claims; about 40 bytes a row.
void WriteClaimsCsv(const std::string& path, int rows, int first_id = 1) {
  std::ofstream out(path);
  out << "claim_id,holder,proposition_id,polarity,ts,doc_id\n";
  for (int i = 0; i < rows; ++i) {
    const int64_t id = first_id + i;
    out << id << "," << (id * 7919) % 5000 << "," << (id * 104729) % 20000 << ","
        << (id % 3 == 0 ? -1 : 1) << "," << 1577836800 + id << "," << id << "\n";
  }
}

std::string StatsJson(const std::string& db) {
  auto r = RunCli("stats --format json --db " + db);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  j.erase("disk_bytes");  // merging changes it, not the records
  return j.dump();
}

}  // namespace

TEST_CASE("ChooseBulk loads large claim files in bulk and everything else the ordinary way",
          "[cli][import][bulk]") {
  TempDir dir;
  const std::string big = dir / "big.csv", small = dir / "small.csv", text = dir / "note.txt";
  WriteClaimsCsv(big, 260000);  // over 8 MiB
  WriteClaimsCsv(small, 100);
  { std::ofstream(text) << "The minister said the plan would fail.\n"; }
  REQUIRE(std::filesystem::file_size(big) >= importers::kAutoBulkMinBytes);

  CHECK(importers::ChooseBulk({big}, "auto", dir / "fresh.db").bulk);
  CHECK(importers::ChooseBulk({big}, "claims-csv", dir / "fresh.db").bulk);
  CHECK_FALSE(importers::ChooseBulk({small}, "auto", dir / "fresh.db").bulk);
  CHECK_FALSE(importers::ChooseBulk({big, text}, "auto", dir / "fresh.db").bulk);
  CHECK_FALSE(importers::ChooseBulk({"-"}, "claims-csv", dir / "fresh.db").bulk);
  CHECK_FALSE(importers::ChooseBulk({dir.path()}, "auto", dir / "fresh.db").bulk);
  // Articles are extracted, which a bulk load does not speed up.
  CHECK_FALSE(importers::ChooseBulk({big}, "text", dir / "fresh.db").bulk);

  // A store many times the input's size takes it the ordinary way.
  const std::string store = dir / "store.db";
  std::filesystem::create_directories(store);
  {
    std::ofstream sst(store + "/000001.sst", std::ios::binary);
    const std::string block(1 << 20, 'x');
    for (uint64_t i = 0; i < 5 * std::filesystem::file_size(big) / block.size() + 1; ++i) {
      sst << block;
    }
  }
  const importers::BulkChoice beside_big = importers::ChooseBulk({big}, "auto", store);
  CHECK_FALSE(beside_big.bulk);
  CHECK_THAT(beside_big.reason, Catch::Contains("beside the store"));
}

TEST_CASE("plain import of a large claims file loads in bulk; --no-bulk and --bulk force the path",
          "[cli][import][bulk]") {
  TempDir dir;
  const std::string big = dir / "big.csv", small = dir / "small.csv";
  WriteClaimsCsv(big, 260000);
  WriteClaimsCsv(small, 50, 1000000);

  auto automatic = RunCli("import --db " + (dir / "auto.db") + " " + big);
  INFO(automatic.err);
  REQUIRE(automatic.exit_code == 0);
  CHECK_THAT(automatic.err, Catch::Contains("loading in bulk"));

  auto ordinary = RunCli("import --no-bulk --db " + (dir / "ordinary.db") + " " + big);
  INFO(ordinary.err);
  REQUIRE(ordinary.exit_code == 0);
  CHECK_THAT(ordinary.err, !Catch::Contains("loading in bulk"));
  // Both paths store the same claims.
  CHECK(StatsJson(dir / "auto.db") == StatsJson(dir / "ordinary.db"));

  // A small addition to the store goes the ordinary way by itself.
  auto added = RunCli("import --db " + (dir / "auto.db") + " " + small);
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  CHECK_THAT(added.err, !Catch::Contains("loading in bulk"));
  CHECK_THAT(added.err, Catch::Contains("50 claim mentions"));

  auto forced = RunCli("import --bulk --db " + (dir / "forced.db") + " " + small);
  REQUIRE(forced.exit_code == 0);
  CHECK_THAT(forced.err, !Catch::Contains("loading in bulk"));  // asked, not chosen
  CHECK(RunCli("import --bulk --no-bulk --db " + (dir / "x.db") + " " + small).exit_code == 2);
}

TEST_CASE("compact merges the claim indexes of a store built by many imports, keeping answers",
          "[cli][compact]") {
  TempDir dir;
  const std::string db = dir / "db";
  for (int i = 0; i < 6; ++i) {
    const std::string part = dir / ("part" + std::to_string(i) + ".csv");
    WriteClaimsCsv(part, 2000, 1 + i * 2000);
    auto r = RunCli("import --db " + db + " " + part);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  const std::string before_stats = StatsJson(db);
  const std::string before_q = RunCli("query contradictions --count-pairs --db " + db).out;

  // Scatter the indexes past what an import merges by itself, then merge.
  {
    auto open = engine::Database::Open({.create_if_missing = false}, db);
    REQUIRE(open.ok());
    auto& d = **open;
    auto layout = d.QueryIndexLayout();
    REQUIRE(layout.ok());
    CHECK(layout->sorted_runs >= 2);
  }
  auto compacted = RunCli("compact --db " + db);
  INFO(compacted.err);
  REQUIRE(compacted.exit_code == 0);
  CHECK_THAT(compacted.err, Catch::Contains("2 sorted runs"));
  {
    auto open = engine::Database::Open({.create_if_missing = false}, db);
    REQUIRE(open.ok());
    auto layout = (*open)->QueryIndexLayout();
    REQUIRE(layout.ok());
    CHECK(layout->sorted_runs == 2);  // one per index
    CHECK(layout->bytes_above_bottom == 0);
    CHECK_FALSE(layout->CompactionPays());
  }
  CHECK(StatsJson(db) == before_stats);
  CHECK(RunCli("query contradictions --count-pairs --db " + db).out == before_q);
  CHECK(RunCli("compact --all -q --db " + db).exit_code == 0);
  CHECK(StatsJson(db) == before_stats);
  CHECK(RunCli("check --db " + db).exit_code == 0);

  // No store, no new empty one.
  auto missing = RunCli("compact --db " + (dir / "missing"));
  CHECK(missing.exit_code != 0);
  CHECK_FALSE(std::filesystem::exists(dir / "missing"));
}
