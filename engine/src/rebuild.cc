// Rebuild: a new database built beside the old one and exchanged with it in
// one rename. The states and the steps between them are in rebuild.h; every
// step below is ordered so that a kill between any two leaves one of them.
#include "stancegraph/engine/rebuild.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "database_impl.h"
#include "stancegraph/engine/locked.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/strings.h"

namespace stancegraph::engine {
namespace {

namespace fs = std::filesystem;

constexpr char kMarkName[] = "REBUILDING";
constexpr char kTargetSuffix[] = ".rebuild";

// `err` is read before the message is built: building it may change errno.
absl::Status Errno(int err, std::string_view what) {
  return absl::InternalError(absl::StrCat(Av(what), ": ", std::strerror(err)));
}

absl::Status FsyncDir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return Errno(err, absl::StrCat("open ", dir));
  }
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  return rc == 0 ? absl::OkStatus() : Errno(err, absl::StrCat("sync ", dir));
}

// A whole-file write lock held while the descriptor is open. It is an open
// file description lock: closing another descriptor of the file in this
// process does not drop it, and it conflicts with RocksDB's POSIX lock on a
// database's LOCK file in every process, this one included.
class FileLock {
 public:
  FileLock() = default;
  FileLock(FileLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileLock& operator=(FileLock&& other) noexcept {
    Release();
    fd_ = std::exchange(other.fd_, -1);
    return *this;
  }
  ~FileLock() { Release(); }

  // Opens `path` (creating it with `create`) and locks it without waiting.
  // `*busy` tells a lock held elsewhere (then the status is
  // FailedPrecondition) from other errors.
  static absl::StatusOr<FileLock> Acquire(const std::string& path, bool create, bool* busy) {
    *busy = false;
    FileLock lock;
    lock.fd_ = ::open(path.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW | (create ? O_CREAT : 0), 0644);
    if (lock.fd_ < 0) {
      const int err = errno;
      if (err == ENOENT) return absl::NotFoundError(absl::StrCat(path, " is missing"));
      return Errno(err, absl::StrCat("open ", path));
    }
    struct flock f;
    std::memset(&f, 0, sizeof(f));
    f.l_type = F_WRLCK;
    f.l_whence = SEEK_SET;
    if (::fcntl(lock.fd_, F_OFD_SETLK, &f) != 0) {
      const int err = errno;
      if (err == EAGAIN || err == EACCES) {
        *busy = true;
        return LockedError(absl::StrCat(path, " is locked"));
      }
      return Errno(err, absl::StrCat("lock ", path));
    }
    return lock;
  }

  int fd() const { return fd_; }
  void Release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

absl::Status Locked(const std::string& dir) {
  return LockedError(
      absl::StrCat("open ", dir,
                   ": the database is locked by another process (an import or a rebuild is "
                   "writing it; try again when it is done)"));
}

// True when `lock` still locks the file at `path` (not one unlinked meanwhile).
bool StillAt(const FileLock& lock, const std::string& path) {
  struct stat held, now;
  return ::fstat(lock.fd(), &held) == 0 && ::stat(path.c_str(), &now) == 0 &&
         held.st_dev == now.st_dev && held.st_ino == now.st_ino;
}

absl::Status Exchange(const std::string& a, const std::string& b) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0) {
    const int err = errno;
    return Errno(err, absl::StrCat("exchange ", a, " and ", b));
  }
  return absl::OkStatus();
}

// Whether `path` and its sibling `target` (a directory) can be exchanged:
// tried on two empty directories inside `target`, before any work depends
// on it. `path` must not be a mount point: it would not move.
absl::Status CheckExchange(const std::string& path, const std::string& target,
                           const std::string& shown) {
  struct stat store, sibling;
  if (::stat(path.c_str(), &store) != 0 || ::stat(target.c_str(), &sibling) != 0) {
    const int err = errno;
    return Errno(err, absl::StrCat("stat ", path, " and ", target));
  }
  if (store.st_dev != sibling.st_dev) {
    return absl::FailedPreconditionError(
        absl::StrCat(shown,
                     " is on another file system than its parent directory (a mount point?); a "
                     "rebuild replaces it by exchanging it with a sibling directory"));
  }
  const std::string a = target + "/exchange-probe-a", b = target + "/exchange-probe-b";
  std::error_code ec;
  fs::remove_all(a, ec);
  fs::remove_all(b, ec);
  if (!fs::create_directory(a, ec) || !fs::create_directory(b, ec)) {
    return absl::InternalError(absl::StrCat("create ", a, ": ", ec.message()));
  }
  const bool exchanged =
      ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
  const int err = errno;
  fs::remove(a, ec);
  fs::remove(b, ec);
  if (exchanged) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("the file system of ", shown, " cannot exchange two directories in one rename (",
                   std::strerror(err),
                   "), which a rebuild needs to replace the database safely; "
                   "move the database to a local file system such as ext4, xfs, btrfs or tmpfs"));
}

