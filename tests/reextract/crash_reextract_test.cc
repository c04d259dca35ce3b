// Crash safety of the real `stancegraph reextract`: killed with SIGKILL at
// random moments, the store at --db must each time be the whole old store or
// the whole new one (it passes `stancegraph check` with the exact document
// and mention counts of one of them, and carries that one's report
// watermark); running the same command again continues and completes.
// Ctrl-C stops it with a line saying how to continue. Needs the built
// cli/stancegraph.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "nlohmann/json.hpp"
#include "reextract_fixture.h"
#include "stancegraph/query/report_watermark.h"
#include "support/claims_csv.h"
#include "support/cli_child.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using testing::ExitedWith;
using testing::TempDir;
using testing::WaitFor;
namespace fs = std::filesystem;

namespace {

constexpr int kArticles = 1200;
constexpr int kClaimDocuments = 100;
#if defined(__SANITIZE_ADDRESS__)
// Each run and check is several times slower under AddressSanitizer.
constexpr int kKills = 6;
#else
constexpr int kKills = 12;
#endif

// What identifies a whole store: its counts and its watermark.
struct Shape {
  uint64_t documents = 0;
  uint64_t mentions = 0;
  uint64_t watermark = 0;
  bool operator==(const Shape&) const = default;
};

// Articles the grumble lexicon finds more in, and pre-extracted claims it
// must leave alone, imported in two runs with a report between them.
void MakeStore(const TempDir& tmp, const std::string& dir) {
  static const char* kCountries[] = {"Finland", "Sweden",  "Norway",  "Estonia", "Latvia",
                                     "Poland",  "France",  "Italy",   "Spain",   "Turkey",
                                     "Hungary", "Romania", "Ukraine", "Georgia", "Moldova"};
  constexpr int n = sizeof(kCountries) / sizeof(kCountries[0]);
  for (int i = 0; i < kArticles; ++i) {
    const std::string day = std::to_string(1 + i % 28);
    testing::WriteFile(tmp / ("articles/" + std::to_string(10000 + i) + ".txt"),
                       testing::Article("Talks " + std::to_string(i),
                                        "2024-03-" + std::string(day.size() == 1 ? "0" : "") + day,
                                        kCountries[i % n], kCountries[(i * 7 + 3) % n]));
  }
  testing::WriteClaimsCsv(
      tmp / "claims.csv",
      {.documents = kClaimDocuments, .rows_per_document = 3, .holders = 51, .propositions = 199});
  testing::ImportInto(dir, {tmp / "articles"});
  {
    auto db = engine::Database::Open({.create_if_missing = false}, dir);
    REQUIRE(db.ok());
    REQUIRE(query::AdvanceWatermark(**db, "daily", {.sequence = (*db)->NextSequence()}).ok());
  }
  testing::ImportInto(dir, {tmp / "claims.csv"});
}

// The names in `dir`, for a failure's message.
std::string Listing(const std::string& dir) {
  std::string names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) names += e.path().filename().string() + " ";
  return ec ? ec.message() : names;
}

// Its stderr goes to StderrOf(dir), appended run after run.
std::string StderrOf(const std::string& dir) { return dir + ".stderr"; }

pid_t StartReextract(const std::string& dir, const std::string& lexicons) {
  return testing::StartStancegraph(
      {"reextract", "-q", "--db", dir},
      {.err = StderrOf(dir), .env = {{"STANCEGRAPH_LEXICONS", lexicons}}});
}

// `stancegraph check` passes; returns the store's counts and watermark.
Shape Verify(const std::string& dir) {
  auto r = testing::RunCli("check --format json --db " + dir);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto report = nlohmann::json::parse(r.out);
  REQUIRE(report["consistent"] == true);
  Shape shape{.documents = report["documents"], .mentions = report["mentions"]};
  auto db = engine::Database::Open(
      {.create_if_missing = false, .mode = engine::AccessMode::kReadOnly}, dir);
  REQUIRE(db.ok());
  auto mark = query::ReadWatermark(**db, "daily");
  REQUIRE(mark.ok());
  REQUIRE(mark->has_value());
  shape.watermark = (*mark)->sequence;
  return shape;
}

}  // namespace

