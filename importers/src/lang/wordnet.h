// WordNet 3.0 lemmas, derivations, antonyms and lexicographer categories,
// from the table compiled at build time (share/stancegraph/lexicons/wordnet.bin).
// Immutable and thread-safe once loaded.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace stancegraph::importers::lang {

enum class Pos { kNoun, kVerb, kAdj, kAdv };

class WordNet {
 public:
  static absl::StatusOr<std::shared_ptr<const WordNet>> Load(const std::string& path);
  // An empty dictionary: every lookup finds nothing.
  WordNet() = default;

  // Base forms of `word` (lower case) as `pos`, morphy's order; empty when
  // it is no form of a `pos` lemma.
  std::vector<std::string> Lemmas(std::string_view word, Pos pos) const;
  // The first lemma, or `word` when there is none.
  std::string Lemma(std::string_view word, Pos pos) const;
  bool IsLemma(std::string_view lemma, Pos pos) const;
  // Derivationally related lemmas of another part of speech ("invasion" -> "invade").
  std::vector<std::string> Derived(std::string_view lemma, Pos from, Pos to) const;
  std::vector<std::string> Antonyms(std::string_view lemma, Pos pos) const;
  // The lexicographer file of the first sense ("noun.person"), "" when unknown.
  std::string_view Category(std::string_view lemma, Pos pos) const;
};

}  // namespace stancegraph::importers::lang
