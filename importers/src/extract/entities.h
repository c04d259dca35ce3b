// Stage 3: entity recognition and linking. Finds names (lexicon aliases,
// capitals and metonyms, unknown proper names), titles ("the US president",
// "Defence Secretary John Healey"), demonym phrases ("Russian officials") and
// pronouns, and links each to a document entity. Pronouns are left for the
// attribution stage, which knows who has been speaking.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

// The entities one document refers to.
class DocEntities {
 public:
  explicit DocEntities(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // The document entity for lexicon entry `lexicon_index`.
  int FromLexicon(int lexicon_index);
  // An entity not in the lexicon, by canonical name (created on first use).
  int FromName(const std::string& name, schema::EntityType type, char gender);
  // An official named by office rather than name ("Israeli minister", "UN
  // rights expert"): a person entity named `name` with a role of
  // `organisation` (a document entity), so that at state level it speaks
  // for it.
  int Official(const std::string& name, const std::string& title, int organisation);
  // Registers `alias` (lower case, tokens joined by spaces) for `entity`
  // for the rest of the document ("Healey" after "John Healey").
  void AddAlias(const std::string& alias, int entity);
  // -1 when unknown.
  int FindAlias(const std::string& alias) const;

  // The state `entity` speaks for at time `t`: the country of a role it
  // holds then ("president" of Russia), itself for a country, else -1.
  int StateOf(int entity, schema::Timestamp t);

  const schema::Entity& entity(int i) const { return entities_[i]; }
  char gender(int i) const { return genders_[i]; }
  int size() const { return static_cast<int>(entities_.size()); }
  const std::vector<schema::Entity>& all() const { return entities_; }

 private:
  const Lexicon& lexicon_;
  std::vector<schema::Entity> entities_;
  std::vector<char> genders_;
  std::unordered_map<int, int> by_lexicon_;
  std::unordered_map<std::string, int> by_name_;
  std::unordered_map<std::string, int> aliases_;
  std::unordered_map<schema::EntityId, int> lexicon_by_id_;  // filled on first use
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
