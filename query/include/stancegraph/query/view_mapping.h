// How a view reads stored claims: each holder as the entity that speaks for
// it at a level (levels.h), and each proposition as its representative. The
// builders of views (ClaimSet::Build, the reversal timelines, the report's
// claim views) take one; the default reads everything as stored.
//
// The proposition mapping is a hook: it is the identity today, and is where
// links between paraphrased propositions plug in, the same way the holder
// levels do.
#pragma once

#include <functional>

#include "absl/status/statusor.h"
#include "stancegraph/query/levels.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

struct ViewMapping {
  // Holders read at this level. Default: kPerson, as named (nothing is read).
  Level level = Level::kPerson;
  // Required when level != kPerson; must outlive the builders using it.
  LevelResolver* resolver = nullptr;
  // Proposition -> its representative. Default: empty = as stated.
  std::function<schema::PropositionId(schema::PropositionId)> propositions;

  bool MapsHolders() const { return level != Level::kPerson; }
  bool MapsPropositions() const { return static_cast<bool>(propositions); }
  bool IsIdentity() const { return !MapsHolders() && !MapsPropositions(); }

  // The side of `holder` for a claim made at `made`.
  // REQUIRES: resolver != nullptr when MapsHolders().
  absl::StatusOr<schema::EntityId> Holder(schema::EntityId holder, schema::Timestamp made) const {
    if (!MapsHolders()) return holder;
    return resolver->SideOf(holder, made, level);
  }
  schema::PropositionId Proposition(schema::PropositionId prop) const {
    return propositions ? propositions(prop) : prop;
  }
};

}  // namespace stancegraph::query
