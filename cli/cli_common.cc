#include "cli_common.h"

#include "conventions.h"
#include "output.h"

#include <cstdlib>
#include <iostream>

namespace stancegraph::cli {

std::string DefaultDbPath() {
  const char* env = std::getenv("STANCEGRAPH_DB");
  if (env && *env) return env;
  return "./stancegraph.db";
}

void AddVersionFlag(CLI::App* cmd) { cmd->set_version_flag("--version", VersionText()); }

void AddDbOption(CLI::App* cmd, std::string* db_path) {
  *db_path = DefaultDbPath();
  cmd->add_option("--db", *db_path, "Database directory ($STANCEGRAPH_DB or ./stancegraph.db)")
      ->capture_default_str();
  AddVersionFlag(cmd);
}

absl::StatusOr<std::unique_ptr<engine::Database>> OpenForReading(const std::string& db_path) {
  // Read-only opening works while an import holds the write lock.
  return engine::Database::Open({.create_if_missing = false, .mode = engine::AccessMode::kReadOnly},
                                db_path);
}

absl::StatusOr<std::unique_ptr<engine::Database>> OpenForWriting(const std::string& db_path,
                                                                 bool bulk_load) {
  return engine::Database::Open({.bulk_load = bulk_load}, db_path);
}

void AddLevelOption(CLI::App* cmd, std::string* level, const std::string& what) {
  *level = "auto";
  cmd->add_option("--level", *level,
                  "Holders as named (person), or as the organisation or state they spoke for "
                  "then; auto: " +
                      what)
      ->check(CLI::IsMember({"person", "organisation", "organization", "state", "auto"}))
      ->capture_default_str();
}

void AddByConceptFlag(CLI::App* cmd, bool* by_concept, const std::string& what) {
  cmd->add_flag("--by-concept", *by_concept, what);
}

void AddAsStatedFlag(CLI::App* cmd, bool* as_stated) {
  cmd->add_flag("--as-stated", *as_stated,
                "Read each proposition as worded: no paraphrase links (a claim on \"a ban on "
                "X\" then does not count against X; `query claims` shows the links)");
}

std::optional<query::Level> LevelArg(const std::string& level) { return query::ParseLevel(level); }


CLI::Validator NotNegative() {
  return CLI::Validator(
      [](std::string& v) {
        return v.find('-') == std::string::npos ? std::string() : "must not be negative";
      },
      "");
}

void AddFilterOptions(CLI::App* cmd, query::FilterSpec* s) {
  cmd->add_option("--from", s->from,
                  "Only claims made at or after this time (RFC 3339, date or Unix seconds)");
  cmd->add_option("--to", s->to, "Only claims made before this time");
  cmd->add_option("--concept", s->concept_name, "Only propositions of this concept");
  cmd->add_option("--holder", s->holders, "Only this holder (name or id; repeatable)");
  cmd->add_option("--proposition", s->propositions, "Only this proposition (text or id; repeatable)");
  cmd->add_option("--type", s->types, "Only holders of this entity type (repeatable)");
  cmd->add_option("--outlet", s->outlet, "Only mentions from documents of this outlet");
  cmd->add_option("--min-confidence", s->min_confidence, "Only mentions at least this confident");
  cmd->add_option("--hedged", s->hedged, "Hedged mentions: include, exclude or only")
      ->check(CLI::IsMember({"include", "exclude", "only"}));
  cmd->add_option("--conditional", s->conditional, "Conditional mentions: include, exclude or only")
      ->check(CLI::IsMember({"include", "exclude", "only"}));
}

int PrintError(const absl::Status& status) {
  std::cerr << "stancegraph: error: " << status.message() << "\n";
  return IsUsageError(status) ? kExitUsage : kExitFailure;
}

int& ExitCode() {
  static int code = kExitOk;
  return code;
}

}  // namespace stancegraph::cli
