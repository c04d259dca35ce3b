// BuildReport: the "new since" sections (contradictions, reversals) and the
// wiring; the whole-store sections are in report_state.cc.
#include "report/report_build.h"

#include <algorithm>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "stancegraph/query/changes.h"
#include "stancegraph/query/contradictions.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::query {
namespace report_internal {

std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

absl::StatusOr<Quote> Context::ToQuote(const Evidence& e) {
  Quote q{.sequence = e.sequence,
          .holder = records_.Holder(e.holder).name,
          .polarity = e.polarity,
          .text = CollapseSpace(e.quote),
          .predicate = e.predicate,
          .outlet = e.outlet,
          .title = e.title,
          .made = e.made,
          .hedged = e.hedged,
          .conditional = e.conditional,
          .is_new = IsNew(e.sequence)};
  auto link = doc_links_.find(e.document);
  if (link == doc_links_.end()) {
    SG_ASSIGN_OR_RETURN(schema::Document d, db_.GetDocument(e.document, ro_));
    link = doc_links_.emplace(e.document, d.url.empty() ? d.source : d.url).first;
  }
  q.link = link->second;
  auto corrected = corrected_.find(e.document);
  if (corrected == corrected_.end()) {
    SG_ASSIGN_OR_RETURN(auto record, db_.GetCorrectedDocument(e.document, ro_));
    std::vector<std::pair<uint32_t, uint64_t>> applied;
    if (record) applied = std::move(record->applied);
    corrected = corrected_.emplace(e.document, std::move(applied)).first;
  }
  if (e.conditional || !corrected->second.empty()) {
    SG_ASSIGN_OR_RETURN(schema::Mention m, db_.GetMention(e.sequence, ro_));
    if (e.conditional) q.condition = CollapseSpace(m.condition);
    engine::CorrectedDocument applied{.applied = corrected->second};
    q.corrected = applied.AppliedTo(m.ordinal);
  }
  return q;
}

absl::Status Context::LoadLinks() {
  if (!options_.link_paraphrases) return absl::OkStatus();
  SG_ASSIGN_OR_RETURN(links_, PropositionLinks::Build(db_, {.snapshot = options_.snapshot}));
  return absl::OkStatus();
}

absl::StatusOr<Quote> Context::LoadQuote(uint64_t sequence) {
  SG_ASSIGN_OR_RETURN(Evidence e, records_.LoadEvidence(sequence));
  return ToQuote(e);
}

Level ViewLevel(const ReportOptions& options) {
  return options.level.value_or(ContradictionOptions{}.level);
}

absl::StatusOr<ClaimViews> ReadClaimViews(Context& cx) {
  const ViewMapping mapping = cx.mapping();
  ClaimSetBuilder now(mapping), before(mapping);
  ClaimViews views;
  auto it = cx.db().ScanAllByHolder({.snapshot = cx.options().snapshot});
  for (; it->Valid(); it->Next()) {
    const engine::MentionRef& r = it->ref();
    SG_RETURN_IF_ERROR(now.Add(r));
    if (!cx.IsNew(r.sequence)) {
      SG_RETURN_IF_ERROR(before.Add(r));
      views.claims_before.insert(r.claim());
    }
  }
  SG_RETURN_IF_ERROR(it->status());
  views.now = now.Finish();
  views.before = before.Finish();
  return views;
}

}  // namespace report_internal

