// Lexicons are data: the shipped files load, users add or replace sections.
#include "stancegraph/importers/lexicon.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace stancegraph::importers {
namespace {

namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("sg_lexicon_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST_CASE("The shipped lexicons load and know countries, capitals and office holders",
          "[importers]") {
  auto lex = Lexicon::Default();
  REQUIRE(lex.ok());
  const auto& aliases = (*lex)->alias_index();
  REQUIRE(aliases.count("kyiv"));
  CHECK((*lex)->entities()[aliases.at("kyiv")].entity.name == "Ukraine");
  REQUIRE(aliases.count("downing street"));
  CHECK((*lex)->entities()[aliases.at("downing street")].entity.name == "United Kingdom");
  REQUIRE((*lex)->demonym_index().count("russian"));
  CHECK((*lex)->AliasNeedsCaps("us"));
  CHECK((*lex)->entities().size() > 300);
  CHECK((*lex)->cues().size() > 300);  // inflected forms
  CHECK((*lex)->HasClass("may", "hedge"));
}

TEST_CASE("A user directory adds entities; replace swaps a whole section", "[importers]") {
  const fs::path dir = TempDir("add");
  std::ofstream(dir / "mine.json") << R"({
    "entities": [{"name": "Ruritania", "type": "country", "aliases": ["Strelsau"],
                  "demonyms": ["Ruritanian"]}],
    "cues": [{"verb": "opine", "kind": "assert"}], "replace": true})";
  auto lex = Lexicon::Load({.extra_dirs = {dir.string()}});
  REQUIRE(lex.ok());
  CHECK((*lex)->alias_index().count("strelsau"));
  CHECK((*lex)->demonym_index().count("ruritanian"));
  // replace: true dropped the shipped entities and cues, kept the other sections.
  CHECK((*lex)->alias_index().count("kyiv") == 0);
  CHECK((*lex)->cue_index().count("opined"));
  CHECK((*lex)->cue_index().count("said") == 0);
  CHECK((*lex)->HasClass("may", "hedge"));
}

TEST_CASE("A multi-word cue matches in every form, irregular ones given whole", "[importers]") {
  const fs::path dir = TempDir("phrase");
  std::ofstream(dir / "mine.json") << R"({"cues": [
    {"verb": "make it plain", "kind": "assert", "past": "made it plain"}], "replace": true})";
  auto lex = Lexicon::Load({.extra_dirs = {dir.string()}});
  REQUIRE(lex.ok());
  std::vector<std::string> forms;
  for (const Cue& c : (*lex)->cues()) {
    std::string joined;
    for (const std::string& w : c.words) joined += (joined.empty() ? "" : " ") + w;
    forms.push_back(joined);
  }
  std::sort(forms.begin(), forms.end());
  CHECK(forms == std::vector<std::string>{"made it plain", "make it plain", "makes it plain",
                                          "making it plain"});
}

TEST_CASE("Bad lexicon files are reported by name", "[importers]") {
  const fs::path dir = TempDir("bad");
  std::ofstream(dir / "broken.json") << "{ not json";
  auto lex = Lexicon::Load({.extra_dirs = {dir.string()}});
  REQUIRE_FALSE(lex.ok());
  CHECK(lex.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(std::string(lex.status().message()).find("broken.json") != std::string::npos);
  CHECK(Lexicon::Load({.extra_dirs = {"/nonexistent/lexicons"}}).status().code() ==
        absl::StatusCode::kNotFound);
  Lexicon l;
  CHECK_FALSE(l.AddJson(R"({"entities": [{"name": "X", "type": "planet"}]})", "t").ok());
  CHECK_FALSE(l.AddJson(R"({"cues": [{"kind": "assert"}]})", "t").ok());
}

}  // namespace
}  // namespace stancegraph::importers
