// WordNet 3.0 as the build compiles it: lemmas (morphy), derivations,
// antonyms and categories, and a damaged table refused at load.
#include "../../importers/src/lang/wordnet.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "stancegraph/importers/lexicon.h"
#include "support/temp_dir.h"

namespace stancegraph::importers::lang {
namespace {

using V = std::vector<std::string>;

std::string TablePath() {
  return std::string(SG_BINARY_DIR) + "/share/stancegraph/lexicons/wordnet.bin";
}

const WordNet& Table() {
  static const std::shared_ptr<const WordNet> table = [] {
    auto loaded = WordNet::Load(TablePath());
    INFO(loaded.status().message());
    REQUIRE(loaded.ok());
    return *loaded;
  }();
  return *table;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_CASE("Irregular forms come back to their lemma through the exception lists",
          "[importers][wordnet]") {
  const WordNet& wn = Table();
  CHECK(wn.Lemma("went", Pos::kVerb) == "go");
  CHECK(wn.Lemma("withdrew", Pos::kVerb) == "withdraw");
  CHECK(wn.Lemma("children", Pos::kNoun) == "child");
  CHECK(wn.Lemma("Went", Pos::kVerb) == "go");
  // An exception answers with its listed bases only: "axe" is not among them.
  CHECK(wn.Lemmas("axes", Pos::kNoun) == V{"ax", "axis"});
}

TEST_CASE("Regular inflections are undone by morphy's detachment rules", "[importers][wordnet]") {
  const WordNet& wn = Table();
  CHECK(wn.Lemma("invasions", Pos::kNoun) == "invasion");
  CHECK(wn.Lemma("ceded", Pos::kVerb) == "cede");
  CHECK(wn.Lemma("annexes", Pos::kVerb) == "annex");
  CHECK(wn.Lemma("recognizing", Pos::kVerb) == "recognize");
  CHECK(wn.Lemma("churches", Pos::kNoun) == "church");
  CHECK(wn.Lemma("countries", Pos::kNoun) == "country");
  CHECK(wn.Lemma("safer", Pos::kAdj) == "safe");
  // "talks" is itself a noun lemma (peace talks), so it comes first.
  CHECK(wn.Lemmas("talks", Pos::kNoun) == V{"talks", "talk"});
  CHECK(wn.Lemma("talks", Pos::kVerb) == "talk");
}

TEST_CASE("A doubled final consonant is undone: stopped, planning, backstopped",
          "[importers][wordnet]") {
  const WordNet& wn = Table();
  CHECK(wn.Lemma("stopped", Pos::kVerb) == "stop");
  CHECK(wn.Lemma("planning", Pos::kVerb) == "plan");
  // Not in verb.exc: only the doubling rule finds these.
  CHECK(wn.Lemma("backstopped", Pos::kVerb) == "backstop");
  CHECK(wn.Lemma("air-dropping", Pos::kVerb) == "air-drop");
  // A real double stays: "added" is "add", not "ad".
  CHECK(wn.Lemmas("added", Pos::kVerb) == V{"add"});
}

TEST_CASE("Multi-word lemmas keep their spaces and inflect on their head word",
          "[importers][wordnet]") {
  const WordNet& wn = Table();
  CHECK(wn.IsLemma("give up", Pos::kVerb));
  CHECK(wn.IsLemma("hand over", Pos::kVerb));
  CHECK_FALSE(wn.IsLemma("give_up", Pos::kVerb));
  CHECK(wn.Lemma("gave up", Pos::kVerb) == "give up");
  CHECK(wn.Lemma("handed over", Pos::kVerb) == "hand over");
  CHECK(wn.Lemma("prime ministers", Pos::kNoun) == "prime minister");
}

TEST_CASE("A word WordNet does not know has no lemmas and keeps itself", "[importers][wordnet]") {
  const WordNet& wn = Table();
  CHECK(wn.Lemmas("zelenskyy", Pos::kNoun).empty());
  CHECK(wn.Lemma("Zelenskyy", Pos::kNoun) == "zelenskyy");
  CHECK(wn.Lemmas("", Pos::kVerb).empty());
  CHECK(wn.IsLemma("invade", Pos::kVerb));
  CHECK_FALSE(wn.IsLemma("invade", Pos::kNoun));
  CHECK(wn.Lemmas("quickly", Pos::kAdv) == V{"quickly"});
}

TEST_CASE("Nouns of action lead to their verbs and back", "[importers][wordnet]") {
  const WordNet& wn = Table();
  auto first_verb = [&](const char* noun) {
    const V verbs = wn.Derived(noun, Pos::kNoun, Pos::kVerb);
    return verbs.empty() ? std::string() : verbs[0];
  };
  CHECK(wn.Derived("invasion", Pos::kNoun, Pos::kVerb) == V{"invade"});
  CHECK(first_verb("withdrawal") == "withdraw");
  CHECK(first_verb("deployment") == "deploy");
  CHECK(first_verb("accession") == "accede");
  CHECK(first_verb("cession") == "cede");
  CHECK(first_verb("annexation") == "annex");
  CHECK(first_verb("recognition") == "recognize");
  auto first_noun = [&](const char* verb) {
    const V nouns = wn.Derived(verb, Pos::kVerb, Pos::kNoun);
    return nouns.empty() ? std::string() : nouns[0];
  };
  CHECK(first_noun("invade") == "invasion");
  CHECK(first_noun("withdraw") == "withdrawal");
  CHECK(first_noun("deploy") == "deployment");
  // WordNet 3.0 links annexation to no verb; the suffix fills the gap, after
  // WordNet's own link to the noun "annex".
  const V annex = wn.Derived("annex", Pos::kVerb, Pos::kNoun);
  CHECK(std::find(annex.begin(), annex.end(), "annexation") != annex.end());
  CHECK(first_verb("appointment") == "appoint");
  // ... but not where the noun is no act: a department is not departing.
  const V depart = wn.Derived("department", Pos::kNoun, Pos::kVerb);
  CHECK(std::find(depart.begin(), depart.end(), "depart") == depart.end());
  const V legal = wn.Derived("legality", Pos::kNoun, Pos::kAdj);
  CHECK(std::find(legal.begin(), legal.end(), "legal") != legal.end());
  CHECK(wn.Derived("invasion", Pos::kNoun, Pos::kAdv).empty());
  CHECK(wn.Derived("invasions", Pos::kNoun, Pos::kVerb).empty());  // a lemma is expected
}

TEST_CASE("Verbs and adjectives know their antonyms both ways", "[importers][wordnet]") {
  const WordNet& wn = Table();
  auto has = [](const V& v, const char* w) { return std::find(v.begin(), v.end(), w) != v.end(); };
  CHECK(has(wn.Antonyms("accept", Pos::kVerb), "reject"));
  CHECK(has(wn.Antonyms("reject", Pos::kVerb), "accept"));
  CHECK(has(wn.Antonyms("admit", Pos::kVerb), "deny"));
  CHECK(has(wn.Antonyms("deny", Pos::kVerb), "admit"));
  CHECK(has(wn.Antonyms("legal", Pos::kAdj), "illegal"));
  CHECK(has(wn.Antonyms("illegal", Pos::kAdj), "legal"));
  CHECK(wn.Antonyms("invasion", Pos::kNoun).empty());
}

TEST_CASE("A lemma's category is the lexicographer file of its first sense",
          "[importers][wordnet]") {
  const WordNet& wn = Table();
  CHECK(wn.Category("minister", Pos::kNoun) == "noun.person");
  CHECK(wn.Category("hospital", Pos::kNoun) == "noun.artifact");
  CHECK(wn.Category("invasion", Pos::kNoun) == "noun.act");
  CHECK(wn.Category("say", Pos::kVerb) == "verb.communication");
  CHECK(wn.Category("Minister", Pos::kNoun) == "noun.person");
  CHECK(wn.Category("legal", Pos::kAdj).empty());
  CHECK(wn.Category("invade", Pos::kNoun).empty());
  CHECK(wn.Category("zelenskyy", Pos::kNoun).empty());
}

TEST_CASE("A truncated, corrupt or foreign table is refused with the file's name",
          "[importers][wordnet]") {
  stancegraph::testing::TempDir dir;
  const std::string good = ReadBytes(TablePath());
  REQUIRE(good.size() > 1000);
  auto load_bytes = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return WordNet::Load(dir / name);
  };
  auto refused = [&](const absl::StatusOr<std::shared_ptr<const WordNet>>& r,
                     const std::string& name, const std::string& why) {
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == absl::StatusCode::kInvalidArgument);
    const std::string message(r.status().message());
    INFO(message);
    CHECK(message.find(dir / name) != std::string::npos);
    CHECK(message.find(why) != std::string::npos);
  };
  refused(load_bytes("half.bin", good.substr(0, good.size() / 2)), "half.bin", "truncated");
  refused(load_bytes("tiny.bin", good.substr(0, 10)), "tiny.bin", "truncated");
  refused(load_bytes("empty.bin", ""), "empty.bin", "truncated");
  std::string flipped = good;
  flipped[flipped.size() / 3] ^= 0x20;
  refused(load_bytes("flipped.bin", flipped), "flipped.bin", "corrupt");
  refused(load_bytes("text.bin", std::string(200, 'x')), "text.bin", "not a WordNet table");
  std::string future = good;
  future[8] = 9;
  refused(load_bytes("future.bin", future), "future.bin", "format version 9");
  refused(load_bytes("longer.bin", good + "extra"), "longer.bin", "header says");

