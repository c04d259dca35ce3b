// Files and directories stancegraph creates beside a user's target: a name
// nobody else can have planted, created exclusively, then renamed into place.
//
//   SG_RETURN_IF_ERROR(WriteFileAtomically("reports/today.html", html));
//
// Temporary names are "." + the target's name + ".tmp-" + 12 random
// characters, in the target's own directory (a rename is atomic only within
// one file system). They are created with O_CREAT | O_EXCL | O_NOFOLLOW, so a
// file or symbolic link already at that name is neither followed nor
// overwritten: another random name is tried instead.
//
// Modes: a file written for the user (a report) is created with 0666 minus
// the umask, as a shell's `>` would, since such files are often published or
// shared; a staging directory is 0700 while it is being filled, since only
// this process needs to see inside it, and what is renamed out of it keeps
// the mode it was created with (RocksDB creates databases with the umask).
#pragma once

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace stancegraph::engine {

// Writes `content` to a new temporary file beside `path`, fsyncs it, renames
// it over `path` (replacing a file or symbolic link there, never writing
// through it) and fsyncs the directory: readers see the old file or the
// whole new one. The file's mode is 0666 & ~umask. On error the temporary
// file is removed. Errors: Unavailable naming the file and the step.
absl::Status WriteFileAtomically(const std::string& path, std::string_view content);

// A new, empty directory of mode 0700 beside `target` (in its parent
// directory), named as above; the parent must exist. Errors: Unavailable.
absl::StatusOr<std::string> MakeStagingDir(const std::string& target);

// A new, empty directory of mode 0700 inside `dir`, named
// "<dir>/<prefix>-" + random characters. Errors: Unavailable.
absl::StatusOr<std::string> MakeStagingDirIn(const std::string& dir, std::string_view prefix);

// Renames `from` to `to`, failing with AlreadyExists when `to` exists (even
// as an empty directory or a dangling link), then fsyncs the parent of `to`.
absl::Status RenameNoReplace(const std::string& from, const std::string& to);

// fsyncs a directory, so the renames and creations in it survive a crash.
absl::Status FsyncDirectory(const std::string& dir);

}  // namespace stancegraph::engine
