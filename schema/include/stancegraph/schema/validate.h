// Validation that names what is wrong, so importers can report it with the
// file and line it came from.
#pragma once

#include "absl/status/status.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::schema {

// InvalidArgument naming the field when: an id is 0 or does not match the
// content it derives from (entity name, proposition key, claim triple),
// polarity is outside {-1, 0, +1}, a span is inverted or (when the document
// has text) runs past its end, confidence is outside [0, 1], a name or
// proposition text is empty, or conditional is set without being a bool...
absl::Status ValidateEntity(const Entity& e);
absl::Status ValidateProposition(const Proposition& p);
absl::Status ValidateClaim(const Claim& c);
absl::Status ValidateMention(const Mention& m, const Document& doc);

// Checks every part and that each mention references a claim of the set and
// the document, and each claim an entity and proposition of the set.
absl::Status ValidateDocumentClaims(const DocumentClaims& d);

}  // namespace stancegraph::schema
