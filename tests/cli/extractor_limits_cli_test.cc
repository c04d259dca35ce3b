// `stancegraph import --extractor` with a program that prints without end:
// that document fails, the import stays small and goes on with the next.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph::testing;

namespace {

struct Measured {
  CliResult result;
  long max_rss_kib = 0;
};

// Runs the CLI with `args` (no shell) and reads its peak memory from wait4.
Measured RunMeasured(const std::vector<std::string>& args) {
  TempDir io;
  const std::string binary = std::string(SG_BINARY_DIR) + "/cli/stancegraph";
  std::vector<char*> argv{const_cast<char*>(binary.c_str())};
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const std::string out = io / "out", err = io / "err";
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int n = ::open("/dev/null", O_RDONLY);
    if (o < 0 || e < 0 || n < 0) ::_exit(126);
    ::dup2(n, 0);
    ::dup2(o, 1);
    ::dup2(e, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  REQUIRE(::wait4(pid, &status, 0, &usage) == pid);
  Measured m;
  m.result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  m.result.out = ReadFile(out);
  m.result.err = ReadFile(err);
  m.max_rss_kib = usage.ru_maxrss;
  return m;
}

}  // namespace

TEST_CASE("import stops an extractor that prints without end and keeps the other documents",
          "[cli]") {
  TempDir dir;
  const std::string articles = dir / "articles";
  std::filesystem::create_directories(articles);
  std::ofstream(articles + "/a.txt") << "The minister said the plan works.\n";
  std::ofstream(articles + "/b.txt") << "ENDLESS\n";
  std::ofstream(articles + "/c.txt") << "The mayor said the bridge will open.\n";
  const std::string script = dir / "extractor.sh";
  std::ofstream(script)
      << "input=$(cat)\n"
         "case \"$input\" in *ENDLESS*) exec cat /dev/zero ;; esac\n"
         "echo '{\"holder\": {\"name\": \"Example Holder\", \"type\": \"person\"}, "
         "\"predicate\": \"says\", \"polarity\": 1, \"proposition\": {\"text\": \"it works\"}, "
         "\"object_text\": \"x\", \"spans\": {\"sentence\": [0, 5], \"holder\": null, "
         "\"cue\": null, \"content\": [0, 5]}}'\n";

  const Measured m = RunMeasured({"import", "--db", dir / "db", "--extractor", "sh " + script,
                                  "--extractor-max-output-bytes", "8MiB", articles});
  INFO(m.result.err);
  CHECK(m.result.exit_code == 1);
  CHECK_THAT(m.result.err, Catch::Contains("b.txt"));
  CHECK_THAT(m.result.err, Catch::Contains("more than 8 MiB"));
  CHECK_THAT(m.result.err, Catch::Contains("--extractor-max-output-bytes"));
  CHECK_THAT(m.result.err, Catch::Contains("2 documents imported"));
  CHECK_THAT(m.result.err, Catch::Contains("1 errors"));
  // Without the limit it grew by gigabytes; with it, by the 8 MiB kept.
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer's shadow memory and quarantine come on top.
  CHECK(m.max_rss_kib < 600 * 1024);
#else
  CHECK(m.max_rss_kib < 200 * 1024);
#endif

  const CliResult exported = RunCli("export claims --db " + (dir / "db"));
  REQUIRE(exported.exit_code == 0);
  CHECK_THAT(exported.out, Catch::Contains("a.txt"));
  CHECK_THAT(exported.out, Catch::Contains("c.txt"));
  CHECK_THAT(exported.out, !Catch::Contains("b.txt"));
}
