// Stage 5: stance. From an attribution's cue and content: the polarity (cue
// polarity, a negated cue, negation in the content's main clause, evaluative
// predicates such as "would be unacceptable"), hedges ("may", "could", "a 25%
// chance") and conditions ("if ...", "in the event that ..."). The part of
// the content that states the proposition is returned with the negations to
// drop, so the proposition is always stated positively.
#pragma once

#include <cstdint>
#include <vector>

#include "attribution.h"
#include "text.h"
#include "stancegraph/importers/lexicon.h"

namespace stancegraph::importers::extract {

struct Stance {
  // +1, -1, 0: the cue's polarity, a negated cue and evaluative predicates.
  // Negations inside the proposition are in `negated`: the frame parser
  // reads them itself, and the fallback applies `negated`.
  int polarity = 1;
  bool negated = false;  // an odd number of negations inside the proposition
  bool hedged = false;
  bool conditional = false;
  uint32_t condition_first = 0, condition_last = 0;  // tokens of the condition
  uint32_t prop_first = 0, prop_last = 0;            // tokens stating the proposition
  std::vector<uint32_t> dropped;                     // negation tokens inside it
  int kind_polarity = 1;                             // the cue's own polarity
};

Stance AnalyzeStance(const std::vector<Token>& tokens, const Attribution& a,
                     const Lexicon& lexicon);

}  // namespace stancegraph::importers::extract
