// The load benchmark: imports a gen.py claims CSV into a fresh database
// through the same path as `stancegraph import`, and prints the time beside
// SQLite and DuckDB loading the same file in the same run.
//
//   python3 ../shared/peers/gen.py 1000000 --out /tmp/claims_1m.csv
//   load_bench --csv /tmp/claims_1m.csv --peers ../shared/peers/run_bench.py
//
// A benchmark, not a test: it prints figures and ratios.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "absl/strings/str_format.h"
#include "peers.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/importers/import.h"

namespace {

using stancegraph::engine::Database;
namespace importers = stancegraph::importers;

struct LoadResult {
  double seconds = 0;
  uint64_t mentions = 0;
  uint64_t errors = 0;
  uint64_t disk_bytes = 0;
};

LoadResult Load(const std::string& csv, const std::string& dir, bool bulk) {
  std::filesystem::remove_all(dir);
  auto start = std::chrono::steady_clock::now();
  LoadResult r;
  {
    auto db = Database::Open({.bulk_load = bulk}, dir);
    if (!db.ok()) {
      std::cerr << "load_bench: " << db.status() << "\n";
      std::exit(1);
    }
    auto s = importers::Import(**db, {csv},
                               {.format = "claims-csv", .batch_documents = 1024, .bulk = bulk},
                               [&](const importers::ImportError& e) {
                                 if (r.errors++ < 5) std::cerr << e.file << ":" << e.line << ": "
                                                               << e.message << "\n";
                               });
    if (!s.ok()) {
      std::cerr << "load_bench: " << s.status() << "\n";
      std::exit(1);
    }
    r.mentions = s->mentions_written;
    if (auto st = (*db)->Flush(); !st.ok()) std::cerr << "load_bench: " << st << "\n";
  }  // closing waits for nothing more: the data is on disk
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file(ec)) r.disk_bytes += e.file_size(ec);
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"stancegraph load benchmark beside SQLite and DuckDB"};
  std::string csv, dir = "/tmp/stancegraph-load-bench.db", peers;
  int runs = 1, peer_runs = 1;
  bool with_wal = false;
  app.add_option("--csv", csv, "gen.py claims CSV")->required()->check(CLI::ExistingFile);
  app.add_option("--db", dir, "Database directory (recreated each run)")->capture_default_str();
  app.add_option("--runs", runs, "Runs of each of our load modes (median)")->capture_default_str();
  app.add_option("--peers", peers, "Path of peers/run_bench.py; empty: no peers");
  app.add_option("--peer-runs", peer_runs, "Runs of each peer (median)")->capture_default_str();
  app.add_flag("--with-wal", with_wal,
               "Also time the ordinary write path (one WriteBatch per 1024 documents)");
  bool with_auto = false;
  app.add_flag("--auto", with_auto,
               "Also time plain `import` into an empty store: the path it picks by itself "
               "(importers::ChooseBulk) and, when ordinary, its merging at the end");
  CLI11_PARSE(app, argc, argv);

  auto median = [&](bool bulk) {
    std::vector<LoadResult> rs;
    for (int i = 0; i < runs; ++i) rs.push_back(Load(csv, dir, bulk));
    std::sort(rs.begin(), rs.end(),
              [](const auto& a, const auto& b) { return a.seconds < b.seconds; });
    return rs[rs.size() / 2];
  };
  LoadResult bulk = median(true);
  LoadResult wal;
  if (with_wal) {
    wal = median(false);
    std::cout << absl::StrFormat(
        "stancegraph load (import, write-ahead log)  %.3f s  %d mentions  %.1f MB on disk\n",
        wal.seconds, wal.mentions, wal.disk_bytes / 1e6);
  }
  std::cout << absl::StrFormat(
      "stancegraph load (import --bulk)            %.3f s  %d mentions  %.1f MB on disk\n",
      bulk.seconds, bulk.mentions, bulk.disk_bytes / 1e6);
  LoadResult automatic;
  if (with_auto) {
    std::filesystem::remove_all(dir);
    const importers::BulkChoice choice = importers::ChooseBulk({csv}, "auto", dir);
    automatic = median(choice.bulk);
    std::cout << absl::StrFormat(
        "stancegraph load (plain import, picks %s)  %.3f s  %d mentions  %.1f MB on disk  [%s]\n",
        choice.bulk ? "bulk" : "ordinary", automatic.seconds, automatic.mentions,
        automatic.disk_bytes / 1e6, choice.reason);
  }
  std::cout << absl::StrFormat("peak RSS %.0f MiB\n", stancegraph::bench::PeakRssMiB());
  if (peers.empty()) return 0;
  auto figures = stancegraph::bench::RunPeers(peers, csv, peer_runs);
  for (const auto& [name, f] : figures) {
    std::cout << absl::StrFormat("%-7s load %.3f s   %s/stancegraph = %.2fx (bulk)", name,
                                 f.load_s, name, f.load_s / bulk.seconds);
    if (with_wal) std::cout << absl::StrFormat("  %.2fx (write-ahead log)", f.load_s / wal.seconds);
    if (with_auto) std::cout << absl::StrFormat("  %.2fx (plain import)", f.load_s / automatic.seconds);
    std::cout << "\n";
  }
  return 0;
}
