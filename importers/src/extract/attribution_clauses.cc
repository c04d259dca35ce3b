// The forms of reported speech: where the source, the cue and the content of
// each statement are in a sentence.
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

bool IsTrimmable(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.lower == "." || t.lower == "," || t.lower == ":" || t.lower == ";" || t.lower == "-" ||
          t.lower == "--" || t.lower == "...");
}

}  // namespace

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

// A plural or group noun phrase ending before `end` as the source:
// "officials", "US officials", "30 mainly European countries".
int Finder::GroupHolder(uint32_t end, const Sentence& s, uint32_t* first) {
  if (end <= s.first) return -1;
  const uint32_t head = end - 1;
  const Token& h = t_[head];
  // "Six in 10 say": a share of people.
  if (h.kind == TokenKind::kNumber && head >= s.first + 2 && t_[head - 1].lower == "in") {
    const uint32_t b = head - 2;
    std::string name(in_.text.substr(t_[b].begin, h.end - t_[b].begin));
    *first = b;
    return ents_.FromName(name, schema::EntityType::kGroup, 0);
  }
  if (h.kind != TokenKind::kWord || (h.capitalized && head != s.first)) return -1;
  for (uint32_t j = head; j > s.first && head - j < 3; --j) {
    const std::string_view w = t_[j - 1].lower;
    if (w == "neither" || w == "no" || w == "nobody") return -1;  // nobody holds it
    if (t_[j - 1].kind != TokenKind::kWord) break;
  }
  const bool group = Has(head, lex_.bits().group) || Has(head, lex_.bits().title) ||
                     (h.lower.size() > 3 && h.lower.back() == 's' &&
                      lex_.HasClass(h.lower.substr(0, h.lower.size() - 1), "group"));
  if (h.capitalized && !group) return -1;
  // "the party", "the ministry": the body of that kind named last before it,
  // else nobody the reader could name.
  if (head > s.first && Has(head, lex_.bits().org_word) &&
      (t_[head - 1].lower == "the" || t_[head - 1].lower == "this")) {
    for (auto it = in_.refs->rbegin(); it != in_.refs->rend(); ++it) {
      if (it->last > head - 1 || it->entity < 0 || it->kind == RefKind::kPronoun) continue;
      const schema::Entity& e = ents_.entity(it->entity);
      std::string lower = e.name;
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (lower.find(h.lower) == std::string::npos) continue;
      *first = head - 1;
      return it->entity;
    }
    // Unnamed: a kind of body the lexicon knows many of ("the party":
    // which?) names nobody; another ("the campaign", "the union") stays a
    // group.
    int named = 0;
    for (const LexiconEntity& le : lex_.entities()) {
      if (le.entity.type != schema::EntityType::kOrganisation &&
          le.entity.type != schema::EntityType::kGovernment) {
        continue;
      }
      std::string lower = le.entity.name;
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (lower.ends_with(" " + h.lower) && ++named >= 3) return -1;
    }
  }
  if (!group) {
    // Any common noun after a determiner: "the actress", "a witness".
    bool det = false;
    for (uint32_t j = head; j > s.first && head - j < 3 && !det; --j) {
      const Token& w = t_[j - 1];
      if (IsDeterminer(w)) det = true;
      if (IsPreposition(w) || IsAuxOrAdverb(w) || w.kind != TokenKind::kWord) break;
    }
    if (!det || IsAuxOrAdverb(h) || IsModal(h) || Has(head, lex_.bits().common) ||
        IsPreposition(h) || h.lower.ends_with("ing") || IsObjectPronoun(h)) {
      return -1;
    }
  }
  uint32_t b = head;
  while (b > s.first && head - b < 3) {
    const Token& w = t_[b - 1];
    if (w.kind != TokenKind::kWord || IsDeterminer(w) || IsPreposition(w) ||
        IsAuxOrAdverb(w) || IsCoordinator(w) || Has(b - 1, lex_.bits().common) ||
        (RefEndingAt(b) != nullptr && RefEndingAt(b)->kind == RefKind::kDemonym) ||
        Has(b - 1, WordBits::kCue)) {
      break;
    }
    --b;
  }
  if (const EntityRef* r = RefEndingAt(b); r != nullptr && r->kind == RefKind::kDemonym) {
    *first = r->first;
    return r->entity;
  }
  std::string name;
  for (uint32_t k = b; k < end; ++k) {
    if (k > b) name.push_back(' ');
    name.append(in_.text.substr(t_[k].begin, t_[k].end - t_[k].begin));
  }
  *first = b;
  return ents_.FromName(name, schema::EntityType::kGroup, 0);
}

