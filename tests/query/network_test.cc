#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <string>

#include "boost/graph/adjacency_list.hpp"
#include "boost/graph/graphml.hpp"
#include "query_fixture.h"
#include "stancegraph/query/algorithms.h"
#include "stancegraph/query/network.h"
#include "stancegraph/query/network_io.h"
#include "stancegraph/schema/markup_escape.h"

using namespace stancegraph;
using testing::H;
using testing::P;
using testing::QueryFixture;

namespace {

// Two camps on three propositions:
//   P1: A, B for; C against        P2: A, B against; C for
//   P3: C, D for                    P4: A for; D against
// A–B agree twice; A–C, B–C conflict twice; C–D agree once; A–D conflict once.
void Seed(QueryFixture& f) {
  f.Doc("d")
      .Claim("A", +1, "P1", "2024-01-01")
      .Claim("B", +1, "P1", "2024-01-02")
      .Claim("C", -1, "P1", "2024-01-03")
      .Claim("A", -1, "P2", "2024-01-04")
      .Claim("B", -1, "P2", "2024-01-05")
      .Claim("C", +1, "P2", "2024-01-06")
      .Claim("C", +1, "P3", "2024-01-07")
      .Claim("D", +1, "P3", "2024-01-08")
      .Claim("A", +1, "P4", "2024-01-09")
      .Claim("D", -1, "P4", "2024-01-10")
      .Write();
}

const query::HolderEdge* Edge(const query::HolderNetwork& net, const std::string& x,
                              const std::string& y) {
  int64_t a = net.IndexOf(H(x)), b = net.IndexOf(H(y));
  if (a > b) std::swap(a, b);
  for (const auto& e : net.edges) {
    if (e.a == a && e.b == b) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("The projection counts propositions agreed and disagreed on", "[query]") {
  QueryFixture f;
  Seed(f);
  auto net = query::BuildHolderNetwork(f.db(), {});
  REQUIRE(net.ok());
  CHECK(net->nodes.size() == 4);
  CHECK(net->edges.size() == 5);  // no B–D edge: they share no proposition
  REQUIRE(Edge(*net, "A", "B") != nullptr);
  CHECK(Edge(*net, "A", "B")->agree == 2);
  CHECK(Edge(*net, "A", "B")->sign() == 1);
  CHECK(Edge(*net, "A", "C")->conflict == 2);
  CHECK(Edge(*net, "A", "C")->weight == -2);
  CHECK(Edge(*net, "C", "D")->agree == 1);
  CHECK(Edge(*net, "A", "D")->conflict == 1);
  CHECK(Edge(*net, "B", "D") == nullptr);
  CHECK(net->nodes[net->IndexOf(H("A"))].name == "A");
  CHECK(net->nodes[net->IndexOf(H("A"))].propositions == 3);

  auto agreement = query::BuildHolderNetwork(f.db(), {.kind = query::NetworkKind::kAgreement});
  REQUIRE(agreement.ok());
  CHECK(agreement->edges.size() == 2);  // A–B and C–D
}

TEST_CASE("Jaccard and cosine normalise by the propositions each side takes", "[query]") {
  QueryFixture f;
  Seed(f);
  auto j = query::BuildHolderNetwork(
      f.db(), {.kind = query::NetworkKind::kAgreement, .normalisation = query::Normalisation::kJaccard});
  auto c = query::BuildHolderNetwork(
      f.db(), {.kind = query::NetworkKind::kAgreement, .normalisation = query::Normalisation::kCosine});
  REQUIRE(j.ok());
  REQUIRE(c.ok());
  // A takes 3 propositions, B 2, shared 2: Jaccard 2/3, cosine 2/sqrt(6).
  CHECK(Edge(*j, "A", "B")->weight == Approx(2.0 / 3.0));
  CHECK(Edge(*c, "A", "B")->weight == Approx(2.0 / std::sqrt(6.0)));
  // C takes 3, D 2, shared 1 (P3): Jaccard 1/4.
  CHECK(Edge(*j, "C", "D")->weight == Approx(0.25));
}

TEST_CASE("Coalitions, key actors, unbalanced triads and paths", "[query]") {
  QueryFixture f;
  Seed(f);
  auto net = query::BuildHolderNetwork(f.db(), {});
  REQUIRE(net.ok());

  auto coalitions = query::FindCoalitions(*net);
  REQUIRE(coalitions.size() == 2);
  auto names = [&](const query::Coalition& c) {
    std::set<std::string> out;
    for (uint32_t m : c.members) out.insert(net->nodes[m].name);
    return out;
  };
  std::set<std::set<std::string>> got = {names(coalitions[0]), names(coalitions[1])};
  CHECK(got == std::set<std::set<std::string>>{{"A", "B"}, {"C", "D"}});

  // A–B +, B–C −, A–C −: balanced (enemy of my friend). A–C −, C–D +, A–D −:
  // balanced. No triangle with exactly one or three negative edges.
  query::TriadCounts t = query::FindUnbalancedTriads(*net);
  CHECK(t.triangles == 2);
  CHECK(t.unbalanced == 0);

  auto path = query::FindPath(*net, net->IndexOf(H("B")), net->IndexOf(H("D")));
  REQUIRE(path.ok());
  REQUIRE(path->size() == 2);  // B → A → D or B → C → D
  CHECK(path->front().from == net->IndexOf(H("B")));
  CHECK(path->back().to == net->IndexOf(H("D")));

  auto actors = query::RankActors(*net);
  REQUIRE(actors.size() == 4);
  // A and C sit on every shortest B–D path between them.
  std::set<std::string> top = {net->nodes[actors[0].node].name, net->nodes[actors[1].node].name};
  CHECK(top == std::set<std::string>{"A", "C"});
  CHECK(actors[0].betweenness == Approx(actors[1].betweenness));
  CHECK(actors[0].betweenness > 0);
  CHECK(actors[3].betweenness == Approx(0.0));
}

TEST_CASE("An unbalanced triad is found", "[query]") {
  query::HolderNetwork net;
  for (const char* n : {"A", "B", "C"}) net.nodes.push_back({.id = H(n), .name = n});
  // A agrees with B, B with C, but A conflicts with C.
  net.edges = {{.a = 0, .b = 1, .agree = 2}, {.a = 1, .b = 2, .agree = 1},
               {.a = 0, .b = 2, .conflict = 3}};
  query::TriadCounts t = query::FindUnbalancedTriads(net);
  CHECK(t.triangles == 1);
  CHECK(t.unbalanced == 1);
  REQUIRE(t.examples.size() == 1);
  CHECK(t.examples[0].sign_ac == -1);
  CHECK(absl::IsNotFound(query::FindPath({.nodes = net.nodes}, 0, 2).status()));
}

TEST_CASE("A projection too large for memory is refused", "[query]") {
  QueryFixture f;
  Seed(f);
  auto net = query::BuildHolderNetwork(f.db(), {.max_pair_visits = 2});
  CHECK(absl::IsResourceExhausted(net.status()));
}

TEST_CASE("Exported GraphML reads back with its attributes", "[query]") {
  QueryFixture f;
  f.Doc("d")
      .Claim("AT&T <\"corp\">", +1, "P1", "2024-01-01")
      .Claim("Bob's union", +1, "P1", "2024-01-02")
      .Claim("Carol", -1, "P1", "2024-01-03")
      .Write();
  auto net = query::BuildHolderNetwork(f.db(), {});
  REQUIRE(net.ok());
  std::ostringstream out;
  REQUIRE(query::WriteNetwork(*net, query::NetworkFormat::kGraphml, out).ok());

  struct Node {
    std::string label, type;
  };
  struct Link {
    double weight = 0;
    int agree = 0, conflict = 0, sign = 0;
    std::string first_made;
  };
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, Node, Link>;
  G g;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("label", boost::get(&Node::label, g));
  dp.property("type", boost::get(&Node::type, g));
  dp.property("weight", boost::get(&Link::weight, g));
  dp.property("agree", boost::get(&Link::agree, g));
  dp.property("conflict", boost::get(&Link::conflict, g));
  dp.property("sign", boost::get(&Link::sign, g));
  dp.property("first_made", boost::get(&Link::first_made, g));
  std::istringstream in(out.str());
  boost::read_graphml(in, g, dp);

  REQUIRE(boost::num_vertices(g) == 3);
  REQUIRE(boost::num_edges(g) == 3);
  std::set<std::string> labels;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) labels.insert(g[*v].label);
  CHECK(labels == std::set<std::string>{"AT&T <\"corp\">", "Bob's union", "Carol"});
  int agree = 0, conflict = 0;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    agree += g[*e].agree;
    conflict += g[*e].conflict;
    CHECK(g[*e].weight == g[*e].agree - g[*e].conflict);
    CHECK(g[*e].first_made.rfind("2024-01-0", 0) == 0);
  }
  CHECK(agree == 1);
  CHECK(conflict == 2);
}

TEST_CASE("The bipartite export has both parts and signed edges", "[query]") {
  QueryFixture f;
  Seed(f);
  auto net = query::BuildBipartite(f.db());
  REQUIRE(net.ok());
  CHECK(net->holders.size() == 4);
  CHECK(net->propositions.size() == 4);
  CHECK(net->edges.size() == 10);
  query::BipartiteGraph g = query::ToBoostGraph(*net);
  CHECK(boost::num_vertices(g) == 8);
  CHECK(boost::num_edges(g) == 10);
  const auto a = static_cast<size_t>(
      std::find_if(net->holders.begin(), net->holders.end(), [](const auto& h) { return h.name == "A"; }) -
      net->holders.begin());
  CHECK(boost::out_degree(a, g) == 3);

  std::ostringstream dot, csv;
  REQUIRE(query::WriteNetwork(*net, query::NetworkFormat::kDot, dot).ok());
  REQUIRE(query::WriteNetwork(*net, query::NetworkFormat::kCsv, csv).ok());
  const std::string dot_text = dot.str(), csv_text = csv.str();
  CHECK(dot_text.rfind("digraph", 0) == 0);
  CHECK(csv_text.rfind("Source,Target,Type,Weight", 0) == 0);
  CHECK(std::count(csv_text.begin(), csv_text.end(), '\n') == 11);
}

TEST_CASE("Text is escaped for each format", "[query]") {
  CHECK(schema::XmlEscape("a<b>&\"c'\x01") == "a&lt;b&gt;&amp;&quot;c&apos; ");
  CHECK(schema::DotQuote("say \"no\"\\") == "\"say \\\"no\\\"\\\\\"");
  CHECK(query::CsvField("plain") == "plain");
  CHECK(query::CsvField("a,\"b\"") == "\"a,\"\"b\"\"\"");
}

TEST_CASE("Paraphrases of one concept meet in the holder network only when asked", "[query]") {
  QueryFixture f;
  const testing::Say c{.concept_name = "territorial concessions"};
  f.Doc("d")
      .Claim("Trump", +1, "Ukraine gives up boundaries", "2025-08-15", c)
      .Claim("Ukraine", -1, "Ukraine cedes territory", "2025-08-15", c)
      .Write();
  auto merged = query::BuildHolderNetwork(f.db(), {.merge_concepts = true});
  REQUIRE(merged.ok());
  REQUIRE(merged->edges.size() == 1);
  CHECK(merged->edges[0].conflict == 1);
  auto apart = query::BuildHolderNetwork(f.db(), {});
  REQUIRE(apart.ok());
  CHECK(apart->edges.empty());
}
