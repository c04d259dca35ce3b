// `stancegraph query agreements|coalitions|actors|path`: questions about the
// holder network.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claim_links.h"
#include "cli_common.h"
#include "query_common.h"
#include "output.h"
#include "nlohmann/json.hpp"
#include "stancegraph/query/aggregates.h"
#include "stancegraph/query/algorithms.h"
#include "stancegraph/query/changes.h"
#include "stancegraph/query/claim_set.h"
#include "stancegraph/query/contradictions.h"
#include "stancegraph/query/json.h"
#include "stancegraph/query/lookup.h"
#include "stancegraph/query/network.h"
#include "stancegraph/query/network_io.h"
#include "stancegraph/query/proposition_links.h"
#include "stancegraph/schema/entity_type.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::cli::querycmd {
namespace {

using nlohmann::json;


query::Normalisation ParseNormalisation(const std::string& n) {
  return n == "jaccard" ? query::Normalisation::kJaccard
         : n == "cosine" ? query::Normalisation::kCosine
                         : query::Normalisation::kNone;
}

absl::StatusOr<query::HolderNetwork> Network(Session& s, const NetworkArgs& a,
                                             query::NetworkKind kind) {
  // auto: holders as named, the library's default.
  query::NetworkOptions o{.filter = s.filter,
                          .kind = kind,
                          .normalisation = ParseNormalisation(a.normalise),
                          .min_count = a.min_count,
                          .merge_concepts = a.by_concept,
                          .link_paraphrases = !a.common.as_stated};
  if (const std::optional<query::Level> level = LevelArg(a.level)) o.level = *level;
  return query::BuildHolderNetwork(*s.db, o);
}

json NodeJson(const query::HolderNode& n) {
  return {{"id", schema::FormatId(n.id)}, {"name", n.name}};
}

}  // namespace

absl::Status Agreements(const NetworkArgs& a) {
  SG_ASSIGN_OR_RETURN(Session s, Begin(a.common));
  SG_ASSIGN_OR_RETURN(query::HolderNetwork net, Network(s, a, query::NetworkKind::kAgreement));
  std::set<int64_t> with;
  for (const std::string& h : a.with) {
    SG_ASSIGN_OR_RETURN(schema::EntityId id, query::ResolveHolder(*s.db, h));
    with.insert(net.IndexOf(id));
  }
  std::vector<query::HolderEdge> edges = net.edges;
  if (!with.empty()) {
    std::erase_if(edges, [&](const query::HolderEdge& e) {
      return !with.contains(e.a) && !with.contains(e.b);
    });
  }
  std::stable_sort(edges.begin(), edges.end(), [](const auto& x, const auto& y) {
    return x.weight > y.weight;
  });
  ListPrinter out(a.common.format,
                  {"holder", "holder", "agree", "conflict", "weight", "first", "last"}, std::cout);
  out.SetCsvColumns({"holder_a", "holder_b", "agree", "conflict", "weight", "first", "last"});
  size_t printed = 0;
  for (const query::HolderEdge& e : edges) {
    if (Enough(a.common, printed++)) break;
    const query::HolderNode& x = net.nodes[e.a];
    const query::HolderNode& y = net.nodes[e.b];
    out.Add({{"a", NodeJson(x)},
             {"b", NodeJson(y)},
             {"agree", e.agree},
             {"conflict", e.conflict},
             {"weight", e.weight},
             {"first_time", TimeJson(e.first_made)},
             {"last_time", TimeJson(e.last_made)}},
            {x.name, y.name, std::to_string(e.agree), std::to_string(e.conflict),
             NumberText(e.weight), TimeText(e.first_made), TimeText(e.last_made)});
  }
  out.Finish();
  return absl::OkStatus();
}

