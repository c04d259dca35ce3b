// Rebuild: a new store built beside the old one and swapped in whole. Each
// state an interrupted rebuild can leave (rebuild.h) is made here directly
// and must be finished or resumed; the kill test of the real command is in
// tests/reextract/.
#include "stancegraph/engine/rebuild.h"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "rocksdb/db.h"
#include "stancegraph/engine/check.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/engine/locked.h"
#include "support/claims_builder.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using engine::AccessMode;
using engine::Database;
using engine::Rebuild;
using testing::ClaimsBuilder;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

// A store holding `n` one-claim documents named `prefix`-<i>.
void MakeStore(const std::string& dir, const std::string& prefix, int n) {
  auto db = Database::Open({}, dir);
  REQUIRE(db.ok());
  for (int i = 0; i < n; ++i) {
    auto d = ClaimsBuilder(prefix + "-" + std::to_string(i), "2024-01-02T00:00:00Z")
                 .Claim("Finland", +1, "Finland joins Nato")
                 .Build();
    REQUIRE((*db)->Write({d}, {}).ok());
  }
}

std::vector<std::string> Sources(const std::string& dir) {
  auto db = Database::Open({.create_if_missing = false, .mode = AccessMode::kReadOnly}, dir);
  REQUIRE(db.ok());
  std::vector<std::string> out;
  for (auto it = (*db)->Documents(); it->Valid(); it->Next()) out.push_back(it->value().source);
  std::sort(out.begin(), out.end());
  return out;
}

// Copies every document of the source into the target, as a rebuild would.
void CopyAll(Rebuild& r) {
  std::vector<schema::DocumentClaims> docs;
  for (auto it = r.source().Documents(); it->Valid(); it->Next()) {
    auto d = ClaimsBuilder(it->value().source, "2024-01-02T00:00:00Z")
                 .Claim("Sweden", -1, "Sweden joins Nato")
                 .Build();
    d.document.ingested = it->value().ingested;
    docs.push_back(d);
  }
  REQUIRE(r.target().Write(docs, {.keep_ingest_time = true}).ok());
}

bool Exists(const std::string& path) { return fs::exists(path); }

}  // namespace

TEST_CASE("A rebuild swaps the new store in and leaves nothing beside it", "[engine][rebuild]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  MakeStore(dir, "old", 3);
  {
    auto r = Rebuild::Begin(dir);
    REQUIRE(r.ok());
    CHECK_FALSE((*r)->resumed());
    CHECK((*r)->source_format() == engine::kFormatVersion);
    CHECK((*r)->target_path() == fs::canonical(dir).string() + ".rebuild");
    CopyAll(**r);
    REQUIRE((*r)->Commit().ok());
  }
  CHECK_FALSE(Exists(dir + ".rebuild"));
  CHECK_FALSE(Exists(dir + "/REBUILDING"));
  auto db = Database::Open({.create_if_missing = false}, dir);
  REQUIRE(db.ok());
  auto claims = (*db)->ClaimsOfHolder(schema::MakeEntityId("Sweden"));
  CHECK(claims->Valid());  // the new store's claims
  CHECK((*db)->ClaimsOfHolder(schema::MakeEntityId("Finland"))->Valid() == false);
  auto report = engine::CheckConsistency(**db);
  REQUIRE(report.ok());
  CHECK(report->consistent());
  CHECK(report->documents == 3);
}

TEST_CASE("A rebuild refuses a link planted at its staging name and leaves its target alone",
          "[engine][rebuild]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  MakeStore(dir, "old", 1);
  // An empty directory would be taken for a rebuild killed before its mark.
  fs::create_directory(tmp / "elsewhere");
  fs::create_symlink(tmp / "elsewhere", dir + ".rebuild");
  auto r = Rebuild::Begin(dir);
  CHECK(absl::IsFailedPrecondition(r.status()));
  CHECK_THAT(std::string(r.status().message()), Catch::Contains("symbolic link"));
  CHECK(fs::is_symlink(dir + ".rebuild"));
  CHECK(fs::is_empty(tmp / "elsewhere"));
  CHECK(Sources(dir) == std::vector<std::string>{"old-0"});
}

