#include "extract/entities.h"

#include "extract/frame_tags.h"
#include "extract/morphology.h"
#include "extract/word_sets.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "lang/wordnet.h"

namespace stancegraph::importers::extract {
namespace {

using schema::EntityType;

std::string JoinLower(const std::vector<Token>& toks, uint32_t b, uint32_t e) {
  std::string out;
  for (uint32_t k = b; k < e; ++k) {
    if (k > b) out.push_back(' ');
    out += toks[k].lower;
  }
  return out;
}

bool IsNameToken(const Token& t) { return t.kind == TokenKind::kWord && t.capitalized; }

bool IsConnector(std::string_view w) {
  return w == "of" || w == "de" || w == "von" || w == "der" || w == "van" || w == "al" ||
         w == "bin" || w == "la" || w == "le" || w == "du" || w == "da" || w == "del" ||
         w == "the" || w == "and" || w == "for" || w == "on" || w == "&";
}

class Tagger {
 public:
  Tagger(std::string_view text, const std::vector<Token>& tokens, const Lexicon& lexicon,
         schema::Timestamp published, DocEntities* entities)
      : text_(text), t_(tokens), lex_(lexicon), published_(published), ents_(entities) {}

  void TagSentence(const Sentence& s, std::vector<EntityRef>* out) {
    uint32_t i = s.first;
    while (i < s.last) i = TagAt(i, s, out);
  }

 private:
  static bool Is(const Token& t, uint32_t bit) { return (t.classes & bit) != 0; }

  // Longest title phrase at i ("prime minister", "defence secretary"); 0 if none.
  uint32_t TitleAt(uint32_t i, uint32_t end, std::string* title) const {
    const uint32_t longest = Is(t_[i], WordBits::kPhraseStart) ? std::min<uint32_t>(4, end - i) : 1;
    for (uint32_t n = longest; n >= 1; --n) {
      if (n == 1 ? !Is(t_[i], lex_.bits().title) : !lex_.HasClass(JoinLower(t_, i, i + n), "title")) continue;
      *title = JoinLower(t_, i, i + n);
      // Abbreviated titles keep their full stop: "Sen." "Gov."
      uint32_t len = n;
      if (i + len < end && t_[i + len].lower == "." && t_[i + len].begin == t_[i + len - 1].end) ++len;
      return len;
    }
    return 0;
  }

  uint32_t HonorificAt(uint32_t i, uint32_t end, char* gender) const {
    const bool m = Is(t_[i], lex_.bits().honorific_m), f = Is(t_[i], lex_.bits().honorific_f);
    if (!(m || f || Is(t_[i], lex_.bits().honorific)) || !t_[i].capitalized) return 0;
    *gender = m ? 'm' : f ? 'f' : 0;
    uint32_t len = 1;
    if (i + 1 < end && t_[i + 1].lower == "." && t_[i + 1].begin == t_[i].end) ++len;
    return len;
  }

  // A country named by alias or demonym at i: returns its token length and
  // sets *country to the lexicon index.
  uint32_t CountryAt(uint32_t i, uint32_t end, int* country) const {
    if (!IsNameToken(t_[i]) && !t_[i].all_caps) return 0;
    if (!Is(t_[i], WordBits::kAliasStart)) return 0;
    for (uint32_t n = std::min<uint32_t>(static_cast<uint32_t>(lex_.max_alias_tokens()), end - i);
         n >= 1; --n) {
      const std::string key = JoinLower(t_, i, i + n);
      const auto it = lex_.alias_index().find(key);
      if (it != lex_.alias_index().end() &&
          lex_.entities()[it->second].entity.type == EntityType::kCountry &&
          (!lex_.AliasNeedsCaps(key) || t_[i].all_caps)) {
        *country = it->second;
        return n;
      }
      const auto d = lex_.demonym_index().find(key);
      if (d != lex_.demonym_index().end()) {
        *country = d->second;
        return n;
      }
    }
    return 0;
  }

