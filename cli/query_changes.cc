// `stancegraph query changes`: holders reversing themselves (with --since,
// only what new mentions changed), one holder's timeline, or everyone's
// stance per period.
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
#include "stancegraph/query/changes.h"
#include "stancegraph/query/json.h"
#include "stancegraph/query/lookup.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::cli::querycmd {
namespace {

using nlohmann::json;

struct ChangesArgs {
  Common common;
  Since since;
  std::string level;
  bool count = false;
  bool count_events = false;
  bool timeline = false;
  std::string per;
  size_t evidence = 1;
};

absl::Status PrintTimeline(Session& s, const ChangesArgs& a) {
  if (s.filter.holders.size() != 1 || s.filter.propositions.size() != 1) {
    return UsageError("--timeline needs exactly one --holder and one --proposition");
  }
  SG_ASSIGN_OR_RETURN(
      std::vector<query::StanceRun> runs,
      query::Timeline(*s.db, s.filter.holders[0], s.filter.propositions[0], s.filter));
  ListPrinter out(a.common.format, {"polarity", "from", "to", "mentions", "claim"}, std::cout);
  for (const query::StanceRun& r : runs) {
    out.Add({{"polarity", r.polarity},
             {"first_time", TimeJson(r.first_made)},
             {"last_time", TimeJson(r.last_made)},
             {"mentions", r.mentions},
             {"claim", schema::FormatId(r.claim)}},
            {PolarityText(r.polarity), TimeText(r.first_made), TimeText(r.last_made),
             std::to_string(r.mentions), schema::FormatId(r.claim)});
  }
  out.Finish();
  return absl::OkStatus();
}

absl::Status PrintPerPeriod(Session& s, const ChangesArgs& a) {
  if (s.filter.propositions.size() != 1) {
    return UsageError("--per needs exactly one --proposition");
  }
  const query::Period period = a.per == "day"    ? query::Period::kDay
                               : a.per == "week" ? query::Period::kWeek
                                                 : query::Period::kMonth;
  SG_ASSIGN_OR_RETURN(std::vector<query::PeriodStance> cells,
                      query::StanceByPeriod(*s.db, s.filter.propositions[0], period, s.filter));
  query::RecordCache records(*s.db);
  ListPrinter out(a.common.format, {"period", "holder", "stance", "for", "against", "neutral"},
                  std::cout);
  for (const query::PeriodStance& c : cells) {
    const std::string& name = records.Holder(c.holder).name;
    out.Add({{"period", schema::FormatTime(c.period_start)},
             {"holder", {{"id", schema::FormatId(c.holder)}, {"name", name}}},
             {"stance", c.net()},
             {"for", c.for_mentions},
             {"against", c.against_mentions},
             {"neutral", c.neutral_mentions}},
            {schema::FormatTime(c.period_start).substr(0, 10), name, PolarityText(c.net()),
             std::to_string(c.for_mentions), std::to_string(c.against_mentions),
             std::to_string(c.neutral_mentions)});
  }
  out.Finish();
  return absl::OkStatus();
}

absl::Status Changes(const ChangesArgs& a) {
  if (a.count_events && !a.count) return UsageError("--count-events goes with --count");
  SG_ASSIGN_OR_RETURN(Session s, Begin(a.common));
  SG_ASSIGN_OR_RETURN(uint64_t since, ResolveSince(*s.db, a.since));
  const std::optional<query::Level> level = LevelArg(a.level);
  const std::string& format = a.common.format;
  if (a.timeline) {
    SG_RETURN_IF_ERROR(RequireNamed(level, "--timeline"));
    return PrintTimeline(s, a);
  }
  if (!a.per.empty()) {
    SG_RETURN_IF_ERROR(RequireNamed(level, "--per"));
    return PrintPerPeriod(s, a);
  }
  if (a.count) {
    SG_RETURN_IF_ERROR(RequireNamed(level, "--count"));
    json counts;
    if (since > 0) {
      if (a.count_events) return UsageError("--count-events does not go with --since");
      SG_ASSIGN_OR_RETURN(query::IncrementalCounts n, query::CountSince(*s.db, since, s.filter));
      counts = {{"flipped_pairs", n.new_flipped_pairs}};
    } else {
      SG_ASSIGN_OR_RETURN(query::ChangeCounts n,
                          query::CountChanges(*s.db, s.filter, a.count_events));
      counts = {{"flipped_pairs", n.flipped_pairs}};
      if (a.count_events) counts["reversals"] = n.reversals;
    }
    PrintCounts(format, counts, std::cout);
    return absl::OkStatus();
  }
  const bool as_json = IsJsonFormat(format);
  query::ChangeOptions o{.filter = s.filter,
                         .since_sequence = since,
                         .evidence = as_json ? a.evidence : 0,
                         .level = level,
                         .link_paraphrases = !a.common.as_stated};
  SG_ASSIGN_OR_RETURN(auto it, query::FindReversals(*s.db, o));
  ListPrinter out(format, {"level", "holder", "proposition", "from", "until", "to", "since"},
                  std::cout);
  out.SetCsvColumns({"level", "holder", "proposition", "from", "until", "to", "since",
                     "from_speakers", "to_speakers"});
  return out.AddAll(*it, a.common.limit, [&](const query::Reversal& r) {
    const std::string name = it->records().Holder(r.holder).name;
    std::string holder = name;
    auto who = [&](const query::StanceRun& run) {
      return SortedNames(it->records(), run.speakers);
    };
    if (!OnlyItselfSpoke(r.holder, r.from.speakers) || !OnlyItselfSpoke(r.holder, r.to.speakers)) {
      holder = absl::StrCat(name, " (", absl::StrJoin(who(r.from), ", "), " → ",
                            absl::StrJoin(who(r.to), ", "), ")");
    }
    const std::string lvl(query::LevelName(r.level));
    const std::string& prop = it->records().Proposition(r.proposition).text;
    json j = as_json ? query::ReversalToJson(r, it->records()) : json();
    out.Add(std::move(j),
            {lvl, holder, prop, PolarityText(r.from.polarity), TimeText(r.from.last_made),
             PolarityText(r.to.polarity), TimeText(r.to.first_made)},
            {lvl, name, prop, PolarityText(r.from.polarity), TimeText(r.from.last_made),
             PolarityText(r.to.polarity), TimeText(r.to.first_made), JoinCell(who(r.from)),
             JoinCell(who(r.to))});
  });
}

}  // namespace

void AddChangesCommand(CLI::App* query) {
  auto ch = std::make_shared<ChangesArgs>();
  auto* g = query->add_subcommand("changes",
                                  "Holders reversing themselves, timelines, stance per period");
  AddCommonOptions(g, &ch->common);
  AddSinceOptions(g, &ch->since);
  AddLevelOption(g, &ch->level,
                 "each reversal at the most specific level where both of its days have one "
                 "holder");
  AddAsStatedFlag(g, &ch->common.as_stated);
  g->add_flag("--count", ch->count,
              "Print only the number of (holder, proposition) pairs that flipped");
  g->add_flag("--count-events", ch->count_events, "With --count, also count every reversal");
  g->add_flag("--timeline", ch->timeline, "One holder's runs of stance on one proposition");
  g->add_option("--per", ch->per, "Everyone's stance on one proposition per day, week or month")
      ->check(CLI::IsMember({"day", "week", "month"}));
  g->add_option("--evidence", ch->evidence, "Quotes before and after each reversal (json/jsonl)")
      ->capture_default_str();
  g->callback(Run([ch] { return Changes(*ch); }));
}

}  // namespace stancegraph::cli::querycmd
