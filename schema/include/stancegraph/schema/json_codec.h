// The JSON form of claims: exactly the export contract (docs/export-contract.md).
// One line of `stancegraph export claims` is one ClaimRecord: a mention joined
// with its claim, holder, proposition and document.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "nlohmann/json_fwd.hpp"
#include "stancegraph/schema/types.h"

namespace stancegraph::schema {

struct ClaimRecord {
  Document document;  // text is not part of the line
  Entity holder;
  Proposition proposition;
  Claim claim;
  Mention mention;
};

// One JSON object, no trailing newline.
std::string ClaimRecordToJson(const ClaimRecord& r);

// Parses one line. Ids may be absent (they are derived from content) or be
// ids in our 16-hex-digit form. InvalidArgument names the field at fault.
absl::StatusOr<ClaimRecord> ClaimRecordFromJson(std::string_view line);

nlohmann::json EntityToJson(const Entity& e);
nlohmann::json PropositionToJson(const Proposition& p);
nlohmann::json DocumentToJson(const Document& d, bool with_text);

}  // namespace stancegraph::schema