// True when `dir` holds nothing but RocksDB info logs (LOG, LOG.old.*),
// which any opening of a path creates, directory included.
bool OnlyInfoLogs(const std::string& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name != "LOG" && name.rfind("LOG.old.", 0) != 0) return false;
  }
  return !ec;
}

// Deletes a marked rebuild directory with its mark last, so a kill part way
// leaves a directory the next run still knows as a rebuild (and deletes).
void RemoveAllButMark(const std::string& dir, std::error_code& ec) {
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().filename() == kMarkName) continue;
    fs::remove_all(e.path(), ec);
    if (ec) return;
  }
}

void RemoveMarkedLast(const std::string& dir, std::error_code& ec) {
  RemoveAllButMark(dir, ec);
  if (!ec) fs::remove_all(dir, ec);
}

// `dir` without symbolic links or a trailing separator: the directory the
// exchange works on. NotFound when it does not exist.
absl::StatusOr<std::string> Resolve(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::canonical(dir, ec);
  if (ec) return absl::NotFoundError(absl::StrCat("no stancegraph database at ", dir));
  return p.string();
}

class RebuildImpl final : public Rebuild {
 public:
  RebuildImpl(std::string dir, std::string path)
      : dir_(std::move(dir)), path_(std::move(path)), target_path_(path_ + kTargetSuffix) {}

  ~RebuildImpl() override {
    // The databases close before their locks are released.
    target_.reset();
    source_.reset();
  }

  absl::Status Start(const RebuildOptions& options) {
    bool busy = false;
    auto lock = FileLock::Acquire(path_ + "/LOCK", /*create=*/true, &busy);
    if (busy) return Locked(dir_);
    SG_RETURN_IF_ERROR(lock.status());
    source_lock_ = *std::move(lock);
    SG_ASSIGN_OR_RETURN(
        source_, DatabaseImpl::OpenImpl({.create_if_missing = false,
                                         .mode = AccessMode::kReadOnly,
                                         .block_cache_bytes = options.target.block_cache_bytes},
                                        dir_, kOldestRebuildableFormat));
    SG_RETURN_IF_ERROR(PrepareTarget());
    SG_RETURN_IF_ERROR(CheckExchange(path_, target_path_, dir_));
    OpenOptions target = options.target;
    target.mode = AccessMode::kReadWrite;
    target.create_if_missing = true;
    SG_ASSIGN_OR_RETURN(target_, Database::Open(target, target_path_));
    return absl::OkStatus();
  }

  Database& source() override { return *source_; }
  uint32_t source_format() const override { return source_->format(); }
  Database& target() override { return *target_; }
  bool resumed() const override { return resumed_; }
  const std::string& target_path() const override { return target_path_; }

  absl::Status Commit() override {
    if (!source_ || !target_) return absl::FailedPreconditionError("rebuild already committed");
    // Everything of the new database in files before it takes the old
    // one's place; neither may touch its directory after the exchange.
    SG_RETURN_IF_ERROR(target_->Flush());
    target_.reset();
    source_.reset();
    const std::string parent = fs::path(path_).parent_path().string();
    SG_RETURN_IF_ERROR(Exchange(path_, target_path_));
    SG_RETURN_IF_ERROR(FsyncDir(parent));
    // Swapped: `dir` holds the new database, marked; the old one is aside.
    std::error_code ec;
    fs::remove_all(target_path_, ec);
    if (ec) return absl::InternalError(absl::StrCat("delete ", target_path_, ": ", ec.message()));
    SG_RETURN_IF_ERROR(FsyncDir(parent));
    const std::string mark = path_ + "/" + kMarkName;
    if (::unlink(mark.c_str()) != 0) {
      const int err = errno;
      return Errno(err, absl::StrCat("delete ", mark));
    }
    SG_RETURN_IF_ERROR(FsyncDir(path_));
    mark_lock_.Release();
    source_lock_.Release();
    return absl::OkStatus();
  }