TEST_CASE("A rebuild dropped before its commit is resumed by the next one", "[engine][rebuild]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  MakeStore(dir, "old", 2);
  {
    auto r = Rebuild::Begin(dir);
    REQUIRE(r.ok());
    CopyAll(**r);
  }  // as if killed: the store is the old one, the new one waits beside it
  CHECK(Exists(dir + ".rebuild/REBUILDING"));
  CHECK(Sources(dir) == std::vector<std::string>{"old-0", "old-1"});
  auto r = Rebuild::Begin(dir);
  REQUIRE(r.ok());
  CHECK((*r)->resumed());
  auto stats = (*r)->target().GetStats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 2);
  REQUIRE((*r)->Commit().ok());
  CHECK_FALSE(Exists(dir + ".rebuild"));
}

TEST_CASE("While a rebuild runs, writers are locked out and readers see the old store",
          "[engine][rebuild]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  MakeStore(dir, "old", 2);
  auto reader = Database::Open({.create_if_missing = false, .mode = AccessMode::kReadOnly}, dir);
  REQUIRE(reader.ok());
  auto r = Rebuild::Begin(dir);
  REQUIRE(r.ok());
  auto writer = Database::Open({.create_if_missing = false}, dir);
  REQUIRE(absl::IsFailedPrecondition(writer.status()));
  CHECK(engine::IsLocked(writer.status()));
  CHECK(writer.status().message().find("locked") != std::string::npos);
  auto second = Rebuild::Begin(dir);
  REQUIRE(absl::IsFailedPrecondition(second.status()));
  CHECK(engine::IsLocked(second.status()));
  CHECK(second.status().message().find("locked") != std::string::npos);
  CHECK(Sources(dir) == std::vector<std::string>{"old-0", "old-1"});
  CopyAll(**r);
  REQUIRE((*r)->Commit().ok());
  // A reader that opened the old store keeps its view after the swap.
  int documents = 0;
  for (auto it = (*reader)->Documents(); it->Valid(); it->Next()) ++documents;
  CHECK(documents == 2);
  CHECK((*reader)->ClaimsOfHolder(schema::MakeEntityId("Finland"))->Valid());
  CHECK(Database::Open({.create_if_missing = false}, dir).ok());
}

TEST_CASE("A rebuild killed after the swap is finished by removing the old store",
          "[engine][rebuild]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  // The state the exchange leaves: the new store, marked, in place; the old
  // one, partly deleted or not, beside it.
  MakeStore(tmp / "new", "new", 2);
  std::ofstream(tmp / "new/REBUILDING") << "mark\n";
  MakeStore(tmp / "old", "old", 3);
  bool partly_deleted = GENERATE(false, true);
  if (partly_deleted) fs::remove(tmp / "old/CURRENT");
  fs::rename(tmp / "new", dir);
  fs::rename(tmp / "old", dir + ".rebuild");

  SECTION("by FinishSwappedRebuild") {
    auto finished = engine::FinishSwappedRebuild(dir);
    REQUIRE(finished.ok());
    CHECK(*finished);
  }
  SECTION("by the next Begin, which then rebuilds the new store") {
    auto r = Rebuild::Begin(dir);
    REQUIRE(r.ok());
    CHECK_FALSE((*r)->resumed());
    CHECK(Sources(dir) == std::vector<std::string>{"new-0", "new-1"});
  }
  CHECK_FALSE(Exists(dir + "/REBUILDING"));
  CHECK(Sources(dir) == std::vector<std::string>{"new-0", "new-1"});
  auto again = engine::FinishSwappedRebuild(dir);
  REQUIRE(again.ok());
  CHECK_FALSE(*again);
}

TEST_CASE("A swap being finished by another process is left to it", "[engine][rebuild]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  MakeStore(dir, "new", 1);
  std::ofstream(dir + "/REBUILDING") << "mark\n";
  fs::create_directory(dir + ".rebuild");
  // The finishing process holds the mark's lock.
  int fd = ::open((dir + "/REBUILDING").c_str(), O_RDWR);
  REQUIRE(fd >= 0);
  struct flock f;
  std::memset(&f, 0, sizeof(f));
  f.l_type = F_WRLCK;
  f.l_whence = SEEK_SET;
  REQUIRE(::fcntl(fd, F_OFD_SETLK, &f) == 0);
  auto finished = engine::FinishSwappedRebuild(dir);
  CHECK(absl::IsFailedPrecondition(finished.status()));
  CHECK(Exists(dir + ".rebuild"));
  ::close(fd);
  finished = engine::FinishSwappedRebuild(dir);
  REQUIRE(finished.ok());
  CHECK(*finished);
  CHECK_FALSE(Exists(dir + ".rebuild"));
}

