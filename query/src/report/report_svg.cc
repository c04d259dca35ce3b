#include "report/report_svg.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <sstream>

#include "absl/strings/str_format.h"
#include "report/report_text.h"
#include "stancegraph/query/report_render.h"
#include "stancegraph/schema/markup_escape.h"

namespace stancegraph::query::report_internal {
namespace {

using schema::HtmlEscape;

constexpr char kForColour[] = "#1a7f37";
constexpr char kAgainstColour[] = "#c62828";
// Rows drawn per timeline; holders past this are left out of the picture.
constexpr size_t kMaxRows = 12;

std::string Num(double v) { return absl::StrFormat("%.1f", v); }

// Names cut to `width` bytes on a UTF-8 boundary, for labels.
std::string Label(const std::string& s, size_t width) {
  if (s.size() <= width) return s;
  size_t end = width - 1;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + "…";
}

}  // namespace

std::string TimelineSvg(const std::vector<TimelinePoint>& points, const std::string& label) {
  if (points.empty()) return "";
  std::map<std::string, size_t> rows;
  for (const TimelinePoint& p : points) rows.emplace(p.holder, 0);
  size_t next = 0;
  for (auto& [name, row] : rows) row = next++;
  const size_t shown = std::min(rows.size(), kMaxRows);
  const double left = 150, right = 425, top = 10, row_h = 28;
  const double height = top + row_h * static_cast<double>(shown) + 26;
  const schema::Timestamp t0 = points.front().made, t1 = points.back().made;
  auto x_of = [&](schema::Timestamp t) {
    if (t1 == t0) return (left + right) / 2;
    return left + (right - left) * static_cast<double>(t - t0) / static_cast<double>(t1 - t0);
  };
  std::ostringstream out;
  out << "<svg class=\"timeline\" viewBox=\"0 0 440 " << Num(height)
      << "\" role=\"img\" aria-label=\"" << HtmlEscape("Stance timeline: " + label)
      << "\" xmlns=\"http://www.w3.org/2000/svg\">";
  for (const auto& [name, row] : rows) {
    if (row >= shown) continue;
    const double y = top + row_h * (static_cast<double>(row) + 0.5);
    out << "<text x=\"" << Num(left - 8) << "\" y=\"" << Num(y + 4)
        << "\" text-anchor=\"end\" class=\"lbl\">" << HtmlEscape(Label(name, 16)) << "</text>";
    out << "<line x1=\"" << Num(left) << "\" y1=\"" << Num(y) << "\" x2=\"" << Num(right)
        << "\" y2=\"" << Num(y) << "\" class=\"row\"/>";
  }
  for (const TimelinePoint& p : points) {
    const size_t row = rows[p.holder];
    if (row >= shown) continue;
    const double y = top + row_h * (static_cast<double>(row) + 0.5);
    out << "<circle cx=\"" << Num(x_of(p.made)) << "\" cy=\"" << Num(y) << "\" r=\"6\" fill=\""
        << (p.polarity > 0 ? kForColour : kAgainstColour) << "\""
        << (p.is_new ? " stroke=\"#111\" stroke-width=\"2\"" : "") << "><title>"
        << HtmlEscape(p.holder + " " + StanceWord(p.polarity) + ", " + DateText(p.made) +
                      (p.is_new ? " (new)" : ""))
        << "</title></circle>";
  }
  const double axis_y = height - 8;
  out << "<text x=\"" << Num(left) << "\" y=\"" << Num(axis_y) << "\" class=\"lbl\">"
      << DateText(t0) << "</text>";
  if (t1 != t0) {
    out << "<text x=\"" << Num(right) << "\" y=\"" << Num(axis_y)
        << "\" text-anchor=\"end\" class=\"lbl\">" << DateText(t1) << "</text>";
  }
  out << "</svg>";
  return out.str();
}

std::string NetworkSvg(const NetworkPicture& picture) {
  if (picture.nodes.empty()) return "";
  const double cx = 240, cy = 165, radius = 85;
  const size_t n = picture.nodes.size();
  std::vector<std::pair<double, double>> at;
  for (size_t i = 0; i < n; ++i) {
    const double angle = -std::numbers::pi / 2 +
                         2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
    at.emplace_back(cx + radius * std::cos(angle), cy + radius * std::sin(angle));
  }
  std::ostringstream out;
  out << "<svg class=\"network\" viewBox=\"0 0 480 330\" role=\"img\" "
         "aria-label=\"Conflict network\" xmlns=\"http://www.w3.org/2000/svg\">";
  for (const NetworkPicture::Edge& e : picture.edges) {
    const bool conflict = e.conflict >= e.agree;
    const uint32_t count = conflict ? e.conflict : e.agree;
    out << "<line x1=\"" << Num(at[e.a].first) << "\" y1=\"" << Num(at[e.a].second) << "\" x2=\""
        << Num(at[e.b].first) << "\" y2=\"" << Num(at[e.b].second) << "\" stroke=\""
        << (conflict ? kAgainstColour : kForColour) << "\" stroke-width=\""
        << Num(1.5 + std::min<uint32_t>(count, 5)) << "\""
        << (conflict ? "" : " stroke-dasharray=\"6 4\"") << "><title>"
        << HtmlEscape(picture.nodes[e.a] + " – " + picture.nodes[e.b] + ": " +
                      std::to_string(e.conflict) + " conflicts, " + std::to_string(e.agree) +
                      " agreements")
        << "</title></line>";
  }
  for (size_t i = 0; i < n; ++i) {
    const auto [x, y] = at[i];
    const double dx = x - cx;
    const char* anchor = dx > 1 ? "start" : dx < -1 ? "end" : "middle";
    const double lx = x + (dx > 1 ? 10 : dx < -1 ? -10 : 0);
    const double ly = y + (std::abs(dx) <= 1 ? (y < cy ? -12 : 22) : 4);
    out << "<circle cx=\"" << Num(x) << "\" cy=\"" << Num(y)
        << "\" r=\"7\" class=\"node\"/><text x=\"" << Num(lx) << "\" y=\"" << Num(ly)
        << "\" text-anchor=\"" << anchor << "\" class=\"lbl\">"
        << HtmlEscape(Label(picture.nodes[i], 16)) << "</text>";
  }
  out << "</svg>";
  return out.str();
}

}  // namespace stancegraph::query::report_internal
