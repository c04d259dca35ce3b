#include "stancegraph/importers/lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "extract/lexicon_predicates.h"
#include "extract/text.h"
#include "extract/word_sets.h"
#include "lang/wordnet.h"
#include "nlohmann/json.hpp"
#include "stancegraph/importers/lexicon_dirs.h"
#include "stancegraph/schema/entity_type.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::importers {
namespace {

using nlohmann::json;

// Lower-case tokens of a phrase, joined by single spaces: the form aliases and
// cues are matched in.
std::vector<std::string> PhraseTokens(const std::string& phrase) {
  const extract::NormalizedText norm = extract::Normalize(phrase);
  std::vector<std::string> out;
  for (const extract::Token& t : extract::Tokenize(norm.text)) out.push_back(t.lower);
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular inflections of an English verb; irregular ones come from the file.
std::vector<std::string> Inflect(const std::string& v) {
  if (v.empty()) return {};
  const char last = v.back();
  const bool cons_y = last == 'y' && v.size() > 1 && !IsVowel(v[v.size() - 2]);
  std::string third, past, ing;
  if (cons_y) {
    third = v.substr(0, v.size() - 1) + "ies";
    past = v.substr(0, v.size() - 1) + "ied";
  } else {
    const bool sibilant = last == 's' || last == 'x' || last == 'z' || last == 'o' ||
                          (v.size() > 1 && (v.ends_with("sh") || v.ends_with("ch")));
    third = v + (sibilant ? "es" : "s");
    past = v + (last == 'e' ? "d" : "ed");
  }
  ing = (last == 'e' && !v.ends_with("ee")) ? v.substr(0, v.size() - 1) + "ing" : v + "ing";
  return {v, third, past, ing};
}

absl::Status Bad(const std::string& file, const std::string& what) {
  return absl::InvalidArgumentError(absl::StrCat("lexicon ", file, ": ", what));
}

std::string ReadFile(const std::filesystem::path& p, bool* ok) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  *ok = static_cast<bool>(in) || in.eof();
  return ss.str();
}

}  // namespace

uint32_t Lexicon::ClassBit(const std::string& word_class) const {
  const auto it = class_bits_.find(word_class);
  return it == class_bits_.end() ? 0 : it->second;
}

uint32_t Lexicon::ClassBits(const std::string& word) const {
  const auto it = words_.find(word);
  return it == words_.end() ? 0 : it->second;
}

uint32_t Lexicon::BitFor(std::string_view word_class) const {
  for (const auto& [name, bit] : class_list_) {
    if (name == word_class) return bit;
  }
  return 0;
}

bool Lexicon::HasClass(const std::string& word, const std::string& word_class) const {
  return (ClassBits(word) & ClassBit(word_class)) != 0;
}

