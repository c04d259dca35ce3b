// Contradictions: holders taking opposite positions on one proposition, and
// (when asked) across the paraphrases of one concept. A holder on both sides
// (reversing itself) is listed apart in `self_contradicting`; a proposition
// whose only opposition is such a holder is not reported here (see
// changes.h). Holders are read at a level (levels.h): as named by default,
// or grouped by organisation or state, each side keeping who spoke.
//
//   ContradictionOptions o{.filter = {.concept_name = "territory"}};
//   SG_ASSIGN_OR_RETURN(auto it, FindContradictions(db, o));
//   for (; it->Valid(); it->Next()) Use(it->value());
//   SG_RETURN_IF_ERROR(it->status());
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/query/evidence.h"
#include "stancegraph/query/filter.h"
#include "stancegraph/query/levels.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

// One holder on one side of a contradiction: at a level, the entity that
// speaks for the holders who made the claims.
struct HolderSide {
  schema::EntityId holder = 0;
  // The claims on this side, one per speaker and proposition, and the
  // proposition of each (parallel to `claims`).
  std::vector<schema::ClaimId> claims;
  std::vector<schema::PropositionId> propositions;
  // The holders who made those claims, sorted: {holder} as named; at a
  // level, everyone who spoke for `holder`.
  std::vector<schema::EntityId> speakers;
  // Mentions in the view; 0 when read from the claim index (no filter).
  uint32_t mentions = 0;
  // Up to ContradictionOptions::evidence_per_holder mentions, earliest first.
  std::vector<Evidence> evidence;
};

enum class ContradictionLevel : uint8_t {
  kProposition,  // opposite polarity on the same proposition
  kConcept,      // opposite polarity on different propositions of one concept
};

struct Contradiction {
  ContradictionLevel level = ContradictionLevel::kProposition;
  // The level the sides are read at (ContradictionOptions::level).
  Level holder_level = Level::kPerson;
  // kProposition: the proposition. kConcept: 0.
  schema::PropositionId proposition = 0;
  // The proposition's concept, or the concept (kConcept); may be "".
  std::string concept_name;
  // The propositions involved, in id order (one for kProposition).
  std::vector<schema::PropositionId> propositions;
  // Ordered by holder id.
  std::vector<HolderSide> for_side;
  std::vector<HolderSide> against_side;
  // Holders on both sides, by holder id.
  std::vector<schema::EntityId> self_contradicting;
  // (for, against) pairs of different holders.
  uint64_t pairs = 0;
};

struct ContradictionOptions {
  // Default: everything.
  Filter filter;
  // Report holder-vs-holder contradictions per proposition. Default: true.
  bool by_proposition = true;
  // Report contradictions across different propositions of one concept,
  // after the per-proposition ones; only when some opposed pair of holders
  // does not already oppose each other on one proposition. Such a pair has
  // not disagreed on any one claim, so it is asked for, never assumed.
  // Default: false.
  bool by_concept = false;
  // The level holders are read at. Two named actors disagreeing is news even
  // inside one government, so the default reads holders as named; at
  // kState a person and their own state are one side and never oppose each
  // other. Default: kPerson.
  Level level = Level::kPerson;
  // Read propositions through paraphrase links (proposition_links.h): a
  // claim on "a Gaza ceasefire" meets one on "a ceasefire in Gaza between
  // Israel and Hamas", and one on "a ban on X" meets one on X with its
  // polarity flipped. Each contradiction lists the stated propositions.
  // Default: true.
  bool link_paraphrases = true;
  // Mentions loaded per holder and side (reads the proposition's mentions
  // once per contradiction). Default: 2; 0 = none (claim index only).
  size_t evidence_per_holder = 2;
  // Only contradictions on the propositions that mentions of sequence >=
  // since_sequence touch (with link_paraphrases, also the propositions
  // linked to those), within filter.propositions when it is set: what new
  // ingestion may have changed. Every contradiction on such a proposition is
  // yielded, with all its sides, old claims included; telling which pairs
  // are new is the caller's (the report compares with the view before).
  // The scan costs in proportion to the new mentions. Default: 0 = all.
  uint64_t since_sequence = 0;
};

// Not thread-safe. Must not outlive the Database.
class ContradictionIterator {
 public:
  virtual ~ContradictionIterator() = default;
  virtual bool Valid() const = 0;
  // REQUIRES: Valid()
  virtual void Next() = 0;
  // REQUIRES: Valid()
  virtual const Contradiction& value() const = 0;
  virtual absl::Status status() const = 0;
  // Names and texts of what value() refers to, cached.
  virtual RecordCache& records() = 0;
};

// Reads the claims of the view up front (the claim index, or the filtered
// mentions; at a level always the mentions, whose times pick the roles),
// then yields contradictions by proposition id, then by concept name.
// Errors reading the view are returned here; later ones in status().
absl::StatusOr<std::unique_ptr<ContradictionIterator>> FindContradictions(
    engine::Database& db, const ContradictionOptions& options = {});

}  // namespace stancegraph::query
