// Clauses: where a clause's content starts (past quotes, "that", a
// transparent noun), its verb group, and the prepositional phrases after
// the verb. What the verb itself does is frame_verb.cc's.
#include <algorithm>

#include "extract/frame_internal.h"
#include "extract/word_sets.h"

namespace stancegraph::importers::extract::internal {

bool Parser::Clause(uint32_t b, uint32_t e, int controller) {
  if (depth_ > 8) return false;
  ++depth_;
  struct Leave {
    int* d;
    ~Leave() { --*d; }
  } leave{&depth_};
  while (b < e && (T(b) == Tag::kQuote || W(b) == "," || W(b) == ":" ||
                   (W(b) == "that" && b + 1 < e && T(b + 1) != Tag::kNoun))) {
    ++b;
  }
  while (e > b && (T(e - 1) == Tag::kQuote || T(e - 1) == Tag::kPunct)) --e;
  if (b >= e) return false;
  // A negated infinitive: "(tells Kyiv) not to expect quick EU entry".
  if (b + 2 < e && T(b) == Tag::kNeg && T(b + 1) == Tag::kTo && T(b + 2) == Tag::kVerb) {
    frame_.polarity = -frame_.polarity;
    frame_.dropped.push_back(b);
    ++b;
  }
  if (T(b) == Tag::kTo) ++b;  // an infinitive: "to join Nato"
  // "guarantees that the fund will not shrink": a transparent noun passes
  // its clause through.
  {
    uint32_t k = b;
    while (k < e && (T(k) == Tag::kDet || T(k) == Tag::kAdj)) ++k;
    if (k + 2 < e && T(k) == Tag::kNoun && (W(k + 1) == "that" || T(k + 1) == Tag::kTo)) {
      const Operator* op = lex_.OperatorOf(tag(k).info->noun_lemma, 'n');
      if (op != nullptr && op->kind == Operator::Kind::kTransparent && op->polarity > 0 &&
          (W(k + 1) == "that" || T(k + 2) == Tag::kVerb)) {
        frame_.first = std::max(frame_.first, k + 2);
        return Clause(k + 2, e, controller);
      }
    }
  }
  uint32_t group = 0, verb = 0;
  if (!FindVerbGroup(b, e, &group, &verb)) {
    // No verb: a noun phrase ("Russia's return"), perhaps negated ("not our fight").
    for (uint32_t k = b; k < e && !IsBoundary(k); ++k) {
      if (T(k) == Tag::kNeg && W(k) != "no") {
        frame_.polarity = -frame_.polarity;
        frame_.dropped.push_back(k);
      }
    }
    uint32_t nb = b;
    while (nb < e && (T(nb) == Tag::kNeg && W(nb) != "no")) ++nb;
    return Nominal(nb, e, depth_ == 1 ? options_.nominal_agent : -1);
  }
  return Verbal(b, group, group, verb, e, controller);
}

bool Parser::FindVerbGroup(uint32_t b, uint32_t e, uint32_t* group_first, uint32_t* verb) const {
  // An auxiliary or modal with its verb comes first: "Britons captured in
  // Ukraine must not face ..." has its verb group at "must".
  for (uint32_t k = b; k < e; ++k) {
    const Tag tg = T(k);
    if (k > b && (tg == Tag::kSub || tg == Tag::kRel) && W(k) != "that") break;
    if (tg != Tag::kModal && tg != Tag::kDo && tg != Tag::kBe && tg != Tag::kHave) continue;
    if (tg == Tag::kBe && k == b) continue;
    uint32_t j = k + 1;
    while (j < e && (T(j) == Tag::kNeg || T(j) == Tag::kAdv || T(j) == Tag::kBe ||
                     T(j) == Tag::kHave || T(j) == Tag::kQuote ||
                     (T(j) == Tag::kTo && T(j - 1) == Tag::kHave))) {  // "would have to"
      ++j;
    }
    if (j < e && T(j) == Tag::kVerb) {
      *group_first = k;
      *verb = j;
      return true;
    }
    // A copula: "X is a mistake", "Ukraine is independent".
    uint32_t be = j;
    while (be > k && T(be - 1) != Tag::kBe) --be;
    if (be > k && j < e && (IsNominal(T(j)) || T(j) == Tag::kPrep || T(j) == Tag::kAdj)) {
      *group_first = k;
      *verb = be - 1;
      return true;
    }
    if (tg == Tag::kBe && j < e) {
      *group_first = k;
      *verb = k;
      return true;
    }
  }
  for (uint32_t k = b; k < e; ++k) {
    const Tag tg = T(k);
    if (k > b && (tg == Tag::kSub || tg == Tag::kRel || tg == Tag::kConj)) break;
    if (tg != Tag::kVerb) continue;
    const WordInfo* info = tag(k).info;
    if (info == nullptr) continue;
    // An infinitive inside a noun phrase ("demand to sell") and a
    // participle after its noun ("athletes competing") are not the
    // clause's verb.
    if (k > b && T(k - 1) == Tag::kTo) continue;
    if (k > b && info->form == VerbForm::kIng) continue;
    // "no longer supports", "never backed": the negation is the group's.
    uint32_t g = k;
    while (g > b && (T(g - 1) == Tag::kNeg || T(g - 1) == Tag::kAdv)) --g;
    while (g < k && T(g) == Tag::kAdv && W(g) != "longer") ++g;
    *group_first = g;
    *verb = k;
    return true;
  }
  // Headlines drop the auxiliary: "South Africa distorting the truth",
  // "Gaza facing famine".
  for (uint32_t k = b + 1; k < e; ++k) {
    const Tag tg = T(k);
    if (tg == Tag::kSub || tg == Tag::kRel || tg == Tag::kConj) break;
    const WordInfo* info = tag(k).info;
    if (tg != Tag::kVerb || info == nullptr || info->form != VerbForm::kIng) continue;
    const Tag prev = T(k - 1);
    if (prev != Tag::kName && prev != Tag::kPron) continue;
    *group_first = k;
    *verb = k;
    return true;
  }
  return false;
}

void Parser::Complements(uint32_t b, uint32_t e, bool passive) {
  uint32_t k = b;
  while (k < e) {
    if (IsBoundary(k) || T(k) == Tag::kVerb || T(k) == Tag::kModal) return;
    if (T(k) == Tag::kTo && k + 1 < e && T(k + 1) == Tag::kVerb) return;  // a purpose clause
    if (T(k) != Tag::kPrep && T(k) != Tag::kTo) {
      ++k;
      continue;
    }
    const std::string& p = W(k);
    const NounPhrase np = ParseNounPhrase(k + 1, e);
    if (np.last <= k + 1) {
      ++k;
      continue;
    }
    // "at the UN", "in a letter": where it was said, not an argument.
    if (p == "at" || p == "during" || p == "via" || p == "through") {
      k = np.core_last > k ? np.core_last : k + 1;
      continue;
    }
    Role role = Role::kPatient;
    if (p == "by" && passive) role = Role::kAgent;
    if (p == "to" || p == "for") role = Role::kRecipient;
    const bool core = p == "of" || p == "on" || p == "against" || p == "over" || p == "about" ||
                      p == "with" || p == "into";
    PhraseArgs(np.first, np.core_last, role, core);
    k = np.core_last > k ? np.core_last : k + 1;
  }
}

}  // namespace stancegraph::importers::extract::internal
