// The report sections over the whole store: most contested propositions and
// concepts, coalitions now and before the watermark, key actors and the
// conflict network picture.
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "report/report_build.h"
#include "stancegraph/query/algorithms.h"
#include "stancegraph/query/network.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::query::report_internal {
namespace {

// Points drawn per timeline; the latest are kept.
constexpr size_t kMaxTimelinePoints = 400;

std::vector<std::string> Names(Context& cx, const std::vector<schema::EntityId>& ids) {
  std::vector<std::string> out;
  for (schema::EntityId id : ids) out.push_back(cx.records().Holder(id).name);
  std::sort(out.begin(), out.end());
  return out;
}

std::map<schema::PropositionId, uint64_t> PairsByProposition(const ClaimSet& set) {
  std::map<schema::PropositionId, uint64_t> out;
  for (const PropositionClaims& g : set.ByProposition())
    out[g.proposition] = SidesOf(g.claims).pairs;
  return out;
}

// The timeline and the latest for / against quote of one proposition.
absl::Status FillTimeline(Context& cx, schema::PropositionId p, ContestedProposition& c) {
  uint64_t latest_for = 0, latest_against = 0;
  bool have_for = false, have_against = false;
  auto it = cx.db().ScanByProposition(p, {.snapshot = cx.options().snapshot});
  for (; it->Valid(); it->Next()) {
    const engine::MentionRef& r = it->ref();
    if (r.polarity == 0) continue;
    (r.polarity > 0 ? latest_for : latest_against) = r.sequence;
    (r.polarity > 0 ? have_for : have_against) = true;
    if (r.made == schema::kNoTime) continue;
    c.timeline.push_back({.made = r.made,
                          .holder = cx.records().Holder(r.holder).name,
                          .polarity = r.polarity,
                          .is_new = cx.IsNew(r.sequence)});
  }
  SG_RETURN_IF_ERROR(it->status());
  if (c.timeline.size() > kMaxTimelinePoints) {
    c.timeline.erase(c.timeline.begin(), c.timeline.end() - kMaxTimelinePoints);
  }
  std::stable_sort(c.timeline.begin(), c.timeline.end(),
                   [](const TimelinePoint& a, const TimelinePoint& b) {
                     return std::tie(a.made, a.holder) < std::tie(b.made, b.holder);
                   });
  for (auto [have, seq] :
       {std::pair{have_for, latest_for}, std::pair{have_against, latest_against}}) {
    if (!have) continue;
    SG_ASSIGN_OR_RETURN(Quote q, cx.LoadQuote(seq));
    c.quotes.push_back(std::move(q));
  }
  return absl::OkStatus();
}

std::vector<schema::EntityId> Members(const HolderNetwork& net, const Coalition& c) {
  std::vector<schema::EntityId> out;
  for (uint32_t n : c.members) out.push_back(net.nodes[n].id);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<schema::EntityId> Minus(const std::vector<schema::EntityId>& a,
                                    const std::vector<schema::EntityId>& b) {
  std::vector<schema::EntityId> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

size_t Overlap(const std::vector<schema::EntityId>& a, const std::vector<schema::EntityId>& b) {
  std::vector<schema::EntityId> both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return both.size();
}

void AddCoalitions(Context& cx, const HolderNetwork& now, const HolderNetwork& before,
                   Report& report) {
  std::vector<std::vector<schema::EntityId>> then;
  for (const Coalition& c : FindCoalitions(before)) then.push_back(Members(before, c));
  for (const Coalition& c : FindCoalitions(now)) {
    if (report.coalitions.size() >= cx.options().max_contested) break;
    std::vector<schema::EntityId> members = Members(now, c);
    const std::vector<schema::EntityId>* match = nullptr;
    size_t best = 0;
    for (const auto& t : then) {
      size_t o = Overlap(members, t);
      if (o > best) best = o, match = &t;
    }
    CoalitionFinding f{.members = Names(cx, members)};
    if (match == nullptr) {
      f.movement = "new";
    } else {
      f.joined = Names(cx, Minus(members, *match));
      f.left = Names(cx, Minus(*match, members));
      f.movement = f.joined.empty() && f.left.empty() ? "stable"
                   : f.left.empty()                   ? "grew"
                   : f.joined.empty()                 ? "shrank"
                                                      : "changed";
    }
    report.coalitions.push_back(std::move(f));
  }
}

void AddActors(Context& cx, const HolderNetwork& net, Report& report) {
  for (const ActorScore& a : RankActors(net)) {
    if (report.actors.size() >= cx.options().max_actors) break;
    if (a.degree == 0) continue;
    report.actors.push_back({.name = cx.records().Holder(net.nodes[a.node].id).name,
                             .propositions = net.nodes[a.node].propositions,
                             .agree_edges = a.agree_edges,
                             .conflict_edges = a.conflict_edges,
                             .betweenness = a.betweenness});
  }
}

// The holders with most conflict edges (ties by name) and the edges among them.
void AddPicture(Context& cx, const HolderNetwork& net, Report& report) {
  std::vector<uint32_t> conflicts(net.nodes.size(), 0);
  for (const HolderEdge& e : net.edges) {
    if (e.conflict == 0) continue;
    ++conflicts[e.a];
    ++conflicts[e.b];
  }
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < net.nodes.size(); ++i) {
    if (conflicts[i] > 0) order.push_back(i);
  }
  auto name = [&](uint32_t i) -> const std::string& {
    return cx.records().Holder(net.nodes[i].id).name;
  };
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (conflicts[a] != conflicts[b]) return conflicts[a] > conflicts[b];
    return name(a) < name(b);
  });
  if (order.size() > cx.options().max_network_nodes) order.resize(cx.options().max_network_nodes);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return name(a) < name(b); });
  std::map<uint32_t, uint32_t> index;
  for (uint32_t i : order) {
    index[i] = static_cast<uint32_t>(report.network.nodes.size());
    report.network.nodes.push_back(name(i));
  }
  for (const HolderEdge& e : net.edges) {
    auto a = index.find(e.a), b = index.find(e.b);
    if (a == index.end() || b == index.end()) continue;
    report.network.edges.push_back({.a = std::min(a->second, b->second),
                                    .b = std::max(a->second, b->second),
                                    .agree = e.agree,
                                    .conflict = e.conflict});
  }
  std::sort(report.network.edges.begin(), report.network.edges.end(),
            [](const NetworkPicture::Edge& x, const NetworkPicture::Edge& y) {
              return std::tie(x.a, x.b) < std::tie(y.a, y.b);
            });
}

}  // namespace

