// WordNet 3.0 for the extractor: lemmas (morphy), derivations, antonyms and
// the lexicographer category of a word's most frequent sense, answered from
// the compact table the build compiles (wordnet.bin; layout in
// wordnet_format.h). Nothing is parsed per document.
//
// Every lookup takes any ASCII case ("Went" is looked up as "went") and
// answers in lower case; the words of a multi-word lemma are separated by
// single spaces ("give up", "hand over").
//
// Thread-safety: a WordNet is immutable; any number of threads may call its
// const methods at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace stancegraph::importers::lang {

enum class Pos { kNoun, kVerb, kAdj, kAdv };

class WordNet {
 public:
  // Reads a table written by wordnet_compile. InvalidArgument (naming the
  // file) when it is not such a table, is truncated, was written by another
  // format version or fails its checksum; NotFound when it cannot be read.
  static absl::StatusOr<std::shared_ptr<const WordNet>> Load(const std::string& path);

  // A table that knows no word: every lookup answers empty (Lemma answers
  // the word itself). Lives for the whole process.
  static const WordNet& Empty();

  WordNet(const WordNet&) = delete;
  WordNet& operator=(const WordNet&) = delete;

  // WordNet's morphy: the lemmas of `word` as a `pos`. The word itself
  // first when it is a lemma ("talks" is a noun lemma, then "talk"); then,
  // when the word is in the exception list, its listed base forms (went →
  // go) and nothing else; otherwise the detachment rules (noun: s ses xes
  // zes ches shes men ies; verb: s ies es ed ing; adjective: er est), then
  // an undoubled final consonant for verbs and adjectives (stopped → stop,
  // planning → plan, bigger → big). Every candidate is kept only if it is a
  // lemma of `pos`. A multi-word verb is inflected on its first word
  // ("gave up" → "give up"), a multi-word noun on its last. Empty when
  // nothing fits.
  std::vector<std::string> Lemmas(std::string_view word, Pos pos) const;

  // Lemmas(word, pos)[0], or the word itself (lower case) when it has none.
  std::string Lemma(std::string_view word, Pos pos) const;

  // True when `lemma` is a lemma of `pos`.
  bool IsLemma(std::string_view lemma, Pos pos) const;

  // Lemmas of part of speech `to` derivationally related to `lemma` as a
  // `from` (WordNet `+` pointers among nouns, verbs and adjectives):
  // Derived("invasion", kNoun, kVerb) = {"invade"}. Where WordNet links a
  // noun of action to no verb, an -ation or -ment suffix supplies the link
  // (annexation → annex; see wordnet_compile.cc). Most useful first: linked
  // through more senses, then through more frequent senses. Empty for
  // adverbs and unknown lemmas. `lemma` is a lemma, not an inflected form:
  // call Lemma first.
  std::vector<std::string> Derived(std::string_view lemma, Pos from, Pos to) const;

  // Antonyms of a verb or adjective lemma (accept → reject, legal →
  // illegal), most frequent sense first. Empty for nouns and adverbs.
  std::vector<std::string> Antonyms(std::string_view lemma, Pos pos) const;

  // The lexicographer file of the lemma's first (most frequent) sense as a
  // noun or verb: "noun.person", "noun.act", "verb.communication", ...;
  // "" for adjectives, adverbs and unknown lemmas. The view is of a static
  // string.
  std::string_view Category(std::string_view lemma, Pos pos) const;

  // The number of strings (lemmas and inflected forms) in the table.
  size_t size() const { return string_count_; }

 private:
  WordNet() = default;

  // `in` in lower case (ASCII), copied into *buf only when it has capitals.
  static std::string_view Fold(std::string_view in, std::string* buf);

  // The string's index, or -1. `s` is lower case.
  int64_t Find(std::string_view s) const;
  std::string_view String(uint32_t index) const;
  uint32_t Record(uint32_t index) const;
  // Appends the targets of the `kind` edges of string `index` from `from`
  // to `to`.
  void AppendEdges(uint32_t index, uint32_t kind, Pos from, Pos to,
                   std::vector<std::string>* out) const;
  // Morphy on one lower-case word, appending to *out.
  void Morph(std::string_view word, Pos pos, std::vector<std::string>* out) const;

  std::unique_ptr<uint8_t[]> bytes_;
  uint32_t string_count_ = 0;
  uint32_t slot_mask_ = 0;
  const uint8_t* offsets_ = nullptr;
  const uint8_t* records_ = nullptr;
  const uint8_t* edge_starts_ = nullptr;
  const uint8_t* edges_ = nullptr;
  const uint8_t* slots_ = nullptr;
  const char* text_ = nullptr;
};

}  // namespace stancegraph::importers::lang
