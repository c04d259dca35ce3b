// Re-extraction rebuilds the claims of a store from its documents: new
// lexicon entries find new claims, pre-extracted claims stay as they were,
// documents keep their ids, ingest times and order, and report watermarks
// keep their meaning.
#include "stancegraph/reextract/reextract.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <thread>

#include "reextract_fixture.h"
#include "stancegraph/query/report_watermark.h"
#include "stancegraph/schema/ids.h"
#include "support/engine_probe.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using engine::AccessMode;
using engine::Database;
using testing::TempDir;

namespace {

std::unique_ptr<Database> OpenRead(const std::string& dir) {
  auto db = Database::Open({.create_if_missing = false, .mode = AccessMode::kReadOnly}, dir);
  INFO(db.status().ToString());
  REQUIRE(db.ok());
  return *std::move(db);
}

// Each mention as the store has it, without its sequence: (document, claim,
// ordinal, predicate, extractor) in ingest order.
struct MentionView {
  schema::DocumentId document;
  schema::ClaimId claim;
  uint32_t ordinal;
  std::string predicate, extractor;
  auto operator<=>(const MentionView&) const = default;
};

std::vector<MentionView> Mentions(Database& db) {
  std::vector<MentionView> out;
  auto it = db.ScanByIngest(0);
  for (; it->Valid(); it->Next()) {
    auto m = it->mention();
    REQUIRE(m.ok());
    out.push_back({m->document, m->claim, m->ordinal, m->predicate, m->extractor});
  }
  REQUIRE(it->status().ok());
  return out;
}

std::map<schema::DocumentId, schema::Timestamp> IngestTimes(Database& db) {
  std::map<schema::DocumentId, schema::Timestamp> out;
  for (auto it = db.Documents(); it->Valid(); it->Next())
    out[it->value().id] = it->value().ingested;
  return out;
}

void RequireConsistent(Database& db) { REQUIRE(testing::ConsistencyReport(db).consistent()); }

bool HasHolder(Database& db, const std::string& name) {
  return db.ClaimsOfHolder(schema::MakeEntityId(name))->Valid();
}

}  // namespace

TEST_CASE("A cue verb added to the lexicon makes a new claim appear on re-extraction",
          "[reextract]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  testing::WriteFile(tmp / "in/a.txt", testing::Article("Bids", "2024-03-01", "Finland", "Sweden"));
  testing::ImportInto(dir, {tmp / "in"});
  CHECK_FALSE(HasHolder(*OpenRead(dir), "Germany"));

  testing::WriteFullGrumbleLexicon(tmp / "lexicon");
  reextract::ReextractOptions options;
  options.source.lexicon_dir = tmp / "lexicon";
  auto summary = reextract::Reextract(dir, options);
  INFO(summary.status().ToString());
  REQUIRE(summary.ok());
  CHECK(summary->documents == 1);
  CHECK(summary->reextracted == 1);
  CHECK(summary->kept == 0);
  CHECK(summary->mentions_before == 1);
  CHECK(summary->mentions_after == 2);
  CHECK(summary->format_before == engine::kFormatVersion);
  CHECK_FALSE(std::filesystem::exists(dir + ".rebuild"));
  auto db = OpenRead(dir);
  CHECK(HasHolder(*db, "Germany"));
  RequireConsistent(*db);
}

