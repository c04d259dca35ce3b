// The program finds its lexicons in share/ beside it, wherever it is copied;
// without them it says where it looked and how to point it elsewhere.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph::testing;
namespace fs = std::filesystem;

namespace {

// A copy of the built program at <root>/bin/stancegraph (a hard link where
// the file system allows: /proc/self/exe names the link, as for a copy).
std::string PlaceProgram(const fs::path& root) {
  fs::create_directories(root / "bin");
  const fs::path from = fs::path(SG_BINARY_DIR) / "cli" / "stancegraph";
  const fs::path to = root / "bin" / "stancegraph";
  std::error_code ec;
  fs::create_hard_link(from, to, ec);
  if (ec) fs::copy_file(from, to);
  return to.string();
}

std::string BuildShare() { return std::string(SG_BINARY_DIR) + "/share/stancegraph/lexicons"; }

std::string WriteArticle(const TempDir& dir) {
  std::ofstream(dir / "article.txt") << "Lake levels fall\n\n"
                                        "Chile said the lake levels had fallen for a third year.\n";
  return dir / "article.txt";
}

}  // namespace

TEST_CASE(
    "a copy of the program with its share tree imports articles, and one without says where "
    "it looked",
    "[cli]") {
  unsetenv("STANCEGRAPH_LEXICON_DIR");
  unsetenv("STANCEGRAPH_LEXICONS");
  TempDir dir;
  const std::string article = WriteArticle(dir);

  const std::string moved = PlaceProgram(fs::path(dir.path()) / "app");
  fs::create_directories(dir / "app/share/stancegraph");
  fs::copy(BuildShare(), dir / "app/share/stancegraph/lexicons", fs::copy_options::recursive);
  auto ok = RunExecutable(moved, "import --db " + (dir / "db1") + " " + article);
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.err, Catch::Contains("1 documents imported"));
  CHECK_THAT(ok.err, Catch::Contains("1 claim mentions, 0 errors"));

  const std::string bare = PlaceProgram(fs::path(dir.path()) / "bare");
  auto lost = RunExecutable(bare, "import --db " + (dir / "db2") + " " + article);
  CHECK(lost.exit_code == 1);
  CHECK_THAT(lost.err, Catch::Contains("lexicon directory not found: " +
                                       (dir / "bare/share/stancegraph/lexicons") +
                                       " (set STANCEGRAPH_LEXICON_DIR or pass --lexicon DIR)"));

  // Told where the lexicons are, by option or by environment, it works.
  auto by_option = RunExecutable(
      bare, "import --db " + (dir / "db3") + " --lexicon " + BuildShare() + " " + article);
  INFO(by_option.err);
  CHECK(by_option.exit_code == 0);
  CHECK_THAT(by_option.err, Catch::Contains("1 claim mentions, 0 errors"));
  auto by_env = RunExecutable("STANCEGRAPH_LEXICON_DIR=" + BuildShare() + " " + bare,
                              "import --db " + (dir / "db4") + " " + article);
  INFO(by_env.err);
  CHECK(by_env.exit_code == 0);
}

TEST_CASE("import --lexicon reads a user's own set, taking WordNet from beside the program",
          "[cli]") {
  unsetenv("STANCEGRAPH_LEXICON_DIR");
  unsetenv("STANCEGRAPH_LEXICONS");
  TempDir dir;
  const std::string article = WriteArticle(dir);
  // The shipped JSON files without wordnet.bin.
  fs::create_directories(dir / "mine");
  for (const auto& e : fs::directory_iterator(BuildShare())) {
    if (e.path().extension() == ".json")
      fs::copy_file(e.path(), dir / "mine" / e.path().filename());
  }
  auto ok = RunCli("import --db " + (dir / "db1") + " --lexicon " + (dir / "mine") + " " + article);
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.err, Catch::Contains("1 claim mentions, 0 errors"));

  // A program without a share tree has no table to fall back on.
  const std::string bare = PlaceProgram(fs::path(dir.path()) / "bare");
  auto lost = RunExecutable(
      bare, "import --db " + (dir / "db2") + " --lexicon " + (dir / "mine") + " " + article);
  CHECK(lost.exit_code == 1);
  CHECK_THAT(lost.err,
             Catch::Contains("WordNet table not found: " + (dir / "mine/wordnet.bin") + " or " +
                             (dir / "bare/share/stancegraph/lexicons") + "/wordnet.bin"));
}
