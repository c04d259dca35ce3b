// The "database is locked" condition as a type, not a message to parse.
//
// Only one process may open a database for writing. When another process (an
// import, a rebuild) holds the write lock, Database::Open in read-write mode
// and Rebuild::Begin return a FailedPrecondition status that carries a
// payload under kLockedPayloadUrl; IsLocked tells it apart from every other
// FailedPrecondition (a format version mismatch, a missing store, ...).
//
//   auto db = Database::Open({}, path);
//   if (!db.ok() && IsLocked(db.status())) {
//     db = Database::Open({.mode = AccessMode::kReadOnly}, path);  // query anyway
//   }
#pragma once

#include <string_view>

#include "absl/status/status.h"

namespace stancegraph::engine {

// Type URL of the payload that marks a locked-database status. The payload's
// value is empty; only its presence counts.
inline constexpr std::string_view kLockedPayloadUrl = "type.stancegraph/engine.Locked";

// A FailedPrecondition status with `message` (shown to users as is) and the
// locked payload.
absl::Status LockedError(std::string_view message);

// True when `status` says the database is locked by another writer: a
// FailedPrecondition carrying the kLockedPayloadUrl payload. False for OK and
// for every other error, whatever its message says.
bool IsLocked(const absl::Status& status);

}  // namespace stancegraph::engine
