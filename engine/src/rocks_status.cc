#include "rocks_status.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "stancegraph/engine/locked.h"
#include "stancegraph/engine/storage_fault.h"

namespace stancegraph::engine {

absl::Status FromRocks(const rocksdb::Status& s, std::string_view context) {
  if (s.ok()) return absl::OkStatus();
  std::string msg = s.ToString();
  std::string where(context);
  if (s.IsNoSpace() || absl::StrContains(msg, "No space left on device")) {
    return MarkStorageFault(absl::InternalError(absl::StrCat(where, ": ", msg)), true);
  }
  // A held LOCK file: another process has the database open for writing.
  if (s.IsIOError() && (absl::StrContains(msg, "lock") || absl::StrContains(msg, "LOCK"))) {
    return LockedError(
        absl::StrCat(where,
                     ": the database is locked by another process (one writer at a time; open it "
                     "read-only to query while it is being written)"));
  }
  std::string text = absl::StrCat(where, ": ", msg);
  // A write, fsync, create or rename that failed (or the background error
  // state it left).
  if (s.IsIOError()) return MarkStorageFault(absl::InternalError(text), false);
  switch (s.code()) {
    case rocksdb::Status::kNotFound: return absl::NotFoundError(text);
    case rocksdb::Status::kCorruption: return absl::DataLossError(text);
    case rocksdb::Status::kNotSupported: return absl::UnimplementedError(text);
    case rocksdb::Status::kInvalidArgument: return absl::InvalidArgumentError(text);
    case rocksdb::Status::kBusy:
    case rocksdb::Status::kTryAgain: return absl::UnavailableError(text);
    case rocksdb::Status::kTimedOut: return absl::DeadlineExceededError(text);
    case rocksdb::Status::kAborted: return absl::AbortedError(text);
    default: return absl::InternalError(text);
  }
}

}  // namespace stancegraph::engine
