// Nasty inputs: each imports cleanly or with per-document errors, never a
// crash, hang or unbounded memory. Every import runs in a child process that
// reports its result and peak RSS (getrusage) through a pipe. Small inputs
// are in tests/importers/nasty/; large ones are made here.
#include <catch2/catch.hpp>

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "stancegraph/engine/database.h"
#include "stancegraph/importers/import.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr long kMaxRssMb = 2048;  // ASan's shadow memory and quarantine
#else
constexpr long kMaxRssMb = 768;
#endif
// Not a timing threshold: a guard that turns a hang into a failure.
constexpr int kHangGuardSeconds = 240;

struct Outcome {
  bool finished = false;  // exited normally (no signal, no hang)
  bool import_ok = false;
  uint64_t written = 0, errors = 0;
  long max_rss_mb = 0;
  std::string detail;  // the import's status or the first reported error
};

// The database is made in `db_path`, or in a temporary directory when empty.
Outcome ImportInChild(const std::vector<std::string>& paths, importers::ImportOptions options,
                      const fs::path& db_path = {}) {
  TempDir tmp;
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    close(fds[0]);
    std::ostringstream out;
    auto db = engine::Database::Open({}, db_path.empty() ? tmp / "db" : db_path.string());
    if (!db.ok()) _exit(3);
    std::string first_error;
    auto on_error = [&](const importers::ImportError& e) {
      if (first_error.empty()) first_error = e.file + ":" + std::to_string(e.line) + ": " + e.message;
    };
    auto summary = importers::Import(**db, paths, options, on_error);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    out << (summary.ok() ? 1 : 0) << " " << (summary.ok() ? summary->documents_written : 0) << " "
        << (summary.ok() ? summary->errors : 0) << " " << usage.ru_maxrss / 1024 << " "
        << (summary.ok() ? first_error : std::string(summary.status().message()));
    const std::string s = out.str();
    if (write(fds[1], s.data(), s.size()) != static_cast<ssize_t>(s.size())) _exit(4);
    _exit(0);
  }
  close(fds[1]);
  std::string text;
  char buf[4096];
  pollfd p{.fd = fds[0], .events = POLLIN};
  bool hung = false;
  for (;;) {
    int ready = poll(&p, 1, kHangGuardSeconds * 1000);
    if (ready == 0) {
      hung = true;
      kill(pid, SIGKILL);
      break;
    }
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  Outcome o;
  o.finished = !hung && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!o.finished) {
    o.detail = hung ? "hung" : WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status))
                                                   : "exit " + std::to_string(WEXITSTATUS(status));
    return o;
  }
  std::istringstream in(text);
  int ok = 0;
  in >> ok >> o.written >> o.errors >> o.max_rss_mb;
  o.import_ok = ok == 1;
  std::getline(in, o.detail);
  return o;
}

std::string Nasty(const std::string& name) {
  return std::string(SG_SOURCE_DIR) + "/tests/importers/nasty/" + name;
}

// Imports `paths` (into `db_path` when given); the import must finish and
// succeed (bad records are errors in the summary, not a failed import)
// within the memory bound.
Outcome ExpectSurvives(const std::vector<std::string>& paths, importers::ImportOptions options = {},
                       const fs::path& db_path = {}) {
  Outcome o = ImportInChild(paths, std::move(options), db_path);
  INFO(paths.front() << ": " << o.detail);
  REQUIRE(o.finished);
  CHECK(o.import_ok);
  CHECK(o.max_rss_mb < kMaxRssMb);
  return o;
}

void WriteLarge(const std::string& path, const std::string& head, char fill, size_t n,
                const std::string& tail) {
  std::ofstream out(path, std::ios::binary);
  out << head;
  std::string chunk(1u << 20, fill);
  for (size_t done = 0; done < n; done += chunk.size()) {
    out.write(chunk.data(), static_cast<std::streamsize>(std::min(chunk.size(), n - done)));
  }
  out << tail;
}

}  // namespace

TEST_CASE("Every committed nasty input imports without crashing", "[importers][nasty]") {
  int inputs = 0;
  for (const auto& e : fs::directory_iterator(Nasty(""))) {
    SECTION(e.path().filename().string()) {
      Outcome o = ExpectSurvives({e.path().string()});
      UNSCOPED_INFO(e.path().filename().string() << ": " << o.written << " documents, "
                                                  << o.errors << " errors");
    }
    ++inputs;
  }
  CHECK(inputs >= 19);  // the files committed in tests/importers/nasty/
}

TEST_CASE("Empty files give nothing and no error beyond a note", "[importers][nasty]") {
  for (const char* name : {"empty.txt", "empty.html", "empty.xml", "empty.jsonl", "empty.csv"}) {
    Outcome o = ExpectSurvives({Nasty(name)});
    CHECK(o.written == 0);
  }
}

