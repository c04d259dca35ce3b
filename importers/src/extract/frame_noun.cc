// Noun phrases: possessor, modifiers, head and complements; claim and act
// nouns ("Russian demand to sell", "Poland's ban"), event nouns ("Rafah
// offensive", "arms exports to Israel") and their arguments.
#include <algorithm>

#include "extract/frame_internal.h"
#include "extract/word_sets.h"

namespace stancegraph::importers::extract::internal {
namespace {

bool HolderType(schema::EntityType t) {
  return t != schema::EntityType::kPlace && t != schema::EntityType::kUnknown;
}

}  // namespace

int Parser::EntityAt(uint32_t k) const {
  if (k < first_ || k >= last_) return -1;
  const Tag tg = T(k);
  if (tg == Tag::kName || tg == Tag::kPron || tg == Tag::kDemonym) return Resolve(k);
  return -1;
}

bool Parser::IsEventNoun(uint32_t head) const {
  if (head < first_ || head >= last_ || T(head) != Tag::kNoun) return false;
  const WordInfo* info = tag(head).info;
  const std::string lemma = info != nullptr && info->noun ? info->noun_lemma : W(head);
  if (!lex_.ClassesOf(lemma, 'n').empty() || lex_.OperatorOf(lemma, 'n') != nullptr) return true;
  return !in_.morphology->VerbOfNoun(lemma).empty();
}

NounPhrase Parser::ParseNounPhrase(uint32_t b, uint32_t e) const {
  NounPhrase np;
  np.first = b;
  np.head = e;
  uint32_t k = b;
  while (k < e && T(k) == Tag::kQuote) ++k;
  if (k < e && T(k) == Tag::kNeg && W(k) == "no") {
    np.negated = true;
    ++k;
  }
  while (k < e && (T(k) == Tag::kDet || T(k) == Tag::kQuote)) ++k;
  // "Russia's", "the Scottish leader's": a possessor.
  {
    uint32_t j = k;
    while (j < e && j - k < 6 &&
           (T(j) == Tag::kName || T(j) == Tag::kNoun || T(j) == Tag::kAdj ||
            T(j) == Tag::kDemonym || T(j) == Tag::kQuote)) {
      ++j;
    }
    if (j > k && j < e && T(j) == Tag::kPoss) {
      np.possessor_first = k;
      np.possessor_last = j;
      for (uint32_t p = j; p > k && np.possessor < 0; --p) np.possessor = EntityAt(p - 1);
      k = j + 1;
    }
  }
  std::vector<uint32_t> run;
  uint32_t last_noun = e;
  while (k < e) {
    const Tag tg = T(k);
    if (tg == Tag::kAdj || tg == Tag::kNoun || tg == Tag::kName || tg == Tag::kDemonym ||
        (tg == Tag::kNum && run.empty())) {
      run.push_back(k);
      if (tg == Tag::kNoun || tg == Tag::kName) last_noun = k;
      ++k;
      continue;
    }
    if (tg == Tag::kQuote) {
      ++k;
      continue;
    }
    // "proposed terms", "stolen vote", "captured Britons": participles as adjectives.
    if (tg == Tag::kVerb && tag(k).info != nullptr &&
        (tag(k).info->form == VerbForm::kPast || tag(k).info->form == VerbForm::kIng) &&
        k + 1 < e && (T(k + 1) == Tag::kNoun || T(k + 1) == Tag::kName) && last_noun == e) {
      run.push_back(k);
      ++k;
      continue;
    }
    // Coordination inside the phrase: "Russian and Belarusian athletes",
    // "Poland and Hungary", "fuel, medicine and food".
    if ((W(k) == "and" || W(k) == "&" || W(k) == "or" || W(k) == ",") && !run.empty() &&
        k + 1 < e &&
        (T(k + 1) == Tag::kName || T(k + 1) == Tag::kDemonym ||
         (T(k + 1) == Tag::kNoun && T(run.back()) == Tag::kNoun) ||
         (W(k) == "," && k + 2 < e && T(k + 1) == Tag::kNoun))) {
      run.push_back(k);
      ++k;
      continue;
    }
    break;
  }
  while (!run.empty() && (T(run.back()) == Tag::kConj || W(run.back()) == ",")) run.pop_back();
  if (last_noun == e && !run.empty()) last_noun = run.back();
  if (last_noun == e) {
    np.core_last = k;
    np.last = k;
    return np;
  }
  np.head = last_noun;
  for (uint32_t m : run) {
    if (m < last_noun && T(m) != Tag::kConj && W(m) != ",") np.modifiers.push_back(m);
  }
  np.core_last = last_noun + 1;
  // A name may run on past its first token: the head is its last token.
  if (tag(last_noun).ref >= 0) {
    np.core_last = std::max(np.core_last, std::min(e, (*in_.refs)[tag(last_noun).ref].last));
  }
  uint32_t j = np.core_last;
  // A closing quote before the complement: "a 'give and take' of boundaries".
  if (j + 1 < e && T(j) == Tag::kQuote && (T(j + 1) == Tag::kPrep || T(j + 1) == Tag::kTo)) ++j;
  while (j < e && (T(j) == Tag::kPrep || T(j) == Tag::kTo) && !IsBoundary(j) && W(j) != "as") {
    uint32_t s = j + 1;
    while (s < e && (T(s) == Tag::kDet || T(s) == Tag::kQuote || T(s) == Tag::kAdj ||
                     T(s) == Tag::kDemonym || T(s) == Tag::kNum)) {
      ++s;
    }
    if (s >= e || !(T(s) == Tag::kNoun || T(s) == Tag::kName)) break;
    while (s < e && (T(s) == Tag::kNoun || T(s) == Tag::kName || T(s) == Tag::kQuote)) ++s;
    j = s;
  }
  np.last = j;
  return np;
}

void Parser::PhraseArgs(uint32_t b, uint32_t e, Role entity_role, bool terms) {
  int entities = 0;
  bool conj = false;
  for (uint32_t k = b; k < e; ++k) {
    if ((tag(k).ref >= 0 && (k == b || tag(k - 1).ref != tag(k).ref)) || T(k) == Tag::kDemonym) {
      ++entities;
    }
    conj = conj || W(k) == "and" || W(k) == "&" || W(k) == "or";
  }
  // "Poland and Hungary" each do it; "between Israel and Hamas" is one
  // relation of both.
  const bool joint = b > first_ && (W(b - 1) == "between" || W(b - 1) == "among");
  const int group = entities >= 2 && conj && !joint ? NewGroup() : -1;
  for (uint32_t k = b; k < e; ++k) {
    const Tagged& tg = tag(k);
    if (tg.ref >= 0 && k > b && tag(k - 1).ref == tg.ref) continue;
    if (tg.tag == Tag::kName || tg.tag == Tag::kPron || tg.tag == Tag::kDemonym) {
      const int ent = Resolve(k);
      if (ent < 0) continue;
      Role role = entity_role;
      if (role == Role::kAgent && in_.entities->entity(ent).type == schema::EntityType::kPlace) {
        role = Role::kPatient;
      }
      const uint32_t end = tg.ref >= 0 ? std::min(e, (*in_.refs)[tg.ref].last) : k + 1;
      AddArg(role, ent, "", k, end, group);
      continue;
    }
    if (terms && tg.tag == Tag::kNoun && tg.info != nullptr) {
      const std::string lemma = tg.info->noun ? tg.info->noun_lemma : W(k);
      if (IsGenericNoun(t_[k]) || in_.morphology->IsHumanNoun(lemma)) continue;
      // "war criminals", "aid workers": what describes people is no term.
      if (k + 1 < e && T(k + 1) == Tag::kNoun && tag(k + 1).info != nullptr &&
          tag(k + 1).info->noun && in_.morphology->IsHumanNoun(tag(k + 1).info->noun_lemma)) {
        continue;
      }
      AddArg(Role::kTheme, -1, lemma, k, k + 1);
    }
  }
}

bool Parser::Nominal(uint32_t b, uint32_t e, int agent) {
  const NounPhrase np = ParseNounPhrase(b, e);
  if (np.head < b || np.head >= e) return false;
  return NominalPhrase(np, e, agent);
}

bool Parser::NominalPhrase(const NounPhrase& np, uint32_t e, int agent) {
  if (depth_ > 8 || np.head >= e || np.head < first_) return false;
  ++depth_;
  struct Leave {
    int* d;
    ~Leave() { --*d; }
  } leave{&depth_};
  if (np.negated) {
    frame_.polarity = -frame_.polarity;
    frame_.dropped.push_back(np.first);
  }
  const uint32_t head = np.head;
  const WordInfo* info = tag(head).info;
  std::string lemma =
      T(head) == Tag::kNoun && info != nullptr && info->noun ? info->noun_lemma : W(head);
  // Two-word nouns of the lexicon: "peace deal", "death penalty", "arrest warrant".
  NounPhrase trimmed;
  bool two_word = false;
  // Three-word ones too: "give and take".
  for (size_t n = 2; n >= 1 && !two_word; --n) {
    const size_t mods = np.modifiers.size();
    if (mods < n || np.modifiers[mods - n] + n != head || T(head) != Tag::kNoun) continue;
    std::string words;
    for (size_t i = mods - n; i < mods; ++i) words += W(np.modifiers[i]) + " ";
    words += lemma;
    if (!lex_.ClassesOf(words, 'n').empty() || lex_.OperatorOf(words, 'n') != nullptr) {
      lemma = words;
      trimmed = np;
      trimmed.modifiers.resize(mods - n);
      two_word = true;
    }
  }
  const NounPhrase& phrase = two_word ? trimmed : np;
  // Who the phrase attributes itself to: "by X" after it, a possessor, or
  // a nationality adjective or name before the head.
  int holder = -1;
  uint32_t hf = 0, hl = 0;
  int holder_group = -1;
  std::vector<int> by_holders;
  std::vector<int> extra_holders;  // "bans by Poland and Hungary": all but the first
  uint32_t c = np.core_last;
  if (c + 1 < e && T(c) == Tag::kQuote &&
      (T(c + 1) == Tag::kPrep || T(c + 1) == Tag::kTo || W(c + 1) == "that")) {
    ++c;  // "a 'bridging proposal' for ..."
  }
  if (c + 1 < e && (W(c) == "by" || W(c) == "from")) {
    const NounPhrase by = ParseNounPhrase(c + 1, e);
    std::vector<int> ents;
    for (uint32_t k = by.first; k < by.core_last; ++k) {
      if ((tag(k).ref >= 0 && (k == by.first || tag(k - 1).ref != tag(k).ref)) ||
          T(k) == Tag::kDemonym) {
        const int ent = EntityAt(k);
        if (ent >= 0 && HolderType(in_.entities->entity(ent).type)) ents.push_back(ent);
      }
    }
    if (!ents.empty()) {
      holder = ents[0];
      hf = c + 1;
      hl = by.core_last;
      if (ents.size() > 1) holder_group = NewGroup();
      by_holders = ents;
      extra_holders.assign(ents.begin() + 1, ents.end());
      c = by.core_last;
    }
  }
  const bool has_possessor = np.possessor_last > np.possessor_first;
  if (holder < 0 && has_possessor) {
    holder = np.possessor;
    hf = np.possessor_first;
    hl = np.possessor_last;
  }
  const Operator* head_op = T(head) == Tag::kNoun ? lex_.OperatorOf(lemma, 'n') : nullptr;
  // Names right before the head hold it ("Blinken blame", "SNP request",
  // "Sunak and Starmer criticism"); a name further off is a topic ("Ukraine
  // war remarks"), except the first word of a phrase a claim noun heads
  // ("Trump summit invite", "US Gaza ceasefire resolution").
  uint32_t holder_span_first = head;
  if (holder < 0 && !has_possessor && !phrase.modifiers.empty()) {
    uint32_t k = head;
    while (k > phrase.modifiers.front() &&
           (T(k - 1) == Tag::kName || T(k - 1) == Tag::kDemonym || W(k - 1) == "and" ||
            W(k - 1) == "&" || T(k - 1) == Tag::kQuote)) {
      --k;
    }
    while (k < head && (W(k) == "and" || W(k) == "&")) ++k;
    // The leading names that can hold something ("Israel" of "Israel West
    // Bank annexation", "US" of "US Gaza ceasefire resolution").
    std::vector<int> names;
    uint32_t names_end = k;
    for (uint32_t m = k; m < head; ++m) {
      if (W(m) == "and" || W(m) == "&" || T(m) == Tag::kQuote) continue;
      if (tag(m).ref >= 0 && m > k && tag(m - 1).ref == tag(m).ref) continue;
      const int ent = EntityAt(m);
      if (ent < 0 || !HolderType(in_.entities->entity(ent).type)) break;
      names.push_back(ent);
      names_end = tag(m).ref >= 0 ? std::min(head, (*in_.refs)[tag(m).ref].last) : m + 1;
    }
    if (!names.empty()) {
      holder = names[0];
      hf = k;
      hl = names_end;
      holder_span_first = k;
      if (names.size() > 1) {
        holder_group = NewGroup();
        by_holders = names;
        extra_holders.assign(names.begin() + 1, names.end());
      }
    } else if (head_op != nullptr && head_op->kind == Operator::Kind::kClaim && !head_op->literal) {
      const uint32_t m = phrase.modifiers.front();
      const int ent = EntityAt(m);
      if (ent >= 0 && HolderType(in_.entities->entity(ent).type)) {
        holder = ent;
        hf = m;
        hl = tag(m).ref >= 0 ? (*in_.refs)[tag(m).ref].last : m + 1;
      }
    }
  }
  // "government criticism", "opposition claims": a group noun holds it.
  if (holder < 0 && !has_possessor && head_op != nullptr &&
      head_op->kind == Operator::Kind::kClaim && !phrase.modifiers.empty() &&
      phrase.modifiers.back() + 1 == head) {
    if (const int g = GroupNounHolder(head); g >= 0) {
      holder = g;
      hf = head - 1;
      hl = head;
      holder_span_first = head - 1;
    }
  }
  std::vector<uint32_t> content_mods;
  for (uint32_t m : phrase.modifiers) {
    if (holder >= 0 && m >= hf && m < hl) continue;
    if (holder < 0 && m >= holder_span_first) continue;
    content_mods.push_back(m);
  }
  const Operator* op = head_op;
  if (op != nullptr && op->kind == Operator::Kind::kTransparent) {
    // "acts of genocide", "the ICJ genocide case": what it is of, or about.
    frame_.polarity *= op->polarity;
    if (c + 1 < e && W(c) == "of") return Clause(c + 1, e, agent);
    // "guarantees that the fund will not shrink", "a deal to end the war".
    if (c + 1 < e && (W(c) == "that" || (T(c) == Tag::kTo && T(c + 1) == Tag::kVerb))) {
      if (frame_.first < c + 1) frame_.first = c + 1;
      return Clause(c + 1, e, agent);
    }
    // Names before the event are its arguments ("the Gaza ceasefire deal");
    // one that holds the phrase is no longer among content_mods.
    const size_t i = 0;
    if (i < content_mods.size()) {
      const NounPhrase inner = ParseNounPhrase(content_mods[i], head);
      if (inner.head < head && NominalPhrase(inner, head, agent)) {
        Complements(c, e, false);
        return true;
      }
    }
  }
  if (op != nullptr && (op->kind == Operator::Kind::kClaim || op->kind == Operator::Kind::kAct)) {
    // Where its content is: "demand to V", "claim that S", "call for X",
    // "allegations of X", or its own modifiers ("vaccine hacking allegations").
    uint32_t cb = e, ce = e;
    bool clause = false;
    if (c < e && T(c) == Tag::kTo && c + 1 < e && T(c + 1) == Tag::kVerb) {
      cb = c + 1;
      clause = true;
    } else if (c < e && W(c) == "that") {
      cb = c + 1;
      clause = true;
    } else if (c < e && (W(c) == "for" || W(c) == "of" || W(c) == "on" || W(c) == "over" ||
                         W(c) == "about" || W(c) == "against")) {
      cb = c + 1;
      clause = true;
    } else if (uint32_t g = 0, v = 0; c < e && FindVerbGroup(c, e, &g, &v)) {
      cb = c;  // "claim aid workers (were) targeted", "Pyongyang claims its drone crossed"
      clause = true;
    } else if (!content_mods.empty()) {
      cb = content_mods.front();
      ce = head;
    }
    const bool literal = op->literal || cb >= e ||
                         (op->kind == Operator::Kind::kClaim && holder < 0 && op->polarity < 0);
    auto embed_all = [&](int polarity, bool hedged, int effect) {
      Embed(holder, hf, hl, head, head + 1, polarity, hedged, holder_group, effect);
      for (int h : extra_holders) Embed(h, hf, hl, head, head + 1, polarity, hedged, holder_group, effect);
    };
    if (op->kind == Operator::Kind::kClaim && !literal) {
      embed_all(op->polarity, op->hedged, op->polarity);
      frame_.polarity *= op->polarity;
      frame_.first = cb;
      if (op->dimension == Operator::Dimension::kTruth) in_truth_claim_ = true;
      // "rejects calls to refrain": the rejecter is who is called on.
      const bool addressed = clause && T(c) == Tag::kTo;
      const int self = options_.self >= 0 &&
                               (!options_.self_in_claims_only || in_truth_claim_ || addressed)
                           ? options_.self
                           : agent;
      if (clause) return Clause(cb, e, self);
      NounPhrase inner = ParseNounPhrase(cb, ce);
      if (inner.head >= ce) {
        AddPredicate(W(cb), 'n', cb, cb, ce);
      } else if (!NominalPhrase(inner, ce, self)) {
        return false;
      }
      Complements(c, e, false);  // "UN truce resolution on Gaza"
      return true;
    }
    if (op->kind == Operator::Kind::kAct) {
      embed_all(1, false, 1);
      if (clause && T(c) == Tag::kTo) {
        frame_.first = cb;
        return Clause(cb, e, holder >= 0 ? holder : agent);
      }
    } else {
      // The claim noun itself is judged: "Farage's remarks", "criticism over X".
      embed_all(1, false, 1);
    }
  }
  const bool operator_head =
      op != nullptr && (op->kind == Operator::Kind::kClaim || op->kind == Operator::Kind::kAct);
  if (!operator_head && holder >= 0 && (HasAgent() || agent >= 0) && !has_possessor &&
      by_holders.empty()) {
    // "refrain from Israel attack": the agent is known; the name is the target.
    content_mods.insert(content_mods.begin(), hf);
    holder = -1;
  }
  AddPredicate(lemma, 'n', head, np.first, np.last);
  const int cls_index = frame_.chain.back().predicate_class;
  const PredicateClass* cls = cls_index >= 0 ? &lex_.classes()[cls_index] : nullptr;
  const bool absorbs = cls != nullptr && cls->absorbs_object;
  // "easing sanctions": a modifier that is a lexical opposite of the class.
  std::vector<uint32_t> mods = content_mods;
  if (cls_index >= 0) {
    std::erase_if(mods, [&](uint32_t m) {
      const WordInfo* mi = tag(m).info;
      if (mi == nullptr || !mi->verb || mi->form != VerbForm::kIng) return false;
      const std::vector<int> opposite = lex_.OppositeOf(mi->verb_lemma);
      if (std::find(opposite.begin(), opposite.end(), cls_index) == opposite.end()) return false;
      frame_.polarity = -frame_.polarity;
      frame_.dropped.push_back(m);
      return true;
    });
  }
  if (!by_holders.empty()) {
    for (int h : by_holders) AddArg(Role::kAgent, h, "", hf, hl, holder_group);
  } else if (holder >= 0) {
    AddArg(Role::kAgent, holder, "", hf, hl, holder_group);
  } else if (agent >= 0) {
    AddArg(Role::kAgent, agent, "", head, head);
  }
  // Modifiers: names and nationalities are arguments; a modifier that is an
  // event itself continues the chain ("arm sales ban"); other nouns are terms.
  uint32_t event_mod = e;
  const bool literal_claim = op != nullptr && op->kind == Operator::Kind::kClaim;
  for (auto it = mods.rbegin(); it != mods.rend() && !literal_claim; ++it) {
    if (IsEventNoun(*it) && lex_.OperatorOf(tag(*it).info->noun_lemma, 'n') == nullptr) {
      event_mod = *it;
      break;
    }
  }
  for (uint32_t m : mods) {
    if (m >= event_mod) break;
    if (T(m) == Tag::kName || T(m) == Tag::kDemonym) {
      PhraseArgs(m, m + 1, HasAgent() || T(m) == Tag::kName ? Role::kPatient : Role::kAgent, false);
    } else if (!absorbs) {
      PhraseArgs(m, m + 1, Role::kPatient, true);
    }
  }
  if (event_mod < e) {
    NounPhrase sub;
    sub.first = mods.front();
    sub.head = event_mod;
    sub.core_last = event_mod + 1;
    sub.last = event_mod + 1;
    for (uint32_t m : mods) {
      if (m < event_mod && !(T(m) == Tag::kName || T(m) == Tag::kDemonym)) sub.modifiers.push_back(m);
    }
    NominalPhrase(sub, event_mod + 1, -1);
  }
  // Complements: an event after "on"/"to"/"of" continues the chain ("end to
  // Russian oil imports", "ban on selling arms"); the rest are arguments.
  if (c < e && (T(c) == Tag::kPrep || T(c) == Tag::kTo) && !IsBoundary(c) && event_mod >= e) {
    uint32_t s = c + 1;
    while (s < e && T(s) == Tag::kDet) ++s;
    if (s < e && T(s) == Tag::kVerb && tag(s).info != nullptr &&
        tag(s).info->form == VerbForm::kIng && W(c) != "by") {
      return Clause(s, e, -1);
    }
    if (s < e) {
      const NounPhrase sub = ParseNounPhrase(s, e);
      if (IsEventNoun(sub.head) && W(c) != "by" && W(c) != "in" && W(c) != "at" &&
          (cls == nullptr || cls->objects.empty())) {
        return NominalPhrase(sub, e, -1);
      }
    }
  }
  Complements(c, e, false);
  return true;
}

}  // namespace stancegraph::importers::extract::internal
