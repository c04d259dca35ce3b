// `stancegraph check`: verifies a database's records and indexes agree.
#include <iostream>

#include "cli_common.h"
#include "output.h"
#include "nlohmann/json.hpp"
#include "stancegraph/engine/check.h"

namespace stancegraph::cli {
namespace {

struct CheckArgs {
  std::string db_path;
  std::string format = "table";
  size_t max_problems = 20;
};

void PrintJson(const std::string& format, const engine::CheckReport& r) {
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : r.problems) {
    problems.push_back({{"family", p.family}, {"key", p.key}, {"message", p.message}});
  }
  nlohmann::json j = {{"consistent", r.consistent()},   {"problem_count", r.problem_count},
                      {"problems", problems},           {"documents", r.documents},
                      {"entities", r.entities},         {"propositions", r.propositions},
                      {"claims", r.claims},             {"mentions", r.mentions},
                      {"index_entries", r.index_entries}};
  if (format == "csv") j.erase("problems");  // counted; the text lists them
  PrintObject(format, j, std::cout);
}

void PrintText(const std::string& db_path, const engine::CheckReport& r) {
  std::cout << "database       " << db_path << "\n"
            << "documents      " << r.documents << "\n"
            << "entities       " << r.entities << "\n"
            << "propositions   " << r.propositions << "\n"
            << "claims         " << r.claims << "\n"
            << "mentions       " << r.mentions << "\n"
            << "index entries  " << r.index_entries << "\n";
  if (r.consistent()) {
    std::cout << "consistent\n";
    return;
  }
  for (const auto& p : r.problems) {
    std::cout << p.family << " [" << p.key << "]: " << p.message << "\n";
  }
  if (r.problem_count > r.problems.size()) {
    std::cout << "... and " << r.problem_count - r.problems.size() << " more\n";
  }
  std::cout << r.problem_count << (r.problem_count == 1 ? " problem" : " problems")
            << " found\n";
}

void Run(const CheckArgs& args) {
  auto db = OpenForReading(args.db_path);
  if (!db.ok()) {
    ExitCode() = PrintError(db.status());
    return;
  }
  auto report = engine::CheckConsistency(**db, {.max_reported = args.max_problems});
  if (!report.ok()) {
    ExitCode() = PrintError(report.status());
    return;
  }
  if (args.format != "table" && args.format != "text") PrintJson(args.format, *report);
  else PrintText(args.db_path, *report);
  if (!report->consistent()) ExitCode() = kExitFailure;
}

}  // namespace

void AddCheckCommand(CLI::App& app) {
  static CheckArgs args;
  auto* cmd = app.add_subcommand(
      "check",
      "Verify that every document's claims, mentions and index entries agree (exit 0 when "
      "consistent, 1 otherwise); works while an import runs");
  AddDbOption(cmd, &args.db_path);
  cmd->add_option("--max-problems", args.max_problems, "Problems described; the rest are counted")
      ->capture_default_str();
  cmd->add_option("--format", args.format, "table, json, jsonl or csv (text: table)")
      ->check(CLI::IsMember({"table", "text", "json", "jsonl", "csv"}))
      ->capture_default_str();
  cmd->callback([] { Run(args); });
}

}  // namespace stancegraph::cli
