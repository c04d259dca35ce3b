#include "stancegraph/query/network.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "stancegraph/query/evidence.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::query {
namespace {

struct EdgeAccum {
  uint32_t shared = 0;  // propositions both take a side on
  uint32_t agree = 0;
  uint32_t conflict = 0;
  schema::Timestamp first_made = schema::kNoTime;
  schema::Timestamp last_made = schema::kNoTime;
};

void Widen(schema::Timestamp& first, schema::Timestamp& last, schema::Timestamp f,
           schema::Timestamp l) {
  if (f != schema::kNoTime && (first == schema::kNoTime || f < first)) first = f;
  if (l != schema::kNoTime && (last == schema::kNoTime || l > last)) last = l;
}

// One holder's presence on one proposition.
struct Presence {
  uint32_t node = 0;
  bool for_side = false;
  bool against_side = false;
  schema::Timestamp first_made = schema::kNoTime;
  schema::Timestamp last_made = schema::kNoTime;
};

double Normalise(double w, Normalisation n, uint32_t pa, uint32_t pb, uint32_t shared) {
  switch (n) {
    case Normalisation::kNone:
      return w;
    case Normalisation::kJaccard: {
      const double uni = static_cast<double>(pa) + pb - shared;
      return uni > 0 ? w / uni : 0;
    }
    case Normalisation::kCosine: {
      const double d = std::sqrt(static_cast<double>(pa) * pb);
      return d > 0 ? w / d : 0;
    }
  }
  return w;
}

}  // namespace

int64_t HolderNetwork::IndexOf(schema::EntityId holder) const {
  auto it = std::lower_bound(nodes.begin(), nodes.end(), holder,
                             [](const HolderNode& n, schema::EntityId h) { return n.id < h; });
  return it != nodes.end() && it->id == holder ? it - nodes.begin() : -1;
}

absl::StatusOr<HolderNetwork> ProjectHolders(const ClaimSet& claims,
                                             const NetworkOptions& options) {
  HolderNetwork net{.kind = options.kind,
                    .normalisation = options.normalisation,
                    .window_from = options.filter.made_from,
                    .window_to = options.filter.made_to};
  std::vector<schema::EntityId> ids;
  for (const ClaimStat& c : claims.claims()) {
    if (c.polarity != 0) ids.push_back(c.holder);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (schema::EntityId id : ids) net.nodes.push_back({.id = id});
  auto node_of = [&](schema::EntityId h) {
    return static_cast<uint32_t>(std::lower_bound(ids.begin(), ids.end(), h) - ids.begin());
  };

  // Presence lists per proposition, and the cost check before any pair.
  std::vector<std::vector<Presence>> groups;
  uint64_t visits = 0;
  for (const PropositionClaims& g : claims.ByProposition()) {
    std::unordered_map<uint32_t, Presence> present;
    for (const ClaimStat& c : g.claims) {
      if (c.polarity == 0) continue;
      Presence& p = present[node_of(c.holder)];
      p.node = node_of(c.holder);
      (c.polarity > 0 ? p.for_side : p.against_side) = true;
      Widen(p.first_made, p.last_made, c.first_made, c.last_made);
    }
    if (present.empty()) continue;
    std::vector<Presence> list;
    for (auto& [node, p] : present) list.push_back(p);
    std::sort(list.begin(), list.end(),
              [](const Presence& x, const Presence& y) { return x.node < y.node; });
    for (const Presence& p : list) net.nodes[p.node].propositions += 1;
    visits += static_cast<uint64_t>(list.size()) * (list.size() - 1) / 2;
    groups.push_back(std::move(list));
  }
  if (visits > options.max_pair_visits) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the holder projection would visit ", visits,
                     " holder pairs (limit ", options.max_pair_visits,
                     "); narrow the view with a time window, concept or holder filter"));
  }

  std::unordered_map<uint64_t, EdgeAccum> acc;
  for (const std::vector<Presence>& list : groups) {
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        const Presence& x = list[i];
        const Presence& y = list[j];
        EdgeAccum& e = acc[(static_cast<uint64_t>(x.node) << 32) | y.node];
        e.shared += 1;
        e.agree += (x.for_side && y.for_side) || (x.against_side && y.against_side);
        e.conflict += (x.for_side && y.against_side) || (x.against_side && y.for_side);
        Widen(e.first_made, e.last_made, x.first_made, x.last_made);
        Widen(e.first_made, e.last_made, y.first_made, y.last_made);
      }
    }
  }

  std::vector<bool> linked(net.nodes.size(), false);
  for (const auto& [key, e] : acc) {
    const uint32_t a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key);
    uint32_t count = 0;
    double w = 0;
    switch (options.kind) {
      case NetworkKind::kAgreement:
        count = e.agree;
        w = e.agree;
        break;
      case NetworkKind::kConflict:
        count = e.conflict;
        w = e.conflict;
        break;
      case NetworkKind::kSigned:
        count = e.agree + e.conflict;
        w = static_cast<double>(e.agree) - e.conflict;
        break;
    }
    if (count == 0 || count < options.min_count) continue;
    net.edges.push_back({.a = a,
                         .b = b,
                         .agree = e.agree,
                         .conflict = e.conflict,
                         .weight = Normalise(w, options.normalisation, net.nodes[a].propositions,
                                             net.nodes[b].propositions, e.shared),
                         .first_made = e.first_made,
                         .last_made = e.last_made});
    linked[a] = linked[b] = true;
  }
  std::sort(net.edges.begin(), net.edges.end(), [](const HolderEdge& x, const HolderEdge& y) {
    return std::pair(x.a, x.b) < std::pair(y.a, y.b);
  });

  if (!options.keep_isolated) {
    std::vector<uint32_t> renumber(net.nodes.size());
    std::vector<HolderNode> kept;
    for (uint32_t i = 0; i < net.nodes.size(); ++i) {
      if (!linked[i]) continue;
      renumber[i] = static_cast<uint32_t>(kept.size());
      kept.push_back(net.nodes[i]);
    }
    for (HolderEdge& e : net.edges) {
      e.a = renumber[e.a];
      e.b = renumber[e.b];
    }
    net.nodes = std::move(kept);
  }
  return net;
}

