#include "stancegraph/query/report_watermark.h"

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/strings.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::query {

absl::Status ValidateProfileName(std::string_view profile) {
  bool ok = !profile.empty() && profile.size() <= 64 && profile.front() != '.';
  for (char c : profile) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    ok = ok && allowed;
  }
  if (ok) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "report profile name \"", Av(profile), "\": use 1 to 64 letters, digits, '_', '-' or '.'"));
}

std::string WatermarkKey(std::string_view profile) {
  return absl::StrCat("report/", Av(profile), "/watermark");
}

absl::StatusOr<std::optional<Watermark>> ReadWatermark(engine::Database& db,
                                                       std::string_view profile,
                                                       const engine::ReadOptions& ro) {
  SG_RETURN_IF_ERROR(ValidateProfileName(profile));
  const std::string key = WatermarkKey(profile);
  absl::StatusOr<std::string> value = db.GetMeta(key, ro);
  if (absl::IsNotFound(value.status())) return std::nullopt;
  if (!value.ok()) return value.status();
  auto bad = [&](std::string_view why) {
    return absl::DataLossError(absl::StrCat("meta ", key, ": ", Av(why)));
  };
  nlohmann::json j = nlohmann::json::parse(*value, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("sequence") || !j["sequence"].is_number_unsigned()) {
    return bad("not a watermark (want {\"sequence\": N, \"time\": ...})");
  }
  Watermark mark{.sequence = j["sequence"].get<uint64_t>()};
  if (j.contains("time") && j["time"].is_string()) {
    absl::StatusOr<schema::Timestamp> t = schema::ParseTime(j["time"].get<std::string>());
    if (!t.ok()) return bad(Sv(t.status().message()));
    mark.time = *t;
  }
  return mark;
}

absl::StatusOr<Watermark> AdvanceWatermark(engine::Database& db, std::string_view profile,
                                           const Watermark& mark) {
  SG_ASSIGN_OR_RETURN(std::optional<Watermark> stored, ReadWatermark(db, profile));
  if (stored.has_value() && stored->sequence >= mark.sequence) return *stored;
  SG_RETURN_IF_ERROR(StoreWatermark(db, profile, mark));
  return mark;
}

absl::Status StoreWatermark(engine::Database& db, std::string_view profile, const Watermark& mark) {
  SG_RETURN_IF_ERROR(ValidateProfileName(profile));
  nlohmann::json j = {
      {"sequence", mark.sequence},
      {"time", mark.time == schema::kNoTime ? nlohmann::json(nullptr)
                                            : nlohmann::json(schema::FormatTime(mark.time))}};
  return db.PutMeta(WatermarkKey(profile), j.dump());
}

}  // namespace stancegraph::query
