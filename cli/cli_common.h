// Shared pieces of the `stancegraph` subcommands. The CLI is thin: each
// subcommand parses its options and calls the library.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/query/lookup.h"
#include "stancegraph/query/levels.h"

namespace stancegraph::cli {

// Exit codes: 0 all went well; 1 the command ran but something failed (bad
// records, unreadable files, a database error); 2 the command line was wrong.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// $STANCEGRAPH_DB when set, else ./stancegraph.db.
std::string DefaultDbPath();

// Adds `--db DIR` (default DefaultDbPath()) and `--version` to `cmd`.
void AddDbOption(CLI::App* cmd, std::string* db_path);
void AddVersionFlag(CLI::App* cmd);

// Opens for reading while another process may be writing.
absl::StatusOr<std::unique_ptr<engine::Database>> OpenForReading(const std::string& db_path);
absl::StatusOr<std::unique_ptr<engine::Database>> OpenForWriting(const std::string& db_path,
                                                                 bool bulk_load);

// Adds `--level person|organisation|state|auto` (default auto); `what`
// says what auto means for the command.
void AddLevelOption(CLI::App* cmd, std::string* level, const std::string& what);
// Adds `--by-concept`: concept-level results, only when asked.
void AddByConceptFlag(CLI::App* cmd, bool* by_concept, const std::string& what);
// Adds `--as-stated`: each proposition as worded, without the paraphrase
// links (query/proposition_links.h) the queries read through by default.
void AddAsStatedFlag(CLI::App* cmd, bool* as_stated);
// The level named on the command line; nullopt for "auto".
std::optional<query::Level> LevelArg(const std::string& level);

// For sizes: CLI11 would read "-1" as the largest unsigned number.
CLI::Validator NotNegative();

// Adds the filter options every question and `export network` share.
void AddFilterOptions(CLI::App* cmd, query::FilterSpec* spec);

// Prints "stancegraph: error: <message>" to stderr; returns kExitUsage for
// a UsageError (output.h), else kExitFailure.
int PrintError(const absl::Status& status);

// Where a subcommand leaves its exit code for main.
int& ExitCode();

// Subcommands; each file adds one.
void AddImportCommand(CLI::App& app);
void AddExportCommand(CLI::App& app);
void AddStatsCommand(CLI::App& app);
void AddQueryCommand(CLI::App& app);
void AddReportCommand(CLI::App& app);
void AddCheckCommand(CLI::App& app);
void AddBackupCommand(CLI::App& app);
void AddReextractCommand(CLI::App& app);
void AddCompactCommand(CLI::App& app);
void AddCorrectCommand(CLI::App& app);
// Adds `network` under `export`.
void AddExportNetworkCommand(CLI::App& export_cmd);

}  // namespace stancegraph::cli
