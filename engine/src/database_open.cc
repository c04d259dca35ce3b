// Opening a database: the column families and their tuning, the states a
// directory can be in (absent, cut short while being created, of another
// format, foreign) and the state read back from a store (format, counters).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <system_error>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "database_impl.h"
#include "fault_listener.h"
#include "info_log.h"
#include "keys.h"
#include "rocks_status.h"
#include "rocksdb/cache.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/table.h"
#include "stancegraph/engine/storage_fault.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/strings.h"

namespace stancegraph::engine {
namespace {

rocksdb::ColumnFamilyOptions CfOptions(int cf, const OpenOptions& o,
                                       const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions opts;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.cache_index_and_filter_blocks = false;
  table.format_version = 5;
  if (IsPointLookup(cf) || IsPrefixSought(cf)) {
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    table.whole_key_filtering = IsPointLookup(cf);
  }
  if (HasIdPrefix(cf)) opts.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(8));
  if (IsPointLookup(cf)) {
    // Writes ask whether each claim, document and entity is new; most are,
    // and a Bloom filter on the memtable answers that without searching it.
    opts.memtable_prefix_bloom_size_ratio = 0.02;
    opts.memtable_whole_key_filtering = true;
  }
  opts.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  opts.compression = rocksdb::kLZ4Compression;
  // The indexes queries scan whole stay LZ4 at the bottom: cheaper to read
  // and to merge after a bulk load.
  opts.bottommost_compression =
      cf == kByHolder || cf == kPropClaims ? rocksdb::kLZ4Compression : rocksdb::kZSTD;
  opts.level_compaction_dynamic_level_bytes = true;
  opts.write_buffer_size = o.bulk_load ? (64u << 20) : (16u << 20);
  opts.max_write_buffer_number = 4;
  if (o.bulk_load) {
    opts.level0_file_num_compaction_trigger = 8;
    opts.level0_slowdown_writes_trigger = 40;
    opts.level0_stop_writes_trigger = 64;
  }
  return opts;
}

// Opens the store in `dir` read-only through the column families `names`
// (the ones it has) and calls `read(db, handles)`; false when it cannot be
// opened.
template <typename Read>
bool ReadStored(const rocksdb::DBOptions& dbo, const std::string& dir,
                const std::vector<std::string>& names, Read read) {
  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  for (const auto& n : names) descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  if (!rocksdb::DB::OpenForReadOnly(dbo, dir, descs, &handles, &raw).ok()) return false;
  std::unique_ptr<rocksdb::DB> db(raw);
  read(*db, handles);
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  return true;
}

std::optional<std::string> FormatStamp(rocksdb::DB& db) {
  std::string v;
  if (db.Get({}, keys::kFormatVersionKey, &v).ok()) return v;
  return std::nullopt;
}

// The format version stored in `dir`, read through the column families it
// has; nullopt when it cannot be read.
std::optional<std::string> StoredFormat(const rocksdb::DBOptions& dbo, const std::string& dir,
                                        const std::vector<std::string>& names) {
  std::optional<std::string> version;
  ReadStored(dbo, dir, names, [&](rocksdb::DB& db, const auto&) { version = FormatStamp(db); });
  return version;
}

// What a store that lacks some of our column families holds.
struct IncompleteStore {
  // Only our column families, all empty: a creation killed before the
  // format was stamped, which opening for writing finishes.
  bool creation_cut_short = false;
  // Its format version; nullopt when there is none or it cannot be read.
  std::optional<std::string> format;
};

// Reads both in one read-only opening of the store in `dir`.
IncompleteStore InspectIncompleteStore(const rocksdb::DBOptions& dbo, const std::string& dir,
                                       const std::vector<std::string>& names) {
  const bool only_ours = std::all_of(names.begin(), names.end(), [](const std::string& n) {
    return std::find(kCfNames.begin(), kCfNames.end(), n) != kCfNames.end();
  });
  IncompleteStore found;
  ReadStored(dbo, dir, names,
             [&](rocksdb::DB& db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles) {
               found.format = FormatStamp(db);
               found.creation_cut_short =
                   only_ours && std::all_of(handles.begin(), handles.end(), [&](auto* h) {
                     std::unique_ptr<rocksdb::Iterator> it(db.NewIterator({}, h));
                     it->SeekToFirst();
                     return !it->Valid() && it->status().ok();
                   });
             });
  return found;
}

}  // namespace

std::optional<std::string> StoredFormatOf(const std::string& dir) {
  rocksdb::DBOptions dbo;
  dbo.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  std::vector<std::string> names;
  if (!rocksdb::DB::ListColumnFamilies(dbo, dir, &names).ok()) return std::nullopt;
  return StoredFormat(dbo, dir, names);
}

