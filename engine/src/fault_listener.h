// Remembers the first storage fault a database met, from its own writes or
// RocksDB's background work, so that later writes are refused with it.
// Private to the engine.
#pragma once

#include <mutex>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "rocks_status.h"
#include "rocksdb/listener.h"
#include "stancegraph/engine/storage_fault.h"

namespace stancegraph::engine {

// The first storage fault this database met. RocksDB calls
// OnBackgroundError when a flush, compaction or write-ahead-log write fails
// and then refuses writes itself; our own writes report theirs through
// DatabaseImpl::NoteWrite.
class FaultListener final : public rocksdb::EventListener {
 public:
  explicit FaultListener(std::string dir) : dir_(std::move(dir)) {}
  void OnBackgroundError(rocksdb::BackgroundErrorReason reason, rocksdb::Status* error) override {
    if (error == nullptr || error->ok()) return;
    const char* what = "background work";
    switch (reason) {
      case rocksdb::BackgroundErrorReason::kFlush:
      case rocksdb::BackgroundErrorReason::kFlushNoWAL:
        what = "flush";
        break;
      case rocksdb::BackgroundErrorReason::kCompaction:
        what = "compaction";
        break;
      case rocksdb::BackgroundErrorReason::kWriteCallback:
        what = "write";
        break;
      case rocksdb::BackgroundErrorReason::kMemTable:
        what = "memtable write";
        break;
      case rocksdb::BackgroundErrorReason::kManifestWrite:
      case rocksdb::BackgroundErrorReason::kManifestWriteNoWAL:
        what = "manifest write";
        break;
    }
    Note(FromRocks(*error, absl::StrCat(what, " in ", dir_)));
  }
  // RocksDB would otherwise wait in the background for space to come back
  // and retry, while Close waits for that retry: a program stuck on a full
  // disk. We stop writing instead and say so; reopening recovers.
  void OnErrorRecoveryBegin(rocksdb::BackgroundErrorReason, rocksdb::Status,
                            bool* auto_recovery) override {
    if (auto_recovery != nullptr) *auto_recovery = false;
  }
  void Note(const absl::Status& s) {
    if (!IsStorageFault(s)) return;
    std::lock_guard lock(mu_);
    if (first_.ok()) first_ = s;
  }
  absl::Status first() const {
    std::lock_guard lock(mu_);
    return first_;
  }

 private:
  const std::string dir_;
  mutable std::mutex mu_;
  absl::Status first_;
};

}  // namespace stancegraph::engine
