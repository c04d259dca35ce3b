// The output contract (docs/output-formats.md): every subcommand × format
// against a golden file, `--format json` parsing as one document, counts as
// objects, and formats a subcommand cannot give refused with exit 2.
// SG_UPDATE_GOLDEN=1 rewrites the goldens after an intended change.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

namespace {

using stancegraph::testing::CliResult;
using stancegraph::testing::Fixture;
using stancegraph::testing::ReadFile;
using stancegraph::testing::RunCli;
using stancegraph::testing::TempDir;

// One database for the whole file: the report fixtures, two batches.
const std::string& Db() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "db";
    for (const char* batch : {"batch1.jsonl", "batch2.jsonl"}) {
      CliResult r = RunCli("import --quiet --db '" + path + "' '" + Fixture(std::string("report/") + batch) + "'");
      REQUIRE(r.exit_code == 0);
    }
    return path;
  }();
  return db;
}

void CheckGolden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(SG_SOURCE_DIR) + "/tests/cli/golden/output/" + name;
  const char* update = std::getenv("SG_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("golden rewritten: " << path);
    return;
  }
  INFO("golden " << path << " (SG_UPDATE_GOLDEN=1 rewrites it)");
  CHECK(actual == ReadFile(path));
}

struct Case {
  std::string name;  // golden file stem
  std::string args;  // after `stancegraph`, before --db
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"contradictions", "query contradictions"},
      {"contradictions-count", "query contradictions --count-pairs"},
      {"agreements", "query agreements"},
      {"changes", "query changes"},
      {"changes-count", "query changes --count --count-events"},
      {"claims", "query claims --holder 'Lena Ortiz'"},
      {"coalitions", "query coalitions --min-count 1"},
      {"coalitions-triads", "query coalitions --triads"},
      {"actors", "query actors --limit 0"},
      {"path", "query path --between 'Lena Ortiz' --and 'Green River Coalition'"},
      {"stats", "stats"},
      {"check", "check"},
  };
  return cases;
}

// The store's size on disk varies with RocksDB's files: replaces the number
// after "disk_bytes": (json), "disk bytes   " (table) and in the second
// column of the csv row with N.
std::string MaskSizes(std::string out) {
  auto mask_digits_at = [&out](size_t pos) {
    size_t end = pos;
    while (end < out.size() && out[end] >= '0' && out[end] <= '9') ++end;
    if (end > pos) out.replace(pos, end - pos, "N");
  };
  for (const std::string marker : {"\"disk_bytes\":", "disk bytes"}) {
    for (size_t at = out.find(marker); at != std::string::npos; at = out.find(marker, at + 1)) {
      size_t pos = at + marker.size();
      while (pos < out.size() && out[pos] == ' ') ++pos;
      mask_digits_at(pos);
    }
  }
  // csv: the header names disk_bytes second; the row after it holds the size.
  const size_t header = out.find("claims,disk_bytes,");
  if (header != std::string::npos) {
    const size_t row = out.find('\n', header);
    const size_t comma = row == std::string::npos ? row : out.find(',', row);
    if (comma != std::string::npos) mask_digits_at(comma + 1);
  }
  return out;
}

bool Refused(const std::string& name, const std::string& format) {
  return name == "coalitions-triads" && format == "csv";
}

void CheckJsonl(const std::string& out) {
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    INFO(line);
    CHECK(nlohmann::json::parse(line).is_object());
  }
}

}  // namespace

TEST_CASE("every subcommand prints every format as the golden says", "[cli][golden]") {
  for (const Case& c : Cases()) {
    for (const std::string format : {"table", "json", "jsonl", "csv"}) {
      const std::string stem = c.name + "." + format;
      INFO("stancegraph " << c.args << " --format " << format);
      // stats and check print the database path in their table.
      const std::string args = c.args + " --format " + format + " --db '" + Db() + "'";
      CliResult r = RunCli(args);
      if (Refused(c.name, format)) {
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("cannot be printed as") != std::string::npos);
        continue;
      }
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      std::string out = r.out;
      if (format == "table" && (c.name == "stats" || c.name == "check")) {
        out.replace(out.find(Db()), Db().size(), "DB");
      }
      if (c.name == "stats") {
        // The store's size on disk varies with RocksDB's files.
        out = MaskSizes(out);
      }
      if (format == "json") {
        nlohmann::json j;
        REQUIRE_NOTHROW(j = nlohmann::json::parse(r.out));
        CHECK((j.is_array() || j.is_object()));
      }
      if (format == "jsonl") CheckJsonl(r.out);
      CheckGolden(stem, out);
    }
  }
}

