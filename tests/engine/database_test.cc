#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "column_families.h"
#include "rocksdb/db.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/engine/locked.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/time.h"
#include "support/claims_builder.h"
#include "support/engine_probe.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using engine::Database;
using testing::ClaimsBuilder;
using testing::Novelty;
using testing::NoveltySince;
using testing::SidesOf;
using testing::TempDir;

namespace {

std::unique_ptr<Database> OpenOrDie(const std::string& dir, engine::OpenOptions o = {}) {
  auto db = Database::Open(o, dir);
  REQUIRE(db.ok());
  return *std::move(db);
}

schema::DocumentClaims Memo(const std::string& source) {
  return ClaimsBuilder(source, "2024-03-01")
      .Claim("Finland", +1, "Finland joins Nato")
      .Claim("Russia", -1, "Finland joins Nato")
      .Claim("Finland", +1, "Finland joins Nato")
      .Build();
}

// What a creation killed partway leaves in `dir`: a RocksDB store with the
// column families `families` besides "default", all empty, and no format
// stamp.
void CreateUnfinishedStore(const std::string& dir, const std::vector<std::string>& families) {
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::Open(options, dir, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  for (const std::string& name : families) {
    rocksdb::ColumnFamilyHandle* family = nullptr;
    REQUIRE(db->CreateColumnFamily({}, name, &family).ok());
    REQUIRE(db->DestroyColumnFamilyHandle(family).ok());
  }
}

// Readers are refused the unfinished store in `dir` with how to finish it,
// and a writer's Open finishes it.
void RequireRefusedToReadersUntilAWriterOpens(const std::string& dir) {
  auto reader =
      Database::Open({.create_if_missing = false, .mode = engine::AccessMode::kReadOnly}, dir);
  REQUIRE(absl::IsFailedPrecondition(reader.status()));
  CHECK(reader.status().message().find("was being created") != std::string::npos);
  REQUIRE(Database::Open({.create_if_missing = false}, dir).ok());
}

}  // namespace

TEST_CASE("A written document can be read back with its claims", "[engine]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  auto d = Memo("memo-1");
  auto s = db->Write({d}, {});
  REQUIRE(s.ok());
  CHECK(s->documents_written == 1);
  CHECK(s->mentions_written == 3);

  auto doc = db->GetDocument(d.document.id);
  REQUIRE(doc.ok());
  CHECK(doc->source == "memo-1");
  CHECK(doc->ingested != schema::kNoTime);
  CHECK(db->GetEntity(schema::MakeEntityId("Finland"))->name == "Finland");
  CHECK(db->FindEntity("FINLAND")->name == "Finland");
  CHECK(db->GetClaim(d.claims[1].id)->polarity == -1);
  CHECK(absl::IsNotFound(db->GetDocument(12345).status()));

  auto stats = db->GetStats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 1);
  CHECK(stats->entities == 2);
  CHECK(stats->propositions == 1);
  CHECK(stats->claims == 2);
  CHECK(stats->mentions == 3);
}

TEST_CASE("Writing the same document twice changes nothing", "[engine]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  REQUIRE(db->Write({Memo("memo-1")}, {}).ok());
  uint64_t next = db->NextSequence();
  auto again = db->Write({Memo("memo-1"), Memo("memo-1")}, {});
  REQUIRE(again.ok());
  CHECK(again->documents_written == 0);
  CHECK(again->documents_skipped == 2);
  CHECK(db->NextSequence() == next);
  CHECK(db->GetStats()->mentions == 3);
}

TEST_CASE("A batch with one invalid document stores nothing", "[engine]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  auto good = Memo("memo-1");
  auto bad = Memo("memo-2");
  bad.mentions[0].confidence = 7.0f;
  auto s = db->Write({good, bad}, {});
  REQUIRE(absl::IsInvalidArgument(s.status()));
  CHECK_THAT(std::string(s.status().message()), Catch::Contains("memo-2"));
  CHECK_FALSE(*db->HasDocument(good.document.id));
  CHECK(db->GetStats()->mentions == 0);
  auto it = db->ScanAllByHolder();
  CHECK_FALSE(it->Valid());
}

