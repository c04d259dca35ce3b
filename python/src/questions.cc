#include "questions.h"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "stancegraph/query/algorithms.h"
#include "stancegraph/query/changes.h"
#include "stancegraph/query/contradictions.h"
#include "stancegraph/query/json.h"
#include "stancegraph/query/levels.h"
#include "stancegraph/query/network.h"
#include "stancegraph/schema/entity_type.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::python {
namespace {

using nlohmann::json;

// nullopt for auto.
absl::StatusOr<std::optional<query::Level>> LevelOf(const std::string& level) {
  if (level == "auto" || level.empty()) return std::nullopt;
  if (std::optional<query::Level> l = query::ParseLevel(level)) return l;
  return absl::InvalidArgumentError(
      absl::StrCat("level \"", level, "\": expected person, organisation, state or auto"));
}

absl::StatusOr<query::Normalisation> NormalisationOf(const std::string& n) {
  if (n == "none" || n.empty()) return query::Normalisation::kNone;
  if (n == "jaccard") return query::Normalisation::kJaccard;
  if (n == "cosine") return query::Normalisation::kCosine;
  return absl::InvalidArgumentError(
      absl::StrCat("normalise \"", n, "\": expected none, jaccard or cosine"));
}

// The first mention sequence ingested at or after new_since; 0 = all.
absl::StatusOr<uint64_t> SinceSequence(engine::Database& db, const std::string& new_since,
                                       const engine::Snapshot* snapshot) {
  if (new_since.empty()) return 0;
  auto t = schema::ParseTime(new_since);
  if (!t.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("new_since: ", t.status().message()));
  }
  return db.SequenceAt(*t, {.snapshot = snapshot});
}

json TimeJson(schema::Timestamp t) {
  return t == schema::kNoTime ? json(nullptr) : json(schema::FormatTime(t));
}

json NodeJson(const query::HolderNode& n) {
  return {{"id", schema::FormatId(n.id)}, {"name", n.name}};
}

// The view every question reads, as of one snapshot.
struct View {
  std::unique_ptr<engine::Snapshot> snapshot;
  query::Filter filter;
};

absl::StatusOr<View> Begin(engine::Database& db, const QuestionOptions& o) {
  View v;
  v.snapshot = db.GetSnapshot();
  SG_ASSIGN_OR_RETURN(v.filter, query::ResolveFilter(db, o.filter));
  v.filter.snapshot = v.snapshot.get();
  return v;
}

absl::StatusOr<query::HolderNetwork> HolderNetwork(engine::Database& db, const View& v,
                                                   const QuestionOptions& o,
                                                   query::NetworkKind kind) {
  SG_ASSIGN_OR_RETURN(std::optional<query::Level> level, LevelOf(o.level));
  SG_ASSIGN_OR_RETURN(query::Normalisation norm, NormalisationOf(o.normalise));
  query::NetworkOptions n{.filter = v.filter,
                          .kind = kind,
                          .normalisation = norm,
                          .min_count = o.min_count,
                          .keep_isolated = o.keep_isolated,
                          .merge_concepts = o.by_concept,
                          .link_paraphrases = !o.as_stated};
  if (level.has_value()) n.level = *level;
  return query::BuildHolderNetwork(db, n);
}

}  // namespace

