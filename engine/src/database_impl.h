// The RocksDB-backed Database. Private: users see engine/database.h only.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "rocksdb/db.h"
#include "stancegraph/engine/database.h"
#include "column_families.h"
#include "sink.h"

namespace stancegraph::engine {

// What one write (or one bulk chunk) has staged so far.
struct StagingState {
  uint64_t first_sequence = 0;
  uint64_t sequence = 0;  // the next mention's
  WriteSummary summary;
  absl::flat_hash_set<schema::DocumentId> documents;  // met in this write
  absl::flat_hash_set<uint64_t> staged_ids;           // entities and propositions staged
  // Which claims of a (holder, proposition) pair are stored or staged, for
  // the polarities looked up so far: one lookup serves a claim and its
  // opposite.
  struct PairClaims {
    uint8_t known = 0;   // bit per polarity: -1 -> 1, 0 -> 2, +1 -> 4
    uint8_t exists = 0;  // of the known ones, those stored or staged
  };
  absl::flat_hash_map<std::pair<schema::EntityId, schema::PropositionId>, PairClaims> pairs;
  // What the staged claims add to each proposition's sides.
  absl::flat_hash_map<schema::PropositionId, PropositionSides> sides_added;
  // Everything stored went through these sets (the store was empty when they
  // began), so a lookup they miss need not read the store.
  bool sets_cover_store = false;
  // The stored sides of propositions, as StageCounters last wrote them; with
  // sets_cover_store, a proposition missing here has none.
  absl::flat_hash_map<schema::PropositionId, PropositionSides> sides_stored;
  // Where each ingest time of this write starts: (time, the sequence its
  // first mention gets), in staging order. One entry unless the documents
  // keep their own ingest times (WriteOptions::keep_ingest_time).
  std::vector<std::pair<schema::Timestamp, uint64_t>> ingest_starts;
};

// InvalidArgument naming the first document that fails validation.
absl::Status ValidateAll(absl::Span<const schema::DocumentClaims> docs);

// FailedPrecondition for a store in `dir` whose format version is `found`:
// names the database, both versions and what to do about it.
absl::Status FormatMismatch(const std::string& dir, std::string_view found);

// The format version stored in the database in `dir`, read without opening
// it as a Database; nullopt when there is none or it cannot be read.
std::optional<std::string> StoredFormatOf(const std::string& dir);

class DatabaseImpl final : public Database {
 public:
  // `oldest_format`: the oldest format version accepted, kFormatVersion but
  // for the source of a Rebuild, which opens read-only.
  static absl::StatusOr<std::unique_ptr<DatabaseImpl>> OpenImpl(
      const OpenOptions& options, const std::string& dir, uint32_t oldest_format = kFormatVersion);
  ~DatabaseImpl() override;

  absl::StatusOr<WriteSummary> Write(absl::Span<const schema::DocumentClaims> docs,
                                     const WriteOptions& options) override;
  absl::StatusOr<std::unique_ptr<BulkLoader>> NewBulkLoader(
      const BulkLoadOptions& options) override;
  absl::StatusOr<bool> HasDocument(schema::DocumentId id, const ReadOptions& ro) override;
  absl::StatusOr<schema::Document> GetDocument(schema::DocumentId id,
                                               const ReadOptions& ro) override;
  absl::StatusOr<schema::Entity> GetEntity(schema::EntityId id, const ReadOptions& ro) override;
  absl::StatusOr<schema::Proposition> GetProposition(schema::PropositionId id,
                                                     const ReadOptions& ro) override;
  absl::StatusOr<schema::Claim> GetClaim(schema::ClaimId id, const ReadOptions& ro) override;
  absl::StatusOr<schema::Mention> GetMention(uint64_t sequence, const ReadOptions& ro) override;
  absl::StatusOr<schema::Entity> FindEntity(std::string_view name, const ReadOptions& ro) override;
  std::unique_ptr<Snapshot> GetSnapshot() override;

