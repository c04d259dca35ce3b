// Inline SVG pictures for the HTML report. Text is HTML-escaped; sizes are
// in viewBox units so the pictures scale to the page width.
#pragma once

#include <string>
#include <vector>

#include "stancegraph/query/report.h"

namespace stancegraph::query::report_internal {

// A stance timeline: one row per holder (by name), a dot per mention at its
// made time, green for, red against; new mentions ringed. "" when empty.
std::string TimelineSvg(const std::vector<TimelinePoint>& points, const std::string& label);

// The conflict network on a circle: red lines for conflict-dominated edges,
// dashed green for agreement-dominated ones, width by count. "" when empty.
std::string NetworkSvg(const NetworkPicture& picture);

}  // namespace stancegraph::query::report_internal
