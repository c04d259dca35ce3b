// Stage 2: sentence segmentation over tokens, robust to news English:
// honorifics and titles ("Mr.", "Sen.", "Gov."), dotted abbreviations
// ("U.S."), initials ("George W. Bush"), quotes that close after the full
// stop, and paragraphs (blank lines).
#pragma once

#include <cstdint>
#include <vector>

#include "text.h"

namespace stancegraph::importers::extract {

struct Sentence {
  uint32_t first = 0;  // token indices [first, last)
  uint32_t last = 0;
  uint32_t paragraph = 0;       // paragraph index, from 0
  bool first_in_paragraph = false;
  bool starts_in_quote = false;  // a quotation opened earlier is still open
};

std::vector<Sentence> SplitSentences(const std::vector<Token>& tokens);

// True when `word` (lower case, without the full stop) is an abbreviation
// normally followed by a full stop that does not end a sentence.
bool IsNonFinalAbbreviation(const std::string& word);

}  // namespace stancegraph::importers::extract
