// Compact binary encoding for storage: varints and length-prefixed strings,
// one leading version byte per record. Part of the storage format
// (engine/FORMAT.md).
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::schema {

void EncodeDocument(const Document& d, std::string* out);
void EncodeEntity(const Entity& e, std::string* out);
void EncodeProposition(const Proposition& p, std::string* out);
void EncodeClaim(const Claim& c, std::string* out);
void EncodeMention(const Mention& m, std::string* out);

// DataLoss when the bytes are truncated or of an unknown record version.
absl::StatusOr<Document> DecodeDocument(std::string_view in);
absl::StatusOr<Entity> DecodeEntity(std::string_view in);
absl::StatusOr<Proposition> DecodeProposition(std::string_view in);
absl::StatusOr<Claim> DecodeClaim(std::string_view in);
absl::StatusOr<Mention> DecodeMention(std::string_view in);

}  // namespace stancegraph::schema