TEST_CASE("query X --format json is one JSON document for every X", "[cli]") {
  for (const std::string q :
       {"contradictions", "contradictions --count-pairs", "agreements", "changes",
        "changes --count", "changes --count --count-events", "claims --holder 'Lena Ortiz'",
        "coalitions", "coalitions --triads", "actors",
        "path --between 'Lena Ortiz' --and 'Green River Coalition'"}) {
    INFO("query " << q);
    CliResult r = RunCli("query " + q + " --format json --db '" + Db() + "'");
    REQUIRE(r.exit_code == 0);
    CHECK_NOTHROW(nlohmann::json::parse(r.out));
  }
}

TEST_CASE("counts are JSON objects and plain numbers for people", "[cli]") {
  CliResult n = RunCli("query changes --count --count-events --format json --db '" + Db() + "'");
  REQUIRE(n.exit_code == 0);
  auto j = nlohmann::json::parse(n.out);
  CHECK(j.contains("flipped_pairs"));
  CHECK(j.contains("reversals"));
  CliResult p = RunCli("query contradictions --count-pairs --format jsonl --db '" + Db() + "'");
  CHECK(nlohmann::json::parse(p.out).contains("contradicting_pairs"));
}

TEST_CASE("confidence prints as written, not as float noise", "[cli]") {
  CliResult r = RunCli("query contradictions --format json --db '" + Db() + "'");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"confidence\":0.9") != std::string::npos);
  CHECK(r.out.find("0.8999999") == std::string::npos);
}

TEST_CASE("CSV headers are unique", "[cli]") {
  for (const Case& c : Cases()) {
    if (Refused(c.name, "csv")) continue;
    CliResult r = RunCli(c.args + " --format csv --db '" + Db() + "'");
    const std::string header = r.out.substr(0, r.out.find('\n'));
    std::vector<std::string> names;
    std::istringstream cells(header);
    std::string cell;
    while (std::getline(cells, cell, ',')) names.push_back(cell);
    std::sort(names.begin(), names.end());
    INFO(c.args << ": " << header);
    CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  }
}

TEST_CASE("export prints JSON lines or one array, and refuses what it cannot give", "[cli]") {
  for (const std::string kind : {"claims", "entities", "propositions", "documents"}) {
    INFO(kind);
    CliResult lines = RunCli("export " + kind + " --db '" + Db() + "'");
    REQUIRE(lines.exit_code == 0);
    CheckJsonl(lines.out);
    CliResult array = RunCli("export " + kind + " --format json --db '" + Db() + "'");
    REQUIRE(array.exit_code == 0);
    auto j = nlohmann::json::parse(array.out);
    CHECK(j.is_array());
    CHECK(j.size() == static_cast<size_t>(std::count(lines.out.begin(), lines.out.end(), '\n')));
    CliResult csv = RunCli("export " + kind + " --format csv --db '" + Db() + "'");
    CHECK(csv.exit_code == 2);
    CHECK(csv.out.empty());
  }
}

TEST_CASE("export network CSV gives a node table and an edge table", "[cli]") {
  for (const std::string kind : {"signed", "bipartite"}) {
    INFO(kind);
    CliResult edges = RunCli("export network --kind " + kind + " --format csv --db '" + Db() + "'");
    REQUIRE(edges.exit_code == 0);
    CHECK(edges.out.starts_with("Source,Target,Type,Weight"));
    CliResult nodes =
        RunCli("export network --kind " + kind + " --format csv --nodes --db '" + Db() + "'");
    REQUIRE(nodes.exit_code == 0);
    CHECK(nodes.out.starts_with("Id,Label,"));
    CheckGolden("network-" + kind + "-nodes.csv", nodes.out);
    CheckGolden("network-" + kind + "-edges.csv", edges.out);
  }
  CHECK(RunCli("export network --format graphml --nodes --db '" + Db() + "'").exit_code == 2);
}