  // The office holder with `title` of `country` at the document's time.
  int RoleHolder(const std::string& title, int country) const {
    const schema::EntityId of = lex_.entities()[country].entity.id;
    for (int k = 0; k < static_cast<int>(lex_.entities().size()); ++k) {
      for (const schema::Role& r : lex_.entities()[k].entity.roles) {
        if (r.of != of || r.title != title) continue;
        const bool open_now = r.to == schema::kNoTime;
        // An undated text names no office holder: "the prime minister" of
        // an article from 2005 is not today's.
        if (published_ == schema::kNoTime) return -1;
        if ((r.from == schema::kNoTime || r.from <= published_) && (open_now || published_ < r.to)) {
          return k;
        }
      }
    }
    return -1;
  }

  // End of a run of name tokens starting at i (connectors inside allowed,
  // initials "W." kept); stops at common words and cue verbs.
  uint32_t NameRunEnd(uint32_t i, uint32_t end) const {
    uint32_t k = i;
    while (k < end) {
      const Token& tok = t_[k];
      if (IsNameToken(tok) || (tok.all_caps && tok.kind == TokenKind::kWord)) {
        // "Bush says", "Iran states": a cue ends the name, unless the name
        // with it is one the lexicon knows ("United States").
        if (k > i && (Is(tok, lex_.bits().common) || Is(tok, WordBits::kCue)) &&
            !lex_.alias_index().count(JoinLower(t_, i, k + 1))) {
          break;
        }
        ++k;
        if (k < end && t_[k].lower == "." && tok.lower.size() == 1 && t_[k].begin == tok.end) ++k;
        continue;
      }
      if (k > i && IsConnector(tok.lower) && k + 1 < end && IsNameToken(t_[k + 1]) &&
          !Is(t_[k + 1], lex_.bits().common)) {
        ++k;
        continue;
      }
      break;
    }
    // Trailing connectors never end a name.
    while (k > i && IsConnector(t_[k - 1].lower)) --k;
    return k;
  }

  // A capitalised word at a sentence start that is an ordinary English word
  // ("Peace talks", "Halt the reform") and no name the lexicon knows, nor a
  // first name.
  bool CommonWord(uint32_t k, uint32_t end) const {
    const Token& tok = t_[k];
    if (Is(tok, WordBits::kAliasStart) || Is(tok, lex_.bits().male_first) ||
        Is(tok, lex_.bits().female_first) || Is(tok, lex_.bits().title) ||
        Is(tok, lex_.bits().honorific) || Is(tok, lex_.bits().honorific_m) ||
        Is(tok, lex_.bits().honorific_f)) {
      return false;
    }
    if (ents_->FindAlias(tok.lower) >= 0) return false;
    const lang::WordNet& wn = lex_.wordnet();
    const bool noun = wn.IsLemma(wn.Lemma(tok.lower, lang::Pos::kNoun), lang::Pos::kNoun);
    const bool other = wn.IsLemma(wn.Lemma(tok.lower, lang::Pos::kVerb), lang::Pos::kVerb) ||
                       wn.IsLemma(wn.Lemma(tok.lower, lang::Pos::kAdj), lang::Pos::kAdj);
    if (!noun) return other;
    // A compound the predicate lexicon knows: "Peace talks", "Land swap".
    if (k + 1 < end && t_[k + 1].kind == TokenKind::kWord) {
      const std::string& next = t_[k + 1].lower;
      const std::string next_noun = wn.Lemma(next, lang::Pos::kNoun);
      if (!lex_.predicates().ClassesOf(tok.lower + " " + next, 'n').empty() ||
          !lex_.predicates().ClassesOf(tok.lower + " " + next_noun, 'n').empty()) {
        return true;
      }
    }
    // A noun may be a surname ("Bush said"): common only before another
    // noun ("Peace talks") or a name ("Halt Israel's reform").
    if (k + 1 >= end || t_[k + 1].kind != TokenKind::kWord) return false;
    if (Is(t_[k + 1], WordBits::kCue)) {
      // "Arson attacks blamed on ...", "Trade talks still stalled": a
      // plural noun that is also a cue, with no object after it, is the
      // head of the subject; "Bush attacks Kerry", "Rice says he" stay names.
      const std::string& next = t_[k + 1].lower;
      if (next.size() < 4 || next.back() != 's' ||
          !wn.IsLemma(wn.Lemma(next, lang::Pos::kNoun), lang::Pos::kNoun) || k + 2 >= end) {
        return false;
      }
      const Token& after = t_[k + 2];
      return after.kind == TokenKind::kWord && !after.capitalized &&
             ((after.grammar & kAux) != 0 ||
              (after.lower.ends_with("ed") &&
               wn.IsLemma(wn.Lemma(after.lower, lang::Pos::kVerb), lang::Pos::kVerb)));
    }
    const Token& next = t_[k + 1];
    if (next.capitalized) return other;
    return wn.IsLemma(wn.Lemma(next.lower, lang::Pos::kNoun), lang::Pos::kNoun);
  }

