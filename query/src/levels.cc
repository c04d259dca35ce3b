#include "stancegraph/query/levels.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/container/node_hash_map.h"
#include "absl/strings/ascii.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::query {
namespace {

// Government bodies nest (a department of a ministry of a government): how
// far up `parent` is followed looking for the country.
constexpr int kMaxParentHops = 8;

// What a role contributes: while valid, the holder's organisation and state
// (0 = the holder itself).
struct RoleSide {
  schema::Timestamp from = schema::kNoTime;
  schema::Timestamp to = schema::kNoTime;
  schema::EntityId organisation = 0;
  schema::EntityId state = 0;

  bool ValidAt(schema::Timestamp t) const {
    if (t == schema::kNoTime) return to == schema::kNoTime;
    return (from == schema::kNoTime || from <= t) && (to == schema::kNoTime || t < to);
  }
};

// What was worked out for one holder, once.
struct Plan {
  // Without a valid role.
  schema::EntityId organisation = 0;
  schema::EntityId state = 0;
  std::vector<RoleSide> roles;  // roles with a target, in the entity's order
};

// The part of an entity record the levels need.
struct Known {
  bool found = false;
  schema::EntityType type = schema::EntityType::kUnknown;
  schema::EntityId parent = 0;
  std::vector<schema::Role> roles;
};

}  // namespace

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kPerson:
      return "person";
    case Level::kOrganisation:
      return "organisation";
    case Level::kState:
      return "state";
  }
  return "person";
}

std::optional<Level> ParseLevel(std::string_view name) {
  const std::string n = absl::AsciiStrToLower(std::string(name));
  if (n == "person") return Level::kPerson;
  if (n == "organisation" || n == "organization") return Level::kOrganisation;
  if (n == "state") return Level::kState;
  return std::nullopt;
}

const std::vector<schema::EntityId>& LevelMembers::MembersOf(schema::EntityId side) const {
  static const std::vector<schema::EntityId> kNone;
  auto it = std::lower_bound(groups.begin(), groups.end(), side,
                             [](const Group& g, schema::EntityId s) { return g.side < s; });
  return it != groups.end() && it->side == side ? it->members : kNone;
}

bool LevelMembers::IsInvolved(schema::EntityId holder) const {
  return std::binary_search(involved.begin(), involved.end(), holder);
}

struct LevelResolver::State {
  engine::Database& db;
  engine::ReadOptions ro;
  // Node maps: pointers handed out stay valid as they grow.
  absl::node_hash_map<schema::EntityId, Known> known;
  absl::node_hash_map<schema::EntityId, Plan> plans;
  bool all_read = false;
  std::map<Level, LevelMembers> members;

  absl::StatusOr<const Known*> Lookup(schema::EntityId id) {
    auto found = known.find(id);
    if (found != known.end()) return &found->second;
    Known k;
    if (!all_read) {
      absl::StatusOr<schema::Entity> e = db.GetEntity(id, ro);
      if (e.ok()) {
        k = {.found = true, .type = e->type, .parent = e->parent, .roles = std::move(e->roles)};
      } else if (!absl::IsNotFound(e.status())) {
        return e.status();
      }
    }
    return &known.emplace(id, std::move(k)).first->second;
  }

  // The country a government body belongs to, a country itself, else 0.
  absl::StatusOr<schema::EntityId> CountryOf(schema::EntityId id) {
    for (int hop = 0; hop <= kMaxParentHops && id != 0; ++hop) {
      SG_ASSIGN_OR_RETURN(const Known* k, Lookup(id));
      if (k->type == schema::EntityType::kCountry) return id;
      if (k->type != schema::EntityType::kGovernment) return 0;
      id = k->parent;
    }
    return 0;
  }

  absl::StatusOr<const Plan*> PlanOf(schema::EntityId holder) {
    auto found = plans.find(holder);
    if (found != plans.end()) return &found->second;
    SG_ASSIGN_OR_RETURN(const Known* k, Lookup(holder));
    const std::vector<schema::Role>& roles = k->roles;
    const schema::EntityType type = k->type;
    Plan plan{.organisation = holder, .state = holder};
    if (type == schema::EntityType::kGovernment) {
      SG_ASSIGN_OR_RETURN(schema::EntityId country, CountryOf(holder));
      if (country != 0) plan.state = country;
    }
    for (const schema::Role& r : roles) {
      if (r.of == 0 || r.of == holder) continue;
      SG_ASSIGN_OR_RETURN(const Known* target, Lookup(r.of));
      const bool is_country = target->type == schema::EntityType::kCountry;
      SG_ASSIGN_OR_RETURN(schema::EntityId country, CountryOf(r.of));
      plan.roles.push_back(
          {.from = r.from, .to = r.to, .organisation = is_country ? 0 : r.of, .state = country});
    }
    return &plans.emplace(holder, std::move(plan)).first->second;
  }