  std::unique_ptr<MentionIterator> ScanByHolder(schema::EntityId holder,
                                                const ScanOptions& so) override;
  std::unique_ptr<MentionIterator> ScanAllByHolder(const ScanOptions& so) override;
  std::unique_ptr<MentionIterator> ScanByProposition(schema::PropositionId prop,
                                                     const ScanOptions& so) override;
  std::unique_ptr<MentionIterator> ScanByTime(const ScanOptions& so) override;
  std::unique_ptr<MentionIterator> ScanByIngest(uint64_t first_sequence,
                                                const ScanOptions& so) override;
  std::unique_ptr<MentionIterator> ScanByDocument(schema::DocumentId doc,
                                                  const ScanOptions& so) override;
  std::unique_ptr<MentionIterator> ScanByClaim(schema::ClaimId claim,
                                               const ScanOptions& so) override;
  std::unique_ptr<TimelineCursor> NewTimelineCursor(const ReadOptions& ro) override;
  absl::StatusOr<std::vector<PropositionSides>> GetPropositionSides(
      absl::Span<const schema::PropositionId> props, const ReadOptions& ro) override;
  absl::StatusOr<std::optional<WriteChanges>> GetWriteChanges(uint64_t first_sequence,
                                                              uint64_t end_sequence,
                                                              const ReadOptions& ro) override;
  std::unique_ptr<ClaimIterator> ClaimsOfProposition(schema::PropositionId prop,
                                                     const ReadOptions& ro) override;
  std::unique_ptr<ClaimIterator> AllClaimsByProposition(const ReadOptions& ro,
                                                        IdRange propositions) override;
  std::unique_ptr<ClaimIterator> ClaimsOfHolder(schema::EntityId holder,
                                                const ReadOptions& ro) override;
  std::unique_ptr<RecordIterator<schema::Document>> Documents(const ReadOptions& ro) override;
  std::unique_ptr<RecordIterator<schema::Entity>> Entities(const ReadOptions& ro) override;
  std::unique_ptr<RecordIterator<schema::Proposition>> Propositions(
      const ReadOptions& ro) override;

  uint64_t NextSequence() const override { return next_sequence_.load(); }
  absl::StatusOr<uint64_t> SequenceAt(schema::Timestamp t, const ReadOptions& ro) override;
  absl::StatusOr<std::string> GetMeta(std::string_view name, const ReadOptions& ro) override;
  absl::Status PutMeta(std::string_view name, std::string_view value) override;
  absl::StatusOr<std::vector<std::pair<std::string, std::string>>> ListMeta(
      std::string_view prefix, const ReadOptions& ro) override;
  absl::StatusOr<Correction> AddCorrection(Correction c) override;
  absl::Status PutCorrection(const Correction& c) override;
  absl::StatusOr<std::vector<Correction>> ListCorrections(const ReadOptions& ro) override;
  absl::StatusOr<std::optional<CorrectedDocument>> GetCorrectedDocument(
      schema::DocumentId doc, const ReadOptions& ro) override;
  absl::StatusOr<std::vector<schema::DocumentId>> CorrectedDocuments(
      const ReadOptions& ro) override;
  absl::StatusOr<Stats> GetStats(const ReadOptions& ro) override;
  absl::Status CatchUp() override;
  absl::Status Flush() override;
  absl::Status Compact(bool all) override;
  absl::StatusOr<IndexLayout> QueryIndexLayout() override;
  const std::string& path() const override { return dir_; }
  // The store's format version (kFormatVersion unless opened as a Rebuild's
  // source).
  uint32_t format() const { return format_; }
  AccessMode mode() const override { return mode_; }

  // For the iterators.
  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return handles_[c]; }
  rocksdb::ReadOptions MakeReadOptions(const Snapshot* snapshot) const;

