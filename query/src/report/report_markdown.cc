// The Markdown form: readable as it is in a terminal, and as rendered
// Markdown. Article text goes through MarkdownEscape.
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "report/report_text.h"
#include "stancegraph/query/report_render.h"

namespace stancegraph::query {
namespace {

using report_internal::DateText;
using report_internal::SinceText;
using report_internal::SpokeForIt;
using report_internal::StanceWord;

// Timeline points listed in Markdown per proposition (the latest).
constexpr size_t kMarkdownTimelinePoints = 12;

std::string Md(std::string_view text) { return MarkdownEscape(text); }

std::string JoinMd(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + Md(n);
  return out.empty() ? "-" : out;
}

// "  - “quote” — Holder (for), Outlet, 2025-08-15 · link [hedged]"
void WriteQuote(std::ostream& out, const Quote& q, const std::string& indent) {
  out << indent << "- ";
  if (q.text.empty()) {
    out << "*(no quote: " << Md(q.holder) << " " << Md(q.predicate) << ")*";
  } else {
    out << "“" << Md(q.text) << "”";
  }
  out << " — " << Md(q.holder) << " (" << StanceWord(q.polarity) << "), ";
  if (!q.outlet.empty()) out << Md(q.outlet) << ", ";
  out << DateText(q.made);
  if (!q.title.empty() && q.title != q.link) out << ", *" << Md(q.title) << "*";
  if (!q.link.empty()) out << " · " << Md(q.link);
  if (q.hedged) out << " **[hedged]**";
  if (q.conditional) {
    out << " **[conditional" << (q.condition.empty() ? "" : ": " + Md(q.condition)) << "]**";
  }
  if (q.is_new) out << " *(new)*";
  if (!q.corrected.empty()) out << " **[corrected]**";
  out << "\n";
}

void WriteSide(std::ostream& out, const char* label, const std::vector<ReportSide>& sides) {
  out << "- **" << label << ":**\n";
  for (const ReportSide& s : sides) {
    out << "  - " << Md(s.name);
    if (SpokeForIt(s)) out << " (" << JoinMd(s.speakers) << ")";
    out << (s.is_new ? " *(new)*" : "") << "\n";
    for (const Quote& q : s.quotes) WriteQuote(out, q, "    ");
  }
}

void WriteSummary(std::ostream& out, const Report& r) {
  const ReportTotals& t = r.totals;
  out << "## Summary\n\n";
  out << "- New claim mentions: " << t.new_mentions << " in " << t.new_documents << " documents\n";
  out << "- New contradictions between holders: " << t.new_contradictions << "\n";
  out << "- New reversals: " << t.new_reversals << "\n";
  out << "- Contested propositions: " << t.contested_propositions << " of " << t.propositions
      << "\n";
  out << "- Holders: " << t.holders << "\n\n";
}

void WriteContradictions(std::ostream& out, const Report& r) {
  out << "## New contradictions\n\n";
  if (r.new_contradictions.empty()) out << "None since " << SinceText(r) << ".\n\n";
  int n = 0;
  for (const ContradictionFinding& c : r.new_contradictions) {
    out << "### " << ++n << ". " << (c.concept_level ? "Concept: " : "") << Md(c.text) << "\n\n";
    out << c.pairs << " opposed holder pair" << (c.pairs == 1 ? "" : "s");
    if (c.holder_level != Level::kPerson) out << " · " << LevelName(c.holder_level) << " level";
    if (!c.concept_level && !c.concept_name.empty()) out << " · concept: " << Md(c.concept_name);
    if (c.concept_level) out << " · propositions: " << JoinMd(c.propositions);
    out << "\n\n";
    WriteSide(out, "For", c.for_side);
    WriteSide(out, "Against", c.against_side);
    out << "\n";
  }
  if (r.totals.new_contradictions > r.new_contradictions.size()) {
    out << "… and " << r.totals.new_contradictions - r.new_contradictions.size() << " more.\n\n";
  }
}

void WriteReversals(std::ostream& out, const Report& r) {
  out << "## New reversals\n\n";
  if (r.new_reversals.empty()) out << "None since " << SinceText(r) << ".\n\n";
  int n = 0;
  for (const ReversalFinding& v : r.new_reversals) {
    out << "### " << ++n << ". " << Md(v.holder) << " on “" << Md(v.proposition)
        << "”: " << StanceWord(v.from_polarity) << " → " << StanceWord(v.to_polarity) << "\n\n";
    if (report_internal::SpokeForIt(v)) {
      out << (v.level == Level::kOrganisation ? "An " : "A ") << LevelName(v.level)
          << "-level reversal: " << JoinMd(v.from_holders) << " → " << JoinMd(v.to_holders)
          << "\n\n";
    }
    out << "- **Before** (" << StanceWord(v.from_polarity) << " until " << DateText(v.from_time)
        << "):\n";
    for (const Quote& q : v.before) WriteQuote(out, q, "  ");
    out << "- **After** (" << StanceWord(v.to_polarity) << " from " << DateText(v.to_time)
        << "):\n";
    for (const Quote& q : v.after) WriteQuote(out, q, "  ");
    out << "\n";
  }
  if (r.totals.new_reversals > r.new_reversals.size()) {
    out << "… and " << r.totals.new_reversals - r.new_reversals.size() << " more.\n\n";
  }
}

void WriteContested(std::ostream& out, const Report& r) {
  out << "## Most contested propositions\n\n";
  if (r.contested.empty()) out << "None.\n\n";
  int n = 0;
  for (const ContestedProposition& c : r.contested) {
    out << "### " << ++n << ". " << Md(c.text) << "\n\n";
    out << c.pairs << " opposed holder pair" << (c.pairs == 1 ? "" : "s");
    if (c.new_pairs > 0) out << " (" << c.new_pairs << " new)";
    if (!c.concept_name.empty()) out << " · concept: " << Md(c.concept_name);
    out << "\n\n";
    out << "- **For:** " << JoinMd(c.for_holders) << "\n";
    out << "- **Against:** " << JoinMd(c.against_holders) << "\n";
    if (!c.timeline.empty()) {
      out << "- **Timeline:** ";
      size_t first = c.timeline.size() > kMarkdownTimelinePoints
                         ? c.timeline.size() - kMarkdownTimelinePoints
                         : 0;
      if (first > 0) out << "… ";
      for (size_t i = first; i < c.timeline.size(); ++i) {
        const TimelinePoint& p = c.timeline[i];
        out << (i > first ? "; " : "") << DateText(p.made) << " " << Md(p.holder) << " "
            << (p.polarity > 0 ? "+" : "−");
      }
      out << "\n";
    }
    if (!c.quotes.empty()) out << "- **Latest quotes:**\n";
    for (const Quote& q : c.quotes) WriteQuote(out, q, "  ");
    out << "\n";
  }
}

void WriteConcepts(std::ostream& out, const Report& r) {
  out << "## Most contested concepts\n\n";
  if (r.concepts.empty()) {
    out << "None.\n\n";
    return;
  }
  out << "| Concept | Propositions | Holders | Opposed pairs |\n|---|---:|---:|---:|\n";
  for (const ContestedConcept& c : r.concepts) {
    out << "| " << Md(c.name) << " | " << c.propositions << " | " << c.holders << " | " << c.pairs
        << " |\n";
  }
  out << "\n";
}

void WriteCoalitions(std::ostream& out, const Report& r) {
  out << "## Coalitions\n\n";
  if (r.coalitions.empty()) out << "None (no two holders agree more than they disagree).\n\n";
  for (const CoalitionFinding& c : r.coalitions) {
    out << "- " << JoinMd(c.members) << " — **" << c.movement << "**";
    if (!c.joined.empty()) out << "; joined: " << JoinMd(c.joined);
    if (!c.left.empty()) out << "; left: " << JoinMd(c.left);
    out << "\n";
  }
  if (!r.coalitions.empty()) out << "\n";
}

void WriteActors(std::ostream& out, const Report& r) {
  out << "## Key actors\n\n";
  if (r.actors.empty()) {
    out << "None.\n\n";
    return;
  }
  out << "| Holder | Propositions | Agrees with | Conflicts with | Betweenness |\n"
         "|---|---:|---:|---:|---:|\n";
  for (const KeyActor& a : r.actors) {
    out << "| " << Md(a.name) << " | " << a.propositions << " | " << a.agree_edges << " | "
        << a.conflict_edges << " | " << absl::StrFormat("%.3f", a.betweenness) << " |\n";
  }
  out << "\n";
}

void WriteNetwork(std::ostream& out, const Report& r) {
  out << "## Conflict network\n\n";
  if (r.network.edges.empty()) out << "No conflicts.\n\n";
  for (const NetworkPicture::Edge& e : r.network.edges) {
    if (e.conflict == 0) continue;
    out << "- " << Md(r.network.nodes[e.a]) << " ⟷ " << Md(r.network.nodes[e.b]) << ": "
        << e.conflict << " conflict" << (e.conflict == 1 ? "" : "s") << ", " << e.agree
        << " agreement" << (e.agree == 1 ? "" : "s") << "\n";
  }
  if (!r.network.edges.empty()) out << "\n";
}

}  // namespace

std::string MarkdownEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  // "1." or "1)" at the start would begin an ordered list.
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  const size_t list_mark =
      digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')')
          ? digits
          : std::string_view::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
      case '&':
      case '!':
      case '#':
        out += '\\';
        out += c;
        break;
      case '+':
      case '-':
      case '=':
        // Only special where a line (or a list item) may begin.
        if (i == 0) out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        if (i == list_mark) out += '\\';
        out += c;
    }
  }
  return out;
}

std::string RenderMarkdown(const Report& r) {
  std::ostringstream out;
  out << "# Contradiction report";
  if (r.profile != "default") out << ": " << Md(r.profile);
  out << "\n\n";
  if (r.generated != schema::kNoTime)
    out << "Generated " << schema::FormatTime(r.generated) << ". ";
  out << "New since " << SinceText(r) << " (mention sequence " << r.since_sequence << ", up to "
      << r.until_sequence << ").\n\n";
  WriteSummary(out, r);
  WriteContradictions(out, r);
  WriteReversals(out, r);
  WriteContested(out, r);
  if (r.by_concept) WriteConcepts(out, r);
  WriteCoalitions(out, r);
  WriteActors(out, r);
  WriteNetwork(out, r);
  return out.str();
}

}  // namespace stancegraph::query
