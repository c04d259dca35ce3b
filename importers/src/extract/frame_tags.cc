#include "extract/frame_tags.h"

#include <algorithm>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "extract/word_sets.h"

namespace stancegraph::importers::extract::internal {
namespace {

}  // namespace

Tag ClosedClass(std::string_view w) {
  // Keyed by views of the literals below, so a lookup builds no string.
  static const auto* m = new absl::flat_hash_map<absl::string_view, Tag>{
      {"the", Tag::kDet},     {"a", Tag::kDet},       {"an", Tag::kDet},     {"this", Tag::kDet},
      {"these", Tag::kDet},   {"those", Tag::kDet},   {"its", Tag::kDet},    {"his", Tag::kDet},
      {"her", Tag::kDet},     {"their", Tag::kDet},   {"our", Tag::kDet},    {"my", Tag::kDet},
      {"your", Tag::kDet},    {"every", Tag::kDet},   {"each", Tag::kDet},   {"any", Tag::kDet},
      {"some", Tag::kDet},    {"all", Tag::kDet},     {"both", Tag::kDet},   {"another", Tag::kDet},
      {"such", Tag::kDet},    {"more", Tag::kDet},    {"further", Tag::kDet}, {"new", Tag::kAdj},
      {"to", Tag::kTo},       {"and", Tag::kConj},    {"or", Tag::kConj},    {"&", Tag::kConj},
      {"nor", Tag::kConj},    {"but", Tag::kConj},    {"will", Tag::kModal}, {"would", Tag::kModal},
      {"could", Tag::kModal}, {"should", Tag::kModal}, {"may", Tag::kModal}, {"might", Tag::kModal},
      {"must", Tag::kModal},  {"can", Tag::kModal},   {"shall", Tag::kModal}, {"wo", Tag::kModal},
      {"ca", Tag::kModal},    {"cannot", Tag::kModal}, {"is", Tag::kBe},     {"are", Tag::kBe},
      {"was", Tag::kBe},      {"were", Tag::kBe},     {"be", Tag::kBe},      {"been", Tag::kBe},
      {"being", Tag::kBe},    {"am", Tag::kBe},       {"'re", Tag::kBe},     {"'m", Tag::kBe},
      {"has", Tag::kHave},    {"have", Tag::kHave},   {"had", Tag::kHave},   {"'ve", Tag::kHave},
      {"do", Tag::kDo},       {"does", Tag::kDo},     {"did", Tag::kDo},     {"not", Tag::kNeg},
      {"n't", Tag::kNeg},     {"never", Tag::kNeg},   {"no", Tag::kNeg},     {"he", Tag::kPron},
      {"she", Tag::kPron},    {"it", Tag::kPron},     {"they", Tag::kPron},  {"we", Tag::kPron},
      {"i", Tag::kPron},      {"you", Tag::kPron},    {"him", Tag::kPron},   {"them", Tag::kPron},
      {"us", Tag::kPron},     {"me", Tag::kPron},     {"who", Tag::kRel},    {"which", Tag::kRel},
      {"whom", Tag::kRel},    {"whose", Tag::kRel},   {"that", Tag::kRel},   {"if", Tag::kSub},
      {"when", Tag::kSub},    {"because", Tag::kSub}, {"as", Tag::kSub},     {"while", Tag::kSub},
      {"whilst", Tag::kSub},  {"since", Tag::kSub},   {"although", Tag::kSub}, {"though", Tag::kSub},
      {"unless", Tag::kSub},  {"whether", Tag::kSub}, {"whereas", Tag::kSub}, {"once", Tag::kSub},
      {"until", Tag::kSub},   {"so", Tag::kSub},      {"amid", Tag::kPrep},  {"despite", Tag::kPrep},
      {"following", Tag::kPrep}, {"ahead", Tag::kAdv}, {"also", Tag::kAdv}, {"still", Tag::kAdv},
      {"now", Tag::kAdv},     {"again", Tag::kAdv},   {"already", Tag::kAdv}, {"soon", Tag::kAdv},
      {"just", Tag::kAdv},    {"even", Tag::kAdv},    {"only", Tag::kAdv},   {"ever", Tag::kAdv},
      {"then", Tag::kAdv},    {"too", Tag::kAdv},     {"longer", Tag::kAdv}, {"there", Tag::kPron},
      {"what", Tag::kRel},    {"how", Tag::kRel},     {"why", Tag::kRel},    {"where", Tag::kRel},
      {"nothing", Tag::kPron}, {"anyone", Tag::kPron}, {"everyone", Tag::kPron}, {"nobody", Tag::kPron},
      {"one", Tag::kNum},
  };
  static const auto* preps = [] {
    auto* p = new absl::flat_hash_map<absl::string_view, Tag>(*m);
    for (const char* w : {"of", "in", "on", "at", "with", "by", "from", "about", "into", "over",
                          "under", "between", "against", "during", "without", "after", "before",
                          "than", "for", "through", "among", "across", "toward", "towards",
                          "upon", "within", "via", "like", "per"}) {
      p->emplace(w, Tag::kPrep);
    }
    return p;
  }();
  const auto it = preps->find(absl::string_view(w.data(), w.size()));
  return it != preps->end() ? it->second : Tag::kOther;
}

namespace {

// "ceding territory", "supplying arms": a gerund whose next word is an
// object its predicate class names, not a compound noun ("rising prices").
bool GerundWithObject(const Lexicon& lexicon, const WordInfo& ing, const WordInfo& next,
                      const std::string& next_lower) {
  const std::string& object = next.noun_lemma.empty() ? next_lower : next.noun_lemma;
  const auto& classes = lexicon.predicates().classes();
  for (const int c : lexicon.predicates().ClassesOf(ing.verb_lemma, 'v')) {
    const auto& objects = classes[c].objects;
    if (std::find(objects.begin(), objects.end(), object) != objects.end()) return true;
  }
  // "easing sanctions", "lifting the embargo": an opposite of the noun's class.
  for (const int c : lexicon.predicates().OppositeOf(ing.verb_lemma)) {
    const auto& nouns = classes[c].nouns;
    if (std::find(nouns.begin(), nouns.end(), object) != nouns.end()) return true;
  }
  return false;
}

// A verb the predicate lexicon reads a clause after: an operator ("keep",
// "consider") or one of its classes' verbs ("stop", "resume").
bool GovernsGerund(const Lexicon& lexicon, const WordInfo& verb) {
  if (!verb.verb) return false;
  return lexicon.predicates().OperatorOf(verb.verb_lemma, 'v') != nullptr ||
         !lexicon.predicates().ClassesOf(verb.verb_lemma, 'v').empty();
}

bool Plural(const Token& t) { return t.lower.size() > 3 && t.lower.back() == 's' && !t.lower.ends_with("ss"); }

}  // namespace

bool IsNominal(Tag t) {
  return t == Tag::kDet || t == Tag::kNum || t == Tag::kName || t == Tag::kDemonym ||
         t == Tag::kPoss || t == Tag::kNoun || t == Tag::kAdj;
}

const char* TagName(Tag t) {
  static const char* const kNames[] = {"other", "det",  "prep", "to",   "conj",    "modal",
                                       "be",    "have", "do",   "neg",  "pron",    "rel",
                                       "sub",   "punct", "quote", "num", "name",   "demonym",
                                       "poss",  "noun", "verb", "adj",  "adv"};
  return kNames[static_cast<int>(t)];
}

std::vector<Tagged> TagTokens(const FrameInput& in, uint32_t first, uint32_t last) {
  const std::vector<Token>& t = *in.tokens;
  const auto& refs = *in.refs;
  std::vector<Tagged> out(last > first ? last - first : 0);
  auto at = [&](uint32_t k) -> Tagged& { return out[k - first]; };
  // Entity references first: their tokens are names (pronouns are pronouns).
  auto r = std::lower_bound(refs.begin(), refs.end(), first,
                            [](const EntityRef& ref, uint32_t k) { return ref.last <= k; });
  for (; r != refs.end() && r->first < last; ++r) {
    for (uint32_t k = std::max(r->first, first); k < r->last && k < last; ++k) {
      at(k).ref = static_cast<int>(r - refs.begin());
      at(k).tag = r->kind == RefKind::kPronoun ? Tag::kPron : Tag::kName;
    }
  }
  bool finite_seen = false;  // a finite verb in the current clause
  Tag prev = Tag::kOther;    // the last tag that is not an adverb or a quote
  for (uint32_t k = first; k < last; ++k) {
    Tagged& tg = at(k);
    const Token& tok = t[k];
    if (tg.ref >= 0) {
      prev = tg.tag;
      continue;
    }
    switch (tok.kind) {
      case TokenKind::kPunct:
        tg.tag = Tag::kPunct;
        // "Mr Phillips' proposal": a plural or -s possessive.
        if ((tok.lower == "'" || tok.lower == "\u2019") && k > first && k + 1 < last &&
            tok.begin == t[k - 1].end && t[k - 1].lower.ends_with("s") &&
            t[k + 1].kind == TokenKind::kWord) {
          tg.tag = Tag::kPoss;
          prev = tg.tag;
          continue;
        }
        if (tok.lower == "," || tok.lower == ";" || tok.lower == ":" || tok.lower == "-") {
          finite_seen = false;
        }
        prev = tg.tag;
        continue;
      case TokenKind::kOpenQuote:
      case TokenKind::kCloseQuote:
        tg.tag = Tag::kQuote;
        continue;
      case TokenKind::kNumber:
        tg.tag = Tag::kNum;
        prev = tg.tag;
        continue;
      case TokenKind::kWord:
        break;
    }
    const std::string& w = tok.lower;
    if (w == "'s") {
      tg.tag = prev == Tag::kPron || prev == Tag::kRel ? Tag::kBe : Tag::kPoss;
      prev = tg.tag;
      continue;
    }
    Tag closed = tok.closed != 0xFF ? static_cast<Tag>(tok.closed) : ClosedClass(w);
    if (closed == Tag::kConj && k > first && k + 1 < last && prev == Tag::kNoun &&
        !in.lexicon->predicates().ClassesOf(t[k - 1].lower + " " + w + " " + t[k + 1].lower, 'n')
             .empty()) {
      closed = Tag::kNoun;  // one noun of the lexicon: "give and take"
    }
    if (closed != Tag::kOther) {
      tg.tag = closed;
      if (closed == Tag::kSub || closed == Tag::kRel || closed == Tag::kConj) finite_seen = false;
      if (closed == Tag::kModal || closed == Tag::kDo ||
          ((closed == Tag::kBe || closed == Tag::kHave) && prev != Tag::kModal &&
           prev != Tag::kTo && prev != Tag::kHave)) {
        finite_seen = true;
      }
      if (closed != Tag::kAdv) prev = closed;
      continue;
    }
    if (tok.capitalized && k > first && (tok.classes == 0 || (tok.classes & WordBits::kDemonym) != 0)) {
      const auto d = in.lexicon->demonym_index().find(w);
      if (d != in.lexicon->demonym_index().end()) {
        tg.tag = Tag::kDemonym;
        tg.demonym = d->second;
        prev = tg.tag;
        continue;
      }
    }
    if (k == first && tok.capitalized && (tok.classes == 0 || (tok.classes & WordBits::kDemonym) != 0)) {
      const auto d = in.lexicon->demonym_index().find(w);
      if (d != in.lexicon->demonym_index().end()) {
        tg.tag = Tag::kDemonym;
        tg.demonym = d->second;
        prev = tg.tag;
        continue;
      }
    }
    const WordInfo& info = tok.info != nullptr ? *tok.info : in.morphology->Info(w);
    tg.info = &info;
    const bool n = info.noun, v = info.verb, a = info.adj;
    const bool only_adv = info.adv && !n && !v && !a;
    const Token* next = k + 1 < last ? &t[k + 1] : nullptr;
    const Tag next_closed = next == nullptr ? Tag::kOther
                            : next->closed != 0xFF ? static_cast<Tag>(next->closed)
                                                   : ClosedClass(next->lower);
    const WordInfo* next_info =
        next != nullptr && next->kind == TokenKind::kWord
            ? (next->info != nullptr ? next->info : &in.morphology->Info(next->lower))
            : nullptr;
    const bool next_nounish = next_info != nullptr && (next_info->noun || next_info->adj) &&
                              next_closed == Tag::kOther;
    const bool after_open_quote = k > first && t[k - 1].kind == TokenKind::kOpenQuote;
    Tag tag;
    if (after_open_quote && v && info.form == VerbForm::kIng && next_info != nullptr &&
        next_info->noun && !next_info->verb) {
      tag = Tag::kAdj;  // a quoted noun phrase: "'bridging proposal'"
    } else if (only_adv || (info.adv && w.size() > 4 && w.ends_with("ly") && !n && !v)) {
      tag = Tag::kAdv;
    } else if (v && (prev == Tag::kModal || prev == Tag::kDo ||
                     (prev == Tag::kNeg && k > first && (at(k - 1).tag == Tag::kNeg || t[k - 1].lower == "longer")))) {
      tag = Tag::kVerb;
    } else if (v && prev == Tag::kTo &&
               (info.form == VerbForm::kBase ||
                (info.form == VerbForm::kPast && next_closed == Tag::kDet))) {
      tag = Tag::kVerb;  // "to involve", and a slip such as "to involved a"
    } else if (v && prev == Tag::kHave && info.form == VerbForm::kPast) {
      tag = Tag::kVerb;
    } else if (prev == Tag::kBe) {
      tag = v && (info.form == VerbForm::kIng || info.form == VerbForm::kPast) ? Tag::kVerb
            : a                                                               ? Tag::kAdj
            : n                                                               ? Tag::kNoun
                                                                              : Tag::kVerb;
    } else if (prev == Tag::kDet || prev == Tag::kPoss || prev == Tag::kAdj || prev == Tag::kNum ||
               prev == Tag::kDemonym) {
      tag = a && next_nounish && !n ? Tag::kAdj : n ? Tag::kNoun : a ? Tag::kAdj : Tag::kNoun;
      if (v && !n && (info.form == VerbForm::kIng || info.form == VerbForm::kPast)) tag = Tag::kAdj;
    } else if (prev == Tag::kPrep) {
      tag = v && info.form == VerbForm::kIng && !(n && next_nounish) ? Tag::kVerb
            : n                                                     ? Tag::kNoun
            : a                                                     ? Tag::kAdj
                                                                    : Tag::kVerb;
    } else if (prev == Tag::kOther || prev == Tag::kPunct || prev == Tag::kConj ||
               prev == Tag::kRel || prev == Tag::kSub || k == first) {
      // At the start of a clause: a gerund, an imperative ("Halt the
      // reform"), or the subject.
      if (v && info.form == VerbForm::kIng &&
          (!(n && next_nounish) || GerundWithObject(*in.lexicon, info, *next_info, next->lower))) {
        tag = Tag::kVerb;
      } else if (v && !n && !a) {
        tag = Tag::kVerb;
      } else if (v && info.form == VerbForm::kBase && next != nullptr &&
                 (next->capitalized || next_closed == Tag::kDet) && k == first &&
                 !(n && next->capitalized && !in.tokens->at(k).capitalized)) {
        tag = Tag::kVerb;
      } else {
        tag = n ? Tag::kNoun : a ? Tag::kAdj : Tag::kVerb;
      }
    } else if (prev == Tag::kNoun || prev == Tag::kName || prev == Tag::kPron ||
               prev == Tag::kNum) {
      const Token& p = t[k - 1];
      const bool plural_subject = prev == Tag::kNum || prev == Tag::kPron ||
                                  (prev == Tag::kNoun && Plural(p)) ||
                                  (prev == Tag::kName && Plural(p));
      if (v && info.form == VerbForm::kIng) {
        // "vaccine hacking allegations" is a compound; "athletes competing
        // in", "Gaza facing famine" a participle.
        tag = next_nounish && prev == Tag::kNoun ? Tag::kNoun : Tag::kVerb;
      } else if (n && next != nullptr && next->lower == ":" ) {
        tag = Tag::kNoun;  // a headline's topic: "Israel protests: ..."
      } else if (n && info.form == VerbForm::kThird && prev == Tag::kNoun &&
                 (next == nullptr || next->kind == TokenKind::kPunct ||
                  next_closed == Tag::kSub || next->lower == "after" ||
                  next->lower == "amid" || next->lower == "over" || next->lower == "despite" ||
                  next->lower == "by" || next->lower == "of")) {
        tag = Tag::kNoun;  // "defends Ukraine war remarks after ..."
      } else if (n && info.form == VerbForm::kBase && prev == Tag::kNoun &&
                 (next == nullptr || next->kind == TokenKind::kPunct ||
                  next->kind == TokenKind::kCloseQuote)) {
        tag = Tag::kNoun;  // "Israel arm sales ban" ends a compound
      } else if (v && !finite_seen &&
                 (info.form == VerbForm::kThird || info.form == VerbForm::kPast ||
                  (info.form == VerbForm::kBase && plural_subject))) {
        tag = Tag::kVerb;
        finite_seen = true;
      } else if (v && info.form == VerbForm::kPast && !n) {
        tag = Tag::kVerb;  // a participle: "Britons captured in Ukraine"
      } else {
        tag = n ? Tag::kNoun : a ? Tag::kAdj : Tag::kVerb;
      }
    } else if (prev == Tag::kVerb && v && info.form == VerbForm::kIng &&
               GovernsGerund(*in.lexicon, t[k - 1].info != nullptr
                                               ? *t[k - 1].info
                                               : in.morphology->Info(t[k - 1].lower))) {
      tag = Tag::kVerb;  // "stop buying Russian oil", "keep sending weapons"
    } else if (a && n && next != nullptr && (next_nounish || next->capitalized)) {
      tag = Tag::kAdj;  // "expect quick EU entry"
    } else {
      tag = n ? Tag::kNoun : a ? Tag::kAdj : v ? Tag::kVerb : Tag::kNoun;
    }
    if (tag == Tag::kVerb && (prev == Tag::kModal || prev == Tag::kDo || prev == Tag::kHave ||
                              prev == Tag::kBe)) {
      finite_seen = true;
    }
    tg.tag = tag;
    prev = tag;
  }
  return out;
}

}  // namespace stancegraph::importers::extract::internal