  // The staging steps Write and the bulk loader share. REQUIRES: write_mu_ held.
  absl::Status CheckWritable() const;
  // OK, or the storage fault after which this database stopped writing (a
  // failed write of ours, or RocksDB's background error state). Thread-safe.
  absl::Status WriteFault() const;
  // Returns `s`; a storage fault in it stops further writes (WriteFault).
  absl::Status NoteWrite(absl::Status s);
  // A staging state starting at the next sequence.
  StagingState NewStagingState() const;
  absl::StatusOr<bool> ShouldSkip(const schema::DocumentClaims& d, const WriteOptions& options,
                                  StagingState* state);
  absl::Status StageDocument(const schema::DocumentClaims& d, schema::Timestamp now, Sink& sink,
                             StagingState* state);
  // The active corrections, read once per write. REQUIRES: write_mu_ held.
  absl::StatusOr<std::vector<Correction>> ActiveCorrections();
  // What to stage for `d` with `corrections` applied: `d` itself when none
  // applies (no copy), else `*storage`, filled with the corrected version;
  // nullptr when a correction deletes it (counted in the summary). Stages
  // the extractor's version when any applied. `ingested`: the time `d` is
  // stored with.
  absl::StatusOr<const schema::DocumentClaims*> Correct(const schema::DocumentClaims& d,
                                                        absl::Span<const Correction> corrections,
                                                        schema::Timestamp ingested, Sink& sink,
                                                        StagingState* state,
                                                        schema::DocumentClaims* storage);
  // The counters, the sides of every proposition the staged claims touch and
  // the ingest log.
  absl::Status StageCounters(StagingState* state, Sink& sink);
  // After the staged data is durable: advance counters and caches.
  void Commit(const StagingState& state);
  std::mutex& write_mutex() { return write_mu_; }
  bool bulk_loader_active_ = false;  // guarded by write_mu_

 private:
  DatabaseImpl(std::string dir, AccessMode mode) : dir_(std::move(dir)), mode_(mode) {}
  absl::Status LoadState(uint32_t oldest_format);
  absl::StatusOr<std::string> Get(Cf c, std::string_view key, const ReadOptions& ro);
  // The sides of `props` into out[0, props.size()): one MultiGet.
  absl::Status ReadPropositionSides(absl::Span<const schema::PropositionId> props,
                                    const rocksdb::ReadOptions& ro, PropositionSides* out);
  // Adds the entity unless stored already; merges new aliases into a stored one.
  // `may_be_stored` false skips reading the store.
  absl::Status StageEntity(const schema::Entity& e, bool may_be_stored, Sink& sink);
  absl::Status StageProposition(const schema::Proposition& p, bool may_be_stored, Sink& sink);
  // Whether the claim of `c`'s holder and proposition with `polarity` is
  // stored or staged, as `pair` remembers; reads the store once per claim
  // unless the staging sets cover it.
  absl::StatusOr<bool> ClaimExists(const schema::Claim& c, int8_t polarity,
                                   StagingState::PairClaims* pair, bool sets_cover_store);
  // Sets what storing a mention of `c` changes (MentionRef's novelty fields)
  // and counts a new claim into its proposition's sides.
  absl::Status StageNovelty(const schema::Claim& c, StagingState* state, MentionRef* ref);
  std::unique_ptr<MentionIterator> NewMentionIterator(Cf c, std::string lower, std::string upper,
                                                      int decoder, const ScanOptions& so,
                                                      bool filter_time, int polarity = 2);

  const std::string dir_;
  const AccessMode mode_;
  bool bulk_load_ = false;
  uint32_t format_ = kFormatVersion;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::unique_ptr<rocksdb::DB> db_;  // destroyed after handles_ are released
  std::mutex write_mu_;
  std::atomic<uint64_t> next_sequence_{1};
  uint64_t document_count_ = 0;  // guarded by write_mu_
  uint64_t mention_count_ = 0;   // guarded by write_mu_
  // Entity and proposition ids known to be stored, to skip re-reading them.
  absl::flat_hash_set<uint64_t> known_ids_;  // guarded by write_mu_
  std::string secondary_dir_to_remove_;
  // Remembers the first storage fault, from our writes or RocksDB's
  // background work.
  std::shared_ptr<class FaultListener> faults_;
};

}  // namespace stancegraph::engine
