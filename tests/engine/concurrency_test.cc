#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include "rocksdb/db.h"
#include "stancegraph/engine/database.h"
#include "support/claims_builder.h"
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
      .Claim("Holder " + std::to_string(i % 3), -1, "Proposition " + n)
      .Build();
}

// Every document seen has all three of its mentions: none is half-written.
void CheckWhole(Database& db, int* documents_seen) {
  auto snap = db.GetSnapshot();
  int docs = 0;
  auto it = db.Documents({.snapshot = snap.get()});
  for (; it->Valid(); it->Next()) {
    int mentions = 0;
    auto m = db.ScanByDocument(it->value().id, {.snapshot = snap.get()});
    for (; m->Valid(); m->Next()) ++mentions;
    REQUIRE(m->status().ok());
    CHECK(mentions == 3);
    ++docs;
  }
  INFO(it->status().ToString());
  REQUIRE(it->status().ok());
  *documents_seen = docs;
}

}  // namespace

TEST_CASE("Readers in another process see whole documents while one imports", "[engine]") {
  TempDir dir;
  { REQUIRE(Database::Open({}, dir.path()).ok()); }
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto db = Database::Open({}, dir.path());
    if (!db.ok()) _exit(3);
    for (int i = 0; i < 400; ++i) {
      if (!(*db)->Write({Numbered(i)}, {}).ok()) _exit(4);
    }
    _exit(0);
  }
  int last_seen = 0, secondary_seen = 0;
  auto secondary = Database::Open({.mode = AccessMode::kSecondary}, dir.path());
  REQUIRE(secondary.ok());
  for (int round = 0; round < 20; ++round) {
    auto reader = Database::Open({.mode = AccessMode::kReadOnly}, dir.path());
    INFO(reader.status().ToString());
    REQUIRE(reader.ok());
    int seen = 0;
    CheckWhole(**reader, &seen);
    CHECK(seen >= last_seen);
    last_seen = seen;
    REQUIRE((*secondary)->CatchUp().ok());
    CheckWhole(**secondary, &secondary_seen);
    usleep(20000);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  auto reader = Database::Open({.mode = AccessMode::kReadOnly}, dir.path());
  REQUIRE(reader.ok());
  int seen = 0;
  CheckWhole(**reader, &seen);
  CHECK(seen == 400);
  REQUIRE((*secondary)->CatchUp().ok());
  CheckWhole(**secondary, &secondary_seen);
  CHECK(secondary_seen == 400);
}

TEST_CASE("A database of another format version is refused with a clear error", "[engine]") {
  TempDir dir;
  { REQUIRE(Database::Open({}, dir.path()).ok()); }
  // Stamp the database the way another version would.
  auto stamp = [&](const std::string& version) {
    rocksdb::DB* raw = nullptr;
    std::vector<std::string> names;
    REQUIRE(rocksdb::DB::ListColumnFamilies({}, dir.path(), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descs;
    for (const auto& n : names) descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    REQUIRE(rocksdb::DB::Open({}, dir.path(), descs, &handles, &raw).ok());
    REQUIRE(raw->Put({}, "format_version", version).ok());
    for (auto* h : handles) REQUIRE(raw->DestroyColumnFamilyHandle(h).ok());
    delete raw;
  };
  const std::string head = "database " + dir.path() + " has storage format ";
  const std::string reads = "; this stancegraph reads format " + std::to_string(engine::kFormatVersion);
  stamp("999");
  for (auto mode : {AccessMode::kReadWrite, AccessMode::kReadOnly}) {
    auto db = Database::Open({.create_if_missing = false, .mode = mode}, dir.path());
    REQUIRE_FALSE(db.ok());
    CHECK(absl::IsFailedPrecondition(db.status()));
    CHECK(std::string(db.status().message()) ==
          head + "999" + reads + ": open it with the newer stancegraph that wrote it");
  }
  stamp("1");  // older than re-extraction reads
  auto db = Database::Open({}, dir.path());
  CHECK(absl::IsFailedPrecondition(db.status()));
  CHECK(std::string(db.status().message()) ==
        head + "1" + reads +
            " and rebuilds stores of format 2 or later: export it with the stancegraph that "
            "wrote it, then import the export");
}
