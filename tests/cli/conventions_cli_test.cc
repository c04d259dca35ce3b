// Command-line conventions (git, ripgrep, sqlite3) and input hygiene of
// directory imports.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "nlohmann/json.hpp"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

namespace {

using stancegraph::testing::CliResult;
using stancegraph::testing::Fixture;
using stancegraph::testing::RunCli;
using stancegraph::testing::TempDir;
namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("the database option goes before or after the subcommand", "[cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(RunCli("--db '" + db + "' import --quiet '" + Fixture("claims.jsonl") + "'").exit_code == 0);
  CliResult before = RunCli("--db '" + db + "' stats --format json");
  CliResult after = RunCli("stats --format json --db '" + db + "'");
  REQUIRE(before.exit_code == 0);
  CHECK(before.out == after.out);
  CHECK(nlohmann::json::parse(before.out)["claims"].get<int>() > 0);
  CHECK(RunCli("--db='" + db + "' query actors --format json").exit_code == 0);
  CHECK(RunCli("-q --db '" + db + "' -v query changes --count").exit_code == 0);
}

TEST_CASE("help [SUBCOMMAND] prints the help of that subcommand", "[cli]") {
  CliResult top = RunCli("help");
  CHECK(top.exit_code == 0);
  CHECK(top.out.find("import") != std::string::npos);
  CliResult import = RunCli("help import");
  CHECK(import.exit_code == 0);
  CHECK(import.out.find("--max-document-bytes") != std::string::npos);
  CliResult nested = RunCli("help query changes");
  CHECK(nested.exit_code == 0);
  CHECK(nested.out.find("--timeline") != std::string::npos);
  CliResult typo = RunCli("help imprt");
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("did you mean 'import'") != std::string::npos);
}

TEST_CASE("mistyped subcommands and options get a suggestion and exit 2", "[cli]") {
  CliResult sub = RunCli("qeury contradictions");
  CHECK(sub.exit_code == 2);
  CHECK(sub.err.find("did you mean 'query'") != std::string::npos);
  CliResult nested = RunCli("query contradictons");
  CHECK(nested.exit_code == 2);
  CHECK(nested.err.find("did you mean 'contradictions'") != std::string::npos);
  CliResult opt = RunCli("query changes --formt json");
  CHECK(opt.exit_code == 2);
  CHECK(opt.err.find("did you mean '--format'") != std::string::npos);
  CliResult stats = RunCli("stats --dbb x");
  CHECK(stats.exit_code == 2);
  CHECK(stats.err.find("did you mean '--db'") != std::string::npos);
}

TEST_CASE("every usage error exits 2, bad option values included", "[cli]") {
  TempDir dir;
  const std::string db = " --db '" + std::string(dir / "db") + "'";
  REQUIRE(RunCli("import --quiet" + db + " '" + Fixture("claims.jsonl") + "'").exit_code == 0);
  for (const std::string args :
       {"query actors --limit x", "query actors --limit -1", "query changes --format xml",
        "query changes --per year", "query changes --timeline", "query claims",
        "query changes --count-events", "stats --format yaml", "export claims --format csv",
        "import --max-document-bytes -5 x", "frobnicate", ""}) {
    INFO(args);
    CHECK(RunCli(args + db).exit_code == 2);
  }
}

TEST_CASE("quiet and verbose flags are accepted by every subcommand", "[cli]") {
  TempDir dir;
  const std::string db = " --db '" + std::string(dir / "db") + "'";
  REQUIRE(RunCli("import -v" + db + " '" + Fixture("claims.jsonl") + "'").exit_code == 0);
  for (const std::string cmd :
       {"stats", "check", "query contradictions", "query changes", "query agreements",
        "query coalitions", "query actors", "export claims", "export entities"}) {
    for (const std::string flag : {"-q", "--quiet", "-v", "--verbose"}) {
      INFO(cmd << " " << flag);
      CHECK(RunCli(cmd + " " + flag + db).exit_code == 0);
    }
  }
}

TEST_CASE("the version names the storage format, RocksDB and Boost", "[cli]") {
  CliResult v = RunCli("--version");
  CHECK(v.exit_code == 0);
  CHECK(v.out.find(SG_VERSION) != std::string::npos);
  CHECK(v.out.find("storage format ") != std::string::npos);
  CHECK(v.out.find("RocksDB ") != std::string::npos);
  CHECK(v.out.find("Boost ") != std::string::npos);
}

TEST_CASE("a directory import skips documentation and binary files, with a note", "[cli]") {
  TempDir dir;
  const fs::path in = dir / "in";
  fs::copy_file(Fixture("claims.jsonl"), [&] {
    fs::create_directories(in);
    return in / "claims.jsonl";
  }());
  Write(in / "README.md", "# Data\nThe Mayor said the dam is good.\n");
  Write(in / "LICENSE", "Permission is hereby granted, free of charge.\n");
  Write(in / "sub" / "CHANGELOG", "1.0: first\n");
  Write(in / "photo.jpg", std::string("\xff\xd8\xff\xe0\0\x10JFIF", 10));
  Write(in / "blob", std::string("ab\0cd\0ef", 8));
  const std::string db = " --db '" + std::string(dir / "db") + "'";
  CliResult r = RunCli("import" + db + " '" + in.string() + "'");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  for (const char* name : {"README.md", "LICENSE", "CHANGELOG", "photo.jpg", "blob"}) {
    CHECK(r.err.find(std::string(name) + ": skipped") != std::string::npos);
  }
  CHECK(r.err.find("skipped 5 files") != std::string::npos);
  CliResult docs = RunCli("export documents" + db);
  CHECK(docs.out.find("README") == std::string::npos);
  CHECK(docs.out.find("LICENSE") == std::string::npos);
  CliResult json = RunCli("import --summary-format json -q" + db + " '" + in.string() + "'");
  REQUIRE(json.exit_code == 0);
  CHECK(nlohmann::json::parse(json.out)["files_skipped"] == 5);
}

TEST_CASE("a file named on the command line is imported as asked or refused with a reason",
          "[cli]") {
  TempDir dir;
  const std::string db = " --db '" + std::string(dir / "db") + "'";
  Write(dir / "README.md", "The Mayor said the city will build the dam.\n");
  CliResult readme = RunCli("import" + db + " '" + std::string(dir / "README.md") + "'");
  CHECK(readme.exit_code == 0);
  CHECK(readme.err.find("1 documents imported") != std::string::npos);
  Write(dir / "blob.bin", std::string("ab\0cd\0ef", 8));
  CliResult blob = RunCli("import" + db + " '" + std::string(dir / "blob.bin") + "'");
  CHECK(blob.exit_code == 1);
  CHECK(blob.err.find("binary file") != std::string::npos);
}
