// Holders at a level. Every holder has a side at three levels: as a person
// (the holder as named), as an organisation (the body its role belongs to)
// and as a state (the country it speaks for). Which entity speaks for a
// holder depends on when the claim was made, because roles are time-bounded:
// Donald Trump's statements of 2019 and of 2025 speak for the United States,
// those of 2022 only for himself.
//
//   LevelResolver levels(db);
//   SG_ASSIGN_OR_RETURN(schema::EntityId side,
//                       levels.SideOf(holder, mention.made, Level::kState));
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

enum class Level : uint8_t {
  // The holder itself, as named: a person, or a country, party or ministry
  // speaking as itself.
  kPerson,
  // For a person, the organisation, government body or party their role
  // belongs to when the claim was made (a role of a country makes no
  // organisation); any other holder is itself.
  kOrganisation,
  // For a person, the country of a role valid when the claim was made whose
  // `of` is that country or a government body of it; for a government body,
  // the country above it (through `parent`); a country is itself. Parties,
  // NGOs, companies, media, alliances and people without such a role (an
  // opposition politician; a person's `parent` alone is nationality) stay
  // themselves.
  kState,
};

// "person", "organisation", "state".
std::string_view LevelName(Level level);
// "person", "organisation" (or "organization"), "state"; nullopt otherwise.
std::optional<Level> ParseLevel(std::string_view name);

// The holders that speak for another entity at one level at some time,
// grouped by that entity.
struct LevelMembers {
  struct Group {
    schema::EntityId side = 0;
    std::vector<schema::EntityId> members;  // sorted; never `side` itself
  };
  std::vector<Group> groups;  // by side
  // Every member and every side, sorted: the holders whose view at this
  // level is not simply their own.
  std::vector<schema::EntityId> involved;

  // The members of `side`, or an empty list.
  const std::vector<schema::EntityId>& MembersOf(schema::EntityId side) const;
  bool IsInvolved(schema::EntityId holder) const;
};

// Maps (holder, time made) to the entity that speaks for it at a level,
// reading each entity record once and keeping what it worked out per holder.
// At kPerson nothing is read. Not thread-safe. `db` (and `snapshot`) must
// outlive it.
//
// A role is valid at time t when from <= t < to (a missing bound is open);
// for a claim without a made time, a role is valid when it has no end. When
// several roles are valid, the first that gives a side at the level wins (at
// the organisation level, a government body before a party). An entity
// absent from the store is treated as an organisation without a parent.
class LevelResolver {
 public:
  explicit LevelResolver(engine::Database& db, const engine::Snapshot* snapshot = nullptr);
  ~LevelResolver();
  LevelResolver(const LevelResolver&) = delete;
  LevelResolver& operator=(const LevelResolver&) = delete;

  // The entity that speaks for `holder` at `level` for a claim made at
  // `made` (kNoTime when unknown). Errors only when the store cannot be read.
  absl::StatusOr<schema::EntityId> SideOf(schema::EntityId holder, schema::Timestamp made,
                                          Level level);

  // Who speaks for whom at `level`, over all time. Reads every entity record
  // (once, on the first call for any level). Empty at kPerson.
  absl::StatusOr<const LevelMembers*> Members(Level level);

  // `sides` and every holder that may speak for one of them at `level`:
  // whose statements a view of those sides reads. Sorted, distinct.
  absl::StatusOr<std::vector<schema::EntityId>> SpeakersFor(std::span<const schema::EntityId> sides,
                                                            Level level);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace stancegraph::query
