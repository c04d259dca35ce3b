// A damaged database gives a clear error at Open (or, when the damage is
// only found later, from the read or check that meets it), never a crash.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "column_families.h"
#include "keys.h"
#include "rocksdb/db.h"
#include "stancegraph/engine/check.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/schema/ids.h"
#include "support/claims_builder.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using engine::AccessMode;
using engine::Database;
using testing::ClaimsBuilder;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

void Fill(const std::string& dir) {
  auto db = Database::Open({}, dir);
  REQUIRE(db.ok());
  for (int i = 0; i < 200; ++i) {
    std::string n = std::to_string(i);
    REQUIRE((*db)->Write({ClaimsBuilder("doc-" + n, "2024-01-01")
                              .Claim("Holder " + std::to_string(i % 7), 1, "Proposition " + n)
                              .Build()},
                         {})
                .ok());
  }
  REQUIRE((*db)->Flush().ok());
}

std::vector<fs::path> Files(const std::string& dir, const std::string& prefix_or_ext) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix_or_ext, 0) == 0 || e.path().extension() == prefix_or_ext) {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void Overwrite(const fs::path& file, std::streamoff at, const std::string& bytes) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  REQUIRE(f);
  f.seekp(at);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Opening fails with a message, or reading everything does: never a crash,
// never a silent success.
void ExpectClearError(const std::string& dir, AccessMode mode) {
  auto db = Database::Open({.create_if_missing = false, .mode = mode}, dir);
  if (!db.ok()) {
    INFO(db.status().ToString());
    CHECK_FALSE(db.status().message().empty());
    CHECK_THAT(std::string(db.status().message()), Catch::Contains(dir));
    return;
  }
  auto report = engine::CheckConsistency(**db, {});
  INFO(report.status().ToString());
  CHECK((!report.ok() || !report->consistent()));
}

}  // namespace

TEST_CASE("A truncated table file gives a clear error", "[engine][damaged]") {
  TempDir dir;
  Fill(dir.path());
  auto ssts = Files(dir.path(), ".sst");
  REQUIRE_FALSE(ssts.empty());
  for (const auto& f : ssts) fs::resize_file(f, fs::file_size(f) / 2);
  ExpectClearError(dir.path(), AccessMode::kReadOnly);
  ExpectClearError(dir.path(), AccessMode::kReadWrite);
}

TEST_CASE("A missing table file gives a clear error", "[engine][damaged]") {
  TempDir dir;
  Fill(dir.path());
  auto ssts = Files(dir.path(), ".sst");
  REQUIRE_FALSE(ssts.empty());
  fs::remove(ssts.back());
  ExpectClearError(dir.path(), AccessMode::kReadOnly);
  ExpectClearError(dir.path(), AccessMode::kReadWrite);
}

TEST_CASE("Garbage in CURRENT gives a clear error", "[engine][damaged]") {
  TempDir dir;
  Fill(dir.path());
  {
    std::ofstream f(dir / "CURRENT", std::ios::trunc);
    f << "\x01garbage\xff";
  }
  ExpectClearError(dir.path(), AccessMode::kReadOnly);
  ExpectClearError(dir.path(), AccessMode::kReadWrite);
  { std::ofstream f(dir / "CURRENT", std::ios::trunc); }
  ExpectClearError(dir.path(), AccessMode::kReadOnly);
  ExpectClearError(dir.path(), AccessMode::kSecondary);
}

TEST_CASE("Garbage in the MANIFEST gives a clear error", "[engine][damaged]") {
  TempDir dir;
  Fill(dir.path());
  auto manifests = Files(dir.path(), "MANIFEST-");
  REQUIRE_FALSE(manifests.empty());
  for (const auto& m : manifests) Overwrite(m, 0, std::string(64, '\x5a'));
  ExpectClearError(dir.path(), AccessMode::kReadOnly);
  ExpectClearError(dir.path(), AccessMode::kReadWrite);
}

TEST_CASE("A truncated MANIFEST gives a clear error", "[engine][damaged]") {
  TempDir dir;
  Fill(dir.path());
  for (const auto& m : Files(dir.path(), "MANIFEST-")) fs::resize_file(m, 10);
  ExpectClearError(dir.path(), AccessMode::kReadOnly);
  ExpectClearError(dir.path(), AccessMode::kReadWrite);
}

TEST_CASE("A table file overwritten in the middle is found by reading", "[engine][damaged]") {
  TempDir dir;
  Fill(dir.path());
  for (const auto& f : Files(dir.path(), ".sst")) {
    Overwrite(f, static_cast<std::streamoff>(fs::file_size(f) / 3), std::string(256, '\0'));
  }
  ExpectClearError(dir.path(), AccessMode::kReadOnly);
}

TEST_CASE("A record that does not decode is named by its id when scanned", "[engine][damaged]") {
  TempDir dir;
  Fill(dir.path());
  const schema::DocumentId id = ClaimsBuilder("doc-7", "2024-01-01").Build().document.id;
  {
    std::vector<rocksdb::ColumnFamilyDescriptor> descs;
    for (auto name : engine::kCfNames) descs.emplace_back(std::string(name), rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open({}, dir.path(), descs, &handles, &raw).ok());
    REQUIRE(raw->Put({}, handles[engine::kDocs], engine::keys::U64Key(id), "\x09garbage").ok());
    for (auto* h : handles) REQUIRE(raw->DestroyColumnFamilyHandle(h).ok());
    delete raw;
  }
  auto db = Database::Open({.create_if_missing = false, .mode = AccessMode::kReadOnly}, dir.path());
  REQUIRE(db.ok());
  auto it = (*db)->Documents();
  while (it->Valid()) it->Next();
  CHECK(absl::IsDataLoss(it->status()));
  CHECK_THAT(std::string(it->status().message()),
             Catch::Contains("docs " + schema::FormatId(id) + ": unknown document record version"));
}
