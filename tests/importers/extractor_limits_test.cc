// The external extractor under its limits: output, claims, time, memory;
// what it printed on stderr is quoted; nothing it started outlives it.
#include <dirent.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "stancegraph/importers/extractor.h"
#include "support/temp_dir.h"

namespace stancegraph::importers {
namespace {

using testing::TempDir;

const char kClaim[] =
    R"({"holder": {"name": "Example Holder", "type": "person"}, "predicate": "says", )"
    R"("polarity": 1, "proposition": {"text": "the example holds"}, "object_text": "x", )"
    R"("spans": {"sentence": [0, 5], "holder": null, "cue": null, "content": [0, 5]}})";

// A shell script in `dir` that first writes its process id to `dir`/pid.
std::string Script(const TempDir& dir, const std::string& body) {
  const std::string path = dir / "extractor.sh";
  std::ofstream(path) << "echo $$ > '" << (dir / "pid") << "'\n" << body << "\n";
  return "sh '" + path + "'";
}

Article Doc(const std::string& source) {
  Article a;
  a.document.text = "Hello world";
  a.document.source = source;
  a.document.id = 7;
  return a;
}

// Non-zombie processes whose process group is `pgid` or whose parent is
// this test.
int Leftovers(long pgid) {
  int found = 0;
  DIR* proc = opendir("/proc");
  REQUIRE(proc != nullptr);
  while (dirent* e = readdir(proc)) {
    std::ifstream in(std::string("/proc/") + e->d_name + "/stat");
    std::string stat;
    if (!std::getline(in, stat)) continue;
    const size_t close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(stat.substr(close + 2));
    char state = 0;
    long ppid = 0, pgrp = 0;
    rest >> state >> ppid >> pgrp;
    if (state == 'Z' || state == 'X') continue;
    if (pgrp == pgid || ppid == static_cast<long>(::getpid())) ++found;
  }
  closedir(proc);
  return found;
}

// The extractor's group (its id is in `dir`/pid) is gone, and this test has
// no child left. SIGKILL takes a moment to land: this waits for it, up to a
// bound that only a leak reaches.
void RequireNothingLeft(const TempDir& dir) {
  long pgid = 0;
  std::ifstream(dir / "pid") >> pgid;
  REQUIRE(pgid > 0);
  int left = Leftovers(pgid);
  for (int i = 0; i < 500 && left > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    left = Leftovers(pgid);
  }
  CHECK(left == 0);
}

absl::Status Run(const std::string& command, const ExternalExtractorLimits& limits,
                 schema::DocumentClaims* out = nullptr) {
  auto ex = MakeExternalExtractor(command, limits);
  REQUIRE(ex.ok());
  schema::DocumentClaims claims;
  return (*ex)->Extract(Doc("news/endless.txt"), out != nullptr ? out : &claims);
}

TEST_CASE("An extractor printing without end is stopped at the output limit", "[importers]") {
  TempDir dir;
  const absl::Status s = Run(Script(dir, "cat /dev/zero"), {.max_output_bytes = 1 << 20});
  INFO(s.message());
  CHECK(s.code() == absl::StatusCode::kResourceExhausted);
  CHECK_THAT(std::string(s.message()), Catch::Contains("document \"news/endless.txt\""));
  CHECK_THAT(std::string(s.message()), Catch::Contains("more than 1 MiB"));
  CHECK_THAT(std::string(s.message()), Catch::Contains("--extractor-max-output-bytes"));
  RequireNothingLeft(dir);
}

TEST_CASE("An extractor printing too many claims is stopped at the claims limit", "[importers]") {
  TempDir dir;
  const absl::Status s = Run(Script(dir, std::string("yes '") + kClaim + "'"), {.max_claims = 50});
  INFO(s.message());
  CHECK(s.code() == absl::StatusCode::kResourceExhausted);
  CHECK_THAT(std::string(s.message()), Catch::Contains("more than 50 claims"));
  CHECK_THAT(std::string(s.message()), Catch::Contains("--extractor-max-claims"));
  RequireNothingLeft(dir);

  // As many claims as the limit are accepted.
  TempDir exact;
  schema::DocumentClaims out;
  const absl::Status ok =
      Run(Script(exact, std::string("yes '") + kClaim + "' | head -n 3"), {.max_claims = 3}, &out);
  INFO(ok.message());
  CHECK(ok.ok());
  CHECK(out.mentions.size() == 3);
}

TEST_CASE("A sleeping extractor and what it started are stopped at the timeout", "[importers]") {
  TempDir dir;
  const absl::Status s =
      Run(Script(dir, "echo 'still thinking' >&2\nsleep 60 & sleep 60"), {.timeout_seconds = 1});
  INFO(s.message());
  CHECK(s.code() == absl::StatusCode::kDeadlineExceeded);
  CHECK_THAT(std::string(s.message()), Catch::Contains("longer than 1 s"));
  CHECK_THAT(std::string(s.message()), Catch::Contains("--extractor-timeout"));
  CHECK_THAT(std::string(s.message()), Catch::Contains("its stderr: still thinking"));
  RequireNothingLeft(dir);
}

TEST_CASE("A memory-hungry extractor fails under the memory limit", "[importers]") {
  TempDir dir;
  const absl::Status s = Run(Script(dir, "exec python3 -c 'x = bytearray(1 << 30)'"),
                             {.max_memory_bytes = uint64_t{256} << 20});
  INFO(s.message());
  CHECK(s.code() == absl::StatusCode::kInternal);
  CHECK_THAT(std::string(s.message()), Catch::Contains("document \"news/endless.txt\""));
  CHECK_THAT(std::string(s.message()), Catch::Contains("at most 256 MiB"));
  CHECK_THAT(std::string(s.message()), Catch::Contains("--extractor-max-memory"));
  CHECK_THAT(std::string(s.message()), Catch::Contains("MemoryError"));
  RequireNothingLeft(dir);
}

TEST_CASE("An extractor's stderr is quoted in its error, only its last part", "[importers]") {
  TempDir dir;
  const absl::Status s =
      Run(Script(dir, "yes 'noise' | head -n 200000 >&2\necho 'the real reason' >&2\nexit 4"), {});
  INFO(s.message().substr(0, 300));
  CHECK(s.code() == absl::StatusCode::kInternal);
  CHECK_THAT(std::string(s.message()), Catch::Contains("exited with status 4"));
  CHECK_THAT(std::string(s.message()), Catch::Contains("noise | the real reason"));
  CHECK(s.message().size() < 8 * 1024);
  RequireNothingLeft(dir);
}

TEST_CASE("What a successful extractor leaves running is stopped with it", "[importers]") {
  TempDir dir;
  schema::DocumentClaims out;
  const absl::Status s =
      Run(Script(dir, std::string("sleep 60 &\necho '") + kClaim + "'"), {}, &out);
  INFO(s.message());
  CHECK(s.ok());
  CHECK(out.mentions.size() == 1);
  RequireNothingLeft(dir);
}

}  // namespace
}  // namespace stancegraph::importers
