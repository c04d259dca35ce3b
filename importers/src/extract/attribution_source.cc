// Who said it: the source of a reported statement, before or after its
// cue ("Officials said", "said the minister", "rejected by European MPs"),
// through appositives, relative clauses and group nouns.
#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "extract/attribution_finder.h"
#include "extract/frame_tags.h"
#include "extract/word_sets.h"

namespace stancegraph::importers::extract::internal {

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

}  // namespace stancegraph::importers::extract::internal