absl::StatusOr<json> Contradictions(engine::Database& db, const QuestionOptions& o) {
  SG_ASSIGN_OR_RETURN(std::optional<query::Level> level, LevelOf(o.level));
  SG_ASSIGN_OR_RETURN(View v, Begin(db, o));
  SG_ASSIGN_OR_RETURN(uint64_t since, SinceSequence(db, o.new_since, v.snapshot.get()));
  json out = json::array();
  if (since > 0) {
    // Only the propositions the new mentions touch.
    std::set<schema::PropositionId> touched;
    auto it = db.ScanByIngest(since, {.snapshot = v.snapshot.get()});
    for (; it->Valid(); it->Next()) touched.insert(it->ref().proposition);
    SG_RETURN_IF_ERROR(it->status());
    if (!v.filter.propositions.empty()) {
      std::erase_if(touched, [&](schema::PropositionId p) {
        return std::find(v.filter.propositions.begin(), v.filter.propositions.end(), p) ==
               v.filter.propositions.end();
      });
    }
    if (touched.empty()) return out;
    v.filter.propositions.assign(touched.begin(), touched.end());
  }
  query::ContradictionOptions c{.filter = v.filter,
                                .by_concept = o.by_concept,
                                .link_paraphrases = !o.as_stated,
                                .evidence_per_holder = o.evidence};
  if (level.has_value()) c.level = *level;
  SG_ASSIGN_OR_RETURN(auto it, query::FindContradictions(db, c));
  for (; it->Valid(); it->Next()) {
    out.push_back(query::ContradictionToJson(it->value(), it->records()));
  }
  SG_RETURN_IF_ERROR(it->status());
  return out;
}

absl::StatusOr<json> Changes(engine::Database& db, const QuestionOptions& o) {
  SG_ASSIGN_OR_RETURN(std::optional<query::Level> level, LevelOf(o.level));
  SG_ASSIGN_OR_RETURN(View v, Begin(db, o));
  SG_ASSIGN_OR_RETURN(uint64_t since, SinceSequence(db, o.new_since, v.snapshot.get()));
  query::ChangeOptions c{.filter = v.filter,
                         .since_sequence = since,
                         .evidence = o.evidence,
                         .level = level,
                         .link_paraphrases = !o.as_stated};
  SG_ASSIGN_OR_RETURN(auto it, query::FindReversals(db, c));
  json out = json::array();
  for (; it->Valid(); it->Next()) out.push_back(query::ReversalToJson(it->value(), it->records()));
  SG_RETURN_IF_ERROR(it->status());
  return out;
}

absl::StatusOr<json> Agreements(engine::Database& db, const QuestionOptions& o) {
  SG_ASSIGN_OR_RETURN(View v, Begin(db, o));
  SG_ASSIGN_OR_RETURN(query::HolderNetwork net,
                      HolderNetwork(db, v, o, query::NetworkKind::kAgreement));
  std::set<int64_t> with;
  for (const std::string& h : o.involving) {
    SG_ASSIGN_OR_RETURN(schema::EntityId id,
                        query::ResolveHolder(db, h, {.snapshot = v.snapshot.get()}));
    with.insert(net.IndexOf(id));
  }
  std::vector<query::HolderEdge> edges = net.edges;
  if (!with.empty()) {
    std::erase_if(edges, [&](const query::HolderEdge& e) {
      return !with.contains(e.a) && !with.contains(e.b);
    });
  }
  std::stable_sort(edges.begin(), edges.end(),
                   [](const auto& x, const auto& y) { return x.weight > y.weight; });
  json out = json::array();
  for (const query::HolderEdge& e : edges) {
    out.push_back({{"a", NodeJson(net.nodes[e.a])},
                   {"b", NodeJson(net.nodes[e.b])},
                   {"agree", e.agree},
                   {"conflict", e.conflict},
                   {"weight", e.weight},
                   {"first_time", TimeJson(e.first_made)},
                   {"last_time", TimeJson(e.last_made)}});
  }
  return out;
}

absl::StatusOr<json> Coalitions(engine::Database& db, const QuestionOptions& o) {
  SG_ASSIGN_OR_RETURN(View v, Begin(db, o));
  SG_ASSIGN_OR_RETURN(query::HolderNetwork net,
                      HolderNetwork(db, v, o, query::NetworkKind::kSigned));
  std::vector<query::Coalition> found =
      query::FindCoalitions(net, {.min_agree = o.min_count, .min_size = o.min_size});
  json out = json::array();
  for (size_t i = 0; i < found.size(); ++i) {
    json members = json::array();
    for (uint32_t m : found[i].members) members.push_back(NodeJson(net.nodes[m]));
    out.push_back({{"coalition", i + 1},
                   {"size", found[i].members.size()},
                   {"internal_agree", found[i].internal_agree},
                   {"members", std::move(members)}});
  }
  return out;
}

