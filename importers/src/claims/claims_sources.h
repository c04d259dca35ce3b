// Sources of pre-extracted claims. Private to importers.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "stancegraph/importers/source.h"

namespace stancegraph::importers {

// One JSON object per line in the form `stancegraph export claims` prints.
// Consecutive lines of one document become one DocumentClaims.
std::unique_ptr<DocumentSource> MakeClaimsJsonlSource(std::istream& in, std::string name,
                                                      const SourceOptions& options,
                                                      ErrorSink errors);

// The CSV of peers/gen.py: claim_id,holder,proposition_id,polarity,ts,doc_id
// (columns in any order, header required). Consecutive rows with one doc_id
// become one document; holders and propositions are named by their values.
std::unique_ptr<DocumentSource> MakeClaimsCsvSource(std::istream& in, std::string name,
                                                    const SourceOptions& options,
                                                    ErrorSink errors);

}  // namespace stancegraph::importers
