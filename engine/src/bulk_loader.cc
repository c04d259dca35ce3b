// The bulk loader: the same staging as Database::Write, into sorted runs that
// become SST files ingested atomically across column families. While one
// chunk is sorted, written and ingested in the background, the next one is
// staged: a load keeps both cores busy.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <future>
#include <numeric>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "database_impl.h"
#include "rocks_status.h"
#include "sorted_run.h"
#include "stancegraph/engine/atomic_file.h"
#include "stancegraph/engine/storage_fault.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::engine {
namespace {

constexpr char kStagingPrefix[] = "bulk-tmp";

class RunSink final : public Sink {
 public:
  void Put(Cf cf, std::string_view key, std::string_view value) override {
    runs_[cf].Put(key, value);
  }
  size_t bytes() const {
    size_t n = 0;
    for (const auto& r : runs_) n += r.bytes();
    return n;
  }
  std::array<SortedRun, kNumCfs>& runs() { return runs_; }
  void Clear() {
    for (auto& r : runs_) r.Clear();
  }

 private:
  std::array<SortedRun, kNumCfs> runs_;
};

// Sorts and writes each family's run (two threads, largest runs first) and
// ingests all the files in one step: the chunk is stored whole or not at all.
absl::Status WriteAndIngest(DatabaseImpl* db, RunSink* sink, const std::string& dir,
                            size_t chunk) {
  auto& runs = sink->runs();
  std::vector<int> cfs;
  for (int c = 0; c < kNumCfs; ++c) {
    if (!runs[c].empty()) cfs.push_back(c);
  }
  std::sort(cfs.begin(), cfs.end(),
            [&](int a, int b) { return runs[a].entries() > runs[b].entries(); });
  std::vector<std::string> paths(kNumCfs);
  std::vector<absl::Status> results(kNumCfs);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < cfs.size();) {
      const int c = cfs[i];
      paths[c] = absl::StrCat(dir, "/", chunk, "-", c, ".sst");
      rocksdb::Options opts(db->db()->GetDBOptions(), db->db()->GetOptions(db->cf(Cf(c))));
      // LZ4 rather than the bottom level's ZSTD: several times faster to
      // write, and compactions later rewrite what stays.
      opts.bottommost_compression = rocksdb::kLZ4Compression;
      results[c] = runs[c].WriteSst(opts, paths[c]);
    }
  };
  auto other = std::async(std::launch::async, work);
  work();
  other.get();
  std::vector<rocksdb::IngestExternalFileArg> args;
  absl::Status status;
  for (int c : cfs) {
    if (!results[c].ok()) {
      status = results[c];
      break;
    }
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = db->cf(Cf(c));
    arg.external_files = {paths[c]};
    arg.options.move_files = true;
    args.push_back(std::move(arg));
  }
  if (status.ok()) {
    status =
        FromRocks(db->db()->IngestExternalFiles(args), absl::StrCat("ingest into ", db->path()));
  }
  status = db->NoteWrite(status);
  std::error_code ec;
  for (int c : cfs) std::filesystem::remove(paths[c], ec);
  return status;
}

class BulkLoaderImpl final : public BulkLoader {
 public:
  // `corrections`: the active ones, applied to every document added.
  BulkLoaderImpl(DatabaseImpl* db, const BulkLoadOptions& options,
                 std::vector<Correction> corrections)
      : db_(db),
        options_(options),
        corrections_(std::move(corrections)),
        state_(db->NewStagingState()),
        started_empty_(state_.sets_cover_store) {
    now_ = absl::ToUnixMicros(absl::Now());
    RemoveStaleStaging();
  }
  ~BulkLoaderImpl() override {
    std::lock_guard lock(db_->write_mutex());
    Join().IgnoreError();  // a chunk handed off is stored; the one being filled is dropped
    db_->bulk_loader_active_ = false;
    std::error_code ec;
    if (!temp_dir_.empty()) std::filesystem::remove_all(temp_dir_, ec);
  }

  absl::StatusOr<WriteSummary> Add(absl::Span<const schema::DocumentClaims> docs,
                                   const WriteOptions& options) override {
    SG_RETURN_IF_ERROR(ValidateAll(docs));
    if (options.keep_ingest_time) {
      // Chunks are ingested as files: an ingest-log entry of a time two
      // chunks share would be overwritten by the later one.
      return absl::InvalidArgumentError("the bulk loader cannot keep ingest times");
    }
    std::lock_guard lock(db_->write_mutex());
    SG_RETURN_IF_ERROR(broken_);
    if (auto s = db_->WriteFault(); !s.ok()) return Break(s);
    const WriteSummary before = state_.summary;
    RunSink& sink = sinks_[filling_];
    for (const auto& d : docs) {
      auto skip = db_->ShouldSkip(d, options, &state_);
      if (!skip.ok()) return Break(skip.status());
      if (*skip) {
        ++state_.summary.documents_skipped;
        continue;
      }
      schema::DocumentClaims storage;
      auto corrected = db_->Correct(d, corrections_, now_, sink, &state_, &storage);
      if (!corrected.ok()) return Break(corrected.status());
      if (*corrected == nullptr) continue;  // deleted by a correction
      if (auto s = db_->StageDocument(**corrected, now_, sink, &state_); !s.ok()) return Break(s);
    }
    WriteSummary added{
        .documents_written = state_.summary.documents_written - before.documents_written,
        .documents_skipped = state_.summary.documents_skipped - before.documents_skipped,
        .mentions_written = state_.summary.mentions_written - before.mentions_written,
        .documents_deleted = state_.summary.documents_deleted - before.documents_deleted};
    if (sink.bytes() >= options_.chunk_bytes) {
      if (auto s = HandOff(/*wait=*/false); !s.ok()) return Break(s);
    }
    return added;
  }