 private:
  // Makes `<dir>.rebuild` a marked directory (resumed_ when it holds a
  // database of this format already). REQUIRES: the source lock held, so
  // no other process works on it.
  absl::Status PrepareTarget() {
    const std::string mark = target_path_ + "/" + kMarkName;
    std::error_code ec;
    // The name is predictable: a link planted there must not lead the new
    // database (or the deletion of a stale one) somewhere else.
    if (fs::is_symlink(fs::symlink_status(target_path_, ec))) {
      return absl::FailedPreconditionError(
          absl::StrCat(target_path_, " is a symbolic link, not a rebuild of ", dir_,
                       ": remove it, then run the rebuild again"));
    }
    if (fs::exists(target_path_, ec)) {
      if (fs::exists(mark, ec)) {
        bool busy = false;
        SG_ASSIGN_OR_RETURN(mark_lock_, FileLock::Acquire(mark, /*create=*/false, &busy));
        if (!fs::exists(target_path_ + "/CURRENT", ec)) {
          // No database yet, or what a deletion killed part way left of one:
          // start it afresh.
          RemoveAllButMark(target_path_, ec);
          if (ec) {
            return absl::InternalError(absl::StrCat("clear ", target_path_, ": ", ec.message()));
          }
          return absl::OkStatus();
        }
        std::optional<std::string> format = StoredFormatOf(target_path_);
        if (format == std::to_string(kFormatVersion)) {
          resumed_ = true;
          return absl::OkStatus();
        }
        // Begun by a stancegraph of another format, or killed before its
        // format stamp: of no use to this one.
        mark_lock_.Release();
        RemoveMarkedLast(target_path_, ec);
        if (ec) {
          return absl::InternalError(absl::StrCat("delete ", target_path_, ": ", ec.message()));
        }
      } else if (fs::is_directory(target_path_, ec) && OnlyInfoLogs(target_path_)) {
        // Killed between mkdir and the mark, or a RocksDB info log written
        // into the directory after it was deleted: no data either way.
        fs::remove_all(target_path_, ec);
      } else {
        return absl::FailedPreconditionError(
            absl::StrCat(target_path_, " exists and is not a rebuild of ", dir_,
                         ": move it away, then run the rebuild again"));
      }
    }
    if (!fs::create_directory(target_path_, ec)) {
      return absl::InternalError(absl::StrCat("create ", target_path_, ": ", ec.message()));
    }
    bool busy = false;
    SG_ASSIGN_OR_RETURN(mark_lock_, FileLock::Acquire(mark, /*create=*/true, &busy));
    const std::string text = absl::StrCat("stancegraph: the new database of a rebuild of ", path_,
                                          "; it replaces that one when complete\n");
    if (::write(mark_lock_.fd(), text.data(), text.size()) != static_cast<ssize_t>(text.size()) ||
        ::fsync(mark_lock_.fd()) != 0) {
      const int err = errno;
      return Errno(err, absl::StrCat("write ", mark));
    }
    SG_RETURN_IF_ERROR(FsyncDir(target_path_));
    return FsyncDir(fs::path(path_).parent_path().string());
  }

  const std::string dir_;   // as given, for messages
  const std::string path_;  // resolved
  const std::string target_path_;
  // Declared before the databases, so released after they close.
  FileLock source_lock_;
  FileLock mark_lock_;
  std::unique_ptr<DatabaseImpl> source_;
  std::unique_ptr<Database> target_;
  bool resumed_ = false;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Rebuild>> Rebuild::Begin(const std::string& dir,
                                                        const RebuildOptions& options) {
  SG_RETURN_IF_ERROR(FinishSwappedRebuild(dir).status());
  SG_ASSIGN_OR_RETURN(std::string path, Resolve(dir));
  std::error_code ec;
  if (!fs::exists(path + "/CURRENT", ec)) {
    return absl::NotFoundError(absl::StrCat("no stancegraph database at ", dir));
  }
  auto rebuild = std::make_unique<RebuildImpl>(dir, std::move(path));
  SG_RETURN_IF_ERROR(rebuild->Start(options));
  return std::unique_ptr<Rebuild>(std::move(rebuild));
}

absl::StatusOr<bool> FinishSwappedRebuild(const std::string& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return false;
  SG_ASSIGN_OR_RETURN(std::string path, Resolve(dir));
  const std::string mark = path + "/" + kMarkName;
  FileLock lock;
  for (int attempt = 0;; ++attempt) {
    bool busy = false;
    auto acquired = FileLock::Acquire(mark, /*create=*/false, &busy);
    if (absl::IsNotFound(acquired.status())) return false;
    if (busy) {
      return absl::FailedPreconditionError(
          absl::StrCat("a rebuild of ", dir,
                       " is being finished by another process; try again when it is done"));
    }
    SG_RETURN_IF_ERROR(acquired.status());
    // The mark may have been deleted between opening and locking it.
    if (StillAt(*acquired, mark)) {
      lock = *std::move(acquired);
      break;
    }
    if (attempt == 3) return absl::UnavailableError(absl::StrCat(dir, " keeps changing"));
  }
  const std::string old = path + kTargetSuffix;
  fs::remove_all(old, ec);
  if (ec) return absl::InternalError(absl::StrCat("delete ", old, ": ", ec.message()));
  SG_RETURN_IF_ERROR(FsyncDir(fs::path(path).parent_path().string()));
  if (::unlink(mark.c_str()) != 0) {
    const int err = errno;
    return Errno(err, absl::StrCat("delete ", mark));
  }
  SG_RETURN_IF_ERROR(FsyncDir(path));
  return true;
}

}  // namespace stancegraph::engine
