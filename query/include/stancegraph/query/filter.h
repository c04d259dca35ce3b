// What part of the store a question looks at: a time window and filters on
// holders, propositions and mentions. Every question in stancegraph::query
// takes a Filter; the default looks at everything.
//
//   Filter f{.made_from = t0, .made_to = t1, .concept_name = "territory"};
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

// How a flag on a mention (hedged, conditional) restricts a view.
enum class FlagFilter : uint8_t {
  kInclude,  // mentions with and without the flag
  kExclude,  // only mentions without the flag
  kOnly,     // only mentions with the flag
};

struct Filter {
  // Valid-time window on when a claim was made, [made_from, made_to).
  // Mentions without a made time are outside any bounded window.
  // Default: no bounds.
  schema::Timestamp made_from = schema::kNoTime;
  schema::Timestamp made_to = schema::kMaxTime;
  // Propositions of this concept only (exact match). Default: "" = any.
  std::string concept_name;
  // Only these propositions. Default: empty = any.
  std::vector<schema::PropositionId> propositions;
  // Only these holders. Default: empty = any.
  std::vector<schema::EntityId> holders;
  // Only holders of these types. Default: empty = any.
  std::vector<schema::EntityType> holder_types;
  // Only mentions from documents of this outlet (exact match). Default: "" = any.
  std::string outlet;
  // Only mentions with at least this confidence. Default: 0 = any.
  float min_confidence = 0.0f;
  // Default: kInclude.
  FlagFilter hedged = FlagFilter::kInclude;
  // Default: kInclude.
  FlagFilter conditional = FlagFilter::kInclude;
  // Read as of this snapshot; must outlive the question. Default: latest.
  const engine::Snapshot* snapshot = nullptr;

  // True when no restriction is set (snapshot aside).
  bool IsEmpty() const;
  // True when a time bound is set.
  bool HasTimeWindow() const;
  // True when deciding needs the full mention record (confidence, flags,
  // outlet), not only its index key.
  bool NeedsMentionRecord() const;
};

// Applies a Filter to scanned mentions, caching what it looks up (holder
// types, proposition concepts, document outlets). Cheap checks on the index
// key come first; the mention record is read only when the filter needs it.
// Not thread-safe. `db` must outlive it.
class MentionFilter {
 public:
  MentionFilter(engine::Database& db, const Filter& filter);
  ~MentionFilter();
  MentionFilter(const MentionFilter&) = delete;
  MentionFilter& operator=(const MentionFilter&) = delete;

  // Whether the mention the iterator points at passes. REQUIRES: it.Valid().
  absl::StatusOr<bool> Accept(const engine::MentionIterator& it);
  // The same for a ref read elsewhere; reads the mention by sequence when
  // the filter needs the record.
  absl::StatusOr<bool> AcceptRef(const engine::MentionRef& ref);
  // Whether the holder / proposition may pass at all (types, concept, lists).
  absl::StatusOr<bool> AcceptHolder(schema::EntityId holder);
  absl::StatusOr<bool> AcceptProposition(schema::PropositionId prop);

  const Filter& filter() const { return filter_; }

 private:
  struct Caches;
  absl::StatusOr<bool> AcceptKey(const engine::MentionRef& ref);
  absl::StatusOr<bool> AcceptRecord(const schema::Mention& m);
  engine::Database& db_;
  Filter filter_;
  std::unique_ptr<Caches> caches_;
};

// A mention scan chosen to fit the filter (one holder's or one proposition's
// index when the filter names few, the time index for a window, else the
// holder index), skipping what the filter rejects. Same contract as
// engine::MentionIterator. Order: unspecified across holders; within one
// (holder, proposition) by (made time, sequence).
class FilteredMentions {
 public:
  // `db` must outlive the scan. With `grouped`, each (holder, proposition)'s
  // mentions come together, in (made time, sequence) order (the holder
  // index is used; a time window is then checked per mention).
  FilteredMentions(engine::Database& db, const Filter& filter, bool grouped = false);
  ~FilteredMentions();

  bool Valid() const;
  // REQUIRES: Valid()
  void Next();
  // REQUIRES: Valid()
  const engine::MentionRef& ref() const;
  // REQUIRES: Valid()
  absl::StatusOr<schema::Mention> mention() const;
  absl::Status status() const;
  // Whether each (holder, proposition)'s mentions come together.
  bool grouped() const { return grouped_; }

 private:
  void Settle();
  bool OpenNextSource();

  engine::Database& db_;
  MentionFilter filter_;
  engine::ScanOptions scan_;
  std::vector<schema::EntityId> holder_queue_;
  std::vector<schema::PropositionId> prop_queue_;
  bool grouped_ = false;
  bool single_source_done_ = false;
  std::unique_ptr<engine::MentionIterator> it_;
  absl::Status status_;
};

}  // namespace stancegraph::query
