// JSON forms of query answers. Contradictions and reversals follow the
// contract in eval/README.md (`query contradictions|changes --format jsonl`),
// with extra fields a reader may ignore.
#pragma once

#include "nlohmann/json.hpp"
#include "stancegraph/query/changes.h"
#include "stancegraph/query/contradictions.h"
#include "stancegraph/query/evidence.h"

namespace stancegraph::query {

// {"sequence", "claim", "polarity", "time", "document": {"id", "source",
//  "title", "outlet"}, "quote", "span", "predicate", "object_text", "hedged",
//  "conditional", "confidence"}
nlohmann::json EvidenceToJson(const Evidence& e);

// {"proposition": {"id", "text"}, "for": [{"holder": {"id", "name"},
//  "claims": [...], "speakers": [{"id", "name"}], "evidence": [...]}],
//  "against": [...], "level", "holder_level", "concept", "propositions",
//  "pairs", "self_contradicting", "label"}.
// "level" is "proposition" or "concept"; for a concept-level contradiction
// "proposition" names the concept ({"id": the id its name would have as a
// proposition key, "text": the concept}) and "propositions" lists the
// paraphrases. "holder_level" is the level the sides are read at ("person",
// "organisation", "state"); "speakers" are the holders who spoke for a side.
nlohmann::json ContradictionToJson(const Contradiction& c, RecordCache& records);

// {"holder": {"id", "name"}, "proposition": {"id", "text"}, "level",
//  "from": {"polarity", "time", "claims", "holders", "first_time",
//  "last_time", "mentions", "evidence"}, "to": {...}}; "time" of `from` is
// its last mention, of `to` its first. "holder" is the holder at "level"
// (e.g. the country); "holders" of each end are those who spoke there.
nlohmann::json ReversalToJson(const Reversal& r, RecordCache& records);

}  // namespace stancegraph::query
