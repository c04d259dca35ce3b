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
  query::FilterSpec* s = &c->spec;
  cmd->add_option("--from", s->from, "Only claims made at or after this time (RFC 3339, date or Unix seconds)");
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
