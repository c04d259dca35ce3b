// Correction records and corrected documents in the `default` family
// (engine/FORMAT.md, "Corrections"), and applying corrections on write.
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "database_impl.h"
#include "keys.h"
#include "rocks_status.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/strings.h"
#include "stancegraph/schema/validate.h"

namespace stancegraph::engine {
namespace {

constexpr std::string_view kCorrectionPrefix = "correction/";
constexpr std::string_view kCorrectedPrefix = "corrected/";

std::string CorrectionKey(uint64_t id) {
  return absl::StrCat(Av(kCorrectionPrefix), Av(keys::U64Key(id)));
}
std::string CorrectedKey(schema::DocumentId doc) {
  return absl::StrCat(Av(kCorrectedPrefix), Av(keys::U64Key(doc)));
}

}  // namespace

absl::StatusOr<Correction> DatabaseImpl::AddCorrection(Correction c) {
  SG_RETURN_IF_ERROR(CheckWritable());
  std::lock_guard lock(write_mu_);
  SG_ASSIGN_OR_RETURN(std::vector<Correction> all, ListCorrections({}));
  c.id = all.empty() ? 1 : all.back().id + 1;
  if (c.when == schema::kNoTime) c.when = absl::ToUnixMicros(absl::Now());
  std::string value;
  EncodeCorrection(c, &value);
  rocksdb::WriteOptions wo;
  wo.sync = !bulk_load_;
  wo.disableWAL = bulk_load_;
  SG_RETURN_IF_ERROR(FromRocks(db_->Put(wo, cf(kMeta), CorrectionKey(c.id), value),
                               absl::StrCat("write correction ", c.id, " to ", dir_)));
  return c;
}

absl::Status DatabaseImpl::PutCorrection(const Correction& c) {
  SG_RETURN_IF_ERROR(CheckWritable());
  if (c.id == 0) return absl::InvalidArgumentError("a correction needs an id (1 or more)");
  std::string value;
  EncodeCorrection(c, &value);
  rocksdb::WriteOptions wo;
  wo.sync = !bulk_load_;
  wo.disableWAL = bulk_load_;
  return FromRocks(db_->Put(wo, cf(kMeta), CorrectionKey(c.id), value),
                   absl::StrCat("write correction ", c.id, " to ", dir_));
}

absl::StatusOr<std::vector<Correction>> DatabaseImpl::ListCorrections(const ReadOptions& ro) {
  std::vector<Correction> out;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(MakeReadOptions(ro.snapshot), cf(kMeta)));
  const rocksdb::Slice prefix(kCorrectionPrefix.data(), kCorrectionPrefix.size());
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    auto c = DecodeCorrection(std::string_view(it->value().data(), it->value().size()));
    if (!c.ok()) {
      return absl::DataLossError(absl::StrCat(
          dir_, ": correction record ", it->key().ToString(true), ": ", c.status().message()));
    }
    out.push_back(*std::move(c));
  }
  SG_RETURN_IF_ERROR(FromRocks(it->status(), absl::StrCat("list corrections of ", dir_)));
  return out;
}

absl::StatusOr<std::optional<CorrectedDocument>> DatabaseImpl::GetCorrectedDocument(
    schema::DocumentId doc, const ReadOptions& ro) {
  auto v = Get(kMeta, CorrectedKey(doc), ro);
  if (absl::IsNotFound(v.status())) return std::optional<CorrectedDocument>();
  SG_RETURN_IF_ERROR(v.status());
  auto d = DecodeCorrectedDocument(*v);
  if (!d.ok()) {
    return absl::DataLossError(absl::StrCat(dir_, ": corrected document ", schema::FormatId(doc),
                                            ": ", d.status().message()));
  }
  return std::optional<CorrectedDocument>(*std::move(d));
}

absl::StatusOr<std::vector<schema::DocumentId>> DatabaseImpl::CorrectedDocuments(
    const ReadOptions& ro) {
  std::vector<schema::DocumentId> out;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(MakeReadOptions(ro.snapshot), cf(kMeta)));
  const rocksdb::Slice prefix(kCorrectedPrefix.data(), kCorrectedPrefix.size());
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    key.remove_prefix(kCorrectedPrefix.size());
    if (key.size() == 8) out.push_back(keys::GetU64(key.data()));
  }
  SG_RETURN_IF_ERROR(FromRocks(it->status(), absl::StrCat("list corrected documents of ", dir_)));
  return out;
}

absl::StatusOr<std::vector<Correction>> DatabaseImpl::ActiveCorrections() {
  SG_ASSIGN_OR_RETURN(std::vector<Correction> all, ListCorrections({}));
  std::erase_if(all, [](const Correction& c) { return !c.active(); });
  return all;
}

absl::StatusOr<const schema::DocumentClaims*> DatabaseImpl::Correct(
    const schema::DocumentClaims& d, absl::Span<const Correction> corrections,
    schema::Timestamp ingested, Sink& sink, StagingState* state, schema::DocumentClaims* storage) {
  if (corrections.empty()) return &d;
  schema::DocumentClaims& corrected = *storage;
  CorrectedDocument record;
  ApplyCorrections(corrections, d, &corrected, &record);
  if (record.applied.empty()) return &d;
  record.base.document.ingested = ingested;
  std::string value;
  EncodeCorrectedDocument(record, &value);
  sink.Put(kMeta, CorrectedKey(d.document.id), value);
  if (record.deleted) {
    ++state->summary.documents_deleted;
    return nullptr;
  }
  if (auto s = schema::ValidateDocumentClaims(corrected); !s.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("document ", schema::FormatId(d.document.id), " as corrected: ", s.message()));
  }
  return &corrected;
}

}  // namespace stancegraph::engine
