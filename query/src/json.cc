#include "stancegraph/query/json.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::query {
namespace {

// A float as people wrote it: the shortest decimal that reads back as the
// same float, so 0.9f prints as 0.9 and not 0.8999999761581421.
double ShortestFloat(float value) {
  if (!std::isfinite(value)) return value;
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf - 1, value);
  *r.ptr = '\0';
  return std::strtod(buf, nullptr);
}

using nlohmann::json;

json TimeJson(schema::Timestamp t) {
  return t == schema::kNoTime ? json(nullptr) : json(schema::FormatTime(t));
}

json HolderJson(schema::EntityId id, RecordCache& records) {
  return {{"id", schema::FormatId(id)}, {"name", records.Holder(id).name}};
}

json PropositionJson(schema::PropositionId id, RecordCache& records) {
  return {{"id", schema::FormatId(id)}, {"text", records.Proposition(id).text}};
}

json HoldersJson(const std::vector<schema::EntityId>& ids, RecordCache& records) {
  json out = json::array();
  for (schema::EntityId id : ids) out.push_back(HolderJson(id, records));
  return out;
}

json SideJson(const std::vector<HolderSide>& side, RecordCache& records) {
  json out = json::array();
  for (const HolderSide& s : side) {
    json claims = json::array();
    for (schema::ClaimId c : s.claims) claims.push_back(schema::FormatId(c));
    json evidence = json::array();
    for (const Evidence& e : s.evidence) evidence.push_back(EvidenceToJson(e));
    json item = {{"holder", HolderJson(s.holder, records)},
                 {"claims", std::move(claims)},
                 {"speakers", HoldersJson(s.speakers, records)},
                 {"evidence", std::move(evidence)}};
    if (s.mentions > 0) item["mentions"] = s.mentions;
    out.push_back(std::move(item));
  }
  return out;
}

json RunJson(const StanceRun& run, bool is_from, const std::vector<Evidence>& evidence,
             RecordCache& records) {
  json ev = json::array();
  for (const Evidence& e : evidence) ev.push_back(EvidenceToJson(e));
  json claims = json::array();
  for (schema::ClaimId c : run.claims) claims.push_back(schema::FormatId(c));
  if (claims.empty()) claims.push_back(schema::FormatId(run.claim));
  return {{"polarity", run.polarity},
          {"time", TimeJson(is_from ? run.last_made : run.first_made)},
          {"first_time", TimeJson(run.first_made)},
          {"last_time", TimeJson(run.last_made)},
          {"claims", std::move(claims)},
          {"holders", HoldersJson(run.speakers, records)},
          {"mentions", run.mentions},
          {"evidence", std::move(ev)}};
}

}  // namespace

json EvidenceToJson(const Evidence& e) {
  json span = nullptr;
  if (e.span.has_value()) span = json::array({e.span->begin, e.span->end});
  return {{"sequence", e.sequence},
          {"claim", schema::FormatId(e.claim)},
          {"polarity", e.polarity},
          {"time", TimeJson(e.made)},
          {"document",
           {{"id", schema::FormatId(e.document)},
            {"source", e.source},
            {"title", e.title},
            {"outlet", e.outlet}}},
          {"quote", e.quote},
          {"span", std::move(span)},
          {"predicate", e.predicate},
          {"object_text", e.object_text},
          {"hedged", e.hedged},
          {"conditional", e.conditional},
          {"confidence", ShortestFloat(e.confidence)}};
}

json ContradictionToJson(const Contradiction& c, RecordCache& records) {
  json out;
  std::string label;
  json props = json::array();
  for (schema::PropositionId p : c.propositions) {
    props.push_back(PropositionJson(p, records));
    if (!label.empty()) label += " | ";
    label += records.Proposition(p).text;
  }
  if (c.level == ContradictionLevel::kProposition) {
    out["proposition"] = PropositionJson(c.proposition, records);
    out["level"] = "proposition";
  } else {
    out["proposition"] = {
        {"id", schema::FormatId(schema::MakePropositionId(schema::NormalizeKey(c.concept_name)))},
        {"text", c.concept_name}};
    out["level"] = "concept";
  }
  out["holder_level"] = LevelName(c.holder_level);
  out["for"] = SideJson(c.for_side, records);
  out["against"] = SideJson(c.against_side, records);
  out["concept"] = c.concept_name;
  out["propositions"] = std::move(props);
  out["label"] = label;
  out["pairs"] = c.pairs;
  json self = json::array();
  for (schema::EntityId h : c.self_contradicting) self.push_back(HolderJson(h, records));
  out["self_contradicting"] = std::move(self);
  return out;
}

json ReversalToJson(const Reversal& r, RecordCache& records) {
  return {{"holder", HolderJson(r.holder, records)},
          {"proposition", PropositionJson(r.proposition, records)},
          {"level", LevelName(r.level)},
          {"from", RunJson(r.from, true, r.before, records)},
          {"to", RunJson(r.to, false, r.after, records)}};
}

}  // namespace stancegraph::query
