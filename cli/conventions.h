// Command-line conventions shared by every subcommand, the way git, ripgrep
// and sqlite3 behave: global options before or after the subcommand,
// `help [SUBCOMMAND]`, "did you mean" for typos, -q/-v everywhere.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace stancegraph::cli {

// -q/--quiet and -v/--verbose, wherever they were given.
bool Quiet();
bool Verbose();

// Adds -q/--quiet and -v/--verbose to `app` and every subcommand that does
// not have them already.
void AddVerbosityFlags(CLI::App& app);

// Moves the global options given before the subcommand (--db X, --db=X,
// -q, --quiet, -v, --verbose) to the end, where the subcommand reads them:
// `stancegraph --db x.db stats` is `stancegraph stats --db x.db`.
std::vector<std::string> HoistGlobalOptions(const std::vector<std::string>& args);

// Adds `help [SUBCOMMAND...]`.
void AddHelpCommand(CLI::App& app);

// For a parse error: "did you mean ...?" lines for the unknown words in
// `args` (the arguments after the program name), or "".
std::string Suggestions(CLI::App& app, const std::vector<std::string>& args);

// Levenshtein distance.
size_t EditDistance(const std::string& a, const std::string& b);

// The text `--version` prints: program, storage format, RocksDB and Boost.
std::string VersionText();

}  // namespace stancegraph::cli
