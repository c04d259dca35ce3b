// `stancegraph query contradictions`: holders taking opposite positions on
// one proposition or concept; with --since, only on what new mentions touch.
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli_common.h"
#include "nlohmann/json.hpp"
#include "output.h"
#include "query_common.h"
#include "stancegraph/query/aggregates.h"
#include "stancegraph/query/contradictions.h"
#include "stancegraph/query/json.h"
#include "stancegraph/query/lookup.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::cli::querycmd {
namespace {

using nlohmann::json;

struct ContradictionsArgs {
  Common common;
  Since since;
  bool count_pairs = false;
  std::string level;
  bool by_concept = false;
  size_t evidence = 1;
};

// A side's name, and who spoke for it when that is someone else.
std::string SideName(query::RecordCache& records, schema::EntityId holder,
                     const std::vector<schema::EntityId>& speakers) {
  std::string name = records.Holder(holder).name;
  if (OnlyItselfSpoke(holder, speakers)) return name;
  return absl::StrCat(name, " (", absl::StrJoin(SortedNames(records, speakers), ", "), ")");
}

absl::Status Contradictions(const ContradictionsArgs& a) {
  SG_ASSIGN_OR_RETURN(Session s, Begin(a.common));
  SG_ASSIGN_OR_RETURN(uint64_t since, ResolveSince(*s.db, a.since));
  const std::optional<query::Level> level = LevelArg(a.level);
  const std::string& format = a.common.format;
  if (a.count_pairs) {
    SG_RETURN_IF_ERROR(RequireNamed(level, "--count-pairs"));
    uint64_t pairs = 0;
    if (since > 0) {
      SG_ASSIGN_OR_RETURN(query::IncrementalCounts n, query::CountSince(*s.db, since, s.filter));
      pairs = n.new_contradicting_pairs;
    } else {
      SG_ASSIGN_OR_RETURN(query::ContradictionCounts n,
                          query::CountContradictions(*s.db, s.filter));
      pairs = n.pairs;
    }
    PrintCounts(format, {{"contradicting_pairs", pairs}}, std::cout);
    return absl::OkStatus();
  }
  ListPrinter out(format, {"level", "proposition", "for", "against", "pairs", "self"}, std::cout);
  // auto: holders as named, the library's default.
  const bool as_json = IsJsonFormat(format);
  query::ContradictionOptions o{.filter = s.filter,
                                .by_concept = a.by_concept,
                                .link_paraphrases = !a.common.as_stated,
                                .evidence_per_holder = as_json ? a.evidence : 0,
                                .since_sequence = since};
  if (level.has_value()) o.level = *level;
  SG_ASSIGN_OR_RETURN(auto it, query::FindContradictions(*s.db, o));
  return out.AddAll(*it, a.common.limit, [&](const query::Contradiction& c) {
    auto names = [&](const std::vector<query::HolderSide>& side, bool with_speakers) {
      std::vector<std::string> out;
      for (const auto& h : side) {
        out.push_back(with_speakers ? SideName(it->records(), h.holder, h.speakers)
                                    : it->records().Holder(h.holder).name);
      }
      std::sort(out.begin(), out.end());
      return out;
    };
    std::vector<std::string> self;
    for (schema::EntityId h : c.self_contradicting) self.push_back(it->records().Holder(h).name);
    const bool prop = c.level == query::ContradictionLevel::kProposition;
    std::string what = prop ? it->records().Proposition(c.proposition).text : c.concept_name;
    std::string lvl = prop ? "proposition" : "concept";
    json j = as_json ? query::ContradictionToJson(c, it->records()) : json();
    out.Add(std::move(j),
            {lvl, what, absl::StrJoin(names(c.for_side, true), "; "),
             absl::StrJoin(names(c.against_side, true), "; "), std::to_string(c.pairs),
             absl::StrJoin(self, "; ")},
            {lvl, what, JoinCell(names(c.for_side, false)), JoinCell(names(c.against_side, false)),
             std::to_string(c.pairs), JoinCell(self)});
  });
}

}  // namespace

void AddContradictionsCommand(CLI::App* query) {
  // The arguments are owned by the callback, so they live as long as the
  // command.
  auto ca = std::make_shared<ContradictionsArgs>();
  auto* c = query->add_subcommand("contradictions",
                                  "Holders taking opposite positions on a proposition or concept");
  AddCommonOptions(c, &ca->common);
  AddSinceOptions(c, &ca->since);
  c->add_flag("--count-pairs", ca->count_pairs,
              "Print only the number of (proposition, holder for, other holder against) triples");
  AddLevelOption(c, &ca->level, "as named (person)");
  AddAsStatedFlag(c, &ca->common.as_stated);
  AddByConceptFlag(c, &ca->by_concept,
                   "Also list contradictions across the propositions of one concept "
                   "(\"level\": \"concept\")");
  c->add_option("--evidence", ca->evidence, "Quotes per holder and side (json/jsonl)")
      ->capture_default_str();
  c->callback(Run([ca] { return Contradictions(*ca); }));
}

}  // namespace stancegraph::cli::querycmd