absl::Status Coalitions(const NetworkArgs& a) {
  const std::string& format = a.common.format;
  if (a.triads) {
    SG_RETURN_IF_ERROR(RequireFormat(format, {"table", "json", "jsonl"}, "--triads"));
  }
  SG_ASSIGN_OR_RETURN(Session s, Begin(a.common));
  SG_ASSIGN_OR_RETURN(query::HolderNetwork net, Network(s, a, query::NetworkKind::kSigned));
  std::vector<query::Coalition> found =
      query::FindCoalitions(net, {.min_agree = a.min_count, .min_size = a.min_size});
  // With --triads, json is one object holding both lists (see docs/output-formats.md).
  std::ostringstream listed;
  ListPrinter out(format == "json" && a.triads ? "json" : format,
                  {"coalition", "size", "agreements", "members"},
                  format == "json" && a.triads ? listed : std::cout);
  for (size_t i = 0; i < found.size() && !Enough(a.common, i); ++i) {
    std::vector<std::string> names;
    json members = json::array();
    for (uint32_t m : found[i].members) {
      names.push_back(net.nodes[m].name);
      members.push_back(NodeJson(net.nodes[m]));
    }
    out.Add({{"coalition", i + 1},
             {"size", found[i].members.size()},
             {"internal_agree", found[i].internal_agree},
             {"members", members}},
            {std::to_string(i + 1), std::to_string(found[i].members.size()),
             std::to_string(found[i].internal_agree), absl::StrJoin(names, "; ")},
            {std::to_string(i + 1), std::to_string(found[i].members.size()),
             std::to_string(found[i].internal_agree), JoinCell(names)});
  }
  out.Finish();
  if (!a.triads) return absl::OkStatus();
  query::TriadCounts t = query::FindUnbalancedTriads(net, a.common.limit ? a.common.limit : 20);
  auto sign = [](int v) { return v > 0 ? "agrees with" : "conflicts with"; };
  if (format == "table") {
    std::cout << "unbalanced triads " << t.unbalanced << " of " << t.triangles
              << " signed triangles\n";
    for (const query::Triad& x : t.examples) {
      std::cout << "  " << net.nodes[x.a].name << " " << sign(x.sign_ab) << " " << net.nodes[x.b].name
                << ", " << net.nodes[x.b].name << " " << sign(x.sign_bc) << " " << net.nodes[x.c].name
                << ", " << net.nodes[x.a].name << " " << sign(x.sign_ac) << " " << net.nodes[x.c].name
                << "\n";
    }
    return absl::OkStatus();
  }
  json examples = json::array();
  for (const query::Triad& x : t.examples) {
    examples.push_back({{"a", NodeJson(net.nodes[x.a])},
                        {"b", NodeJson(net.nodes[x.b])},
                        {"c", NodeJson(net.nodes[x.c])},
                        {"sign_ab", x.sign_ab},
                        {"sign_bc", x.sign_bc},
                        {"sign_ac", x.sign_ac}});
  }
  json triads = {{"unbalanced", t.unbalanced}, {"triangles", t.triangles}, {"examples", examples}};
  if (format == "jsonl") {
    std::cout << Dump({{"triads", triads}}) << "\n";
  } else {
    std::cout << Dump({{"coalitions", json::parse(listed.str())}, {"triads", triads}}) << "\n";
  }
  return absl::OkStatus();
}

absl::Status Actors(const NetworkArgs& a) {
  SG_ASSIGN_OR_RETURN(Session s, Begin(a.common));
  SG_ASSIGN_OR_RETURN(query::HolderNetwork net, Network(s, a, query::NetworkKind::kSigned));
  query::ActorOptions o;
  if (!a.betweenness) o.max_edges_for_betweenness = 0;
  std::vector<query::ActorScore> scores = query::RankActors(net, o);
  ListPrinter out(a.common.format,
                  {"holder", "betweenness", "degree", "strength", "agree edges", "conflict edges"},
                  std::cout);
  out.SetCsvColumns(
      {"holder", "betweenness", "degree", "strength", "agree_edges", "conflict_edges"});
  for (size_t i = 0; i < scores.size() && !Enough(a.common, i); ++i) {
    const query::ActorScore& x = scores[i];
    out.Add({{"holder", NodeJson(net.nodes[x.node])},
             {"betweenness", x.betweenness},
             {"degree", x.degree},
             {"strength", x.strength},
             {"agree_edges", x.agree_edges},
             {"conflict_edges", x.conflict_edges}},
            {net.nodes[x.node].name, NumberText(x.betweenness), std::to_string(x.degree),
             NumberText(x.strength), std::to_string(x.agree_edges),
             std::to_string(x.conflict_edges)});
  }
  out.Finish();
  return absl::OkStatus();
}

