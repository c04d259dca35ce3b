// Pieces of BuildReport shared between its files.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/query/claim_set.h"
#include "stancegraph/query/evidence.h"
#include "stancegraph/query/levels.h"
#include "stancegraph/query/report.h"
#include "stancegraph/query/view_mapping.h"

namespace stancegraph::query::report_internal {

// The level of contradictions, contested propositions and networks.
Level ViewLevel(const ReportOptions& options);

// What one report reads, looked up once. Not thread-safe.
class Context {
 public:
  Context(engine::Database& db, const ReportOptions& options)
      : db_(db),
        options_(options),
        records_(db, options.snapshot),
        levels_(db, options.snapshot),
        ro_{.snapshot = options.snapshot} {}

  engine::Database& db() { return db_; }
  const ReportOptions& options() const { return options_; }
  RecordCache& records() { return records_; }
  // How the whole-store sections read holders: the report's level, else
  // as the contradiction and network questions do by default.
  ViewMapping mapping() {
    return {.level = ViewLevel(options_), .resolver = &levels_, .links = &links_};
  }
  // Reads the paraphrase links when the options ask for them.
  absl::Status LoadLinks();
  const engine::ReadOptions& read_options() const { return ro_; }
  bool IsNew(uint64_t sequence) const { return sequence >= options_.since_sequence; }

  // The evidence as shown in a report: link, condition and newness added.
  absl::StatusOr<Quote> ToQuote(const Evidence& e);
  absl::StatusOr<Quote> LoadQuote(uint64_t sequence);

 private:
  engine::Database& db_;
  const ReportOptions& options_;
  RecordCache records_;
  LevelResolver levels_;
  PropositionLinks links_;
  engine::ReadOptions ro_;
  std::unordered_map<schema::DocumentId, std::string> doc_links_;
  // What hand corrections changed per document: (ordinal, correction id).
  std::unordered_map<schema::DocumentId, std::vector<std::pair<uint32_t, uint64_t>>> corrected_;
};

// The claims of the whole view, and of the mentions before since_sequence,
// read through Context::mapping().
struct ClaimViews {
  ClaimSet now;
  ClaimSet before;
  std::unordered_set<schema::ClaimId> claims_before;
};
absl::StatusOr<ClaimViews> ReadClaimViews(Context& cx);

// Sections over the whole store (report_state.cc).
absl::Status AddContested(Context& cx, const ClaimViews& views, Report& report);
absl::Status AddConcepts(Context& cx, const ClaimViews& views, Report& report);
absl::Status AddNetworkSections(Context& cx, const ClaimViews& views, Report& report);

// Collapses runs of whitespace (line breaks included) to one space and trims.
std::string CollapseSpace(std::string_view text);

}  // namespace stancegraph::query::report_internal
