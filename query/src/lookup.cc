#include "stancegraph/query/lookup.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "stancegraph/schema/entity_type.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/time.h"

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

namespace {

absl::StatusOr<FlagFilter> ParseFlagFilter(const std::string& name, const std::string& value) {
  if (value == "include" || value.empty()) return FlagFilter::kInclude;
  if (value == "exclude") return FlagFilter::kExclude;
  if (value == "only") return FlagFilter::kOnly;
  return absl::InvalidArgumentError(
      absl::StrCat(name, " must be include, exclude or only, not \"", value, "\""));
}

}  // namespace

absl::StatusOr<Filter> ResolveFilter(engine::Database& db, const FilterSpec& spec) {
  Filter f;
  if (!spec.from.empty()) {
    SG_ASSIGN_OR_RETURN(f.made_from, schema::ParseTime(spec.from));
  }
  if (!spec.to.empty()) {
    SG_ASSIGN_OR_RETURN(f.made_to, schema::ParseTime(spec.to));
  }
  f.concept_name = spec.concept_name;
  for (const std::string& h : spec.holders) {
    SG_ASSIGN_OR_RETURN(schema::EntityId id, ResolveHolder(db, h));
    f.holders.push_back(id);
  }
  for (const std::string& p : spec.propositions) {
    SG_ASSIGN_OR_RETURN(schema::PropositionId id, ResolveProposition(db, p));
    f.propositions.push_back(id);
  }
  for (const std::string& t : spec.types) {
    std::optional<schema::EntityType> type = schema::ParseEntityType(t);
    if (!type) return absl::InvalidArgumentError(absl::StrCat("unknown entity type \"", t, "\""));
    f.holder_types.push_back(*type);
  }
  f.outlet = spec.outlet;
  if (spec.min_confidence < 0 || spec.min_confidence > 1) {
    return absl::InvalidArgumentError("the minimum confidence must be within [0, 1]");
  }
  f.min_confidence = spec.min_confidence;
  SG_ASSIGN_OR_RETURN(f.hedged, ParseFlagFilter("--hedged", spec.hedged));
  SG_ASSIGN_OR_RETURN(f.conditional, ParseFlagFilter("--conditional", spec.conditional));
  return f;
}

}  // namespace stancegraph::query
