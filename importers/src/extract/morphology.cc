#include "extract/morphology.h"

#include "extract/word_sets.h"

namespace stancegraph::importers::extract {
namespace {

using lang::Pos;

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool Letters(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'')) return false;
  }
  return true;
}

// The verb form of `word` given its lemma.
VerbForm FormOf(std::string_view word, std::string_view lemma) {
  if (word == lemma) return VerbForm::kBase;
  if (word.ends_with("ing")) return VerbForm::kIng;
  if (word.ends_with("s") && !word.ends_with("ss")) return VerbForm::kThird;
  return VerbForm::kPast;
}

}  // namespace

Morphology::Morphology(const Lexicon& lexicon) : lexicon_(lexicon), wordnet_(lexicon.wordnet()) {}

const WordInfo& Morphology::Info(const std::string& lower) {
  if (const auto it = cache_.find(lower); it != cache_.end()) return *it->second;
  return *cache_.emplace(lower, std::make_unique<WordInfo>(Compute(lower))).first->second;
}

void Morphology::Trim() {
  if (cache_.size() > 200000) cache_.clear();
  if (verb_of_noun_.size() > 100000) verb_of_noun_.clear();
}

WordInfo Morphology::Compute(const std::string& lower) const {
  WordInfo info;
  if (!Letters(lower)) return info;
  std::string word = lower;
  const size_t dash = word.rfind('-');
  auto lemmas = [&](Pos pos) {
    std::vector<std::string> l = wordnet_.Lemmas(word, pos);
    if (l.empty() && dash != std::string::npos && dash + 1 < word.size()) {
      // "counter-offensive", "cyber-hack": the last part carries the class.
      std::vector<std::string> part = wordnet_.Lemmas(word.substr(dash + 1), pos);
      for (std::string& p : part) p = word.substr(0, dash + 1) + p;
      l = std::move(part);
    }
    return l;
  };
  if (auto n = lemmas(Pos::kNoun); !n.empty()) {
    info.noun = true;
    info.noun_lemma = n[0];
    // A plural that is also a lemma of its own ("acts", "arms", "talks"):
    // the singular is the word's usual sense.
    if (n.size() > 1 && n[0] == word && word.ends_with("s")) info.noun_lemma = n[1];
  }
  if (auto v = lemmas(Pos::kVerb); !v.empty()) {
    info.verb = true;
    info.verb_lemma = v[0];
    info.form = FormOf(word, v[0]);
    for (const std::string& l : v) info.inflected = info.inflected || l != word;
  }
  if (auto a = lemmas(Pos::kAdj); !a.empty()) {
    info.adj = true;
    info.adj_lemma = a[0];
  }
  info.adv = !lemmas(Pos::kAdv).empty();
  // Words the dictionary does not know: inflectional suffixes decide.
  if (!info.noun && !info.verb && !info.adj && !info.adv) {
    if (word.size() > 4 && word.ends_with("ly")) {
      info.adv = true;
    } else if (word.size() > 4 && word.ends_with("ing")) {
      info.verb = true;
      info.verb_lemma = word.substr(0, word.size() - 3);
      info.form = VerbForm::kIng;
      info.noun = true;
      info.noun_lemma = word;
    } else if (word.size() > 4 && word.ends_with("ed")) {
      info.verb = true;
      info.verb_lemma = word.substr(0, word.size() - 2);
      info.form = VerbForm::kPast;
      info.adj = true;
      info.adj_lemma = word;
    } else {
      info.noun = true;
      info.noun_lemma = word.size() > 3 && word.ends_with("s") && !word.ends_with("ss") &&
                                !word.ends_with("us") && !word.ends_with("is")
                            ? word.substr(0, word.size() - 1)
                            : word;
    }
  }
  return info;
}

std::string Morphology::VerbOfNoun(const std::string& noun_lemma) {
  if (const auto it = verb_of_noun_.find(noun_lemma); it != verb_of_noun_.end()) return it->second;
  std::string verb;
  // Only nominalisations: the noun must not be the verb itself ("attack"
  // is its own verb) and must look like an act ("invasion", "withdrawal",
  // "deployment"), so "state" does not become "state".
  static constexpr std::string_view kSuffixes[] = {"ion", "ment", "al", "ance", "ence", "ure", "age",
                                                   "ing", "sion", "tion", "y"};
  bool act = false;
  for (std::string_view s : kSuffixes) act = act || noun_lemma.ends_with(s);
  // People are not acts: "criminal", "official", "general".
  if (act && IsHumanNoun(noun_lemma)) act = false;
  if (act) {
    for (const std::string& v : wordnet_.Derived(noun_lemma, Pos::kNoun, Pos::kVerb)) {
      if (v.size() >= 3 && v.substr(0, 3) == noun_lemma.substr(0, 3)) {
        verb = v;
        break;
      }
    }
  }
  verb_of_noun_[noun_lemma] = verb;
  return verb;
}

bool Morphology::IsHumanNoun(const std::string& noun_lemma) {
  const std::string_view c = wordnet_.Category(noun_lemma, Pos::kNoun);
  return c == "noun.person" || c == "noun.group";
}

std::string Morphology::Third(const std::string& v) {
  if (v.empty()) return v;
  const size_t space = v.find(' ');
  if (space != std::string::npos) return Third(v.substr(0, space)) + v.substr(space);
  if (v == "be") return "is";
  if (v == "have") return "has";
  const char last = v.back();
  if (last == 'y' && v.size() > 1 && !IsVowel(v[v.size() - 2])) return v.substr(0, v.size() - 1) + "ies";
  if (last == 's' || last == 'x' || last == 'z' || last == 'o' || v.ends_with("sh") ||
      v.ends_with("ch")) {
    return v + "es";
  }
  return v + "s";
}

std::string Morphology::Ing(const std::string& v) {
  if (v.empty()) return v;
  const size_t space = v.find(' ');
  if (space != std::string::npos) return Ing(v.substr(0, space)) + v.substr(space);
  if (v.ends_with("ie")) return v.substr(0, v.size() - 2) + "ying";
  if (v.back() == 'e' && !v.ends_with("ee") && v.size() > 2) return v.substr(0, v.size() - 1) + "ing";
  // Short verbs ending consonant-vowel-consonant double it: "stop" -> "stopping".
  if (v.size() >= 3 && v.size() <= 4 && !IsVowel(v.back()) && v.back() != 'w' && v.back() != 'x' &&
      v.back() != 'y' && IsVowel(v[v.size() - 2]) && !IsVowel(v[v.size() - 3])) {
    return v + v.back() + "ing";
  }
  return v + "ing";
}

}  // namespace stancegraph::importers::extract
