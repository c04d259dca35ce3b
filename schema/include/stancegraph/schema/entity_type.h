#pragma once

#include <optional>
#include <string_view>

#include "stancegraph/schema/types.h"

namespace stancegraph::schema {

// "person", "organisation", "government", "country", "alliance", "group",
// "media", "unknown".
std::string_view EntityTypeName(EntityType type);
// Also accepts "organization", "org", "gov", "other" (as unknown). Case-insensitive.
std::optional<EntityType> ParseEntityType(std::string_view name);

}  // namespace stancegraph::schema
