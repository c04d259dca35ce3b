#include <iostream>

#include "cli_common.h"
#include "nlohmann/json.hpp"

namespace stancegraph::cli {

void AddStatsCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("stats", "Count documents, entities, propositions, claims");
  static std::string db_path;
  static std::string format = "text";
  AddDbOption(cmd, &db_path);
  cmd->add_option("--format", format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([] {
    auto db = OpenForReading(db_path);
    if (!db.ok()) {
      ExitCode() = PrintError(db.status());
      return;
    }
    auto stats = (*db)->GetStats();
    if (!stats.ok()) {
      ExitCode() = PrintError(stats.status());
      return;
    }
    if (format == "json") {
      nlohmann::json j = {{"documents", stats->documents}, {"entities", stats->entities},
                          {"propositions", stats->propositions}, {"claims", stats->claims},
                          {"mentions", stats->mentions}, {"disk_bytes", stats->disk_bytes}};
      std::cout << j.dump() << "\n";
      return;
    }
    std::cout << "database      " << db_path << "\n"
              << "documents     " << stats->documents << "\n"
              << "entities      " << stats->entities << "\n"
              << "propositions  " << stats->propositions << "\n"
              << "claims        " << stats->claims << "\n"
              << "mentions      " << stats->mentions << "\n"
              << "disk bytes    " << stats->disk_bytes << "\n";
  });
}

}  // namespace stancegraph::cli
