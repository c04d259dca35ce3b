// Storage faults on every write path: a file system that fails the Nth call
// of one kind (create, write, sync, rename), once (EIO) or from then on
// (ENOSPC), for N = 1, 2, ... until the path completes without meeting the
// fault (fewer N in sanitized builds: see NextPoint). After each failure: a
// storage-fault status (never a crash), a store that reopens without the
// fault and passes CheckConsistency, every document whole or absent; running
// the same writes again completes the set with every document once.
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "stancegraph/engine/backup.h"
#include "stancegraph/engine/bulk_loader.h"
#include "stancegraph/engine/check.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/engine/rebuild.h"
#include "stancegraph/engine/storage_fault.h"
#include "support/claims_builder.h"
#include "support/engine_probe.h"
#include "support/fault_fs.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using engine::Database;
using engine::OpenOptions;
using testing::FaultFs;
using testing::TempDir;

namespace {

constexpr int kDocuments = 24;
constexpr int kMentionsPerDocument = 3;
// Beyond this many points per kind a path is considered covered; none of
// them takes that many calls of one kind.
constexpr int kMaxPoints = 400;

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define SG_SANITIZED_BUILD 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define SG_SANITIZED_BUILD 1
#endif
#endif

// The points tried: every one of the first few calls (opening, the first
// writes), then further apart, so a sweep stays short while still reaching
// the flushes, compactions and closing at the end of each path.
#ifdef SG_SANITIZED_BUILD
// Under ThreadSanitizer each point costs about ten times as much (under
// AddressSanitizer several), so the sweep thins out faster: the first three
// calls, then three times further each time (9, 27, 81, 243, kMaxPoints),
// then the last three calls the path made (kLastPoints), which close it.
// Every kind and mode is still swept; the release build also tries the
// points in between.
int NextPoint(int n) {
  if (n < 3) return n + 1;
  return n < kMaxPoints ? std::min(n * 3, kMaxPoints) : n + 1;
}
constexpr int kLastPoints = 3;
#else
int NextPoint(int n) { return n < 8 ? n + 1 : n + n / 3; }
constexpr int kLastPoints = 0;
#endif

// What one run with a fault armed saw: whether it met the fault, and how
// many calls of the armed kind it made.
struct PointRun {
  bool met;
  int calls;
};

// Runs `at(n)` for each point n NextPoint gives until a run does not meet
// the fault (which must happen by kMaxPoints), then for the last kLastPoints
// calls that run made, those not tried yet. Returns the first point not met.
int ForEachPoint(const std::function<PointRun(int n)>& at) {
  int n = 1;
  int last_met = 0;
  PointRun run{};
  for (; n <= kMaxPoints; n = NextPoint(n)) {
    run = at(n);
    if (!run.met) break;
    last_met = n;
  }
  CHECK(n <= kMaxPoints);
  if (n <= kMaxPoints) {
    for (int p = std::max(last_met + 1, run.calls - kLastPoints + 1); p <= run.calls; ++p) at(p);
  }
  return n;
}

std::vector<schema::DocumentClaims> Documents() {
  std::vector<schema::DocumentClaims> docs;
  for (int d = 0; d < kDocuments; ++d) {
    testing::ClaimsBuilder b(absl::StrCat("fault-doc-", d), "2024-03-01");
    for (int m = 0; m < kMentionsPerDocument; ++m) {
      b.Claim(absl::StrCat("Holder ", (d + m) % 7), m % 2 ? -1 : 1,
              absl::StrCat("Proposal ", (d * 3 + m) % 11, " passes"));
    }
    auto doc = b.Build();
    // Some bulk, so the small memtables below flush during the writes.
    doc.document.text = std::string(3000, static_cast<char>('a' + d % 26));
    docs.push_back(std::move(doc));
  }
  return docs;
}

// Small memtables: flushes (and their files, syncs and renames) happen in
// the middle of the writes.
OpenOptions Options(rocksdb::Env* env, bool bulk = false) {
  return {.block_cache_bytes = 1u << 20,
          .write_buffer_bytes = 48u << 10,
          .bulk_load = bulk,
          .env = env};
}

// The sweeps open hundreds of stores: on a memory file system where there is
// one, so that their fsyncs cost nothing. (The faults come from FaultFs, not
// from the disk.)
void UseMemoryTempDir() {
  std::error_code ec;
  if (std::filesystem::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0) {
    ::setenv("TMPDIR", "/dev/shm", 1);
  }
}

// An ordinary import: documents in small batches, a watermark, a flush.
absl::Status Import(Database& db, const std::vector<schema::DocumentClaims>& docs) {
  for (size_t i = 0; i < docs.size(); i += 3) {
    const size_t n = std::min<size_t>(3, docs.size() - i);
    auto written = db.Write(absl::MakeConstSpan(docs).subspan(i, n), {});
    if (!written.ok()) return written.status();
  }
  if (auto s = db.PutMeta("report/default", "watermark"); !s.ok()) return s;
  return db.Flush();
}

absl::Status BulkImport(Database& db, const std::vector<schema::DocumentClaims>& docs) {
  auto loader = db.NewBulkLoader({.chunk_bytes = 16u << 10});
  if (!loader.ok()) return loader.status();
  for (size_t i = 0; i < docs.size(); i += 4) {
    const size_t n = std::min<size_t>(4, docs.size() - i);
    auto added = (*loader)->Add(absl::MakeConstSpan(docs).subspan(i, n), {});
    if (!added.ok()) return added.status();
  }
  if (auto s = (*loader)->Finish(); !s.ok()) return s;
  loader->reset();
  return db.Flush();
}

// The store in `dir` opens without faults, is consistent, and holds each
// document whole or not at all. Returns how many it holds.
int VerifyWhole(const std::string& dir) {
  auto db = Database::Open({.create_if_missing = false}, dir);
  if (absl::IsNotFound(db.status())) return 0;  // failed before it was created
  INFO(db.status());
  REQUIRE(db.ok());
  const engine::CheckReport report = testing::ConsistencyReport(**db);
  REQUIRE(report.consistent());
  int documents = 0;
  for (const auto& d : Documents()) {
    auto has = (*db)->HasDocument(d.document.id);
    REQUIRE(has.ok());
    if (!*has) continue;
    int mentions = 0;
    for (auto m = (*db)->ScanByDocument(d.document.id); m->Valid(); m->Next()) ++mentions;
    INFO(d.document.source);
    REQUIRE(mentions == kMentionsPerDocument);
    ++documents;
  }
  CHECK(report.documents == static_cast<uint64_t>(documents));
  return documents;
}

// Runs the same writes again without faults; afterwards every document is
// stored once.
void RerunCompletes(const std::string& dir, bool bulk) {
  {
    auto db = Database::Open(Options(nullptr, bulk), dir);
    INFO(db.status());
    REQUIRE(db.ok());
    auto s = bulk ? BulkImport(**db, Documents()) : Import(**db, Documents());
    INFO(s);
    REQUIRE(s.ok());
  }
  REQUIRE(VerifyWhole(dir) == kDocuments);
}

void RequireStorageFault(const absl::Status& s) {
  INFO(s);
  REQUIRE_FALSE(s.ok());
  REQUIRE(engine::IsStorageFault(s));
  CHECK(s.message().find("injected") != std::string_view::npos);
}

// Runs `path` with the Nth call of `kind` failing, for N = 1, 2, ... until
// the path completes without meeting the fault (see ForEachPoint); `check`
// verifies after each run. Returns the first point not met.
int Sweep(FaultFs::Kind kind, FaultFs::Mode mode,
          const std::function<absl::Status(FaultFs::Env&, const std::string& dir)>& path,
          const std::function<void(const std::string& dir)>& check) {
  return ForEachPoint(
      [&](int n) {
        TempDir tmp;
        FaultFs::Env env;
        env.fs->Arm(kind, n, mode);
        INFO(FaultFs::KindName(kind)
             << " call " << n << (mode == FaultFs::kOnce ? " fails once" : " fails from then on"));
        absl::Status s = path(env, tmp / "db");
        const PointRun run{env.fs->failed(), env.fs->calls(kind)};
        env.fs->Heal();
        if (!s.ok()) RequireStorageFault(s);
        check(tmp / "db");
        return run;
      });
}

absl::Status OpenAndRun(FaultFs::Env& env, const std::string& dir, bool bulk) {
  auto db = Database::Open(Options(env.env.get(), bulk), dir);
  if (!db.ok()) return db.status();
  return bulk ? BulkImport(**db, Documents()) : Import(**db, Documents());
}

void SweepImports(bool bulk) {
  for (auto mode : {FaultFs::kFromThenOn, FaultFs::kOnce}) {
    for (int k = 0; k < FaultFs::kNumKinds; ++k) {
      const auto kind = static_cast<FaultFs::Kind>(k);
      // A single failed create or rename behaves as a full disk does there.
      if (mode == FaultFs::kOnce && (kind == FaultFs::kCreate || kind == FaultFs::kRename))
        continue;
      int points = Sweep(
          kind, mode,
          [&](FaultFs::Env& env, const std::string& dir) { return OpenAndRun(env, dir, bulk); },
          [&](const std::string& dir) {
            VerifyWhole(dir);
            RerunCompletes(dir, bulk);
          });
      UNSCOPED_INFO(FaultFs::KindName(kind) << ": " << points << " points");
    }
  }
}

}  // namespace