TEST_CASE("A rebuild killed before its mark was made starts over; a stranger is left alone",
          "[engine][rebuild]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  MakeStore(dir, "old", 1);
  fs::create_directory(dir + ".rebuild");  // mkdir done, mark not yet
  {
    auto r = Rebuild::Begin(dir);
    REQUIRE(r.ok());
    CHECK_FALSE((*r)->resumed());
  }
  CHECK(Exists(dir + ".rebuild/REBUILDING"));
  // Only RocksDB info logs (written by an opening of the path): no data.
  fs::remove_all(dir + ".rebuild");
  fs::create_directory(dir + ".rebuild");
  std::ofstream(dir + ".rebuild/LOG") << "2026/11/30 rocksdb log line\n";
  std::ofstream(dir + ".rebuild/LOG.old.1796020813690137") << "older\n";
  {
    auto r = Rebuild::Begin(dir);
    REQUIRE(r.ok());
    CHECK_FALSE((*r)->resumed());
  }
  CHECK(Exists(dir + ".rebuild/REBUILDING"));
  fs::remove_all(dir + ".rebuild");
  fs::create_directory(dir + ".rebuild");
  std::ofstream(dir + ".rebuild/LOG") << "a log beside\n";
  std::ofstream(dir + ".rebuild/notes.txt") << "mine\n";
  auto r = Rebuild::Begin(dir);
  REQUIRE(absl::IsFailedPrecondition(r.status()));
  CHECK(r.status().message().find("is not a rebuild of") != std::string::npos);
  CHECK(Exists(dir + ".rebuild/notes.txt"));
}

TEST_CASE("A rebuild of a directory without a store is NotFound", "[engine][rebuild]") {
  TempDir tmp;
  CHECK(absl::IsNotFound(Rebuild::Begin(tmp / "absent").status()));
  fs::create_directory(tmp / "empty");
  CHECK(absl::IsNotFound(Rebuild::Begin(tmp / "empty").status()));
  CHECK_FALSE(Exists(tmp / "empty.rebuild"));
}

TEST_CASE("A marked new store whose deletion was cut short is started over",
          "[engine][rebuild]") {
  // Deleting a stale new store removes the mark last; a kill part way
  // leaves the mark beside some of the store's files, CURRENT perhaps gone.
  TempDir tmp;
  const std::string dir = tmp / "db";
  MakeStore(dir, "old", 1);
  MakeStore(dir + ".rebuild", "stale", 2);
  std::ofstream(dir + ".rebuild/REBUILDING") << "mark\n";
  fs::remove(dir + ".rebuild/CURRENT");
  // A file of the stale store no new one would have.
  const std::string leftover = dir + ".rebuild/000999.sst";
  std::ofstream(leftover) << "part of a deleted table\n";
  {
    auto r = Rebuild::Begin(dir);
    REQUIRE(r.ok());
    CHECK_FALSE((*r)->resumed());
    CHECK((*r)->target().GetStats()->documents == 0);
    CHECK_FALSE(Exists(leftover));  // the stale files are gone
    CopyAll(**r);
    REQUIRE((*r)->Commit().ok());
  }
  CHECK_FALSE(Exists(dir + ".rebuild"));
  CHECK(Sources(dir) == std::vector<std::string>{"old-0"});
}

TEST_CASE("A partial new store of another format is started over", "[engine][rebuild]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  MakeStore(dir, "old", 1);
  MakeStore(dir + ".rebuild", "stale", 2);
  std::ofstream(dir + ".rebuild/REBUILDING") << "mark\n";
  {
    // As an older stancegraph left it.
    std::vector<std::string> names;
    REQUIRE(rocksdb::DB::ListColumnFamilies({}, dir + ".rebuild", &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descs;
    for (const auto& n : names) descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open({}, dir + ".rebuild", descs, &handles, &raw).ok());
    REQUIRE(raw->Put({}, "format_version", "2").ok());
    for (auto* h : handles) REQUIRE(raw->DestroyColumnFamilyHandle(h).ok());
    delete raw;
  }
  auto r = Rebuild::Begin(dir);
  REQUIRE(r.ok());
  CHECK_FALSE((*r)->resumed());
  CHECK((*r)->target().GetStats()->documents == 0);
}
