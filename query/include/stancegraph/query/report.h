// Periodic contradiction reports: what the mentions ingested since a point
// (a sequence, see Database::NextSequence) added — new contradictions between
// holders, new reversals — and the state of the whole store: the most
// contested propositions and concepts, coalitions and how they moved since
// that point, key actors. Every finding carries its quotes. A Report is plain
// data; report_render.h turns it into Markdown, HTML or JSON, and
// report_watermark.h keeps the point of the last report in the database.
//
//   SG_ASSIGN_OR_RETURN(Report r, BuildReport(db, {.since_sequence = s}));
//   std::cout << RenderMarkdown(r);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/query/levels.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

struct ReportOptions {
  // Profile name shown in the report ("default", "weekly"). Default: "default".
  std::string profile = "default";
  // Mentions with sequence >= since_sequence are new. Default: 0 = all.
  uint64_t since_sequence = 0;
  // When "new" starts, for display only (the previous report, or --since).
  // Default: kNoTime = unknown / the beginning.
  schema::Timestamp since_time = schema::kNoTime;
  // When the report was made, shown in it. Default: kNoTime = not shown.
  schema::Timestamp generated = schema::kNoTime;
  // Most contested propositions / concepts listed. Default: 10.
  size_t max_contested = 10;
  // New contradictions and reversals listed (the counts stay exact).
  // Default: 50.
  size_t max_findings = 50;
  // Key actors listed. Default: 10.
  size_t max_actors = 10;
  // Holders drawn in the conflict network. Default: 12.
  size_t max_network_nodes = 12;
  // Quotes per holder and side of a finding. Default: 2.
  size_t quotes = 2;
  // The level holders are read at. nullopt = auto, as `stancegraph query`
  // does: contradictions, contested propositions and the networks with
  // holders as named (ContradictionOptions / NetworkOptions defaults),
  // reversals at the most specific level (ChangeOptions). A level applies
  // to every section. Default: nullopt.
  std::optional<Level> level;
  // Concept-level findings: contradictions across the propositions of one
  // concept, the contested concepts section, and networks treating a
  // concept as one issue. Default: false (as ContradictionOptions and
  // NetworkOptions).
  bool by_concept = false;
  // Read propositions through paraphrase links, as the queries do.
  // Default: true.
  bool link_paraphrases = true;
  // Read as of this snapshot; must outlive the call. Default: latest.
  const engine::Snapshot* snapshot = nullptr;
};

// One mention, ready to show. Text fields are untrusted article text:
// renderers escape them.
struct Quote {
  uint64_t sequence = 0;
  std::string holder;
  int8_t polarity = 0;
  std::string text;  // the sentence cut from the document, whitespace collapsed
  std::string predicate;
  std::string outlet;
  std::string title;
  std::string link;  // the document's url, else its source as imported
  schema::Timestamp made = schema::kNoTime;
  bool hedged = false;
  bool conditional = false;
  std::string condition;  // when conditional and known
  bool is_new = false;    // ingested at or after since_sequence
  // Ids of the hand corrections that changed this mention
  // (engine/corrections.h); empty as extracted.
  std::vector<uint64_t> corrected;
};

// One holder on one side of a contradiction.
struct ReportSide {
  schema::EntityId holder = 0;
  std::string name;
  // Who spoke for it, sorted names: {name} as named; at a level, the people
  // and bodies whose claims make this side.
  std::vector<std::string> speakers;
  bool is_new = false;  // some claim of this side is new
  std::vector<Quote> quotes;
};

// A contradiction the new mentions made: on one proposition, more opposed
// holder pairs than before since_sequence; across a concept, a side with a
// new claim (only among the propositions the new mentions touch).
struct ContradictionFinding {
  bool concept_level = false;
  Level holder_level = Level::kPerson;
  std::string text;  // the proposition's text, or the concept's name
  std::string concept_name;
  std::vector<std::string> propositions;  // texts; several when concept_level
  std::vector<ReportSide> for_side;
  std::vector<ReportSide> against_side;
  uint64_t pairs = 0;
};

