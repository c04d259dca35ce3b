// How a view reads stored claims: each holder as the entity that speaks for
// it at a level (levels.h), and each proposition as its representative. The
// builders of views (ClaimSet::Build, the reversal timelines, the report's
// claim views) take one; the default reads everything as stored.
//
// Propositions are read through paraphrase links (proposition_links.h):
// a claim on a linked proposition counts on its group's representative, with
// its polarity flipped when the link says the proposition states the
// opposite ("a ban on X" against "X").
#pragma once

#include <utility>

#include "absl/status/statusor.h"
#include "stancegraph/query/levels.h"
#include "stancegraph/query/proposition_links.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

struct ViewMapping {
  // Holders read at this level. Default: kPerson, as named (nothing is read).
  Level level = Level::kPerson;
  // Required when level != kPerson; must outlive the builders using it.
  LevelResolver* resolver = nullptr;
  // Paraphrase links; must outlive the builders using it. Default: none =
  // every proposition as stated.
  const PropositionLinks* links = nullptr;

  bool MapsHolders() const { return level != Level::kPerson; }
  bool MapsPropositions() const { return links != nullptr && !links->empty(); }
  bool IsIdentity() const { return !MapsHolders() && !MapsPropositions(); }

  // The side of `holder` for a claim made at `made`.
  // REQUIRES: resolver != nullptr when MapsHolders().
  absl::StatusOr<schema::EntityId> Holder(schema::EntityId holder, schema::Timestamp made) const {
    if (!MapsHolders()) return holder;
    return resolver->SideOf(holder, made, level);
  }
  // Where a claim on `prop` counts, and the sign its polarity takes there.
  std::pair<schema::PropositionId, int8_t> Proposition(schema::PropositionId prop) const {
    return links != nullptr ? links->Resolve(prop) : std::pair{prop, int8_t{1}};
  }
};

}  // namespace stancegraph::query
