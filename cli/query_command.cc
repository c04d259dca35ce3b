// `stancegraph query contradictions|agreements|changes|claims|coalitions|actors|path`:
// thin wrappers over stancegraph::query. Every subcommand takes the same
// filters, prints a readable table by default and JSON, JSON lines or CSV
// with --format.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claim_links.h"
#include "cli_common.h"
#include "query_common.h"
#include "output.h"
#include "nlohmann/json.hpp"
#include "stancegraph/query/aggregates.h"
#include "stancegraph/query/algorithms.h"
#include "stancegraph/query/changes.h"
#include "stancegraph/query/claim_set.h"
#include "stancegraph/query/contradictions.h"
#include "stancegraph/query/json.h"
#include "stancegraph/query/lookup.h"
#include "stancegraph/query/network.h"
#include "stancegraph/query/network_io.h"
#include "stancegraph/query/proposition_links.h"
#include "stancegraph/schema/entity_type.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::cli {
namespace querycmd {
namespace {

using nlohmann::json;


// --since TIME / --since-seq N: where "new" starts, or 0 when neither.
struct Since {
  std::string time;
  uint64_t sequence = 0;
};

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


// ---------------------------------------------------------------- contradictions

struct ContradictionsArgs {
  Common common;
  Since since;
  bool count_pairs = false;
  std::string level;
  bool by_concept = false;
  size_t evidence = 1;
};

// Counts answer for holders as named.
absl::Status RequireNamed(const std::optional<query::Level>& level, const char* what) {
  if (level.has_value() && *level != query::Level::kPerson) {
    return UsageError(absl::StrCat(what, " counts holders as named: use --level person or auto"));
  }
  return absl::OkStatus();
}

// A side's name, and who spoke for it when that is someone else.
std::string SideName(query::RecordCache& records, schema::EntityId holder,
                     const std::vector<schema::EntityId>& speakers) {
  std::string name = records.Holder(holder).name;
  if (speakers.size() == 1 && speakers[0] == holder) return name;
  std::vector<std::string> who;
  for (schema::EntityId s : speakers) who.push_back(records.Holder(s).name);
  std::sort(who.begin(), who.end());
  return absl::StrCat(name, " (", absl::StrJoin(who, ", "), ")");
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
      SG_ASSIGN_OR_RETURN(query::ContradictionCounts n, query::CountContradictions(*s.db, s.filter));
      pairs = n.pairs;
    }
    if (format == "table") std::cout << pairs << "\n";
    else PrintObject(format, {{"contradicting_pairs", pairs}}, std::cout);
    return absl::OkStatus();
  }
  ListPrinter out(format, {"level", "proposition", "for", "against", "pairs", "self"}, std::cout);
  // auto: holders as named, the library's default.
  const bool as_json = format == "json" || format == "jsonl";
  query::ContradictionOptions o{.filter = s.filter,
                                .by_concept = a.by_concept,
                                .link_paraphrases = !a.common.as_stated,
                                .evidence_per_holder = as_json ? a.evidence : 0,
                                .since_sequence = since};
  if (level.has_value()) o.level = *level;
  SG_ASSIGN_OR_RETURN(auto it, query::FindContradictions(*s.db, o));
  size_t printed = 0;
  for (; it->Valid() && !Enough(a.common, printed); it->Next(), ++printed) {
    const query::Contradiction& c = it->value();
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
  }
  SG_RETURN_IF_ERROR(it->status());
  out.Finish();
  return absl::OkStatus();
}

// ---------------------------------------------------------------- changes

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
  SG_ASSIGN_OR_RETURN(std::vector<query::StanceRun> runs,
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
    if (format == "table" && !a.count_events) {
      std::cout << counts["flipped_pairs"].get<uint64_t>() << "\n";
    } else {
      PrintObject(format, counts, std::cout);
    }
    return absl::OkStatus();
  }
  const bool as_json = format == "json" || format == "jsonl";
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
  size_t printed = 0;
  for (; it->Valid() && !Enough(a.common, printed); it->Next(), ++printed) {
    const query::Reversal& r = it->value();
    const std::string name = it->records().Holder(r.holder).name;
    std::string holder = name;
    auto who = [&](const query::StanceRun& run) {
      std::vector<std::string> names;
      for (schema::EntityId id : run.speakers) names.push_back(it->records().Holder(id).name);
      std::sort(names.begin(), names.end());
      return names;
    };
    auto only_itself = [&](const query::StanceRun& run) {
      return run.speakers.size() == 1 && run.speakers[0] == r.holder;
    };
    if (!only_itself(r.from) || !only_itself(r.to)) {
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
  }
  SG_RETURN_IF_ERROR(it->status());
  out.Finish();
  return absl::OkStatus();
}

// ---------------------------------------------------------------- claims