absl::Status AddContested(Context& cx, const ClaimViews& views, Report& report) {
  std::map<schema::PropositionId, uint64_t> before = PairsByProposition(views.before);
  struct Candidate {
    schema::PropositionId id;
    Sides sides;
    std::string text;
  };
  std::vector<Candidate> all;
  for (const PropositionClaims& g : views.now.ByProposition()) {
    ++report.totals.propositions;
    Sides s = SidesOf(g.claims);
    if (s.pairs == 0) continue;
    all.push_back({g.proposition, std::move(s), cx.records().Proposition(g.proposition).text});
  }
  report.totals.contested_propositions = all.size();
  std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    if (a.sides.pairs != b.sides.pairs) return a.sides.pairs > b.sides.pairs;
    return a.text < b.text;
  });
  if (all.size() > cx.options().max_contested) all.resize(cx.options().max_contested);
  for (Candidate& c : all) {
    ContestedProposition p{.text = c.text,
                           .concept_name = cx.records().Proposition(c.id).concept_name,
                           .for_holders = Names(cx, c.sides.for_holders),
                           .against_holders = Names(cx, c.sides.against_holders),
                           .pairs = c.sides.pairs};
    auto b = before.find(c.id);
    const uint64_t was = b == before.end() ? 0 : b->second;
    p.new_pairs = p.pairs > was ? p.pairs - was : 0;
    SG_RETURN_IF_ERROR(FillTimeline(cx, c.id, p));
    report.contested.push_back(std::move(p));
  }
  return absl::OkStatus();
}

absl::Status AddConcepts(Context& cx, const ClaimViews& views, Report& report) {
  struct Acc {
    std::set<schema::EntityId> for_h, against_h;
    uint32_t propositions = 0;
  };
  std::map<std::string, Acc> by_concept;
  for (const PropositionClaims& g : views.now.ByProposition()) {
    const std::string& name = cx.records().Proposition(g.proposition).concept_name;
    if (name.empty()) continue;
    Acc& acc = by_concept[name];
    ++acc.propositions;
    for (const ClaimStat& c : g.claims) {
      if (c.polarity > 0) acc.for_h.insert(c.holder);
      if (c.polarity < 0) acc.against_h.insert(c.holder);
    }
  }
  for (auto& [name, acc] : by_concept) {
    std::vector<schema::EntityId> f(acc.for_h.begin(), acc.for_h.end());
    std::vector<schema::EntityId> a(acc.against_h.begin(), acc.against_h.end());
    const uint64_t pairs = CountOpposedPairs(f, a);
    if (pairs == 0) continue;
    std::set<schema::EntityId> holders = acc.for_h;
    holders.insert(acc.against_h.begin(), acc.against_h.end());
    report.concepts.push_back({.name = name,
                               .propositions = acc.propositions,
                               .holders = static_cast<uint32_t>(holders.size()),
                               .pairs = pairs});
  }
  std::stable_sort(
      report.concepts.begin(), report.concepts.end(),
      [](const ContestedConcept& a, const ContestedConcept& b) { return a.pairs > b.pairs; });
  if (report.concepts.size() > cx.options().max_contested) {
    report.concepts.resize(cx.options().max_contested);
  }
  return absl::OkStatus();
}

// The network as `stancegraph query coalitions|actors` builds it
// (BuildHolderNetwork): the same claims, the same NetworkOptions defaults.
absl::Status AddNetworkSections(Context& cx, const ClaimViews& views, Report& report) {
  NetworkOptions o{.load_names = false,
                   .edge_times = false,
                   .merge_concepts = cx.options().by_concept,
                   .level = ViewLevel(cx.options())};
  const ClaimSet* now_claims = &views.now;
  const ClaimSet* before_claims = &views.before;
  ClaimSet merged_now, merged_before;
  if (o.merge_concepts) {
    merged_now = MergeConcepts(views.now, cx.records());
    merged_before = MergeConcepts(views.before, cx.records());
    now_claims = &merged_now;
    before_claims = &merged_before;
  }
  SG_ASSIGN_OR_RETURN(HolderNetwork now, ProjectHolders(*now_claims, o));
  SG_ASSIGN_OR_RETURN(HolderNetwork before, ProjectHolders(*before_claims, o));
  std::set<schema::EntityId> holders;
  for (const ClaimStat& c : views.now.claims()) {
    if (c.polarity != 0) holders.insert(c.holder);
  }
  report.totals.holders = holders.size();
  AddCoalitions(cx, now, before, report);
  AddActors(cx, now, report);
  AddPicture(cx, now, report);
  return absl::OkStatus();
}

}  // namespace stancegraph::query::report_internal