TEST_CASE("Pre-extracted claims come through re-extraction unchanged", "[reextract]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  const std::string claims = std::string(SG_SOURCE_DIR) + "/examples/claims/nato-enlargement.jsonl";
  testing::WriteFile(tmp / "in/a.txt", testing::Article("Bids", "2024-03-01", "Finland", "Sweden"));
  testing::ImportInto(dir, {claims});
  testing::ImportInto(dir, {tmp / "in"});
  std::vector<MentionView> before = Mentions(*OpenRead(dir));
  const auto kept_before = std::count_if(
      before.begin(), before.end(), [](const MentionView& m) { return m.extractor != "builtin"; });
  REQUIRE(kept_before > 0);

  testing::WriteFullGrumbleLexicon(tmp / "lexicon");
  reextract::ReextractOptions options;
  options.source.lexicon_dir = tmp / "lexicon";
  auto summary = reextract::Reextract(dir, options);
  REQUIRE(summary.ok());
  CHECK(summary->reextracted == 1);
  CHECK(summary->kept == summary->documents - 1);

  auto db = OpenRead(dir);
  std::vector<MentionView> after = Mentions(*db);
  auto pre_extracted = [](std::vector<MentionView> v) {
    v.erase(std::remove_if(v.begin(), v.end(),
                           [](const MentionView& m) { return m.extractor == "builtin"; }),
            v.end());
    return v;
  };
  // The same mentions of the same claims, in the same order.
  CHECK(pre_extracted(after) == pre_extracted(before));
  CHECK(after.size() == before.size() + 1);  // the grumble
  for (const MentionView& m : pre_extracted(after)) {
    auto claim = db->GetClaim(m.claim);
    REQUIRE(claim.ok());
    CHECK(db->GetProposition(claim->proposition).ok());
    CHECK(db->GetEntity(claim->holder).ok());
  }
  RequireConsistent(*db);
}

TEST_CASE("Documents keep their ids, ingest times and order, and report watermarks their meaning",
          "[reextract]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  // Two imports: the report ran after the first.
  testing::WriteFile(tmp / "first/a.txt", testing::Article("A", "2024-03-01", "Finland", "Sweden"));
  testing::WriteFile(tmp / "first/b.txt", "Quiet\n\nGermany grumbled that Norway must pay.\n");
  testing::WriteFile(tmp / "first/c.txt",
                     testing::Article("C", "2024-03-02", "Estonia", "Georgia"));
  testing::WriteFile(tmp / "second/d.txt",
                     testing::Article("D", "2024-03-03", "Latvia", "Moldova"));
  testing::WriteFile(tmp / "second/e.txt",
                     testing::Article("E", "2024-03-04", "Poland", "Ukraine"));
  testing::ImportInto(dir, {tmp / "first"});
  uint64_t mark = 0;
  {
    auto db = Database::Open({.create_if_missing = false}, dir);
    REQUIRE(db.ok());
    mark = (*db)->NextSequence();
    REQUIRE(query::AdvanceWatermark(**db, "daily", {.sequence = mark, .time = 42}).ok());
    REQUIRE((*db)->PutMeta("settings/colour", "blue").ok());
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  testing::ImportInto(dir, {tmp / "second"});

  std::map<schema::DocumentId, schema::Timestamp> times_before;
  std::set<schema::DocumentId> second_import;
  {
    auto db = OpenRead(dir);
    times_before = IngestTimes(*db);
    for (auto it = db->ScanByIngest(mark); it->Valid(); it->Next()) {
      second_import.insert(it->mention()->document);
    }
    // b.txt has no claim yet: nothing grumbles in the shipped lexicon.
    auto b = db->ScanByDocument(
        schema::MakeDocumentId("Quiet\n\nGermany grumbled that Norway must pay.\n"));
    CHECK_FALSE(b->Valid());
  }
  REQUIRE(second_import.size() == 2);

  testing::WriteFullGrumbleLexicon(tmp / "lexicon");
  reextract::ReextractOptions options;
  options.source.lexicon_dir = tmp / "lexicon";
  options.batch_documents = 2;  // the first import's documents span two writes
  auto summary = reextract::Reextract(dir, options);
  REQUIRE(summary.ok());
  CHECK(summary->reextracted == 5);
  CHECK(summary->mentions_after == summary->mentions_before + 5);

  auto db = OpenRead(dir);
  CHECK(IngestTimes(*db) == times_before);
  // Mentions come in ingest-time order, a document's together.
  schema::Timestamp last = schema::kNoTime;
  for (const MentionView& m : Mentions(*db)) {
    const schema::Timestamp t = times_before.at(m.document);
    CHECK(t >= last);
    last = t;
  }
  // The watermark still splits the first import from the second: the
  // mentions after it are exactly the second import's.
  auto carried = query::ReadWatermark(*db, "daily");
  REQUIRE(carried.ok());
  REQUIRE(carried->has_value());
  CHECK((*carried)->time == 42);
  std::set<schema::DocumentId> after_mark;
  for (auto it = db->ScanByIngest((*carried)->sequence); it->Valid(); it->Next()) {
    after_mark.insert(it->mention()->document);
  }
  CHECK(after_mark == second_import);
  // Before it: the first import's mentions, b.txt's new one included (a.txt
  // and c.txt with two each, b.txt with one).
  CHECK((*carried)->sequence == 1 + 2 * 2 + 1);
  CHECK(*db->SequenceAt(times_before.at(*second_import.begin())) == (*carried)->sequence);
  CHECK(*db->GetMeta("settings/colour") == "blue");
  RequireConsistent(*db);
}

TEST_CASE("A watermark at the end of the store stays at the end", "[reextract]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  testing::WriteFile(tmp / "in/a.txt", testing::Article("A", "2024-03-01", "Finland", "Sweden"));
  testing::ImportInto(dir, {tmp / "in"});
  {
    auto db = Database::Open({.create_if_missing = false}, dir);
    REQUIRE(db.ok());
    REQUIRE(query::AdvanceWatermark(**db, "all", {.sequence = (*db)->NextSequence()}).ok());
  }
  testing::WriteFullGrumbleLexicon(tmp / "lexicon");
  reextract::ReextractOptions options;
  options.source.lexicon_dir = tmp / "lexicon";
  REQUIRE(reextract::Reextract(dir, options).ok());
  auto db = OpenRead(dir);
  auto carried = query::ReadWatermark(*db, "all");
  REQUIRE(carried.ok());
  CHECK((*carried)->sequence == db->NextSequence());
  CHECK((*carried)->time == schema::kNoTime);
}

TEST_CASE("A re-extraction asked to stop keeps the old store and the next one completes",
          "[reextract]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  for (int i = 0; i < 3; ++i) {
    testing::WriteFile(
        tmp / ("in/" + std::to_string(i) + ".txt"),
        testing::Article("A" + std::to_string(i), "2024-03-01", "Finland", "Sweden"));
  }
  testing::ImportInto(dir, {tmp / "in"});
  testing::WriteFullGrumbleLexicon(tmp / "lexicon");
  std::atomic<bool> stop{true};  // as if Ctrl-C came at once
  reextract::ReextractOptions options;
  options.source.lexicon_dir = tmp / "lexicon";
  options.stop = &stop;
  auto first = reextract::Reextract(dir, options);
  REQUIRE(first.ok());
  CHECK(first->stopped);
  CHECK(first->done() < 3);
  CHECK(std::filesystem::exists(first->new_store));
  CHECK(OpenRead(dir)->GetStats()->mentions == 3);  // still the old store

  stop = false;
  auto second = reextract::Reextract(dir, options);
  REQUIRE(second.ok());
  CHECK_FALSE(second->stopped);
  CHECK(second->done() == 3);
  CHECK(second->mentions_after == 6);
  CHECK(OpenRead(dir)->GetStats()->mentions == 6);
  CHECK_FALSE(std::filesystem::exists(first->new_store));
}

