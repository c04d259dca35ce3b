// The closed classes of English grammar the rule-based stages test
// (determiners, prepositions, modals, ...). The words are lexicon data (the
// "words" section of lexicons/words.json); ClassifyTokens marks each token
// with the classes of its word, so a test here costs a bit test.
#pragma once

#include <cstdint>

#include "extract/text.h"

namespace stancegraph::importers::extract {

// Token::grammar bits, fixed whatever order the lexicon lists its classes in.
enum GrammarBit : uint16_t {
  kDeterminer = 1u << 0,     // the, a, his, their, this, ...
  kPreposition = 1u << 1,    // of, in, on, to, ...
  kModal = 1u << 2,          // will, would, could, may, ...
  kBe = 1u << 3,             // is, was, were, be, been, ...
  kAux = 1u << 4,            // auxiliaries, negations and adverbs before a verb
  kObjectPronoun = 1u << 5,  // him, her, them, us, me, reporters
  kSubordinator = 1u << 6,   // if, when, because, which, ...
  kCoordinator = 1u << 7,    // and, but, or, yet, while, whereas
  kStopWord = 1u << 8,       // left out of free-text proposition keys
  kTimeWord = 1u << 9,       // "Friday", "last week"
  kAdverbial = 1u << 10,     // may sit between a cue and its content
  kGenericNoun = 1u << 11,   // "thing", "issue", "way": too general to key on
};

// The lexicon's class name of each bit, in bit order.
inline constexpr const char* kGrammarClasses[] = {
    "determiner", "preposition", "modal", "be", "aux", "object_pronoun",
    "subordinator", "coordinator", "stop", "time", "adverbial", "generic"};

inline bool IsDeterminer(const Token& t) { return (t.grammar & kDeterminer) != 0; }
inline bool IsPreposition(const Token& t) { return (t.grammar & kPreposition) != 0; }
inline bool IsModal(const Token& t) { return (t.grammar & kModal) != 0; }
inline bool IsBe(const Token& t) { return (t.grammar & kBe) != 0; }
inline bool IsObjectPronoun(const Token& t) { return (t.grammar & kObjectPronoun) != 0; }
inline bool IsSubordinator(const Token& t) { return (t.grammar & kSubordinator) != 0; }
inline bool IsCoordinator(const Token& t) {
  return (t.grammar & kCoordinator) != 0 || t.lower == ";";
}
inline bool IsStopWord(const Token& t) { return (t.grammar & kStopWord) != 0; }
inline bool IsTimeWord(const Token& t) { return (t.grammar & kTimeWord) != 0; }
inline bool IsGenericNoun(const Token& t) { return (t.grammar & kGenericNoun) != 0; }
// Auxiliaries, modals, negations and adverbs that sit between a subject and
// its verb ("has also repeatedly said"): the class, or a word in -ly.
bool IsAuxOrAdverb(const Token& t);

}  // namespace stancegraph::importers::extract