absl::Status FormatMismatch(const std::string& dir, std::string_view found) {
  uint32_t version = 0;
  if (!absl::SimpleAtoi(Av(found), &version)) {
    return absl::FailedPreconditionError(
        absl::StrCat("database ", dir, " has an unknown storage format \"", Av(found),
                     "\"; this stancegraph reads format ", kFormatVersion));
  }
  const std::string head = absl::StrCat("database ", dir, " has storage format ", version,
                                        "; this stancegraph reads format ", kFormatVersion);
  if (version > kFormatVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat(head, ": open it with the newer stancegraph that wrote it"));
  }
  if (version >= kOldestRebuildableFormat) {
    return absl::FailedPreconditionError(
        absl::StrCat(head, ": run `stancegraph reextract --db ", dir,
                     "` to rebuild its claims from the stored documents"));
  }
  return absl::FailedPreconditionError(absl::StrCat(
      head, " and rebuilds stores of format ", kOldestRebuildableFormat,
      " or later: export it with the stancegraph that wrote it, then import the export"));
}

absl::StatusOr<std::unique_ptr<Database>> Database::Open(const OpenOptions& options,
                                                         const std::string& dir) {
  SG_ASSIGN_OR_RETURN(auto db, DatabaseImpl::OpenImpl(options, dir));
  return std::unique_ptr<Database>(std::move(db));
}

// For readers of a store whose creation was cut short (killed before its
// column families or its format stamp were written): nothing is in it yet.
static absl::Status CreationCutShort(const std::string& dir) {
  return absl::FailedPreconditionError(absl::StrCat(
      dir, " was being created when the command creating it stopped; it holds nothing yet, and "
           "running that command again (or any import) finishes it"));
}

// True when an opening failed on a file that was there when the MANIFEST
// was read and is gone now.
static bool FileVanished(const rocksdb::Status& s) {
  return (s.IsIOError() || s.IsCorruption() || s.IsPathNotFound()) &&
         (s.ToString().find("No such file") != std::string::npos ||
          s.ToString().find("not found") != std::string::npos);
}

absl::StatusOr<std::unique_ptr<DatabaseImpl>> DatabaseImpl::OpenImpl(const OpenOptions& options,
                                                                     const std::string& dir,
                                                                     uint32_t oldest_format) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool exists = fs::exists(fs::path(dir) / "CURRENT", ec);
  if (!exists) {
    if (options.mode != AccessMode::kReadWrite || !options.create_if_missing) {
      return absl::NotFoundError(absl::StrCat("no stancegraph database at ", dir));
    }
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
      return absl::FailedPreconditionError(absl::StrCat(dir, " exists and is not a directory"));
    }
  }

  auto cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  rocksdb::DBOptions dbo;
  dbo.create_if_missing = true;
  dbo.create_missing_column_families = true;
  dbo.atomic_flush = true;  // a document's entries in all families flush together
  dbo.max_background_jobs = 2;
  dbo.db_write_buffer_size = options.write_buffer_bytes;
  dbo.keep_log_file_num = 4;
  dbo.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  if (options.env != nullptr) dbo.env = options.env;
  // Our own LOG writer: RocksDB's asserts when written again after a failed
  // write (a full disk), which aborted the program. A read-only opening
  // leaves the writer's LOG alone.
  if (options.mode == AccessMode::kReadWrite) {
    if (!exists) {
      fs::create_directories(dir, ec);
      if (ec) {
        return MarkStorageFault(
            absl::InternalError(absl::StrCat("create ", dir, ": ", ec.message())),
            ec == std::errc::no_space_on_device);
      }
    }
    dbo.info_log = NewInfoLog((fs::path(dir) / "LOG").string());
  } else if (options.mode == AccessMode::kReadOnly) {
    dbo.info_log = NewSilentInfoLog();
  }
  // A write that failed is not retried behind our back (nor is a full disk,
  // see FaultListener): the database stops writing and the command says so.
  dbo.max_bgerror_resume_count = 0;
  auto faults = std::make_shared<FaultListener>(dir);
  dbo.listeners.push_back(faults);
  if (options.mode == AccessMode::kSecondary) dbo.max_open_files = -1;

  if (exists) {
    std::vector<std::string> names;
    auto s = rocksdb::DB::ListColumnFamilies(dbo, dir, &names);
    if (!s.ok()) return FromRocks(s, absl::StrCat("open ", dir));
    const auto missing = std::find_if(kCfNames.begin(), kCfNames.end(), [&](std::string_view want) {
      return std::find(names.begin(), names.end(), want) == names.end();
    });
    if (missing != kCfNames.end()) {
      // The store is looked into once, whatever and however much is missing.
      const IncompleteStore found = InspectIncompleteStore(dbo, dir, names);
      if (!found.creation_cut_short) {
        // A store of another format may lack families this one has.
        if (found.format && *found.format != std::to_string(kFormatVersion)) {
          return FormatMismatch(dir, *found.format);
        }
        return absl::FailedPreconditionError(absl::StrCat(
            dir, " is not a stancegraph database of format ", kFormatVersion,
            " (column family \"", Av(*missing), "\" is missing)"));
      }
      // A writer's opening below creates the missing families and stamps
      // the format; readers are told how to get that done.
      if (options.mode != AccessMode::kReadWrite) return CreationCutShort(dir);
    }
  }

  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  for (int c = 0; c < kNumCfs; ++c) {
    descs.emplace_back(std::string(kCfNames[c]), CfOptions(c, options, cache));
  }
  rocksdb::Options base(dbo, rocksdb::ColumnFamilyOptions());

  std::unique_ptr<DatabaseImpl> impl(new DatabaseImpl(dir, options.mode));
  impl->bulk_load_ = options.bulk_load;
  impl->faults_ = std::move(faults);
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  switch (options.mode) {
    case AccessMode::kReadWrite:
      s = rocksdb::DB::Open(dbo, dir, descs, &impl->handles_, &raw);
      break;
    case AccessMode::kReadOnly:
      // A writer in another process may delete a file this opening read of
      // in the MANIFEST (a compaction finished meanwhile): open again.
      for (int attempt = 0;; ++attempt) {
        s = rocksdb::DB::OpenForReadOnly(dbo, dir, descs, &impl->handles_, &raw);
        if (s.ok() || attempt == 4 || !FileVanished(s)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20 << attempt));
      }
      break;
    case AccessMode::kSecondary: {
      std::string secondary = options.secondary_path;
      if (secondary.empty()) {
        secondary = (fs::temp_directory_path(ec) /
                     absl::StrCat("stancegraph-secondary-", ::getpid(), "-",
                                  reinterpret_cast<uintptr_t>(impl.get())))
                        .string();
        impl->secondary_dir_to_remove_ = secondary;
      }
      s = rocksdb::DB::OpenAsSecondary(dbo, dir, secondary, descs, &impl->handles_, &raw);
      break;
    }
  }
  if (!s.ok()) return FromRocks(s, absl::StrCat("open ", dir));
  impl->db_.reset(raw);
  SG_RETURN_IF_ERROR(impl->LoadState(oldest_format));
  return impl;
}

