#include "stancegraph/query/algorithms.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "boost/graph/betweenness_centrality.hpp"
#include "boost/graph/breadth_first_search.hpp"
#include "boost/graph/connected_components.hpp"
#include "boost/graph/visitors.hpp"

namespace stancegraph::query {

HolderGraph ToBoostGraph(const HolderNetwork& net) {
  HolderGraph g(net.nodes.size());
  for (const HolderEdge& e : net.edges) {
    boost::add_edge(e.a, e.b,
                    HolderEdgeProperty{.weight = e.weight,
                                       .sign = e.sign(),
                                       .agree = e.agree,
                                       .conflict = e.conflict},
                    g);
  }
  return g;
}

BipartiteGraph ToBoostGraph(const BipartiteNetwork& net) {
  const size_t h = net.holders.size();
  std::vector<std::pair<size_t, size_t>> ends;
  std::vector<BipartiteEdgeProperty> props;
  ends.reserve(net.edges.size());
  props.reserve(net.edges.size());
  // BipartiteNetwork::edges are sorted by holder: the CSR source order.
  for (const BipartiteNetwork::Edge& e : net.edges) {
    ends.emplace_back(e.holder, h + e.proposition);
    props.push_back({e.polarity});
  }
  return BipartiteGraph(boost::edges_are_sorted, ends.begin(), ends.end(), props.begin(),
                        h + net.propositions.size());
}

std::vector<Coalition> FindCoalitions(const HolderNetwork& net, const CoalitionOptions& options) {
  HolderGraph g(net.nodes.size());
  for (const HolderEdge& e : net.edges) {
    if (e.agree >= options.min_agree && e.agree > e.conflict) {
      boost::add_edge(e.a, e.b, HolderEdgeProperty{.agree = e.agree}, g);
    }
  }
  std::vector<int> component(net.nodes.size());
  const int n = net.nodes.empty() ? 0 : boost::connected_components(g, component.data());
  std::vector<Coalition> out(n);
  for (uint32_t v = 0; v < component.size(); ++v) out[component[v]].members.push_back(v);
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    Coalition& c = out[component[boost::source(*it, g)]];
    c.internal_edges += 1;
    c.internal_agree += g[*it].agree;
  }
  std::erase_if(out, [&](const Coalition& c) { return c.members.size() < options.min_size; });
  std::stable_sort(out.begin(), out.end(), [](const Coalition& x, const Coalition& y) {
    return x.members.size() > y.members.size();
  });
  return out;
}

std::vector<ActorScore> RankActors(const HolderNetwork& net, const ActorOptions& options) {
  std::vector<ActorScore> scores(net.nodes.size());
  for (uint32_t v = 0; v < scores.size(); ++v) scores[v].node = v;
  for (const HolderEdge& e : net.edges) {
    for (uint32_t v : {e.a, e.b}) {
      scores[v].degree += 1;
      scores[v].strength += std::abs(e.weight);
      scores[v].agree_edges += e.sign() > 0;
      scores[v].conflict_edges += e.sign() < 0;
    }
  }
  const size_t n = net.nodes.size();
  if (n > 2 && net.edges.size() <= options.max_edges_for_betweenness) {
    HolderGraph g = ToBoostGraph(net);
    std::vector<double> centrality(n, 0.0);
    boost::brandes_betweenness_centrality(
        g, boost::make_iterator_property_map(centrality.begin(),
                                             boost::get(boost::vertex_index, g)));
    // Boost counts each unordered pair from both ends on an undirected
    // graph; the largest possible value is then (n−1)(n−2).
    const double scale = static_cast<double>(n - 1) * static_cast<double>(n - 2);
    for (size_t v = 0; v < n; ++v) scores[v].betweenness = centrality[v] / scale;
  }
  std::stable_sort(scores.begin(), scores.end(), [](const ActorScore& x, const ActorScore& y) {
    return std::tie(x.betweenness, x.strength, x.degree) >
           std::tie(y.betweenness, y.strength, y.degree);
  });
  return scores;
}

TriadCounts FindUnbalancedTriads(const HolderNetwork& net, size_t max_examples) {
  // Signed neighbours with a higher index, sorted: each triangle a < b < c is
  // found once, from its edge (a, b).
  std::vector<std::vector<std::pair<uint32_t, int>>> up(net.nodes.size());
  for (const HolderEdge& e : net.edges) {
    if (e.sign() != 0) up[e.a].emplace_back(e.b, e.sign());
  }
  for (auto& list : up) std::sort(list.begin(), list.end());
  TriadCounts out;
  for (uint32_t a = 0; a < up.size(); ++a) {
    for (const auto& [b, sab] : up[a]) {
      // c in up[a] ∩ up[b]; both sorted and every c there is > b.
      auto i = std::upper_bound(up[a].begin(), up[a].end(), std::pair(b, 2));
      auto j = up[b].begin();
      while (i != up[a].end() && j != up[b].end()) {
        if (i->first < j->first) {
          ++i;
        } else if (j->first < i->first) {
          ++j;
        } else {
          out.triangles += 1;
          const int sac = i->second, sbc = j->second;
          if (sab * sbc * sac < 0) {
            out.unbalanced += 1;
            if (out.examples.size() < max_examples) {
              out.examples.push_back({.a = a,
                                      .b = b,
                                      .c = i->first,
                                      .sign_ab = sab,
                                      .sign_bc = sbc,
                                      .sign_ac = sac});
            }
          }
          ++i, ++j;
        }
      }
    }
  }
  return out;
}

absl::StatusOr<std::vector<PathStep>> FindPath(const HolderNetwork& net, uint32_t from,
                                               uint32_t to) {
  const size_t n = net.nodes.size();
  if (from >= n || to >= n) {
    return absl::InvalidArgumentError(
        absl::StrCat("node index out of range: ", from, " or ", to, " (", n, " nodes)"));
  }
  if (from == to) return std::vector<PathStep>{};
  HolderGraph g = ToBoostGraph(net);
  std::vector<HolderGraph::vertex_descriptor> pred(n);
  for (size_t v = 0; v < n; ++v) pred[v] = v;
  boost::breadth_first_search(
      g, from,
      boost::visitor(boost::make_bfs_visitor(
          boost::record_predecessors(pred.data(), boost::on_tree_edge()))));
  if (pred[to] == to) return absl::NotFoundError("the two holders are not connected in this view");
  std::vector<PathStep> path;
  for (uint32_t v = to; v != from; v = static_cast<uint32_t>(pred[v])) {
    const uint32_t u = static_cast<uint32_t>(pred[v]);
    auto [e, found] = boost::edge(u, v, g);
    const HolderEdgeProperty& p = g[e];
    path.push_back({.from = u, .to = v, .sign = p.sign, .agree = p.agree, .conflict = p.conflict});
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace stancegraph::query
