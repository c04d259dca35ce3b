// What `query claims` says about a claim whose proposition is linked to
// another wording (query/proposition_links.h): the representative it counts
// on, whether it says the same or the opposite, and why.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "stancegraph/query/evidence.h"
#include "stancegraph/query/proposition_links.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::cli {

struct ShownLink {
  schema::PropositionId proposition = 0;  // the representative
  std::string text;
  int sign = 1;  // -1: a claim here counts with the opposite polarity there
  std::string reason;
};

// The link of `p`, or nullopt when `p` is read as stated.
std::optional<ShownLink> LinkOf(const query::PropositionLinks& links, schema::PropositionId p,
                                query::RecordCache& records);

// {"proposition": id, "text": ..., "sign": 1|-1, "reason": ...}
nlohmann::json LinkToJson(const ShownLink& link);

// The CSV columns linked_to, link_sign, link_reason; empty when unlinked.
inline constexpr const char* kLinkCsvHeader[] = {"linked_to", "link_sign", "link_reason"};
std::vector<std::string> LinkCsvFields(const std::optional<ShownLink>& link);

// The line printed under a linked claim in the table:
//   counts on "<text>" (<id>), same|opposite: <reason>
std::string LinkNote(const ShownLink& link);

}  // namespace stancegraph::cli
