// The lexicons the built-in extractor reads: entities (countries, capitals,
// demonyms, organisations, office holders with time-bounded roles), stance
// cues, evaluative predicates, hedges and concepts. They are JSON data files
// loaded at run time; see docs/lexicons.md for the format.
//
// Thread-safety: a loaded Lexicon is immutable and may be shared by threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "stancegraph/importers/predicates.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::importers {

namespace lang {
class WordNet;  // importers/src/lang/wordnet.h
}  // namespace lang

// An entity the lexicon knows, with what the extractor needs beyond
// schema::Entity.
struct LexiconEntity {
  schema::Entity entity;              // id, name, type, aliases, roles, parent
  std::vector<std::string> demonyms;  // "Russian", "Russians"
  char gender = 0;                    // 'm', 'f' or 0 for persons
};

// A stance cue: a verb (with its inflections) or a phrase.
struct Cue {
  std::vector<std::string> words;  // lower-case tokens, e.g. {"according", "to"}
  std::string lemma;               // "say", "according to"
  std::string kind;      // assert, believe, hope, want, demand, urge, pledge, warn,
                         // accuse, reject, deny, oppose, condemn, refuse, ask, support
  int polarity = 1;      // +1, -1, or 0 for neutral reports (ask)
  bool source_after = false;  // "according to X": the source follows the cue
  bool verb = true;           // false for phrases and nouns
  bool hedged = false;        // "casts doubt on", "questions": a hedged stance
  bool addressee = false;     // the first object is whom it addresses: "urges Iran to ..."
};

// One stem of a concept group, indexed by its first three characters.
struct ConceptStem {
  int concept_index = 0;
  int group = 0;
  std::string stem;
};

// "unacceptable", "a mistake", "welcome": a predicate on the content's subject.
struct Evaluative {
  std::vector<std::string> words;
  int polarity = -1;
};

// A concept groups paraphrases: the content matches when each group of
// `all_of` has a word whose lower-case form starts with one of its stems.
struct Concept {
  std::string name;                            // "territorial concessions"
  std::vector<std::vector<std::string>> all_of;  // {{"cede","ceding","give"}, {"territor","land","boundar"}}
  // When true, contents that match share one proposition (per the entities
  // they name); when false the concept is only a topic label. Default: true.
  bool merge = true;
  // Stems that state the opposite of the concept ("lift" for sanctions): a
  // content that has one flips the claim's polarity.
  std::vector<std::string> reverse;
};

// The bits of the word classes the extractor tests, for Token::classes.
// The high bits are set by ClassifyTokens from the other indexes.
struct WordBits {
  uint32_t common = 0, hedge = 0, negation = 0, condition = 0, honorific_m = 0,
           honorific_f = 0, honorific = 0, title = 0, group = 0, org_word = 0, male_first = 0,
           female_first = 0;
  static constexpr uint32_t kCue = 1u << 31;          // starts a cue
  static constexpr uint32_t kAliasStart = 1u << 30;   // starts an alias or is a demonym
  static constexpr uint32_t kPhraseStart = 1u << 29;  // starts a multi-word "words" entry
  static constexpr uint32_t kDemonym = 1u << 28;      // a nationality word ("Russian")
};

struct LexiconOptions {
  // Directories loaded after (and adding to) the shipped one, in order. A file
  // whose top-level object has "replace": true replaces the sections it holds.
  // Default: none.
  std::vector<std::string> extra_dirs;
  // Skip the shipped JSON lexicons (the WordNet table is still loaded).
  // Default: false.
  bool without_shipped = false;
  // The shipped directory. Default: "" = $STANCEGRAPH_LEXICON_DIR, else
  // share/stancegraph/lexicons beside the running program (lexicon_dirs.h).
  std::string shipped_dir;
};

class Lexicon {
 public:
  // Loads every *.json file of the shipped and extra directories (in name
  // order) and the WordNet table (the shipped directory's wordnet.bin, else
  // the default directory's; see lexicon_dirs.h). InvalidArgument names the
  // file and entry at fault, or a corrupt table; NotFound names the missing
  // or unreadable directory or table.
  static absl::StatusOr<std::shared_ptr<const Lexicon>> Load(const LexiconOptions& options);

  // The lexicon for the process: shipped plus the directories listed in
  // $STANCEGRAPH_LEXICONS (colon-separated); loaded once, then cached.
  static absl::StatusOr<std::shared_ptr<const Lexicon>> Default();

  // Parses one lexicon document (the contents of one JSON file) into this
  // lexicon. `name` is used in error messages.
  absl::Status AddJson(const std::string& json_text, const std::string& name);

  // Builds the lookup indexes; called by Load after all files are added.
  void Finish();

  const std::vector<LexiconEntity>& entities() const { return entities_; }
  const std::vector<Cue>& cues() const { return cues_; }
  const std::vector<Evaluative>& evaluatives() const { return evaluatives_; }
  // Evaluatives by their first word.
  const std::vector<int>* EvaluativesStartingWith(const std::string& word) const {
    const auto it = evaluative_index_.find(word);
    return it == evaluative_index_.end() ? nullptr : &it->second;
  }
  const std::vector<Concept>& concepts() const { return concepts_; }
  // WordNet 3.0: lemmas, derivations, antonyms, categories. A lexicon built
  // with AddJson and Finish alone has an empty one (every lookup empty).
  const lang::WordNet& wordnet() const;
  // Predicate classes and operators of the proposition layer.
  const PredicateLexicon& predicates() const { return predicates_; }

