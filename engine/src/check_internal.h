// The consistency checker behind CheckConsistency. Private to engine: it reads
// the column families directly (engine/FORMAT.md).
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "database_impl.h"
#include "stancegraph/engine/check.h"

namespace stancegraph::engine::check {

// Readable forms of keys for problem reports.
std::string Id(std::string_view label, uint64_t id);
std::string Made(schema::Timestamp t);
std::string Hex(std::string_view bytes);
std::string RefKey(const MentionRef& r);

class Checker {
 public:
  Checker(DatabaseImpl& db, const CheckOptions& options);
  absl::StatusOr<CheckReport> Run();

 private:
  using Visit = std::function<absl::Status(std::string_view key, std::string_view value)>;

  void Problem(Cf c, std::string key, std::string message);
  // NotFound is nullopt; other read errors are returned.
  absl::StatusOr<std::optional<std::string>> Get(Cf c, std::string_view key);
  absl::StatusOr<bool> Has(Cf c, std::string_view key);
  // Calls `visit` for every entry of family `c`, in key order.
  absl::Status Scan(Cf c, const Visit& visit);
  absl::StatusOr<uint64_t> Count(Cf c);

  absl::Status CheckDocuments();
  absl::Status CheckEntities();
  absl::Status CheckPropositions();
  absl::Status CheckClaims();
  absl::Status CheckClaimIndex(Cf c);
  absl::Status CheckPropositionSides();
  // The records of what each write changed (keys::kWriteChangesPrefix).
  absl::Status CheckWriteChanges();
  absl::Status CheckMentions();
  absl::Status CheckMention(std::string_view key, std::string_view value);
  // The mention's entry in index `c` exists under `key` with `value`.
  absl::Status CheckIndexEntry(Cf c, const MentionRef& ref, const std::string& key,
                               std::string_view value);
  // The doc_ranges entry that covers mention `seq` of `doc` becomes current.
  absl::Status Cover(schema::DocumentId doc, uint64_t seq);
  void EndRange();
  absl::Status CheckDocRanges();
  absl::Status CheckMentionIndex(Cf c);
  absl::Status CheckCounters();
  // Every active hand correction applies to something stored
  // (check_corrections.cc).
  absl::Status CheckCorrections();

  DatabaseImpl& db_;
  CheckOptions options_;
  std::unique_ptr<Snapshot> snapshot_;
  rocksdb::ReadOptions ro_;
  CheckReport report_;

  // Counters as stored in the default family.
  uint64_t next_sequence_ = 1;
  uint64_t max_sequence_ = 0;
  // Mentions whose index entries were looked up, and per family how many of
  // those entries were missing: with none missing and as many entries as
  // mentions, a family has no orphans.
  uint64_t indexed_mentions_ = 0;
  std::array<uint64_t, kNumCfs> missing_{};
  // Claims and documents known to exist (bounded caches).
  absl::flat_hash_set<schema::ClaimId> good_claims_;
  schema::DocumentId last_good_doc_ = 0;
  // The doc_ranges entry the mention scan is in.
  struct Range {
    schema::DocumentId doc = 0;
    uint64_t first = 0, count = 0, seen = 0;
  };
  std::optional<Range> range_;
  std::unique_ptr<rocksdb::Iterator> ranges_it_;
};

}  // namespace stancegraph::engine::check
