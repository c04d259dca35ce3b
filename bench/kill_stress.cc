// Kills at scale: runs the real `stancegraph` import, bulk load,
// re-extraction and report, SIGKILLs each at a random moment many times, and
// after every kill checks the store (`stancegraph check`), runs the same
// command again to the end and compares the exact document and mention
// counts (and, for reports, the written file) with an uninterrupted run.
// Prints one line per kind and a summary line; exits 1 on any difference.
//
//   kill_stress --stancegraph build/cli/stancegraph --kills 200
//
// A stress program, not a test (CI runs the shorter kill tests in tests/).
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string program;  // the stancegraph binary

// Starts `stancegraph args...` with stdout and stderr to /dev/null.
pid_t Start(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    std::vector<const char*> argv = {program.c_str()};
    for (const std::string& a : args) argv.push_back(a.c_str());
    argv.push_back(nullptr);
    execv(program.c_str(), const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

// Runs `stancegraph args...` to its end: whether it succeeded, with its
// stdout in *out and, when it failed, its stderr in *err (either may be null).
bool Run(const std::vector<std::string>& args, std::string* out, std::string* err) {
  char err_path[] = "/tmp/sg_kill_stress_err.XXXXXX";
  const int err_fd = mkstemp(err_path);
  int fds[2];
  if (err_fd < 0 || pipe(fds) != 0) return false;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    close(fds[0]);
    std::vector<const char*> argv = {program.c_str()};
    for (const std::string& a : args) argv.push_back(a.c_str());
    argv.push_back(nullptr);
    execv(program.c_str(), const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  close(fds[1]);
  std::string text;
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  const int status = Wait(pid);
  close(err_fd);
  const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!ok && err != nullptr) {
    std::ifstream in(err_path);
    std::getline(in, *err, '\0');
  }
  unlink(err_path);
  if (out != nullptr) *out = std::move(text);
  return ok;
}

bool RunToEnd(const std::vector<std::string>& args, std::string* err = nullptr) {
  return Run(args, nullptr, err);
}

// stdout of `stancegraph args...`, or "" when it fails (then its stderr in
// *err, when given).
std::string Output(const std::vector<std::string>& args, std::string* err = nullptr) {
  std::string out;
  return Run(args, &out, err) ? out : "";
}

struct Shape {
  bool consistent = false;
  uint64_t documents = 0, mentions = 0;
  bool operator==(const Shape&) const = default;
};

// What `stancegraph check` says of the store at `db` (absent: empty, consistent).
Shape Check(const std::string& db) {
  if (!fs::exists(db + "/CURRENT")) return {.consistent = true};
  std::string err;
  const std::string out = Output({"check", "--format", "json", "--db", db}, &err);
  // Killed while creating the store: nothing is in it yet, and the rerun
  // finishes it.
  if (out.empty() && err.find("was being created") != std::string::npos) return {.consistent = true};
  if (out.empty()) {
    std::cerr << "kill_stress: check " << db << ": " << err;
    return {};
  }
  const auto j = nlohmann::json::parse(out, nullptr, false);
  if (j.is_discarded()) return {};
  return {.consistent = j.value("consistent", false),
          .documents = j.value("documents", uint64_t{0}),
          .mentions = j.value("mentions", uint64_t{0})};
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One kind of run to kill: how to make its starting store, the command, and
// what the finished result must be.
struct Kind {
  std::string name;
  std::string start_store;  // copied as the store before each chain ("" = none)
  std::vector<std::string> command;  // with {DB} and {OUT} placeholders
  std::string out_file;              // report output to compare ("" = none)
};

std::vector<std::string> Fill(std::vector<std::string> args, const std::string& db,
                              const std::string& out) {
  for (std::string& a : args) {
    if (a == "{DB}") a = db;
    if (a == "{OUT}") a = out;
  }
  return args;
}

struct Tally {
  int kills = 0, chains = 0, partial = 0, failures = 0;
  double seconds = 0;
};

Tally Stress(const Kind& kind, const std::string& work, int kills, std::mt19937& rng) {
  Tally t;
  const auto began = Clock::now();
  // The uninterrupted run: what every rerun must end with, and how long one takes.
  const std::string ref = work + "/" + kind.name + "-reference";
  if (!kind.start_store.empty()) fs::copy(kind.start_store, ref, fs::copy_options::recursive);
  const auto start = Clock::now();
  if (!RunToEnd(Fill(kind.command, ref, ref + ".out"))) {
    std::cerr << "kill_stress: " << kind.name << ": the uninterrupted run failed\n";
    return {.failures = 1};
  }
  const int64_t full_us =
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
  const Shape want = Check(ref);
  const std::string want_out = kind.out_file.empty() ? "" : ReadAll(ref + ".out");
  std::uniform_int_distribution<int64_t> moment(0, full_us);

  auto fail = [&](const std::string& what) {
    ++t.failures;
    std::cerr << "kill_stress: " << kind.name << ": " << what << "\n";
  };
  for (int attempt = 0; t.kills < kills && attempt < 4 * kills; ++t.chains) {
    const std::string db = work + "/" + kind.name + "-chain-" + std::to_string(t.chains);
    const std::string out = db + ".out";
    if (!kind.start_store.empty()) fs::copy(kind.start_store, db, fs::copy_options::recursive);
    // A report with --since-last moves its watermark once its file is out,
    // so after that a run of the same command rightly reports the next
    // period: the chain of a report ends when one has delivered its file.
    bool delivered = false;
    for (int k = 0; k < 4 && t.kills < kills; ++k, ++attempt) {
      const pid_t pid = Start(Fill(kind.command, db, out));
      std::this_thread::sleep_for(std::chrono::microseconds(moment(rng)));
      int status = 0;
      bool finished = waitpid(pid, &status, WNOHANG) == pid;
      if (!finished) {
        kill(pid, SIGKILL);
        status = Wait(pid);
        finished = !WIFSIGNALED(status);  // finished as the signal came
      }
      if (finished) {
        if (!kind.out_file.empty()) delivered = true;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail("a run failed on its own");
        break;
      }
      ++t.kills;
      const Shape got = Check(db);
      if (!got.consistent) fail("store inconsistent after kill " + std::to_string(t.kills));
      if (got.documents != want.documents && got.documents != 0) ++t.partial;
      if (!kind.out_file.empty() && fs::exists(out)) {
        if (ReadAll(out) != want_out) fail("a killed report left a partial file at " + out);
        delivered = true;
        break;
      }
    }
    if (!delivered) {
      std::string err;
      if (!RunToEnd(Fill(kind.command, db, out), &err)) {
        fail("the rerun of chain " + std::to_string(t.chains) + " failed: " + err);
      }
    }
    const Shape got = Check(db);
    if (!(got == want)) {
      fail(absl::StrFormat("chain %d ended with %d documents, %d mentions (want %d, %d)", t.chains,
                           got.documents, got.mentions, want.documents, want.mentions));
    }
    if (!kind.out_file.empty() && ReadAll(out) != want_out) fail("the rerun's report differs");
    fs::remove_all(db);
    fs::remove_all(db + ".rebuild");
    fs::remove(out);
  }
  t.seconds = std::chrono::duration<double>(Clock::now() - began).count();
  return t;
}

void WriteArticles(const std::string& dir, int n) {
  fs::create_directories(dir);
  const char* holders[] = {"Finland", "Sweden", "Norway", "Estonia", "Poland", "Spain", "Italy"};
  for (int i = 0; i < n; ++i) {
    std::ofstream out(dir + "/" + std::to_string(100000 + i) + ".txt");
    out << "Border talks, round " << i << "\n\n"
        << holders[i % 7] << " rejected the plan to close the border, officials said on day " << i
        << ". " << holders[(i + 3) % 7] << " said it supports the trade agreement. "
        << holders[(i + 5) % 7] << " denied that it would leave the alliance.\n";
  }
}

void WriteClaims(const std::string& path, int documents) {
  std::ofstream out(path);
  out << "claim_id,holder,proposition_id,polarity,ts,doc_id\n";
  for (int d = 0, id = 0; d < documents; ++d) {
    for (int r = 0; r < 5; ++r) {
      out << ++id << ",holder-" << (d * 7 + r * 13) % 501 << ",prop-" << (d * 3 + r) % 1999 << ","
          << ((d + r) % 3) - 1 << "," << 1577836800 + d * 60 + r << ",doc-" << d << "\n";
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kill_stress: SIGKILL import, bulk load, reextract and report many times"};
  program = "build/cli/stancegraph";
  int kills = 200;
  int articles = 600;
  int claim_documents = 40000;
  std::string work = (fs::temp_directory_path() / "sg_kill_stress").string();
  unsigned seed = std::random_device{}();
  app.add_option("--stancegraph", program, "the program to kill")->check(CLI::ExistingFile);
  app.add_option("--kills", kills, "kills in all, shared by the four kinds")->capture_default_str();
  app.add_option("--articles", articles, "articles imported and re-extracted")->capture_default_str();
  app.add_option("--claim-documents", claim_documents, "documents of the bulk-loaded claims CSV")
      ->capture_default_str();
  app.add_option("--work", work, "scratch directory (deleted first)");
  app.add_option("--seed", seed, "random seed (printed)");
  std::vector<std::string> only;
  app.add_option("--kinds", only, "only these kinds (default: all four)")
      ->check(CLI::IsMember({"import", "bulk", "reextract", "report"}))
      ->delimiter(',');
  CLI11_PARSE(app, argc, argv);
  program = fs::absolute(program).string();

  fs::remove_all(work);
  fs::create_directories(work);
  const std::string texts = work + "/articles", claims = work + "/claims.csv";
  WriteArticles(texts, articles);
  WriteClaims(claims, claim_documents);
  // The store re-extraction and reports start from: the articles, imported.
  const std::string base = work + "/base";
  if (!RunToEnd({"import", "-q", "--db", base, texts})) {
    std::cerr << "kill_stress: could not build the starting store\n";
    return 1;
  }
  std::vector<Kind> kinds = {
      {"import", "", {"import", "-q", "--no-bulk", "--db", "{DB}", texts}, ""},
      {"bulk", "", {"import", "-q", "--bulk", "--db", "{DB}", claims}, ""},
      {"reextract", base, {"reextract", "-q", "--db", "{DB}"}, ""},
      {"report",
       base,
       {"report", "--since-last", "--now", "2026-01-01T00:00:00Z", "--out", "{OUT}", "--db", "{DB}"},
       "out"},
  };
  if (!only.empty()) {
    std::erase_if(kinds, [&](const Kind& k) {
      return std::find(only.begin(), only.end(), k.name) == only.end();
    });
  }
  std::mt19937 rng(seed);
  int total_kills = 0, failures = 0;
  double seconds = 0;
  for (size_t i = 0; i < kinds.size(); ++i) {
    const int share = kills / static_cast<int>(kinds.size()) +
                      (static_cast<int>(i) < kills % static_cast<int>(kinds.size()) ? 1 : 0);
    const Tally t = Stress(kinds[i], work, share, rng);
    std::cout << absl::StrFormat(
        "%-10s %4d kills in %3d chains, %3d left a partial store, %d failures, %6.1f s\n",
        kinds[i].name, t.kills, t.chains, t.partial, t.failures, t.seconds);
    total_kills += t.kills;
    failures += t.failures;
    seconds += t.seconds;
  }
  std::cout << absl::StrFormat(
      "kill_stress: %d kills, %d failures (every store checked and every rerun exact otherwise), "
      "%.0f s, seed %u\n",
      total_kills, failures, seconds, seed);
  fs::remove_all(work);
  return failures == 0 ? 0 : 1;
}