absl::StatusOr<json> Actors(engine::Database& db, const QuestionOptions& o) {
  SG_ASSIGN_OR_RETURN(View v, Begin(db, o));
  SG_ASSIGN_OR_RETURN(query::HolderNetwork net,
                      HolderNetwork(db, v, o, query::NetworkKind::kSigned));
  query::ActorOptions a;
  if (!o.betweenness) a.max_edges_for_betweenness = 0;
  json out = json::array();
  for (const query::ActorScore& x : query::RankActors(net, a)) {
    out.push_back({{"holder", NodeJson(net.nodes[x.node])},
                   {"betweenness", x.betweenness},
                   {"degree", x.degree},
                   {"strength", x.strength},
                   {"agree_edges", x.agree_edges},
                   {"conflict_edges", x.conflict_edges}});
  }
  return out;
}

absl::StatusOr<json> Network(engine::Database& db, const QuestionOptions& o) {
  SG_ASSIGN_OR_RETURN(View v, Begin(db, o));
  json nodes = json::array();
  json edges = json::array();
  if (o.kind == "bipartite") {
    if (o.by_concept) {
      return absl::InvalidArgumentError("by_concept: not for the bipartite network");
    }
    SG_ASSIGN_OR_RETURN(std::optional<query::Level> level, LevelOf(o.level));
    SG_ASSIGN_OR_RETURN(query::BipartiteNetwork net,
                        query::BuildBipartite(db, v.filter, /*load_names=*/true,
                                              level.value_or(query::NetworkOptions{}.level)));
    for (const query::HolderNode& h : net.holders) {
      nodes.push_back({{"id", "h:" + schema::FormatId(h.id)},
                       {"part", "holder"},
                       {"name", h.name},
                       {"type", std::string(schema::EntityTypeName(h.type))}});
    }
    for (const auto& p : net.propositions) {
      nodes.push_back({{"id", "p:" + schema::FormatId(p.id)},
                       {"part", "proposition"},
                       {"text", p.text},
                       {"concept", p.concept_name}});
    }
    for (const auto& e : net.edges) {
      edges.push_back({{"source", "h:" + schema::FormatId(net.holders[e.holder].id)},
                       {"target", "p:" + schema::FormatId(net.propositions[e.proposition].id)},
                       {"polarity", e.polarity},
                       {"mentions", e.mentions},
                       {"first_time", TimeJson(e.first_made)},
                       {"last_time", TimeJson(e.last_made)}});
    }
    return json{{"kind", o.kind}, {"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
  }
  query::NetworkKind kind;
  if (o.kind == "agreement") {
    kind = query::NetworkKind::kAgreement;
  } else if (o.kind == "conflict") {
    kind = query::NetworkKind::kConflict;
  } else if (o.kind == "signed") {
    kind = query::NetworkKind::kSigned;
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("kind \"", o.kind, "\": expected agreement, conflict, signed or bipartite"));
  }
  SG_ASSIGN_OR_RETURN(query::HolderNetwork net, HolderNetwork(db, v, o, kind));
  for (const query::HolderNode& n : net.nodes) {
    nodes.push_back({{"id", schema::FormatId(n.id)},
                     {"name", n.name},
                     {"type", std::string(schema::EntityTypeName(n.type))},
                     {"propositions", n.propositions}});
  }
  for (const query::HolderEdge& e : net.edges) {
    edges.push_back({{"source", schema::FormatId(net.nodes[e.a].id)},
                     {"target", schema::FormatId(net.nodes[e.b].id)},
                     {"agree", e.agree},
                     {"conflict", e.conflict},
                     {"weight", e.weight},
                     {"sign", e.sign()},
                     {"first_time", TimeJson(e.first_made)},
                     {"last_time", TimeJson(e.last_made)}});
  }
  return json{{"kind", o.kind}, {"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

}  // namespace stancegraph::python