TEST_CASE(
    "An import meeting a failed write, sync, create or rename stops with an error and "
    "leaves whole documents",
    "[engine][faults]") {
  UseMemoryTempDir();
  SweepImports(/*bulk=*/false);
}

TEST_CASE(
    "A bulk load meeting a failed write, sync, create or rename stops with an error and "
    "leaves whole chunks",
    "[engine][faults]") {
  UseMemoryTempDir();
  SweepImports(/*bulk=*/true);
}

TEST_CASE("A database that met a full disk refuses further writes until reopened",
          "[engine][faults]") {
  UseMemoryTempDir();
  TempDir tmp;
  FaultFs::Env env;
  auto db = Database::Open(Options(env.env.get()), tmp / "db");
  REQUIRE(db.ok());
  const auto docs = Documents();
  REQUIRE((*db)->Write(absl::MakeConstSpan(docs).subspan(0, 2), {}).ok());
  env.fs->Arm(FaultFs::kWrite, 1, FaultFs::kFromThenOn);
  auto failed = (*db)->Write(absl::MakeConstSpan(docs).subspan(2, 2), {});
  RequireStorageFault(failed.status());
  CHECK(absl::IsResourceExhausted(failed.status()));
  env.fs->Heal();
  // The disk has room again, but this opening stays stopped: what it holds
  // in memory may not match the files.
  auto again = (*db)->Write(absl::MakeConstSpan(docs).subspan(2, 2), {});
  REQUIRE_FALSE(again.ok());
  CHECK(engine::IsStorageFault(again.status()));
  CHECK(again.status().message().find("stopped writing") != std::string_view::npos);
  CHECK(engine::IsStorageFault((*db)->PutMeta("x", "y")));
  db->reset();
  CHECK(VerifyWhole(tmp / "db") == 2);
  RerunCompletes(tmp / "db", false);
}

