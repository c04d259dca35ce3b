#include "store_handle.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace stancegraph::python {

absl::StatusOr<std::shared_ptr<StoreHandle>> StoreHandle::Open(const std::string& path,
                                                               bool read_only) {
  engine::OpenOptions options;
  if (read_only) {
    options.create_if_missing = false;
    options.mode = engine::AccessMode::kReadOnly;
  }
  auto db = engine::Database::Open(options, path);
  if (!db.ok()) return db.status();
  return std::shared_ptr<StoreHandle>(new StoreHandle(path, read_only, *std::move(db)));
}

StoreHandle::StoreHandle(std::string path, bool read_only, std::unique_ptr<engine::Database> db)
    : path_(std::move(path)), read_only_(read_only), db_(std::move(db)) {}

StoreHandle::~StoreHandle() { Close(); }

void StoreHandle::Close() {
  std::unique_lock lock(mu_);
  if (db_ == nullptr) return;
  std::set<Cursor*> cursors;
  {
    std::lock_guard<std::mutex> guard(cursors_mu_);
    cursors.swap(cursors_);
  }
  for (Cursor* c : cursors) c->End();
  db_.reset();
}

bool StoreHandle::closed() const {
  std::shared_lock lock(mu_);
  return db_ == nullptr;
}

void StoreHandle::Register(Cursor* cursor) {
  std::lock_guard<std::mutex> guard(cursors_mu_);
  cursors_.insert(cursor);
}

void StoreHandle::Unregister(Cursor* cursor) {
  std::lock_guard<std::mutex> guard(cursors_mu_);
  cursors_.erase(cursor);
}

absl::Status StoreHandle::ClosedError() const {
  return absl::FailedPreconditionError(absl::StrCat(path_, ": the store is closed"));
}

}  // namespace stancegraph::python
