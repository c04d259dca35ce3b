#include "extract/attribution.h"

#include "extract/attribution_finder.h"
#include "extract/word_sets.h"

namespace stancegraph::importers::extract {
namespace internal {

using schema::EntityType;

Finder::Finder(const AttributionInput& in)
    : in_(in), t_(*in.tokens), lex_(*in.lexicon), ents_(*in.entities) {
  const size_t n = t_.size();
  ref_ending_.assign(n + 1, -1);
  ref_starting_.assign(n + 1, -1);
  for (int r = 0; r < static_cast<int>(in.refs->size()); ++r) {
    const EntityRef& ref = (*in.refs)[r];
    ref_ending_[ref.last] = r;
    ref_starting_[ref.first] = r;
  }
  in_quote_.assign(n, 0);
  sentence_of_token_.assign(n, 0);
  const auto& sentences = *in.sentences;
  for (uint32_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    bool q = s.starts_in_quote;
    for (uint32_t k = s.first; k < s.last; ++k) {
      if (t_[k].kind == TokenKind::kOpenQuote) q = true;
      in_quote_[k] = q;
      if (t_[k].kind == TokenKind::kCloseQuote) q = false;
      sentence_of_token_[k] = si;
    }
  }
}

std::vector<Attribution> Finder::Run() {
  const auto& sentences = *in_.sentences;
  for (uint32_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    current_ = &s;
    sentence_holders_.clear();
    const size_t before = out_.size();
    ProcessSentence(si, s);
    UpdateMentions(s);
    if (out_.size() == before && s.first_in_paragraph) MaybeHeadlineColon(si, s);
    if (out_.size() == before && s.first_in_paragraph) MaybeHeadlineDash(si, s);
    if (out_.size() == before && covered_until_ <= s.first) MaybeContinueQuote(si, s);
    if (out_.size() > before && out_.back().holder >= 0) {
      last_speaker_ = out_.back().holder;
      last_speaker_paragraph_ = s.paragraph;
    }
  }
  return std::move(out_);
}

const EntityRef* Finder::RefEndingAt(uint32_t k) const {
  return k < ref_ending_.size() && ref_ending_[k] >= 0 ? &(*in_.refs)[ref_ending_[k]] : nullptr;
}

const EntityRef* Finder::RefStartingAt(uint32_t k) const {
  return k < ref_starting_.size() && ref_starting_[k] >= 0 ? &(*in_.refs)[ref_starting_[k]]
                                                           : nullptr;
}

bool Finder::Has(uint32_t k, uint32_t bit) const { return (t_[k].classes & bit) != 0; }

void Finder::UpdateMentions(const Sentence& s) {
  for (uint32_t k = s.first; k < s.last; ++k) {
    const EntityRef* r = RefStartingAt(k);
    if (r != nullptr && r->entity >= 0) recent_.emplace_back(r->entity, s.paragraph);
  }
  if (recent_.size() > 64) recent_.erase(recent_.begin(), recent_.end() - 32);
}

bool Finder::Fits(int entity, char gender) const {
  const schema::Entity& e = ents_.entity(entity);
  if (gender == 'p') {
    return e.type == EntityType::kGroup || e.type == EntityType::kCountry ||
           e.type == EntityType::kOrganisation || e.type == EntityType::kGovernment ||
           e.type == EntityType::kAlliance;
  }
  if (e.type != EntityType::kPerson && e.type != EntityType::kUnknown) return false;
  const char g = ents_.gender(entity);
  return g == 0 || g == gender;
}

// In order: a speaker already found in this sentence ("Trump said he
// believed"), the sentence's subject, the last speaker of the last
// paragraphs, then the last fitting name: news prose keeps its current
// speaker as the subject.
int Finder::ResolvePronoun(const EntityRef& ref, uint32_t paragraph) const {
  for (auto it = sentence_holders_.rbegin(); it != sentence_holders_.rend(); ++it) {
    if (*it >= 0 && Fits(*it, ref.gender)) return *it;
  }
  if (current_ != nullptr) {
    for (uint32_t k = current_->first; k < ref.first; ++k) {
      const EntityRef* r = RefStartingAt(k);
      if (r == nullptr || r->kind == RefKind::kPronoun || r->entity < 0) continue;
      if (Fits(r->entity, ref.gender)) return r->entity;
      break;
    }
  }
  if (last_speaker_ >= 0 && paragraph <= last_speaker_paragraph_ + 3 &&
      Fits(last_speaker_, ref.gender)) {
    return last_speaker_;
  }
  for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
    if (it->second + 3 < paragraph) break;
    if (Fits(it->first, ref.gender)) return it->first;
  }
  return -1;
}

int Finder::HolderOf(const EntityRef& ref, uint32_t paragraph) const {
  return ref.kind == RefKind::kPronoun ? ResolvePronoun(ref, paragraph) : ref.entity;
}

// A verb cue must be used as a verb: not after a determiner or preposition,
// not passive, not capitalised mid-sentence, not a bare infinitive.
bool Finder::VerbUse(uint32_t k, const Cue& cue, const Sentence& s) const {
  const Token& tok = t_[k];
  if (k == s.first) return false;  // "Asked ...", "Says ...": no subject before
  const bool after_quote = t_[k - 1].kind == TokenKind::kOpenQuote;
  if (tok.capitalized && !after_quote && !title_case_) return false;
  const std::string& prev = t_[k - 1].lower;
  if (IsDeterminer(t_[k - 1]) || IsPreposition(t_[k - 1])) return false;
  // "a program called BleachBit": naming, not calling something anything.
  if (cue.lemma == "call" && tok.lower == "called" && k >= s.first + 2 &&
      t_[k - 1].kind == TokenKind::kWord && !t_[k - 1].capitalized && RefEndingAt(k) == nullptr) {
    for (uint32_t j = k - 1; j > s.first && j + 4 > k; --j) {
      const std::string_view w = t_[j - 1].lower;
      if (w == "a" || w == "an") return false;
      if (t_[j - 1].kind != TokenKind::kWord || IsPreposition(t_[j - 1]) || IsAuxOrAdverb(t_[j - 1])) {
        break;
      }
    }
  }
  // "11 states", "a dozen reports", "other attacks": a plural noun.
  if (tok.lower.ends_with("s") && !tok.lower.ends_with("ss") &&
      (t_[k - 1].kind == TokenKind::kNumber || prev == "dozen" || prev == "other" ||
       prev == "all" || prev == "two" || prev == "three" || prev == "four" || prev == "five")) {
    return false;
  }
  uint32_t p = k;
  while (p > s.first && IsAuxOrAdverb(t_[p - 1]) && !IsBe(t_[p - 1]) &&
         !t_[p - 1].capitalized) {
    --p;
  }
  const bool ing = tok.lower.ends_with("ing");
  if (p > s.first && IsBe(t_[p - 1]) && !ing) return false;  // passive
  if (ing && p > s.first && IsDeterminer(t_[p - 1])) return false;
  const std::string base = cue.lemma.substr(0, cue.lemma.find(' '));
  if (cue.verb && tok.lower == base) {
    // A bare form ("say", "want") needs a plural or pronoun subject or an
    // auxiliary; after a relative pronoun ("leaders who say") it is plural.
    const Token& before_token = t_[p > s.first ? p - 1 : k - 1];
    const std::string& before = before_token.lower;
    return before == "they" || before == "we" || before == "i" || before == "you" ||
           before == "who" || IsModal(before_token) || before == "do" || before == "did" ||
           before == "n't" || before == "not" || (before.size() > 3 && before.ends_with("s")) ||
           t_[p > s.first ? p - 1 : k - 1].kind == TokenKind::kNumber ||
           RefEndingAt(p) != nullptr || (p > s.first && Has(p - 1, lex_.bits().group));
  }
  return true;
}

}  // namespace internal

std::vector<Attribution> FindAttributions(const AttributionInput& in) {
  internal::Finder finder(in);
  return finder.Run();
}

}  // namespace stancegraph::importers::extract
