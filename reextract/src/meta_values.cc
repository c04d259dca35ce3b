#include "meta_values.h"

#include <optional>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "stancegraph/query/report_watermark.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/strings.h"

namespace stancegraph::reextract {
namespace {

constexpr std::string_view kWatermarkPrefix = "report/";
constexpr std::string_view kWatermarkSuffix = "/watermark";

// The profile of a watermark's name, "" for other names.
std::string_view WatermarkProfile(std::string_view name) {
  if (name.size() <= kWatermarkPrefix.size() + kWatermarkSuffix.size() ||
      !absl::StartsWith(Av(name), Av(kWatermarkPrefix)) ||
      !absl::EndsWith(Av(name), Av(kWatermarkSuffix))) {
    return {};
  }
  name.remove_prefix(kWatermarkPrefix.size());
  name.remove_suffix(kWatermarkSuffix.size());
  return query::ValidateProfileName(name).ok() ? name : std::string_view();
}

}  // namespace

absl::StatusOr<uint64_t> TranslateSequence(engine::Database& source, engine::Database& target,
                                           uint64_t sequence) {
  auto it = source.ScanByIngest(sequence);
  if (!it->Valid()) {
    SG_RETURN_IF_ERROR(it->status());
    return target.NextSequence();
  }
  SG_ASSIGN_OR_RETURN(schema::Mention mention, it->mention());
  auto doc = source.GetDocument(mention.document);
  if (!doc.ok()) {
    return absl::Status(doc.status().code(),
                        absl::StrCat("mention ", it->ref().sequence, ": ", doc.status().message()));
  }
  return target.SequenceAt(doc->ingested);
}

absl::Status CarryMeta(engine::Database& source, engine::Database& target) {
  SG_ASSIGN_OR_RETURN(auto values, source.ListMeta());
  for (const auto& [name, value] : values) {
    const std::string_view profile = WatermarkProfile(name);
    std::optional<query::Watermark> mark;
    if (!profile.empty()) {
      auto stored = query::ReadWatermark(source, profile);
      if (stored.ok()) mark = *stored;
    }
    if (!mark) {
      SG_RETURN_IF_ERROR(target.PutMeta(name, value));
      continue;
    }
    SG_ASSIGN_OR_RETURN(mark->sequence, TranslateSequence(source, target, mark->sequence));
    SG_RETURN_IF_ERROR(query::StoreWatermark(target, profile, *mark));
  }
  return absl::OkStatus();
}

}  // namespace stancegraph::reextract
