// Validation that names what is wrong, so importers can report it with the
// file and line it came from.
#pragma once

#include "absl/status/status.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::schema {

// Each returns InvalidArgument naming the field when: an id is missing, a
// claim id does not match its (holder, proposition, polarity), polarity is
// outside {-1, 0, +1}, a span is inverted or (when the document has text)
// runs past its end, confidence is outside [0, 1], or a name, proposition
// text or key is empty.
absl::Status ValidateEntity(const Entity& e);
absl::Status ValidateProposition(const Proposition& p);
absl::Status ValidateClaim(const Claim& c);
absl::Status ValidateMention(const Mention& m, const Document& doc);

// Checks every part and that each mention references a claim of the set and
// the document, and each claim an entity and proposition of the set.
absl::Status ValidateDocumentClaims(const DocumentClaims& d);

}  // namespace stancegraph::schema
