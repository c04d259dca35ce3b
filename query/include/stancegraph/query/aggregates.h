// Counts over the whole store (or a filtered view) answered from the indexes
// without enumerating pairs, and the incremental form: what the mentions
// ingested after a point add.
//
//   Q1 (contradicting holder pairs) = Σ_p |for_p|·|against_p| − |for_p ∩ against_p|
//   Q2 (flipped holder × proposition pairs) = pairs whose polarity changes at
//      least once in (made time, sequence) order.
//   Reversals = changes of polarity between consecutive days of a holder's
//      timeline on a proposition (changes.h): a day with both polarities
//      decides nothing. So a pair that took both sides only within one day
//      counts in Q2 but has no reversal.
//
// Holders are counted as named (the person level of levels.h).
//
// Thread-safety: each call uses its own iterators; the Database may be shared.
#pragma once

#include <cstdint>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/query/filter.h"

namespace stancegraph::query {

struct ContradictionCounts {
  // (proposition, holder for, different holder against) triples: Q1.
  uint64_t pairs = 0;
  // Propositions with at least one such pair.
  uint64_t contested_propositions = 0;
  // Propositions with at least one for or against claim in the view.
  uint64_t propositions = 0;
  // Distinct claims (holder, proposition, polarity ±1) in the view.
  uint64_t claims = 0;
  // Holders on both sides of a proposition, counted per proposition.
  uint64_t self_contradictions = 0;
};

// Reads the canonical claim index once (the mentions, when the filter has
// mention-level restrictions).
absl::StatusOr<ContradictionCounts> CountContradictions(engine::Database& db,
                                                        const Filter& filter = {});

struct ChangeCounts {
  // (holder, proposition) pairs whose polarity changes at least once: Q2.
  uint64_t flipped_pairs = 0;
  // Holders with at least one reversal.
  uint64_t holders_with_reversals = 0;
  // (holder, proposition) pairs with a for or against claim in the view.
  uint64_t holder_propositions = 0;
  // Reversals: changes of polarity between consecutive deciding days
  // (changes.h). Only counted with `count_events`; 0 otherwise.
  uint64_t reversals = 0;
};

// Q2 without reading a timeline: neutral mentions aside, a holder's polarity
// on a proposition changes at least once, in whatever order its mentions are
// taken, exactly when the holder has both a for and an against claim on it.
// So Q2 = Σ_p |for_p ∩ against_p|, one pass over the canonical claim index
// (over the filtered mentions when the filter restricts them). With
// `count_events`, also counts every reversal, reading the holder index in
// (made time, sequence) order (Q2 is the same either way).
absl::StatusOr<ChangeCounts> CountChanges(engine::Database& db, const Filter& filter = {},
                                          bool count_events = false);

// What the mentions with sequence >= `since_sequence` changed. The cost
// grows with the new mentions, not with the database: one scan of them (each
// records what it changed when it was stored), the records of the writes
// that stored them (what each added to Q1), and the timelines of the
// (holder, proposition) pairs on both sides that they touch. A point inside
// a write, or writes by an earlier version, read the sides of the
// propositions the new claims touch instead, in one batch.
struct IncrementalCounts {
  uint64_t since_sequence = 0;
  // NextSequence() when the question was asked: pass it as the next `since`.
  uint64_t until_sequence = 0;
  uint64_t new_mentions = 0;
  // Claims (holder, proposition, polarity ±1) that had no mention before.
  uint64_t new_claims = 0;
  // Q1 now minus Q1 before: contradicting triples that involve a new claim.
  uint64_t new_contradicting_pairs = 0;
  // (holder, proposition) pairs flipped now that had not flipped before.
  uint64_t new_flipped_pairs = 0;
  // Reversals with a new for or against mention in one of their two days:
  // what FindReversals with this since_sequence yields (as named).
  uint64_t new_reversals = 0;
  // Propositions whose contradiction count changed.
  uint64_t touched_propositions = 0;
};

// Only the snapshot of `filter` is honoured here (other restrictions are
// ignored). InvalidArgument when since_sequence > NextSequence().
absl::StatusOr<IncrementalCounts> CountSince(engine::Database& db, uint64_t since_sequence,
                                             const Filter& filter = {});

}  // namespace stancegraph::query
