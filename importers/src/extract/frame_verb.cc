// The verb of a clause: its phrase ("pull out", a cue used as a verb),
// negation and voice, and what it does with its subject and object,
// descending through operators to the verb that carries the content.
#include <algorithm>

#include "absl/strings/ascii.h"
#include "extract/frame_internal.h"

namespace stancegraph::importers::extract::internal {
namespace {

// Verbs whose subject is the event itself: "famine looms", "the offensive
// must not happen".
bool SubjectIsEvent(const std::string& lemma) {
  return lemma == "happen" || lemma == "loom" || lemma == "occur" || lemma == "take place" ||
         lemma == "go ahead" || lemma == "proceed" || lemma == "begin" || lemma == "start" ||
         lemma == "continue" || lemma == "resume" || lemma == "go on" || lemma == "be on" ||
         lemma == "come";
}

// Light verbs whose subject undergoes the event: "Gaza faces famine".
bool Experiencer(const std::string& lemma) {
  return lemma == "face" || lemma == "see" || lemma == "suffer" || lemma == "experience" ||
         lemma == "endure" || lemma == "risk";
}

bool Particle(std::string_view w) {
  return w == "up" || w == "out" || w == "over" || w == "back" || w == "off" || w == "down" ||
         w == "on" || w == "away" || w == "about" || w == "with" || w == "at" || w == "from" ||
         w == "for" || w == "of" || w == "in" || w == "ahead" || w == "to" || w == "the" ||
         w == "truth" || w == "evidence" || w == "a" || w == "threat" || w == "war" ||
         w == "genocide" || w == "sanctions" || w == "talks";
}

}  // namespace

std::string Parser::VerbPhrase(uint32_t k, uint32_t e, uint32_t* after) const {
  const WordInfo* info = tag(k).info;
  std::string lemma = info != nullptr && info->verb ? info->verb_lemma : W(k);
  if (T(k) == Tag::kBe) lemma = "be";
  *after = k + 1;
  const size_t longest = lex_.MaxPhraseTokens(lemma);
  for (size_t n = std::min<size_t>(longest, 4); n >= 2; --n) {
    if (k + n > e) continue;
    std::string phrase = lemma;
    bool ok = true;
    for (uint32_t j = k + 1; j < k + n && ok; ++j) {
      ok = Particle(W(j)) || T(j) == Tag::kNoun;
      phrase += " " + W(j);
    }
    if (!ok) continue;
    if (!lex_.ClassesOf(phrase, 'v').empty() || lex_.OperatorOf(phrase, 'v') != nullptr ||
        lex_.IsLightVerb(phrase) || !lex_.OppositeOf(phrase).empty()) {
      *after = k + static_cast<uint32_t>(n);
      return phrase;
    }
  }
  return lemma;
}

const Cue* Parser::CueAt(uint32_t k, uint32_t e, uint32_t* end) const {
  const auto it = in_.lexicon->cue_index().find(W(k));
  if (it == in_.lexicon->cue_index().end()) return nullptr;
  for (const int id : it->second) {
    const Cue& cue = in_.lexicon->cues()[id];
    if (!cue.verb || cue.source_after) continue;
    const auto n = static_cast<uint32_t>(cue.words.size());
    if (k + n > e) continue;
    bool match = true;
    for (uint32_t w = 1; w < n && match; ++w) match = W(k + w) == cue.words[w];
    if (!match) continue;
    *end = k + n;
    return &cue;
  }
  return nullptr;
}

bool Parser::Verbal(uint32_t b, uint32_t subject_last, uint32_t verb_first, uint32_t verb,
                    uint32_t e, int controller) {
  uint32_t sb = b, se = subject_last;
  while (sb < se && (T(sb) == Tag::kQuote || T(sb) == Tag::kPunct)) ++sb;
  while (se > sb && (T(se - 1) == Tag::kQuote || T(se - 1) == Tag::kPunct)) --se;
  // Negation and voice from the verb group.
  bool passive = false, be_seen = false;
  for (uint32_t k = verb_first; k < verb; ++k) {
    if (T(k) == Tag::kNeg) {
      frame_.polarity = -frame_.polarity;
      frame_.dropped.push_back(k);
      if (W(k) == "no" && k + 1 < verb && W(k + 1) == "longer") frame_.dropped.push_back(k + 1);
    }
    be_seen = be_seen || T(k) == Tag::kBe;
  }
  const WordInfo* info = tag(verb).info;
  const bool participle = info != nullptr && info->verb && info->form == VerbForm::kPast;
  if (be_seen && participle && T(verb) == Tag::kVerb) passive = true;
  // Headline passives: "Fracking ban lifted", "aid workers deliberately targeted".
  if (!passive && participle && verb_first == verb && se > sb && T(verb) == Tag::kVerb &&
      (verb + 1 >= e || T(verb + 1) == Tag::kPrep || T(verb + 1) == Tag::kPunct ||
       T(verb + 1) == Tag::kSub || W(verb + 1) == "by")) {
    passive = true;
  }
  uint32_t after = verb + 1;
  std::string lemma = VerbPhrase(verb, e, &after);
  // "X is willing to Y", "X is set to Y": a transparent adjective.
  if (T(verb) == Tag::kBe) {
    uint32_t c = verb + 1;
    while (c < e && (T(c) == Tag::kNeg || T(c) == Tag::kAdv)) {
      if (T(c) == Tag::kNeg) {
        frame_.polarity = -frame_.polarity;
        frame_.dropped.push_back(c);
      }
      ++c;
    }
    if (c < e && tag(c).info != nullptr) {
      const WordInfo* ai = tag(c).info;
      const Operator* op = lex_.OperatorOf(ai->adj ? ai->adj_lemma : W(c), 'a');
      if (op != nullptr && c + 1 < e && T(c + 1) == Tag::kTo) {
        frame_.polarity *= op->polarity;
        const int agent = sb < se ? EntityAt(se - 1) : controller;
        if (sb < se) PhraseArgs(sb, se, Role::kAgent, false);
        return Clause(c + 2, e, agent);
      }
    }
    // An adjective or participle ends it: "Labour is (a little bit) rattled".
    uint32_t last_word = e;
    while (last_word > c && (T(last_word - 1) == Tag::kQuote || T(last_word - 1) == Tag::kPunct)) {
      --last_word;
    }
    if (last_word > c && (T(last_word - 1) == Tag::kAdj || T(last_word - 1) == Tag::kVerb) &&
        tag(last_word - 1).info != nullptr) {
      const uint32_t k = last_word - 1;
      const WordInfo* wi = tag(k).info;
      const std::string pred = T(k) == Tag::kVerb && wi->verb ? wi->verb_lemma
                               : wi->adj                      ? wi->adj_lemma
                                                              : W(k);
      AddPredicate(pred, T(k) == Tag::kVerb ? 'v' : 'a', k, k, k);
      if (sb < se) PhraseArgs(sb, se, Role::kPatient, true);
      return true;
    }
    // A copula states its complement of its subject: "Syria (is) not our fight".
    if (c < e) {
      const NounPhrase np = ParseNounPhrase(c, e);
      if (np.head >= c && np.head < e) {
        if (sb < se) PhraseArgs(sb, se, Role::kAgent, true);
        return NominalPhrase(np, e, -1);
      }
    }
    return false;
  }
  // The subject is the event: "the offensive must not happen", "famine looms".
  if (SubjectIsEvent(lemma) && se > sb) {
    const NounPhrase subject = ParseNounPhrase(sb, se);
    if (IsEventNoun(subject.head)) {
      if (!NominalPhrase(subject, se, -1)) return false;
      Complements(after, e, false);  // "famine looms in Gaza"
      return true;
    }
  }
  const int subject_entity = se > sb ? EntityAt(se - 1) : -1;
  auto add_subject = [&](Role role) {
    if (se > sb) {
      PhraseArgs(sb, se, role, false);
    } else if (controller >= 0) {
      AddArg(role, controller, "", verb, verb);
    }
  };
  // A stance verb inside the content ("says it will not back X", "Russia
  // backs X"): its subject's stance on what follows, in the same sense.
  if (lex_.OperatorOf(lemma, 'v') == nullptr && lex_.ClassesOf(lemma, 'v').empty()) {
    uint32_t cue_end = verb + 1;
    if (const Cue* cue = CueAt(verb, e, &cue_end); cue != nullptr && cue->polarity != 0) {
      const int speaker = subject_entity >= 0 ? subject_entity : controller;
      if (speaker >= 0 && speaker != options_.holder) {
        Embed(speaker, se > sb ? sb : verb, se > sb ? se : verb, verb, cue_end, cue->polarity,
              false, -1, cue->polarity);
      }
      frame_.polarity *= cue->polarity;
      frame_.dropped.push_back(verb);
      uint32_t c = cue_end;
      int addressee = -1;
      if (c < e && tag(c).ref >= 0 && T(c) == Tag::kName) {
        addressee = Resolve(c);
        c = std::min(e, (*in_.refs)[tag(c).ref].last);
      }
      while (c < e && (T(c) == Tag::kTo || T(c) == Tag::kPrep || W(c) == "that" ||
                       T(c) == Tag::kQuote || W(c) == ":" || W(c) == ",")) {
        if (T(c) == Tag::kTo && c + 1 < e && T(c + 1) == Tag::kVerb) {
          ++c;
          break;
        }
        ++c;
      }
      frame_.first = c;
      return Clause(c, e, addressee >= 0 ? addressee : speaker);
    }
  }
  // "the sanctions on Iran should be eased": the passive of an opposite of
  // the subject's class.
  if (passive && se > sb) {
    const NounPhrase subject = ParseNounPhrase(sb, se);
    if (subject.head < se && IsEventNoun(subject.head)) {
      const WordInfo* si = tag(subject.head).info;
      const std::string noun = si != nullptr && si->noun ? si->noun_lemma : W(subject.head);
      for (int cls : lex_.OppositeOf(lemma)) {
        const auto& nouns = lex_.classes()[cls].nouns;
        if (std::find(nouns.begin(), nouns.end(), noun) == nouns.end()) continue;
        frame_.polarity = -frame_.polarity;
        frame_.dropped.push_back(verb);
        frame_.last = std::min(frame_.last, se);
        return NominalPhrase(subject, se, -1);
      }
    }
  }
  if (const Operator* op = lex_.OperatorOf(lemma, 'v');
      op != nullptr && passive && op->kind == Operator::Kind::kTransparent && se > sb) {
    // "a swap of land should be considered", "talks must be resumed": the
    // subject is what the operator governs.
    frame_.polarity *= op->polarity;
    frame_.hedged = frame_.hedged || op->hedged;
    frame_.dropped.push_back(verb);
    frame_.last = std::min(frame_.last, se);
    return Clause(sb, se, -1);
  }
  if (const Operator* op = lex_.OperatorOf(lemma, 'v'); op != nullptr) {
    switch (op->kind) {
      case Operator::Kind::kTransparent: {
        frame_.polarity *= op->polarity;
        add_subject(Role::kAgent);
        uint32_t c = after;
        while (c < e && (T(c) == Tag::kTo || W(c) == "with" || W(c) == "on" || W(c) == "ahead" ||
                         T(c) == Tag::kAdv || T(c) == Tag::kQuote)) {
          ++c;
        }
        // The text states what the operator governs: "France escalates the
        // conflict" for "France did not want to escalate the conflict".
        if (c < e && frame_.first < c && T(c) == Tag::kVerb) frame_.first = c;
        return Clause(c, e, subject_entity >= 0 ? subject_entity : controller);
      }
      case Operator::Kind::kFalse: {
        // "Russia (is) lying about X": Russia claims X, which is false.
        const int liar = subject_entity >= 0 ? subject_entity : controller;
        Embed(liar, se > sb ? sb : verb, se > sb ? se : verb, verb, after, 1, false, -1, -1);
        frame_.polarity = -frame_.polarity;
        uint32_t c = after;
        while (c < e && (T(c) == Tag::kPrep || T(c) == Tag::kDet || W(c) == "truth")) ++c;
        frame_.first = c;
        return Clause(c, e, -1);
      }
      case Operator::Kind::kEvidence: {
        uint32_t c = after;
        while (c < e && (T(c) == Tag::kNeg || T(c) == Tag::kDet || W(c) == "evidence" ||
                         W(c) == "of" || W(c) == "that" || T(c) == Tag::kAdj)) {
          if (T(c) == Tag::kNeg) {
            frame_.polarity = -frame_.polarity;
            frame_.dropped.push_back(c);
          }
          ++c;
        }
        frame_.first = c;
        return Clause(c, e, -1);
      }
      case Operator::Kind::kClaim:
        // "Lula likening the war to the Holocaust": Lula's claim, stated by the verb.
        Embed(subject_entity >= 0 ? subject_entity : controller, sb, se, verb, after,
              op->polarity, op->hedged);
        break;
      case Operator::Kind::kAct:
        break;
    }
  }
  // The object: a noun phrase right after the verb.
  uint32_t ob = after;
  while (ob < e && (T(ob) == Tag::kQuote || T(ob) == Tag::kAdv)) ++ob;
  NounPhrase object;
  bool has_object = false;
  if (ob < e && (IsNominal(T(ob)) || T(ob) == Tag::kPron) && !IsBoundary(ob)) {
    object = ParseNounPhrase(ob, e);
    has_object = object.head >= ob && object.head < e;
  }
  // "launch an offensive", "face famine", "impose sanctions": the object says what.
  if (lex_.IsLightVerb(lemma) && has_object && IsEventNoun(object.head)) {
    add_subject(Experiencer(lemma) ? Role::kPatient : Role::kAgent);
    return NominalPhrase(object, e, -1);
  }
  // "bar Ukraine from Nato", "lift sanctions": the opposite of the object's class.
  if (has_object && IsEventNoun(object.head)) {
    const WordInfo* oi = tag(object.head).info;
    const std::string noun = oi != nullptr && oi->noun ? oi->noun_lemma : W(object.head);
    for (int cls : lex_.OppositeOf(lemma)) {
      const auto& nouns = lex_.classes()[cls].nouns;
      if (std::find(nouns.begin(), nouns.end(), noun) == nouns.end()) continue;
      // "lift sanctions": the lifter is the sanctioner; "block Serbia's
      // membership": the blocker is not the joiner.
      frame_.polarity = -frame_.polarity;
      if (lex_.classes()[cls].agent_types.empty() && lex_.classes()[cls].objects.empty()) {
        add_subject(Role::kAgent);
      }
      return NominalPhrase(object, e, -1);
    }
  }
  // "bar Serbia from the EU": the object is kept out of the class's object.
  if (has_object && T(object.head) == Tag::kName && object.core_last + 1 < e &&
      W(object.core_last) == "from") {
    const NounPhrase from = ParseNounPhrase(object.core_last + 1, e);
    if (from.head < e) {
      const WordInfo* fi = tag(from.head).info;
      const std::string head = fi != nullptr && fi->noun ? fi->noun_lemma : W(from.head);
      std::string full;  // "european union" for a name
      for (uint32_t k = from.first; k < from.core_last; ++k) {
        if (T(k) == Tag::kDet) continue;
        full += (full.empty() ? "" : " ") + W(k);
      }
      for (int cls : lex_.OppositeOf(lemma)) {
        const auto& objects = lex_.classes()[cls].objects;
        const int ent = EntityAt(from.head);
        const std::string ent_name =
            ent >= 0 ? absl::AsciiStrToLower(in_.entities->entity(ent).name) : "";
        if (std::find(objects.begin(), objects.end(), head) == objects.end() &&
            std::find(objects.begin(), objects.end(), full) == objects.end() &&
            std::find(objects.begin(), objects.end(), ent_name) == objects.end()) {
          continue;
        }
        frame_.polarity = -frame_.polarity;
        frame_.dropped.push_back(verb);
        FramePredicate p;
        p.name = lex_.classes()[cls].name;
        p.predicate_class = cls;
        p.lemma = lemma;
        p.token = verb;
        frame_.chain.push_back(std::move(p));
        PhraseArgs(object.first, object.core_last, Role::kAgent, false);
        PhraseArgs(from.first, from.core_last, Role::kPatient, false);
        return true;
      }
    }
  }
  AddPredicate(lemma, 'v', verb, has_object ? object.first : after,
               has_object ? object.last : after);
  add_subject(passive ? Role::kPatient : Role::kAgent);
  const PredicateClass* cls = frame_.chain.back().predicate_class >= 0
                                  ? &lex_.classes()[frame_.chain.back().predicate_class]
                                  : nullptr;
  uint32_t rest = after;
  if (has_object) {
    rest = object.core_last;
    const bool absorbed = cls != nullptr && !cls->objects.empty();
    if (!absorbed && IsEventNoun(object.head) && T(object.head) != Tag::kName) {
      // "stop buying", "suspend arms exports": the chain goes on.
      return NominalPhrase(object, e, -1);
    }
    PhraseArgs(object.first, object.core_last, Role::kPatient,
               cls == nullptr || !cls->absorbs_object);
  }
  // A gerund right after the verb: "stop buying Russian oil".
  if (!has_object && rest < e && T(rest) == Tag::kVerb && tag(rest).info != nullptr &&
      tag(rest).info->form == VerbForm::kIng) {
    return Clause(rest, e, subject_entity >= 0 ? subject_entity : controller);
  }
  // A complement event right after the verb: "refrain from attacking Israel".
  if (!has_object && rest < e && T(rest) == Tag::kPrep && W(rest) != "by" && !IsBoundary(rest)) {
    uint32_t c = rest + 1;
    while (c < e && T(c) == Tag::kDet) ++c;
    if (c < e && T(c) == Tag::kVerb && tag(c).info != nullptr &&
        tag(c).info->form == VerbForm::kIng) {
      return Clause(c, e, subject_entity >= 0 ? subject_entity : controller);
    }
    if (c < e) {
      const NounPhrase np = ParseNounPhrase(c, e);
      if (IsEventNoun(np.head) && T(np.head) != Tag::kName && W(rest) != "in" && W(rest) != "at") {
        return NominalPhrase(np, e, -1);
      }
    }
  }
  Complements(rest, e, passive);
  return true;
}

}  // namespace stancegraph::importers::extract::internal
