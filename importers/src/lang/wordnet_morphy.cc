// WordNet's morphy (morph.c in the WordNet distribution, as NLTK applies
// it): the exception list, then suffix detachment, every candidate checked
// against the lemmas of the part of speech. Runs per token, so it allocates
// only the candidates it tries.
#include <algorithm>
#include <span>

#include "lang/wordnet.h"
#include "lang/wordnet_format.h"

namespace stancegraph::importers::lang {
namespace {

struct Rule {
  std::string_view suffix, ending;
};

constexpr Rule kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                               {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Rule kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                               {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Rule kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

// Suffixes after which a doubled final consonant is undone: stopped, planning, bigger.
constexpr std::string_view kVerbDoubling[] = {"ed", "ing"};
constexpr std::string_view kAdjDoubling[] = {"er", "est"};

bool IsConsonant(char c) {
  return c >= 'a' && c <= 'z' && c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u';
}

void AddUnique(std::string_view s, std::vector<std::string>* out) {
  if (std::find(out->begin(), out->end(), s) == out->end()) out->emplace_back(s);
}

}  // namespace

void WordNet::Morph(std::string_view word, Pos pos, std::vector<std::string>* out) const {
  const uint32_t bit = 1u << static_cast<int>(pos);
  if (const int64_t index = Find(word); index >= 0) {
    const uint32_t record = Record(static_cast<uint32_t>(index));
    if ((record & bit) != 0) AddUnique(word, out);
    // An irregular form answers with its listed bases only ("found" is a
    // lemma and the past of "find"; "axes" is "ax" or "axis", not "axe").
    if ((record >> 8 & bit) != 0) {
      AppendEdges(static_cast<uint32_t>(index), format::kEdgeException, pos, pos, out);
      return;
    }
  }
  std::string candidate;
  auto try_candidate = [&](std::string_view stem, std::string_view ending) {
    candidate.assign(stem.data(), stem.size());
    candidate.append(ending.data(), ending.size());
    const int64_t index = Find(candidate);
    if (index >= 0 && (Record(static_cast<uint32_t>(index)) & bit) != 0) AddUnique(candidate, out);
  };
  std::span<const Rule> rules;
  std::span<const std::string_view> doubling;
  switch (pos) {
    case Pos::kNoun:
      // morph.c leaves "glass" and two-letter words alone.
      if (word.size() <= 2 || word.ends_with("ss")) return;
      rules = kNounRules;
      break;
    case Pos::kVerb:
      rules = kVerbRules;
      doubling = kVerbDoubling;
      break;
    case Pos::kAdj:
      rules = kAdjRules;
      doubling = kAdjDoubling;
      break;
    case Pos::kAdv:
      return;
  }
  for (const Rule& rule : rules) {
    if (word.size() > rule.suffix.size() && word.ends_with(rule.suffix)) {
      try_candidate(word.substr(0, word.size() - rule.suffix.size()), rule.ending);
    }
  }
  for (std::string_view suffix : doubling) {
    if (word.size() < suffix.size() + 3 || !word.ends_with(suffix)) continue;
    const std::string_view stem = word.substr(0, word.size() - suffix.size());
    const char last = stem.back();
    if (last == stem[stem.size() - 2] && IsConsonant(last)) {
      try_candidate(stem.substr(0, stem.size() - 1), "");
    }
  }
}

std::vector<std::string> WordNet::Lemmas(std::string_view word, Pos pos) const {
  std::vector<std::string> out;
  std::string buf;
  const std::string_view w = Fold(word, &buf);
  if (w.empty() || string_count_ == 0) return out;
  Morph(w, pos, &out);
  if (!out.empty() || (pos != Pos::kVerb && pos != Pos::kNoun)) return out;
  // A phrase: "gave up" is inflected on its first word, "peace talks" on its last.
  const size_t space = pos == Pos::kVerb ? w.find(' ') : w.rfind(' ');
  if (space == std::string_view::npos || space == 0 || space + 1 >= w.size()) return out;
  std::vector<std::string> heads;
  Morph(pos == Pos::kVerb ? w.substr(0, space) : w.substr(space + 1), pos, &heads);
  for (const std::string& head : heads) {
    const std::string phrase = pos == Pos::kVerb ? head + std::string(w.substr(space))
                                                 : std::string(w.substr(0, space + 1)) + head;
    if (IsLemma(phrase, pos)) AddUnique(phrase, &out);
  }
  return out;
}

std::string WordNet::Lemma(std::string_view word, Pos pos) const {
  std::vector<std::string> lemmas = Lemmas(word, pos);
  if (!lemmas.empty()) return std::move(lemmas[0]);
  std::string buf;
  return std::string(Fold(word, &buf));
}

}  // namespace stancegraph::importers::lang