ClaimSet MergeConcepts(const ClaimSet& claims, RecordCache& records) {
  // Each proposition with a concept stands for the concept: a key that
  // cannot collide with a proposition's own (those hash normalised text).
  std::vector<ClaimStat> merged = claims.claims();
  for (ClaimStat& c : merged) {
    const std::string& concept_name = records.Proposition(c.proposition).concept_name;
    if (concept_name.empty()) continue;
    if (c.stated == 0) c.stated = c.proposition;
    c.proposition = schema::StableHash64("concept\n" + concept_name);
  }
  return ClaimSet::FromClaims(std::move(merged));
}

absl::StatusOr<HolderNetwork> BuildHolderNetwork(engine::Database& db,
                                                 const NetworkOptions& options) {
  LevelResolver levels(db, options.filter.snapshot);
  PropositionLinks links;
  if (options.link_paraphrases) {
    SG_ASSIGN_OR_RETURN(links, PropositionLinks::Build(db, {.snapshot = options.filter.snapshot}));
  }
  const ViewMapping mapping{.level = options.level, .resolver = &levels, .links = &links};
  SG_ASSIGN_OR_RETURN(ClaimSet claims,
                      ClaimSet::Build(db, options.filter, options.edge_times, mapping));
  RecordCache records(db, options.filter.snapshot);
  if (options.merge_concepts) claims = MergeConcepts(claims, records);
  SG_ASSIGN_OR_RETURN(HolderNetwork net, ProjectHolders(claims, options));
  if (options.load_names) {
    for (HolderNode& n : net.nodes) {
      const schema::Entity& e = records.Holder(n.id);
      n.name = e.name;
      n.type = e.type;
    }
  }
  return net;
}

absl::StatusOr<BipartiteNetwork> BuildBipartite(engine::Database& db, const Filter& filter,
                                                bool load_names, Level level) {
  LevelResolver levels(db, filter.snapshot);
  SG_ASSIGN_OR_RETURN(ClaimSet claims, ClaimSet::Build(db, filter, /*mention_stats=*/true,
                                                       {.level = level, .resolver = &levels}));
  BipartiteNetwork net{.window_from = filter.made_from, .window_to = filter.made_to};
  std::vector<schema::EntityId> holders;
  std::vector<schema::PropositionId> props;
  for (const ClaimStat& c : claims.claims()) {
    holders.push_back(c.holder);
    props.push_back(c.proposition);
  }
  for (auto* v : {&holders, &props}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  RecordCache records(db, filter.snapshot);
  for (schema::EntityId h : holders) {
    HolderNode n{.id = h};
    if (load_names) {
      const schema::Entity& e = records.Holder(h);
      n.name = e.name;
      n.type = e.type;
    }
    net.holders.push_back(std::move(n));
  }
  for (schema::PropositionId p : props) {
    BipartiteNetwork::PropositionNode n{.id = p};
    if (load_names) {
      const schema::Proposition& rec = records.Proposition(p);
      n.text = rec.text;
      n.concept_name = rec.concept_name;
    }
    net.propositions.push_back(std::move(n));
  }
  for (const ClaimStat& c : claims.claims()) {
    const auto h = std::lower_bound(holders.begin(), holders.end(), c.holder) - holders.begin();
    const auto p = std::lower_bound(props.begin(), props.end(), c.proposition) - props.begin();
    net.edges.push_back({.holder = static_cast<uint32_t>(h),
                         .proposition = static_cast<uint32_t>(p),
                         .polarity = c.polarity,
                         .mentions = c.mentions,
                         .first_made = c.first_made,
                         .last_made = c.last_made});
  }
  std::sort(net.edges.begin(), net.edges.end(), [](const auto& x, const auto& y) {
    return std::tie(x.holder, x.proposition, x.polarity) <
           std::tie(y.holder, y.proposition, y.polarity);
  });
  // At a level several speakers' claims make one edge.
  size_t kept = 0;
  for (size_t i = 0; i < net.edges.size(); ++i) {
    auto& e = net.edges[i];
    if (kept > 0) {
      auto& last = net.edges[kept - 1];
      if (last.holder == e.holder && last.proposition == e.proposition &&
          last.polarity == e.polarity) {
        last.mentions += e.mentions;
        Widen(last.first_made, last.last_made, e.first_made, e.last_made);
        continue;
      }
    }
    net.edges[kept++] = e;
  }
  net.edges.resize(kept);
  for (size_t i = 0; i < net.edges.size(); ++i) {
    const auto& e = net.edges[i];
    if (i == 0 || e.holder != net.edges[i - 1].holder ||
        e.proposition != net.edges[i - 1].proposition) {
      net.holders[e.holder].propositions += 1;
    }
  }
  return net;
}

}  // namespace stancegraph::query
