#include "claim_rows.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "stancegraph/query/filter.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/json_codec.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::python {

// One of three scans: every mention in ingest order (no filter), one
// document's mentions checked against the filter, or the filter's own scan.
struct ClaimRows::State {
  std::unique_ptr<engine::Snapshot> snapshot;
  engine::ReadOptions ro;
  std::unique_ptr<engine::MentionIterator> plain;
  std::unique_ptr<query::MentionFilter> check;  // with `plain`, when filtering
  std::unique_ptr<query::FilteredMentions> filtered;
  absl::flat_hash_map<schema::EntityId, schema::Entity> entities;
  absl::flat_hash_map<schema::PropositionId, schema::Proposition> props;
  schema::Document doc;  // the last document read, with its text

  bool Valid() const { return filtered ? filtered->Valid() : plain->Valid(); }
  void Next() { filtered ? filtered->Next() : plain->Next(); }
  const engine::MentionRef& ref() const { return filtered ? filtered->ref() : plain->ref(); }
  absl::StatusOr<schema::Mention> mention() const {
    return filtered ? filtered->mention() : plain->mention();
  }
  absl::Status status() const { return filtered ? filtered->status() : plain->status(); }

  // Skips what the filter rejects (the plain scan of one document).
  absl::Status Settle() {
    if (check == nullptr) return absl::OkStatus();
    for (; plain->Valid(); plain->Next()) {
      SG_ASSIGN_OR_RETURN(bool ok, check->Accept(*plain));
      if (ok) break;
    }
    return absl::OkStatus();
  }

  absl::StatusOr<nlohmann::json> Row(engine::Database& db) {
    const engine::MentionRef& r = ref();
    schema::ClaimRecord rec;
    SG_ASSIGN_OR_RETURN(rec.mention, mention());
    if (doc.id != rec.mention.document) {
      SG_ASSIGN_OR_RETURN(doc, db.GetDocument(rec.mention.document, ro));
    }
    rec.document = doc;
    rec.document.text.clear();
    rec.document.furniture.clear();
    auto e = entities.find(r.holder);
    if (e == entities.end()) {
      SG_ASSIGN_OR_RETURN(schema::Entity entity, db.GetEntity(r.holder, ro));
      e = entities.emplace(r.holder, std::move(entity)).first;
    }
    rec.holder = e->second;
    auto p = props.find(r.proposition);
    if (p == props.end()) {
      SG_ASSIGN_OR_RETURN(schema::Proposition prop, db.GetProposition(r.proposition, ro));
      p = props.emplace(r.proposition, std::move(prop)).first;
    }
    rec.proposition = p->second;
    rec.claim = {
        .id = r.claim(), .holder = r.holder, .proposition = r.proposition, .polarity = r.polarity};
    nlohmann::json row = nlohmann::json::parse(schema::ClaimRecordToJson(rec));
    row["sequence"] = r.sequence;
    const std::optional<schema::Span> span =
        rec.mention.sentence.has_value() ? rec.mention.sentence : rec.mention.content;
    if (span.has_value() && span->begin <= span->end && span->end <= doc.text.size()) {
      row["quote"] = doc.text.substr(span->begin, span->end - span->begin);
    }
    return row;
  }
};

namespace {

// A document named by id, else by its source or URL as imported.
absl::StatusOr<schema::DocumentId> ResolveDocument(engine::Database& db, const std::string& text,
                                                   const engine::ReadOptions& ro) {
  if (std::optional<uint64_t> id = schema::ParseId(text)) {
    SG_ASSIGN_OR_RETURN(bool stored, db.HasDocument(*id, ro));
    if (stored) return *id;
  }
  auto it = db.Documents(ro);
  for (; it->Valid(); it->Next()) {
    if (it->value().source == text || (!it->value().url.empty() && it->value().url == text)) {
      return it->value().id;
    }
  }
  SG_RETURN_IF_ERROR(it->status());
  return absl::NotFoundError(
      absl::StrCat("document \"", text, "\": no stored document has this id, source or URL"));
}

}  // namespace

ClaimRows::ClaimRows(std::shared_ptr<StoreHandle> handle) : handle_(std::move(handle)) {}

absl::StatusOr<std::unique_ptr<ClaimRows>> ClaimRows::Start(std::shared_ptr<StoreHandle> handle,
                                                            const ClaimQuery& q) {
  std::unique_ptr<ClaimRows> rows(new ClaimRows(handle));
  SG_RETURN_IF_ERROR(handle->Run([&](engine::Database& db) -> absl::Status {
    auto s = std::make_unique<State>();
    s->snapshot = db.GetSnapshot();
    s->ro.snapshot = s->snapshot.get();
    SG_ASSIGN_OR_RETURN(query::Filter filter, query::ResolveFilter(db, q.filter));
    filter.snapshot = s->snapshot.get();
    if (!q.document.empty()) {
      SG_ASSIGN_OR_RETURN(schema::DocumentId doc, ResolveDocument(db, q.document, s->ro));
      s->plain = db.ScanByDocument(doc, {.snapshot = s->snapshot.get()});
      s->check = std::make_unique<query::MentionFilter>(db, filter);
    } else if (filter.IsEmpty()) {
      s->plain = db.ScanByIngest(0, {.snapshot = s->snapshot.get()});
    } else {
      s->filtered = std::make_unique<query::FilteredMentions>(db, filter);
    }
    SG_RETURN_IF_ERROR(s->Settle());
    rows->state_ = std::move(s);
    handle->Register(rows.get());
    return absl::OkStatus();
  }));
  return rows;
}

ClaimRows::~ClaimRows() {
  auto lock = handle_->LockShared();
  handle_->Unregister(this);
  state_.reset();
}

void ClaimRows::End() { state_.reset(); }

absl::StatusOr<std::vector<nlohmann::json>> ClaimRows::Next(size_t max) {
  return handle_->Run([&](engine::Database& db) -> absl::StatusOr<std::vector<nlohmann::json>> {
    std::vector<nlohmann::json> rows;
    if (state_ == nullptr) return rows;
    while (rows.size() < max && state_->Valid()) {
      SG_ASSIGN_OR_RETURN(nlohmann::json row, state_->Row(db));
      rows.push_back(std::move(row));
      state_->Next();
      SG_RETURN_IF_ERROR(state_->Settle());
    }
    if (!state_->Valid()) {
      absl::Status status = state_->status();
      state_.reset();
      handle_->Unregister(this);
      SG_RETURN_IF_ERROR(status);
    }
    return rows;
  });
}

}  // namespace stancegraph::python
