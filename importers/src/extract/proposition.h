// Stage 6: the proposition a statement is about, stated positively:
// subject, relation, object, a readable text, the concept it belongs to (the
// concept lexicon groups paraphrases) and a key of normalised head words, so
// that paraphrases with the same head words share one proposition id.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities.h"
#include "stance.h"
#include "text.h"
#include "stancegraph/importers/lexicon.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::importers::extract {

struct PropositionInput {
  std::string_view text;  // normalised
  const std::vector<Token>* tokens;
  const std::vector<EntityRef>* refs;  // sorted by position
  const DocEntities* entities;
  const Lexicon* lexicon;
};

struct BuiltProposition {
  schema::Proposition proposition;  // id and key filled
  std::string object_text;          // the content as written, without the condition
  uint32_t first = 0, last = 0;     // tokens used
  bool reversed = false;            // states the concept's opposite: flip the polarity
};

BuiltProposition BuildProposition(const PropositionInput& in, const Stance& stance);

// The head-word stem used in keys: lower case, plural and tense endings cut.
std::string Stem(std::string_view word);

}  // namespace stancegraph::importers::extract
