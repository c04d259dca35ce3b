// Turning what a user typed into ids: a 16-hex-digit id, or a name / text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/query/filter.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

// An id in our 16-hex-digit form that names a stored entity, else the entity
// with this canonical name or alias (case-insensitive). NotFound names the
// input.
absl::StatusOr<schema::EntityId> ResolveHolder(engine::Database& db, std::string_view text,
                                               const engine::ReadOptions& ro = {});

// An id in our 16-hex-digit form that names a stored proposition, else the
// proposition whose text or key equals `text` (case-insensitive; scans the
// propositions). NotFound names the input.
absl::StatusOr<schema::PropositionId> ResolveProposition(engine::Database& db,
                                                         std::string_view text,
                                                         const engine::ReadOptions& ro = {});

// A Filter as a user types it (command-line flags, report settings).
struct FilterSpec {
  std::string from;  // a time ParseTime accepts; "" = no bound
  std::string to;
  std::string concept_name;
  std::vector<std::string> holders;       // ids or names
  std::vector<std::string> propositions;  // ids or texts
  std::vector<std::string> types;         // entity type names
  std::string outlet;
  float min_confidence = 0.0f;
  std::string hedged = "include";  // include | exclude | only
  std::string conditional = "include";
};

// Resolves names and parses times and flags. InvalidArgument / NotFound name
// the value at fault.
absl::StatusOr<Filter> ResolveFilter(engine::Database& db, const FilterSpec& spec);

}  // namespace stancegraph::query
