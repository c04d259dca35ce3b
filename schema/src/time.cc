#include "stancegraph/schema/time.h"

#include <limits>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace stancegraph::schema {

std::string FormatTime(Timestamp t) {
  if (t == kNoTime) return "";
  absl::Time at = absl::FromUnixMicros(t);
  if (t % 1'000'000 == 0) return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", at, absl::UTCTimeZone());
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E*SZ", at, absl::UTCTimeZone());
}

absl::StatusOr<Timestamp> ParseTime(std::string_view text) {
  absl::string_view s = absl::StripAsciiWhitespace(absl::string_view(text.data(), text.size()));
  if (s.empty()) return absl::InvalidArgumentError("empty time");
  int64_t seconds;
  if (absl::SimpleAtoi(s, &seconds)) {
    // Seconds whose microseconds overflow a Timestamp are no time at all.
    constexpr int64_t kMaxSeconds = std::numeric_limits<int64_t>::max() / 1'000'000;
    if (seconds > kMaxSeconds || seconds < -kMaxSeconds) {
      return absl::InvalidArgumentError(absl::StrCat("time \"", s, "\" is out of range"));
    }
    return SecondsToTimestamp(seconds);
  }
  static constexpr const char* kFormats[] = {
      "%Y-%m-%dT%H:%M:%E*S%Ez", "%Y-%m-%dT%H:%M:%E*SZ", "%Y-%m-%dT%H:%M:%E*S",
      "%Y-%m-%d %H:%M:%E*S%Ez", "%Y-%m-%d %H:%M:%E*SZ", "%Y-%m-%d %H:%M:%E*S",
      "%Y-%m-%dT%H:%M%Ez",      "%Y-%m-%dT%H:%MZ",      "%Y-%m-%dT%H:%M",
      "%Y-%m-%d %H:%M",         "%Y-%m-%d",
  };
  for (const char* f : kFormats) {
    absl::Time t;
    std::string err;
    if (absl::ParseTime(f, s, absl::UTCTimeZone(), &t, &err)) return absl::ToUnixMicros(t);
  }
  return absl::InvalidArgumentError(absl::StrCat("unrecognised time \"", s,
                                                 "\" (expected RFC 3339, e.g. 2025-08-15T09:18:08Z)"));
}

}  // namespace stancegraph::schema
