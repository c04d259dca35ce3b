// The embedded API: one database directory, opened by one writer and any
// number of readers (read-only or secondary) in other processes.
//
//   SG_ASSIGN_OR_RETURN(auto db, Database::Open({}, "claims.db"));
//   SG_RETURN_IF_ERROR(db->Write({doc_claims}, {}).status());
//   for (auto it = db->ScanByHolder(holder); it->Valid(); it->Next()) ...
//
// Thread-safety: all methods may be called from several threads; writes are
// serialised internally.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "stancegraph/engine/bulk_loader.h"
#include "stancegraph/engine/corrections.h"
#include "stancegraph/engine/iterators.h"
#include "stancegraph/engine/options.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::engine {

// Bumped whenever a key or value layout changes (engine/FORMAT.md).
inline constexpr uint32_t kFormatVersion = 3;
// The oldest format whose documents and meta values this version still reads,
// so that `stancegraph reextract` (engine::Rebuild) can rebuild such a store.
// Open refuses every format but kFormatVersion.
inline constexpr uint32_t kOldestRebuildableFormat = 2;

// A consistent point-in-time view. Pass it in ScanOptions/ReadOptions to read
// several things as of one moment. (A kSecondary database changes only in
// CatchUp(), so there a snapshot is simply the state since the last one.) Released when destroyed; must not outlive
// the Database that made it.
class Snapshot {
 public:
  virtual ~Snapshot() = default;
  // The sequence the next mention stored after this snapshot gets: the
  // snapshot sees exactly the mentions below it.
  virtual uint64_t next_sequence() const = 0;
};

struct ReadOptions {
  // Default: nullptr = the latest state.
  const Snapshot* snapshot = nullptr;
};

// A closed range of ids [first, last]. Ids are hashes, spread evenly over
// the 64-bit space, so equal slices of it hold about equal shares of a store:
// Split(n) gives n such slices, for scanning one family in parallel.
struct IdRange {
  uint64_t first = 0;
  uint64_t last = UINT64_MAX;
  static std::vector<IdRange> Split(int parts);
  friend bool operator==(const IdRange&, const IdRange&) = default;
};

// Bounds for a scan. Times are inclusive-exclusive: [made_from, made_to).
struct ScanOptions {
  const Snapshot* snapshot = nullptr;
  schema::Timestamp made_from = schema::kNoTime;  // Default: no lower bound
  schema::Timestamp made_to = schema::kMaxTime;   // Default: no upper bound
};

// How many holders take each side of one proposition, kept exact at every
// write. Neutral (0) claims are not counted.
struct PropositionSides {
  uint64_t for_holders = 0;      // holders with a +1 claim
  uint64_t against_holders = 0;  // holders with a -1 claim
  uint64_t both_holders = 0;     // holders with both: each has changed position
  // (holder for, different holder against) pairs: for·against − both.
  uint64_t OpposedPairs() const { return for_holders * against_holders - both_holders; }
};

// What the writes that stored the mentions with sequences in
// [first_sequence, end_sequence) changed in the contradicting pairs, as each
// write recorded when it was stored.
struct WriteChanges {
  uint64_t first_sequence = 0;
  uint64_t end_sequence = 0;
  // Contradicting (for, against) holder pairs the writes added: Q1 after
  // them less Q1 before.
  uint64_t pairs_added = 0;
  // The propositions whose pairs a write changed; one may be named by
  // several writes.
  std::vector<schema::PropositionId> propositions;
};

struct Stats {
  uint64_t documents = 0;
  uint64_t entities = 0;
  uint64_t propositions = 0;
  uint64_t claims = 0;
  uint64_t mentions = 0;
  uint64_t disk_bytes = 0;
};

// The layout of the claim indexes whole-store questions scan (claims by
// proposition, holder timelines), summed over both.
struct IndexLayout {
  uint64_t sorted_runs = 0;       // level-0 files + non-empty deeper levels + unflushed memtables
  uint64_t bytes = 0;             // on disk
  uint64_t bytes_above_bottom = 0;  // in runs other than each index's bottom level
  // Whether merging them into one run each is worth its cost: a scan then
  // reads one file sequence per index instead of merging several (a store
  // built by many small imports answers like a bulk-loaded one).
  bool CompactionPays() const;
};

class Database {
 public:
  // Opens (or, for kReadWrite with create_if_missing, creates) the database
  // in `dir`. Errors: FailedPrecondition "locked" when another process holds
  // it for writing; FailedPrecondition when its format version differs
  // (the message names both versions and, for an older store, the command
  // that rebuilds it); NotFound when absent and not creating; DataLoss when
  // damaged.
  static absl::StatusOr<std::unique_ptr<Database>> Open(const OpenOptions& options,
                                                        const std::string& dir);

