// `stancegraph report`: golden Markdown and JSON, the --since-last watermark
// (moved only after a complete report, per profile, not while locked) and
// writing to a file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "report_test_util.h"
#include "stancegraph/engine/database.h"

namespace stancegraph::testing {
namespace {

constexpr char kFirstNow[] = "--now 2024-03-31T06:00:00Z";
constexpr char kSecondNow[] = "--now 2024-04-30T06:00:00Z";

// batch1, a first report per profile, then batch2: what the second report
// shows is new.
void ImportTwoBatches(ReportDb& db, const std::vector<std::string>& profiles) {
  db.Import("batch1.jsonl");
  for (const std::string& p : profiles) {
    CliResult r = db.Report("--since-last --name " + p + " " + kFirstNow);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  db.Import("batch2.jsonl");
}

TEST_CASE("report --since-last prints the Markdown and JSON goldens", "[cli][report]") {
  ReportDb db;
  ImportTwoBatches(db, {"md", "json"});
  CliResult md = db.Report(std::string("--since-last --name md ") + kSecondNow);
  INFO(md.err);
  REQUIRE(md.exit_code == 0);
  CheckReportGolden("since_last.md", md.out);
  CliResult json = db.Report(std::string("--since-last --name json --format json ") + kSecondNow);
  INFO(json.err);
  REQUIRE(json.exit_code == 0);
  CheckReportGolden("since_last.json", json.out);
}

TEST_CASE("report without --since covers everything and prints the full golden", "[cli][report]") {
  ReportDb db;
  db.Import("batch1.jsonl");
  db.Import("batch2.jsonl");
  CliResult r = db.Report(kFirstNow);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CheckReportGolden("full.md", r.out);
}

TEST_CASE("a second --since-last report finds nothing new", "[cli][report]") {
  ReportDb db;
  ImportTwoBatches(db, {"daily"});
  REQUIRE(db.Report("--since-last --name daily").exit_code == 0);
  CliResult again = db.Report("--since-last --name daily");
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("## New contradictions\n\nNone since") != std::string::npos);
  CHECK(again.out.find("## New reversals\n\nNone since") != std::string::npos);
  // The whole-store sections are still there.
  CHECK(again.out.find("Riverton builds the dam") != std::string::npos);
}

TEST_CASE("named report profiles keep separate watermarks", "[cli][report]") {
  ReportDb db;
  ImportTwoBatches(db, {"daily"});
  REQUIRE(db.Report("--since-last --name daily").exit_code == 0);
  // "weekly" has made no report yet: everything is new to it.
  CliResult weekly = db.Report("--since-last --name weekly --format json");
  REQUIRE(weekly.exit_code == 0);
  CHECK(weekly.out.find("\"new_contradictions\": 3") != std::string::npos);
  CliResult daily = db.Report("--since-last --name daily --format json");
  CHECK(daily.out.find("\"new_contradictions\": 0") != std::string::npos);
}

TEST_CASE("report --out writes the file whole and leaves no temporary file", "[cli][report]") {
  ReportDb db;
  db.Import("batch1.jsonl");
  const std::string out = db.path("reports/report.html");
  std::filesystem::create_directories(db.path("reports"));
  CliResult r = db.Report("--format html --out '" + out + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  const std::string html = ReadFile(out);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("</html>") != std::string::npos);
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(db.path("reports"))) {
    (void)entry;
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("report --out honours the umask and does not write through a link", "[cli][report]") {
  ReportDb db;
  db.Import("batch1.jsonl");
  const std::string victim = db.path("victim.md");
  { std::ofstream(victim) << "precious"; }
  const std::string out = db.path("report.md");
  std::filesystem::create_symlink(victim, out);
  CliResult r = RunExecutable("umask 027; " + std::string(SG_BINARY_DIR) + "/cli/stancegraph",
                              "report --db '" + db.db() + "' --out '" + out + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(ReadFile(victim) == "precious");
  CHECK_FALSE(std::filesystem::is_symlink(out));
  CHECK(ReadFile(out).find("## New contradictions") != std::string::npos);
  CHECK((std::filesystem::status(out).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
         std::filesystem::perms::group_read));
}

TEST_CASE("the watermark stays when the report cannot be written", "[cli][report]") {
  ReportDb db;
  db.Import("batch1.jsonl");
  CliResult failed = db.Report("--since-last --out '" + db.path("missing-dir/r.md") + "'");
  CHECK(failed.exit_code == 1);
  CHECK(failed.err.find("missing-dir") != std::string::npos);
  // Still new for the next report.
  CliResult next = db.Report("--since-last --format json");
  CHECK(next.out.find("\"new_contradictions\": 2") != std::string::npos);
}

TEST_CASE("the watermark stays while an import holds the write lock", "[cli][report]") {
  ReportDb db;
  db.Import("batch1.jsonl");
  {
    auto writer = engine::Database::Open({}, db.db());
    REQUIRE(writer.ok());
    CliResult r = db.Report("--since-last --lock-retries 1");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("watermark was not moved") != std::string::npos);
    // The report itself was printed from a read-only view.
    CHECK(r.out.find("## New contradictions") != std::string::npos);
  }
  CliResult next = db.Report("--since-last --format json");
  REQUIRE(next.exit_code == 0);
  CHECK(next.out.find("\"new_contradictions\": 2") != std::string::npos);
  CliResult after = db.Report("--since-last --format json");
  CHECK(after.out.find("\"new_contradictions\": 0") != std::string::npos);
}

TEST_CASE("two --since-last reports at once both finish and leave a sound watermark",
          "[cli][report]") {
  ReportDb db;
  db.Import("batch1.jsonl");
  const std::string report = std::string(SG_BINARY_DIR) + "/cli/stancegraph report --db '" +
                             db.db() + "' --since-last --format json";
  const std::string both = "(" + report + " >'" + db.path("a.json") + "' & " + report + " >'" +
                           db.path("b.json") + "' & wait) 2>'" + db.path("err") + "'";
  REQUIRE(std::system(both.c_str()) == 0);
  INFO(ReadFile(db.path("err")));
  CHECK(ReadFile(db.path("a.json")).find("\"new_contradictions\": 2") != std::string::npos);
  CHECK(ReadFile(db.path("b.json")).find("\"new_contradictions\": 2") != std::string::npos);
  CliResult next = db.Report("--since-last --format json");
  REQUIRE(next.exit_code == 0);
  CHECK(next.out.find("\"new_contradictions\": 0") != std::string::npos);
}

TEST_CASE("report --since counts what was ingested after a time and leaves the watermark",
          "[cli][report]") {
  ReportDb db;
  db.Import("batch1.jsonl");
  db.Import("batch2.jsonl");
  CliResult all = db.Report("--since 2000-01-01 --format json");
  REQUIRE(all.exit_code == 0);
  CHECK(all.out.find("\"new_contradictions\": 3") != std::string::npos);
  CliResult none = db.Report("--since 2999-01-01 --format json");
  REQUIRE(none.exit_code == 0);
  CHECK(none.out.find("\"new_contradictions\": 0") != std::string::npos);
  CHECK(none.out.find("\"time\": \"2999-01-01T00:00:00Z\"") != std::string::npos);
  // --since-last has not been run yet: everything is still new to it.
  CliResult last = db.Report("--since-last --format json");
  CHECK(last.out.find("\"new_contradictions\": 3") != std::string::npos);
}

TEST_CASE("report rejects --since with --since-last and bad profile names", "[cli][report]") {
  ReportDb db;
  db.Import("batch1.jsonl");
  CHECK(db.Report("--since-last --since 2024-01-01").exit_code == 2);
  CliResult bad = db.Report("--name ../x");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("profile name") != std::string::npos);
}

TEST_CASE("report on a missing database fails with a message", "[cli][report]") {
  TempDir dir;
  CliResult r = RunCli("report --db '" + (dir / "none") + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("stancegraph: error:") != std::string::npos);
}

}  // namespace
}  // namespace stancegraph::testing