DatabaseImpl::~DatabaseImpl() {
  if (db_ && mode_ == AccessMode::kReadWrite && bulk_load_ && WriteFault().ok()) {
    // Without a write-ahead log, unflushed writes live only in memory. After
    // a storage fault nothing more is written: what was flushed is whole.
    rocksdb::FlushOptions fo;
    db_->Flush(fo, handles_).PermitUncheckedError();
  }
  for (auto* h : handles_) {
    if (db_) db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  handles_.clear();
  if (db_) db_->Close().PermitUncheckedError();
  db_.reset();
  if (!secondary_dir_to_remove_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(secondary_dir_to_remove_, ec);
  }
}

absl::Status DatabaseImpl::LoadState(uint32_t oldest_format) {
  auto version = Get(kMeta, keys::kFormatVersionKey, {});
  if (absl::IsNotFound(version.status())) {
    // Fresh database: stamp the format. A non-empty one without it is foreign.
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator({}, cf(kDocs)));
    it->SeekToFirst();
    if (mode_ != AccessMode::kReadWrite) {
      if (!it->Valid() && it->status().ok()) return CreationCutShort(dir_);
      return absl::FailedPreconditionError(absl::StrCat(dir_, " is not a stancegraph database"));
    }
    if (it->Valid()) {
      return absl::FailedPreconditionError(
          absl::StrCat(dir_, " is not a stancegraph database (no format version)"));
    }
    rocksdb::WriteOptions wo;
    wo.sync = true;
    auto s = db_->Put(wo, cf(kMeta), keys::kFormatVersionKey, std::to_string(kFormatVersion));
    SG_RETURN_IF_ERROR(NoteWrite(FromRocks(s, absl::StrCat("initialise ", dir_))));
    // Readers opened while a writer replays its log must still see the stamp.
    return Flush();
  }
  SG_RETURN_IF_ERROR(version.status());
  uint32_t format = 0;
  // Formats older than this one are read only as a rebuild's source, which
  // never writes (oldest_format < kFormatVersion only in kReadOnly mode).
  if (!absl::SimpleAtoi(*version, &format) || format < oldest_format || format > kFormatVersion) {
    return FormatMismatch(dir_, *version);
  }
  format_ = format;
  auto read_counter = [&](const char* key, uint64_t* out) -> absl::Status {
    auto v = Get(kMeta, key, {});
    if (absl::IsNotFound(v.status())) return absl::OkStatus();
    SG_RETURN_IF_ERROR(v.status());
    if (v->size() != 8) return absl::DataLossError(absl::StrCat(dir_, ": damaged counter ", key));
    *out = keys::GetU64(v->data());
    return absl::OkStatus();
  };
  uint64_t next = 1;
  SG_RETURN_IF_ERROR(read_counter(keys::kNextSequenceKey, &next));
  next_sequence_.store(next == 0 ? 1 : next);
  SG_RETURN_IF_ERROR(read_counter(keys::kDocumentCountKey, &document_count_));
  SG_RETURN_IF_ERROR(read_counter(keys::kMentionCountKey, &mention_count_));
  return absl::OkStatus();
}

}  // namespace stancegraph::engine
