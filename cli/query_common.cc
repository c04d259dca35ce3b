#include "query_common.h"

#include "stancegraph/schema/status_macros.h"

namespace stancegraph::cli::querycmd {

void AddCommonOptions(CLI::App* cmd, Common* c) {
  AddDbOption(cmd, &c->db_path);
  {
    cmd->add_option("--format", c->format, "table, json, jsonl or csv")
        ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}))
        ->capture_default_str();
  }
  cmd->add_option("--limit", c->limit, "Print at most this many results (0 = all)")
      ->check(NotNegative());
  AddFilterOptions(cmd, &c->spec);
}


absl::StatusOr<Session> Begin(const Common& c) {
  Session s;
  SG_ASSIGN_OR_RETURN(s.db, OpenForReading(c.db_path));
  SG_ASSIGN_OR_RETURN(s.filter, query::ResolveFilter(*s.db, c.spec));
  return s;
}

std::string TimeText(schema::Timestamp t) {
  return t == schema::kNoTime ? "-" : schema::FormatTime(t);
}

std::string PolarityText(int p) { return p > 0 ? "+1" : p < 0 ? "-1" : "0"; }

nlohmann::json TimeJson(schema::Timestamp t) {
  return t == schema::kNoTime ? nlohmann::json(nullptr) : nlohmann::json(schema::FormatTime(t));
}

}  // namespace stancegraph::cli::querycmd