TEST_CASE("Claims of a holder come in proposition and time order", "[engine]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  std::vector<schema::DocumentClaims> docs = {
      ClaimsBuilder("b", "2023-07-11").Claim("Turkey", +1, "Sweden joins Nato").Build(),
      ClaimsBuilder("a", "2023-01-24").Claim("Turkey", -1, "Sweden joins Nato").Build(),
      ClaimsBuilder("c", "2023-05-01").Claim("Turkey", +1, "Grain deal extended").Build(),
  };
  REQUIRE(db->Write(docs, {}).ok());
  auto turkey = schema::MakeEntityId("Turkey");
  auto sweden = schema::MakePropositionId("sweden joins nato");
  std::vector<std::pair<schema::PropositionId, std::string>> seen;
  auto it = db->ScanByHolder(turkey);
  for (; it->Valid(); it->Next()) {
    seen.emplace_back(it->ref().proposition, schema::FormatTime(it->ref().made));
  }
  REQUIRE(it->status().ok());
  REQUIRE(seen.size() == 3);
  // Within one proposition, earlier claims first, whatever the write order.
  for (size_t i = 0; i + 1 < seen.size(); ++i) {
    if (seen[i].first == seen[i + 1].first) CHECK(seen[i].second < seen[i + 1].second);
  }
  auto by_prop = db->ScanByProposition(sweden);
  REQUIRE(by_prop->Valid());
  CHECK(by_prop->ref().polarity == -1);
  CHECK(schema::FormatTime(by_prop->ref().made) == "2023-01-24T00:00:00Z");
  auto m = by_prop->mention();
  REQUIRE(m.ok());
  CHECK(m->extractor == "test");
  by_prop->Next();
  REQUIRE(by_prop->Valid());
  CHECK(by_prop->ref().polarity == +1);
  by_prop->Next();
  CHECK_FALSE(by_prop->Valid());
}

TEST_CASE("Time ranges include the start and exclude the end", "[engine]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  REQUIRE(db->Write({ClaimsBuilder("d", "2024-01-01")
                         .Claim("A", 1, "p", "2024-01-01T00:00:00Z")
                         .Claim("A", 1, "p", "2024-01-02T00:00:00Z")
                         .Claim("B", -1, "p", "2024-01-03T00:00:00Z")
                         .Build()},
                    {})
              .ok());
  engine::ScanOptions so{.made_from = *schema::ParseTime("2024-01-02"),
                         .made_to = *schema::ParseTime("2024-01-03")};
  auto count = [](std::unique_ptr<engine::MentionIterator> it) {
    int n = 0;
    for (; it->Valid(); it->Next()) ++n;
    REQUIRE(it->status().ok());
    return n;
  };
  CHECK(count(db->ScanByTime(so)) == 1);
  CHECK(count(db->ScanByProposition(schema::MakePropositionId("p"), so)) == 1);
  CHECK(count(db->ScanByHolder(schema::MakeEntityId("A"), so)) == 1);
  CHECK(count(db->ScanAllByHolder(so)) == 1);
  CHECK(count(db->ScanByTime()) == 3);
}

TEST_CASE("Canonical claims are listed once however often they are mentioned", "[engine]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  REQUIRE(db->Write({Memo("m1"), Memo("m2")}, {}).ok());
  auto nato = schema::MakePropositionId("finland joins nato");
  std::vector<int> polarities;
  for (auto it = db->ClaimsOfProposition(nato); it->Valid(); it->Next()) {
    polarities.push_back(it->claim().polarity);
  }
  CHECK(polarities == std::vector<int>{-1, 1});
  int mentions = 0;
  auto claim = schema::MakeClaimId(schema::MakeEntityId("Finland"), nato, 1);
  for (auto it = db->ScanByClaim(claim); it->Valid(); it->Next()) ++mentions;
  CHECK(mentions == 4);
  int docs = 0;
  for (auto it = db->ScanByDocument(Memo("m1").document.id); it->Valid(); it->Next()) ++docs;
  CHECK(docs == 3);
}