TEST_CASE("A reextract killed at random moments leaves the old or the new store and completes",
          "[reextract][crash]") {
  TempDir tmp;
  const std::string original = tmp / "original";
  MakeStore(tmp, original);
  testing::WriteGrumbleLexicon(tmp / "lexicons");
  const Shape old_shape = Verify(original);
  REQUIRE(old_shape.documents == kArticles + kClaimDocuments);

  // An uninterrupted run gives the new store and tells how long one takes.
  const std::string reference = tmp / "reference";
  fs::copy(original, reference, fs::copy_options::recursive);
  auto start = std::chrono::steady_clock::now();
  REQUIRE(ExitedWith(WaitFor(StartReextract(reference, tmp / "lexicons")), 0));
  const auto full = std::chrono::steady_clock::now() - start;
  const Shape new_shape = Verify(reference);
  REQUIRE(new_shape.documents == old_shape.documents);
  REQUIRE(new_shape.mentions == old_shape.mentions + kArticles);    // one grumble each
  REQUIRE(new_shape.watermark == old_shape.watermark + kArticles);  // after the grumbles

  std::random_device seed_source;
  const unsigned seed = seed_source();
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  const int64_t full_us = std::chrono::duration_cast<std::chrono::microseconds>(full).count();
  std::uniform_int_distribution<int64_t> anywhere(0, full_us);
  // The swap and the cleanup after it take the last few percent of a run:
  // every other chain is first killed around the end.
  std::uniform_int_distribution<int64_t> near_end(full_us * 8 / 10, full_us);
  int kills = 0, chains = 0, old_seen = 0, new_seen = 0, resumable = 0;
  for (int attempt = 0; kills < kKills && attempt < 4 * kKills; ++chains) {
    // A chain: kill, verify, run again and kill again, up to four times;
    // then let it finish.
    const std::string dir = tmp / ("chain-" + std::to_string(chains));
    fs::copy(original, dir, fs::copy_options::recursive);
    for (int k = 0; k < 4 && kills < kKills; ++k, ++attempt) {
      pid_t pid = StartReextract(dir, tmp / "lexicons");
      const bool end = k == 0 && chains % 2 == 1;
      std::this_thread::sleep_for(std::chrono::microseconds(end ? near_end(rng) : anywhere(rng)));
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) break;  // finished first
      REQUIRE(kill(pid, SIGKILL) == 0);
      if (!WIFSIGNALED(WaitFor(pid))) break;  // finished as the signal came
      ++kills;
      const Shape shape = Verify(dir);
      INFO("after kill " << kills << ": " << shape.documents << " documents, " << shape.mentions
                         << " mentions, watermark " << shape.watermark);
      REQUIRE((shape == old_shape || shape == new_shape));
      ++(shape == old_shape ? old_seen : new_seen);
      if (fs::exists(dir + ".rebuild/REBUILDING")) ++resumable;
    }
    const int status = WaitFor(StartReextract(dir, tmp / "lexicons"));
    INFO("the runs said: " << testing::ReadFile(StderrOf(dir)));
    INFO("the store and its rebuild hold: " << Listing(dir) << " | " << Listing(dir + ".rebuild"));
    REQUIRE(ExitedWith(status, 0));
    CHECK(Verify(dir) == new_shape);
    CHECK_FALSE(fs::exists(dir + ".rebuild"));
    CHECK_FALSE(fs::exists(dir + "/REBUILDING"));
    CHECK(testing::RunCli("export claims --db " + dir).out ==
          testing::RunCli("export claims --db " + reference).out);
    fs::remove_all(dir);
  }
  WARN("reextract: " << kills << " kills in " << chains << " chains; the old store " << old_seen
                     << " times (" << resumable << " with a new one to resume beside it), the new "
                     << new_seen << " times; all whole");
  CHECK(kills >= kKills);
}

TEST_CASE("A reextract stopped with Ctrl-C says how far it got and the same command continues",
          "[reextract][crash]") {
  TempDir tmp;
  const std::string dir = tmp / "db";
  MakeStore(tmp, dir);
  testing::WriteGrumbleLexicon(tmp / "lexicons");
  const Shape old_shape = Verify(dir);
  // Interrupt as soon as the first documents are in the new store.
  pid_t pid = testing::StartStancegraph(
      {"reextract", "--db", dir},
      {.out = "", .err = tmp / "err", .env = {{"STANCEGRAPH_LEXICONS", tmp / "lexicons"}}});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!fs::exists(dir + ".rebuild/CURRENT") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(kill(pid, SIGINT) == 0);
  const int status = WaitFor(pid);
  const std::string err = testing::ReadFile(tmp / "err");
  INFO(err);
  if (ExitedWith(status, 0)) {
    WARN("reextract finished before Ctrl-C reached it");
    return;
  }
  REQUIRE(ExitedWith(status, 130));  // 128 + SIGINT, as shells report it
  CHECK_THAT(err, Catch::Matches("stopped: \\d+ of 1300 documents are in the new store being "
                                 "built in .*db\\.rebuild; .*db stays as it was until that one is "
                                 "complete\\. Run the same command to continue\\.\n"));
  CHECK(Verify(dir) == old_shape);
  const bool some_written = err.rfind("stopped: 0 of", 0) != 0;

  setenv("STANCEGRAPH_LEXICONS", (tmp / "lexicons").c_str(), 1);
  auto again = testing::RunCli("reextract --db " + dir);
  unsetenv("STANCEGRAPH_LEXICONS");
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  if (some_written) CHECK_THAT(again.err, Catch::Contains("written by an earlier run"));
  CHECK(Verify(dir).mentions == old_shape.mentions + kArticles);
}
