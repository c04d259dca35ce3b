#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "stancegraph/engine/database.h"
#include "support/claims_builder.h"
#include "support/engine_probe.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using engine::Database;
using testing::ClaimsBuilder;
using testing::NoveltySince;
using testing::SidesOf;
using testing::TempDir;

namespace {

std::unique_ptr<Database> OpenOrDie(const std::string& dir) {
  auto db = Database::Open({}, dir);
  REQUIRE(db.ok());
  return *std::move(db);
}

// Wire stories in which four capitals take and change sides on two questions.
std::vector<schema::DocumentClaims> Wires(int n) {
  const char* holders[] = {"Ankara", "Helsinki", "Budapest", "Stockholm"};
  std::vector<schema::DocumentClaims> docs;
  for (int i = 0; i < n; ++i) {
    docs.push_back(
        ClaimsBuilder("wire-" + std::to_string(i), "2024-01-" + std::to_string(10 + i % 18))
            .Claim(holders[i % 4], (i / 4) % 3 - 1, "Sweden joins Nato")
            .Claim(holders[(i + 1) % 4], (i / 4) % 2 == 0 ? 1 : -1, "Ukraine joins Nato")
            .Build());
  }
  return docs;
}

void RequireConsistent(Database& db) { CHECK(testing::ConsistencyReport(db).consistent()); }

// A chunk every few documents.
constexpr engine::BulkLoadOptions kSmallChunks{.chunk_bytes = 2000};

}  // namespace

TEST_CASE("A bulk load in many chunks records what ordinary writes record", "[engine][bulk]") {
  const auto docs = Wires(30);
  struct Case {
    const char* name;
    size_t written_first;   // documents written before the load
    size_t max_remembered;  // small: each chunk is stored before the next, read back
  };
  for (const Case& c : {Case{"into an empty store", 0, 1u << 20},
                        Case{"onto a store holding claims", 10, 1u << 20},
                        Case{"remembering almost nothing", 0, 5},
                        Case{"onto a store, remembering almost nothing", 10, 5}}) {
    const size_t written_first = c.written_first;
    DYNAMIC_SECTION(c.name) {
      TempDir a_dir, b_dir;
      auto a = OpenOrDie(a_dir.path());
      auto b = OpenOrDie(b_dir.path());
      for (const auto& d : docs) REQUIRE(a->Write({d}, {}).ok());
      for (size_t i = 0; i < written_first; ++i) REQUIRE(b->Write({docs[i]}, {}).ok());
      {
        auto loader =
            b->NewBulkLoader({.chunk_bytes = kSmallChunks.chunk_bytes,
                              .max_remembered = c.max_remembered});
        REQUIRE(loader.ok());
        for (size_t i = written_first; i < docs.size(); ++i) {
          REQUIRE((*loader)->Add({docs[i]}).ok());
        }
        REQUIRE((*loader)->Finish().ok());
      }
      for (const char* prop : {"Sweden joins Nato", "Ukraine joins Nato"}) {
        INFO(prop);
        const engine::PropositionSides x = SidesOf(*a, prop), y = SidesOf(*b, prop);
        CHECK(x.for_holders == y.for_holders);
        CHECK(x.against_holders == y.against_holders);
        CHECK(x.both_holders == y.both_holders);
        CHECK(x.both_holders > 0);
      }
      CHECK(NoveltySince(*a, 1) == NoveltySince(*b, 1));
      auto sa = a->GetStats(), sb = b->GetStats();
      REQUIRE(sa.ok());
      REQUIRE(sb.ok());
      CHECK(sb->documents == 30);
      CHECK(sa->claims == sb->claims);
      CHECK(sa->mentions == sb->mentions);
      CHECK(a->NextSequence() == b->NextSequence());
      RequireConsistent(*b);
    }
  }
}

TEST_CASE("A bulk loader dropped before Finish keeps the chunks it handed off, whole",
          "[engine][bulk]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  const auto docs = Wires(25);
  {
    // One Add fills a chunk whatever its size; the last, small one does not.
    auto loader = db->NewBulkLoader({.chunk_bytes = 16000});
    REQUIRE(loader.ok());
    REQUIRE((*loader)->Add(absl::MakeConstSpan(docs).first(24)).ok());
    REQUIRE((*loader)->Add({docs[24]}).ok());
  }
  auto stats = db->GetStats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 24);
  CHECK_FALSE(*db->HasDocument(docs[24].document.id, {}));
  CHECK(db->NextSequence() == stats->mentions + 1);
  RequireConsistent(*db);

  // Ordinary writes go on from where the stored chunks end.
  auto w = db->Write(docs, {});
  REQUIRE(w.ok());
  CHECK(w->documents_written == 1);
  RequireConsistent(*db);
}

TEST_CASE("A document met again in a later chunk is stored once", "[engine][bulk]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  const auto docs = Wires(12);
  auto loader = db->NewBulkLoader(kSmallChunks);
  REQUIRE(loader.ok());
  for (const auto& d : docs) REQUIRE((*loader)->Add({d}).ok());
  auto again = (*loader)->Add({docs[0], docs[1]});
  REQUIRE(again.ok());
  CHECK(again->documents_skipped == 2);
  REQUIRE((*loader)->Finish().ok());
  loader->reset();
  auto stats = db->GetStats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 12);
  CHECK(stats->mentions == 24);
  RequireConsistent(*db);
}

TEST_CASE("While a bulk load runs, ordinary writes and a second loader are refused",
          "[engine][bulk]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  auto loader = db->NewBulkLoader(kSmallChunks);
  REQUIRE(loader.ok());
  REQUIRE((*loader)->Add(Wires(6)).ok());
  CHECK(absl::IsFailedPrecondition(db->Write(Wires(1), {}).status()));
  CHECK(absl::IsFailedPrecondition(db->NewBulkLoader({}).status()));
  REQUIRE((*loader)->Finish().ok());
  loader->reset();
  CHECK(db->Write(Wires(7), {}).ok());
  RequireConsistent(*db);
}