absl::Status Lexicon::AddJson(const std::string& json_text, const std::string& name) {
  try {
    const json doc = json::parse(json_text);
    if (!doc.is_object()) return Bad(name, "top level is not an object");
    const bool replace = doc.value("replace", false);
    if (doc.contains("entities")) {
      if (replace) entities_.clear();
      for (const json& e : doc.at("entities")) {
        LexiconEntity le;
        le.entity.name = e.at("name").get<std::string>();
        const auto type = schema::ParseEntityType(e.value("type", "unknown"));
        if (!type) return Bad(name, "entity " + le.entity.name + ": unknown type");
        le.entity.type = *type;
        for (const json& a : e.value("aliases", json::array())) {
          le.entity.aliases.push_back(a.get<std::string>());
        }
        for (const json& a : e.value("demonyms", json::array())) {
          le.demonyms.push_back(a.get<std::string>());
        }
        const std::string gender = e.value("gender", "");
        le.gender = gender.empty() ? 0 : gender[0];
        if (e.contains("parent")) le.entity.parent = schema::MakeEntityId(e.at("parent").get<std::string>());
        for (const json& r : e.value("roles", json::array())) {
          schema::Role role;
          role.title = r.at("title").get<std::string>();
          if (r.contains("of")) role.of = schema::MakeEntityId(r.at("of").get<std::string>());
          for (const char* key : {"from", "to"}) {
            if (!r.contains(key)) continue;
            const auto t = schema::ParseTime(r.at(key).get<std::string>());
            if (!t.ok()) return Bad(name, "entity " + le.entity.name + ": bad role time");
            (key[0] == 'f' ? role.from : role.to) = *t;
          }
          le.entity.roles.push_back(std::move(role));
        }
        le.entity.id = schema::MakeEntityId(le.entity.name);
        entities_.push_back(std::move(le));
      }
    }
    if (doc.contains("cues")) {
      if (replace) cues_.clear();
      for (const json& c : doc.at("cues")) {
        Cue base;
        base.kind = c.value("kind", "assert");
        base.polarity = c.value("polarity", base.kind == "reject" || base.kind == "deny" ||
                                                    base.kind == "oppose" || base.kind == "condemn" ||
                                                    base.kind == "refuse"
                                                ? -1
                                                : (base.kind == "ask" ? 0 : 1));
        base.source_after = c.value("source", "") == "after";
        base.hedged = c.value("hedged", false);
        base.addressee = c.value("addressee", false);
        std::vector<std::string> surface;
        if (c.contains("verb")) {
          base.lemma = c.at("verb").get<std::string>();
          std::vector<std::string> words = absl::StrSplit(base.lemma, ' ');
          std::vector<std::string> forms = Inflect(words[0]);
          for (const char* key : {"third", "past", "ing"}) {
            if (c.contains(key)) forms[key[0] == 't' ? 1 : key[0] == 'p' ? 2 : 3] = c.at(key);
          }
          for (const json& f : c.value("forms", json::array())) forms.push_back(f.get<std::string>());
          // A form may be given whole ("told reporters", "made it clear"):
          // only a single word takes the rest of the phrase.
          for (const std::string& f : forms) {
            std::string s = f;
            if (f.find(' ') == std::string::npos) {
              for (size_t k = 1; k < words.size(); ++k) s += " " + words[k];
            }
            surface.push_back(s);
          }
        } else if (c.contains("phrase")) {
          base.lemma = c.at("phrase").get<std::string>();
          base.verb = false;
          surface.push_back(base.lemma);
        } else {
          return Bad(name, "cue without verb or phrase");
        }
        std::sort(surface.begin(), surface.end());
        surface.erase(std::unique(surface.begin(), surface.end()), surface.end());
        for (const std::string& s : surface) {
          Cue cue = base;
          cue.words = PhraseTokens(s);
          if (!cue.words.empty()) cues_.push_back(std::move(cue));
        }
      }
    }
    if (doc.contains("evaluatives")) {
      if (replace) evaluatives_.clear();
      for (const json& e : doc.at("evaluatives")) {
        Evaluative ev;
        ev.words = PhraseTokens(e.at("phrase").get<std::string>());
        ev.polarity = e.value("polarity", -1);
        if (!ev.words.empty()) evaluatives_.push_back(std::move(ev));
      }
    }
    if (doc.contains("concepts")) {
      if (replace) concepts_.clear();
      for (const json& c : doc.at("concepts")) {
        Concept entry;
        entry.name = c.at("name").get<std::string>();
        entry.all_of = c.at("all_of").get<std::vector<std::vector<std::string>>>();
        entry.merge = c.value("merge", true);
        entry.reverse = c.value("reverse", std::vector<std::string>{});
        concepts_.push_back(std::move(entry));
      }
    }
    if (doc.contains("words")) {
      if (replace) words_.clear();
      for (const auto& [cls, list] : doc.at("words").items()) {
        auto bit = class_bits_.find(cls);
        if (bit == class_bits_.end()) {
          if (class_bits_.size() >= 28) return Bad(name, "more than 28 word classes");
          bit = class_bits_.emplace(cls, 1u << class_bits_.size()).first;
        }
        for (const json& w : list) {
          const std::string word = w.get<std::string>();
          // One word is taken as written ("'s", "n't" are words here).
          if (word.find(' ') == std::string::npos && !word.empty()) {
            std::string lower = word;
            for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            words_[lower] |= bit->second;
            continue;
          }
          const std::vector<std::string> toks = PhraseTokens(word);
          if (toks.empty()) continue;
          words_[Join(toks)] |= bit->second;
          if (toks.size() > 1) phrase_starts_.insert(toks[0]);
        }
      }
    }
    if (absl::Status s = internal::AddPredicateSections(doc, replace, name, &predicates_); !s.ok()) {
      return s;
    }
  } catch (const json::exception& e) {
    return Bad(name, e.what());
  }
  return absl::OkStatus();
}

