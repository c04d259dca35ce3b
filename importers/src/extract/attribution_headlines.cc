// Reporting forms without a cue verb: headlines "Name: ..." and
// "... - Name", and paragraphs that continue the last speaker's quotation.
#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "extract/attribution_finder.h"
#include "extract/frame_tags.h"
#include "extract/word_sets.h"

namespace stancegraph::importers::extract::internal {

// A headline or paragraph that opens "Name: ..." reports Name's words.
void Finder::MaybeHeadlineColon(uint32_t si, const Sentence& s) {
  uint32_t k = s.first;
  if (k < s.last && t_[k].kind == TokenKind::kOpenQuote) ++k;
  const EntityRef* r = RefStartingAt(k);
  if (r == nullptr || r->kind == RefKind::kPronoun || r->entity < 0) return;
  if (ents_.entity(r->entity).type == schema::EntityType::kUnknown && r->last - r->first < 2) return;
  if (ents_.entity(r->entity).type == schema::EntityType::kPlace) return;
  const uint32_t colon = r->last;
  if (colon + 1 >= s.last || t_[colon].lower != ":") return;
  uint32_t end = s.last;
  while (end > colon + 1 && IsTrimmable(t_[end - 1])) --end;
  if (end <= colon + 1) return;
  Attribution a;
  a.sentence = si;
  a.holder = r->entity;
  a.holder_first = r->first;
  a.holder_last = r->last;
  a.cue_first = colon;
  a.cue_last = colon + 1;
  a.predicate_first = colon;
  a.content_first = colon + 1;
  a.content_last = end;
  out_.push_back(a);
}

// A headline that ends "... - Holder" reports the holder's words:
// "Rafah ground offensive 'must not happen' - Lammy".
void Finder::MaybeHeadlineDash(uint32_t si, const Sentence& s) {
  uint32_t end = s.last;
  while (end > s.first && IsTrimmable(t_[end - 1]) && t_[end - 1].lower != "-") --end;
  // The last free-standing dash with words on both sides.
  uint32_t dash = end;
  for (uint32_t k = end; k > s.first + 1; --k) {
    const Token& d = t_[k - 1];
    if (d.lower != "-" || d.kind != TokenKind::kPunct || k >= end) continue;
    if (d.begin == t_[k - 2].end || k >= t_.size() || t_[k].begin == d.end) continue;
    dash = k - 1;
    break;
  }
  if (dash >= end || dash <= s.first + 1 || end - dash > 9) return;
  int holder = -1;
  uint32_t hf = 0;
  for (uint32_t j = end; j > dash + 1 && holder < 0; --j) {
    if (const EntityRef* r = RefEndingAt(j); r != nullptr && r->first > dash && r->entity >= 0) {
      if (ents_.entity(r->entity).type == schema::EntityType::kPlace) return;
      holder = HolderOf(*r, s.paragraph);
      hf = r->first;
    }
  }
  if (holder < 0) {
    Sentence np = s;
    np.first = dash + 1;
    uint32_t b = 0;
    holder = GroupHolder(end, np, &b);
    hf = b;
  }
  if (holder < 0) return;
  uint32_t cb = s.first, ce = dash;
  while (ce > cb && IsTrimmable(t_[ce - 1])) --ce;
  if (ce <= cb + 1) return;
  Attribution a;
  a.sentence = si;
  a.holder = holder;
  a.holder_first = hf;
  a.holder_last = end;
  a.cue_first = dash;
  a.cue_last = dash + 1;
  a.predicate_first = dash;
  a.content_first = cb;
  a.content_last = ce;
  out_.push_back(a);
}

// A paragraph that opens with a quotation and names no speaker continues the
// last speaker's words.
void Finder::MaybeContinueQuote(uint32_t si, const Sentence& s) {
  if (!s.first_in_paragraph || t_[s.first].kind != TokenKind::kOpenQuote) return;
  if (last_speaker_ < 0 || s.paragraph > last_speaker_paragraph_ + 2) return;
  // A speaker named later in the paragraph ("...," Smith said) takes it.
  // Without one, every quotation of the paragraph continues the speaker.
  const auto& sentences = *in_.sentences;
  uint32_t last_close = 0;
  for (uint32_t k = s.first; k < t_.size() && sentences[sentence_of_token_[k]].paragraph == s.paragraph; ++k) {
    if (!in_quote_[k] && t_[k].kind == TokenKind::kWord && Has(k, WordBits::kCue)) return;
    if (t_[k].kind == TokenKind::kCloseQuote) last_close = k + 1;
  }
  uint32_t end = std::max(QuoteEnd(s.first, s.paragraph), last_close);
  covered_until_ = std::max(covered_until_, end);
  while (end > s.first && IsTrimmable(t_[end - 1])) --end;
  if (end <= s.first + 1) return;
  Attribution a;
  a.sentence = si;
  a.holder = last_speaker_;
  a.content_first = s.first;
  a.content_last = end;
  out_.push_back(a);
}

}  // namespace stancegraph::importers::extract::internal
