// Small text helpers shared by the report renderers.
#pragma once

#include <cstdint>
#include <string>

#include "stancegraph/query/report.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::query::report_internal {

// "2025-08-15", or "undated".
inline std::string DateText(schema::Timestamp t) {
  return t == schema::kNoTime ? "undated" : schema::FormatTime(t).substr(0, 10);
}

inline std::string StanceWord(int polarity) {
  return polarity > 0 ? "for" : polarity < 0 ? "against" : "neutral";
}

// "the beginning" or "2025-08-15T09:18:08Z".
inline std::string SinceText(const Report& r) {
  if (r.since_time != schema::kNoTime) return schema::FormatTime(r.since_time);
  return r.since_sequence == 0 ? "the beginning" : "an earlier point";
}

// Whether a side's name differs from who spoke for it (at a level).
inline bool SpokeForIt(const ReportSide& s) {
  return !(s.speakers.size() == 1 && s.speakers[0] == s.name) && !s.speakers.empty();
}

// Whether someone other than the holder spoke on either side of a reversal.
inline bool SpokeForIt(const ReversalFinding& v) {
  auto only = [&](const std::vector<std::string>& who) {
    return who.size() == 1 && who[0] == v.holder;
  };
  return !only(v.from_holders) || !only(v.to_holders);
}

// True when `link` may be an <a href>: an http(s) URL.
inline bool IsWebLink(const std::string& link) {
  return link.rfind("http://", 0) == 0 || link.rfind("https://", 0) == 0;
}

}  // namespace stancegraph::query::report_internal
