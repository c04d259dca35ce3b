// Turning what a user typed into ids: a 16-hex-digit id, or a name / text.
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
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

}  // namespace stancegraph::query
