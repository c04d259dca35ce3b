// Private to the attribution stage: the finder's per-document state.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "attribution.h"

namespace stancegraph::importers::extract::internal {

// Punctuation a content or holder span never ends with.
inline bool IsTrimmable(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.lower == "." || t.lower == "," || t.lower == ":" || t.lower == ";" || t.lower == "-" ||
          t.lower == "--" || t.lower == "...");
}

// A cue found in a sentence, before its content is delimited.
struct Candidate {
  uint32_t first = 0, last = 0;  // cue tokens
  int cue = -1;
  uint32_t predicate_first = 0;
  bool negated = false;
  int holder = -1;
  uint32_t holder_first = 0, holder_last = 0;
  bool subject_after = false;  // "said Healey", "according to X"
  uint32_t clause_start = 0;   // where this cue's clause begins
  bool bounds_previous = false;  // a coordinated clause: ends the previous content
  bool passive = false;          // "X rejected by Y": the source follows "by", the content precedes
};

class Finder {
 public:
  explicit Finder(const AttributionInput& in);
  std::vector<Attribution> Run();

 private:
  const EntityRef* RefEndingAt(uint32_t k) const;
  const EntityRef* RefStartingAt(uint32_t k) const;
  bool Has(uint32_t k, uint32_t bit) const;
  void UpdateMentions(const Sentence& s);
  bool Fits(int entity, char gender) const;
  int ResolvePronoun(const EntityRef& ref, uint32_t paragraph) const;
  int HolderOf(const EntityRef& ref, uint32_t paragraph) const;
  bool VerbUse(uint32_t k, const Cue& cue, const Sentence& s) const;

  // attribution_clauses.cc
  void FindCandidates(const Sentence& s, std::vector<Candidate>* cands) const;
  void FindSource(const Sentence& s, Candidate* c, std::span<const Candidate> earlier);
  uint32_t ContentEnd(uint32_t begin, uint32_t limit, const Sentence& s) const;
  uint32_t SkipToContent(uint32_t k, const Cue& cue, const Sentence& s) const;
  // True when tokens [begin, end) only say when: "Friday", "on Monday night".
  bool OnlyTime(uint32_t begin, uint32_t end) const;
  void ProcessSentence(uint32_t si, const Sentence& s);
  void MaybeContinueQuote(uint32_t si, const Sentence& s);
  void MaybeHeadlineColon(uint32_t si, const Sentence& s);
  void MaybeHeadlineDash(uint32_t si, const Sentence& s);
  int GroupHolder(uint32_t end, const Sentence& s, uint32_t* first);
  uint32_t QuoteEnd(uint32_t open, uint32_t paragraph) const;
  uint32_t ResumedQuoteEnd(const Sentence& s) const;

  const AttributionInput& in_;
  const std::vector<Token>& t_;
  const Lexicon& lex_;
  DocEntities& ents_;
  std::vector<int> ref_ending_, ref_starting_;
  std::vector<uint8_t> in_quote_;
  std::vector<uint32_t> sentence_of_token_;
  std::vector<std::pair<int, uint32_t>> recent_;  // (entity, paragraph)
  int last_speaker_ = -1;
  uint32_t last_speaker_paragraph_ = 0;
  uint32_t covered_until_ = 0;
  const Sentence* current_ = nullptr;
  bool title_case_ = false;  // a headline in Title Case: "Trump Says He Will Win"
  std::vector<uint8_t> noun_use_;  // per token of the current sentence: a cue word used as a noun
  std::vector<int> sentence_holders_;  // holders found so far in the current sentence  // tokens before this belong to an earlier content
  std::vector<Attribution> out_;
};

}  // namespace stancegraph::importers::extract::internal
