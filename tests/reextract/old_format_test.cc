// A store of storage format 2 (documents without furniture, propositions
// with subject, relation and object) is refused by Open with the command
// that fixes it, and re-extraction turns it into the store a fresh import
// would make.
#include <catch2/catch.hpp>

#include "reextract_fixture.h"
#include "stancegraph/engine/check.h"
#include "stancegraph/importers/article.h"
#include "stancegraph/reextract/reextract.h"
#include "stancegraph/schema/json_codec.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using engine::AccessMode;
using engine::Database;
using testing::TempDir;

namespace {

const std::string kArticles = std::string(SG_SOURCE_DIR) + "/examples/articles";

// `stancegraph export claims`, in-process: one line per mention in ingest
// order, without the document text.
std::vector<std::string> ExportLines(const std::string& dir) {
  auto db = Database::Open({.create_if_missing = false, .mode = AccessMode::kReadOnly}, dir);
  REQUIRE(db.ok());
  std::vector<std::string> lines;
  auto it = (*db)->ScanByIngest(0);
  for (; it->Valid(); it->Next()) {
    schema::ClaimRecord r;
    r.mention = *it->mention();
    r.mention.sequence = 0;
    r.document = *(*db)->GetDocument(r.mention.document);
    r.document.text.clear();
    r.claim = *(*db)->GetClaim(r.mention.claim);
    r.holder = *(*db)->GetEntity(r.claim.holder);
    r.proposition = *(*db)->GetProposition(r.claim.proposition);
    lines.push_back(schema::ClaimRecordToJson(r));
  }
  REQUIRE(it->status().ok());
  return lines;
}

}  // namespace

TEST_CASE("A format-2 store is refused with the command that rebuilds it", "[reextract]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  testing::ImportInto(dir, {kArticles});
  testing::DowngradeToFormat2(dir);
  const std::string expected = "database " + dir +
                               " has storage format 2; this stancegraph reads format 3: run "
                               "`stancegraph reextract --db " +
                               dir + "` to rebuild its claims from the stored documents";
  for (auto mode : {AccessMode::kReadWrite, AccessMode::kReadOnly, AccessMode::kSecondary}) {
    auto db = Database::Open({.create_if_missing = false, .mode = mode}, dir);
    REQUIRE(absl::IsFailedPrecondition(db.status()));
    CHECK(std::string(db.status().message()) == expected);
  }
}

TEST_CASE("Re-extracting a format-2 store gives what a fresh import gives", "[reextract]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  testing::ImportInto(dir, {kArticles});
  const std::vector<std::string> fresh = ExportLines(dir);
  REQUIRE(fresh.size() > 10);
  testing::DowngradeToFormat2(dir);

  auto summary = reextract::Reextract(dir, {});
  INFO(summary.status().ToString());
  REQUIRE(summary.ok());
  CHECK(summary->format_before == 2);
  CHECK(summary->reextracted == summary->documents);
  CHECK(summary->mentions_after == fresh.size());

  auto db = Database::Open({.create_if_missing = false}, dir);
  REQUIRE(db.ok());
  auto report = engine::CheckConsistency(**db);
  REQUIRE(report.ok());
  CHECK(report->consistent());
  db->reset();
  // The dateline and "Leave a comment" lines the reader marked are furniture
  // again, so the claims are exactly those of a fresh import.
  CHECK(ExportLines(dir) == fresh);
  db = Database::Open({.create_if_missing = false, .mode = AccessMode::kReadOnly}, dir);
  REQUIRE(db.ok());
  const std::string path = kArticles + "/healey-2025-08-15.txt";
  importers::Article article = importers::ParseTextArticle(testing::ReadFile(path), "unused");
  REQUIRE(article.furniture.size() >= 2);
  auto doc = (*db)->GetDocument(article.document.id);
  REQUIRE(doc.ok());
  CHECK(doc->furniture == article.furniture);
}
