// The bulk loader: the same staging as Database::Write, into sorted runs that
// become SST files ingested atomically across column families.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <future>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "database_impl.h"
#include "rocks_status.h"
#include "rocksdb/sst_file_writer.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::engine {
namespace {

// One column family's buffered entries, in blocks that never move:
// [klen u32][vlen u32][key][value]. Sorting works on fixed-size records that
// carry the first 16 key bytes, so most comparisons never touch the arena.
class Run {
 public:
  void Put(std::string_view key, std::string_view value) {
    const size_t need = 8 + key.size() + value.size();
    if (blocks_.empty() || used_ + need > block_size_) NewBlock(need);
    char* p = blocks_.back().get() + used_;
    uint32_t lens[2] = {static_cast<uint32_t>(key.size()), static_cast<uint32_t>(value.size())};
    std::memcpy(p, lens, 8);
    std::memcpy(p + 8, key.data(), key.size());
    std::memcpy(p + 8 + key.size(), value.data(), value.size());
    Entry e{.hi = Prefix(key, 0), .lo = Prefix(key, 8), .at = p, .seq = entries_.size()};
    sorted_ = sorted_ && (entries_.empty() || Less(entries_.back(), e));
    entries_.push_back(e);
    used_ += need;
    bytes_ += need + sizeof(Entry);
  }
  bool empty() const { return entries_.empty(); }
  size_t bytes() const { return bytes_; }
  void Clear() {
    blocks_.clear();
    entries_.clear();
    used_ = bytes_ = 0;
    sorted_ = true;
  }

  // Writes the entries in key order, the last put of a key winning.
  absl::Status WriteSst(const rocksdb::Options& options, const std::string& path) {
    if (!sorted_) {
      // `at` grows with insertion order within a block, and blocks are
      // allocated in order, so it breaks ties stably.
      std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
        if (a.hi != b.hi) return a.hi < b.hi;
        if (a.lo != b.lo) return a.lo < b.lo;
        int c = Key(a).compare(Key(b));
        if (c != 0) return c < 0;
        return a.seq < b.seq;
      });
    }
    rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options);
    SG_RETURN_IF_ERROR(FromRocks(writer.Open(path), absl::StrCat("create ", path)));
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (i + 1 < entries_.size() && SameKey(entries_[i], entries_[i + 1])) continue;
      std::string_view k = Key(entries_[i]);
      std::string_view v = Value(entries_[i]);
      SG_RETURN_IF_ERROR(FromRocks(
          writer.Put(rocksdb::Slice(k.data(), k.size()), rocksdb::Slice(v.data(), v.size())),
          absl::StrCat("write ", path)));
    }
    return FromRocks(writer.Finish(), absl::StrCat("finish ", path));
  }

 private:
  struct Entry {
    uint64_t hi = 0, lo = 0;  // key bytes 0..7 and 8..15, big-endian, zero-padded
    const char* at = nullptr;
    uint64_t seq = 0;  // insertion order
  };

  static uint64_t Prefix(std::string_view key, size_t from) {
    if (key.size() >= from + 8) {
      uint64_t v;
      std::memcpy(&v, key.data() + from, 8);
      return __builtin_bswap64(v);
    }
    uint64_t v = 0;
    for (size_t i = from; i < from + 8; ++i) {
      v = (v << 8) | (i < key.size() ? static_cast<uint8_t>(key[i]) : 0);
    }
    return v;
  }
  static std::string_view Key(const Entry& e) {
    uint32_t klen;
    std::memcpy(&klen, e.at, 4);
    return std::string_view(e.at + 8, klen);
  }
  static std::string_view Value(const Entry& e) {
    uint32_t lens[2];
    std::memcpy(lens, e.at, 8);
    return std::string_view(e.at + 8 + lens[0], lens[1]);
  }
  // Compares the arena bytes only when the 16-byte prefixes tie.
  static bool SameKey(const Entry& a, const Entry& b) {
    return a.hi == b.hi && a.lo == b.lo && Key(a) == Key(b);
  }
  static bool Less(const Entry& a, const Entry& b) {
    if (a.hi != b.hi) return a.hi < b.hi;
    if (a.lo != b.lo) return a.lo < b.lo;
    return Key(a) < Key(b);
  }
  void NewBlock(size_t need) {
    block_size_ = std::max<size_t>(kBlockSize, need);
    blocks_.emplace_back(new char[block_size_]);
    used_ = 0;
  }

  static constexpr size_t kBlockSize = 4u << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_size_ = kBlockSize;
  size_t used_ = 0;
  size_t bytes_ = 0;
  std::vector<Entry> entries_;
  bool sorted_ = true;
};

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
  std::array<Run, kNumCfs>& runs() { return runs_; }

 private:
  std::array<Run, kNumCfs> runs_;
};

