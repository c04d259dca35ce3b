#include "claim_links.h"

#include "absl/strings/str_cat.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::cli {

std::optional<ShownLink> LinkOf(const query::PropositionLinks& links, schema::PropositionId p,
                                query::RecordCache& records) {
  const auto [representative, sign] = links.Resolve(p);
  if (representative == p) return std::nullopt;
  ShownLink shown{.proposition = representative,
                  .text = records.Proposition(representative).text,
                  .sign = sign};
  if (const query::PropositionLink* direct = links.LinkOf(p); direct != nullptr) {
    shown.reason = direct->reason;
  }
  return shown;
}

nlohmann::json LinkToJson(const ShownLink& link) {
  return {{"proposition", schema::FormatId(link.proposition)},
          {"text", link.text},
          {"sign", link.sign},
          {"reason", link.reason}};
}

std::vector<std::string> LinkCsvFields(const std::optional<ShownLink>& link) {
  if (!link.has_value()) return {"", "", ""};
  return {schema::FormatId(link->proposition), std::to_string(link->sign), link->reason};
}

std::string LinkNote(const ShownLink& link) {
  return absl::StrCat("counts on \"", link.text, "\" (", schema::FormatId(link.proposition), "), ",
                      link.sign < 0 ? "opposite" : "same", ": ", link.reason);
}

}  // namespace stancegraph::cli