void Finder::FindSource(const Sentence& s, Candidate* c, std::span<const Candidate> earlier) {
  const Cue& cue = lex_.cues()[c->cue];
  const uint32_t para = s.paragraph;
  auto inherit = [&]() {
    for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) {
      if (it->holder >= 0) return it->holder;
    }
    return -1;
  };
  // A passive with its agent: "Israel's annexation rejected by European MPs".
  if (cue.verb && c->last + 1 < s.last && t_[c->last].lower == "by" &&
      t_[c->first].lower.ends_with("ed") && c->first > s.first) {
    uint32_t k = c->last + 1;
    if (k < s.last && IsDeterminer(t_[k])) ++k;
    if (const EntityRef* r = RefStartingAt(k); r != nullptr && r->kind != RefKind::kPronoun) {
      c->holder = HolderOf(*r, para);
      c->holder_first = r->first;
      c->holder_last = r->last;
    } else {
      uint32_t stop = k;
      while (stop < s.last && stop - k < 4 && t_[stop].kind == TokenKind::kWord &&
             !IsPreposition(t_[stop]) && !IsCoordinator(t_[stop])) {
        ++stop;
      }
      Sentence np = s;
      np.first = k;
      uint32_t b = 0;
      if (const int g = GroupHolder(stop, np, &b); g >= 0) {
        c->holder = g;
        c->holder_first = b;
        c->holder_last = stop;
      }
    }
    if (c->holder >= 0) {
      c->passive = true;
      c->subject_after = true;
      c->clause_start = s.first;
      return;
    }
  }
  if (cue.source_after) {
    c->subject_after = true;
    c->clause_start = c->first;
    uint32_t k = c->last;
    if (k < s.last && IsDeterminer(t_[k])) ++k;
    if (const EntityRef* r = RefStartingAt(k); r != nullptr) {
      c->holder = HolderOf(*r, para);
      c->holder_first = r->first;
      c->holder_last = r->last;
      return;
    }
    // Any noun phrase: "a new poll", "FEC filings", "early results of exit polls".
    uint32_t e = k;
    while (e < s.last && e - k < 8 && t_[e].kind == TokenKind::kWord && t_[e].lower != "that" &&
           t_[e].lower != "who" && t_[e].lower != "which" && !lex_.cue_index().count(t_[e].lower)) {
      ++e;
    }
    if (e > k) {
      std::string name;
      for (uint32_t j = k; j < e; ++j) {
        if (j > k) name.push_back(' ');
        name.append(in_.text.substr(t_[j].begin, t_[j].end - t_[j].begin));
      }
      c->holder = ents_.FromName(name, schema::EntityType::kGroup, 0);
      c->holder_first = k;
      c->holder_last = e;
    }
    return;
  }
  uint32_t p = c->first;
  while (p > s.first && !t_[p - 1].capitalized &&
         (IsAuxOrAdverb(t_[p - 1]) ||
          (t_[p - 1].lower == "longer" && p - 1 > s.first && t_[p - 2].lower == "no"))) {
    const std::string_view w = t_[p - 1].lower;
    if (w == "not" || w == "n't" || w == "never") c->negated = !c->negated;
    if (w == "longer") {  // "no longer supports"
      c->negated = !c->negated;
      --p;
    }
    --p;
  }
  c->predicate_first = p;
  c->clause_start = p;
  auto take_ref = [&](const EntityRef& r) {
    c->holder = HolderOf(r, para);
    c->holder_first = r.first;
    c->holder_last = r.last;
    c->clause_start = r.first;
    if (r.first > s.first) {
      const std::string_view w = t_[r.first - 1].lower;
      const bool coordinator = IsCoordinator(t_[r.first - 1]);
      if (w == "if" || w == "unless" || w == "whether") {
        c->holder = -1;  // a cue inside a condition asserts nothing
      }
      c->bounds_previous = coordinator || w == ",";
      // "X said A and he feels B": the same speaker's clause nests in A.
      if (c->bounds_previous && (w == "and" || w == ",") && !earlier.empty() &&
          earlier.back().holder == c->holder) {
        c->bounds_previous = false;
      }
      if (coordinator) c->clause_start = r.first - 1;
      if (coordinator && r.first - 1 > s.first && t_[r.first - 2].lower == ",") {
        c->clause_start = r.first - 2;
      }
    }
  };
  const bool ing = t_[c->first].lower.ends_with("ing");
  if (p > s.first) {
    const std::string& prev = t_[p - 1].lower;
    if ((prev == "who" || prev == "which") && !t_[p - 1].all_caps) {
      uint32_t q = p - 1;
      if (q > s.first && t_[q - 1].lower == ",") --q;
      if (const EntityRef* r = RefEndingAt(q); r != nullptr) {
        c->holder = HolderOf(*r, para);
        c->holder_first = r->first;
        c->holder_last = r->last;
      } else {
        uint32_t b = 0;
        c->holder = GroupHolder(q, s, &b);
        c->holder_first = b;
        c->holder_last = q;
        // "farmers who say": a plural noun before "who" names people.
        const Token& h = t_[q - 1];
        if (c->holder < 0 && prev == "who" && q > s.first && h.kind == TokenKind::kWord &&
            !h.capitalized && h.lower.size() > 3 && h.lower.back() == 's' &&
            !IsAuxOrAdverb(h) && !IsObjectPronoun(h)) {
          c->holder = ents_.FromName(std::string(in_.text.substr(h.begin, h.end - h.begin)),
                                     schema::EntityType::kGroup, 0);
          c->holder_first = q - 1;
        }
      }
      c->clause_start = p - 1;
      return;
    }
    if (const EntityRef* r = RefEndingAt(p); r != nullptr) {
      take_ref(*r);
      return;
    }
    // A predicate adjective coordinated before the cue: "Shell sorry and
    // pledges to ...", "Minister defiant but promises ...".
    if ((prev == "and" || prev == "but") && p >= s.first + 3) {
      const Token& adj = t_[p - 2];
      const WordInfo* ai = adj.info;
      if (ai != nullptr && ai->adj && !ai->noun && !ai->verb && !adj.capitalized) {
        if (const EntityRef* r = RefEndingAt(p - 2);
            r != nullptr && r->kind != RefKind::kPronoun && r->first == s.first) {
          take_ref(*r);
          return;
        }
      }
    }
    if (prev == ")") {
      uint32_t q = p - 1;
      while (q > s.first && t_[q].lower != "(") --q;
      if (const EntityRef* r = RefEndingAt(q); r != nullptr && q > s.first) {
        take_ref(*r);
        return;
      }
    }
    if ((prev == "," || prev == "-" || prev == "--") && !ing) {
      // An appositive: "Healey, the defence secretary, said"; "Paradis, who
      // has been active since 25, says"; "Sims - a teacher - says".
      for (uint32_t j = p - 1; j > s.first && j + 30 > p; --j) {
        const std::string_view w = t_[j - 1].lower;
        if (w != prev || j - 1 <= s.first) continue;
        const EntityRef* r = RefEndingAt(j - 1);
        if (r != nullptr && (r->first == s.first || t_[r->first - 1].kind != TokenKind::kWord ||
                             IsCoordinator(t_[r->first - 1]))) {
          take_ref(*r);
          return;
        }
        if (r != nullptr) break;
      }
      // The appositive is the name: "One of his advisers, Tad Devine, said".
      if (const EntityRef* r = RefEndingAt(p - 1); r != nullptr && r->kind != RefKind::kPronoun &&
                                                   r->first > s.first &&
                                                   t_[r->first - 1].lower == prev) {
        take_ref(*r);
        return;
      }
      // A longer appositive after the sentence's subject, with names inside:
      // "Even Rendell, a supporter of Smith, said"; "Ann Lee, 22, of Flint,
      // Mich., said".
      uint32_t k0 = s.first;
      while (k0 < p && k0 < s.first + 2 &&
             (IsCoordinator(t_[k0]) || IsAuxOrAdverb(t_[k0]) ||
              t_[k0].lower == "meanwhile")) {
        ++k0;
      }
      if (const EntityRef* r = RefStartingAt(k0); r != nullptr && r->kind != RefKind::kPronoun &&
                                                  r->last + 1 < p && t_[r->last].lower == prev &&
                                                  p - r->last <= 40) {
        take_ref(*r);
        return;
      }
    }
    const bool after_coordinator = IsCoordinator(t_[p - 1]);
    if (after_coordinator || (ing && (prev == "," || t_[p - 1].kind == TokenKind::kCloseQuote))) {
      c->holder = inherit();
      if (c->holder < 0 && !after_coordinator) {
        // "X endorsed Y on Wednesday, saying ...": the sentence's subject.
        uint32_t k0 = s.first;
        while (k0 < p && (t_[k0].kind == TokenKind::kOpenQuote || IsDeterminer(t_[k0]))) ++k0;
        if (const EntityRef* r = RefStartingAt(k0);
            r != nullptr && r->last < p && !Has(r->last, lex_.bits().group) && !Has(r->last, lex_.bits().title)) {
          c->holder = HolderOf(*r, para);
          c->holder_first = r->first;
          c->holder_last = r->last;
        } else {
          for (uint32_t j = k0; j < p && j < k0 + 4; ++j) {
            uint32_t b = 0;
            if (Has(j, lex_.bits().group) || Has(j, lex_.bits().title)) {
              c->holder = GroupHolder(j + 1, s, &b);
              c->holder_first = b;
              c->holder_last = j + 1;
              break;
            }
          }
        }
      }
      if (c->holder < 0 && after_coordinator) {
        // "when Rubio thanked Miami and said ...": the subject of the first verb.
        for (uint32_t j = p - 1; j > s.first; --j) {
          const EntityRef* r = RefEndingAt(j);
          if (r == nullptr || (r->entity < 0 && r->kind != RefKind::kPronoun)) continue;
          const std::string& next = t_[j].lower;
          const bool verb_like = IsAuxOrAdverb(t_[j]) || next.ends_with("ed") ||
                                 (next.ends_with("s") && !Has(j, lex_.bits().group));
          if (t_[j].kind == TokenKind::kWord && !t_[j].capitalized && verb_like &&
              !IsDeterminer(t_[j]) && !IsPreposition(t_[j]) && !IsCoordinator(t_[j]) &&
              (r->first == s.first || !IsPreposition(t_[r->first - 1]))) {
            c->holder = HolderOf(*r, para);
            c->holder_first = r->first;
            c->holder_last = r->last;
            break;
          }
        }
      }
      c->bounds_previous = true;
      c->clause_start = p - 1;
      if (p - 1 > s.first && t_[p - 2].lower == ",") c->clause_start = p - 2;
      if (c->holder >= 0) return;
    }
    uint32_t b = 0;
    if (const int g = GroupHolder(p, s, &b);
        g >= 0 && !(b > s.first + 1 && IsDeterminer(t_[b - 1]) &&
                    (t_[b - 2].lower == "if" || t_[b - 2].lower == "unless"))) {
      c->holder = g;
      c->holder_first = b;
      c->holder_last = p;
      c->clause_start = b > s.first && IsDeterminer(t_[b - 1]) ? b - 1 : b;
      c->bounds_previous = c->clause_start > s.first && (IsCoordinator(t_[c->clause_start - 1]) ||
                                                        t_[c->clause_start - 1].lower == ",");
      return;
    }
  }
  // Inverted: "..., said Healey." A pronoun after the cue is inverted only
  // at the clause's end ("..., said he."): "..., said he would" has its
  // subject before.
  uint32_t k = c->last;
  if (k < s.last && IsDeterminer(t_[k])) ++k;
  if (const EntityRef* r = RefStartingAt(k);
      r != nullptr && c->first > s.first &&
      (r->kind != RefKind::kPronoun || r->last >= s.last || t_[r->last].kind != TokenKind::kWord) &&
      (t_[c->first - 1].lower == "," || t_[c->first - 1].kind == TokenKind::kCloseQuote)) {
    c->holder = HolderOf(*r, para);
    c->holder_first = r->first;
    c->holder_last = r->last;
    c->subject_after = true;
    return;
  }
  // '"...," said former Utah governor Jane Roe', '..., said one senior official':
  // a noun phrase with titles and modifiers before its head.
  uint32_t last_word = s.last;
  while (last_word > c->last && IsTrimmable(t_[last_word - 1])) --last_word;
  if (!ing && c->first > s.first &&
      (t_[c->first - 1].lower == "," || t_[c->first - 1].kind == TokenKind::kCloseQuote)) {
    uint32_t stop = c->last;
    while (stop < s.last && stop - c->last < 8 && t_[stop].kind == TokenKind::kWord &&
           !IsPreposition(t_[stop]) && !IsCoordinator(t_[stop]) &&
           t_[stop].lower != "who" && t_[stop].lower != "that" && t_[stop].lower != "which" &&
           !lex_.cue_index().count(t_[stop].lower)) {
      ++stop;
    }
    if (stop == c->last || stop - c->last >= 8) return;
    // Reporting verbs invert anywhere ('"...," said one official, adding');
    // others only at the end of a headline ("Halt the reform, urges minister").
    if (cue.kind != "assert" && cue.kind != "ask" && stop < last_word) return;
    if (const EntityRef* r = RefStartingAt(c->last); r != nullptr && r->kind == RefKind::kPronoun) {
      return;  // "..., said he would": not inverted
    }
    for (uint32_t j = stop; j > c->last; --j) {
      if (const EntityRef* r = RefEndingAt(j); r != nullptr && r->first >= c->last) {
        c->holder = HolderOf(*r, para);
        c->holder_first = r->first;
        c->holder_last = r->last;
        c->subject_after = true;
        return;
      }
    }
    Sentence np = s;
    np.first = c->last;
    uint32_t b = 0;
    if (const int g = GroupHolder(stop, np, &b); g >= 0) {
      c->holder = g;
      c->holder_first = b;
      c->holder_last = stop;
      c->subject_after = true;
    }
  }
}

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
      const WordInfo& info = in_.morphology->Info(t_[k].lower);
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