absl::Status Path(const NetworkArgs& a) {
  SG_ASSIGN_OR_RETURN(Session s, Begin(a.common));
  SG_ASSIGN_OR_RETURN(schema::EntityId from, query::ResolveHolder(*s.db, a.between));
  SG_ASSIGN_OR_RETURN(schema::EntityId to, query::ResolveHolder(*s.db, a.and_));
  SG_ASSIGN_OR_RETURN(query::HolderNetwork net, Network(s, a, query::NetworkKind::kSigned));
  const int64_t f = net.IndexOf(from), t = net.IndexOf(to);
  if (f < 0 || t < 0) {
    return absl::NotFoundError(absl::StrCat(f < 0 ? a.between : a.and_,
                                            " takes no side shared with anyone in this view"));
  }
  SG_ASSIGN_OR_RETURN(std::vector<query::PathStep> path,
                      query::FindPath(net, static_cast<uint32_t>(f), static_cast<uint32_t>(t)));
  const std::string& format = a.common.format;
  ListPrinter out(format, {"from", "relation", "to", "agree", "conflict"}, std::cout);
  for (const query::PathStep& p : path) {
    const std::string rel = p.sign > 0 ? "agrees with" : p.sign < 0 ? "conflicts with" : "is split with";
    const std::string& x = net.nodes[p.from].name;
    const std::string& y = net.nodes[p.to].name;
    if (format == "table") {
      // A path reads as sentences.
      std::cout << x << " " << rel << " " << y << " (agree " << p.agree << ", conflict "
                << p.conflict << ")\n";
      continue;
    }
    out.Add({{"from", NodeJson(net.nodes[p.from])},
             {"to", NodeJson(net.nodes[p.to])},
             {"sign", p.sign},
             {"agree", p.agree},
             {"conflict", p.conflict}},
            {x, rel, y, std::to_string(p.agree), std::to_string(p.conflict)});
  }
  if (format != "table") out.Finish();
  return absl::OkStatus();
}

void AddNetworkCommands(CLI::App* query) {
  auto add_network = [query](const char* name, const char* help, auto fn) {
    auto args = std::make_shared<NetworkArgs>();
    auto* cmd = query->add_subcommand(name, help);
    AddCommonOptions(cmd, &args->common);
    cmd->add_option("--min-count", args->min_count,
                    "Smallest number of shared propositions on an edge")
        ->capture_default_str();
    cmd->add_option("--normalise", args->normalise, "Edge weights: none, jaccard or cosine")
        ->check(CLI::IsMember({"none", "jaccard", "cosine"}))
        ->capture_default_str();
    AddLevelOption(cmd, &args->level, "as named (person)");
    AddAsStatedFlag(cmd, &args->common.as_stated);
    AddByConceptFlag(cmd, &args->by_concept, "Treat the propositions of one concept as one issue");
    cmd->callback(Run([args, fn] { return fn(*args); }));
    return std::pair(cmd, args);
  };
  auto [agree_cmd, agree_args] =
      add_network("agreements", "Who sides with whom, and how often", Agreements);
  agree_cmd->add_option("--with", agree_args->with,
                        "Only pairs involving this holder (repeatable)");
  auto [coal_cmd, coal_args] = add_network(
      "coalitions", "Groups of holders joined by agreement (connected components)", Coalitions);
  coal_cmd->add_option("--min-size", coal_args->min_size, "Smallest coalition shown")
      ->capture_default_str();
  coal_cmd->add_flag(
      "--triads", coal_args->triads,
      "Also count unbalanced triads (A agrees with B, B with C, A conflicts with C)");
  auto [actor_cmd, actor_args] =
      add_network("actors", "Key actors by betweenness and degree centrality", Actors);
  actor_cmd->add_flag("!--no-betweenness", actor_args->betweenness,
                      "Skip betweenness (large views)");
  auto [path_cmd, path_args] =
      add_network("path", "How two holders connect through agreement and conflict", Path);
  path_cmd->add_option("--between", path_args->between, "One holder (name or id)")->required();
  path_cmd->add_option("--and", path_args->and_, "The other holder (name or id)")->required();
}

}  // namespace stancegraph::cli::querycmd
