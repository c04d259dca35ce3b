#include "stancegraph/importers/predicates.h"

#include <algorithm>

#include "absl/strings/string_view.h"

namespace stancegraph::importers {
namespace {

// Debian's absl::string_view is not std::string_view.
absl::string_view View(std::string_view s) { return absl::string_view(s.data(), s.size()); }

const std::vector<int>& Empty() {
  static const auto* empty = new std::vector<int>();
  return *empty;
}

std::string OperatorKey(char pos, std::string_view lemma) {
  std::string key(1, pos);
  key.push_back(':');
  key.append(lemma);
  return key;
}

size_t TokenCount(std::string_view phrase) {
  return static_cast<size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
}

std::string FirstWord(std::string_view phrase) {
  return std::string(phrase.substr(0, phrase.find(' ')));
}

}  // namespace

const std::vector<int>& PredicateLexicon::ClassesOf(std::string_view lemma, char pos) const {
  const auto& index = pos == 'v' ? verb_index_ : noun_index_;
  const auto it = index.find(View(lemma));
  return it == index.end() ? Empty() : it->second;
}

const Operator* PredicateLexicon::OperatorOf(std::string_view lemma, char pos) const {
  const auto it = operator_index_.find(OperatorKey(pos, lemma));
  return it == operator_index_.end() ? nullptr : &operators_[it->second];
}

std::vector<int> PredicateLexicon::OppositeOf(std::string_view lemma) const {
  const auto it = opposite_index_.find(View(lemma));
  return it == opposite_index_.end() ? std::vector<int>{} : it->second;
}

bool PredicateLexicon::IsLightVerb(std::string_view lemma) const {
  return std::find(light_verbs_.begin(), light_verbs_.end(), lemma) != light_verbs_.end();
}

size_t PredicateLexicon::MaxPhraseTokens(std::string_view word) const {
  const auto it = phrase_tokens_.find(View(word));
  return it == phrase_tokens_.end() ? 1 : it->second;
}

void PredicateLexicon::AddClass(PredicateClass c) {
  // A class given again (by name) replaces the earlier one.
  for (PredicateClass& old : classes_) {
    if (old.name == c.name) {
      old = std::move(c);
      return;
    }
  }
  classes_.push_back(std::move(c));
}

void PredicateLexicon::AddOperator(Operator op) {
  for (Operator& old : operators_) {
    if (old.lemma == op.lemma && old.pos == op.pos) {
      old = std::move(op);
      return;
    }
  }
  operators_.push_back(std::move(op));
}

void PredicateLexicon::AddLightVerb(std::string lemma) {
  if (!IsLightVerb(lemma)) light_verbs_.push_back(std::move(lemma));
}

void PredicateLexicon::Clear(bool classes, bool operators, bool light_verbs) {
  if (classes) classes_.clear();
  if (operators) operators_.clear();
  if (light_verbs) light_verbs_.clear();
}

void PredicateLexicon::Finish() {
  verb_index_.clear();
  noun_index_.clear();
  opposite_index_.clear();
  operator_index_.clear();
  phrase_tokens_.clear();
  auto note_phrase = [&](const std::string& phrase) {
    size_t& n = phrase_tokens_[FirstWord(phrase)];
    n = std::max(n, TokenCount(phrase));
  };
  for (int i = 0; i < static_cast<int>(classes_.size()); ++i) {
    const PredicateClass& c = classes_[i];
    for (const std::string& v : c.verbs) {
      verb_index_[v].push_back(i);
      note_phrase(v);
    }
    for (const std::string& n : c.nouns) {
      noun_index_[n].push_back(i);
      note_phrase(n);
    }
    for (const std::string& o : c.opposites) {
      opposite_index_[o].push_back(i);
      note_phrase(o);
    }
  }
  // Classes that constrain their object are tried first.
  for (auto* index : {&verb_index_, &noun_index_}) {
    for (auto& [lemma, list] : *index) {
      std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
        return !classes_[a].objects.empty() && classes_[b].objects.empty();
      });
    }
  }
  for (int i = 0; i < static_cast<int>(operators_.size()); ++i) {
    operator_index_[OperatorKey(operators_[i].pos, operators_[i].lemma)] = i;
    note_phrase(operators_[i].lemma);
  }
  for (const std::string& v : light_verbs_) note_phrase(v);
}

}  // namespace stancegraph::importers
