// `stancegraph query claims`: what a holder claims, or who claims a
// proposition, each claim with the paraphrase link it counts through.
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "claim_links.h"
#include "cli_common.h"
#include "nlohmann/json.hpp"
#include "output.h"
#include "query_common.h"
#include "stancegraph/query/claim_set.h"
#include "stancegraph/query/lookup.h"
#include "stancegraph/query/proposition_links.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::cli::querycmd {
namespace {

using nlohmann::json;

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
    std::vector<std::string> row = {holder,
                                    PolarityText(cs.polarity),
                                    prop,
                                    cs.mentions > 0 ? std::to_string(cs.mentions) : "",
                                    TimeText(cs.first_made),
                                    TimeText(cs.last_made),
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

void AddClaimsCommand(CLI::App* query) {
  auto cl = std::make_shared<Common>();
  auto* k = query->add_subcommand("claims", "What a holder claims, or who claims a proposition");
  AddCommonOptions(k, cl.get());
  k->callback(Run([cl] { return Claims(*cl); }));
}

}  // namespace stancegraph::cli::querycmd
