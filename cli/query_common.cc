#include "query_common.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "output.h"
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

void AddSinceOptions(CLI::App* cmd, Since* since) {
  cmd->add_option("--since", since->time, "Only what was ingested at or after this time");
  cmd->add_option("--since-seq", since->sequence,
                  "Only what was ingested at or after this mention sequence");
}

absl::StatusOr<uint64_t> ResolveSince(engine::Database& db, const Since& since) {
  if (!since.time.empty()) {
    SG_ASSIGN_OR_RETURN(schema::Timestamp t, schema::ParseTime(since.time));
    return db.SequenceAt(t);
  }
  return since.sequence;
}

absl::Status RequireNamed(const std::optional<query::Level>& level, const char* what) {
  if (level.has_value() && *level != query::Level::kPerson) {
    return UsageError(absl::StrCat(what, " counts holders as named: use --level person or auto"));
  }
  return absl::OkStatus();
}

std::string TimeText(schema::Timestamp t) {
  return t == schema::kNoTime ? "-" : schema::FormatTime(t);
}

std::string PolarityText(int p) { return p > 0 ? "+1" : p < 0 ? "-1" : "0"; }

std::vector<std::string> SortedNames(query::RecordCache& records,
                                     const std::vector<schema::EntityId>& holders) {
  std::vector<std::string> names;
  for (schema::EntityId id : holders) names.push_back(records.Holder(id).name);
  std::sort(names.begin(), names.end());
  return names;
}

nlohmann::json TimeJson(schema::Timestamp t) {
  return t == schema::kNoTime ? nlohmann::json(nullptr) : nlohmann::json(schema::FormatTime(t));
}

}  // namespace stancegraph::cli::querycmd
