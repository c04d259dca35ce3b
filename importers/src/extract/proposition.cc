#include "extract/proposition.h"

#include <algorithm>
#include <unordered_set>

#include "extract/word_sets.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::importers::extract {
namespace {

bool IsStopWord(const std::string& w) {
  static const auto* s = new std::unordered_set<std::string>{
      "the", "a", "an", "and", "or", "but", "that", "this", "these", "those", "it", "its", "is",
      "are", "was", "were", "be", "been", "being", "to", "of", "in", "on", "at", "for", "with",
      "by", "from", "as", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
      "my", "your", "him", "them", "us", "me", "will", "would", "could", "should", "may", "might",
      "must", "can", "has", "have", "had", "do", "does", "did", "not", "n't", "no", "never", "so",
      "very", "also", "just", "there", "here", "what", "which", "who", "whom", "into", "about",
      "than", "then", "if", "all", "any", "some", "more", "most", "such", "own", "wo", "ca", "'s",
      "going", "want", "wants", "get", "got", "make", "made", "really", "now", "only", "even"};
  return s->count(w) > 0;
}

bool Contains(const std::string& haystack, const std::string& stem) {
  // Stems match at word starts: " territor" in " ceding territory".
  return haystack.find(" " + stem) != std::string::npos;
}

}  // namespace