TEST_CASE("Ingest order and ingest time find what is new", "[engine]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  REQUIRE(db->Write({Memo("m1")}, {}).ok());
  uint64_t mark = db->NextSequence();
  auto later = absl::ToUnixMicros(absl::Now());
  REQUIRE(db->Write({Memo("m2")}, {}).ok());
  int fresh = 0;
  for (auto it = db->ScanByIngest(mark); it->Valid(); it->Next()) {
    CHECK(it->ref().sequence >= mark);
    ++fresh;
  }
  CHECK(fresh == 3);
  CHECK(*db->SequenceAt(later) == mark);
  CHECK(*db->SequenceAt(schema::kNoTime) == 1);
}

TEST_CASE("A snapshot does not see later writes", "[engine]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  REQUIRE(db->Write({Memo("m1")}, {}).ok());
  auto snap = db->GetSnapshot();
  REQUIRE(db->Write({Memo("m2")}, {}).ok());
  int seen = 0;
  for (auto it = db->ScanByTime({.snapshot = snap.get()}); it->Valid(); it->Next()) ++seen;
  CHECK(seen == 3);
  CHECK_FALSE(*db->HasDocument(Memo("m2").document.id, {.snapshot = snap.get()}));
}

TEST_CASE("Named values persist across opening", "[engine]") {
  TempDir dir;
  {
    auto db = OpenOrDie(dir.path());
    REQUIRE(db->PutMeta("report/weekly", "42").ok());
  }
  auto db = OpenOrDie(dir.path());
  CHECK(*db->GetMeta("report/weekly") == "42");
  CHECK(absl::IsNotFound(db->GetMeta("report/daily").status()));
}

TEST_CASE("Named values are listed by prefix in name order", "[engine]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  REQUIRE(db->PutMeta("report/weekly/watermark", "2").ok());
  REQUIRE(db->PutMeta("report/daily/watermark", "1").ok());
  REQUIRE(db->PutMeta("settings", "x").ok());
  auto all = db->ListMeta();
  REQUIRE(all.ok());
  using Values = std::vector<std::pair<std::string, std::string>>;
  CHECK(*all == Values{{"report/daily/watermark", "1"}, {"report/weekly/watermark", "2"},
                       {"settings", "x"}});
  auto reports = db->ListMeta("report/");
  REQUIRE(reports.ok());
  CHECK(reports->size() == 2);
  CHECK(db->ListMeta("none")->empty());
}

TEST_CASE("Writes that keep ingest times log each time where its mentions start", "[engine]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  auto a = Memo("a");
  auto b = ClaimsBuilder("b", "2024-01-02").Build();  // no claims
  auto c = ClaimsBuilder("c", "2024-01-02").Claim("Sweden", +1, "Sweden joins Nato").Build();
  a.document.ingested = 1000;
  b.document.ingested = 2000;
  c.document.ingested = 3000;
  auto unset = ClaimsBuilder("d", "").Build();
  CHECK(absl::IsInvalidArgument(db->Write({unset}, {.keep_ingest_time = true}).status()));
  REQUIRE(db->Write({a, b, c}, {.keep_ingest_time = true}).ok());
  CHECK(db->GetDocument(b.document.id)->ingested == 2000);
  const uint64_t first_of_c = 1 + a.mentions.size();
  CHECK(*db->SequenceAt(1000) == 1);
  CHECK(*db->SequenceAt(1001) == first_of_c);  // b added nothing: c's mention is next
  CHECK(*db->SequenceAt(3000) == first_of_c);
  CHECK(*db->SequenceAt(3001) == db->NextSequence());
  auto loader = db->NewBulkLoader({});
  REQUIRE(loader.ok());
  CHECK(absl::IsInvalidArgument((*loader)->Add({unset}, {.keep_ingest_time = true}).status()));
}

TEST_CASE("Opening a missing database for reading says so", "[engine]") {
  TempDir dir;
  auto db = Database::Open({.mode = engine::AccessMode::kReadOnly}, dir / "nothing");
  CHECK(absl::IsNotFound(db.status()));
}