struct ReversalFinding {
  Level level = Level::kPerson;  // the level it was found at
  std::string holder;            // the holder at that level
  std::string proposition;
  int8_t from_polarity = 0;
  int8_t to_polarity = 0;
  schema::Timestamp from_time = schema::kNoTime;  // last mention of the old stance
  schema::Timestamp to_time = schema::kNoTime;    // first mention of the new one
  std::vector<Quote> before;
  std::vector<Quote> after;
  // Who spoke on each side of the change, sorted names.
  std::vector<std::string> from_holders;
  std::vector<std::string> to_holders;
};

// One point of a stance timeline: a holder's mention at a time.
struct TimelinePoint {
  schema::Timestamp made = schema::kNoTime;
  std::string holder;
  int8_t polarity = 0;
  bool is_new = false;
};

struct ContestedProposition {
  std::string text;
  std::string concept_name;
  std::vector<std::string> for_holders;  // names, sorted
  std::vector<std::string> against_holders;
  uint64_t pairs = 0;
  uint64_t new_pairs = 0;               // pairs now minus pairs before since_sequence
  std::vector<TimelinePoint> timeline;  // by (made, holder); undated left out
  std::vector<Quote> quotes;            // the latest for and against mention
};

// Only with ReportOptions::by_concept.
struct ContestedConcept {
  std::string name;
  uint32_t propositions = 0;
  uint32_t holders = 0;
  uint64_t pairs = 0;  // opposed holder pairs across the concept's propositions
};

struct CoalitionFinding {
  std::vector<std::string> members;  // names, sorted
  // "new" (no member was in a coalition before), "grew", "shrank",
  // "changed" (some joined and some left) or "stable".
  std::string movement;
  std::vector<std::string> joined;  // vs the best-matching coalition before
  std::vector<std::string> left;
};

struct KeyActor {
  std::string name;
  uint32_t propositions = 0;
  uint32_t agree_edges = 0;
  uint32_t conflict_edges = 0;
  double betweenness = 0;
};

// A small picture of the conflict network: the holders with most conflict
// edges and the edges among them.
struct NetworkPicture {
  std::vector<std::string> nodes;
  struct Edge {
    uint32_t a = 0, b = 0;  // indexes into nodes
    uint32_t agree = 0, conflict = 0;
  };
  std::vector<Edge> edges;
};

struct ReportTotals {
  uint64_t new_mentions = 0;
  uint64_t new_documents = 0;
  uint64_t new_contradictions = 0;  // before max_findings applied
  uint64_t new_reversals = 0;
  uint64_t contested_propositions = 0;
  uint64_t holders = 0;  // with a for or against claim (as read at the level)
  uint64_t propositions = 0;
};

struct Report {
  std::string profile;
  std::optional<Level> level;  // ReportOptions::level
  bool by_concept = false;     // ReportOptions::by_concept
  schema::Timestamp generated = schema::kNoTime;
  uint64_t since_sequence = 0;
  schema::Timestamp since_time = schema::kNoTime;
  // NextSequence() of the view: the next report's since_sequence.
  uint64_t until_sequence = 0;
  ReportTotals totals;
  std::vector<ContradictionFinding> new_contradictions;
  std::vector<ReversalFinding> new_reversals;
  std::vector<ContestedProposition> contested;
  std::vector<ContestedConcept> concepts;
  std::vector<CoalitionFinding> coalitions;
  std::vector<KeyActor> actors;
  NetworkPicture network;
};

// Builds the report from the store. Reads every mention once (coalitions
// then and now), plus the mentions of the new and contested findings.
// InvalidArgument when since_sequence > NextSequence().
absl::StatusOr<Report> BuildReport(engine::Database& db, const ReportOptions& options = {});

}  // namespace stancegraph::query
