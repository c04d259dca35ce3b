// Graph views of a filtered ClaimSet: the signed bipartite graph
// holder —(+/−)— proposition, and its projection onto holders, where an edge
// counts the propositions two holders agree on (same polarity) and those they
// conflict on (opposite polarity). Weights may be normalised:
//   Jaccard: w / |props(a) ∪ props(b)|     cosine: w / sqrt(|props(a)|·|props(b)|)
// where props(h) is the set of propositions h takes a side on. Holders are
// read at a level (levels.h): as named by default, or as the organisation or
// state they spoke for.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/query/claim_set.h"
#include "stancegraph/query/evidence.h"
#include "stancegraph/query/filter.h"
#include "stancegraph/query/levels.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

enum class NetworkKind : uint8_t {
  kAgreement,  // congruence: edges weighted by propositions agreed on
  kConflict,   // edges weighted by propositions disagreed on
  kSigned,     // both counts; sign = agreement > conflict ? + : conflict > agreement ? − : 0
};

enum class Normalisation : uint8_t { kNone, kJaccard, kCosine };

struct HolderNode {
  schema::EntityId id = 0;
  std::string name;
  schema::EntityType type = schema::EntityType::kUnknown;
  uint32_t propositions = 0;  // |props(h)| in the view (a merged concept counts once)
};

struct HolderEdge {
  uint32_t a = 0;  // indexes into HolderNetwork::nodes, a < b
  uint32_t b = 0;
  uint32_t agree = 0;
  uint32_t conflict = 0;
  // agree, conflict or (kSigned) agree − conflict, normalised per options.
  double weight = 0;
  // Made times of the claims behind the edge; kNoTime when unknown.
  schema::Timestamp first_made = schema::kNoTime;
  schema::Timestamp last_made = schema::kNoTime;
  // +1, −1 or 0 (tie): the edge's sign in the signed network.
  int sign() const { return agree > conflict ? 1 : conflict > agree ? -1 : 0; }
};

struct HolderNetwork {
  NetworkKind kind = NetworkKind::kSigned;
  Normalisation normalisation = Normalisation::kNone;
  schema::Timestamp window_from = schema::kNoTime;  // the filter's window
  schema::Timestamp window_to = schema::kMaxTime;
  std::vector<HolderNode> nodes;  // by holder id
  std::vector<HolderEdge> edges;  // by (a, b)
  // Index of a holder in `nodes`, or -1.
  int64_t IndexOf(schema::EntityId holder) const;
};

struct NetworkOptions {
  // Default: everything.
  Filter filter;
  // Default: kSigned (both counts on every edge).
  NetworkKind kind = NetworkKind::kSigned;
  // Default: kNone (counts).
  Normalisation normalisation = Normalisation::kNone;
  // Keep edges whose count (agree for kAgreement, conflict for kConflict,
  // agree + conflict for kSigned) is at least this. Default: 1.
  uint32_t min_count = 1;
  // Holders without an edge are kept as isolated nodes. Default: false.
  bool keep_isolated = false;
  // The projection visits Σ_p (holders on p)² holder pairs; above this it
  // fails with ResourceExhausted (narrow the view). Default: 200 million.
  uint64_t max_pair_visits = 200'000'000;
  // Look up holder names and types. Default: true.
  bool load_names = true;
  // Read the mentions (not only the claim index) so edges carry made times.
  // Default: true.
  bool edge_times = true;
  // Treat the propositions of one concept as one issue, as discourse network
  // analysis does: paraphrases agree or conflict with each other.
  // Propositions without a concept stay apart. Holders who took opposite
  // sides of different propositions have not disagreed on any one claim,
  // so this is asked for, never assumed. Default: false.
  bool merge_concepts = false;
  // The level holders are read at: at kState a person and their own state
  // are one node. Default: kPerson, as named.
  Level level = Level::kPerson;
  // Read propositions through paraphrase links, as contradictions do.
  // Default: true.
  bool link_paraphrases = true;
};

// Projects the view onto holders.
absl::StatusOr<HolderNetwork> BuildHolderNetwork(engine::Database& db,
                                                 const NetworkOptions& options = {});
// The same from claims already read, at whatever level they were read
// (names are left empty; concepts are not merged: see MergeConcepts).
absl::StatusOr<HolderNetwork> ProjectHolders(const ClaimSet& claims,
                                             const NetworkOptions& options = {});

// `claims` with each proposition that has a concept read as that concept
// (NetworkOptions::merge_concepts); others stay apart.
ClaimSet MergeConcepts(const ClaimSet& claims, RecordCache& records);

struct BipartiteNetwork {
  schema::Timestamp window_from = schema::kNoTime;
  schema::Timestamp window_to = schema::kMaxTime;
  std::vector<HolderNode> holders;  // by id
  struct PropositionNode {
    schema::PropositionId id = 0;
    std::string text;
    std::string concept_name;
  };
  std::vector<PropositionNode> propositions;  // by id
  struct Edge {
    uint32_t holder = 0;       // index into holders
    uint32_t proposition = 0;  // index into propositions
    int8_t polarity = 0;
    uint32_t mentions = 0;  // 0 when unknown (read from the claim index)
    schema::Timestamp first_made = schema::kNoTime;
    schema::Timestamp last_made = schema::kNoTime;
  };
  std::vector<Edge> edges;  // by (holder, proposition, polarity)
};

// The signed bipartite graph of the view, with mention counts and made
// times per edge, holders read at `level`. `load_names` looks up holder
// names and proposition texts.
absl::StatusOr<BipartiteNetwork> BuildBipartite(engine::Database& db, const Filter& filter = {},
                                                bool load_names = true,
                                                Level level = Level::kPerson);

}  // namespace stancegraph::query
