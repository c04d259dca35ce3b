#include "extract/proposition.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "extract/word_sets.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::importers::extract {
namespace {

constexpr size_t kMaxTextBytes = 200;

// A token ends the proposition's text: a subordinate or time clause, an
// adjunct, or punctuation that closes the clause.
bool EndsText(const Token& t) {
  const std::string_view w = t.lower;
  return w == ";" || w == " - " || w == "--" || w == "after" || w == "amid" || w == "as" ||
         w == "despite" || w == "following" || w == "while" || w == "whilst" || w == "when" ||
         w == "if" || w == "unless" || w == "until" || w == "because" || w == "since" ||
         w == "which" || w == "who" || w == "although" || w == "though" || w == "whereas" ||
         w == "but" || w == "-";
}

// Auxiliaries dropped before the main verb: "will not join" -> "joins".
bool Auxiliary(const Token& t) {
  const std::string_view w = t.lower;
  return IsModal(t) || w == "has" || w == "have" || w == "had" || w == "do" || w == "does" ||
         w == "did" || w == "to" || w == "be" || w == "'ll" || w == "going";
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Args {
  std::vector<schema::Argument> list;  // for the proposition
  std::set<std::string> agents, others, terms;  // for the key
};

// Concepts group propositions meant to merge ("territorial concessions");
// the first whose every group has a stem at a word start matches.
std::string ConceptOf(const Lexicon& lex, const std::string& lower) {
  const auto& concepts = lex.concepts();
  std::vector<std::vector<uint8_t>> matched(concepts.size());
  for (size_t pos = 0; pos + 1 < lower.size(); ++pos) {
    if (lower[pos] != ' ') continue;
    const auto it = lex.concept_stems().find(lower.substr(pos + 1, 3));
    if (it == lex.concept_stems().end()) continue;
    for (const ConceptStem& cs : it->second) {
      if (lower.compare(pos + 1, cs.stem.size(), cs.stem) != 0) continue;
      auto& m = matched[cs.concept_index];
      if (m.empty()) m.assign(concepts[cs.concept_index].all_of.size(), 0);
      m[cs.group] = 1;
    }
  }
  for (size_t ci = 0; ci < concepts.size(); ++ci) {
    const auto& m = matched[ci];
    if (!concepts[ci].merge || m.empty() || std::find(m.begin(), m.end(), 0) != m.end()) continue;
    return concepts[ci].name;
  }
  return "";
}

const char* RoleName(Role r) {
  switch (r) {
    case Role::kAgent: return "agent";
    case Role::kPatient: return "patient";
    case Role::kRecipient: return "recipient";
    case Role::kTheme: return "theme";
  }
  return "patient";
}

class Builder {
 public:
  Builder(const PropositionInput& in, const Stance& st, const Frame& frame)
      : in_(in), t_(*in.tokens), st_(st), frame_(frame) {}

  std::vector<BuiltProposition> Run() {
    std::vector<BuiltProposition> out;
    if (frame_.empty()) {
      out.push_back(Fallback());
      return out;
    }
    // One proposition per member of the first coordination among the arguments.
    int group = -1;
    for (const FrameArg& a : frame_.args) {
      if (a.conjunct_group >= 0 && a.entity >= 0) {
        group = a.conjunct_group;
        break;
      }
    }
    if (group < 0) {
      out.push_back(Build(-1, -1));
      return out;
    }
    for (const FrameArg& a : frame_.args) {
      if (a.conjunct_group != group || a.entity < 0) continue;
      if (out.size() >= 8) break;
      out.push_back(Build(group, a.entity));
    }
    return out;
  }

 private:
  BuiltProposition Build(int group, int member) {
    BuiltProposition bp;
    bp.conjunct = member;
    bp.conjunct_group = group;
    schema::Proposition& p = bp.proposition;
    Args args;
    const auto& classes = in_.lexicon->predicates().classes();
    std::unordered_set<std::string> absorbed;
    for (const FramePredicate& fp : frame_.chain) {
      if (fp.predicate_class < 0 || !classes[fp.predicate_class].absorbs_object) continue;
      for (const std::string& o : classes[fp.predicate_class].objects) absorbed.insert(o);
      for (const std::string& n : classes[fp.predicate_class].nouns) absorbed.insert(n);
    }
    for (const FrameArg& a : frame_.args) {
      if (a.conjunct_group == group && group >= 0 && a.entity != member) continue;
      schema::Argument arg;
      arg.role = RoleName(a.role);
      if (a.entity >= 0) {
        const schema::Entity& ent = in_.entities->entity(a.entity);
        arg.entity = ent.id;
        arg.value = ent.name;
        (a.role == Role::kAgent ? args.agents : args.others).insert(schema::NormalizeKey(ent.name));
      } else {
        if (absorbed.count(a.term)) continue;
        arg.value = a.term;
        args.terms.insert(a.term);
      }
      args.list.push_back(std::move(arg));
    }
    std::sort(args.list.begin(), args.list.end(), [](const auto& x, const auto& y) {
      return std::tie(x.role, x.value) < std::tie(y.role, y.value);
    });
    std::string chain;
    for (const FramePredicate& fp : frame_.chain) {
      if (!chain.empty()) chain += ">";
      chain += fp.name;
    }
    p.predicate = chain;
    p.arguments = std::move(args.list);
    p.key = chain;
    auto add = [&](const char* role, const std::set<std::string>& values) {
      if (values.empty()) return;
      p.key += std::string("|") + role + "=";
      bool firstv = true;
      for (const std::string& v : values) {
        if (!firstv) p.key += ",";
        p.key += v;
        firstv = false;
      }
    };
    add("agent", args.agents);
    add("with", args.others);
    add("terms", args.terms);
    Text(group, member, &bp);
    p.concept_name = ConceptOf(*in_.lexicon, " " + Lower(p.text) + " " + Lower(bp.object_text) + " ");
    p.id = schema::MakePropositionId(p.key);
    return bp;
  }

  // The readable text: the frame's own words from its first predicate to
  // the end of its clause, negations, auxiliaries and other conjuncts left
  // out, the verb in the present, the agent named when the words do not.
  void Text(int group, int member, BuiltProposition* bp) {
    uint32_t b = frame_.first, e = frame_.last;
    const uint32_t head = frame_.chain.front().token;
    if (head < b) b = head;
    for (uint32_t k = std::max(head, b) + 1; k < e; ++k) {
      // "used Mrs Dixon as a 'human shield'": "as" before a noun phrase
      // completes the predicate.
      if (t_[k].lower == "as" && k + 1 < e &&
          (IsDeterminer(t_[k + 1]) || t_[k + 1].kind == TokenKind::kOpenQuote)) {
        continue;
      }
      if (EndsText(t_[k])) {
        e = k;
        break;
      }
    }
    while (e > b && (t_[e - 1].kind == TokenKind::kPunct || t_[e - 1].kind == TokenKind::kCloseQuote ||
                     t_[e - 1].kind == TokenKind::kOpenQuote)) {
      --e;
    }
    std::unordered_set<uint32_t> drop(frame_.dropped.begin(), frame_.dropped.end());
    // Other conjuncts and their conjunctions.
    if (group >= 0) {
      for (const FrameArg& a : frame_.args) {
        if (a.conjunct_group != group || a.entity == member) continue;
        for (uint32_t k = a.first; k < a.last; ++k) drop.insert(k);
        if (a.first > 0) {
          const std::string_view w = t_[a.first - 1].lower;
          if (w == "and" || w == "&" || w == "or" || w == ",") drop.insert(a.first - 1);
        }
        if (a.last < t_.size() && (t_[a.last].lower == "and" || t_[a.last].lower == "&" ||
                                   t_[a.last].lower == ",")) {
          const bool member_follows = std::any_of(
              frame_.args.begin(), frame_.args.end(),
              [&](const FrameArg& m) { return m.entity == member && m.first == a.last + 1; });
          if (member_follows) drop.insert(a.last);
        }
      }
    }
    const FramePredicate& lead = frame_.chain.front();
    const bool verbal = !lead.nominal;
    if (verbal) {
      for (uint32_t k = lead.token; k > b; --k) {
        const std::string_view w = t_[k - 1].lower;
        if (!Auxiliary(t_[k - 1]) && !drop.count(k - 1) && t_[k - 1].kind != TokenKind::kOpenQuote &&
            t_[k - 1].kind != TokenKind::kCloseQuote && w != "not" && w != "n't" && w != "never") {
          break;
        }
        drop.insert(k - 1);
      }
    }
    std::string text, surface;
    uint32_t emitted_end = 0;  // where the last word put into the text ends
    for (uint32_t k = b; k < e; ++k) {
      const Token& tok = t_[k];
      std::string word(in_.text.substr(tok.begin, tok.end - tok.begin));
      const bool space = k > b && tok.begin > t_[k - 1].end;
      if (!surface.empty() && space) surface.push_back(' ');
      surface += word;
      if (drop.count(k) || tok.kind == TokenKind::kOpenQuote || tok.kind == TokenKind::kCloseQuote) {
        continue;
      }
      // A pronoun subject is the entity it stands for: "We will not
      // negotiate" said by Ukraine is "Ukraine negotiates".
      if (k == b && verbal && (tok.lower == "we" || tok.lower == "i" || tok.lower == "it" ||
                               tok.lower == "they" || tok.lower == "he" || tok.lower == "she")) {
        for (const FrameArg& a : frame_.args) {
          if (a.role == Role::kAgent && a.entity >= 0 && a.first == k) {
            word = in_.entities->entity(a.entity).name;
            break;
          }
        }
      }
      if (verbal && k == lead.token) {
        const WordInfo& info = tok.info != nullptr ? *tok.info : in_.morphology->Info(tok.lower);
        if (info.verb && (info.form == VerbForm::kBase || info.form == VerbForm::kIng) &&
            !info.verb_lemma.empty()) {
          word = Morphology::Third(info.verb_lemma);
        }
      }
      if (!text.empty() && tok.begin > emitted_end) text.push_back(' ');
      text += word;
      emitted_end = tok.end;
    }
    // Name the agent when the words leave it out ("to join Nato").
    for (const FrameArg& a : frame_.args) {
      if (a.role != Role::kAgent || a.entity < 0) continue;
      if (a.conjunct_group == group && group >= 0 && a.entity != member) continue;
      if (a.first >= b && a.last <= e && a.last > a.first) break;
      text = in_.entities->entity(a.entity).name + (verbal ? " " : "'s ") + text;
      break;
    }
    if (text.size() > kMaxTextBytes) text.resize(kMaxTextBytes);
    if (surface.size() > 400) surface.resize(400);
    bp->proposition.text = text;
    bp->object_text = surface;
    bp->first = b;
    bp->last = e;
  }

  // No predicate found: the content's words, stated positively; the key is
  // its content lemmas and the entities it names.
  BuiltProposition Fallback() {
    BuiltProposition out;
    uint32_t b = st_.prop_first, e = st_.prop_last;
    while (b < e && (t_[b].kind == TokenKind::kOpenQuote || t_[b].lower == "that" ||
                     t_[b].lower == "to" || t_[b].lower == "," || t_[b].lower == ":")) {
      ++b;
    }
    while (e > b && (t_[e - 1].kind == TokenKind::kPunct || t_[e - 1].kind == TokenKind::kCloseQuote)) {
      --e;
    }
    if (e <= b) {
      b = st_.prop_first;
      e = std::max(st_.prop_last, st_.prop_first);
    }
    const std::unordered_set<uint32_t> dropped(st_.dropped.begin(), st_.dropped.end());
    std::string text, surface;
    std::set<std::string> lemmas, named;
    for (uint32_t k = b; k < e; ++k) {
      const Token& tok = t_[k];
      std::string word(in_.text.substr(tok.begin, tok.end - tok.begin));
      const bool space = k > b && tok.begin > t_[k - 1].end;
      if (!surface.empty() && space) surface.push_back(' ');
      surface += word;
      if (tok.kind == TokenKind::kOpenQuote || tok.kind == TokenKind::kCloseQuote) continue;
      if (dropped.count(k)) continue;
      if (tok.lower == "wo" && k + 1 < e && dropped.count(k + 1)) word = "will";
      if (tok.lower == "ca" && k + 1 < e && dropped.count(k + 1)) word = "can";
      if (!text.empty() && (space || t_[k - 1].kind == TokenKind::kOpenQuote)) text.push_back(' ');
      text += word;
      if (tok.kind == TokenKind::kWord && !IsStopWord(tok) && lemmas.size() < 8 &&
          (tok.classes & in_.lexicon->bits().hedge) == 0) {
        const WordInfo& info = tok.info != nullptr ? *tok.info : in_.morphology->Info(tok.lower);
        lemmas.insert(info.noun ? info.noun_lemma : info.verb ? info.verb_lemma : tok.lower);
      }
    }
    const auto from = std::lower_bound(in_.refs->begin(), in_.refs->end(), b,
                                       [](const EntityRef& r, uint32_t k) { return r.first < k; });
    schema::Proposition& p = out.proposition;
    for (auto it = from; it != in_.refs->end() && it->first < e; ++it) {
      if (it->last > e || it->entity < 0) continue;
      const schema::Entity& ent = in_.entities->entity(it->entity);
      if (named.insert(schema::NormalizeKey(ent.name)).second) {
        p.arguments.push_back({.role = "patient", .entity = ent.id, .value = ent.name});
      }
    }
    for (const std::string& l : lemmas) p.arguments.push_back({.role = "theme", .value = l});
    std::sort(p.arguments.begin(), p.arguments.end(), [](const auto& x, const auto& y) {
      return std::tie(x.role, x.value) < std::tie(y.role, y.value);
    });
    p.text = text.size() > kMaxTextBytes ? text.substr(0, kMaxTextBytes) : text;
    p.key = "words";
    for (const std::string& l : lemmas) p.key += " " + l;
    if (!named.empty()) {
      p.key += "|with=";
      bool firstv = true;
      for (const std::string& n : named) {
        if (!firstv) p.key += ",";
        p.key += n;
        firstv = false;
      }
    }
    if (lemmas.empty() && named.empty()) p.key = schema::NormalizeKey(text);
    p.concept_name = ConceptOf(*in_.lexicon, " " + Lower(text) + " ");
    p.id = schema::MakePropositionId(p.key);
    out.object_text = surface.size() > 400 ? surface.substr(0, 400) : surface;
    out.first = b;
    out.last = e;
    return out;
  }

  const PropositionInput& in_;
  const std::vector<Token>& t_;
  const Stance& st_;
  const Frame& frame_;
};

}  // namespace

std::vector<BuiltProposition> BuildPropositions(const PropositionInput& in, const Stance& stance,
                                                const Frame& frame) {
  Builder builder(in, stance, frame);
  return builder.Run();
}

}  // namespace stancegraph::importers::extract