  const auto missing = WordNet::Load(dir / "absent.bin");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == absl::StatusCode::kNotFound);
  CHECK(std::string(missing.status().message()).find(dir / "absent.bin") != std::string::npos);
  CHECK(load_bytes("copy.bin", good).ok());
}

TEST_CASE("The shipped lexicon carries WordNet, and one built from JSON alone has an empty one",
          "[importers][wordnet]") {
  auto shipped = Lexicon::Default();
  REQUIRE(shipped.ok());
  CHECK((*shipped)->wordnet().Lemma("went", Pos::kVerb) == "go");
  Lexicon lexicon;
  REQUIRE(lexicon.AddJson(R"({"cues": [{"verb": "say", "kind": "assert"}]})", "t").ok());
  lexicon.Finish();
  const WordNet& empty = lexicon.wordnet();
  CHECK(empty.size() == 0);
  CHECK(empty.Lemmas("went", Pos::kVerb).empty());
  CHECK(empty.Lemma("Went", Pos::kVerb) == "went");
  CHECK_FALSE(empty.IsLemma("go", Pos::kVerb));
  CHECK(empty.Derived("invasion", Pos::kNoun, Pos::kVerb).empty());
  CHECK(empty.Antonyms("accept", Pos::kVerb).empty());
  CHECK(empty.Category("minister", Pos::kNoun).empty());
}

}  // namespace
}  // namespace stancegraph::importers::lang