  static bool IsBody(EntityType t) {
    return t == EntityType::kCountry || t == EntityType::kOrganisation ||
           t == EntityType::kGovernment || t == EntityType::kAlliance;
  }

  // After a body's name, lower-case nouns ending in one that names a person
  // or a body of people ("rights expert", "spy chief", "intelligence task
  // force"): their end, else `k`.
  uint32_t OfficeEnd(uint32_t k, uint32_t end) const {
    const lang::WordNet& wn = lex_.wordnet();
    uint32_t j = k;
    uint32_t found = k;
    while (j < end && j - k < 3 && t_[j].kind == TokenKind::kWord && !t_[j].capitalized &&
           !Is(t_[j], WordBits::kCue) && !Is(t_[j], lex_.bits().common)) {
      const std::string lemma = wn.Lemma(t_[j].lower, lang::Pos::kNoun);
      if (!wn.IsLemma(lemma, lang::Pos::kNoun)) break;
      if (wn.IsLemma(t_[j].lower, lang::Pos::kVerb) && !wn.IsLemma(t_[j].lower, lang::Pos::kNoun)) break;
      const std::string_view cat = wn.Category(lemma, lang::Pos::kNoun);
      if (cat == "noun.person" || Is(t_[j], lex_.bits().title) ||
          (cat == "noun.group" && j > k)) {
        found = j + 1;
      }
      ++j;
    }
    return found;
  }

  int ResolveName(uint32_t b, uint32_t e, bool person_hint, char gender) {
    const std::string key = JoinLower(t_, b, e);
    const auto it = lex_.alias_index().find(key);
    if (it != lex_.alias_index().end() && (!lex_.AliasNeedsCaps(key) || t_[b].all_caps)) {
      return ents_->FromLexicon(it->second);
    }
    if (const int known = ents_->FindAlias(key); known >= 0) return known;
    EntityType type = EntityType::kUnknown;
    bool org = false;
    for (uint32_t k = b; k < e; ++k) org = org || Is(t_[k], lex_.bits().org_word);
    if (gender == 0 && Is(t_[b], lex_.bits().male_first)) gender = 'm';
    if (gender == 0 && Is(t_[b], lex_.bits().female_first)) gender = 'f';
    if (org) {
      type = EntityType::kOrganisation;
    } else if (person_hint || gender != 0 || (e - b >= 2 && e - b <= 4)) {
      type = EntityType::kPerson;
    }
    std::string name;
    for (uint32_t k = b; k < e; ++k) {
      if (k > b && t_[k].begin > t_[k - 1].end) name.push_back(' ');
      name += surface(k);
    }
    const int ent = ents_->FromName(name, type, type == EntityType::kPerson ? gender : 0);
    ents_->AddAlias(key, ent);
    if (type == EntityType::kPerson && e - b >= 2) ents_->AddAlias(t_[e - 1].lower, ent);
    return ent;
  }

  std::string surface(uint32_t k) const {
    return std::string(text_.substr(t_[k].begin, t_[k].end - t_[k].begin));
  }