void Lexicon::Finish() {
  predicates_.Finish();
  evaluative_index_.clear();
  for (int i = 0; i < static_cast<int>(evaluatives_.size()); ++i) {
    evaluative_index_[evaluatives_[i].words[0]].push_back(i);
  }
  alias_index_.clear();
  id_index_.clear();
  for (int i = 0; i < static_cast<int>(entities_.size()); ++i) {
    id_index_[entities_[i].entity.id] = i;
  }
  demonym_index_.clear();
  cue_index_.clear();
  caps_aliases_.clear();
  max_alias_tokens_ = 1;
  alias_starts_.clear();
  class_list_.assign(class_bits_.begin(), class_bits_.end());
  if (class_bits_.size() > 28) class_list_.resize(28);  // the top bits are WordBits flags
  grammar_bits_.clear();
  for (size_t i = 0; i < std::size(extract::kGrammarClasses); ++i) {
    if (const uint32_t bit = BitFor(extract::kGrammarClasses[i]); bit != 0) {
      grammar_bits_.emplace_back(bit, static_cast<uint16_t>(1u << i));
    }
  }
  bits_ = WordBits{BitFor("common"),      BitFor("hedge"),       BitFor("negation"),
                   BitFor("condition"),   BitFor("honorific_m"), BitFor("honorific_f"),
                   BitFor("honorific"),   BitFor("title"),       BitFor("group"),
                   BitFor("org_word"),    BitFor("male_first"),  BitFor("female_first")};
  auto add_alias = [&](const std::string& alias, int index) {
    const std::vector<std::string> toks = PhraseTokens(alias);
    if (toks.empty()) return;
    alias_starts_.insert(toks[0]);
    const std::string key = Join(toks);
    alias_index_[key] = index;
    max_alias_tokens_ = std::max(max_alias_tokens_, toks.size());
    int letters = 0, uppers = 0;
    for (char c : alias) {
      if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
      if (c >= 'A' && c <= 'Z') ++uppers;
    }
    if (letters >= 2 && letters == uppers) caps_aliases_.insert(key);
  };
  // Surnames of persons, when no other entity claims them.
  std::unordered_map<std::string, int> surname_count;
  for (const LexiconEntity& e : entities_) {
    if (e.entity.type != schema::EntityType::kPerson) continue;
    const std::vector<std::string> toks = PhraseTokens(e.entity.name);
    if (toks.size() >= 2) ++surname_count[toks.back()];
  }
  for (int i = 0; i < static_cast<int>(entities_.size()); ++i) {
    const LexiconEntity& e = entities_[i];
    if (e.entity.type != schema::EntityType::kPerson) continue;
    const std::vector<std::string> toks = PhraseTokens(e.entity.name);
    if (toks.size() >= 2 && surname_count[toks.back()] == 1) {
      alias_index_[toks.back()] = i;
      alias_starts_.insert(toks.back());
    }
  }
  // Names and explicit aliases win over derived surnames; later files win.
  for (int i = 0; i < static_cast<int>(entities_.size()); ++i) {
    const LexiconEntity& e = entities_[i];
    add_alias(e.entity.name, i);
    for (const std::string& a : e.entity.aliases) add_alias(a, i);
    for (const std::string& d : e.demonyms) {
      const std::vector<std::string> toks = PhraseTokens(d);
      if (!toks.empty()) demonym_index_[Join(toks)] = i;
    }
  }
  for (int i = 0; i < static_cast<int>(cues_.size()); ++i) {
    cue_index_[cues_[i].words[0]].push_back(i);
  }
  concept_stems_.clear();
  for (int c = 0; c < static_cast<int>(concepts_.size()); ++c) {
    for (int g = 0; g < static_cast<int>(concepts_[c].all_of.size()); ++g) {
      for (const std::string& stem : concepts_[c].all_of[g]) {
        if (stem.empty()) continue;
        concept_stems_[stem.substr(0, 3)].push_back({c, g, stem});
      }
    }
  }
  // Longest cue first, so "called for" wins over "called".
  for (auto& [word, list] : cue_index_) {
    std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
      return cues_[a].words.size() > cues_[b].words.size();
    });
  }
  facts_.clear();
  for (const auto& [word, bits] : words_) facts_[word].classes |= bits;
  for (const auto& [word, list] : cue_index_) facts_[word].classes |= WordBits::kCue;
  for (const std::string& word : phrase_starts_) facts_[word].classes |= WordBits::kPhraseStart;
  for (const std::string& word : alias_starts_) facts_[word].classes |= WordBits::kAliasStart;
  for (const auto& [word, index] : demonym_index_) {
    facts_[word].classes |= WordBits::kAliasStart | WordBits::kDemonym;
  }
  for (auto& [word, f] : facts_) f.grammar = GrammarOf(f.classes);
}

