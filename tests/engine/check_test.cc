#include <catch2/catch.hpp>

#include <memory>

#include "rocksdb/db.h"
#include "stancegraph/engine/check.h"
#include "stancegraph/engine/database.h"
#include "support/claims_builder.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using engine::AccessMode;
using engine::Database;
using testing::ClaimsBuilder;
using testing::TempDir;

namespace {

// The database a few tests damage: three documents, seven mentions.
void Fill(const std::string& dir) {
  auto db = Database::Open({}, dir);
  REQUIRE(db.ok());
  auto w = (*db)->Write({ClaimsBuilder("memo-1", "2024-01-02")
                             .Claim("Finland", 1, "Finland joins Nato")
                             .Claim("Russia", -1, "Finland joins Nato")
                             .Build(),
                         ClaimsBuilder("memo-2", "2024-02-02")
                             .Claim("Sweden", 1, "Sweden joins Nato")
                             .Claim("Turkey", -1, "Sweden joins Nato")
                             .Claim("Turkey", 1, "Sweden joins Nato", "2024-03-01")
                             .Build()},
                        {});
  REQUIRE(w.ok());
  REQUIRE((*db)->Write({ClaimsBuilder("memo-3", "2024-04-02")
                            .Claim("Hungary", -1, "Sweden joins Nato")
                            .Claim("Finland", 1, "Sweden joins Nato")
                            .Build()},
                       {})
              .ok());
}

// Raw RocksDB access to every column family, to damage a database on purpose.
class Raw {
 public:
  explicit Raw(const std::string& dir) {
    std::vector<std::string> names;
    REQUIRE(rocksdb::DB::ListColumnFamilies({}, dir, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descs;
    for (const auto& n : names) descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open({}, dir, descs, &handles_, &raw).ok());
    db_.reset(raw);
  }
  ~Raw() {
    for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  rocksdb::ColumnFamilyHandle* cf(const std::string& name) {
    for (auto* h : handles_) {
      if (h->GetName() == name) return h;
    }
    FAIL("no column family " << name);
    return nullptr;
  }
  // The first key of a family.
  std::string First(const std::string& name) {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator({}, cf(name)));
    it->SeekToFirst();
    REQUIRE(it->Valid());
    return it->key().ToString();
  }
  void Delete(const std::string& name, const std::string& key) {
    REQUIRE(db_->Delete({}, cf(name), key).ok());
  }
  void Put(const std::string& name, const std::string& key, const std::string& value) {
    REQUIRE(db_->Put({}, cf(name), key, value).ok());
  }

 private:
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::unique_ptr<rocksdb::DB> db_;
};

engine::CheckReport Check(const std::string& dir) {
  auto db = Database::Open({.mode = AccessMode::kReadOnly}, dir);
  REQUIRE(db.ok());
  auto report = engine::CheckConsistency(**db, {});
  REQUIRE(report.ok());
  return *report;
}

// True when some reported problem is in `family` and its message contains `text`.
bool Reports(const engine::CheckReport& r, const std::string& family, const std::string& text) {
  for (const auto& p : r.problems) {
    if (p.family == family && p.message.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string Describe(const engine::CheckReport& r) {
  std::string s;
  for (const auto& p : r.problems) s += p.family + " [" + p.key + "] " + p.message + "\n";
  return s;
}

}  // namespace

TEST_CASE("check finds a freshly written database consistent", "[engine][check]") {
  TempDir dir;
  Fill(dir.path());
  auto r = Check(dir.path());
  INFO(Describe(r));
  CHECK(r.consistent());
  CHECK(r.documents == 3);
  CHECK(r.mentions == 7);
  CHECK(r.claims == 7);
  CHECK(r.index_entries > 0);
}

TEST_CASE("check finds an empty database consistent", "[engine][check]") {
  TempDir dir;
  { REQUIRE(Database::Open({}, dir.path()).ok()); }
  CHECK(Check(dir.path()).consistent());
}

TEST_CASE("check reports a missing mention index entry with its key decoded", "[engine][check]") {
  TempDir dir;
  Fill(dir.path());
  {
    Raw raw(dir.path());
    raw.Delete("by_holder", raw.First("by_holder"));
  }
  auto r = Check(dir.path());
  INFO(Describe(r));
  CHECK(r.problem_count == 1);
  REQUIRE(Reports(r, "by_holder", "missing for a stored mention"));
  CHECK(r.problems[0].key.find("holder=") == 0);
  CHECK(r.problems[0].key.find("made=2024-") != std::string::npos);
}

TEST_CASE("check reports orphan index entries and a wrong counter", "[engine][check]") {
  TempDir dir;
  Fill(dir.path());
  {
    Raw raw(dir.path());
    // A mention removed without its indexes: each of them is an orphan.
    raw.Delete("mentions", raw.First("mentions"));
    std::string count(8, '\0');
    count[7] = 9;
    raw.Put("default", "count/documents", count);
  }
  auto r = Check(dir.path());
  INFO(Describe(r));
  CHECK(Reports(r, "by_holder", "orphan: mention 1 is missing"));
  CHECK(Reports(r, "by_prop", "orphan"));
  CHECK(Reports(r, "by_time", "orphan"));
  CHECK(Reports(r, "doc_ranges", "which is missing"));
  CHECK(Reports(r, "default", "says 9 but 3 documents are stored"));
  CHECK(Reports(r, "default", "says 7 but 6 mentions are stored"));
}

TEST_CASE("check reports a claim without its indexes or its proposition", "[engine][check]") {
  TempDir dir;
  Fill(dir.path());
  {
    Raw raw(dir.path());
    raw.Delete("prop_claims", raw.First("prop_claims"));
    raw.Delete("props", raw.First("props"));
  }
  auto r = Check(dir.path());
  INFO(Describe(r));
  CHECK(Reports(r, "claims", "no prop_claims entry"));
  CHECK(Reports(r, "claims", "is missing"));
}

TEST_CASE("check reports a document whose mentions lost their range", "[engine][check]") {
  TempDir dir;
  Fill(dir.path());
  {
    Raw raw(dir.path());
    raw.Delete("doc_ranges", raw.First("doc_ranges"));
  }
  auto r = Check(dir.path());
  INFO(Describe(r));
  CHECK(Reports(r, "mentions", "no doc_ranges entry of its document covers it"));
}

TEST_CASE("check describes the first problems and counts the rest", "[engine][check]") {
  TempDir dir;
  Fill(dir.path());
  {
    Raw raw(dir.path());
    for (int i = 0; i < 3; ++i) raw.Delete("by_time", raw.First("by_time"));
  }
  auto db = Database::Open({.mode = AccessMode::kReadOnly}, dir.path());
  REQUIRE(db.ok());
  auto r = engine::CheckConsistency(**db, {.max_reported = 2});
  REQUIRE(r.ok());
  CHECK(r->problem_count == 3);
  CHECK(r->problems.size() == 2);
}

TEST_CASE("check reports proposition sides that disagree with the claims", "[engine][check]") {
  TempDir dir;
  Fill(dir.path());
  {
    Raw raw(dir.path());
    // Sweden joins Nato: for {Sweden, Turkey, Finland}, against {Turkey,
    // Hungary}; say instead nobody is for it, and drop another entry.
    std::string key = raw.First("prop_sides");
    raw.Put("prop_sides", key, std::string(24, '\0'));
  }
  auto r = Check(dir.path());
  INFO(Describe(r));
  CHECK(r.problem_count == 1);
  CHECK(Reports(r, "prop_sides", "but the claims say for="));
  {
    Raw raw(dir.path());
    raw.Delete("prop_sides", raw.First("prop_sides"));
  }
  r = Check(dir.path());
  INFO(Describe(r));
  CHECK(Reports(r, "prop_sides", "is missing; the claims say"));
}

TEST_CASE("check reports a damaged or overlapping record of what a write changed",
          "[engine][check]") {
  TempDir dir;
  Fill(dir.path());  // two writes: mentions 1-5, then 6-7
  CHECK(Check(dir.path()).consistent());
  auto key = [](uint64_t first) {
    std::string k = "changes/";
    for (int shift = 56; shift >= 0; shift -= 8) k.push_back(static_cast<char>(first >> shift));
    return k;
  };
  auto value = [](uint64_t end, uint64_t pairs) {
    std::string v;
    for (uint64_t x : {end, pairs}) {
      for (int shift = 56; shift >= 0; shift -= 8) v.push_back(static_cast<char>(x >> shift));
    }
    return v;
  };
  {
    Raw raw(dir.path());
    raw.Put("default", key(3), value(9, 1));  // inside the first, past the last mention
    raw.Put("default", key(7), "short");
  }
  auto r = Check(dir.path());
  INFO(Describe(r));
  CHECK(Reports(r, "default", "overlaps the write before it, which ends at 6"));
  CHECK(Reports(r, "default", "ends at 9, past next_sequence 8"));
  CHECK(Reports(r, "default", "malformed record of what a write changed"));
}