  uint32_t TagAt(uint32_t i, const Sentence& s, std::vector<EntityRef>* out) {
    const Token& tok = t_[i];
    if (tok.kind != TokenKind::kWord || tok.lower == "i") return i + 1;
    if (tok.lower == "he" || tok.lower == "she" || tok.lower == "they") {
      out->push_back({i, i + 1, -1, RefKind::kPronoun,
                      tok.lower == "he" ? 'm' : tok.lower == "she" ? 'f' : 'p'});
      return i + 1;
    }
    uint32_t j = i;
    int country = -1;
    std::string title;
    char gender = 0;
    bool person_hint = false;
    if (const uint32_t n = CountryAt(j, s.last, &country); n > 0) {
      std::string t;
      const uint32_t tn = j + n < s.last ? TitleAt(j + n, s.last, &t) : 0;
      if (tn > 0) {
        title = t;
        j += n + tn;
      } else if (j + n < s.last && Is(t_[j + n], lex_.bits().group) && !t_[j + n].capitalized) {
        const int ent = ents_->FromLexicon(country);
        out->push_back({i, j + n + 1, ent, RefKind::kDemonym, 0});
        return j + n + 1;
      } else if (lex_.demonym_index().count(JoinLower(t_, j, j + n)) &&
                 !(tok.lower.back() == 's' && (j + n >= s.last || !IsNameToken(t_[j + n])))) {
        return j + n;  // an adjective: "Russian oil"
      } else {
        country = -1;
      }
    }
    if (title.empty() && (tok.capitalized || country >= 0)) {
      if (const uint32_t tn = TitleAt(j, s.last, &title); tn > 0) j += tn;
    }
    if (!title.empty()) person_hint = true;
    while (j < s.last) {
      char g = 0;
      const uint32_t hn = HonorificAt(j, s.last, &g);
      if (hn == 0) break;
      gender = g != 0 ? g : gender;
      person_hint = true;
      j += hn;
    }
    // Sentence-initial common words are not names: "However", "Asked".
    uint32_t name_begin = j;
    const bool starts_sentence =
        i == s.first || t_[i - 1].kind == TokenKind::kOpenQuote || t_[i - 1].lower == ":";
    while (starts_sentence && name_begin < s.last && name_begin == j &&
           (Is(t_[name_begin], lex_.bits().common) || CommonWord(name_begin, s.last)) &&
           t_[name_begin].capitalized && !t_[name_begin].all_caps) {
      if (name_begin > i) break;
      ++name_begin;
      j = name_begin;
      if (title.empty() && country < 0) return j;
    }
    uint32_t run_end = NameRunEnd(j, s.last);
    // "Environment Secretary Margaret Beckett", "Ex-Welsh Office Minister
    // Lord Roberts": an office before the name is not part of it.
    for (uint32_t k = run_end; k > j + 1; --k) {
      const uint32_t w = k - 2;
      if (Is(t_[w], lex_.bits().title) && w + 1 < run_end && !Is(t_[w + 1], lex_.bits().title) &&
          t_[w + 1].capitalized) {
        person_hint = true;
        if (title.empty()) title = t_[w].lower;
        j = w + 1;
        break;
      }
    }
    if (run_end > j) {
      // Longest lexicon alias inside the run from its start, else the whole run.
      uint32_t best = 0;
      const uint32_t longest = Is(t_[j], WordBits::kAliasStart)
                                   ? std::min<uint32_t>(
                                         static_cast<uint32_t>(lex_.max_alias_tokens()), run_end - j)
                                   : std::min<uint32_t>(4, run_end - j);
      for (uint32_t n = longest; n >= 1 && best == 0; --n) {
        const std::string key = JoinLower(t_, j, j + n);
        if ((lex_.alias_index().count(key) && (!lex_.AliasNeedsCaps(key) || t_[j].all_caps)) ||
            ents_->FindAlias(key) >= 0) {
          best = n;
        }
      }
      const uint32_t name_end = best > 0 ? j + best : run_end;
      const int ent = ResolveName(j, name_end, person_hint, gender);
      if (const uint32_t office_end = OfficeEnd(name_end, s.last); office_end > name_end &&
          title.empty() && IsBody(ents_->entity(ent).type)) {
        // "UN rights expert", "Russia spy chief": an official of the body.
        std::string name(text_.substr(t_[i].begin, t_[office_end - 1].end - t_[i].begin));
        const int official = ents_->Official(name, t_[office_end - 1].lower, ent);
        out->push_back({i, office_end, official, RefKind::kTitle, 0});
        return office_end;
      }
      out->push_back({i, name_end, ent, title.empty() ? RefKind::kName : RefKind::kTitle, 0});
      return name_end;
    }
    if (!title.empty() && country >= 0) {
      int ent = -1;
      // "Russia's UK ambassador": the office is the possessor's.
      if (i >= 2 && t_[i - 1].lower == "'s" && !out->empty() && out->back().last == i - 1 &&
          out->back().entity >= 0 &&
          ents_->entity(out->back().entity).type == EntityType::kCountry) {
        country = -1;
        const int owner = out->back().entity;
        ent = ents_->Official(ents_->entity(owner).name + " " + title, title, owner);
        out->push_back({i, j, ent, RefKind::kTitle, 0});
        return j;
      }
      if (const int holder = RoleHolder(title, country); holder >= 0) {
        ent = ents_->FromLexicon(holder);
      } else {
        ent = ents_->Official(lex_.entities()[country].entity.name + " " + title, title,
                              ents_->FromLexicon(country));
      }
      out->push_back({i, j, ent, RefKind::kTitle, 0});
      return j;
    }
    return std::max(j, i + 1);
  }