  virtual ~Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Stores each document with its entities, propositions, claims and
  // mentions. All of `docs` are one atomic write: on error nothing of it is
  // stored. Ids, the ingest time and mention sequences are filled in by the
  // engine. InvalidArgument (naming the document) when validation fails.
  // FailedPrecondition when the database was not opened for writing.
  virtual absl::StatusOr<WriteSummary> Write(absl::Span<const schema::DocumentClaims> docs,
                                             const WriteOptions& options) = 0;

  // A loader for many documents at once: sorted files ingested whole, much
  // faster than Write for large loads. Holds the write lock while it lives
  // (Write fails meanwhile). FailedPrecondition when not writable.
  virtual absl::StatusOr<std::unique_ptr<BulkLoader>> NewBulkLoader(
      const BulkLoadOptions& options) = 0;

  // True when a document with this id is stored.
  virtual absl::StatusOr<bool> HasDocument(schema::DocumentId id, const ReadOptions& ro = {}) = 0;

  // NotFound when absent.
  virtual absl::StatusOr<schema::Document> GetDocument(schema::DocumentId id,
                                                       const ReadOptions& ro = {}) = 0;
  virtual absl::StatusOr<schema::Entity> GetEntity(schema::EntityId id,
                                                   const ReadOptions& ro = {}) = 0;
  virtual absl::StatusOr<schema::Proposition> GetProposition(schema::PropositionId id,
                                                             const ReadOptions& ro = {}) = 0;
  virtual absl::StatusOr<schema::Claim> GetClaim(schema::ClaimId id,
                                                 const ReadOptions& ro = {}) = 0;
  virtual absl::StatusOr<schema::Mention> GetMention(uint64_t sequence,
                                                     const ReadOptions& ro = {}) = 0;
  // Finds an entity by canonical name or alias (case-insensitive). NotFound
  // when no entity has it.
  virtual absl::StatusOr<schema::Entity> FindEntity(std::string_view name,
                                                    const ReadOptions& ro = {}) = 0;

  virtual std::unique_ptr<Snapshot> GetSnapshot() = 0;

  // Mentions by holder, ordered by (proposition, made time, sequence).
  virtual std::unique_ptr<MentionIterator> ScanByHolder(schema::EntityId holder,
                                                        const ScanOptions& so = {}) = 0;
  // All mentions ordered by (holder, proposition, made time, sequence).
  virtual std::unique_ptr<MentionIterator> ScanAllByHolder(const ScanOptions& so = {}) = 0;
  // Mentions of a proposition ordered by (made time, sequence).
  virtual std::unique_ptr<MentionIterator> ScanByProposition(schema::PropositionId prop,
                                                             const ScanOptions& so = {}) = 0;
  // All mentions with made time in [made_from, made_to), by (made, sequence).
  virtual std::unique_ptr<MentionIterator> ScanByTime(const ScanOptions& so = {}) = 0;
  // Mentions stored at or after `first_sequence`, in ingest order.
  virtual std::unique_ptr<MentionIterator> ScanByIngest(uint64_t first_sequence,
                                                        const ScanOptions& so = {}) = 0;
  // Mentions of one document in the order they were extracted.
  virtual std::unique_ptr<MentionIterator> ScanByDocument(schema::DocumentId doc,
                                                          const ScanOptions& so = {}) = 0;
  // Mentions of one canonical claim ordered by (made time, sequence).
  virtual std::unique_ptr<MentionIterator> ScanByClaim(schema::ClaimId claim,
                                                       const ScanOptions& so = {}) = 0;
  // A cursor over every timeline (see TimelineCursor). Starts unpositioned.
  virtual std::unique_ptr<TimelineCursor> NewTimelineCursor(const ReadOptions& ro = {}) = 0;

  // The sides of each proposition in `props`, in the same order (all zero
  // for a proposition nobody has claimed). One batched read, fastest when
  // `props` is sorted.
  virtual absl::StatusOr<std::vector<PropositionSides>> GetPropositionSides(
      absl::Span<const schema::PropositionId> props, const ReadOptions& ro = {}) = 0;

  // What the writes that stored the mentions [first_sequence, end_sequence)
  // changed, summed; nullopt unless those writes start at first_sequence,
  // follow each other up to end_sequence and each kept its record (writes
  // by earlier versions of stancegraph keep none).
  // Reads those records only: GetPropositionSides answers for any range.
  virtual absl::StatusOr<std::optional<WriteChanges>> GetWriteChanges(
      uint64_t first_sequence, uint64_t end_sequence, const ReadOptions& ro = {}) = 0;

