// Paraphrase links: which stored propositions a question reads as one, and
// why. The extractor gives paraphrases one key when their predicate and
// arguments agree; these links join what a key alone cannot:
//   - a proposition that says less of the same thing ("a ceasefire" and "a
//     Gaza ceasefire"; "an offensive in Rafah" and "Israel's offensive in
//     Rafah"), when exactly one more specific reading exists in the store;
//   - a lexical opposite ("a ban on X", "halting X", "refraining from X")
//     of a proposition stated positively elsewhere: a claim on it counts on
//     the other side of X;
//   - free-text propositions (no predicate found) naming the same entities
//     in mostly the same words.
// Links are computed from the proposition records of the store (predicate
// and arguments), never from claims, so they do not depend on who said
// what; every link carries the reason a user can read (`query claims`).
//
// Immutable once built; safe to read from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

struct PropositionLink {
  schema::PropositionId from = 0;
  schema::PropositionId to = 0;
  // -1 when `from` states the opposite of `to`: a claim on `from` is a
  // claim of the opposite polarity on `to`.
  int8_t sign = 1;
  std::string reason;
};

struct PropositionLinkOptions {
  // Propositions sharing one predicate are compared pairwise; a predicate
  // with more propositions than this is linked by exact key only (the store
  // is then large enough that a general reading is rarely unique anyway).
  // Default: 4000.
  size_t max_compared = 4000;
  // Free-text propositions link when their content lemmas overlap at least
  // this much (Jaccard) and they name the same entities. Default: 0.6.
  double min_word_overlap = 0.6;
  const engine::Snapshot* snapshot = nullptr;  // Default: latest
};

class PropositionLinks {
 public:
  // Reads every proposition record once. Stores without predicates (claims
  // loaded from CSV) give no links and cost one scan.
  static absl::StatusOr<PropositionLinks> Build(engine::Database& db,
                                                const PropositionLinkOptions& options = {});

  PropositionLinks() = default;

  // Where a claim on `p` counts: its group's representative and the sign
  // its polarity takes there. (p, +1) when `p` is linked to nothing.
  std::pair<schema::PropositionId, int8_t> Resolve(schema::PropositionId p) const {
    const auto it = resolved_.find(p);
    return it == resolved_.end() ? std::pair{p, int8_t{1}} : it->second;
  }
  // The representative's group: every member with the link that put it
  // there (the representative itself is not listed). Empty when alone.
  std::vector<PropositionLink> Group(schema::PropositionId representative) const;
  // The link that joined `p` to its group, or nullptr.
  const PropositionLink* LinkOf(schema::PropositionId p) const;

  size_t size() const { return links_.size(); }
  bool empty() const { return links_.empty(); }
  const std::vector<PropositionLink>& links() const { return links_; }

 private:
  std::vector<PropositionLink> links_;
  std::unordered_map<schema::PropositionId, std::pair<schema::PropositionId, int8_t>> resolved_;
  std::unordered_map<schema::PropositionId, size_t> link_of_;  // index into links_
};

}  // namespace stancegraph::query
