// Shared by the `stancegraph query` subcommands (query_command.cc,
// query_network.cc): the options every subcommand takes, opening the
// database with the filter resolved, and small text helpers. Printing is
// cli/output.h's.
#pragma once

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli_common.h"
#include "nlohmann/json.hpp"
#include "stancegraph/query/filter.h"
#include "stancegraph/query/lookup.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::cli::querycmd {

// whole program (CLI11 writes into it).
struct Common {
  std::string db_path;
  std::string format = "table";
  query::FilterSpec spec;
  size_t limit = 0;
  bool as_stated = false;  // --as-stated: no paraphrase links
};


void AddCommonOptions(CLI::App* cmd, Common* c);

struct Session {
  std::unique_ptr<engine::Database> db;
  query::Filter filter;
};

absl::StatusOr<Session> Begin(const Common& c);

// Runs `body`, turning a non-OK status into the exit code.
template <typename F>
auto Run(F body) {
  return [body] {
    absl::Status s = body();
    if (!s.ok()) ExitCode() = PrintError(s);
    std::cout.flush();
  };
}

std::string TimeText(schema::Timestamp t);
nlohmann::json TimeJson(schema::Timestamp t);
std::string PolarityText(int p);
inline bool Enough(const Common& c, size_t printed) { return c.limit > 0 && printed >= c.limit; }

// The network questions: agreements, coalitions, actors, path.
struct NetworkArgs {
  Common common;
  std::string level;
  bool by_concept = false;
  std::string normalise = "none";
  uint32_t min_count = 1;
  std::vector<std::string> with;  // agreements: pairs involving these holders
  std::string between, and_;      // path
  bool triads = false;            // coalitions
  uint32_t min_size = 2;
  bool betweenness = true;
};

absl::Status Agreements(const NetworkArgs& a);
absl::Status Coalitions(const NetworkArgs& a);
absl::Status Actors(const NetworkArgs& a);
absl::Status Path(const NetworkArgs& a);

}  // namespace stancegraph::cli::querycmd
