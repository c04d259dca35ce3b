// Shared by the report CLI tests: a database imported from the report
// fixtures (tests/cli/fixtures/report/batch*.jsonl) and golden files.
#pragma once

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <string>

#include "support/cli_runner.h"
#include "support/temp_dir.h"

namespace stancegraph::testing {

inline std::string ReportFixture(const std::string& name) { return Fixture("report/" + name); }

// A database in a temporary directory, filled batch by batch.
class ReportDb {
 public:
  std::string db() const { return dir_ / "db"; }
  std::string path(const std::string& name) const { return dir_ / name; }

  void Import(const std::string& batch) {
    CliResult r = RunCli("import --quiet --db '" + db() + "' '" + ReportFixture(batch) + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  // `stancegraph report --db DB <args>`.
  CliResult Report(const std::string& args) const {
    return RunCli("report --db '" + db() + "' " + args);
  }

 private:
  TempDir dir_;
};

// Compares `actual` with tests/cli/golden/report/<name>; with
// SG_UPDATE_GOLDEN=1 in the environment, rewrites the golden instead.
inline void CheckReportGolden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(SG_SOURCE_DIR) + "/tests/cli/golden/report/" + name;
  const char* update = std::getenv("SG_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("golden rewritten: " << path);
    return;
  }
  const std::string expected = ReadFile(path);
  INFO("golden " << path << " (SG_UPDATE_GOLDEN=1 rewrites it)");
  CHECK(actual == expected);
}

}  // namespace stancegraph::testing
