// The forms of reported speech: the cues of a sentence, and how each with
// its source and content becomes an attribution. The source is found in
// attribution_source.cc, the content's bounds in attribution_content.cc and
// the forms without a cue verb in attribution_headlines.cc.
#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "extract/attribution_finder.h"
#include "extract/frame_tags.h"
#include "extract/word_sets.h"

namespace stancegraph::importers::extract::internal {

void Finder::FindCandidates(const Sentence& s, std::vector<Candidate>* cands) const {
  for (uint32_t k = s.first; k < s.last; ++k) {
    if (in_quote_[k] || t_[k].kind != TokenKind::kWord) continue;
    if (!noun_use_.empty() && noun_use_[k - s.first]) continue;
    // The bit says whether the word starts any cue; most do not.
    if (!Has(k, WordBits::kCue)) continue;
    const auto it = lex_.cue_index().find(t_[k].lower);
    if (it == lex_.cue_index().end()) continue;
    for (const int id : it->second) {
      const Cue& cue = lex_.cues()[id];
      const auto n = static_cast<uint32_t>(cue.words.size());
      if (k + n > s.last) continue;
      bool match = true;
      for (uint32_t w = 1; w < n && match; ++w) match = t_[k + w].lower == cue.words[w];
      if (!match) continue;
      if (cue.verb && !VerbUse(k, cue, s)) continue;
      Candidate c;
      c.first = k;
      c.last = k + n;
      c.cue = id;
      c.predicate_first = k;
      cands->push_back(c);
      k += n - 1;
      break;
    }
  }
}

void Finder::ProcessSentence(uint32_t si, const Sentence& s) {
  uint32_t words = 0, caps = 0;
  for (uint32_t k = s.first; k < s.last; ++k) {
    if (t_[k].kind != TokenKind::kWord) continue;
    ++words;
    caps += t_[k].capitalized;
  }
  title_case_ = words >= 4 && caps * 10 >= words * 7;
  noun_use_.clear();
  if (in_.morphology != nullptr && s.last > s.first && !title_case_) {
    const FrameInput fin{in_.text, in_.tokens, in_.refs, in_.lexicon, in_.entities, in_.morphology};
    const std::vector<internal::Tagged> tags = internal::TagTokens(fin, s.first, s.last);
    noun_use_.assign(s.last - s.first, 0);
    using internal::Tag;
    for (uint32_t k = s.first + 1; k < s.last; ++k) {
      if (!Has(k, WordBits::kCue)) continue;
      // Only plain evidence of a noun counts: a determiner, possessive or
      // nationality before it ("the Western calls"), or a bare verb form after
      // a singular name or noun ("Iran attack", "Blinken blame", "UK forecast").
      const Tag prev = tags[k - 1 - s.first].tag;
      const WordInfo& info =
          t_[k].info != nullptr ? *t_[k].info : in_.morphology->Info(t_[k].lower);
      const bool after_modifier =
          prev == Tag::kDet || prev == Tag::kPoss || prev == Tag::kDemonym;
      const std::string& p = t_[k - 1].lower;
      const bool singular_before = prev == Tag::kName && !(p.size() > 3 && p.back() == 's');
      const bool bare = info.verb && info.form == VerbForm::kBase && info.noun && !info.inflected;
      noun_use_[k - s.first] = info.noun && (after_modifier || (bare && singular_before));
    }
  }
  std::vector<Candidate> cands;
  FindCandidates(s, &cands);
  for (size_t i = 0; i < cands.size(); ++i) {
    FindSource(s, &cands[i], std::span<const Candidate>(cands.data(), i));
    sentence_holders_.push_back(cands[i].holder);
  }
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    if (c.holder < 0) continue;
    const Cue& cue = lex_.cues()[c.cue];
    uint32_t limit = s.last;
    for (size_t j = i + 1; j < cands.size(); ++j) {
      if (cands[j].bounds_previous && cands[j].clause_start > c.last) {
        limit = cands[j].clause_start;
        break;
      }
    }
    uint32_t begin = 0, end = 0;
    if (c.passive) {
      begin = s.first;
      end = c.first;
    } else if (cue.source_after) {
      uint32_t words_before = 0;
      for (uint32_t k = s.first; k < c.first; ++k) {
        words_before += t_[k].kind == TokenKind::kWord && !IsCoordinator(t_[k]);
      }
      if (words_before < 2) {
        begin = c.holder_last > c.last ? c.holder_last : c.last;
        end = ContentEnd(begin, limit, s);
      } else {
        begin = s.first;
        end = c.first;
      }
    } else {
      const uint32_t after = SkipToContent(c.last, cue, s);
      uint32_t rest = limit;
      while (rest > after && IsTrimmable(t_[rest - 1])) --rest;
      const bool marked =
          after > c.last && (t_[after - 1].lower == "that" || t_[after - 1].lower == ":");
      const bool quote = after < limit && t_[after].kind == TokenKind::kOpenQuote;
      uint32_t content_start = c.subject_after ? c.first : c.holder_first;
      // "Senate minority leader Harry Reid", "the spokesman", "Fox's Chris
      // Wallace": the words of the source's noun phrase belong to it.
      for (uint32_t k = content_start, n = 0; k > s.first + 1 && n < 6; --k, ++n) {
        const Token& w = t_[k - 1];
        if (w.lower == "," || w.kind == TokenKind::kCloseQuote) {
          content_start = k;
          break;
        }
        // Any noun phrase word: "his friend", "the economist", "one senior official".
        const bool np_word = !IsPreposition(w) && !IsAuxOrAdverb(w) &&
                             !IsCoordinator(w) && !IsSubordinator(w) &&
                             w.lower != "that" && w.lower != "to";
        if (w.kind != TokenKind::kWord || !np_word || (w.classes & WordBits::kCue) != 0) break;
      }
      const bool before_possible =
          content_start > s.first + 1 && (t_[content_start - 1].lower == "," ||
                                          t_[content_start - 1].kind == TokenKind::kCloseQuote);
      // '"...," X said' is the commonest form of all: the quote is the content.
      const bool quote_before =
          before_possible && (t_[content_start - 1].kind == TokenKind::kCloseQuote ||
                              t_[content_start - 2].kind == TokenKind::kCloseQuote);
      // "..., he said, ...": a parenthetical cue; the rest of the sentence is
      // the content. After a closed quotation what follows the comma is the
      // reporter's ('"...," she said, pointing to the crowd').
      const bool parenthetical = before_possible && !c.subject_after && after < rest &&
                                 t_[c.last].lower == "," && !quote && !quote_before;
      // "...," she said in an interview on Tuesday.
      const bool adverbial_tail =
          after < rest && IsPreposition(t_[after]) && t_[after].lower != "to" && !marked;
      if (parenthetical) {
        begin = s.first;
        end = rest;
      } else if (!c.subject_after && after < rest && t_[after].lower == "as" &&
                 c.holder_first > s.first + 1 && t_[c.holder_first - 1].kind == TokenKind::kWord &&
                 !t_[c.holder_first - 1].capitalized && !IsDeterminer(t_[c.holder_first - 1]) &&
                 !IsPreposition(t_[c.holder_first - 1]) &&
                 !IsAuxOrAdverb(t_[c.holder_first - 1])) {
        // "a claim Starmer rejected as nonsense": the object precedes the holder.
        end = c.holder_first;
        begin = end - 1;
        while (begin > s.first && t_[begin - 1].kind == TokenKind::kWord) --begin;
        if (begin > s.first + 1 && t_[begin - 1].lower == ",") {
          // "..., a claim X rejected": the claim is the clause before the comma.
          end = begin - 1;
          begin = s.first;
          for (const Candidate& e : cands) {
            if (e.last < end && &e != &c && e.holder >= 0) {
              begin = std::max(begin, SkipToContent(e.last, lex_.cues()[e.cue], s));
            }
          }
        }
      } else if (!c.subject_after && (marked || quote ||
                                      (rest - after > 3 && !adverbial_tail && !quote_before) ||
                                      !before_possible)) {
        begin = after;
        end = ContentEnd(after, limit, s);
      } else if (before_possible) {
        begin = s.first;
        if (s.starts_in_quote) {
          // The quotation opened in an earlier sentence of the paragraph.
          const auto& sentences = *in_.sentences;
          for (uint32_t k = s.first; k > 0; --k) {
            if (sentences[sentence_of_token_[k - 1]].paragraph != s.paragraph) break;
            if (t_[k - 1].kind == TokenKind::kOpenQuote) {
              begin = k - 1;
              break;
            }
          }
        }
        end = content_start - 1;
        if (t_[end].kind == TokenKind::kCloseQuote) ++end;
        for (const Candidate& e : cands) {  // starts after an earlier clause's cue
          if (e.last <= content_start && &e != &c && e.holder >= 0) begin = std::max(begin, e.last);
        }
        // A quotation resumed after the cue in the same paragraph belongs to it:
        //   "A," she said. "B."
        if (end > begin && t_[end - 1].kind == TokenKind::kCloseQuote) {
          const uint32_t resumed = ResumedQuoteEnd(s);
          if (resumed > end) {
            end = resumed;
            covered_until_ = std::max(covered_until_, resumed);
          }
        }
      }
    }
    while (begin < end && (t_[begin].lower == "," || t_[begin].lower == ":")) ++begin;
    if (begin < end && t_[begin].kind == TokenKind::kOpenQuote && end >= s.last - 1) {
      // A quotation that runs on past the sentence.
      bool closed = false;
      for (uint32_t k = begin + 1; k < end; ++k) closed = closed || t_[k].kind == TokenKind::kCloseQuote;
      if (!closed) {
        end = QuoteEnd(begin, s.paragraph);
        covered_until_ = std::max(covered_until_, end);
      }
    }
    while (end > begin && IsTrimmable(t_[end - 1])) --end;
    if (end <= begin || OnlyTime(begin, end)) continue;
    Attribution a;
    a.sentence = si;
    a.holder = c.holder;
    a.holder_first = c.holder_first;
    a.holder_last = c.holder_last;
    a.cue_first = c.first;
    a.cue_last = c.last;
    a.content_first = begin;
    a.content_last = end;
    a.cue = c.cue;
    a.cue_negated = c.negated;
    a.predicate_first = c.predicate_first;
    if (cue.addressee && !cue.source_after) {
      uint32_t k = c.last;
      while (k < s.last && IsDeterminer(t_[k])) ++k;
      if (const EntityRef* r = RefStartingAt(k); r != nullptr && k < begin) {
        a.addressee = HolderOf(*r, s.paragraph);
      }
    }
    out_.push_back(a);
    // "Finland and Estonia have demanded ...": each conjunct holds the claim.
    if (c.holder_last > c.holder_first && c.holder_first >= s.first + 2 &&
        t_[c.holder_first - 1].lower == "and") {
      const EntityRef* r = RefEndingAt(c.holder_first - 1);
      if (r != nullptr && r->kind != RefKind::kPronoun && r->entity >= 0 && r->entity != a.holder) {
        a.holder = r->entity;
        a.holder_first = r->first;
        a.holder_last = r->last;
        out_.push_back(a);
      }
    }
  }
}

}  // namespace stancegraph::importers::extract::internal
