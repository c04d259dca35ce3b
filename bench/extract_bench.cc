// The extraction benchmark: article texts end to end (read, extract with the
// built-in extractor, write into RocksDB) through the same path as
// `stancegraph import`. Imports the PolNeAR train texts once, then the same
// texts repeated (as distinct JSONL records) to at least --target-mb, and
// prints MB/s and articles/s per core (CPU time) with resident memory as the
// input grows. Also times extraction alone, without the database.
//
//   extract_bench --texts ../shared/eval/polnear-train/text --target-mb 100
//
// A benchmark, not a test: it prints figures.
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"
#include "stancegraph/engine/database.h"
#include "stancegraph/importers/article.h"
#include "stancegraph/importers/import.h"

namespace {

namespace fs = std::filesystem;
namespace importers = stancegraph::importers;
using stancegraph::engine::Database;

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Current resident set size in MB (VmRSS).
double RssMb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

struct Run {
  double wall = 0, cpu = 0;
  uint64_t bytes = 0, docs = 0, mentions = 0, errors = 0;
};

void Print(const std::string& what, const Run& r) {
  const double mb = static_cast<double>(r.bytes) / 1e6;
  std::cout << absl::StrFormat(
      "%-34s %8.1f MB %7llu docs %8llu mentions  wall %6.2f s  cpu %6.2f s  "
      "%6.2f MB/s/core  %7.0f articles/s/core  rss %5.0f MB (peak %5.0f MB)\n",
      what, mb, static_cast<unsigned long long>(r.docs),
      static_cast<unsigned long long>(r.mentions), r.wall, r.cpu, mb / r.cpu,
      static_cast<double>(r.docs) / r.cpu, RssMb(), PeakRssMb());
}

Run ImportPaths(const std::vector<std::string>& paths, const std::string& format,
                const std::string& dir) {
  fs::remove_all(dir);
  Run r;
  const auto start = std::chrono::steady_clock::now();
  const double cpu0 = CpuSeconds();
  {
    auto db = Database::Open({.create_if_missing = true}, dir);
    if (!db.ok()) {
      std::cerr << "extract_bench: " << db.status() << "\n";
      std::exit(1);
    }
    double next_report = 25e6;
    auto s = importers::Import(
        **db, paths, {.format = format},
        [&](const importers::ImportError& e) {
          if (r.errors++ < 5) std::cerr << e.file << ":" << e.line << ": " << e.message << "\n";
        },
        [&](const importers::ImportSummary& p) {
          if (static_cast<double>(p.bytes_read) >= next_report) {
            std::cout << absl::StrFormat("  ... %6.0f MB read, rss %5.0f MB\n",
                                         static_cast<double>(p.bytes_read) / 1e6, RssMb());
            next_report += 25e6;
          }
        });
    if (!s.ok()) {
      std::cerr << "extract_bench: " << s.status() << "\n";
      std::exit(1);
    }
    r.bytes = s->bytes_read;
    r.docs = s->documents_written;
    r.mentions = s->mentions_written;
  }
  r.cpu = CpuSeconds() - cpu0;
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"extract_bench: article import throughput and memory"};
  std::string texts = "../shared/eval/polnear-train/text";
  double target_mb = 100;
  std::string work = (fs::temp_directory_path() / "sg_extract_bench").string();
  app.add_option("--texts", texts, "directory of .txt articles")->check(CLI::ExistingDirectory);
  app.add_option("--target-mb", target_mb, "size of the repeated input");
  app.add_option("--work", work, "scratch directory (deleted first)");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(texts)) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::cerr << "extract_bench: no .txt files in " << texts << "\n";
    return 1;
  }
  fs::remove_all(work);
  fs::create_directories(work);
  std::vector<std::string> bodies;
  uint64_t corpus_bytes = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    bodies.push_back(ss.str());
    corpus_bytes += bodies.back().size();
  }

  // Extraction alone, no database.
  {
    auto extractor = importers::MakeExtractor({});
    if (!extractor.ok()) {
      std::cerr << "extract_bench: " << extractor.status() << "\n";
      return 1;
    }
    Run r;
    const double cpu0 = CpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < bodies.size(); ++i) {
      importers::Article a = importers::ParseTextArticle(bodies[i], files[i]);
      stancegraph::schema::DocumentClaims dc;
      if ((*extractor)->Extract(a, &dc).ok()) r.mentions += dc.mentions.size();
      r.bytes += bodies[i].size();
      ++r.docs;
    }
    r.cpu = CpuSeconds() - cpu0;
    r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Print("extract only (no database)", r);
  }

  Print("PolNeAR texts into RocksDB", ImportPaths({texts}, "auto", work + "/db1"));

  // The same texts as distinct JSONL records until the target size.
  const std::string jsonl = work + "/repeated.jsonl";
  {
    std::ofstream out(jsonl, std::ios::binary);
    uint64_t written = 0;
    for (int round = 0; written < static_cast<uint64_t>(target_mb * 1e6); ++round) {
      for (size_t i = 0; i < bodies.size(); ++i) {
        nlohmann::json j = {{"id", absl::StrFormat("r%d/%s", round, fs::path(files[i]).stem().string())},
                            {"text", bodies[i]}};
        const std::string line = j.dump() + "\n";
        out << line;
        written += line.size();
      }
    }
  }
  Print(absl::StrFormat("repeated to %.0f MB into RocksDB", target_mb),
        ImportPaths({jsonl}, "articles-jsonl", work + "/db2"));
  fs::remove_all(work);
  (void)corpus_bytes;
  return 0;
}
