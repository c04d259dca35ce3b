// What an ordinary import leaves on disk for the readers after it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "stancegraph/engine/database.h"
#include "stancegraph/importers/import.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using testing::TempDir;

namespace {

// Bytes of write-ahead log a later opening would replay.
uintmax_t LogBytes(const std::string& db_dir) {
  uintmax_t bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(db_dir)) {
    if (e.path().extension() == ".log") bytes += e.file_size();
  }
  return bytes;
}

void WriteClaims(const std::string& path, int first, int count) {
  std::ofstream out(path);
  out << "claim_id,holder,proposition_id,polarity,ts,doc_id\n";
  for (int i = first; i < first + count; ++i) {
    out << i << ",holder" << i % 7 << ",prop" << i % 11 << "," << (i % 3 == 0 ? -1 : 1) << ","
        << 1577836800 + i << ",doc" << i / 4 << "\n";
  }
}

}  // namespace

TEST_CASE("An ordinary import leaves nothing for the next opening to replay", "[importers]") {
  TempDir dir;
  const std::string db_dir = dir / "db";
  for (int round = 0; round < 3; ++round) {
    const std::string csv = dir / ("claims" + std::to_string(round) + ".csv");
    WriteClaims(csv, round * 200, 200);
    {
      auto db = engine::Database::Open({}, db_dir);
      REQUIRE(db.ok());
      auto s = importers::Import(**db, {csv}, {}, nullptr);
      REQUIRE(s.ok());
      CHECK(s->mentions_written == 200);
    }
    CHECK(LogBytes(db_dir) == 0);
    auto reader = engine::Database::Open({.mode = engine::AccessMode::kReadOnly}, db_dir);
    REQUIRE(reader.ok());
    auto stats = (*reader)->GetStats();
    REQUIRE(stats.ok());
    CHECK(stats->mentions == static_cast<uint64_t>(200 * (round + 1)));
  }
}
