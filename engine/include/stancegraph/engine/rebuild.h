// Rebuilding a database beside itself and putting the result in its place,
// so that its directory always holds one complete database: the old one
// until the swap, the new one after it. `stancegraph reextract` runs on this.
//
//   SG_ASSIGN_OR_RETURN(auto rebuild, Rebuild::Begin("claims.db"));
//   ... read rebuild->source(), write rebuild->target() ...
//   SG_RETURN_IF_ERROR(rebuild->Commit());
//
// The new database is built in the sibling directory `<dir>.rebuild`, which
// holds a mark file, REBUILDING, from before its first database file.
// Commit closes both databases and exchanges the two directories in one
// rename (renameat2 RENAME_EXCHANGE), so `<dir>` is never missing or half
// made; then it deletes the old database (now `<dir>.rebuild`) and last the
// mark (now in `<dir>`). Where an interrupted rebuild stopped is told by the
// mark alone:
//
//   <dir> unmarked, no <dir>.rebuild        nothing to finish
//   <dir> unmarked, <dir>.rebuild marked    not swapped yet: Begin resumes it
//   <dir> unmarked, <dir>.rebuild unmarked  killed before the mark was made:
//                                           Begin removes it if empty
//   <dir> marked                            swapped; FinishSwappedRebuild
//                                           deletes <dir>.rebuild, then the mark
//
// Locks: the old database's write lock is held from Begin until its files
// are deleted, so no writer changes it meanwhile (a second writer or rebuild
// gets "locked"); readers keep working on it. The process that made the mark
// holds a lock on it until it deletes it, so a second process cannot finish a
// swap the first is still finishing. Both are open-file-description locks,
// which RocksDB's own lock on a database's LOCK file conflicts with.
//
// Not thread-safe; one Rebuild per directory and process.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/engine/options.h"

namespace stancegraph::engine {

struct RebuildOptions {
  // How the new database is opened (its mode is always kReadWrite and it is
  // created when absent). Default: OpenOptions{}.
  OpenOptions target;
};

class Rebuild {
 public:
  // Finishes a swapped rebuild of `dir` (FinishSwappedRebuild), takes the
  // write lock of the database in `dir`, opens it for reading at any format
  // from kOldestRebuildableFormat to kFormatVersion, and opens the new
  // database in `<dir>.rebuild`, creating it unless an earlier, interrupted
  // Begin did (then resumed() is true; a partial one of another format is
  // started over). Errors: NotFound when `dir` holds no database;
  // FailedPrecondition "locked" when another process writes or rebuilds it,
  // when its format is not rebuildable, when `<dir>.rebuild` is something
  // else, or when the file system cannot exchange directories.
  static absl::StatusOr<std::unique_ptr<Rebuild>> Begin(const std::string& dir,
                                                        const RebuildOptions& options = {});

  // Without Commit: closes both databases and releases the locks; the new
  // database stays in `<dir>.rebuild` for the next Begin to resume.
  virtual ~Rebuild() = default;
  Rebuild(const Rebuild&) = delete;
  Rebuild& operator=(const Rebuild&) = delete;

  // The database in `dir` as it was: a kReadOnly view that no writer changes
  // while this Rebuild lives. REQUIRES: Commit not called.
  virtual Database& source() = 0;
  // Its format version (older formats are readable here, and only here).
  virtual uint32_t source_format() const = 0;
  // The new database, open for writing. REQUIRES: Commit not called.
  virtual Database& target() = 0;
  // True when the new database was made by an earlier Begin.
  virtual bool resumed() const = 0;
  // `<dir>.rebuild`.
  virtual const std::string& target_path() const = 0;

  // Flushes and closes both databases, exchanges the directories (from here
  // on `dir` holds the new database), then deletes the old database and the
  // mark. An error before the exchange leaves the rebuild resumable; one
  // after it leaves the cleanup to FinishSwappedRebuild.
  virtual absl::Status Commit() = 0;

 protected:
  Rebuild() = default;
};

// When a rebuild of `dir` was swapped in but not cleaned up (its process was
// killed): deletes the old database from `<dir>.rebuild` and then the mark,
// and returns true. False when there is nothing to finish.
// FailedPrecondition while the process that swapped it is still finishing.
absl::StatusOr<bool> FinishSwappedRebuild(const std::string& dir);

}  // namespace stancegraph::engine
