#include <iostream>

#include "absl/strings/str_format.h"
#include "cli_common.h"

namespace stancegraph::cli {

// Imports merge the claim indexes themselves when their files have piled up;
// `compact` does it now (after many small imports, before a batch of queries).
void AddCompactCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "compact", "Merge the claim indexes into one sorted run each, as a bulk load leaves them");
  static std::string db_path;
  static bool all = false;
  static bool quiet = false;
  AddDbOption(cmd, &db_path);
  cmd->add_flag("--all", all, "Merge every index and record table, not only the claim indexes");
  cmd->add_flag("-q,--quiet", quiet, "No summary on stderr");
  cmd->callback([] {
    auto db = engine::Database::Open({.create_if_missing = false}, db_path);
    if (!db.ok()) {
      ExitCode() = PrintError(db.status());
      return;
    }
    auto before = (*db)->QueryIndexLayout();
    if (!before.ok()) {
      ExitCode() = PrintError(before.status());
      return;
    }
    if (absl::Status s = (*db)->Compact(all); !s.ok()) {
      ExitCode() = PrintError(s);
      return;
    }
    auto after = (*db)->QueryIndexLayout();
    if (!after.ok()) {
      ExitCode() = PrintError(after.status());
      return;
    }
    if (!quiet) {
      std::cerr << absl::StrFormat(
          "claim indexes: %d sorted runs, %.1f MB before; %d sorted runs, %.1f MB after\n",
          before->sorted_runs, before->bytes / 1e6, after->sorted_runs, after->bytes / 1e6);
    }
  });
}

}  // namespace stancegraph::cli
