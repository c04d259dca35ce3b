#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "stancegraph/engine/backup.h"
#include "stancegraph/engine/check.h"
#include "stancegraph/engine/database.h"
#include "support/claims_builder.h"
#include "support/engine_probe.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using engine::AccessMode;
using engine::Database;
using testing::ClaimsBuilder;
using testing::TempDir;

namespace {

schema::DocumentClaims Numbered(int i) {
  std::string n = std::to_string(i);
  return ClaimsBuilder("doc-" + n, "2024-01-01")
      .Claim("Holder " + std::to_string(i % 7), i % 2 ? 1 : -1, "Proposition " + n)
      .Claim("Holder " + std::to_string(i % 5), 1, "Proposition " + n)
      .Build();
}

// Opens the backup on its own, checks it and returns its document count.
uint64_t VerifyBackup(const std::string& dir) {
  auto db = Database::Open({.create_if_missing = false, .mode = AccessMode::kReadOnly}, dir);
  INFO(db.status().ToString());
  REQUIRE(db.ok());
  const engine::CheckReport report = testing::ConsistencyReport(**db);
  REQUIRE(report.consistent());
  CHECK(report.mentions == 2 * report.documents);
  auto stats = (*db)->GetStats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == report.documents);
  return report.documents;
}

}  // namespace

TEST_CASE("A backup of the writer is a checkpoint that opens with the same contents",
          "[engine][backup]") {
  TempDir dir;
  auto db = Database::Open({}, dir / "db");
  REQUIRE(db.ok());
  for (int i = 0; i < 50; ++i) REQUIRE((*db)->Write({Numbered(i)}, {}).ok());
  CHECK(engine::BackupMethodFor((*db)->mode()) == engine::BackupMethod::kCheckpoint);
  auto s = engine::Backup(**db, dir / "backups/one");
  INFO(s.ToString());
  REQUIRE(s.ok());
  CHECK(VerifyBackup(dir / "backups/one") == 50);
  // The database goes on; the backup does not change.
  REQUIRE((*db)->Write({Numbered(50)}, {}).ok());
  CHECK(VerifyBackup(dir / "backups/one") == 50);

  auto again = engine::Backup(**db, dir / "backups/one");
  CHECK(absl::IsFailedPrecondition(again));
  CHECK_THAT(std::string(again.message()), Catch::Contains("already exists"));
  CHECK_FALSE(std::filesystem::exists(dir / "backups/one.tmp-" + std::to_string(getpid())));
}

TEST_CASE("A backup taken while another thread writes is consistent", "[engine][backup]") {
  TempDir dir;
  auto db = Database::Open({}, dir / "db");
  REQUIRE(db.ok());
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; !stop && i < 100000; ++i) {
      if (!(*db)->Write({Numbered(i)}, {}).ok()) return;
      ++written;
    }
  });
  for (int round = 0; round < 5; ++round) {
    while (written < 50 * (round + 1)) std::this_thread::yield();
    std::string to = dir / ("backup-" + std::to_string(round));
    REQUIRE(engine::Backup(**db, to).ok());
    uint64_t docs = VerifyBackup(to);
    CHECK(docs >= 50u * (round + 1));
  }
  stop = true;
  writer.join();
}

TEST_CASE("A read-only database is backed up by copying while another process writes",
          "[engine][backup]") {
  TempDir dir;
  { REQUIRE(Database::Open({}, dir / "db").ok()); }
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto db = Database::Open({}, dir / "db");
    if (!db.ok()) _exit(3);
    for (int i = 0; i < 600; ++i) {
      if (!(*db)->Write({Numbered(i)}, {}).ok()) _exit(4);
    }
    _exit(0);
  }
  uint64_t last = 0;
  for (int round = 0; round < 6; ++round) {
    auto reader = Database::Open({.mode = AccessMode::kReadOnly}, dir / "db");
    INFO(reader.status().ToString());
    REQUIRE(reader.ok());
    CHECK(engine::BackupMethodFor((*reader)->mode()) == engine::BackupMethod::kCopy);
    std::string to = dir / ("copy-" + std::to_string(round));
    auto s = engine::Backup(**reader, to);
    INFO(s.ToString());
    REQUIRE(s.ok());
    uint64_t docs = VerifyBackup(to);
    CHECK(docs >= last);
    last = docs;
    usleep(20000);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WEXITSTATUS(status) == 0);
  // A copy can be written to like any database.
  auto copy = Database::Open({}, dir / "copy-5");
  REQUIRE(copy.ok());
  REQUIRE((*copy)->Write({Numbered(100000)}, {}).ok());
}