TEST_CASE("A rebuild meeting a storage fault keeps the old store and resumes on the next run",
          "[engine][faults]") {
  UseMemoryTempDir();
  for (int k = 0; k < FaultFs::kNumKinds; ++k) {
    const auto kind = static_cast<FaultFs::Kind>(k);
    Sweep(
        kind, FaultFs::kFromThenOn,
        [](FaultFs::Env& env, const std::string& dir) -> absl::Status {
          {
            auto db = Database::Open(Options(nullptr), dir);
            if (!db.ok()) return db.status();
            if (auto s = Import(**db, Documents()); !s.ok()) return s;
          }
          auto rebuild = engine::Rebuild::Begin(dir, {.target = Options(env.env.get())});
          if (!rebuild.ok()) return rebuild.status();
          if (auto s = Import((*rebuild)->target(), Documents()); !s.ok()) return s;
          return (*rebuild)->Commit();
        },
        [](const std::string& dir) {
          // The old store (or the new, whole one) is in place.
          REQUIRE(VerifyWhole(dir) == kDocuments);
          auto rebuild = engine::Rebuild::Begin(dir, {.target = Options(nullptr)});
          INFO(rebuild.status());
          REQUIRE(rebuild.ok());
          REQUIRE(Import((*rebuild)->target(), Documents()).ok());
          REQUIRE((*rebuild)->Commit().ok());
          rebuild->reset();
          REQUIRE(VerifyWhole(dir) == kDocuments);
        });
  }
}

TEST_CASE("A backup meeting a storage fault leaves no backup and the database as it was",
          "[engine][faults]") {
  UseMemoryTempDir();
  TempDir tmp;
  {
    auto db = Database::Open(Options(nullptr), tmp / "db");
    REQUIRE(db.ok());
    REQUIRE(Import(**db, Documents()).ok());
  }
  for (int k = 0; k < FaultFs::kNumKinds; ++k) {
    const auto kind = static_cast<FaultFs::Kind>(k);
    for (auto mode : {engine::AccessMode::kReadWrite, engine::AccessMode::kReadOnly}) {
      ForEachPoint([&](int n) {
        FaultFs::Env env;
        const std::string out = tmp / absl::StrCat("backup-", k, "-", n);
        absl::Status s;
        PointRun run{};
        {
          auto db = Database::Open({.create_if_missing = false, .mode = mode, .env = env.env.get()},
                                   tmp / "db");
          REQUIRE(db.ok());
          env.fs->Arm(kind, n, FaultFs::kFromThenOn);
          s = engine::Backup(**db, out);
          run = {env.fs->failed(), env.fs->calls(kind)};
          env.fs->Heal();
        }
        INFO(FaultFs::KindName(kind) << " call " << n);
        if (!s.ok()) {
          RequireStorageFault(s);
          CHECK_FALSE(std::filesystem::exists(out));
        } else {
          CHECK(VerifyWhole(out) == kDocuments);
        }
        REQUIRE(VerifyWhole(tmp / "db") == kDocuments);
        std::filesystem::remove_all(out);
        return run;
      });
    }
  }
}
