// The HTML form: one self-contained file. A Content-Security-Policy forbids
// scripts and every network fetch, so even a escaping mistake could not run
// article text or leak the reader's address.
#include <sstream>

#include "absl/strings/str_format.h"
#include "report/report_svg.h"
#include "report/report_text.h"
#include "stancegraph/query/report_render.h"
#include "stancegraph/schema/markup_escape.h"

namespace stancegraph::query {
namespace {

using report_internal::DateText;
using report_internal::IsWebLink;
using report_internal::SinceText;
using report_internal::StanceWord;
using schema::HtmlEscape;

constexpr char kStyle[] = R"css(
:root{--for:#1a7f37;--against:#c62828;--muted:#5f6368;--line:#e0e0e0}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f1f1f;background:#fafafa}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1rem 0 .3rem}
.meta,.sub{color:var(--muted);font-size:.9rem}
.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.5rem;padding:0;list-style:none}
.totals li{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.5rem .7rem}
.totals b{display:block;font-size:1.4rem}
.finding{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem;margin:.8rem 0;overflow-wrap:anywhere}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}
@media (max-width:640px){.sides{grid-template-columns:1fr}main{padding:.6rem}h1{font-size:1.3rem}table{font-size:.85rem}}
.side h4{margin:.3rem 0;font-size:.95rem}.for h4{color:var(--for)}.against h4{color:var(--against)}
blockquote{margin:.4rem 0;padding:.3rem .7rem;border-left:4px solid var(--line);background:#f6f6f6}
blockquote.for{border-color:var(--for)}blockquote.against{border-color:var(--against)}
blockquote p{margin:0}blockquote footer{font-size:.85rem;color:var(--muted)}
.flag{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:4px;background:#fff3cd;color:#6b4e00;margin-left:.3rem}
.new{background:#e3f2fd;color:#0d47a1}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left}
td.n{text-align:right}
svg{display:block;width:100%;max-width:36rem;height:auto;background:#fff;border:1px solid var(--line);border-radius:8px}
svg .lbl{font:14px system-ui,sans-serif;fill:#333}svg .row{stroke:var(--line)}svg .node{fill:#455a64}
.legend span{margin-right:1rem}.dot{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;vertical-align:middle}
)css";

std::string H(std::string_view s) { return HtmlEscape(s); }

std::string Names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + H(n);
  return out.empty() ? "–" : out;
}

void WriteQuote(std::ostream& out, const Quote& q) {
  out << "<blockquote class=\"" << StanceWord(q.polarity) << "\"><p>";
  if (q.text.empty()) {
    out << "<em>(no quote: " << H(q.holder) << " " << H(q.predicate) << ")</em>";
  } else {
    out << "“" << H(q.text) << "”";
  }
  out << "</p><footer>" << H(q.holder) << " (" << StanceWord(q.polarity) << ")";
  if (!q.outlet.empty()) out << " · " << H(q.outlet);
  out << " · " << DateText(q.made) << " · ";
  const std::string title = q.title.empty() ? q.link : q.title;
  if (IsWebLink(q.link)) {
    out << "<a href=\"" << H(q.link) << "\" rel=\"noopener noreferrer\">" << H(title) << "</a>";
  } else {
    out << "<cite>" << H(title) << "</cite>";
    if (!q.link.empty() && q.link != title) out << " (" << H(q.link) << ")";
  }
  if (q.hedged) out << "<span class=\"flag\">hedged</span>";
  if (q.conditional) {
    out << "<span class=\"flag\">conditional" << (q.condition.empty() ? "" : ": " + H(q.condition))
        << "</span>";
  }
  if (q.is_new) out << "<span class=\"flag new\">new</span>";
  if (!q.corrected.empty()) out << "<span class=\"flag\">corrected</span>";
  out << "</footer></blockquote>";
}

void WriteSide(std::ostream& out, const char* cls, const char* label,
               const std::vector<ReportSide>& sides) {
  out << "<div class=\"side " << cls << "\"><h4>" << label << "</h4>";
  for (const ReportSide& s : sides) {
    out << "<p><strong>" << H(s.name) << "</strong>";
    if (report_internal::SpokeForIt(s)) out << " (" << Names(s.speakers) << ")";
    out << (s.is_new ? "<span class=\"flag new\">new</span>" : "") << "</p>";
    for (const Quote& q : s.quotes) WriteQuote(out, q);
  }
  out << "</div>";
}

void WriteSummary(std::ostream& out, const Report& r) {
  const ReportTotals& t = r.totals;
  auto item = [&](uint64_t n, const char* what) {
    out << "<li><b>" << n << "</b>" << what << "</li>";
  };
  out << "<section id=\"summary\"><h2>Summary</h2><ul class=\"totals\">";
  item(t.new_mentions, "new claim mentions");
  item(t.new_documents, "new documents");
  item(t.new_contradictions, "new contradictions");
  item(t.new_reversals, "new reversals");
  item(t.contested_propositions, "contested propositions");
  item(t.holders, "holders");
  out << "</ul></section>";
}

void WriteContradictions(std::ostream& out, const Report& r) {
  out << "<section id=\"new-contradictions\"><h2>New contradictions</h2>";
  if (r.new_contradictions.empty()) out << "<p>None since " << H(SinceText(r)) << ".</p>";
  for (const ContradictionFinding& c : r.new_contradictions) {
    out << "<article class=\"finding\"><h3>" << (c.concept_level ? "Concept: " : "") << H(c.text)
        << "</h3><p class=\"sub\">" << c.pairs << " opposed holder pair"
        << (c.pairs == 1 ? "" : "s");
    if (c.holder_level != Level::kPerson) out << " · " << LevelName(c.holder_level) << " level";
    if (!c.concept_level && !c.concept_name.empty()) out << " · concept: " << H(c.concept_name);
    if (c.concept_level) out << " · propositions: " << Names(c.propositions);
    out << "</p><div class=\"sides\">";
    WriteSide(out, "for", "For", c.for_side);
    WriteSide(out, "against", "Against", c.against_side);
    out << "</div></article>";
  }
  if (r.totals.new_contradictions > r.new_contradictions.size()) {
    out << "<p>… and " << r.totals.new_contradictions - r.new_contradictions.size() << " more.</p>";
  }
  out << "</section>";
}

void WriteReversals(std::ostream& out, const Report& r) {
  out << "<section id=\"new-reversals\"><h2>New reversals</h2>";
  if (r.new_reversals.empty()) out << "<p>None since " << H(SinceText(r)) << ".</p>";
  for (const ReversalFinding& v : r.new_reversals) {
    out << "<article class=\"finding\"><h3>" << H(v.holder) << " on “" << H(v.proposition)
        << "”: " << StanceWord(v.from_polarity) << " → " << StanceWord(v.to_polarity) << "</h3>";
    if (report_internal::SpokeForIt(v)) {
      out << "<p class=\"sub\">" << (v.level == Level::kOrganisation ? "An " : "A ")
          << LevelName(v.level) << "-level reversal: " << Names(v.from_holders) << " → "
          << Names(v.to_holders) << "</p>";
    }
    out << "<div class=\"sides\"><div class=\"side " << StanceWord(v.from_polarity)
        << "\"><h4>Before (until " << DateText(v.from_time) << ")</h4>";
    for (const Quote& q : v.before) WriteQuote(out, q);
    out << "</div><div class=\"side " << StanceWord(v.to_polarity) << "\"><h4>After (from "
        << DateText(v.to_time) << ")</h4>";
    for (const Quote& q : v.after) WriteQuote(out, q);
    out << "</div></div></article>";
  }
  out << "</section>";
}

void WriteContested(std::ostream& out, const Report& r) {
  out << "<section id=\"contested-propositions\"><h2>Most contested propositions</h2>"
         "<p class=\"legend sub\"><span><i class=\"dot\" style=\"background:var(--for)\"></i> "
         "for</span><span><i class=\"dot\" style=\"background:var(--against)\"></i> "
         "against</span><span>ringed: new</span></p>";
  if (r.contested.empty()) out << "<p>None.</p>";
  for (const ContestedProposition& c : r.contested) {
    out << "<article class=\"finding\"><h3>" << H(c.text) << "</h3><p class=\"sub\">" << c.pairs
        << " opposed holder pair" << (c.pairs == 1 ? "" : "s");
    if (c.new_pairs > 0) out << " (" << c.new_pairs << " new)";
    if (!c.concept_name.empty()) out << " · concept: " << H(c.concept_name);
    out << "</p><p><strong>For:</strong> " << Names(c.for_holders)
        << "<br><strong>Against:</strong> " << Names(c.against_holders) << "</p>";
    if (!c.timeline.empty()) {
      out << "<div class=\"scroll\">" << report_internal::TimelineSvg(c.timeline, c.text)
          << "</div>";
    }
    for (const Quote& q : c.quotes) WriteQuote(out, q);
    out << "</article>";
  }
  out << "</section>";
}

// Concept-level findings: only with ReportOptions::by_concept.
void WriteConcepts(std::ostream& out, const Report& r) {
  out << "<section id=\"contested-concepts\"><h2>Most contested concepts</h2>";
  if (r.concepts.empty()) {
    out << "<p>None.</p>";
  } else {
    out << "<div class=\"scroll\"><table><tr><th>Concept</th><th>Propositions</th>"
           "<th>Holders</th><th>Opposed pairs</th></tr>";
    for (const ContestedConcept& c : r.concepts) {
      out << "<tr><td>" << H(c.name) << "</td><td class=\"n\">" << c.propositions
          << "</td><td class=\"n\">" << c.holders << "</td><td class=\"n\">" << c.pairs
          << "</td></tr>";
    }
    out << "</table></div>";
  }
  out << "</section>";
}

void WriteTables(std::ostream& out, const Report& r) {
  if (r.by_concept) WriteConcepts(out, r);
  out << "<section id=\"coalitions\"><h2>Coalitions</h2>";
  if (r.coalitions.empty())
    out << "<p>None (no two holders agree more than they disagree).</p>";
  else
    out << "<ul>";
  for (const CoalitionFinding& c : r.coalitions) {
    out << "<li>" << Names(c.members) << " — <strong>" << H(c.movement) << "</strong>";
    if (!c.joined.empty()) out << "; joined: " << Names(c.joined);
    if (!c.left.empty()) out << "; left: " << Names(c.left);
    out << "</li>";
  }
  if (!r.coalitions.empty()) out << "</ul>";
  out << "</section><section id=\"key-actors\"><h2>Key actors</h2>";
  if (r.actors.empty()) {
    out << "<p>None.</p>";
  } else {
    out << "<div class=\"scroll\"><table><tr><th>Holder</th><th>Propositions</th>"
           "<th>Agrees with</th><th>Conflicts with</th><th>Betweenness</th></tr>";
    for (const KeyActor& a : r.actors) {
      out << "<tr><td>" << H(a.name) << "</td><td class=\"n\">" << a.propositions
          << "</td><td class=\"n\">" << a.agree_edges << "</td><td class=\"n\">" << a.conflict_edges
          << "</td><td class=\"n\">" << absl::StrFormat("%.3f", a.betweenness) << "</td></tr>";
    }
    out << "</table></div>";
  }
  out << "</section>";
}

}  // namespace

std::string RenderHtml(const Report& r) {
  std::ostringstream out;
  const std::string title =
      "Contradiction report" + (r.profile == "default" ? "" : ": " + r.profile);
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; img-src data:\">"
         "<title>"
      << H(title) << "</title><style>" << kStyle << "</style></head>\n<body><main><header><h1>"
      << H(title) << "</h1><p class=\"meta\">";
  if (r.generated != schema::kNoTime)
    out << "Generated " << schema::FormatTime(r.generated) << ". ";
  out << "New since " << H(SinceText(r)) << " (mention sequence " << r.since_sequence << ", up to "
      << r.until_sequence << ").</p></header>\n";
  WriteSummary(out, r);
  WriteContradictions(out, r);
  WriteReversals(out, r);
  WriteContested(out, r);
  WriteTables(out, r);
  out << "<section id=\"conflict-network\"><h2>Conflict network</h2>";
  if (r.network.nodes.empty())
    out << "<p>No conflicts.</p>";
  else
    out << "<p class=\"sub\">Red: mostly conflict; dashed green: mostly agreement.</p>"
        << "<div class=\"scroll\">" << report_internal::NetworkSvg(r.network) << "</div>";
  out << "</section></main></body></html>\n";
  return out.str();
}

}  // namespace stancegraph::query
