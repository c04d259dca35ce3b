#include "extract/stance.h"

#include "extract/word_sets.h"

namespace stancegraph::importers::extract {
namespace {

bool IsNegation(const std::vector<Token>& t, uint32_t k, uint32_t end) {
  const std::string_view w = t[k].lower;
  if (w == "not" || w == "n't" || w == "never") {
    // "not only ... but" is not a negation.
    return !(k + 1 < end && t[k + 1].lower == "only");
  }
  if (w == "no") {
    // "No, ..." answers; "no" before a noun negates: "no plans to".
    return k + 1 < end && t[k + 1].kind == TokenKind::kWord;
  }
  return false;
}

// Starts of a condition: "if", "unless", "in the event that/of",
// "provided (that)", "as long as", "on condition that". Returns its length.
uint32_t ConditionAt(const std::vector<Token>& t, uint32_t k, uint32_t end) {
  const std::string_view w = t[k].lower;
  if (w == "if" || w == "unless") return 1;
  auto is = [&](uint32_t i, const char* s) { return i < end && t[i].lower == s; };
  if (w == "in" && is(k + 1, "the") && is(k + 2, "event")) return 3;
  if (w == "as" && is(k + 1, "long") && is(k + 2, "as")) return 3;
  if (w == "provided" && (is(k + 1, "that") || (k + 1 < end && t[k + 1].capitalized))) return 1;
  if (w == "on" && is(k + 1, "condition") && is(k + 2, "that")) return 3;
  return 0;
}

}  // namespace

Stance AnalyzeStance(const std::vector<Token>& t, const Attribution& a, const Lexicon& lex) {
  Stance st;
  if (a.cue >= 0) st.kind_polarity = lex.cues()[a.cue].polarity;
  st.polarity = st.kind_polarity * (a.cue_negated ? -1 : 1);
  uint32_t b = a.content_first, e = a.content_last;
  // "warns against X", "argued against X": the content is opposed.
  if (b < e && t[b].lower == "against") {
    st.polarity = -st.polarity;
    ++b;
  }
  // Conditions: leading "if X, Y" or trailing "Y if X".
  for (uint32_t k = b; k < e; ++k) {
    const uint32_t n = ConditionAt(t, k, e);
    if (n == 0) continue;
    st.conditional = true;
    st.condition_first = k;
    if (k == b || (k == b + 1 && t[b].kind == TokenKind::kOpenQuote)) {
      uint32_t c = k + n;
      while (c < e && t[c].lower != ",") ++c;
      st.condition_last = c;
      b = c < e ? c + 1 : c;
    } else {
      st.condition_last = e;
      e = k;
      while (e > b && t[e - 1].kind == TokenKind::kPunct && t[e - 1].lower == ",") --e;
    }
    break;
  }
  if (e <= b) {  // only a condition: keep the whole content
    b = a.content_first;
    e = a.content_last;
  }
  const bool hedge_cue =
      a.cue >= 0 && (lex.cues()[a.cue].hedged || lex.HasClass(lex.cues()[a.cue].words[0], "hedge"));
  st.hedged = hedge_cue;
  for (uint32_t k = a.predicate_first; k < a.cue_first; ++k) {
    st.hedged = st.hedged || (t[k].classes & lex.bits().hedge) != 0;
  }
  // Negations and hedges of the main clause; subordinate clauses ("which",
  // "because", "when") say nothing about the proposition's polarity.
  int negations = 0;
  uint32_t main_end = e;
  for (uint32_t k = b; k < e; ++k) {
    if (k > b + 1 && IsSubordinator(t[k]) && t[k].lower != "while") {
      main_end = k;
      break;
    }
    if (IsNegation(t, k, e)) {
      ++negations;
      st.dropped.push_back(k);
    }
    if ((t[k].classes & lex.bits().hedge) != 0 && t[k].lower != "no") st.hedged = true;
    if (t[k].kind == TokenKind::kNumber && t[k].lower.ends_with("%")) st.hedged = true;
  }
  // Evaluative predicates: "X would be unacceptable", "X is a mistake", and
  // in headlines without the verb: "New restrictions 'necessary'".
  auto skip_quotes = [&](uint32_t m) {
    while (m < main_end && (t[m].kind == TokenKind::kOpenQuote || t[m].kind == TokenKind::kCloseQuote)) ++m;
    return m;
  };
  auto evaluative_at = [&](uint32_t m) -> const Evaluative* {
    const uint32_t at = skip_quotes(m);
    if (at >= main_end) return nullptr;
    const std::vector<int>* candidates = lex.EvaluativesStartingWith(t[at].lower);
    if (candidates == nullptr) return nullptr;
    for (const int index : *candidates) {
      const Evaluative& ev = lex.evaluatives()[index];
      const auto n = static_cast<uint32_t>(ev.words.size());
      uint32_t j = m;
      bool match = true;
      for (uint32_t w = 0; w < n && match; ++w) {
        j = skip_quotes(j);
        match = j < main_end && t[j].lower == ev.words[w];
        ++j;
      }
      if (!match) continue;
      // Only a short tail may follow: "is a mistake", not "is a mistake that ...".
      if (main_end > skip_quotes(j) + 2) continue;
      return &ev;
    }
    return nullptr;
  };
  for (uint32_t k = b + 1; k < main_end; ++k) {
    const bool be = IsBe(t[k]) || t[k].lower == "'s";
    uint32_t m = be ? k + 1 : k;
    while (m < main_end && (IsNegation(t, m, main_end) || IsAuxOrAdverb(t[m]) ||
                            t[m].kind == TokenKind::kOpenQuote)) {
      ++m;
    }
    if (!be) {
      // Without a verb the evaluative must end the content and follow a noun.
      uint32_t p = k;
      while (p > b && (t[p - 1].kind == TokenKind::kOpenQuote || t[p - 1].kind == TokenKind::kCloseQuote)) --p;
      if (p <= b || t[p - 1].kind != TokenKind::kWord || IsModal(t[p - 1]) ||
          IsPreposition(t[p - 1]) || IsDeterminer(t[p - 1])) {
        continue;
      }
    }
    const Evaluative* ev = evaluative_at(m);
    if (ev == nullptr) continue;
    uint32_t subject_end = k;
    while (subject_end > b && (IsModal(t[subject_end - 1]) || t[subject_end - 1].lower == "to" ||
                               t[subject_end - 1].kind == TokenKind::kOpenQuote ||
                               t[subject_end - 1].kind == TokenKind::kCloseQuote)) {
      --subject_end;
    }
    if (subject_end <= b) continue;
    // Judging a person or a body ("Jeremy Corbyn was wrong on Nato") is a
    // claim about them, kept as said; judging a stated act is a stance on it.
    bool names_only = true;
    for (uint32_t j = b; j < subject_end && names_only; ++j) {
      names_only = t[j].kind != TokenKind::kWord || t[j].capitalized || t[j].lower == "'s";
    }
    if (names_only) break;
    st.polarity *= ev->polarity;
    e = subject_end;
    break;
  }
  // Negations of an evaluative's predicate ("is not acceptable") flip the
  // stance; those inside the proposition are the proposition's.
  std::vector<uint32_t> kept;
  for (uint32_t k : st.dropped) {
    if (k < e) {
      kept.push_back(k);
    } else {
      st.polarity = -st.polarity;
    }
  }
  (void)negations;
  st.negated = kept.size() % 2 == 1;
  st.dropped = std::move(kept);
  st.prop_first = b;
  st.prop_last = e;
  return st;
}

}  // namespace stancegraph::importers::extract
