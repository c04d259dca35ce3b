// Algorithms over the graph views, run on Boost.Graph: coalitions (connected
// components), key actors (degree and betweenness centrality), unbalanced
// signed triads, and the path between two holders. The Boost adaptors are
// public so callers can run other Boost.Graph algorithms on the same views.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "boost/graph/adjacency_list.hpp"
#include "boost/graph/compressed_sparse_row_graph.hpp"
#include "stancegraph/query/network.h"

namespace stancegraph::query {

// Edge data of the holder graph.
struct HolderEdgeProperty {
  double weight = 0;
  int sign = 0;
  uint32_t agree = 0;
  uint32_t conflict = 0;
};
// Vertices are HolderNetwork::nodes indexes. For views of up to a few
// million edges (the projection is bounded by NetworkOptions).
using HolderGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                          boost::no_property, HolderEdgeProperty>;
HolderGraph ToBoostGraph(const HolderNetwork& net);

// The bipartite view as a compressed sparse row graph: vertices 0..H-1 are
// holders, H..H+P-1 propositions; one edge holder -> proposition per claim,
// its polarity as the edge property. Compact for millions of claims.
struct BipartiteEdgeProperty {
  int8_t polarity = 0;
};
using BipartiteGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, BipartiteEdgeProperty>;
BipartiteGraph ToBoostGraph(const BipartiteNetwork& net);

struct Coalition {
  std::vector<uint32_t> members;  // node indexes, ascending
  uint32_t internal_edges = 0;
  uint64_t internal_agree = 0;  // Σ agree over internal edges
};

struct CoalitionOptions {
  // An edge joins two holders when agree >= min_agree and agree > conflict
  // (positive in the signed network). Default: 1.
  uint32_t min_agree = 1;
  // Smallest coalition reported. Default: 2.
  uint32_t min_size = 2;
};

// Connected components of the positive agreement edges, largest first.
std::vector<Coalition> FindCoalitions(const HolderNetwork& net, const CoalitionOptions& options = {});

struct ActorScore {
  uint32_t node = 0;
  uint32_t degree = 0;     // edges
  double strength = 0;     // Σ |weight|
  double betweenness = 0;  // Brandes, unweighted, normalised to [0, 1]; 0 when not computed
  uint32_t agree_edges = 0;
  uint32_t conflict_edges = 0;
};

struct ActorOptions {
  // Brandes is O(V·E): skipped (left 0) above this many edges. Default: 2,000,000.
  uint64_t max_edges_for_betweenness = 2'000'000;
};

// Every node's scores, by betweenness, then strength, then degree (descending).
std::vector<ActorScore> RankActors(const HolderNetwork& net, const ActorOptions& options = {});

// A triangle a < b < c whose sign product is negative: e.g. a agrees with b,
// b with c, but a conflicts with c. Tied edges (sign 0) make no triangle.
struct Triad {
  uint32_t a = 0, b = 0, c = 0;
  int sign_ab = 0, sign_bc = 0, sign_ac = 0;
};

struct TriadCounts {
  uint64_t triangles = 0;  // signed triangles (no tied edge)
  uint64_t unbalanced = 0;
  std::vector<Triad> examples;  // up to the limit asked, by (a, b, c)
};

TriadCounts FindUnbalancedTriads(const HolderNetwork& net, size_t max_examples = 100);

struct PathStep {
  uint32_t from = 0;
  uint32_t to = 0;
  int sign = 0;
  uint32_t agree = 0;
  uint32_t conflict = 0;
};

// The fewest-hops path from node `from` to node `to` through agreement and
// conflict edges. NotFound when they are not connected; an empty path when
// from == to. InvalidArgument for an index out of range.
absl::StatusOr<std::vector<PathStep>> FindPath(const HolderNetwork& net, uint32_t from,
                                               uint32_t to);

}  // namespace stancegraph::query