  // Reads every entity once, so that Lookup needs no point reads after it.
  absl::Status ReadAll() {
    if (all_read) return absl::OkStatus();
    auto it = db.Entities(ro);
    for (; it->Valid(); it->Next()) {
      const schema::Entity& e = it->value();
      known.insert_or_assign(
          e.id, Known{.found = true, .type = e.type, .parent = e.parent, .roles = e.roles});
    }
    SG_RETURN_IF_ERROR(it->status());
    all_read = true;
    return absl::OkStatus();
  }

  absl::Status BuildMembers(Level level, LevelMembers& out) {
    SG_RETURN_IF_ERROR(ReadAll());
    std::vector<schema::EntityId> ids;
    ids.reserve(known.size());
    for (const auto& [id, k] : known) {
      if (k.found) ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    std::map<schema::EntityId, std::vector<schema::EntityId>> by_side;
    for (schema::EntityId id : ids) {
      SG_ASSIGN_OR_RETURN(const Plan* plan, PlanOf(id));
      auto add = [&](schema::EntityId side) {
        if (side != 0 && side != id) by_side[side].push_back(id);
      };
      if (level == Level::kOrganisation) {
        add(plan->organisation);
        for (const RoleSide& r : plan->roles) add(r.organisation);
      } else {
        add(plan->state);
        for (const RoleSide& r : plan->roles) add(r.state);
      }
    }
    for (auto& [side, members] : by_side) {
      std::sort(members.begin(), members.end());
      members.erase(std::unique(members.begin(), members.end()), members.end());
      out.involved.push_back(side);
      out.involved.insert(out.involved.end(), members.begin(), members.end());
      out.groups.push_back({.side = side, .members = std::move(members)});
    }
    std::sort(out.involved.begin(), out.involved.end());
    out.involved.erase(std::unique(out.involved.begin(), out.involved.end()), out.involved.end());
    return absl::OkStatus();
  }
};

LevelResolver::LevelResolver(engine::Database& db, const engine::Snapshot* snapshot)
    : state_(new State{.db = db, .ro = {.snapshot = snapshot}}) {}

LevelResolver::~LevelResolver() = default;

absl::StatusOr<schema::EntityId> LevelResolver::SideOf(schema::EntityId holder,
                                                       schema::Timestamp made, Level level) {
  if (level == Level::kPerson) return holder;
  SG_ASSIGN_OR_RETURN(const Plan* plan, state_->PlanOf(holder));
  // At the organisation level a government body (a role that also gives a
  // state) comes before a party; at the state level only a state counts.
  const RoleSide* chosen = nullptr;
  for (const RoleSide& r : plan->roles) {
    if (!r.ValidAt(made)) continue;
    if (level == Level::kState) {
      if (r.state == 0) continue;
      chosen = &r;
      break;
    }
    if (r.organisation == 0) continue;
    if (r.state != 0) {
      chosen = &r;
      break;
    }
    if (chosen == nullptr) chosen = &r;
  }
  if (chosen == nullptr) {
    return level == Level::kOrganisation ? plan->organisation : plan->state;
  }
  return level == Level::kOrganisation ? chosen->organisation : chosen->state;
}

absl::StatusOr<const LevelMembers*> LevelResolver::Members(Level level) {
  auto found = state_->members.find(level);
  if (found != state_->members.end()) return &found->second;
  LevelMembers m;
  if (level != Level::kPerson) SG_RETURN_IF_ERROR(state_->BuildMembers(level, m));
  return &state_->members.emplace(level, std::move(m)).first->second;
}

absl::StatusOr<std::vector<schema::EntityId>> LevelResolver::SpeakersFor(
    std::span<const schema::EntityId> sides, Level level) {
  std::vector<schema::EntityId> out(sides.begin(), sides.end());
  SG_ASSIGN_OR_RETURN(const LevelMembers* members, Members(level));
  for (schema::EntityId side : sides) {
    const std::vector<schema::EntityId>& m = members->MembersOf(side);
    out.insert(out.end(), m.begin(), m.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace stancegraph::query