std::string Stem(std::string_view word) {
  std::string w(word);
  for (char& c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  auto cut = [&](size_t n) { w.resize(w.size() - n); };
  if (w.size() > 5 && w.ends_with("ies")) {
    cut(3);
    w += "y";
  } else if (w.size() > 6 && w.ends_with("ing")) {
    cut(3);
  } else if (w.size() > 5 && w.ends_with("ed")) {
    cut(2);
  } else if (w.size() > 4 && (w.ends_with("xes") || w.ends_with("ches") || w.ends_with("shes") ||
                               w.ends_with("zes") || w.ends_with("sses"))) {
    cut(2);
  } else if (w.size() > 3 && w.ends_with("s") && !w.ends_with("ss")) {
    cut(1);
  }
  if (w.size() > 4 && w.ends_with("e")) cut(1);
  return w;
}

BuiltProposition BuildProposition(const PropositionInput& in, const Stance& st) {
  const std::vector<Token>& t = *in.tokens;
  BuiltProposition out;
  uint32_t b = st.prop_first, e = st.prop_last;
  auto skippable = [&](uint32_t k) {
    return t[k].kind == TokenKind::kOpenQuote || t[k].kind == TokenKind::kCloseQuote ||
           t[k].lower == "that" || t[k].lower == "to" || t[k].lower == "," || t[k].lower == ":";
  };
  while (b < e && skippable(b)) ++b;
  // "assurances that P", "hopes that P": the proposition is P.
  for (uint32_t k = b + 1; k < e && k <= b + 3; ++k) {
    if (t[k].lower != "that") continue;
    bool nouns = true;
    for (uint32_t j = b; j < k; ++j) {
      nouns = nouns && t[j].kind == TokenKind::kWord && !t[j].capitalized &&
              !IsAuxOrAdverb(t[j].lower) && !IsModal(t[j].lower) && !IsBe(t[j].lower) &&
              !t[j].lower.ends_with("ed") && !t[j].lower.ends_with("ing") &&
              !IsDeterminer(t[j].lower);
    }
    if (nouns && k + 1 < e) b = k + 1;
    break;
  }
  while (e > b && (t[e - 1].kind == TokenKind::kPunct || t[e - 1].kind == TokenKind::kCloseQuote)) {
    --e;
  }
  if (e <= b) {
    b = st.prop_first;
    e = std::max(st.prop_last, st.prop_first);
  }
  // '"A," he said. "B."': the proposition is the first quotation.
  if (t[st.prop_first].kind == TokenKind::kOpenQuote || (st.prop_first < b && t[b - 1].kind == TokenKind::kOpenQuote)) {
    for (uint32_t k = b; k < e; ++k) {
      if (t[k].kind == TokenKind::kCloseQuote) {
        e = k;
        break;
      }
    }
    while (e > b && t[e - 1].kind == TokenKind::kPunct) --e;
    if (e <= b) e = st.prop_last;
  }
  out.first = b;
  out.last = e;
  const std::unordered_set<uint32_t> dropped(st.dropped.begin(), st.dropped.end());
  // Readable positive text and the surface object text.
  std::string text, surface, lower = " ";
  std::vector<std::string> heads;
  int content_words = 0;
  for (uint32_t k = b; k < e; ++k) {
    const Token& tok = t[k];
    std::string word(in.text.substr(tok.begin, tok.end - tok.begin));
    const bool space = k > b && tok.begin > t[k - 1].end;
    if (!surface.empty() && space) surface.push_back(' ');
    surface += word;
    if (tok.kind == TokenKind::kOpenQuote || tok.kind == TokenKind::kCloseQuote) continue;
    if (dropped.count(k)) continue;
    if (tok.lower == "wo" && k + 1 < e && dropped.count(k + 1)) word = "will";
    if (tok.lower == "ca" && k + 1 < e && dropped.count(k + 1)) word = "can";
    if (!text.empty() && (space || t[k - 1].kind == TokenKind::kOpenQuote)) text.push_back(' ');
    text += word;
    lower += tok.lower + " ";
    if (tok.kind == TokenKind::kWord && !IsStopWord(tok.lower) &&
        (tok.classes & in.lexicon->bits().hedge) == 0) {
      ++content_words;
      if (heads.size() < 8) heads.push_back(Stem(tok.lower));
    }
  }
  if (surface.size() > 400) surface.resize(400);
  out.object_text = surface;
  schema::Proposition& p = out.proposition;
  p.text = text.size() > 400 ? text.substr(0, 400) : text;
  // Entities named in the proposition, and the subject when it leads.
  std::vector<std::string> named;
  std::string subject;
  // Refs are sorted by position: only those from b on are looked at.
  const auto from = std::lower_bound(in.refs->begin(), in.refs->end(), b,
                                     [](const EntityRef& r, uint32_t k) { return r.first < k; });
  for (auto it = from; it != in.refs->end() && it->first < e; ++it) {
    const EntityRef& r = *it;
    if (r.last > e || r.entity < 0) continue;
    const schema::Entity& ent = in.entities->entity(r.entity);
    if (r.first == b) subject = ent.name;
    if (ent.type != schema::EntityType::kPerson && ent.type != schema::EntityType::kUnknown) {
      named.push_back(ent.name);
    }
  }
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  // Relation: the first content word after the subject; object: the rest.
  uint32_t k = b;
  if (!subject.empty()) {
    while (k < e && !(t[k].kind == TokenKind::kWord && k > b && !t[k].capitalized)) ++k;
  }
  while (k < e && (IsModal(t[k].lower) || IsBe(t[k].lower) || IsAuxOrAdverb(t[k].lower) ||
                   dropped.count(k) || t[k].kind != TokenKind::kWord || t[k].lower == "to")) {
    ++k;
  }
  if (k < e) {
    p.predicate = Stem(t[k].lower);
  }
  // Which groups of which concepts match: stems are looked up by the first
  // three characters of each word of the content.
  const auto& concepts = in.lexicon->concepts();
  std::vector<std::vector<uint8_t>> matched(concepts.size());
  for (size_t pos = 0; pos + 1 < lower.size(); ++pos) {
    if (lower[pos] != ' ') continue;
    const auto it = in.lexicon->concept_stems().find(lower.substr(pos + 1, 3));
    if (it == in.lexicon->concept_stems().end()) continue;
    for (const ConceptStem& cs : it->second) {
      if (lower.compare(pos + 1, cs.stem.size(), cs.stem) != 0) continue;
      auto& m = matched[cs.concept_index];
      if (m.empty()) m.assign(concepts[cs.concept_index].all_of.size(), 0);
      m[cs.group] = 1;
    }
  }
  for (size_t ci = 0; ci < concepts.size(); ++ci) {
    const Concept& c = concepts[ci];
    const auto& m = matched[ci];
    if (m.empty() || std::find(m.begin(), m.end(), 0) != m.end()) continue;
    p.concept_name = c.name;
    // Only a short content is the concept itself; a long one says more.
    if (c.merge && content_words <= 6) {
      for (const std::string& stem : c.reverse) out.reversed = out.reversed || Contains(lower, stem);
      p.key = "concept:" + c.name;
      p.text = c.name;
      for (size_t i = 0; i < named.size(); ++i) {
        p.key += "|" + schema::NormalizeKey(named[i]);
        p.text += (i == 0 ? ": " : ", ") + named[i];
      }
    }
    break;
  }
  if (p.key.empty()) {
    std::sort(heads.begin(), heads.end());
    heads.erase(std::unique(heads.begin(), heads.end()), heads.end());
    for (const std::string& h : heads) p.key += (p.key.empty() ? "" : " ") + h;
    if (p.key.empty()) p.key = schema::NormalizeKey(text);
  }
  p.id = schema::MakePropositionId(p.key);
  return out;
}

}  // namespace stancegraph::importers::extract
