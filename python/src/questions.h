// The questions of `stancegraph query` and `export network`, answered as
// JSON in the forms the CLI prints with --format json: contradictions and
// changes as query/json.h writes them, agreements, coalitions and actors
// with the CLI's fields, networks as node and edge lists.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"
#include "stancegraph/engine/database.h"
#include "stancegraph/query/lookup.h"

namespace stancegraph::python {

// The options of every question; each reads the ones it has a use for.
struct QuestionOptions {
  // The view: holders, propositions, made-time window and so on
  // (`--holder`, `--from`, ... of the CLI). Default: everything.
  query::FilterSpec filter;
  // person, organisation (organization), state or auto. Default: auto, which
  // reads holders as named except in changes (see query/changes.h).
  std::string level = "auto";
  // Concept-level answers (`--by-concept`). Default: false.
  bool by_concept = false;
  // Each proposition as worded, no paraphrase links (`--as-stated`).
  // Default: false.
  bool as_stated = false;
  // Quotes per holder and side (contradictions) or per side of a reversal
  // (changes). Default: 1.
  size_t evidence = 1;
  // Contradictions and changes: only what mentions ingested at or after
  // this time touch (`--since`); a time schema::ParseTime reads.
  // Default: "" = all.
  std::string new_since;
  // Networks: none, jaccard or cosine. Default: none.
  std::string normalise = "none";
  // Networks: smallest count on an edge. Default: 1.
  uint32_t min_count = 1;
  // Coalitions: smallest coalition. Default: 2.
  uint32_t min_size = 2;
  // Actors: compute betweenness centrality. Default: true.
  bool betweenness = true;
  // Agreements: only pairs involving these holders (`--with`). Default: all.
  std::vector<std::string> involving;
  // Network(): agreement, conflict, signed or bipartite. Default: signed.
  std::string kind = "signed";
  // Network(): keep holders without an edge. Default: false.
  bool keep_isolated = false;
};

// A list of query::ContradictionToJson objects.
absl::StatusOr<nlohmann::json> Contradictions(engine::Database& db, const QuestionOptions& o);
// A list of query::ReversalToJson objects.
absl::StatusOr<nlohmann::json> Changes(engine::Database& db, const QuestionOptions& o);
// [{"a", "b", "agree", "conflict", "weight", "first_time", "last_time"}],
// heaviest first.
absl::StatusOr<nlohmann::json> Agreements(engine::Database& db, const QuestionOptions& o);
// [{"coalition", "size", "internal_agree", "members"}], largest first.
absl::StatusOr<nlohmann::json> Coalitions(engine::Database& db, const QuestionOptions& o);
// [{"holder", "betweenness", "degree", "strength", "agree_edges",
//   "conflict_edges"}], most central first.
absl::StatusOr<nlohmann::json> Actors(engine::Database& db, const QuestionOptions& o);
// {"kind", "nodes": [...], "edges": [...]}. Holder networks: nodes {"id",
// "name", "type", "propositions"}, edges {"source", "target", "agree",
// "conflict", "weight", "sign", "first_time", "last_time"}. Bipartite: nodes
// "h:<id>" ({"part": "holder", "name", "type"}) and "p:<id>" ({"part":
// "proposition", "text", "concept"}), edges {"source", "target", "polarity",
// "mentions", "first_time", "last_time"}.
absl::StatusOr<nlohmann::json> Network(engine::Database& db, const QuestionOptions& o);

}  // namespace stancegraph::python
