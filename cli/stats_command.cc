#include <iostream>

#include "cli_common.h"
#include "output.h"
#include "nlohmann/json.hpp"

namespace stancegraph::cli {

void AddStatsCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("stats", "Count documents, entities, propositions, claims");
  static std::string db_path;
  static std::string format = "table";
  AddDbOption(cmd, &db_path);
  cmd->add_option("--format", format, "table, json, jsonl or csv (text: table)")
      ->check(CLI::IsMember({"table", "text", "json", "jsonl", "csv"}))
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
    if (format != "table" && format != "text") {
      nlohmann::json j = {{"documents", stats->documents}, {"entities", stats->entities},
                          {"propositions", stats->propositions}, {"claims", stats->claims},
                          {"mentions", stats->mentions}, {"disk_bytes", stats->disk_bytes}};
      PrintObject(format, j, std::cout);
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
