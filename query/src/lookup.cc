#include "stancegraph/query/lookup.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::query {

absl::StatusOr<schema::EntityId> ResolveHolder(engine::Database& db, std::string_view text,
                                               const engine::ReadOptions& ro) {
  if (std::optional<uint64_t> id = schema::ParseId(text)) {
    if (db.GetEntity(*id, ro).ok()) return *id;
  }
  absl::StatusOr<schema::Entity> e = db.FindEntity(text, ro);
  if (e.ok()) return e->id;
  if (absl::IsNotFound(e.status())) {
    return absl::NotFoundError(absl::StrCat("no holder named \"", absl::string_view(text.data(), text.size()), "\""));
  }
  return e.status();
}

absl::StatusOr<schema::PropositionId> ResolveProposition(engine::Database& db,
                                                         std::string_view text,
                                                         const engine::ReadOptions& ro) {
  if (std::optional<uint64_t> id = schema::ParseId(text)) {
    if (db.GetProposition(*id, ro).ok()) return *id;
  }
  const absl::string_view wanted(text.data(), text.size());
  auto it = db.Propositions(ro);
  for (; it->Valid(); it->Next()) {
    const schema::Proposition& p = it->value();
    if (absl::EqualsIgnoreCase(p.text, wanted) || absl::EqualsIgnoreCase(p.key, wanted)) {
      return p.id;
    }
  }
  if (!it->status().ok()) return it->status();
  return absl::NotFoundError(absl::StrCat("no proposition \"", wanted, "\""));
}

}  // namespace stancegraph::query
