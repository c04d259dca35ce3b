// Builds small documents with claims for tests:
//   ClaimsBuilder("memo-1", "2024-01-02").Claim("Finland", +1, "Finland joins Nato").Build()
#pragma once

#include <string>

#include "absl/container/flat_hash_set.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/time.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::testing {

class ClaimsBuilder {
 public:
  ClaimsBuilder(std::string source, const std::string& published) {
    d_.document.source = std::move(source);
    d_.document.title = d_.document.source;
    d_.document.published = published.empty() ? schema::kNoTime : *schema::ParseTime(published);
    d_.document.id = schema::MakeDocumentId(d_.document.source);
  }

  // Adds a mention of (holder, polarity, proposition), made at `made`
  // (default: the document's published time).
  ClaimsBuilder& Claim(const std::string& holder, int polarity, const std::string& proposition,
                       const std::string& made = "") {
    schema::EntityId h = schema::MakeEntityId(holder);
    std::string key = schema::NormalizeKey(proposition);
    schema::PropositionId p = schema::MakePropositionId(key);
    if (entities_.insert(h).second) d_.entities.push_back({.id = h, .name = holder});
    if (props_.insert(p).second) {
      d_.propositions.push_back({.id = p, .text = proposition, .key = key});
    }
    auto pol = static_cast<int8_t>(polarity);
    schema::ClaimId c = schema::MakeClaimId(h, p, pol);
    if (claims_.insert(c).second) {
      d_.claims.push_back({.id = c, .holder = h, .proposition = p, .polarity = pol});
    }
    d_.mentions.push_back(
        {.claim = c,
         .document = d_.document.id,
         .ordinal = static_cast<uint32_t>(d_.mentions.size()),
         .predicate = polarity > 0 ? "supports" : "rejects",
         .extractor = "test",
         .made = made.empty() ? d_.document.published : *schema::ParseTime(made)});
    return *this;
  }

  schema::DocumentClaims Build() const { return d_; }

 private:
  schema::DocumentClaims d_;
  absl::flat_hash_set<uint64_t> entities_, props_, claims_;
};

}  // namespace stancegraph::testing