TEST_CASE("Entities are not expanded: no billion laughs, no file read", "[importers][nasty]") {
  Outcome laughs = ExpectSurvives({Nasty("billion_laughs.xml")});
  CHECK(laughs.max_rss_mb < kMaxRssMb);
  TempDir dir;
  auto db = engine::Database::Open({}, dir / "db");
  REQUIRE(db.ok());
  auto s = importers::Import(**db, {Nasty("external_entity.xml")}, {}, nullptr);
  REQUIRE(s.ok());
  for (auto it = (*db)->Documents(); it->Valid(); it->Next()) {
    CHECK(it->value().text.find("root:") == std::string::npos);
  }
}

TEST_CASE("A 50 MB line is skipped with an error in every line format", "[importers][nasty]") {
  TempDir dir;
  const size_t n = 50u << 20;
  WriteLarge(dir / "line.jsonl", "{\"id\": \"big\", \"text\": \"", 'a', n,
             "\"}\n{\"id\": \"small\", \"text\": \"Greece rejected the plan.\"}\n");
  WriteLarge(dir / "line.csv", "claim_id,holder,proposition_id,polarity,ts,doc_id\n1,", 'h', n,
             ",p,1,1577836800,d\n2,h,p,1,1577836800,e\n");
  WriteLarge(dir / "claims.jsonl", "{\"holder\": \"", 'h', n, "\"}\n");
  WriteLarge(dir / "line.txt", "", 'w', n, "\n");
  for (const char* name : {"line.jsonl", "line.csv", "claims.jsonl", "line.txt"}) {
    Outcome o = ExpectSurvives({dir / name});
    INFO(name << ": " << o.detail);
    CHECK(o.errors >= 1);
    CHECK_THAT(o.detail, Catch::Contains("long") || Catch::Contains("large"));
  }
  // The record after the huge line is still imported.
  CHECK(ExpectSurvives({dir / "line.jsonl"}).written == 1);
}

TEST_CASE("Deep nesting in HTML, feeds and JSON does not exhaust the stack", "[importers][nasty]") {
  TempDir dir;
  const int depth = 200000;
  {
    std::ofstream html(dir / "deep.html");
    html << "<html><body>";
    for (int i = 0; i < depth; ++i) html << "<div><b>";
    html << "<p>Turkey said the corridor would stay open.</p>";
    for (int i = 0; i < depth; ++i) html << "</b></div>";
  }
  {
    std::ofstream xml(dir / "deep.xml");
    xml << "<rss version=\"2.0\"><channel><item><title>Deep</title><description>";
    for (int i = 0; i < depth; ++i) xml << "<x>";
    xml << "Greece rejected the plan.";
    for (int i = 0; i < depth; ++i) xml << "</x>";
    xml << "</description></item></channel></rss>";
  }
  {
    std::ofstream json(dir / "deep.jsonl");
    json << "{\"text\": \"Greece rejected the plan.\", \"title\": ";
    for (int i = 0; i < depth; ++i) json << '[';
    for (int i = 0; i < depth; ++i) json << ']';
    json << "}\n";
  }
  for (const char* name : {"deep.html", "deep.xml", "deep.jsonl"}) ExpectSurvives({dir / name});
}

TEST_CASE("A long text without sentence breaks is extracted in bounded time and memory",
          "[importers][nasty][run-on]") {
  TempDir dir;
  {
    std::ofstream out(dir / "run_on.txt");
    out << "Run on\n\n";
    for (int i = 0; i < 200000; ++i) out << (i % 50 == 0 ? "Turkey said " : "very ") << "that ";
    out << "\n\nGreece said the grain corridor would stay open.\n";
  }
  const fs::path db_dir = dir / "db";
  Outcome o = ExpectSurvives({dir / "run_on.txt"}, {}, db_dir);
  CHECK(o.written == 1);
  // The sentence after the 1.1 MB run-on is still read.
  auto db = engine::Database::Open({}, db_dir.string());
  REQUIRE(db.ok());
  bool corridor = false;
  for (auto it = (*db)->Propositions(); it->Valid(); it->Next()) {
    corridor = corridor || it->value().text.find("grain corridor") != std::string::npos;
  }
  CHECK(corridor);
}

TEST_CASE("A directory loop through symbolic links ends", "[importers][nasty]") {
  TempDir dir;
  fs::create_directories(dir / "a/b");
  fs::create_directory_symlink("..", dir / "a/b/up");
  fs::create_directory_symlink(dir / "a", dir / "a/b/again");
  std::ofstream(dir / "a/b/article.txt") << "Grain\n\nTurkey said the corridor would stay open.\n";
  Outcome plain = ExpectSurvives({dir / "a"});
  CHECK(plain.written == 1);
  importers::ImportOptions follow;
  follow.follow_symlinks = true;
  Outcome followed = ExpectSurvives({dir / "a"}, follow);
  CHECK(followed.written == 1);
}
