// One open database, shared by a Python Store and the cursors it hands out.
//
// Calls into the database run under a shared lock, so several Python
// threads (each having released the GIL) may read at once. Close() takes the
// lock exclusively: it waits for the calls in progress, ends every cursor
// still alive (their engine iterators and snapshots must go before the
// database) and closes the database. Anything asked of a closed handle gets
// FailedPrecondition naming the directory.
//
// REQUIRES: no caller holds the GIL while it waits for the exclusive lock
// (Close), and nobody waits for the GIL while holding the shared lock: the
// module releases the GIL before calling in, and takes it back only after
// the call returns.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"

namespace stancegraph::python {

// Something that reads the database beyond one call (an iterator over
// claims). End() drops whatever it holds of the database; it is called with
// the handle locked exclusively, so it never runs during the cursor's own
// reads.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void End() = 0;
};

class StoreHandle {
 public:
  // Opens `path`: for reading and writing (created when absent), or, with
  // `read_only`, as a frozen view of the store as it is now, which works
  // while another process writes it. The errors of engine::Database::Open.
  static absl::StatusOr<std::shared_ptr<StoreHandle>> Open(const std::string& path, bool read_only);
  ~StoreHandle();
  StoreHandle(const StoreHandle&) = delete;
  StoreHandle& operator=(const StoreHandle&) = delete;

  // Runs fn(db) under the shared lock; `fn` returns absl::Status or
  // absl::StatusOr<T>. FailedPrecondition when closed.
  template <typename F>
  auto Run(F&& fn) -> decltype(fn(std::declval<engine::Database&>())) {
    std::shared_lock lock(mu_);
    if (db_ == nullptr) return ClosedError();
    return fn(*db_);
  }

  // Ends the live cursors and closes the database. Idempotent.
  void Close();
  bool closed() const;
  const std::string& path() const { return path_; }
  bool read_only() const { return read_only_; }

  // A cursor is ended at Close unless it unregisters first. REQUIRES: the
  // caller holds the shared lock (inside Run, or LockShared()), and a
  // cursor's destructor unregisters and drops what it holds of the database
  // under one LockShared(), so that Close never ends a cursor being
  // destroyed, nor closes the database under it.
  void Register(Cursor* cursor);
  void Unregister(Cursor* cursor);
  [[nodiscard]] std::shared_lock<std::shared_mutex> LockShared() const {
    return std::shared_lock(mu_);
  }

  absl::Status ClosedError() const;

 private:
  StoreHandle(std::string path, bool read_only, std::unique_ptr<engine::Database> db);

  const std::string path_;
  const bool read_only_;
  mutable std::shared_mutex mu_;
  std::unique_ptr<engine::Database> db_;  // null once closed
  std::mutex cursors_mu_;
  std::set<Cursor*> cursors_;
};

}  // namespace stancegraph::python
