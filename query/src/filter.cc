#include "stancegraph/query/filter.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "stancegraph/schema/status_macros.h"

namespace stancegraph::query {

bool Filter::IsEmpty() const {
  return !HasTimeWindow() && concept_name.empty() && propositions.empty() && holders.empty() &&
         holder_types.empty() && !NeedsMentionRecord();
}

bool Filter::HasTimeWindow() const {
  return made_from != schema::kNoTime || made_to != schema::kMaxTime;
}

bool Filter::NeedsMentionRecord() const {
  return !outlet.empty() || min_confidence > 0.0f || hedged != FlagFilter::kInclude ||
         conditional != FlagFilter::kInclude;
}

struct MentionFilter::Caches {
  std::unordered_map<schema::EntityId, bool> holder_ok;
  std::unordered_map<schema::PropositionId, bool> prop_ok;
  std::unordered_map<schema::DocumentId, bool> doc_ok;
};

namespace {

bool FlagPasses(FlagFilter f, bool value) {
  switch (f) {
    case FlagFilter::kInclude:
      return true;
    case FlagFilter::kExclude:
      return !value;
    case FlagFilter::kOnly:
      return value;
  }
  return true;
}

}  // namespace

MentionFilter::MentionFilter(engine::Database& db, const Filter& filter)
    : db_(db), filter_(filter), caches_(std::make_unique<Caches>()) {
  std::sort(filter_.holders.begin(), filter_.holders.end());
  filter_.holders.erase(std::unique(filter_.holders.begin(), filter_.holders.end()),
                        filter_.holders.end());
  std::sort(filter_.propositions.begin(), filter_.propositions.end());
  filter_.propositions.erase(
      std::unique(filter_.propositions.begin(), filter_.propositions.end()),
      filter_.propositions.end());
}

MentionFilter::~MentionFilter() = default;

absl::StatusOr<bool> MentionFilter::AcceptHolder(schema::EntityId holder) {
  if (!filter_.holders.empty() &&
      !std::binary_search(filter_.holders.begin(), filter_.holders.end(), holder)) {
    return false;
  }
  if (filter_.holder_types.empty()) return true;
  auto found = caches_->holder_ok.find(holder);
  if (found != caches_->holder_ok.end()) return found->second;
  SG_ASSIGN_OR_RETURN(schema::Entity e, db_.GetEntity(holder, {.snapshot = filter_.snapshot}));
  bool ok = std::find(filter_.holder_types.begin(), filter_.holder_types.end(), e.type) !=
            filter_.holder_types.end();
  caches_->holder_ok.emplace(holder, ok);
  return ok;
}

absl::StatusOr<bool> MentionFilter::AcceptProposition(schema::PropositionId prop) {
  if (!filter_.propositions.empty() &&
      !std::binary_search(filter_.propositions.begin(), filter_.propositions.end(), prop)) {
    return false;
  }
  if (filter_.concept_name.empty()) return true;
  auto found = caches_->prop_ok.find(prop);
  if (found != caches_->prop_ok.end()) return found->second;
  SG_ASSIGN_OR_RETURN(schema::Proposition p,
                      db_.GetProposition(prop, {.snapshot = filter_.snapshot}));
  bool ok = p.concept_name == filter_.concept_name;
  caches_->prop_ok.emplace(prop, ok);
  return ok;
}

absl::StatusOr<bool> MentionFilter::AcceptKey(const engine::MentionRef& ref) {
  if (filter_.HasTimeWindow() &&
      (ref.made == schema::kNoTime || ref.made < filter_.made_from || ref.made >= filter_.made_to)) {
    return false;
  }
  SG_ASSIGN_OR_RETURN(bool holder_ok, AcceptHolder(ref.holder));
  if (!holder_ok) return false;
  return AcceptProposition(ref.proposition);
}

absl::StatusOr<bool> MentionFilter::AcceptRecord(const schema::Mention& m) {
  if (m.confidence < filter_.min_confidence) return false;
  if (!FlagPasses(filter_.hedged, m.hedged)) return false;
  if (!FlagPasses(filter_.conditional, m.conditional)) return false;
  if (filter_.outlet.empty()) return true;
  auto found = caches_->doc_ok.find(m.document);
  if (found != caches_->doc_ok.end()) return found->second;
  SG_ASSIGN_OR_RETURN(schema::Document d,
                      db_.GetDocument(m.document, {.snapshot = filter_.snapshot}));
  bool ok = d.outlet == filter_.outlet;
  caches_->doc_ok.emplace(m.document, ok);
  return ok;
}

absl::StatusOr<bool> MentionFilter::Accept(const engine::MentionIterator& it) {
  SG_ASSIGN_OR_RETURN(bool key_ok, AcceptKey(it.ref()));
  if (!key_ok || !filter_.NeedsMentionRecord()) return key_ok;
  SG_ASSIGN_OR_RETURN(schema::Mention m, it.mention());
  return AcceptRecord(m);
}

absl::StatusOr<bool> MentionFilter::AcceptRef(const engine::MentionRef& ref) {
  SG_ASSIGN_OR_RETURN(bool key_ok, AcceptKey(ref));
  if (!key_ok || !filter_.NeedsMentionRecord()) return key_ok;
  SG_ASSIGN_OR_RETURN(schema::Mention m,
                      db_.GetMention(ref.sequence, {.snapshot = filter_.snapshot}));
  return AcceptRecord(m);
}

// A list of holders is read holder by holder, a list of propositions
// proposition by proposition: both touch only their own index ranges. A time
// window alone uses the time index; otherwise the whole holder index.
FilteredMentions::FilteredMentions(engine::Database& db, const Filter& filter, bool grouped)
    : db_(db), filter_(db, filter) {
  scan_.snapshot = filter.snapshot;
  scan_.made_from = filter.made_from;
  scan_.made_to = filter.made_to;
  if (!filter.holders.empty()) {
    holder_queue_ = filter_.filter().holders;
    std::reverse(holder_queue_.begin(), holder_queue_.end());
    grouped_ = true;
  } else if (!filter.propositions.empty() && !grouped) {
    prop_queue_ = filter_.filter().propositions;
    std::reverse(prop_queue_.begin(), prop_queue_.end());
  } else {
    grouped_ = grouped || !filter.HasTimeWindow();
  }
  if (OpenNextSource()) Settle();
}

FilteredMentions::~FilteredMentions() = default;

bool FilteredMentions::OpenNextSource() {
  if (!holder_queue_.empty()) {
    it_ = db_.ScanByHolder(holder_queue_.back(), scan_);
    holder_queue_.pop_back();
    return true;
  }
  if (!prop_queue_.empty()) {
    it_ = db_.ScanByProposition(prop_queue_.back(), scan_);
    prop_queue_.pop_back();
    return true;
  }
  if (!filter_.filter().holders.empty() || (!filter_.filter().propositions.empty() && !grouped_) ||
      single_source_done_) {
    it_.reset();
    return false;
  }
  single_source_done_ = true;
  it_ = grouped_ ? db_.ScanAllByHolder(scan_) : db_.ScanByTime(scan_);
  return true;
}

// Moves to the first accepted mention at or after the current position,
// opening the next source when one runs out.
void FilteredMentions::Settle() {
  while (it_ != nullptr) {
    while (it_->Valid()) {
      absl::StatusOr<bool> ok = filter_.Accept(*it_);
      if (!ok.ok()) {
        status_ = ok.status();
        it_.reset();
        return;
      }
      if (*ok) return;
      it_->Next();
    }
    if (!it_->status().ok()) {
      status_ = it_->status();
      it_.reset();
      return;
    }
    if (!OpenNextSource()) return;
  }
}

bool FilteredMentions::Valid() const { return it_ != nullptr && it_->Valid(); }

void FilteredMentions::Next() {
  it_->Next();
  Settle();
}

const engine::MentionRef& FilteredMentions::ref() const { return it_->ref(); }

absl::StatusOr<schema::Mention> FilteredMentions::mention() const { return it_->mention(); }

absl::Status FilteredMentions::status() const { return status_; }

}  // namespace stancegraph::query