  // Canonical claims of a proposition ordered by (polarity, holder).
  virtual std::unique_ptr<ClaimIterator> ClaimsOfProposition(schema::PropositionId prop,
                                                             const ReadOptions& ro = {}) = 0;
  // Every canonical claim ordered by (proposition, polarity, holder); with
  // `propositions`, those of the propositions in that range only.
  virtual std::unique_ptr<ClaimIterator> AllClaimsByProposition(const ReadOptions& ro = {},
                                                                IdRange propositions = {}) = 0;
  // Canonical claims of a holder ordered by (proposition, polarity).
  virtual std::unique_ptr<ClaimIterator> ClaimsOfHolder(schema::EntityId holder,
                                                        const ReadOptions& ro = {}) = 0;

  virtual std::unique_ptr<RecordIterator<schema::Document>> Documents(
      const ReadOptions& ro = {}) = 0;
  virtual std::unique_ptr<RecordIterator<schema::Entity>> Entities(const ReadOptions& ro = {}) = 0;
  virtual std::unique_ptr<RecordIterator<schema::Proposition>> Propositions(
      const ReadOptions& ro = {}) = 0;

  // The sequence the next stored mention will get (all stored ones are lower).
  virtual uint64_t NextSequence() const = 0;
  // The first sequence of the mentions stored at or after ingest time `t`
  // (NextSequence() when none were): "what was new since t" starts here.
  virtual absl::StatusOr<uint64_t> SequenceAt(schema::Timestamp t, const ReadOptions& ro = {}) = 0;

  // Small named values kept in the database (report watermarks, settings).
  // Put is atomic; NotFound from Get when absent.
  virtual absl::StatusOr<std::string> GetMeta(std::string_view name,
                                              const ReadOptions& ro = {}) = 0;
  virtual absl::Status PutMeta(std::string_view name, std::string_view value) = 0;
  // Every value whose name starts with `prefix`, as (name, value) in name
  // order. Meant for the few values a store keeps; not a scan.
  virtual absl::StatusOr<std::vector<std::pair<std::string, std::string>>> ListMeta(
      std::string_view prefix = "", const ReadOptions& ro = {}) = 0;

  // Hand corrections (engine/corrections.h, docs/corrections.md).
  // AddCorrection stores `c` under the next id (1 + the highest so far),
  // with `when` = now unless set, and returns it. It applies to every
  // document written from then on; stored documents change when the store
  // is rebuilt. kReadWrite only.
  virtual absl::StatusOr<Correction> AddCorrection(Correction c) = 0;
  // Stores `c` under c.id, replacing the record there (to mark it undone, or
  // to carry it into a rebuilt store). kReadWrite only.
  virtual absl::Status PutCorrection(const Correction& c) = 0;
  // Every correction, undone ones included, by id.
  virtual absl::StatusOr<std::vector<Correction>> ListCorrections(const ReadOptions& ro = {}) = 0;
  // What the corrections did to document `doc` when it was written: its
  // extractor version and the corrections applied; nullopt when none
  // applied. A deleted document is found here (deleted = true) and not in
  // GetDocument.
  virtual absl::StatusOr<std::optional<CorrectedDocument>> GetCorrectedDocument(
      schema::DocumentId doc, const ReadOptions& ro = {}) = 0;
  // The ids of every document GetCorrectedDocument finds, ascending.
  virtual absl::StatusOr<std::vector<schema::DocumentId>> CorrectedDocuments(
      const ReadOptions& ro = {}) = 0;

  // Exact counts: documents and mentions are kept as counters, the rest are
  // counted by a key scan (proportional to the number of claims).
  virtual absl::StatusOr<Stats> GetStats(const ReadOptions& ro = {}) = 0;

  // kSecondary: replay what the writer has written since. No-op otherwise.
  virtual absl::Status CatchUp() = 0;
  // Flushes memtables to disk (all column families atomically).
  virtual absl::Status Flush() = 0;
  // Merges the files of the claim indexes that whole-store questions scan
  // (claims by proposition, holder timelines) and of the proposition sides
  // that "what is new since" looks up into one sorted run each, the layout
  // a bulk load leaves; with `all`, every column family. Flushes
  // first; blocks until done. Readers are not held up. kReadWrite only.
  virtual absl::Status Compact(bool all = false) = 0;
  // How scattered those indexes are: the sorted runs (level-0 files plus
  // non-empty deeper levels) and the bytes above the bottom level, summed
  // over both. An import ends with Compact() when CompactionPays().
  virtual absl::StatusOr<IndexLayout> QueryIndexLayout() = 0;
  // The directory this database lives in.
  virtual const std::string& path() const = 0;
  virtual AccessMode mode() const = 0;

 protected:
  Database() = default;
};

}  // namespace stancegraph::engine