  absl::Status Finish() override {
    std::lock_guard lock(db_->write_mutex());
    SG_RETURN_IF_ERROR(broken_);
    if (auto s = HandOff(/*wait=*/true); !s.ok()) return Break(s);
    if (started_empty_ && chunk_ - chunks_merged_ > 1) {
      // Each chunk left a file in every family; timeline seeks and scans of
      // the claims by proposition read every one. Into an empty store,
      // merging those two indexes (on two threads) costs a tenth of the
      // load; a load onto a big store leaves merging to RocksDB.
      chunks_merged_ = chunk_;
      auto merge = [this](Cf c) -> absl::Status {
        rocksdb::CompactRangeOptions cro;
        return db_->NoteWrite(
            FromRocks(db_->db()->CompactRange(cro, db_->cf(c), nullptr, nullptr),
                      absl::StrCat("merge ", std::string(kCfNames[c]), " of ", db_->path())));
      };
      // The small proposition sides too: "what is new since" looks up those
      // of every proposition a new claim touched, once per file they are in.
      auto other = std::async(std::launch::async, [&] {
        absl::Status s = merge(kPropClaims);
        s.Update(merge(kPropSides));
        return s;
      });
      absl::Status s = merge(kByHolder);
      s.Update(other.get());
      if (!s.ok()) return Break(s);
    }
    return absl::OkStatus();
  }

 private:
  absl::Status Break(absl::Status s) {
    broken_ = s;
    return s;
  }

  // Staging directories an earlier loader left when it was killed. The
  // write lock is ours, so no other loader is using them. Links are never
  // followed: only real directories of that name go.
  void RemoveStaleStaging() {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(db_->path(), ec)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind(kStagingPrefix, 0) == 0 && entry.is_directory(ec) && !entry.is_symlink(ec)) {
        std::filesystem::remove_all(entry.path(), ec);
      }
    }
  }

  // Sends the chunk being filled to the background, after the one before it
  // is stored (its proposition sides and counters are read here). With
  // `wait`, returns once the chunk is stored. REQUIRES: write mutex held.
  absl::Status HandOff(bool wait) {
    SG_RETURN_IF_ERROR(Join());
    RunSink& sink = sinks_[filling_];
    if (state_.summary.documents_written == 0) {
      sink.Clear();
      return absl::OkStatus();
    }
    SG_RETURN_IF_ERROR(db_->StageCounters(&state_, sink));
    // SST files are written in a new private directory of a random name, so
    // nothing planted in the database directory is followed or overwritten.
    if (temp_dir_.empty()) {
      auto made = MakeStagingDirIn(db_->path(), kStagingPrefix);
      if (!made.ok()) {
        return db_->NoteWrite(MarkStorageFault(
            made.status(), made.status().message().find("No space left") != std::string::npos));
      }
      temp_dir_ = *std::move(made);
    }

    const size_t carried =
        state_.pairs.size() + state_.documents.size() + state_.staged_ids.size() +
        state_.sides_stored.size();
    wait = wait || carried > options_.max_remembered;
    StagingState next;
    if (!wait) {
      next.first_sequence = next.sequence = state_.sequence;
      next.pairs = std::move(state_.pairs);
      next.documents = std::move(state_.documents);
      next.staged_ids = std::move(state_.staged_ids);
      next.sides_stored = std::move(state_.sides_stored);
      next.sets_cover_store = state_.sets_cover_store;
    }
    stored_state_ = std::move(state_);
    state_ = std::move(next);
    now_ = absl::ToUnixMicros(absl::Now());
    storing_ = std::async(std::launch::async, WriteAndIngest, db_, &sink, temp_dir_, chunk_++);
    storing_sink_ = filling_;
    filling_ ^= 1;
    if (!wait) return absl::OkStatus();
    SG_RETURN_IF_ERROR(Join());
    state_ = db_->NewStagingState();  // starts over from what is stored
    return absl::OkStatus();
  }

  // Waits for the chunk in the background, if any, and commits it.
  absl::Status Join() {
    if (!storing_.valid()) return absl::OkStatus();
    absl::Status s = storing_.get();
    sinks_[storing_sink_].Clear();
    if (!s.ok()) return s;
    db_->Commit(stored_state_);
    return absl::OkStatus();
  }

  DatabaseImpl* db_;
  BulkLoadOptions options_;
  const std::vector<Correction> corrections_;
  StagingState state_;         // the chunk being filled
  StagingState stored_state_;  // the chunk being stored
  std::array<RunSink, 2> sinks_;
  int filling_ = 0;
  int storing_sink_ = 0;
  std::future<absl::Status> storing_;
  schema::Timestamp now_ = 0;
  std::string temp_dir_;      // where SST files are written; "" until the first chunk
  size_t chunk_ = 0;          // chunks handed off
  const bool started_empty_;  // the store held no document at the start
  size_t chunks_merged_ = 0;  // chunks whose holder index files are merged
  absl::Status broken_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<BulkLoader>> DatabaseImpl::NewBulkLoader(
    const BulkLoadOptions& options) {
  SG_RETURN_IF_ERROR(CheckWritable());
  std::lock_guard lock(write_mu_);
  if (bulk_loader_active_) {
    return absl::FailedPreconditionError("another bulk load is in progress on this database");
  }
  SG_ASSIGN_OR_RETURN(std::vector<Correction> corrections, ActiveCorrections());
  bulk_loader_active_ = true;
  return std::unique_ptr<BulkLoader>(new BulkLoaderImpl(this, options, std::move(corrections)));
}

}  // namespace stancegraph::engine
