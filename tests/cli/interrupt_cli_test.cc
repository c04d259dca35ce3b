// Long imports as a user sees them on a terminal: a progress line with how
// far through the input and how fast, and Ctrl-C stopping with a line that
// says what is stored and that the same command continues.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "nlohmann/json.hpp"
#include "support/cli_child.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using stancegraph::testing::CliResult;
using stancegraph::testing::RunCli;
using stancegraph::testing::StancegraphBinary;
using stancegraph::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// `n` short articles, one file each, every one with a stance the extractor finds.
void WriteArticles(const std::string& dir, int n) {
  fs::create_directories(dir);
  const char* holders[] = {"Finland", "Sweden", "Norway", "Estonia", "Poland", "Spain"};
  for (int i = 0; i < n; ++i) {
    std::ofstream out(dir + "/" + std::to_string(100000 + i) + ".txt");
    out << "Talks on the border, round " << i << "\n\n"
        << holders[i % 6] << " rejected the plan to close the border on day " << i
        << ", officials said. " << holders[(i + 1) % 6]
        << " said it supports the new trade agreement with the region.\n";
  }
}

uint64_t StoredDocuments(const std::string& db) {
  CliResult stats = RunCli("stats --format json --db '" + db + "'");
  REQUIRE(stats.exit_code == 0);
  return nlohmann::json::parse(stats.out).at("documents").get<uint64_t>();
}

}  // namespace

TEST_CASE("import on a terminal shows bytes read of the total, a percentage and the rate",
          "[cli][progress]") {
  TempDir tmp;
  WriteArticles(tmp / "articles", 200);
  // `script` gives the import a terminal; its output is what the user sees.
  const std::string cmd = "script -qec \"" + StancegraphBinary() + " import --db '" + (tmp / "db") +
                          "' '" + (tmp / "articles") + "'\" /dev/null";
  CliResult r = stancegraph::testing::RunExecutable("sh", "-c '" + cmd + "'");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // The last progress line has read the whole input.
  const size_t full = r.out.find(" MB (100%)");
  REQUIRE(full != std::string::npos);
  CHECK(r.out.rfind(" MB of ", full) != std::string::npos);
  CHECK_THAT(r.out, Catch::Contains("200 documents imported"));
}

TEST_CASE("Ctrl-C stops an import with what is stored, and the same command continues",
          "[cli][interrupt]") {
  TempDir tmp;
  constexpr int kArticles = 3000;
  WriteArticles(tmp / "articles", kArticles);
  const std::string db = tmp / "db";
  pid_t pid = stancegraph::testing::StartStancegraph({"import", "--db", db, tmp / "articles"},
                                                     {.out = "", .err = tmp / "err"});
  // Interrupt once the store exists and writes have begun.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!fs::exists(db + "/CURRENT") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  REQUIRE(kill(pid, SIGINT) == 0);
  const int status = stancegraph::testing::WaitFor(pid);
  const std::string err = stancegraph::testing::ReadFile(tmp / "err");
  INFO(err);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    WARN("the import finished before Ctrl-C reached it");
    return;
  }
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);  // 128 + SIGINT, as shells report it
  CHECK_THAT(err, Catch::Contains("interrupted: "));
  CHECK_THAT(err, Catch::Contains("Run the same command again to continue"));
  // The line counts exactly what is stored.
  const uint64_t stored = StoredDocuments(db);
  CHECK(stored < kArticles);
  CHECK_THAT(err, Catch::Contains("interrupted: " + std::to_string(stored) + " documents"));

  CliResult again = RunCli("import -q --db '" + db + "' '" + (tmp / "articles") + "'");
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(StoredDocuments(db) == kArticles);
  CliResult check = RunCli("check --db '" + db + "'");
  CHECK(check.exit_code == 0);
}
