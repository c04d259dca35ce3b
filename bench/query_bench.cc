// The query benchmark: loads gen.py claims through the engine, answers
// Q1 (contradicting holder pairs) and Q2 (flipped holder × proposition pairs)
// from the indexes, checks them against the expected counts, times them
// beside SQLite and DuckDB in the same run (../shared/peers/run_bench.py),
// then adds more claims and compares the incremental question with a full
// recompute.
//
//   query_bench --csv /tmp/claims_1m.csv --expect-q1 81739431 --expect-q2 18091
//       --add /tmp/claims_add10k.csv --peers /work/shared/peers/run_bench.py
//
// A benchmark, not a test: it prints figures and ratios, and exits non-zero
// only when a count is wrong.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "peers.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/importers/import.h"
#include "stancegraph/query/aggregates.h"

namespace {

using stancegraph::engine::AccessMode;
using stancegraph::engine::Database;
namespace query = stancegraph::query;

double Seconds(const std::function<void()>& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

template <typename T>
T OrDie(absl::StatusOr<T> v, const char* what) {
  if (!v.ok()) {
    std::cerr << "query_bench: " << what << ": " << v.status() << "\n";
    std::exit(1);
  }
  return *std::move(v);
}

std::unique_ptr<Database> Open(const std::string& dir, AccessMode mode, bool bulk = false) {
  return OrDie(Database::Open({.create_if_missing = mode == AccessMode::kReadWrite,
                               .mode = mode,
                               .bulk_load = bulk},
                              dir),
               "open");
}

// Loads gen.py's CSV as `stancegraph import` does: the claims-csv reader,
// through the engine's bulk loader (sorted files ingested whole) or, for
// additions to a live database, through ordinary atomic writes.
double Import(Database& db, const std::string& csv, bool bulk) {
  uint64_t errors = 0;
  const double s = Seconds([&] {
    OrDie(stancegraph::importers::Import(
              db, {csv}, {.format = "claims-csv", .batch_documents = 1024, .bulk = bulk},
              [&](const stancegraph::importers::ImportError& e) {
                if (errors++ < 5) std::cerr << e.file << ":" << e.line << ": " << e.message << "\n";
              }),
          "import");
  });
  if (errors > 0) {
    std::cerr << "query_bench: " << errors << " import errors\n";
    std::exit(1);
  }
  return s;
}

struct Answers {
  double q1_warm = 0, q2_warm = 0, q1_cold = 0, q2_cold = 0, open = 0;
  query::ContradictionCounts q1;
  query::ChangeCounts q2;
};

// Q1 and Q2 on a freshly opened read-only database, as the CLI runs them
// (cold: the block cache is empty, the files are in the OS page cache),
// then again on the same handle (warm), as the peers time their queries
// right after loading. Medians of `runs`.
Answers Measure(const std::string& dir, int runs) {
  std::vector<double> q1_cold, q2_cold, q1_warm, q2_warm, open_times;
  Answers a;
  for (int r = 0; r < runs; ++r) {
    std::unique_ptr<Database> db;
    open_times.push_back(Seconds([&] { db = Open(dir, AccessMode::kReadOnly); }));
    q1_cold.push_back(Seconds([&] { a.q1 = OrDie(query::CountContradictions(*db), "Q1"); }));
    q2_cold.push_back(Seconds([&] { a.q2 = OrDie(query::CountChanges(*db), "Q2"); }));
    q1_warm.push_back(Seconds([&] { a.q1 = OrDie(query::CountContradictions(*db), "Q1"); }));
    q2_warm.push_back(Seconds([&] { a.q2 = OrDie(query::CountChanges(*db), "Q2"); }));
  }
  a.q1_warm = Median(q1_warm);
  a.q2_warm = Median(q2_warm);
  a.q1_cold = Median(q1_cold);
  a.q2_cold = Median(q2_cold);
  a.open = Median(open_times);
  return a;
}

// One ordinary import of the whole file, as plain `stancegraph import
// --no-bulk` does (write-ahead log, atomic batches, merging at the end when
// the claim indexes are scattered).
double BuildPlain(const std::string& csv, const std::string& dir) {
  std::filesystem::remove_all(dir);
  auto db = Open(dir, AccessMode::kReadWrite);
  return Import(*db, csv, /*bulk=*/false);
}

// `parts` ordinary imports of consecutive slices of the file, each in its own
// open and close of the database, as a user adding claims day by day.
double BuildSteps(const std::string& csv, const std::string& dir, int parts) {
  std::filesystem::remove_all(dir);
  std::ifstream in(csv);
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(std::move(line));
  const size_t per = (rows.size() + parts - 1) / parts;
  const std::string slice = dir + ".slice.csv";
  double total = 0;
  for (size_t begin = 0; begin < rows.size(); begin += per) {
    {
      std::ofstream out(slice);
      out << header << "\n";
      for (size_t i = begin; i < std::min(rows.size(), begin + per); ++i) out << rows[i] << "\n";
    }
    auto db = Open(dir, AccessMode::kReadWrite);
    total += Import(*db, slice, /*bulk=*/false);
  }
  std::filesystem::remove(slice);
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"stancegraph query benchmark (Q1, Q2, incremental) beside SQLite and DuckDB"};
  std::string csv, add_csv, dir = "/tmp/stancegraph-query-bench.db", peers;
  uint64_t expect_q1 = 0, expect_q2 = 0;
  int runs = 3, peer_runs = 3;
  bool reuse = false;
  app.add_option("--csv", csv, "gen.py claims CSV")->required();
  app.add_option("--db", dir, "Database directory (recreated)")->capture_default_str();
  app.add_option("--reuse", reuse, "Keep an existing database instead of reloading");
  app.add_option("--expect-q1", expect_q1, "Expected Q1 (0 = do not check)");
  app.add_option("--expect-q2", expect_q2, "Expected Q2 (0 = do not check)");
  app.add_option("--runs", runs, "Timed runs per question (median)")->capture_default_str();
  app.add_option("--add", add_csv, "More claims to add, then time the incremental question");
  app.add_option("--peers", peers, "Path of run_bench.py to time SQLite and DuckDB");
  app.add_option("--peer-runs", peer_runs, "Runs per peer")->capture_default_str();
  std::vector<std::string> stores;
  int parts = 100;
  app.add_option("--stores", stores,
                 "Also build and time stores made the ordinary way: plain (one import of the "
                 "whole file, no bulk), steps (--parts ordinary imports of slices of it); their "
                 "Q1/Q2 are printed beside the bulk store's")
      ->check(CLI::IsMember({"plain", "steps"}))
      ->delimiter(',');
  app.add_option("--parts", parts, "Slices for the steps store")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  double load_s = 0;
  if (!reuse || !std::filesystem::exists(dir)) {
    std::filesystem::remove_all(dir);
    auto db = Open(dir, AccessMode::kReadWrite, /*bulk=*/true);
    load_s = Import(*db, csv, /*bulk=*/true);
    load_s += Seconds([&] {
      if (absl::Status f = db->Flush(); !f.ok()) std::cerr << "query_bench: flush: " << f << "\n";
    });
  }

  Answers bulk = Measure(dir, runs);
  const query::ContradictionCounts& q1 = bulk.q1;
  const query::ChangeCounts& q2 = bulk.q2;
  bool ok = true;
  auto check = [&](const char* name, uint64_t got, uint64_t want) {
    if (want != 0 && got != want) {
      std::cerr << "query_bench: " << name << " = " << got << ", expected " << want << "\n";
      ok = false;
    }
  };
  check("Q1", q1.pairs, expect_q1);
  check("Q2", q2.flipped_pairs, expect_q2);
  const double q1_s = bulk.q1_warm, q2_s = bulk.q2_warm;
  std::printf("stancegraph load_s=%.3f q1_contra_pairs_s=%.3f (count=%llu) q2_flip_s=%.3f "
              "(count=%llu)  [warm, median of %d]\n",
              load_s, q1_s, static_cast<unsigned long long>(q1.pairs), q2_s,
              static_cast<unsigned long long>(q2.flipped_pairs), runs);
  std::printf("stancegraph cold (fresh read-only open each run): open_s=%.3f q1_s=%.3f q2_s=%.3f\n",
              bulk.open, bulk.q1_cold, bulk.q2_cold);

  // Stores made the ordinary way, each beside the bulk store.
  struct Other {
    std::string name;
    double build_s;
    Answers a;
  };
  std::vector<Other> others;
  for (const std::string& kind : stores) {
    const std::string other_dir = dir + "-" + kind;
    const double build_s = kind == "plain" ? BuildPlain(csv, other_dir)
                                           : BuildSteps(csv, other_dir, parts);
    Answers a = Measure(other_dir, runs);
    check((kind + " Q1").c_str(), a.q1.pairs, q1.pairs);
    check((kind + " Q2").c_str(), a.q2.flipped_pairs, q2.flipped_pairs);
    std::printf("stancegraph %-6s store (built in %.3f s): q1_s=%.3f q2_s=%.3f  [warm]  "
                "vs bulk store: Q1 %.2fx, Q2 %.2fx   cold q1_s=%.3f q2_s=%.3f vs bulk cold: "
                "Q1 %.2fx, Q2 %.2fx\n",
                kind.c_str(), build_s, a.q1_warm, a.q2_warm, a.q1_warm / q1_s, a.q2_warm / q2_s,
                a.q1_cold, a.q2_cold, a.q1_cold / bulk.q1_cold, a.q2_cold / bulk.q2_cold);
    others.push_back({kind, build_s, a});
  }

  if (!peers.empty()) {
    for (const auto& [name, p] : stancegraph::bench::RunPeers(peers, csv, peer_runs)) {
      std::printf("%-11s load_s=%.3f q1_contra_pairs_s=%.3f (count=%s) q2_flip_s=%.3f "
                  "(count=%s)  ratio %s/stancegraph: Q1 %.1fx, Q2 %.1fx\n",
                  name.c_str(), p.load_s, p.q1_s, p.q1_count.c_str(), p.q2_s, p.q2_count.c_str(),
                  name.c_str(), p.q1_s / q1_s, p.q2_s / q2_s);
      std::printf("%-11s cold ratio %s/stancegraph: Q1 %.1fx, Q2 %.1fx\n", name.c_str(),
                  name.c_str(), p.q1_s / bulk.q1_cold, p.q2_s / bulk.q2_cold);
      std::printf("%-11s stancegraph/%s (bulk store, warm): Q1 %.2fx, Q2 %.2fx\n", name.c_str(),
                  name.c_str(), q1_s / p.q1_s, q2_s / p.q2_s);
      for (const Other& o : others) {
        std::printf("%-11s stancegraph/%s (%s store, warm): Q1 %.2fx, Q2 %.2fx\n", name.c_str(),
                    name.c_str(), o.name.c_str(), o.a.q1_warm / p.q1_s, o.a.q2_warm / p.q2_s);
      }
      check((name + " Q1").c_str(), std::stoull(p.q1_count), q1.pairs);
      check((name + " Q2").c_str(), std::stoull(p.q2_count), q2.flipped_pairs);
    }
  }

  if (!add_csv.empty()) {
    uint64_t since = 0;
    double add_s = 0;
    {
      auto db = Open(dir, AccessMode::kReadWrite);
      since = db->NextSequence();
      add_s = Import(*db, add_csv, /*bulk=*/false);
    }
    auto db = Open(dir, AccessMode::kReadOnly);
    std::vector<double> inc_times, full_times, events_times;
    query::IncrementalCounts inc;
    query::ContradictionCounts q1_after;
    query::ChangeCounts q2_after, events_after;
    for (int r = 0; r < runs; ++r) {
      inc_times.push_back(Seconds([&] { inc = OrDie(query::CountSince(*db, since), "since"); }));
      full_times.push_back(Seconds([&] {
        q1_after = OrDie(query::CountContradictions(*db), "Q1 after");
        q2_after = OrDie(query::CountChanges(*db), "Q2 after");
      }));
      // Reversals need every timeline read in time order.
      events_times.push_back(Seconds([&] {
        events_after = OrDie(query::CountChanges(*db, {}, /*count_events=*/true), "reversals");
      }));
    }
    check("incremental ΔQ1", inc.new_contradicting_pairs, q1_after.pairs - q1.pairs);
    check("incremental ΔQ2", inc.new_flipped_pairs, q2_after.flipped_pairs - q2.flipped_pairs);
    const double inc_s = Median(inc_times), full_s = Median(full_times);
    const double with_reversals_s = full_s + Median(events_times);
    std::printf("incremental after adding %llu mentions (import %.3f s): since=%llu new_claims=%llu "
                "new_contradicting_pairs=%llu new_flipped_pairs=%llu new_reversals=%llu "
                "touched_props=%llu\n",
                static_cast<unsigned long long>(inc.new_mentions), add_s,
                static_cast<unsigned long long>(since),
                static_cast<unsigned long long>(inc.new_claims),
                static_cast<unsigned long long>(inc.new_contradicting_pairs),
                static_cast<unsigned long long>(inc.new_flipped_pairs),
                static_cast<unsigned long long>(inc.new_reversals),
                static_cast<unsigned long long>(inc.touched_propositions));
    std::printf("incremental_s=%.4f full_recompute_s=%.3f (Q1=%llu Q2=%llu)  ratio %.1fx\n", inc_s,
                full_s, static_cast<unsigned long long>(q1_after.pairs),
                static_cast<unsigned long long>(q2_after.flipped_pairs), full_s / inc_s);
    std::printf("full recompute with reversals (Q1 + Q2 + %llu reversals over every timeline): "
                "%.3f s  ratio %.1fx\n",
                static_cast<unsigned long long>(events_after.reversals), with_reversals_s,
                with_reversals_s / inc_s);
  }
  return ok ? 0 : 1;
}