  // Indexes into entities() by lower-cased alias (names, aliases, capitals and
  // metonyms; derived surnames of persons when unambiguous).
  const absl::flat_hash_map<std::string, int>& alias_index() const { return alias_index_; }
  // The index into entities() of the entity with this id (the last entry of
  // that name when several files list it), or -1.
  int IndexOf(schema::EntityId id) const {
    auto it = id_index_.find(id);
    return it == id_index_.end() ? -1 : it->second;
  }
  // Lower-cased demonym -> country index.
  const absl::flat_hash_map<std::string, int>& demonym_index() const { return demonym_index_; }
  // Concept stems by their first three characters (see ConceptStem).
  const std::unordered_map<std::string, std::vector<ConceptStem>>& concept_stems() const {
    return concept_stems_;
  }
  // Cues by their first word.
  const std::unordered_map<std::string, std::vector<int>>& cue_index() const { return cue_index_; }
  // Word classes from the "words" section: "hedge", "negation", "condition",
  // "honorific_m", "honorific_f", "honorific", "title", "group", "org_word",
  // "male_first", "female_first", "common". A word may be in several.
  // `word` is lower case; multi-word entries are tokens joined by spaces.
  bool HasClass(const std::string& word, const std::string& word_class) const;
  // The grammar classes (extract/word_sets.h GrammarBit) among the class
  // bits `classes` of a word: one pass over a small table.
  uint16_t GrammarOf(uint32_t classes) const {
    uint16_t out = 0;
    for (const auto& [class_bit, grammar_bit] : grammar_bits_) {
      if ((classes & class_bit) != 0) out |= grammar_bit;
    }
    return out;
  }
  // What the lexicon knows of one lower-case word, in one lookup: its class
  // bits with the WordBits flags (kCue, kPhraseStart; kAliasStart and
  // kDemonym when it starts an alias or is a demonym: the caller checks
  // capitals) and its grammar classes. All zero for an unknown word.
  struct WordFacts {
    uint32_t classes = 0;
    uint16_t grammar = 0;
  };
  WordFacts Facts(std::string_view word) const {
    const auto it = facts_.find(absl::string_view(word.data(), word.size()));
    return it == facts_.end() ? WordFacts{} : it->second;
  }
  // ClassBit without a hash lookup, for the hot paths: a linear scan over
  // the (few) class names.
  uint32_t BitFor(std::string_view word_class) const;
  const WordBits& bits() const { return bits_; }
  // True when some multi-word "words" entry starts with `word` ("prime" of
  // "prime minister").
  bool StartsPhrase(const std::string& word) const { return phrase_starts_.count(word) > 0; }
  // True when some alias starts with `word` (lower case).
  bool StartsAlias(const std::string& word) const { return alias_starts_.count(word) > 0; }
  // The bit for a class, for repeated tests with ClassBits(); 0 if unknown.
  uint32_t ClassBit(const std::string& word_class) const;
  uint32_t ClassBits(const std::string& word) const;
  // Longest alias in tokens, for multi-word matching.
  size_t max_alias_tokens() const { return max_alias_tokens_; }
  // True when the alias (lower case) was written all in capitals ("US") and
  // must appear so in text to match (so that "us" is not the United States).
  bool AliasNeedsCaps(const std::string& lower_alias) const {
    return caps_aliases_.count(lower_alias) > 0;
  }

 private:
  std::vector<LexiconEntity> entities_;
  std::vector<Cue> cues_;
  std::vector<Evaluative> evaluatives_;
  std::unordered_map<std::string, std::vector<int>> evaluative_index_;
  std::vector<Concept> concepts_;
  PredicateLexicon predicates_;
  absl::flat_hash_map<std::string, int> alias_index_;
  std::unordered_map<schema::EntityId, int> id_index_;
  absl::flat_hash_map<std::string, int> demonym_index_;
  std::unordered_map<std::string, std::vector<int>> cue_index_;
  std::unordered_map<std::string, uint32_t> words_;
  std::unordered_map<std::string, uint32_t> class_bits_;
  std::unordered_set<std::string> caps_aliases_;
  std::unordered_map<std::string, std::vector<ConceptStem>> concept_stems_;
  std::unordered_set<std::string> phrase_starts_;
  std::unordered_set<std::string> alias_starts_;
  std::vector<std::pair<std::string, uint32_t>> class_list_;
  std::vector<std::pair<uint32_t, uint16_t>> grammar_bits_;  // class bit -> GrammarBit
  absl::flat_hash_map<std::string, WordFacts> facts_;
  WordBits bits_;
  size_t max_alias_tokens_ = 1;
  std::shared_ptr<const lang::WordNet> wordnet_;  // null = empty
};

}  // namespace stancegraph::importers
