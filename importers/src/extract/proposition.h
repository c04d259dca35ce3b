// Stage 6b: propositions from frames. A proposition is the frame's predicate
// chain with its role-bound arguments, stated positively; its key is the
// chain and the arguments (entity ids by role, and terms), so paraphrases
// meet ("Ukraine's Nato bid", "Kyiv joining the alliance") and different
// arguments stay apart ("Georgia joins the EU" is not "Moldova joins the
// EU"). Coordinated arguments give one proposition each ("Georgia and
// Moldova EU bids"). Where no predicate was found, the key falls back to the
// content's lemmas and entities.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities.h"
#include "extract/frame.h"
#include "extract/morphology.h"
#include "extract/stance.h"
#include "extract/text.h"
#include "stancegraph/importers/lexicon.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::importers::extract {

struct PropositionInput {
  std::string_view text;  // normalised
  const std::vector<Token>* tokens;
  const std::vector<EntityRef>* refs;  // sorted by position
  const DocEntities* entities;
  const Lexicon* lexicon;
  Morphology* morphology;
};

struct BuiltProposition {
  schema::Proposition proposition;  // id and key filled
  std::string object_text;          // the content as written, without the condition
  uint32_t first = 0, last = 0;     // tokens used
  // For one conjunct of a coordination: the entity standing in it (so an
  // embedded claim of that entity takes this proposition); else -1.
  int conjunct = -1;
  int conjunct_group = -1;
};

// One proposition per conjunct (one when nothing is coordinated). `frame`
// may be empty: the fallback key from the stance's proposition tokens.
std::vector<BuiltProposition> BuildPropositions(const PropositionInput& in, const Stance& stance,
                                                const Frame& frame);

}  // namespace stancegraph::importers::extract
