// Stage 3: entity recognition and linking. Finds names (lexicon aliases,
// capitals and metonyms, unknown proper names), titles ("the US president",
// "Defence Secretary John Healey"), demonym phrases ("Russian officials") and
// pronouns, and links each to a document entity. Pronouns are left for the
// attribution stage, which knows who has been speaking.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "doc_entities.h"
#include "sentences.h"
#include "text.h"
#include "stancegraph/importers/lexicon.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::importers::extract {

class Morphology;  // morphology.h

enum class RefKind : uint8_t { kName, kTitle, kDemonym, kPronoun };

// A reference to an entity over tokens [first, last).
struct EntityRef {
  uint32_t first = 0;
  uint32_t last = 0;
  int entity = -1;  // index into DocEntities; -1 for an unresolved pronoun
  RefKind kind = RefKind::kName;
  char gender = 0;      // pronouns: 'm', 'f', 'p' (they), 'n' (it)
};

// Fills Token::classes from the lexicon's word classes; TagEntities and the
// later stages read them.
// With a `morphology`, also sets Token::info. The morphology must outlive
// the tokens and not be cleared meanwhile.
void ClassifyTokens(const Lexicon& lexicon, std::vector<Token>* tokens,
                    Morphology* morphology = nullptr);

// Tags every sentence of a document (`text` is the normalised text the
// tokens index). `published` picks office holders by
// role dates ("the US president" in 2025). Returns refs sorted by position.
std::vector<EntityRef> TagEntities(std::string_view text, const std::vector<Token>& tokens,
                                   const std::vector<Sentence>& sentences, const Lexicon& lexicon,
                                   schema::Timestamp published, DocEntities* entities);

}  // namespace stancegraph::importers::extract
