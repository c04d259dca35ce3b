// Queries from other processes keep answering while `stancegraph import` runs.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <fstream>

#include "support/cli_child.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph::testing;

namespace {

// Many documents, each with a holder who both supports and rejects something
// another holder rejects: contradictions grow as the import goes on.
void WriteClaims(const std::string& path, int documents) {
  std::ofstream out(path);
  out << "claim_id,holder,proposition_id,polarity,ts,doc_id\n";
  int id = 0;
  for (int d = 0; d < documents; ++d) {
    for (int r = 0; r < 4; ++r) {
      out << ++id << ",holder-" << (d + r) % 97 << ",prop-" << d % 389 << ","
          << (r % 2 ? 1 : -1) << "," << 1577836800 + d * 60 + r << ",doc-" << d << "\n";
    }
  }
}

pid_t StartImport(const std::string& db, const std::string& input) {
  return StartStancegraph({"import", "-q", "--db", db, input});
}

}  // namespace

TEST_CASE("queries and exports in other processes answer while an import runs",
          "[cli][concurrency]") {
  TempDir dir;
  const std::string db = "--db " + (dir / "db");
  REQUIRE(RunCli("import " + db + " " + Fixture("claims.jsonl")).exit_code == 0);
  WriteClaims(dir / "big.csv", 30000);
  pid_t importer = StartImport(dir / "db", dir / "big.csv");
  REQUIRE(importer > 0);
  int rounds = 0, while_running = 0;
  size_t last_export_lines = 0;
  int status = 0;
  for (bool running = true; running; ++rounds) {
    running = waitpid(importer, &status, WNOHANG) == 0;
    auto contradictions = RunCli("query contradictions " + db);
    INFO(contradictions.err);
    REQUIRE(contradictions.exit_code == 0);
    auto exported = RunCli("export claims " + db);
    INFO(exported.err);
    REQUIRE(exported.exit_code == 0);
    const size_t lines = std::count(exported.out.begin(), exported.out.end(), '\n');
    CHECK(lines >= last_export_lines);  // a later reader never sees less
    last_export_lines = lines;
    auto check = RunCli("check " + db);
    INFO(check.out << check.err);
    REQUIRE(check.exit_code == 0);
    if (running) ++while_running;
  }
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  WARN(rounds << " rounds of query contradictions, export claims and check; " << while_running
              << " began while the import ran");
  CHECK(last_export_lines == 3 + 30000 * 4);
}