namespace {

using report_internal::ClaimViews;
using report_internal::Context;

std::vector<std::string> Names(Context& cx, const std::vector<schema::EntityId>& ids) {
  std::vector<std::string> out;
  for (schema::EntityId id : ids) out.push_back(cx.records().Holder(id).name);
  std::sort(out.begin(), out.end());
  return out;
}

// Mentions and documents since the watermark.
absl::Status CountNew(Context& cx, Report& report) {
  std::set<schema::DocumentId> docs;
  auto it = cx.db().ScanByIngest(cx.options().since_sequence, {.snapshot = cx.options().snapshot});
  for (; it->Valid(); it->Next()) {
    ++report.totals.new_mentions;
    SG_ASSIGN_OR_RETURN(schema::Mention m, it->mention());
    docs.insert(m.document);
  }
  SG_RETURN_IF_ERROR(it->status());
  report.totals.new_documents = docs.size();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ReportSide>> ToSides(Context& cx, const ClaimViews& views,
                                                const std::vector<HolderSide>& sides) {
  std::vector<ReportSide> out;
  for (const HolderSide& s : sides) {
    ReportSide side{.holder = s.holder, .name = cx.records().Holder(s.holder).name};
    side.speakers = Names(cx, s.speakers);
    for (schema::ClaimId c : s.claims) {
      if (!views.claims_before.contains(c)) side.is_new = true;
    }
    for (const Evidence& e : s.evidence) {
      SG_ASSIGN_OR_RETURN(Quote q, cx.ToQuote(e));
      side.quotes.push_back(std::move(q));
    }
    out.push_back(std::move(side));
  }
  return out;
}

// Opposed pairs of one proposition in a claim view.
uint64_t PairsOf(const ClaimSet& set, schema::PropositionId p) {
  const auto& claims = set.claims();
  auto begin = std::lower_bound(
      claims.begin(), claims.end(), p,
      [](const ClaimStat& c, schema::PropositionId id) { return c.proposition < id; });
  auto end = begin;
  while (end != claims.end() && end->proposition == p) ++end;
  return SidesOf(std::span<const ClaimStat>(begin, end)).pairs;
}

// A contradiction is new when the mentions since the watermark made an
// opposed pair that was not there before: more pairs on its proposition, or
// (concept level) a side whose claim is new. Only the propositions the new
// mentions touch can have one (ContradictionOptions::since_sequence).
absl::Status AddNewContradictions(Context& cx, const ClaimViews& views, Report& report) {
  ContradictionOptions o{.by_concept = cx.options().by_concept,
                         .level = report_internal::ViewLevel(cx.options()),
                         .link_paraphrases = cx.options().link_paraphrases,
                         .evidence_per_holder = cx.options().quotes,
                         .since_sequence = cx.options().since_sequence};
  o.filter.snapshot = cx.options().snapshot;
  SG_ASSIGN_OR_RETURN(auto it, FindContradictions(cx.db(), o));
  for (; it->Valid(); it->Next()) {
    const Contradiction& c = it->value();
    ContradictionFinding f{.concept_level = c.level == ContradictionLevel::kConcept,
                           .holder_level = c.holder_level,
                           .concept_name = c.concept_name,
                           .pairs = c.pairs};
    f.text = f.concept_level ? c.concept_name : cx.records().Proposition(c.proposition).text;
    for (schema::PropositionId p : c.propositions) {
      f.propositions.push_back(cx.records().Proposition(p).text);
    }
    SG_ASSIGN_OR_RETURN(f.for_side, ToSides(cx, views, c.for_side));
    SG_ASSIGN_OR_RETURN(f.against_side, ToSides(cx, views, c.against_side));
    bool is_new = false;
    if (f.concept_level) {
      auto side_new = [](const ReportSide& s) { return s.is_new; };
      is_new = std::any_of(f.for_side.begin(), f.for_side.end(), side_new) ||
               std::any_of(f.against_side.begin(), f.against_side.end(), side_new);
    } else {
      is_new = PairsOf(views.before, c.proposition) < c.pairs;
    }
    if (!is_new) continue;
    ++report.totals.new_contradictions;
    if (report.new_contradictions.size() < cx.options().max_findings) {
      report.new_contradictions.push_back(std::move(f));
    }
  }
  return it->status();
}

absl::Status AddNewReversals(Context& cx, Report& report) {
  ChangeOptions o{.since_sequence = cx.options().since_sequence,
                  .evidence = cx.options().quotes,
                  .level = cx.options().level,
                  .link_paraphrases = cx.options().link_paraphrases};
  o.filter.snapshot = cx.options().snapshot;
  SG_ASSIGN_OR_RETURN(auto it, FindReversals(cx.db(), o));
  for (; it->Valid(); it->Next()) {
    const Reversal& r = it->value();
    ++report.totals.new_reversals;
    if (report.new_reversals.size() >= cx.options().max_findings) continue;
    ReversalFinding f{.level = r.level,
                      .holder = cx.records().Holder(r.holder).name,
                      .proposition = cx.records().Proposition(r.proposition).text,
                      .from_polarity = r.from.polarity,
                      .to_polarity = r.to.polarity,
                      .from_time = r.from.last_made,
                      .to_time = r.to.first_made,
                      .from_holders = Names(cx, r.from.speakers),
                      .to_holders = Names(cx, r.to.speakers)};
    for (const Evidence& e : r.before) {
      SG_ASSIGN_OR_RETURN(Quote q, cx.ToQuote(e));
      f.before.push_back(std::move(q));
    }
    for (const Evidence& e : r.after) {
      SG_ASSIGN_OR_RETURN(Quote q, cx.ToQuote(e));
      f.after.push_back(std::move(q));
    }
    report.new_reversals.push_back(std::move(f));
  }
  return it->status();
}

}  // namespace

absl::StatusOr<Report> BuildReport(engine::Database& db, const ReportOptions& options) {
  const uint64_t next = db.NextSequence();
  if (options.since_sequence > next) {
    return absl::InvalidArgumentError(absl::StrCat("report: since sequence ",
                                                   options.since_sequence,
                                                   " is past the database's next sequence ", next));
  }
  Context cx(db, options);
  SG_RETURN_IF_ERROR(cx.LoadLinks());
  Report report{.profile = options.profile,
                .level = options.level,
                .by_concept = options.by_concept,
                .generated = options.generated,
                .since_sequence = options.since_sequence,
                .since_time = options.since_time,
                .until_sequence = next};
  SG_RETURN_IF_ERROR(CountNew(cx, report));
  SG_ASSIGN_OR_RETURN(ClaimViews views, report_internal::ReadClaimViews(cx));
  SG_RETURN_IF_ERROR(AddNewContradictions(cx, views, report));
  SG_RETURN_IF_ERROR(AddNewReversals(cx, report));
  SG_RETURN_IF_ERROR(report_internal::AddContested(cx, views, report));
  if (options.by_concept) SG_RETURN_IF_ERROR(report_internal::AddConcepts(cx, views, report));
  SG_RETURN_IF_ERROR(report_internal::AddNetworkSections(cx, views, report));
  return report;
}

}  // namespace stancegraph::query
