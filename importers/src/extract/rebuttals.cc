#include "extract/rebuttals.h"

#include <algorithm>

#include "extract/word_sets.h"

namespace stancegraph::importers::extract {
namespace {

bool Demonstrative(std::string_view w) {
  return w == "it" || w == "this" || w == "that" || w == "these" || w == "those" || w == "such";
}

}  // namespace

Anaphor FindAnaphor(const std::vector<Token>& t, const std::vector<EntityRef>& refs,
                    const Lexicon& lex, uint32_t first, uint32_t last) {
  Anaphor out;
  // Words only: quotes and punctuation say nothing here.
  std::vector<uint32_t> words;
  for (uint32_t k = first; k < last; ++k) {
    if (t[k].kind == TokenKind::kWord || t[k].kind == TokenKind::kNumber) words.push_back(k);
  }
  if (words.empty() || words.size() > 6) return out;
  if (words.size() == 1 && Demonstrative(t[words[0]].lower)) {
    out.found = true;
    return out;
  }
  // [determiner | possessor 's] [adjectives] claim-noun ["as" ...]
  size_t i = 0;
  const auto ref_at = [&](uint32_t k) -> const EntityRef* {
    const auto it = std::lower_bound(refs.begin(), refs.end(), k,
                                     [](const EntityRef& r, uint32_t x) { return r.first < x; });
    return it != refs.end() && it->first == k ? &*it : nullptr;
  };
  if (const EntityRef* r = ref_at(words[0]); r != nullptr && r->entity >= 0) {
    uint32_t after = r->last;
    size_t j = i;
    while (j < words.size() && words[j] < after) ++j;
    if (j < words.size() && t[words[j]].lower == "'s") {
      out.possessor = r->entity;
      i = j + 1;
    }
  }
  if (out.possessor < 0) {
    if (i < words.size() && (IsDeterminer(t[words[i]]) || Demonstrative(t[words[i]].lower))) {
      ++i;
    } else {
      return out;  // a bare noun ("criticism") is a topic, not a pointer
    }
  }
  // The last word before "as" ("dismissed the claims as nonsense") is the noun.
  size_t end = words.size();
  for (size_t j = i; j < words.size(); ++j) {
    if (t[words[j]].lower == "as") {
      end = j;
      break;
    }
  }
  if (end <= i) return out;
  const std::string& noun = t[words[end - 1]].lower;
  std::string singular = noun;
  if (singular.size() > 3 && singular.back() == 's') singular.pop_back();
  const Operator* op = lex.predicates().OperatorOf(singular, 'n');
  if (op == nullptr) op = lex.predicates().OperatorOf(noun, 'n');
  if (op == nullptr || (op->kind != Operator::Kind::kClaim && op->kind != Operator::Kind::kAct)) {
    return out;
  }
  out.found = true;
  return out;
}

void RecentClaims::Add(const Entry& e) {
  entries_.push_back(e);
  while (!entries_.empty() && entries_.front().sentence + window_ < e.sentence) entries_.pop_front();
  if (entries_.size() > 64) entries_.pop_front();
}

const RecentClaims::Entry* RecentClaims::Find(int rebutter, int possessor, uint32_t sentence) const {
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    if (it->sentence > sentence || it->sentence + window_ < sentence) continue;
    if (it->holder == rebutter || it->polarity == 0) continue;
    if (possessor >= 0 && it->holder != possessor) continue;
    return &*it;
  }
  return nullptr;
}

}  // namespace stancegraph::importers::extract
