// The proposition layer's lexicon (lexicons/predicates.json): predicate
// classes that make paraphrases meet, and operators, the words that govern
// another proposition instead of stating one. Part of a Lexicon; see
// docs/lexicons.md for the file format.
//
// Thread-safety: immutable once the Lexicon is finished.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::importers {

// Verbs and nouns that state one kind of event or state: "join", "accede",
// "membership", "accession" are all `join`.
struct PredicateClass {
  std::string name;
  std::vector<std::string> verbs;  // lemmas; multi-word entries are tokens joined by spaces
  std::vector<std::string> nouns;
  // When non-empty the class applies only when the object (or a noun's
  // complement or modifier) has one of these lemmas.
  std::vector<std::string> objects;
  // Lemmas that state the class with the polarity flipped ("bar" from Nato).
  std::vector<std::string> opposites;
  // The object's words stay out of the key: the class says what it is.
  bool absorbs_object = false;
  // Missing arguments come from the document's topic ("Ukraine in Nato: ...").
  bool context = false;
  // Nobody performs it (a famine, a ceasefire, a war): a denial does not
  // make the denier its agent.
  bool agentless = false;
  std::vector<schema::EntityType> agent_types;
  std::vector<schema::EntityType> patient_types;
};

// A word that governs another proposition.
struct Operator {
  enum class Kind : uint8_t {
    kTransparent,  // "continue with X", "refuse to X" (polarity -1): X
    kAct,          // "Poland's ban", "the UN move to X": the holder backs the act
    kClaim,        // "Russia's demand that X", "Israeli claim X": the holder's stance on X
    kFalse,        // "lie about X": the subject claims X, which is false
    kEvidence,     // "find evidence of X": X, from no holder
  };
  enum class Dimension : uint8_t { kTruth, kDesirability };
  std::string lemma;  // may be multi-word ("lie about")
  char pos = 'v';     // 'v' verb, 'n' noun, 'a' adjective
  Kind kind = Kind::kTransparent;
  Dimension dimension = Dimension::kDesirability;
  int polarity = 1;
  bool hedged = false;
  // The claim noun itself is what is judged ("Farage's remarks"), not
  // something it introduces.
  bool literal = false;
};

class PredicateLexicon {
 public:
  // Classes whose verbs (pos 'v') or nouns ('n') include `lemma`, most
  // specific (with objects) first. Empty when none.
  const std::vector<int>& ClassesOf(std::string_view lemma, char pos) const;
  // The operator for a lemma and part of speech, or nullptr.
  const Operator* OperatorOf(std::string_view lemma, char pos) const;
  // The class whose opposites include `lemma`, or -1.
  std::vector<int> OppositeOf(std::string_view lemma) const;
  bool IsLightVerb(std::string_view lemma) const;
  // Longest multi-word verb or operator entry (in tokens) starting with `word`.
  size_t MaxPhraseTokens(std::string_view word) const;

  const std::vector<PredicateClass>& classes() const { return classes_; }
  const std::vector<Operator>& operators() const { return operators_; }

  // Building (Lexicon::AddJson): later entries add to earlier ones.
  void AddClass(PredicateClass c);
  void AddOperator(Operator op);
  void AddLightVerb(std::string lemma);
  void Clear(bool classes, bool operators, bool light_verbs);
  void Finish();

 private:
  std::vector<PredicateClass> classes_;
  std::vector<Operator> operators_;
  std::vector<std::string> light_verbs_;
  // Looked up by string_view (absl's heterogeneous lookup): no string is
  // built per query.
  absl::flat_hash_map<std::string, std::vector<int>> verb_index_, noun_index_, opposite_index_;
  absl::flat_hash_map<std::string, int> operator_index_;  // pos + ":" + lemma
  absl::flat_hash_map<std::string, size_t> phrase_tokens_;
};

}  // namespace stancegraph::importers
