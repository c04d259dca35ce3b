// Replays what the fuzzers found (fuzz/regressions/<target>/<input>) through
// the same bodies the libFuzzer programs run, and runs every body over the
// committed nasty inputs: each must return normally.
#include <catch2/catch.hpp>

#include <filesystem>

#include "../../fuzz/fuzz_bodies.h"
#include "support/cli_runner.h"

namespace fs = std::filesystem;
using stancegraph::testing::ReadFile;

TEST_CASE("Inputs the fuzzers once crashed on are handled", "[importers][fuzz]") {
  const fs::path root = fs::path(SG_SOURCE_DIR) / "fuzz" / "regressions";
  int replayed = 0;
  for (const auto& target : stancegraph::fuzz::Targets()) {
    const fs::path dir = root / target.name;
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (!e.is_regular_file() || e.path().filename() == "README.md") continue;
      INFO(target.name << ": " << e.path());
      target.run(ReadFile(e.path().string()));
      ++replayed;
    }
  }
  SUCCEED(replayed << " regression inputs replayed");
}

TEST_CASE("Every fuzz body survives every committed nasty input", "[importers][fuzz]") {
  const fs::path nasty = fs::path(SG_SOURCE_DIR) / "tests" / "importers" / "nasty";
  for (const auto& e : fs::directory_iterator(nasty)) {
    const std::string bytes = ReadFile(e.path().string());
    for (const auto& target : stancegraph::fuzz::Targets()) {
      INFO(target.name << ": " << e.path());
      target.run(bytes);
    }
  }
}