TEST_CASE("A second writer gets a clear locked error", "[engine]") {
  TempDir dir;
  auto first = OpenOrDie(dir.path());
  auto second = Database::Open({}, dir.path());
  REQUIRE_FALSE(second.ok());
  CHECK(absl::IsFailedPrecondition(second.status()));
  CHECK(engine::IsLocked(second.status()));
  CHECK_THAT(std::string(second.status().message()), Catch::Contains("locked"));
  auto reader = Database::Open({.mode = engine::AccessMode::kReadOnly}, dir.path());
  CHECK(reader.ok());
}

TEST_CASE("Only the locked condition counts as locked, not a message that says so", "[engine]") {
  CHECK_FALSE(engine::IsLocked(absl::OkStatus()));
  CHECK_FALSE(engine::IsLocked(absl::FailedPreconditionError("the database is locked")));
  CHECK(engine::IsLocked(engine::LockedError("busy")));
  CHECK(engine::LockedError("busy").message() == "busy");
}

TEST_CASE("A directory that is not a stancegraph database is refused", "[engine]") {
  TempDir dir;
  std::ofstream(dir / "CURRENT") << "MANIFEST-000001\n";
  auto db = Database::Open({}, dir.path());
  REQUIRE_FALSE(db.ok());
}


TEST_CASE("Each mention records what it changed, and each proposition its sides",
          "[engine][incremental]") {
  TempDir dir;
  auto db = OpenOrDie(dir.path());
  // Turkey against, Finland for; then Turkey for (now on both sides), twice;
  // then Hungary neutral.
  REQUIRE(db->Write({ClaimsBuilder("memo-1", "2024-01-01")
                         .Claim("Turkey", -1, "Sweden joins Nato")
                         .Claim("Finland", +1, "Sweden joins Nato")
                         .Build()},
                    {})
              .ok());
  const uint64_t second = db->NextSequence();
  REQUIRE(db->Write({ClaimsBuilder("memo-2", "2024-07-01")
                         .Claim("Turkey", +1, "Sweden joins Nato")
                         .Claim("Turkey", +1, "Sweden joins Nato")
                         .Claim("Hungary", 0, "Sweden joins Nato")
                         .Build()},
                    {})
              .ok());
  CHECK(NoveltySince(*db, 1) == std::vector<Novelty>{{true, false, false},
                                                     {true, false, false},
                                                     {true, true, true},
                                                     {false, false, true},
                                                     {true, false, false}});
  CHECK(NoveltySince(*db, second).size() == 3);
  engine::PropositionSides s = SidesOf(*db, "Sweden joins Nato");
  CHECK(s.for_holders == 2);
  CHECK(s.against_holders == 1);
  CHECK(s.both_holders == 1);
  CHECK(s.OpposedPairs() == 1);  // Finland vs Turkey
  CHECK(SidesOf(*db, "Nobody said this").for_holders == 0);

  // A snapshot knows where its mentions end, whatever is written after it.
  auto snap = db->GetSnapshot();
  const uint64_t at_snapshot = db->NextSequence();
  REQUIRE(db->Write({ClaimsBuilder("memo-3", "2024-08-01")
                         .Claim("Hungary", -1, "Sweden joins Nato")
                         .Build()},
                    {})
              .ok());
  CHECK(snap->next_sequence() == at_snapshot);
  auto old = db->GetPropositionSides({schema::MakePropositionId("sweden joins nato")},
                                     {.snapshot = snap.get()});
  REQUIRE(old.ok());
  CHECK((*old)[0].against_holders == 1);
  CHECK(SidesOf(*db, "Sweden joins Nato").against_holders == 2);
}

TEST_CASE("A store whose creation was cut short is refused to readers with how to finish it",
          "[engine]") {
  TempDir tmp;
  // Killed between RocksDB's creation and our column families.
  CreateUnfinishedStore(tmp / "db", {"docs"});
  RequireRefusedToReadersUntilAWriterOpens(tmp / "db");
}

TEST_CASE("A store killed before its format was stamped is refused to readers the same way",
          "[engine]") {
  TempDir tmp;
  // Killed after our column families were made, before the format stamp.
  CreateUnfinishedStore(
      tmp / "db", std::vector<std::string>(engine::kCfNames.begin() + 1, engine::kCfNames.end()));
  RequireRefusedToReadersUntilAWriterOpens(tmp / "db");
}
