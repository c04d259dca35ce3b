// Stable content-derived ids. The hash is part of the storage format: never
// change it without bumping engine::kFormatVersion.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "stancegraph/schema/types.h"

namespace stancegraph::schema {

// A 64-bit hash of `bytes` (MurmurHash64A, seed fixed). Never returns 0.
uint64_t StableHash64(std::string_view bytes);

// Lower-case, whitespace-collapsed form used to key names and propositions.
std::string NormalizeKey(std::string_view text);

DocumentId MakeDocumentId(std::string_view content);
EntityId MakeEntityId(std::string_view canonical_name);
PropositionId MakePropositionId(std::string_view normalized_key);
ClaimId MakeClaimId(EntityId holder, PropositionId proposition, int8_t polarity);

// 16 lower-case hex digits.
std::string FormatId(uint64_t id);
// Accepts exactly 16 hex digits (either case); nullopt otherwise.
std::optional<uint64_t> ParseId(std::string_view text);

}  // namespace stancegraph::schema
