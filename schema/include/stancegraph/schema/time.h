// Conversions between Timestamp and text.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::schema {

// RFC 3339 in UTC: "2025-08-15T09:18:08Z" (fractional seconds only when
// non-zero). Returns "" for kNoTime.
std::string FormatTime(Timestamp t);

// Parses RFC 3339 / ISO 8601 ("2025-08-15T09:18:08Z", "2025-08-15T10:18:08+01:00",
// "2025-08-15 09:18:08", "2025-08-15") and bare Unix seconds ("1577836800").
// A time without zone is UTC.
absl::StatusOr<Timestamp> ParseTime(std::string_view text);

inline constexpr Timestamp SecondsToTimestamp(int64_t s) { return s * 1'000'000; }

}  // namespace stancegraph::schema
