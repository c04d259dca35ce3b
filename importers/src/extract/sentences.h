// Stage 2: sentence segmentation over tokens, robust to news English:
// honorifics and titles ("Mr.", "Sen.", "Gov."), dotted abbreviations
// ("U.S."), initials ("George W. Bush"), quotes that close after the full
// stop, and paragraphs (blank lines).
#pragma once

#include <cstddef>
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

// A "sentence" longer than `max_bytes` (a flattened list or table, a page
// without full stops) is cut into pieces of at most `max_bytes` bytes, at
// the last clause boundary (",", ";", ":", a dash) of its second half when
// there is one, else between tokens: the later stages look at a sentence as
// a whole, so their time grows faster than its length. A single token longer
// than `max_bytes` is a piece of its own. 0 = no limit.
std::vector<Sentence> SplitSentences(const std::vector<Token>& tokens, size_t max_bytes = 0);

// True when `word` (lower case, without the full stop) is an abbreviation
// normally followed by a full stop that does not end a sentence.
bool IsNonFinalAbbreviation(const std::string& word);

}  // namespace stancegraph::importers::extract
