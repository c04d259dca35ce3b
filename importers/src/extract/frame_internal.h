// Private to the frame parser: the parser's state and its parts, clauses
// (frame_clause.cc), their verbs (frame_verb.cc) and noun phrases
// (frame_noun.cc).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/frame.h"
#include "extract/frame_tags.h"

namespace stancegraph::importers::extract::internal {

// A noun phrase: [first, last) with its head, what stands before the head,
// and the prepositional or clausal complements after it.
struct NounPhrase {
  uint32_t first = 0, last = 0;  // the whole phrase, complements included
  uint32_t head = 0;             // the head noun (or the last token of a name)
  uint32_t core_last = 0;        // the end of the phrase before its complements
  int possessor = -1;            // entity of "X's"
  uint32_t possessor_first = 0, possessor_last = 0;
  std::vector<uint32_t> modifiers;  // tokens between determiner/possessor and head
  bool negated = false;             // "no Gaza ceasefire"
};

class Parser {
 public:
  Parser(const FrameInput& in, uint32_t first, uint32_t last, const FrameOptions& options);
  Frame Run();

 private:
  // frame_clause.cc
  // Parses a clause in [b, e) into frame_, with `controller` as the agent
  // when it has no subject. Returns false when no predicate was found.
  bool Clause(uint32_t b, uint32_t e, int controller);
  // Where the verb group of the clause [b, e) starts and its main verb; false when none.
  bool FindVerbGroup(uint32_t b, uint32_t e, uint32_t* group_first, uint32_t* verb) const;
  // Adds the prepositional phrases of [b, e) as arguments (entities and, for
  // core prepositions, terms) or nested events.
  void Complements(uint32_t b, uint32_t e, bool passive);

  // frame_verb.cc
  // Parses the clause [b, e) around its verb group [verb_first, verb]; its
  // subject is [b, subject_last).
  bool Verbal(uint32_t b, uint32_t subject_last, uint32_t verb_first, uint32_t verb, uint32_t e,
              int controller);
  // A lexicon phrase starting at verb token k ("pull out", "lie about"): its
  // lemma and the token after it.
  std::string VerbPhrase(uint32_t k, uint32_t e, uint32_t* after) const;
  // A stance cue of the lexicon used as a verb at k ("backs", "calls for"),
  // or nullptr; *end is the token after it.
  const Cue* CueAt(uint32_t k, uint32_t e, uint32_t* end) const;

  // frame_noun.cc
  NounPhrase ParseNounPhrase(uint32_t b, uint32_t e) const;
  bool Nominal(uint32_t b, uint32_t e, int agent);
  bool NominalPhrase(const NounPhrase& np, uint32_t e, int agent);
  // The predicate a noun names: its class, a verb it nominalises, or the noun.
  bool IsEventNoun(uint32_t head) const;
  // The entity a modifier or possessor names, or -1.
  int EntityAt(uint32_t k) const;
  // Adds the entities and terms of tokens [b, e) of a noun phrase as arguments.
  void PhraseArgs(uint32_t b, uint32_t e, Role entity_role, bool terms);

  // frame_parser.cc
  // Claim nouns in adjuncts of the content ("... after government
  // criticism", "amid Tory claims"): their holders' stances on the frame.
  void AdjunctClaims();
  // The holder a claim noun's modifiers name: the names right before it, or
  // a group noun ("government criticism"); -1 when none. Sets the span.
  int GroupNounHolder(uint32_t k);
  const Tagged& tag(uint32_t k) const { return tags_[k - first_]; }
  Tag T(uint32_t k) const { return k < last_ && k >= first_ ? tags_[k - first_].tag : Tag::kOther; }
  const std::string& W(uint32_t k) const { return (*in_.tokens)[k].lower; }
  bool AddPredicate(const std::string& lemma, char pos, uint32_t token, uint32_t object_b,
                    uint32_t object_e);
  void AddArg(Role role, int entity, const std::string& term, uint32_t b, uint32_t e, int group = -1);
  void AddAgent(int entity, uint32_t b, uint32_t e, int group = -1);
  int NewGroup() { return next_group_++; }
  // Records `holder`'s stance (`polarity`) on the frame. `effect` is the
  // sign the reporting word then puts on the frame itself (-1 for "lie
  // about"; a claim noun's own polarity), so that negations further on are
  // counted for both.
  void Embed(int holder, uint32_t holder_first, uint32_t holder_last, uint32_t cue_first,
             uint32_t cue_last, int polarity, bool hedged, int group = -1, int effect = 1);
  // The holder a pronoun or a name at token k stands for, or -1.
  int Resolve(uint32_t k) const;
  bool HasAgent() const;
  bool IsBoundary(uint32_t k) const;  // a subordinate clause or adjunct starts at k

  const FrameInput& in_;
  const std::vector<Token>& t_;
  const PredicateLexicon& lex_;
  uint32_t first_, last_;
  FrameOptions options_;
  std::vector<Tagged> tags_;
  Frame frame_;
  int next_group_ = 0;
  int depth_ = 0;  // recursion guard
  bool in_truth_claim_ = false;  // inside the content of a truth claim noun
};

}  // namespace stancegraph::importers::extract::internal
