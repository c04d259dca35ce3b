// The JSON form of a report; docs/report-schema.md documents every field.
#include <cmath>

#include "stancegraph/query/report_render.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::query {
namespace {

using json = nlohmann::ordered_json;

constexpr int kSchemaVersion = 1;

json TimeJson(schema::Timestamp t) {
  return t == schema::kNoTime ? json(nullptr) : json(schema::FormatTime(t));
}

json QuoteJson(const Quote& q) {
  json j = {{"sequence", q.sequence},
          {"holder", q.holder},
          {"polarity", q.polarity},
          {"text", q.text},
          {"predicate", q.predicate},
          {"outlet", q.outlet},
          {"title", q.title},
          {"link", q.link},
          {"time", TimeJson(q.made)},
          {"hedged", q.hedged},
          {"conditional", q.conditional},
          {"condition", q.condition.empty() ? json(nullptr) : json(q.condition)},
          {"new", q.is_new}};
  if (!q.corrected.empty()) j["corrected"] = q.corrected;  // only on corrected quotes
  return j;
}

json QuotesJson(const std::vector<Quote>& quotes) {
  json out = json::array();
  for (const Quote& q : quotes) out.push_back(QuoteJson(q));
  return out;
}

json SidesJson(const std::vector<ReportSide>& sides) {
  json out = json::array();
  for (const ReportSide& s : sides) {
    out.push_back({{"holder", s.name},
                   {"speakers", s.speakers},
                   {"new", s.is_new},
                   {"quotes", QuotesJson(s.quotes)}});
  }
  return out;
}

json ContradictionJson(const ContradictionFinding& c) {
  return {{"level", c.concept_level ? "concept" : "proposition"},
          {"holder_level", LevelName(c.holder_level)},
          {"text", c.text},
          {"concept", c.concept_name.empty() ? json(nullptr) : json(c.concept_name)},
          {"propositions", c.propositions},
          {"pairs", c.pairs},
          {"for", SidesJson(c.for_side)},
          {"against", SidesJson(c.against_side)}};
}

json ReversalJson(const ReversalFinding& r) {
  return {{"holder", r.holder},
          {"level", LevelName(r.level)},
          {"proposition", r.proposition},
          {"from",
           {{"polarity", r.from_polarity},
            {"time", TimeJson(r.from_time)},
            {"holders", r.from_holders},
            {"quotes", QuotesJson(r.before)}}},
          {"to",
           {{"polarity", r.to_polarity},
            {"time", TimeJson(r.to_time)},
            {"holders", r.to_holders},
            {"quotes", QuotesJson(r.after)}}}};
}

json ContestedJson(const ContestedProposition& c) {
  json timeline = json::array();
  for (const TimelinePoint& p : c.timeline) {
    timeline.push_back({{"time", TimeJson(p.made)},
                        {"holder", p.holder},
                        {"polarity", p.polarity},
                        {"new", p.is_new}});
  }
  return {{"text", c.text},
          {"concept", c.concept_name.empty() ? json(nullptr) : json(c.concept_name)},
          {"for", c.for_holders},
          {"against", c.against_holders},
          {"pairs", c.pairs},
          {"new_pairs", c.new_pairs},
          {"timeline", std::move(timeline)},
          {"quotes", QuotesJson(c.quotes)}};
}

}  // namespace

nlohmann::ordered_json ReportToJson(const Report& r) {
  json contradictions = json::array(), reversals = json::array(), contested = json::array();
  for (const auto& c : r.new_contradictions) contradictions.push_back(ContradictionJson(c));
  for (const auto& v : r.new_reversals) reversals.push_back(ReversalJson(v));
  for (const auto& c : r.contested) contested.push_back(ContestedJson(c));
  json concepts = json::array(), coalitions = json::array(), actors = json::array();
  for (const auto& c : r.concepts) {
    concepts.push_back({{"name", c.name},
                        {"propositions", c.propositions},
                        {"holders", c.holders},
                        {"pairs", c.pairs}});
  }
  for (const auto& c : r.coalitions) {
    coalitions.push_back(
        {{"members", c.members}, {"movement", c.movement}, {"joined", c.joined}, {"left", c.left}});
  }
  for (const auto& a : r.actors) {
    actors.push_back({{"holder", a.name},
                      {"propositions", a.propositions},
                      {"agree_edges", a.agree_edges},
                      {"conflict_edges", a.conflict_edges},
                      {"betweenness", std::round(a.betweenness * 1e4) / 1e4}});
  }
  json edges = json::array();
  for (const auto& e : r.network.edges) {
    edges.push_back({{"a", e.a}, {"b", e.b}, {"agree", e.agree}, {"conflict", e.conflict}});
  }
  const ReportTotals& t = r.totals;
  return {{"schema_version", kSchemaVersion},
          {"profile", r.profile},
          {"generated", TimeJson(r.generated)},
          {"level", r.level.has_value() ? LevelName(*r.level) : "auto"},
          {"by_concept", r.by_concept},
          {"since", {{"sequence", r.since_sequence}, {"time", TimeJson(r.since_time)}}},
          {"until", {{"sequence", r.until_sequence}}},
          {"totals",
           {{"new_mentions", t.new_mentions},
            {"new_documents", t.new_documents},
            {"new_contradictions", t.new_contradictions},
            {"new_reversals", t.new_reversals},
            {"contested_propositions", t.contested_propositions},
            {"propositions", t.propositions},
            {"holders", t.holders}}},
          {"new_contradictions", std::move(contradictions)},
          {"new_reversals", std::move(reversals)},
          {"contested_propositions", std::move(contested)},
          {"contested_concepts", std::move(concepts)},
          {"coalitions", std::move(coalitions)},
          {"key_actors", std::move(actors)},
          {"conflict_network", {{"nodes", r.network.nodes}, {"edges", std::move(edges)}}}};
}

}  // namespace stancegraph::query
