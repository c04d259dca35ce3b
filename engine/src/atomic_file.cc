#include "stancegraph/engine/atomic_file.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

#include "absl/strings/str_cat.h"

namespace stancegraph::engine {
namespace {

namespace fs = std::filesystem;

// How many random names are tried before giving up: a collision is already
// one in 62^12; many in a row mean names are being planted on purpose.
constexpr int kAttempts = 100;

// `err` is read before the message is built: building it may change errno.
absl::Status Errno(int err, std::string_view what) {
  return absl::UnavailableError(absl::StrCat(std::string(what), ": ", std::strerror(err)));
}

std::string RandomSuffix() {
  static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 gen{std::random_device{}()};
  std::string s(12, 'x');
  for (char& c : s) c = kChars[gen() % (sizeof kChars - 1)];
  return s;
}

fs::path ParentOf(const std::string& path) {
  const fs::path p(path);
  return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

std::string TempNameFor(const std::string& target) {
  const fs::path p(target);
  return (ParentOf(target) / absl::StrCat(".", p.filename().string(), ".tmp-", RandomSuffix()))
      .string();
}

}  // namespace

absl::Status FsyncDirectory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Errno(errno, absl::StrCat("open ", dir));
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  return rc == 0 ? absl::OkStatus() : Errno(err, absl::StrCat("sync ", dir));
}

absl::Status WriteFileAtomically(const std::string& path, std::string_view content) {
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; attempt < kAttempts && fd < 0; ++attempt) {
    tmp = TempNameFor(path);
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) return Errno(errno, absl::StrCat("create ", tmp));
  }
  if (fd < 0) return Errno(EEXIST, absl::StrCat("create a temporary file beside ", path));
  auto fail = [&](std::string_view step) {
    const absl::Status s = Errno(errno, absl::StrCat(std::string(step), " ", tmp));
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    return s;
  };
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("write");
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("sync");
  const int rc = ::close(fd);
  fd = -1;
  if (rc != 0) return fail("close");
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return Errno(err, absl::StrCat("rename ", tmp, " to ", path));
  }
  return FsyncDirectory(ParentOf(path).string());
}

absl::StatusOr<std::string> MakeStagingDir(const std::string& target) {
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    std::string dir = TempNameFor(target);
    if (::mkdir(dir.c_str(), 0700) == 0) return dir;
    if (errno != EEXIST) return Errno(errno, absl::StrCat("create ", dir));
  }
  return Errno(EEXIST, absl::StrCat("create a temporary directory beside ", target));
}

absl::StatusOr<std::string> MakeStagingDirIn(const std::string& dir, std::string_view prefix) {
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    std::string path =
        (fs::path(dir) / absl::StrCat(std::string(prefix), "-", RandomSuffix())).string();
    if (::mkdir(path.c_str(), 0700) == 0) return path;
    if (errno != EEXIST) return Errno(errno, absl::StrCat("create ", path));
  }
  return Errno(EEXIST, absl::StrCat("create a temporary directory in ", dir));
}

absl::Status RenameNoReplace(const std::string& from, const std::string& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) != 0) {
    const int err = errno;
    if (err == EEXIST) return absl::AlreadyExistsError(absl::StrCat(to, " already exists"));
    return Errno(err, absl::StrCat("rename ", from, " to ", to));
  }
  return FsyncDirectory(ParentOf(to).string());
}

}  // namespace stancegraph::engine
