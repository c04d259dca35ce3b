#include "extract/doc_entities.h"

#include "stancegraph/schema/ids.h"

namespace stancegraph::importers::extract {

using schema::EntityType;

int DocEntities::FromLexicon(int lexicon_index) {
  if (const auto it = by_lexicon_.find(lexicon_index); it != by_lexicon_.end()) return it->second;
  const LexiconEntity& le = lexicon_.entities()[lexicon_index];
  if (const auto it = by_name_.find(le.entity.name); it != by_name_.end()) {
    by_lexicon_[lexicon_index] = it->second;
    return it->second;
  }
  const int i = size();
  entities_.push_back(le.entity);
  genders_.push_back(le.gender);
  by_lexicon_[lexicon_index] = i;
  by_name_[le.entity.name] = i;
  return i;
}

int DocEntities::FromName(const std::string& name, schema::EntityType type, char gender) {
  if (const auto it = by_name_.find(name); it != by_name_.end()) return it->second;
  const int i = size();
  schema::Entity e;
  e.name = name;
  e.type = type;
  e.id = schema::MakeEntityId(name);
  entities_.push_back(std::move(e));
  genders_.push_back(gender);
  by_name_[name] = i;
  return i;
}

int DocEntities::Official(const std::string& name, const std::string& title, int organisation) {
  const int i = FromName(name, EntityType::kPerson, 0);
  schema::Entity& e = entities_[i];
  const schema::EntityId of = entities_[organisation].id;
  if (e.roles.empty()) e.roles.push_back(schema::Role{.title = title, .of = of});
  if (e.parent == 0) e.parent = of;
  return i;
}

int DocEntities::StateOf(int entity, schema::Timestamp t) {
  const schema::Entity& e = entities_[entity];
  if (e.type == EntityType::kCountry) return entity;
  if (lexicon_by_id_.empty()) {
    for (int i = 0; i < static_cast<int>(lexicon_.entities().size()); ++i) {
      lexicon_by_id_[lexicon_.entities()[i].entity.id] = i;
    }
  }
  for (const schema::Role& r : e.roles) {
    if (r.of == 0) continue;
    if (t != schema::kNoTime && ((r.from != schema::kNoTime && t < r.from) ||
                                 (r.to != schema::kNoTime && t >= r.to))) {
      continue;
    }
    const auto it = lexicon_by_id_.find(r.of);
    if (it == lexicon_by_id_.end()) continue;
    const schema::Entity& of = lexicon_.entities()[it->second].entity;
    if (of.type == EntityType::kCountry) return FromLexicon(it->second);
    if (of.type == EntityType::kGovernment && of.parent != 0) {
      const auto p = lexicon_by_id_.find(of.parent);
      if (p != lexicon_by_id_.end()) return FromLexicon(p->second);
    }
  }
  return -1;
}

void DocEntities::AddAlias(const std::string& alias, int entity) { aliases_[alias] = entity; }

int DocEntities::FindAlias(const std::string& alias) const {
  const auto it = aliases_.find(alias);
  return it == aliases_.end() ? -1 : it->second;
}

}  // namespace stancegraph::importers::extract
