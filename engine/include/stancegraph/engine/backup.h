// Backups: a copy of a database in another directory that opens on its own
// with Database::Open and holds exactly the documents that were stored at
// one moment (never half a document).
//
//   SG_RETURN_IF_ERROR(Backup(*db, "/backups/claims-2025-08-15"));
#pragma once

#include <string>

#include "absl/status/status.h"
#include "stancegraph/engine/database.h"

namespace stancegraph::engine {

enum class BackupMethod {
  kCheckpoint,  // a RocksDB checkpoint: hard links to the immutable files
  kCopy,        // every entry of a read-only view rewritten into a new database
};

// Writes a backup of `db` to `dir`, which must not exist (its parent is
// created when missing). The backup is consistent: it is the state after some
// Write or bulk-load chunk, whichever writes run meanwhile.
//   kReadWrite: a RocksDB checkpoint (memtables are flushed first, files are
//     hard-linked when `dir` is on the same file system, else copied): fast,
//     and other threads may go on writing.
//   kReadOnly / kSecondary: the only way while another process holds the
//     write lock (a checkpoint needs the writer's own DB object, and files
//     linked behind a live writer's back may be deleted by its compactions
//     before they are linked). The view `db` sees (as of Open, or of the last
//     CatchUp) is copied entry by entry into a new database: slower, and it
//     takes as much new disk space as the data. Do not call CatchUp meanwhile.
// The copy is written inside a new private directory of a random name beside
// `dir` (atomic_file.h) and renamed to `dir` when complete, never over
// anything that appeared there meanwhile, so an interrupted backup leaves no
// half-made `dir` and nothing planted beside it is followed.
// Errors: FailedPrecondition when `dir` exists; what RocksDB reports
// otherwise (naming `dir`).
absl::Status Backup(Database& db, const std::string& dir);

// The method Backup uses for a database opened in `mode`.
BackupMethod BackupMethodFor(AccessMode mode);

}  // namespace stancegraph::engine