absl::Status Claims(const Common& c) {
  if (c.spec.holders.empty() && c.spec.propositions.empty() && c.spec.concept_name.empty()) {
    return UsageError("say whose claims or on what: --holder, --proposition or --concept");
  }
  SG_ASSIGN_OR_RETURN(Session s, Begin(c));
  SG_ASSIGN_OR_RETURN(query::ClaimSet set,
                      query::ClaimSet::Build(*s.db, s.filter, /*mention_stats=*/true));
  // Claims are listed as stated; each linked one says where it counts.
  SG_ASSIGN_OR_RETURN(query::PropositionLinks links,
                      query::PropositionLinks::Build(*s.db, {.snapshot = s.filter.snapshot}));
  query::RecordCache records(*s.db, s.filter.snapshot);
  std::vector<std::string> header = {"holder", "polarity", "proposition", "mentions",
                                     "first",  "last",     "claim"};
  ListPrinter out(c.format, header, std::cout);
  header.insert(header.end(), std::begin(kLinkCsvHeader), std::end(kLinkCsvHeader));
  out.SetCsvColumns(header);
  size_t printed = 0;
  for (const query::ClaimStat& cs : set.claims()) {
    if (Enough(c, printed++)) break;
    const std::string holder = records.Holder(cs.holder).name;
    const std::string prop = records.Proposition(cs.proposition).text;
    const std::optional<ShownLink> link = LinkOf(links, cs.proposition, records);
    const schema::ClaimId id = schema::MakeClaimId(cs.holder, cs.proposition, cs.polarity);
    json j = {{"claim_id", schema::FormatId(id)},
              {"holder", {{"id", schema::FormatId(cs.holder)}, {"name", holder}}},
              {"polarity", cs.polarity},
              {"proposition", {{"id", schema::FormatId(cs.proposition)}, {"text", prop}}}};
    if (cs.mentions > 0) j["mentions"] = cs.mentions;
    if (cs.first_made != schema::kNoTime) j["first_time"] = schema::FormatTime(cs.first_made);
    if (cs.last_made != schema::kNoTime) j["last_time"] = schema::FormatTime(cs.last_made);
    if (link.has_value()) j["linked_to"] = LinkToJson(*link);
    std::vector<std::string> row = {holder, PolarityText(cs.polarity), prop,
                                    cs.mentions > 0 ? std::to_string(cs.mentions) : "",
                                    TimeText(cs.first_made), TimeText(cs.last_made),
                                    schema::FormatId(id)};
    std::vector<std::string> csv = row;
    for (std::string& f : LinkCsvFields(link)) csv.push_back(std::move(f));
    out.Add(std::move(j), std::move(row), std::move(csv));
    if (link.has_value()) out.Note(LinkNote(*link));
  }
  out.Finish();
  return absl::OkStatus();
}

}  // namespace
}  // namespace querycmd

void AddQueryCommand(CLI::App& app) {
  using namespace querycmd;
  auto* q = app.add_subcommand("query", "Ask graph questions: contradictions, agreements, changes");
  AddVersionFlag(q);
  q->require_subcommand(1);

  // Each subcommand's arguments are owned by its callback, so they live as
  // long as the command.
  auto ca = std::make_shared<ContradictionsArgs>();
  auto* c = q->add_subcommand("contradictions",
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

  auto ch = std::make_shared<ChangesArgs>();
  auto* g = q->add_subcommand("changes", "Holders reversing themselves, timelines, stance per period");
  AddCommonOptions(g, &ch->common);
  AddSinceOptions(g, &ch->since);
  AddLevelOption(g, &ch->level,
                 "each reversal at the most specific level where both of its days have one "
                 "holder");
  AddAsStatedFlag(g, &ch->common.as_stated);
  g->add_flag("--count", ch->count, "Print only the number of (holder, proposition) pairs that flipped");
  g->add_flag("--count-events", ch->count_events, "With --count, also count every reversal");
  g->add_flag("--timeline", ch->timeline, "One holder's runs of stance on one proposition");
  g->add_option("--per", ch->per, "Everyone's stance on one proposition per day, week or month")
      ->check(CLI::IsMember({"day", "week", "month"}));
  g->add_option("--evidence", ch->evidence, "Quotes before and after each reversal (json/jsonl)")
      ->capture_default_str();
  g->callback(Run([ch] { return Changes(*ch); }));

  auto cl = std::make_shared<Common>();
  auto* k = q->add_subcommand("claims", "What a holder claims, or who claims a proposition");
  AddCommonOptions(k, cl.get());
  k->callback(Run([cl] { return Claims(*cl); }));

  auto add_network = [&](const char* name, const char* help, auto fn) {
    auto args = std::make_shared<NetworkArgs>();
    auto* cmd = q->add_subcommand(name, help);
    AddCommonOptions(cmd, &args->common);
    cmd->add_option("--min-count", args->min_count,
                    "Smallest number of shared propositions on an edge")
        ->capture_default_str();
    cmd->add_option("--normalise", args->normalise, "Edge weights: none, jaccard or cosine")
        ->check(CLI::IsMember({"none", "jaccard", "cosine"}))
        ->capture_default_str();
    AddLevelOption(cmd, &args->level, "as named (person)");
    AddAsStatedFlag(cmd, &args->common.as_stated);
    AddByConceptFlag(cmd, &args->by_concept, "Treat the propositions of one concept as one issue");
    cmd->callback(Run([args, fn] { return fn(*args); }));
    return std::pair(cmd, args);
  };
  auto [agree_cmd, agree_args] =
      add_network("agreements", "Who sides with whom, and how often", Agreements);
  agree_cmd->add_option("--with", agree_args->with, "Only pairs involving this holder (repeatable)");
  auto [coal_cmd, coal_args] = add_network(
      "coalitions", "Groups of holders joined by agreement (connected components)", Coalitions);
  coal_cmd->add_option("--min-size", coal_args->min_size, "Smallest coalition shown")
      ->capture_default_str();
  coal_cmd->add_flag("--triads", coal_args->triads,
                     "Also count unbalanced triads (A agrees with B, B with C, A conflicts with C)");
  auto [actor_cmd, actor_args] =
      add_network("actors", "Key actors by betweenness and degree centrality", Actors);
  actor_cmd->add_flag("!--no-betweenness", actor_args->betweenness, "Skip betweenness (large views)");
  auto [path_cmd, path_args] =
      add_network("path", "How two holders connect through agreement and conflict", Path);
  path_cmd->add_option("--between", path_args->between, "One holder (name or id)")->required();
  path_cmd->add_option("--and", path_args->and_, "The other holder (name or id)")->required();
}

}  // namespace stancegraph::cli
