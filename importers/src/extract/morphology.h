// Word knowledge for the proposition stage: which parts of speech a word
// form can be, its lemmas, its verb form, nominalisations and the kind of
// thing a noun names. WordNet (lang/wordnet.h) answers; a few suffix rules
// cover words it does not list.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include <memory>

#include "absl/container/flat_hash_map.h"
#include "lang/wordnet.h"
#include "stancegraph/importers/lexicon.h"

namespace stancegraph::importers::extract {

enum class VerbForm : uint8_t { kNone, kBase, kThird, kPast, kIng };

struct WordInfo {
  bool noun = false, verb = false, adj = false, adv = false;
  std::string noun_lemma;  // "talk" for "talks"
  std::string verb_lemma;  // "invade" for "invaded"
  std::string adj_lemma;
  VerbForm form = VerbForm::kNone;  // when `verb`
  // The form is also an inflection of another verb ("found" of "find").
  bool inflected = false;
};

// Not thread-safe (caches); one per extractor.
class Morphology {
 public:
  explicit Morphology(const Lexicon& lexicon);

  // What `lower` (a lower-case word form) can be. Hyphenated words are
  // looked up whole, then by their last part ("counter-offensive"). The
  // reference stays valid until Trim().
  const WordInfo& Info(const std::string& lower);
  // Bounds the cache; call between documents, never while tokens point into it.
  void Trim();
  // The verb a noun names the act of ("invasion" -> "invade"), or "".
  std::string VerbOfNoun(const std::string& noun_lemma);
  // True when the noun names people or a body of people ("worker", "staff").
  bool IsHumanNoun(const std::string& noun_lemma);
  // The third-person singular of a verb lemma ("supply" -> "supplies").
  static std::string Third(const std::string& verb_lemma);
  // The -ing form of a verb lemma ("stop" -> "stopping").
  static std::string Ing(const std::string& verb_lemma);

 private:
  WordInfo Compute(const std::string& lower) const;

  const Lexicon& lexicon_;
  const lang::WordNet& wordnet_;
  // Looked up once per word token: the word sits in the table itself (most
  // words fit std::string's inline buffer), so a hit reads one slot; the
  // info behind the pointer stays put while the table grows.
  absl::flat_hash_map<std::string, std::unique_ptr<WordInfo>> cache_;
  std::unordered_map<std::string, std::string> verb_of_noun_;
};

}  // namespace stancegraph::importers::extract