class BulkLoaderImpl final : public BulkLoader {
 public:
  BulkLoaderImpl(DatabaseImpl* db, const BulkLoadOptions& options)
      : db_(db), options_(options) {
    Reset();
  }
  ~BulkLoaderImpl() override {
    std::lock_guard lock(db_->write_mutex());
    db_->bulk_loader_active_ = false;
    std::error_code ec;
    std::filesystem::remove_all(TempDir(), ec);
  }

  absl::StatusOr<WriteSummary> Add(absl::Span<const schema::DocumentClaims> docs,
                                   const WriteOptions& options) override {
    SG_RETURN_IF_ERROR(ValidateAll(docs));
    std::lock_guard lock(db_->write_mutex());
    SG_RETURN_IF_ERROR(broken_);
    WriteSummary before = state_.summary;
    for (const auto& d : docs) {
      auto skip = db_->ShouldSkip(d, options, &state_);
      if (!skip.ok()) return Break(skip.status());
      if (*skip) {
        ++state_.summary.documents_skipped;
        continue;
      }
      if (auto s = db_->StageDocument(d, now_, sink_, &state_); !s.ok()) return Break(s);
    }
    WriteSummary added{
        .documents_written = state_.summary.documents_written - before.documents_written,
        .documents_skipped = state_.summary.documents_skipped - before.documents_skipped,
        .mentions_written = state_.summary.mentions_written - before.mentions_written};
    if (sink_.bytes() >= options_.memory_budget_bytes) {
      if (auto s = IngestLocked(); !s.ok()) return Break(s);
    }
    return added;
  }

  absl::Status Finish() override {
    std::lock_guard lock(db_->write_mutex());
    SG_RETURN_IF_ERROR(broken_);
    if (auto s = IngestLocked(); !s.ok()) return Break(s);
    return absl::OkStatus();
  }

 private:
  absl::Status Break(absl::Status s) {
    broken_ = s;
    return s;
  }

  std::string TempDir() const { return db_->path() + "/bulk-tmp"; }

  void Reset() {
    state_ = StagingState();
    state_.first_sequence = state_.sequence = db_->NextSequence();
    now_ = absl::ToUnixMicros(absl::Now());
    for (auto& r : sink_.runs()) r.Clear();
  }

  // REQUIRES: write mutex held.
  absl::Status IngestLocked() {
    if (state_.summary.documents_written == 0) {
      Reset();
      return absl::OkStatus();
    }
    SG_RETURN_IF_ERROR(db_->StageCounters(state_, now_, sink_));
    std::filesystem::create_directories(TempDir());
    auto& runs = sink_.runs();
    std::vector<int> cfs;
    for (int c = 0; c < kNumCfs; ++c) {
      if (!runs[c].empty()) cfs.push_back(c);
    }
    // Sort and write the column families on two threads.
    std::vector<std::string> paths(kNumCfs);
    std::vector<absl::Status> results(kNumCfs);
    auto work = [&](size_t from) {
      for (size_t i = from; i < cfs.size(); i += 2) {
        int c = cfs[i];
        paths[c] = absl::StrCat(TempDir(), "/", chunk_, "-", c, ".sst");
        rocksdb::Options opts(db_->db()->GetDBOptions(), db_->db()->GetOptions(db_->cf(Cf(c))));
        results[c] = runs[c].WriteSst(opts, paths[c]);
      }
    };
    auto other = std::async(std::launch::async, work, 1);
    work(0);
    other.get();
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (int c : cfs) {
      SG_RETURN_IF_ERROR(results[c]);
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = db_->cf(Cf(c));
      arg.external_files = {paths[c]};
      arg.options.move_files = true;
      args.push_back(std::move(arg));
    }
    // All families in one step: the chunk is stored whole or not at all.
    SG_RETURN_IF_ERROR(FromRocks(db_->db()->IngestExternalFiles(args),
                                 absl::StrCat("ingest into ", db_->path())));
    db_->Commit(state_);
    ++chunk_;
    std::error_code ec;
    std::filesystem::remove_all(TempDir(), ec);
    Reset();
    return absl::OkStatus();
  }

  DatabaseImpl* db_;
  BulkLoadOptions options_;
  StagingState state_;
  RunSink sink_;
  schema::Timestamp now_ = 0;
  size_t chunk_ = 0;
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
  bulk_loader_active_ = true;
  return std::unique_ptr<BulkLoader>(new BulkLoaderImpl(this, options));
}

}  // namespace stancegraph::engine
