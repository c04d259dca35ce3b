// Files and directories created beside a user's target: never through a
// planted link, never over a planted file, with the user's umask.
#include "stancegraph/engine/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "stancegraph/engine/backup.h"
#include "stancegraph/engine/database.h"
#include "support/claims_builder.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using testing::ClaimsBuilder;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

// Sets the umask for one scope.
class Umask {
 public:
  explicit Umask(mode_t mask) : old_(::umask(mask)) {}
  ~Umask() { ::umask(old_); }

 private:
  mode_t old_;
};

mode_t ModeOf(const std::string& path) {
  struct stat st;
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

size_t Entries(const std::string& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

schema::DocumentClaims Doc(int i) {
  return ClaimsBuilder("doc-" + std::to_string(i), "2024-01-01")
      .Claim("Holder " + std::to_string(i % 3), 1, "Proposition " + std::to_string(i))
      .Build();
}

}  // namespace

TEST_CASE("A file written atomically has the user's umask and replaces only the target",
          "[engine]") {
  TempDir dir;
  const std::string target = dir / "report.html";
  {
    Umask mask(027);
    REQUIRE(engine::WriteFileAtomically(target, "first").ok());
  }
  CHECK(Read(target) == "first");
  CHECK(ModeOf(target) == 0640);
  {
    Umask mask(022);
    REQUIRE(engine::WriteFileAtomically(target, "second").ok());
  }
  CHECK(Read(target) == "second");
  CHECK(ModeOf(target) == 0644);
  CHECK(Entries(dir.path()) == 1);  // no temporary file left behind
}

TEST_CASE("A link at the target is replaced, not written through", "[engine]") {
  TempDir dir;
  const std::string victim = dir / "victim";
  std::ofstream(victim) << "precious";
  fs::create_symlink(victim, dir / "report.md");
  REQUIRE(engine::WriteFileAtomically(dir / "report.md", "report").ok());
  CHECK(Read(victim) == "precious");
  CHECK_FALSE(fs::is_symlink(dir / "report.md"));
  CHECK(Read(dir / "report.md") == "report");
}

TEST_CASE("Files and links planted at the old predictable temporary names are left alone",
          "[engine]") {
  TempDir dir;
  const std::string victim = dir / "victim";
  std::ofstream(victim) << "precious";
  const std::string pid = std::to_string(::getpid());
  // The names the report writer and backup used before: ".NAME.tmp-PID" and
  // "NAME.tmp-PID".
  fs::create_symlink(victim, dir / (".report.md.tmp-" + pid));
  std::ofstream(dir / (".other.md.tmp-" + pid)) << "someone's file";
  REQUIRE(engine::WriteFileAtomically(dir / "report.md", "report").ok());
  REQUIRE(engine::WriteFileAtomically(dir / "other.md", "other").ok());
  CHECK(Read(victim) == "precious");
  CHECK(fs::is_symlink(dir / (".report.md.tmp-" + pid)));
  CHECK(Read(dir / (".other.md.tmp-" + pid)) == "someone's file");
  CHECK(Read(dir / "report.md") == "report");
}

TEST_CASE("A staging directory is private and renamed only where nothing is", "[engine]") {
  TempDir dir;
  auto a = engine::MakeStagingDir(dir / "backup");
  auto b = engine::MakeStagingDir(dir / "backup");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(*a != *b);
  CHECK(fs::path(*a).parent_path() == fs::path(dir.path()));
  CHECK(ModeOf(*a) == 0700);

  fs::create_directory(dir / "empty");
  fs::create_symlink(dir / "nowhere", dir / "dangling");
  CHECK(absl::IsAlreadyExists(engine::RenameNoReplace(*a, dir / "empty")));
  CHECK(absl::IsAlreadyExists(engine::RenameNoReplace(*a, dir / "dangling")));
  CHECK(fs::is_symlink(dir / "dangling"));
  CHECK(engine::RenameNoReplace(*a, dir / "new").ok());
  CHECK(fs::is_directory(dir / "new"));
}

TEST_CASE("A backup does not follow a link at its directory or its old temporary name",
          "[engine][backup]") {
  TempDir dir;
  auto db = engine::Database::Open({}, dir / "db");
  REQUIRE(db.ok());
  REQUIRE((*db)->Write({Doc(1)}, {}).ok());
  fs::create_directory(dir / "elsewhere");

  fs::create_symlink(dir / "elsewhere", dir / "linked");
  CHECK(absl::IsFailedPrecondition(engine::Backup(**db, dir / "linked")));
  fs::create_symlink(dir / "nowhere", dir / "dangling");
  CHECK(absl::IsFailedPrecondition(engine::Backup(**db, dir / "dangling")));
  CHECK_FALSE(fs::exists(dir / "nowhere"));

  fs::create_symlink(dir / "elsewhere", dir / ("copy.tmp-" + std::to_string(::getpid())));
  {
    Umask mask(027);
    const absl::Status s = engine::Backup(**db, dir / "copy");
    INFO(s.ToString());
    REQUIRE(s.ok());
  }
  CHECK(Entries(dir / "elsewhere") == 0);
  CHECK(ModeOf(dir / "copy") == 0750);
  auto copy = engine::Database::Open(
      {.create_if_missing = false, .mode = engine::AccessMode::kReadOnly}, dir / "copy");
  REQUIRE(copy.ok());
  // Only the backup and the links planted are beside the database.
  CHECK(Entries(dir.path()) == 6);
}

TEST_CASE("A bulk load writes its files in a directory of its own, not through a link",
          "[engine][bulk]") {
  TempDir dir;
  auto db = engine::Database::Open({}, dir / "db");
  REQUIRE(db.ok());
  fs::create_directory(dir / "elsewhere");
  // "bulk-tmp" was the staging directory's fixed name.
  fs::create_symlink(dir / "elsewhere", dir / "db/bulk-tmp");
  {
    auto loader = (*db)->NewBulkLoader({.chunk_bytes = 2000});
    REQUIRE(loader.ok());
    for (int i = 0; i < 20; ++i) REQUIRE((*loader)->Add({Doc(i)}).ok());
    REQUIRE((*loader)->Finish().ok());
  }
  auto stats = (*db)->GetStats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 20);
  CHECK(Entries(dir / "elsewhere") == 0);
  CHECK(fs::is_symlink(dir / "db/bulk-tmp"));
  for (const auto& e : fs::directory_iterator(dir / "db")) {
    CHECK(e.path().filename().string().rfind("bulk-tmp-", 0) != 0);  // staging removed
  }
}
