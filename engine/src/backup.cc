// Backup: a RocksDB checkpoint from the writer, or an entry-by-entry copy of
// a read-only view when another process holds the write lock.
#include "stancegraph/engine/backup.h"

#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "database_impl.h"
#include "rocks_status.h"
#include "rocksdb/utilities/checkpoint.h"
#include "rocksdb/write_batch.h"
#include "stancegraph/engine/atomic_file.h"
#include "stancegraph/engine/storage_fault.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::engine {
namespace {

namespace fs = std::filesystem;

constexpr size_t kCopyBatchBytes = 4u << 20;

absl::Status Checkpoint(DatabaseImpl& db, const std::string& tmp) {
  rocksdb::Checkpoint* raw = nullptr;
  SG_RETURN_IF_ERROR(FromRocks(rocksdb::Checkpoint::Create(db.db(), &raw), "backup"));
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  // log_size_for_flush 0: flush memtables first, so a database loading
  // without a write-ahead log (bulk_load) is complete in the checkpoint.
  return FromRocks(checkpoint->CreateCheckpoint(tmp, 0), absl::StrCat("backup to ", tmp));
}

// Copies every column family of `from`, as of one snapshot, into a new
// database at `tmp` created with the same families and options.
absl::Status Copy(DatabaseImpl& from, const std::string& tmp) {
  SG_ASSIGN_OR_RETURN(auto opened,
                      Database::Open({.bulk_load = true, .env = from.db()->GetEnv()}, tmp));
  auto* to = dynamic_cast<DatabaseImpl*>(opened.get());
  auto snapshot = from.GetSnapshot();
  rocksdb::ReadOptions ro = from.MakeReadOptions(snapshot.get());
  ro.total_order_seek = true;
  ro.fill_cache = false;
  rocksdb::WriteOptions wo;
  wo.disableWAL = true;  // flushed below; an interrupted copy is discarded anyway
  rocksdb::WriteBatch batch;
  auto write = [&]() -> absl::Status {
    SG_RETURN_IF_ERROR(FromRocks(to->db()->Write(wo, &batch), absl::StrCat("backup to ", tmp)));
    batch.Clear();
    return absl::OkStatus();
  };
  for (int c = 0; c < kNumCfs; ++c) {
    std::unique_ptr<rocksdb::Iterator> it(from.db()->NewIterator(ro, from.cf(Cf(c))));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      SG_RETURN_IF_ERROR(FromRocks(batch.Put(to->cf(Cf(c)), it->key(), it->value()), "backup"));
      if (batch.GetDataSize() >= kCopyBatchBytes) SG_RETURN_IF_ERROR(write());
    }
    SG_RETURN_IF_ERROR(FromRocks(it->status(), absl::StrCat("backup: read ", from.path())));
  }
  SG_RETURN_IF_ERROR(write());
  return to->Flush();
}

}  // namespace

BackupMethod BackupMethodFor(AccessMode mode) {
  return mode == AccessMode::kReadWrite ? BackupMethod::kCheckpoint : BackupMethod::kCopy;
}

absl::Status Backup(Database& db, const std::string& dir) {
  auto* impl = dynamic_cast<DatabaseImpl*>(&db);
  if (impl == nullptr) return absl::InvalidArgumentError("not a database opened by Database::Open");
  std::error_code ec;
  // symlink_status: a link there, even a dangling one, counts as existing.
  if (fs::exists(fs::symlink_status(dir, ec))) {
    return absl::FailedPreconditionError(absl::StrCat("backup: ", dir, " already exists"));
  }
  fs::path target = fs::absolute(dir, ec);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  // A private directory of a random name holds the copy while it is made:
  // nothing planted beside `dir` is followed or overwritten.
  auto staging = MakeStagingDir(target.string());
  if (!staging.ok()) {
    return absl::Status(staging.status().code(),
                        absl::StrCat("backup: ", staging.status().message()));
  }
  const std::string tmp = *staging + "/db";
  absl::Status s = BackupMethodFor(db.mode()) == BackupMethod::kCheckpoint ? Checkpoint(*impl, tmp)
                                                                          : Copy(*impl, tmp);
  if (s.ok()) {
    s = RenameNoReplace(tmp, target.string());
    if (absl::IsAlreadyExists(s)) {
      s = absl::FailedPreconditionError(absl::StrCat("backup: ", dir, " already exists"));
    } else if (!s.ok()) {
      s = MarkStorageFault(absl::Status(s.code(), absl::StrCat("backup: ", s.message())),
                           s.message().find("No space left") != std::string::npos);
    }
  }
  fs::remove_all(*staging, ec);
  return s;
}

}  // namespace stancegraph::engine