  std::string_view text_;
  const std::vector<Token>& t_;
  const Lexicon& lex_;
  schema::Timestamp published_;
  DocEntities* ents_;
};

}  // namespace

void ClassifyTokens(const Lexicon& lexicon, std::vector<Token>* tokens, Morphology* morphology) {
  for (Token& t : *tokens) {
    if (t.kind != TokenKind::kWord) continue;
    if (morphology != nullptr) t.info = &morphology->Info(t.lower);
    const Lexicon::WordFacts f = lexicon.Facts(t.lower);
    uint32_t c = f.classes;
    // Names and nationalities start with a capital ("US", not "us").
    if (!t.capitalized && !t.all_caps) c &= ~(WordBits::kAliasStart | WordBits::kDemonym);
    t.classes = c;
    t.grammar = f.grammar;
    t.closed = static_cast<uint8_t>(internal::ClosedClass(t.lower));
  }
}

namespace {

std::string LowerLastWord(const std::string& name) {
  const size_t space = name.rfind(' ');
  std::string w = name.substr(space == std::string::npos ? 0 : space + 1);
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

// A surname met before the full name, or without it in the same sentence
// (a headline's "Malik", the body's "Shahid Malik"), is that person when
// exactly one person of the document has that surname.
void ResolveSurnames(const DocEntities& entities, std::vector<EntityRef>& refs) {
  std::unordered_map<std::string, int> full_by_last;  // -1: two people share it
  for (const EntityRef& r : refs) {
    if (r.kind != RefKind::kName || r.entity < 0) continue;
    const schema::Entity& e = entities.entity(r.entity);
    if (e.type != EntityType::kPerson || e.name.find(' ') == std::string::npos) continue;
    auto [it, added] = full_by_last.emplace(LowerLastWord(e.name), r.entity);
    if (!added && it->second != r.entity) it->second = -1;
  }
  for (EntityRef& r : refs) {
    if (r.kind != RefKind::kName || r.entity < 0) continue;
    const schema::Entity& e = entities.entity(r.entity);
    if ((e.type != EntityType::kPerson && e.type != EntityType::kUnknown) ||
        e.name.find(' ') != std::string::npos || !e.roles.empty()) {
      continue;
    }
    const auto it = full_by_last.find(LowerLastWord(e.name));
    if (it != full_by_last.end() && it->second >= 0) r.entity = it->second;
  }
}

}  // namespace

std::vector<EntityRef> TagEntities(std::string_view text, const std::vector<Token>& tokens,
                                   const std::vector<Sentence>& sentences, const Lexicon& lexicon,
                                   schema::Timestamp published, DocEntities* entities) {
  std::vector<EntityRef> refs;
  Tagger tagger(text, tokens, lexicon, published, entities);
  for (const Sentence& s : sentences) tagger.TagSentence(s, &refs);
  ResolveSurnames(*entities, refs);
  return refs;
}

}  // namespace stancegraph::importers::extract