const lang::WordNet& Lexicon::wordnet() const {
  return wordnet_ != nullptr ? *wordnet_ : lang::WordNet::Empty();
}

absl::StatusOr<std::shared_ptr<const Lexicon>> Lexicon::Load(const LexiconOptions& options) {
  auto lexicon = std::make_shared<Lexicon>();
  const std::string shipped = ShippedLexiconDir(options.shipped_dir);
  std::vector<std::string> dirs;
  if (!options.without_shipped) dirs.push_back(shipped);
  dirs.insert(dirs.end(), options.extra_dirs.begin(), options.extra_dirs.end());
  for (size_t i = 0; i < dirs.size(); ++i) {
    const std::string& dir = dirs[i];
    // Only the shipped directory can be fixed by the user's next step.
    const std::string hint =
        !options.without_shipped && i == 0 ? std::string(" ") + kLexiconDirHint : "";
    if (dir.empty()) {
      return absl::NotFoundError(
          absl::StrCat("lexicon directory not found: cannot locate the running program", hint));
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      return absl::NotFoundError(absl::StrCat("lexicon directory not found: ", dir, hint));
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    if (ec) {
      return absl::NotFoundError(
          absl::StrCat("cannot read lexicon directory ", dir, ": ", ec.message(), hint));
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      bool ok = false;
      const std::string text = ReadFile(f, &ok);
      if (!ok) return absl::NotFoundError(absl::StrCat("cannot read lexicon ", f.string()));
      if (absl::Status s = lexicon->AddJson(text, f.string()); !s.ok()) return s;
    }
  }
  const std::string table = WordNetTablePath(shipped);
  if (table.empty()) {
    std::string looked;
    for (const std::string& dir : {shipped, DefaultLexiconDir()}) {
      if (dir.empty() || (dir == shipped && !looked.empty())) continue;
      absl::StrAppend(&looked, looked.empty() ? "" : " or ",
                      (std::filesystem::path(dir) / "wordnet.bin").string());
    }
    if (looked.empty()) looked = "cannot locate the running program";
    return absl::NotFoundError(
        absl::StrCat("WordNet table not found: ", looked, " ", kLexiconDirHint));
  }
  auto wordnet = lang::WordNet::Load(table);
  if (!wordnet.ok()) return wordnet.status();
  lexicon->wordnet_ = *std::move(wordnet);
  lexicon->Finish();
  return std::shared_ptr<const Lexicon>(std::move(lexicon));
}

absl::StatusOr<std::shared_ptr<const Lexicon>> Lexicon::Default() {
  static std::mutex mu;
  static std::shared_ptr<const Lexicon> cached;
  std::lock_guard<std::mutex> lock(mu);
  if (cached) return cached;
  auto loaded = Load({.extra_dirs = ExtraLexiconDirs()});
  if (!loaded.ok()) return loaded.status();
  cached = *loaded;
  return cached;
}

}  // namespace stancegraph::importers
