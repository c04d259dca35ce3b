#include "stancegraph/schema/entity_type.h"

#include <string>

#include "absl/strings/ascii.h"

namespace stancegraph::schema {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganisation: return "organisation";
    case EntityType::kGovernment: return "government";
    case EntityType::kCountry: return "country";
    case EntityType::kAlliance: return "alliance";
    case EntityType::kGroup: return "group";
    case EntityType::kMedia: return "media";
    case EntityType::kPlace: return "place";
    case EntityType::kUnknown: break;
  }
  return "unknown";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  std::string n = absl::AsciiStrToLower(absl::string_view(name.data(), name.size()));
  if (n == "person") return EntityType::kPerson;
  if (n == "organisation" || n == "organization" || n == "org") return EntityType::kOrganisation;
  if (n == "government" || n == "gov") return EntityType::kGovernment;
  if (n == "country" || n == "state") return EntityType::kCountry;
  if (n == "alliance") return EntityType::kAlliance;
  if (n == "group") return EntityType::kGroup;
  if (n == "media") return EntityType::kMedia;
  if (n == "place" || n == "region" || n == "city") return EntityType::kPlace;
  if (n == "unknown" || n == "other" || n.empty()) return EntityType::kUnknown;
  return std::nullopt;
}

}  // namespace stancegraph::schema
