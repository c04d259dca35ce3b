// What was said: where a statement's content begins after its cue and where
// it ends, and how far quotations run.
#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "extract/attribution_finder.h"
#include "extract/frame_tags.h"
#include "extract/word_sets.h"

namespace stancegraph::importers::extract::internal {
namespace {

// Words that may sit between a cue and its "that": "said in a statement on
// Tuesday that", "told the BBC last week that".
bool IsAdverbial(const Token& t) {
  return (t.grammar & kAdverbial) != 0 || t.lower == "," || t.capitalized ||
         t.kind == TokenKind::kNumber;
}

}  // namespace

bool Finder::OnlyTime(uint32_t begin, uint32_t end) const {
  for (uint32_t k = begin; k < end; ++k) {
    if (!IsTimeWord(t_[k]) && !IsTrimmable(t_[k])) return false;
  }
  return true;
}

uint32_t Finder::SkipToContent(uint32_t k, const Cue& cue, const Sentence& s) const {
  uint32_t m = k;
  if (m < s.last && cue.addressee) {
    if (const EntityRef* r = RefStartingAt(m); r != nullptr) {
      m = r->last;
    } else if (IsObjectPronoun(t_[m]) || IsDeterminer(t_[m])) {
      const uint32_t stop = std::min(s.last, m + 4);
      uint32_t j = m + 1;
      while (j < stop && t_[j].kind == TokenKind::kWord && t_[j].lower != "that" &&
             t_[j].lower != "to" && t_[j].lower != "of" && t_[j].lower != "about") {
        ++j;
      }
      m = IsObjectPronoun(t_[m]) && !IsDeterminer(t_[m]) ? m + 1 : j;
    }
  }
  const bool addressee = cue.addressee;
  for (uint32_t j = m; j < s.last && j < m + (addressee ? 14 : 9); ++j) {
    if (t_[j].lower == "that" &&
        !(j + 1 < s.last && (IsBe(t_[j + 1]) || IsModal(t_[j + 1]) ||
                             t_[j + 1].lower == "has" || t_[j + 1].lower == "had"))) {
      m = j + 1;
      break;
    }
    if (addressee ? (t_[j].kind == TokenKind::kOpenQuote || t_[j].lower == ":" ||
                     t_[j].lower == "." || lex_.cue_index().count(t_[j].lower))
                  : !IsAdverbial(t_[j])) {
      break;
    }
  }
  if (m < s.last && t_[m].lower == ":") ++m;
  if (m < s.last && t_[m].lower == ",") ++m;
  if (m < s.last && cue.kind == "accuse" && (t_[m].lower == "of" || t_[m].lower == "for")) ++m;
  return m;
}

// Where a content ends: the sentence's end, or the first clause that is not
// part of it (";", ", while/however/but ...", or "but did not ..."
// returning to the speaker's own verbs).
uint32_t Finder::ContentEnd(uint32_t begin, uint32_t limit, const Sentence& s) const {
  (void)s;
  for (uint32_t m = begin; m < limit; ++m) {
    if (in_quote_[m] || m == begin) continue;
    const std::string_view w = t_[m].lower;
    if (w == ";") return m;
    if (m + 1 >= limit) continue;
    const std::string& next = t_[m + 1].lower;
    // "Sunak, who has pledged to cut taxes, warned that ...": the main verb.
    // "..., adding that ...", "..., saying ...": a new report by the same speaker.
    if (w == "," && t_[m + 1].kind == TokenKind::kWord && lex_.cue_index().count(next) &&
        !in_quote_[m + 1]) {
      return m;
    }
    // "..., a claim Starmer rejected": an appositive that judges the
    // content is not part of it (rebuttals.h attaches it).
    if (w == "," && m + 2 < limit && (next == "a" || next == "an" || next == "the") &&
        t_[m + 2].kind == TokenKind::kWord) {
      const Token& n = t_[m + 2];
      const std::string& lemma = n.info != nullptr && n.info->noun ? n.info->noun_lemma : n.lower;
      const Operator* op = lex_.predicates().OperatorOf(lemma, 'n');
      if (op != nullptr && op->kind == Operator::Kind::kClaim) return m;
    }
    if (w == "," && (next == "while" || next == "whereas" || next == "although" ||
                     next == "though" || next == "however" || next == "meanwhile" ||
                     next == "but")) {
      return m;
    }
    if ((w == "but" || w == "and") && (next == "did" || next == "does" || next == "do" ||
                                       next == "has" || next == "have" || next == "also" ||
                                       next == "then" || next == "later" || next == "never")) {
      return m > begin && t_[m - 1].lower == "," ? m - 1 : m;
    }
  }
  return limit;
}

// The end of the quotations that follow sentence `s` in its paragraph, when
// the next sentence opens one; else 0. They run until a sentence with words
// outside quotation marks ('"A," she said. "B." "C," he said.'), so each
// run of quotations is read once.
uint32_t Finder::ResumedQuoteEnd(const Sentence& s) const {
  const auto& sentences = *in_.sentences;
  uint32_t k = s.last;
  if (k >= t_.size() || t_[k].kind != TokenKind::kOpenQuote ||
      sentences[sentence_of_token_[k]].paragraph != s.paragraph) {
    return 0;
  }
  uint32_t end = 0;
  for (uint32_t si = sentence_of_token_[k]; si < sentences.size(); ++si) {
    const Sentence& next = sentences[si];
    if (next.paragraph != s.paragraph) break;
    bool quoted = true;
    for (uint32_t j = next.first; j < next.last && quoted; ++j) {
      quoted = in_quote_[j] || t_[j].kind != TokenKind::kWord;
    }
    if (!quoted) break;
    for (uint32_t j = next.first; j < next.last; ++j) {
      if (t_[j].kind == TokenKind::kCloseQuote) end = j + 1;
    }
    k = next.last;
  }
  return end == 0 && k > s.last ? k : end;
}

uint32_t Finder::QuoteEnd(uint32_t open, uint32_t paragraph) const {
  const auto& sentences = *in_.sentences;
  for (uint32_t k = open + 1; k < t_.size(); ++k) {
    if (sentences[sentence_of_token_[k]].paragraph != paragraph) return k;
    if (t_[k].kind == TokenKind::kCloseQuote && t_[k].lower == "\"") return k + 1;
  }
  return static_cast<uint32_t>(t_.size());
}

}  // namespace stancegraph::importers::extract::internal
