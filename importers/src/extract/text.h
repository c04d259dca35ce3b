// Stage 1 of the pipeline: normalisation (with a byte map back to the
// original text) and tokenisation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stancegraph/schema/types.h"

namespace stancegraph::importers::extract {

struct WordInfo;  // morphology.h

// The text with typographic variants folded to ASCII: curly quotes to ' and
// ", dashes to -, non-breaking and other Unicode spaces to ' ', the ellipsis
// to "...". `to_original[i]` is the byte offset in the original text of
// normalised byte i; it has text.size() + 1 entries (the last maps the end).
struct NormalizedText {
  std::string text;
  std::vector<uint32_t> to_original;

  // Maps a normalised [begin, end) to original bytes.
  schema::Span ToOriginal(uint32_t begin, uint32_t end) const {
    return schema::Span{to_original[begin], to_original[end]};
  }
};

// Never fails: invalid UTF-8 bytes are copied through unchanged.
NormalizedText Normalize(std::string_view original);

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kOpenQuote, kCloseQuote };

struct Token {
  uint32_t begin = 0;  // normalised byte offsets
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first character is an upper-case letter
  bool all_caps = false;     // two or more letters, all upper case
  uint8_t newlines_before = 0;  // line breaks between the previous token and this one (max 2)
  std::string lower;         // lower-cased text (ASCII folding only)
  uint32_t classes = 0;      // Lexicon::ClassBits(lower), filled by the extractor
  uint16_t grammar = 0;      // GrammarBit flags (word_sets.h), filled by the extractor
  uint8_t closed = 0xFF;     // the frame tagger's closed-class tag; 0xFF = not computed
  // Parts of speech and lemmas (Morphology::Info), filled by the extractor
  // for words; owned by the Morphology, which outlives the tokens.
  const WordInfo* info = nullptr;
};

// Splits normalised text into tokens. Words keep inner apostrophes, hyphens
// and dotted abbreviations ("U.S."); "n't" and "'s" become tokens of their
// own. Quote marks are classified open or close from their neighbours.
std::vector<Token> Tokenize(std::string_view text);

}  // namespace stancegraph::importers::extract
