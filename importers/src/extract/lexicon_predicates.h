// Private to the lexicon: parsing of the proposition layer's sections
// ("predicates", "operators", "light_verbs") of a lexicon file.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "nlohmann/json.hpp"
#include "stancegraph/importers/predicates.h"

namespace stancegraph::importers::internal {

// Adds the sections `doc` holds to `out`; with `replace`, a section given
// replaces what earlier files gave. Errors name `file` and the entry.
absl::Status AddPredicateSections(const nlohmann::json& doc, bool replace, const std::string& file,
                                  PredicateLexicon* out);

}  // namespace stancegraph::importers::internal
