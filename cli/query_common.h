// Shared by the `stancegraph query` subcommands (query_command.cc puts
// them together; one file per family: query_contradictions.cc,
// query_changes.cc, query_claims.cc, query_network.cc): the options every
// subcommand takes, opening the database with the filter resolved, and small
// text helpers. Printing is cli/output.h's.
#pragma once

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli_common.h"
#include "nlohmann/json.hpp"
#include "stancegraph/query/evidence.h"
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

// The holders' names, sorted: who spoke for a side or a run.
std::vector<std::string> SortedNames(query::RecordCache& records,
                                     const std::vector<schema::EntityId>& holders);
// True when `holder` spoke for itself alone, so its name needs no speakers.
inline bool OnlyItselfSpoke(schema::EntityId holder,
                            const std::vector<schema::EntityId>& speakers) {
  return speakers.size() == 1 && speakers[0] == holder;
}

inline bool Enough(const Common& c, size_t printed) { return c.limit > 0 && printed >= c.limit; }

// --since TIME / --since-seq N: where "new" starts.
struct Since {
  std::string time;
  uint64_t sequence = 0;
};

void AddSinceOptions(CLI::App* cmd, Since* since);

// The first mention sequence at or after --since (or --since-seq), or 0
// when neither is given. InvalidArgument for a time that does not parse.
absl::StatusOr<uint64_t> ResolveSince(engine::Database& db, const Since& since);

// Counts answer for holders as named: a UsageError naming `what` for any
// other --level.
absl::Status RequireNamed(const std::optional<query::Level>& level, const char* what);

// Add the subcommands to `query` (`stancegraph query`).
void AddContradictionsCommand(CLI::App* query);
void AddChangesCommand(CLI::App* query);
void AddClaimsCommand(CLI::App* query);
void AddNetworkCommands(CLI::App* query);  // agreements, coalitions, actors, path

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
