// A real full disk under the real commands: a small tmpfs, mounted in a
// private mount namespace (needs root; skipped with a warning where mounting
// is refused). Each write path must end with exit code 1 and a message that
// says what failed, what was kept and what to do; once space is freed the
// store passes `stancegraph check` and the same command completes.
#include <sched.h>
#include <sys/mount.h>
#include <sys/statvfs.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "support/claims_csv.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph::testing;

namespace {

constexpr int kDocuments = 4000;
constexpr int kRowsPerDocument = 3;

// A tmpfs at `dir`, in a mount namespace of this process (and the commands
// it runs), so nothing stays mounted when the test ends. Empty when it
// mounted, else why not.
std::string MountTmpfs(const std::string& dir) {
  if (unshare(CLONE_NEWNS) != 0) return std::string("unshare: ") + std::strerror(errno);
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
    return std::string("make / private: ") + std::strerror(errno);
  }
  if (mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=64m") != 0) {
    return std::string("mount tmpfs: ") + std::strerror(errno);
  }
  return "";
}

// Leaves about `free_bytes` free on the file system of `dir` with a filler
// file; Unfill removes it.
void Fill(const std::string& dir, uint64_t free_bytes) {
  struct statvfs st;
  REQUIRE(statvfs(dir.c_str(), &st) == 0);
  const uint64_t avail = static_cast<uint64_t>(st.f_bavail) * st.f_frsize;
  std::ofstream out(dir + "/filler", std::ios::binary | std::ios::app);
  const std::string block(1 << 16, '\0');
  for (uint64_t n = avail > free_bytes ? avail - free_bytes : 0; n > 0;) {
    const uint64_t k = std::min<uint64_t>(n, block.size());
    out.write(block.data(), static_cast<std::streamsize>(k));
    n -= k;
  }
}
void Unfill(const std::string& dir) { std::filesystem::remove(dir + "/filler"); }

// Exit code 1, a message of ours that says what to do, no abort.
void RequireClearFailure(const CliResult& r) {
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("stancegraph: error:"));
  CHECK_THAT(r.err, Catch::Contains("No space left on device") ||
                        Catch::Contains("no space left on device"));
  CHECK_THAT(r.err, Catch::Contains("Free space on the disk"));
  CHECK_THAT(r.err, !Catch::Contains("Assertion") && !Catch::Contains("terminate"));
}

void RequireChecked(const std::string& db) {
  auto check = RunCli("check --db " + db);
  INFO(check.out << check.err);
  REQUIRE(check.exit_code == 0);
}

size_t Lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

}  // namespace

TEST_CASE("Commands on a full disk fail with a clear message and complete once space is freed",
          "[cli][faults]") {
  TempDir tmp;
  const std::string disk = tmp / "disk";
  std::filesystem::create_directories(disk);
  if (std::string why = MountTmpfs(disk); !why.empty()) {
    WARN("skipped: cannot mount a small tmpfs here to fill a real disk (" << why << ")");
    return;
  }
  const std::string input = tmp / "claims.csv";
  WriteClaimsCsv(input, {.documents = kDocuments,
                         .rows_per_document = kRowsPerDocument,
                         .holders = 301,
                         .propositions = 997});
  const std::string db = disk + "/db";
  const size_t mentions = kDocuments * kRowsPerDocument;

  for (const char* mode : {"--no-bulk", "--bulk"}) {
    SECTION(std::string("import ") + mode) {
      Fill(disk, 1u << 20);
      auto r = RunCli(std::string("import -q ") + mode + " --db " + db + " " + input);
      RequireClearFailure(r);
      Unfill(disk);
      RequireChecked(db);
      auto again = RunCli(std::string("import -q ") + mode + " --db " + db + " " + input);
      INFO(again.err);
      REQUIRE(again.exit_code == 0);
      RequireChecked(db);
      CHECK(Lines(RunCli("export claims --db " + db).out) == mentions);
    }
  }

  SECTION("reextract, report --out, backup and export to a file") {
    REQUIRE(RunCli("import -q --db " + db + " " + input).exit_code == 0);
    const std::string before = RunCli("export claims --db " + db).out;
    REQUIRE(Lines(before) == mentions);

    Fill(disk, 64u << 10);
    RequireClearFailure(RunCli("reextract -q --db " + db));
    auto report = RunCli("report --since-last --db " + db + " --out " + disk + "/report.md");
    RequireClearFailure(report);
    CHECK_THAT(report.err, Catch::Contains("watermark was not moved"));
    CHECK_FALSE(std::filesystem::exists(disk + "/report.md"));
    auto backup = RunCli("backup --db " + db + " " + disk + "/backup");
    RequireClearFailure(backup);
    CHECK_FALSE(std::filesystem::exists(disk + "/backup"));
    // The shell's own redirection, as a user writes it.
    auto exported = RunExecutable("sh", "-c '" + std::string(SG_BINARY_DIR) +
                                            "/cli/stancegraph export claims --db " + db + " >" +
                                            disk + "/claims.jsonl'");
    RequireClearFailure(exported);

    Unfill(disk);
    std::filesystem::remove(disk + "/claims.jsonl");
    RequireChecked(db);
    CHECK(RunCli("export claims --db " + db).out == before);
    auto reextract = RunCli("reextract -q --db " + db);
    INFO(reextract.err);
    CHECK(reextract.exit_code == 0);
    RequireChecked(db);
    CHECK(RunCli("report --since-last --db " + db + " --out " + disk + "/report.md").exit_code ==
          0);
    CHECK(RunCli("backup --db " + db + " " + disk + "/backup").exit_code == 0);
    RequireChecked(disk + "/backup");
    CHECK(Lines(RunCli("export claims --db " + disk + "/backup").out) == mentions);
  }
}