TEST_CASE("A new store that holds documents the old one lacks is not swapped in", "[reextract]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  testing::WriteFile(tmp / "in/a.txt", testing::Article("A", "2024-03-01", "Finland", "Sweden"));
  testing::ImportInto(dir, {tmp / "in"});
  std::atomic<bool> stop{true};
  auto first = reextract::Reextract(dir, {.stop = &stop});
  REQUIRE(first.ok());
  REQUIRE(first->stopped);
  // As if the store had been replaced by another before the run continued.
  testing::WriteFile(tmp / "other/b.txt", testing::Article("B", "2024-03-02", "Norway", "Georgia"));
  testing::ImportInto(first->new_store, {tmp / "other"});
  auto second = reextract::Reextract(dir, {});
  REQUIRE(absl::IsFailedPrecondition(second.status()));
  CHECK_THAT(std::string(second.status().message()),
             Catch::Contains("it is not a rebuild of this store; delete it and run again"));
  CHECK(OpenRead(dir)->GetStats()->documents == 1);
}

TEST_CASE("Re-extraction refuses an external extractor and a store that is not there",
          "[reextract]") {
  TempDir tmp;
  reextract::ReextractOptions options;
  CHECK(absl::IsNotFound(reextract::Reextract(tmp / "absent", options).status()));
  options.source.extractor_command = "cat";
  CHECK(absl::IsInvalidArgument(reextract::Reextract(tmp / "absent", options).status()));
}
