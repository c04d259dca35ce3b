#include <algorithm>

#include "extract/frame_internal.h"
#include "extract/word_sets.h"

namespace stancegraph::importers::extract {
namespace internal {

Parser::Parser(const FrameInput& in, uint32_t first, uint32_t last, const FrameOptions& options)
    : in_(in),
      t_(*in.tokens),
      lex_(in.lexicon->predicates()),
      first_(first),
      last_(last),
      options_(options),
      tags_(TagTokens(in, first, last)) {}

Frame Parser::Run() {
  frame_.first = first_;
  frame_.last = last_;
  if (!Clause(first_, last_, options_.controller)) frame_.chain.clear();
  // "the lifting of sanctions", "easing sanctions": a lexical opposite of
  // the class after it states that class with the polarity flipped.
  for (size_t i = 0; i + 1 < frame_.chain.size(); ++i) {
    const FramePredicate& op = frame_.chain[i];
    const int next = frame_.chain[i + 1].predicate_class;
    if (next < 0) continue;
    auto opposes = [&](const std::string& lemma) {
      const std::vector<int> opposite = lex_.OppositeOf(lemma);
      return std::find(opposite.begin(), opposite.end(), next) != opposite.end();
    };
    if (!opposes(op.name) && !opposes(op.lemma)) continue;
    frame_.chain.erase(frame_.chain.begin() + static_cast<std::ptrdiff_t>(i));
    frame_.polarity = -frame_.polarity;
    break;
  }
  // "end the ban on arms sales": stopping a stop is the thing itself.
  for (size_t i = 0; i + 1 < frame_.chain.size();) {
    if (frame_.chain[i].name == "stop" && frame_.chain[i + 1].name == "stop") {
      frame_.chain.erase(frame_.chain.begin() + static_cast<std::ptrdiff_t>(i),
                         frame_.chain.begin() + static_cast<std::ptrdiff_t>(i) + 2);
    } else {
      ++i;
    }
  }
  const int lead = frame_.chain.empty() ? -1 : frame_.chain.front().predicate_class;
  const bool agentless = lead >= 0 && lex_.classes()[lead].agentless;
  const bool self_applies = !options_.self_in_claims_only || in_truth_claim_;
  if (!frame_.chain.empty() && options_.self >= 0 && !HasAgent() && !agentless && self_applies) {
    AddArg(Role::kAgent, options_.self, "", first_, first_);
  }
  if (!frame_.chain.empty()) AdjunctClaims();
  // An embedded holder's stance: its own sign times whatever the content
  // negated after it.
  for (EmbeddedClaim& c : frame_.embedded) c.polarity *= frame_.polarity * c.sign_at;
  return std::move(frame_);
}

bool Parser::HasAgent() const {
  return std::any_of(frame_.args.begin(), frame_.args.end(),
                     [](const FrameArg& a) { return a.role == Role::kAgent; });
}

// A subordinate clause, a relative clause or an adjunct phrase that says
// nothing about the proposition's arguments starts at k.
bool Parser::IsBoundary(uint32_t k) const {
  const Tag tg = T(k);
  if (tg == Tag::kSub || tg == Tag::kRel) return true;
  const std::string_view w = W(k);
  if (w == ";" || w == "-" || w == "--" || w == ":") return true;
  return w == "after" || w == "amid" || w == "despite" || w == "following" || w == "during" ||
         w == "before" || w == "until" || w == "since" || w == "ahead" || w == "without";
}

int Parser::Resolve(uint32_t k) const {
  const Tagged& tg = tag(k);
  if (tg.ref >= 0) {
    const EntityRef& r = (*in_.refs)[tg.ref];
    if (r.kind != RefKind::kPronoun || r.entity >= 0) return r.entity;
  }
  if (tg.tag == Tag::kPron && options_.holder >= 0) {
    // A pronoun in the content is the holder when it can be: "Russia denies
    // it plans", "we will not negotiate" (Ukraine), "Trump said he would".
    const std::string_view w = W(k);
    const schema::EntityType type = in_.entities->entity(options_.holder).type;
    const bool person = type == schema::EntityType::kPerson;
    const char gender = in_.entities->gender(options_.holder);
    if ((w == "he" && person && gender != 'f') || (w == "she" && person && gender != 'm') ||
        (w == "i" && person) || ((w == "it" || w == "they" || w == "we") && !person) ||
        (w == "we" && person)) {
      return options_.holder;
    }
  }
  if (tg.tag == Tag::kDemonym && tg.demonym >= 0) return in_.entities->FromLexicon(tg.demonym);
  return -1;
}

void Parser::AddArg(Role role, int entity, const std::string& term, uint32_t b, uint32_t e,
                    int group) {
  for (const FrameArg& a : frame_.args) {
    if (entity >= 0 && a.entity == entity) return;
    if (entity < 0 && a.entity < 0 && a.term == term) return;
  }
  FrameArg a;
  a.role = role;
  a.entity = entity;
  a.term = term;
  a.first = b;
  a.last = e;
  a.conjunct_group = group;
  frame_.args.push_back(std::move(a));
}

void Parser::AddAgent(int entity, uint32_t b, uint32_t e, int group) {
  if (entity < 0) return;
  AddArg(Role::kAgent, entity, "", b, e, group);
}

void Parser::Embed(int holder, uint32_t holder_first, uint32_t holder_last, uint32_t cue_first,
                   uint32_t cue_last, int polarity, bool hedged, int group, int effect) {
  if (holder < 0) return;
  const schema::EntityType type = in_.entities->entity(holder).type;
  if (type == schema::EntityType::kPlace) return;
  EmbeddedClaim c;
  c.holder = holder;
  c.holder_first = holder_first;
  c.holder_last = holder_last;
  c.cue_first = cue_first;
  c.cue_last = cue_last;
  c.polarity = polarity;
  c.hedged = hedged;
  c.conjunct_group = group;
  c.sign_at = frame_.polarity * effect;
  frame_.embedded.push_back(c);
}

// Picks the class of `lemma` whose object constraint the tokens
// [object_b, object_e) meet; a noun without a class falls back to the verb
// it nominalises, then to itself.
bool Parser::AddPredicate(const std::string& lemma, char pos, uint32_t token, uint32_t object_b,
                          uint32_t object_e) {
  if (lemma.empty()) return false;
  auto object_has = [&](const PredicateClass& c) {
    if (c.objects.empty()) return true;
    for (uint32_t k = object_b; k < object_e; ++k) {
      const std::string& w = W(k);
      std::string two = k + 1 < object_e ? w + " " + W(k + 1) : "";
      const WordInfo& info = in_.morphology->Info(w);
      for (const std::string& o : c.objects) {
        if (o == w || o == info.noun_lemma || o == two) return true;
      }
    }
    return false;
  };
  FramePredicate p;
  p.lemma = lemma;
  p.nominal = pos == 'n';
  p.token = token;
  auto pick = [&](const std::string& l, char ps) {
    for (int c : lex_.ClassesOf(l, ps)) {
      if (object_has(lex_.classes()[c])) return c;
    }
    return -1;
  };
  int cls = pick(lemma, pos);
  std::string name = lemma;
  if (cls < 0 && pos == 'n') {
    const std::string verb = in_.morphology->VerbOfNoun(lemma);
    if (!verb.empty()) {
      cls = pick(verb, 'v');
      name = verb;
    }
  }
  if (cls >= 0) name = lex_.classes()[cls].name;
  // "arms exports": the modifier names what the class already says.
  // A verb of stopping on a stop ("end the ban") is kept: Run() cancels
  // the two.
  if (!frame_.chain.empty() && frame_.chain.back().name == name &&
      !(name == "stop" && !frame_.chain.back().nominal && pos == 'n')) {
    return true;
  }
  p.predicate_class = cls;
  p.name = name;
  frame_.chain.push_back(std::move(p));
  return true;
}

void Parser::AdjunctClaims() {
  for (uint32_t k = first_; k + 1 < last_; ++k) {
    const std::string_view w = W(k);
    if (w != "after" && w != "amid" && w != "following" && w != "despite") continue;
    const NounPhrase np = ParseNounPhrase(k + 1, last_);
    if (np.head >= last_ || T(np.head) != Tag::kNoun || tag(np.head).info == nullptr) continue;
    const Operator* op = lex_.OperatorOf(tag(np.head).info->noun_lemma, 'n');
    if (op == nullptr || op->kind != Operator::Kind::kClaim) continue;
    // Who: the possessor, the names right before the noun, or a group noun.
    std::vector<int> holders;
    if (np.possessor >= 0) holders.push_back(np.possessor);
    for (uint32_t m = np.first; m < np.head && np.possessor < 0; ++m) {
      if ((T(m) == Tag::kName || T(m) == Tag::kDemonym) &&
          (tag(m).ref < 0 || m == np.first || tag(m - 1).ref != tag(m).ref)) {
        const int ent = EntityAt(m);
        if (ent >= 0 && in_.entities->entity(ent).type != schema::EntityType::kPlace) {
          holders.push_back(ent);
        }
      }
    }
    if (holders.empty()) {
      const int g = GroupNounHolder(np.head);
      if (g >= 0) holders.push_back(g);
    }
    for (int h : holders) {
      Embed(h, np.first, np.head, np.head, np.head + 1, op->polarity, op->hedged, -1, 1);
    }
    k = np.last > k ? np.last - 1 : k;
  }
}

int Parser::GroupNounHolder(uint32_t k) {
  if (k == first_ || k <= 0) return -1;
  const uint32_t m = k - 1;
  if (T(m) != Tag::kNoun || (t_[m].classes & in_.lexicon->bits().group) == 0) return -1;
  return in_.entities->FromName(std::string(in_.text.substr(t_[m].begin, t_[m].end - t_[m].begin)),
                                schema::EntityType::kGroup, 0);
}

}  // namespace internal

Frame ParseFrame(const FrameInput& in, uint32_t first, uint32_t last, const FrameOptions& options) {
  if (last <= first) return Frame{};
  internal::Parser parser(in, first, last, options);
  return parser.Run();
}

}  // namespace stancegraph::importers::extract
