// Where the lexicons are found: share/ beside the program, else the option,
// else the environment; extra directories add to whichever set is chosen.
#include "stancegraph/importers/lexicon_dirs.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "../../importers/src/lang/wordnet.h"
#include "stancegraph/importers/extractor.h"
#include "stancegraph/importers/lexicon.h"
#include "stancegraph/schema/ids.h"
#include "support/temp_dir.h"

namespace stancegraph::importers {
namespace {

namespace fs = std::filesystem;
using stancegraph::testing::TempDir;

// Sets (or unsets, with nullopt) an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      setenv(name, value->c_str(), 1);
    else
      unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::string BuildShare() {
  return (fs::canonical(SG_BINARY_DIR) / "share" / "stancegraph" / "lexicons").string();
}

std::string Message(const absl::Status& s) { return std::string(s.message()); }

TEST_CASE("A program finds the shipped lexicons in share/ beside its own directory",
          "[importers]") {
  CHECK(DefaultLexiconDir() == BuildShare());
  CHECK(fs::exists(fs::path(BuildShare()) / "wordnet.bin"));
  CHECK(fs::exists(fs::path(BuildShare()) / "WORDNET-LICENSE"));
  // Every shipped JSON file was copied, and nothing else.
  std::vector<std::string> sources, copies;
  for (const auto& e : fs::directory_iterator(fs::path(SG_SOURCE_DIR) / "importers/lexicons")) {
    if (e.path().extension() == ".json") sources.push_back(e.path().filename());
  }
  for (const auto& e : fs::directory_iterator(BuildShare())) {
    if (e.path().extension() == ".json") copies.push_back(e.path().filename());
  }
  std::sort(sources.begin(), sources.end());
  std::sort(copies.begin(), copies.end());
  CHECK(!sources.empty());
  CHECK(copies == sources);
}

TEST_CASE("The lexicon directory is the option, else STANCEGRAPH_LEXICON_DIR, else share/",
          "[importers]") {
  {
    ScopedEnv env("STANCEGRAPH_LEXICON_DIR", std::nullopt);
    CHECK(ShippedLexiconDir("") == BuildShare());
    CHECK(ShippedLexiconDir("/from/option") == "/from/option");
  }
  {
    ScopedEnv env("STANCEGRAPH_LEXICON_DIR", "/from/env");
    CHECK(ShippedLexiconDir("") == "/from/env");
    CHECK(ShippedLexiconDir("/from/option") == "/from/option");
  }
  {
    ScopedEnv env("STANCEGRAPH_LEXICON_DIR", "");
    CHECK(ShippedLexiconDir("") == BuildShare());
  }
  ScopedEnv extra("STANCEGRAPH_LEXICONS", "/a::/b");
  CHECK(ExtraLexiconDirs() == std::vector<std::string>{"/a", "/b"});
}

TEST_CASE("A missing lexicon directory is named with the variable and the option to fix it",
          "[importers]") {
  ScopedEnv env("STANCEGRAPH_LEXICON_DIR", std::nullopt);
  const auto by_option = Lexicon::Load({.shipped_dir = "/opt/x/share/stancegraph/lexicons"});
  REQUIRE_FALSE(by_option.ok());
  CHECK(by_option.status().code() == absl::StatusCode::kNotFound);
  CHECK(Message(by_option.status()) ==
        "lexicon directory not found: /opt/x/share/stancegraph/lexicons "
        "(set STANCEGRAPH_LEXICON_DIR or pass --lexicon DIR)");
  ScopedEnv moved("STANCEGRAPH_LEXICON_DIR", "/nowhere/lexicons");
  const auto by_env = Lexicon::Load({});
  REQUIRE_FALSE(by_env.ok());
  CHECK(Message(by_env.status()) ==
        "lexicon directory not found: /nowhere/lexicons "
        "(set STANCEGRAPH_LEXICON_DIR or pass --lexicon DIR)");
}

TEST_CASE(
    "A lexicon directory without wordnet.bin uses the shipped table, and a bad one is refused",
    "[importers]") {
  TempDir dir;
  std::ofstream(dir / "mine.json") << R"({"entities": [{"name": "Ruritania", "type": "country"}]})";
  auto own = Lexicon::Load({.shipped_dir = dir.path()});
  REQUIRE(own.ok());
  CHECK((*own)->alias_index().count("ruritania"));
  CHECK((*own)->alias_index().count("kyiv") == 0);
  CHECK((*own)->wordnet().Lemma("went", lang::Pos::kVerb) == "go");

  std::ofstream(dir / "wordnet.bin") << "not a table";
  auto bad = Lexicon::Load({.shipped_dir = dir.path()});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK_THAT(Message(bad.status()), Catch::Contains(dir / "wordnet.bin"));
}

TEST_CASE("STANCEGRAPH_LEXICONS adds to a lexicon directory given as an option", "[importers]") {
  TempDir extra;
  std::ofstream(extra / "ruritania.json") << R"({"entities": [
    {"name": "Ruritania", "type": "country", "aliases": ["Strelsau"]}]})";
  ScopedEnv env("STANCEGRAPH_LEXICONS", extra.path());
  auto extractor = MakeExtractor({.lexicon_dir = BuildShare()});
  REQUIRE(extractor.ok());
  Article article;
  article.document.text = "Title\n\nStrelsau said it will join the alliance.";
  article.document.source = "test.txt";
  article.document.id = schema::MakeDocumentId(article.document.text);
  schema::DocumentClaims out;
  REQUIRE((*extractor)->Extract(article, &out).ok());
  std::vector<std::string> names;
  for (const schema::Entity& e : out.entities) names.push_back(e.name);
  CHECK(std::find(names.begin(), names.end(), "Ruritania") != names.end());
}

}  // namespace
}  // namespace stancegraph::importers
