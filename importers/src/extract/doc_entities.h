// The entities one document refers to, as the entity stage finds them:
// lexicon entries, unknown names, officials named by office, and the
// aliases the document introduces for them.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "stancegraph/importers/lexicon.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::importers::extract {

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

}  // namespace stancegraph::importers::extract
