// The Database calls that read: point reads, snapshots, the sequence at a
// time, proposition sides, named values and stats; and flushing, catching
// up a secondary, and the storage-fault state every write consults.
#include "database_impl.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "fault_listener.h"
#include "keys.h"
#include "rocks_status.h"
#include "stancegraph/schema/binary_codec.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/parallel.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/strings.h"

namespace stancegraph::engine {
namespace {

class SnapshotImpl final : public Snapshot {
 public:
  // A secondary has no snapshots; its view changes only in CatchUp().
  // `fallback` is the next sequence when the snapshot has no counter yet.
  SnapshotImpl(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* meta, bool secondary,
               uint64_t fallback)
      : db_(db), snapshot_(secondary ? nullptr : db->GetSnapshot()), next_sequence_(fallback) {
    rocksdb::ReadOptions ro;
    ro.snapshot = snapshot_;
    std::string v;
    if (db->Get(ro, meta, keys::kNextSequenceKey, &v).ok() && v.size() == 8) {
      next_sequence_ = std::max<uint64_t>(1, keys::GetU64(v.data()));
    }
  }
  ~SnapshotImpl() override {
    if (snapshot_) db_->ReleaseSnapshot(snapshot_);
  }
  const rocksdb::Snapshot* get() const { return snapshot_; }
  uint64_t next_sequence() const override { return next_sequence_; }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
  uint64_t next_sequence_;
};

}  // namespace

rocksdb::ReadOptions DatabaseImpl::MakeReadOptions(const Snapshot* snapshot) const {
  rocksdb::ReadOptions ro;
  if (snapshot) ro.snapshot = static_cast<const SnapshotImpl*>(snapshot)->get();
  return ro;
}

absl::StatusOr<std::string> DatabaseImpl::Get(Cf c, std::string_view key, const ReadOptions& ro) {
  std::string value;
  auto s = db_->Get(MakeReadOptions(ro.snapshot), cf(c), rocksdb::Slice(key.data(), key.size()),
                    &value);
  if (s.IsNotFound()) return absl::NotFoundError("not found");
  if (!s.ok()) return FromRocks(s, absl::StrCat("read ", Av(kCfNames[c])));
  return value;
}

absl::StatusOr<bool> DatabaseImpl::HasDocument(schema::DocumentId id, const ReadOptions& ro) {
  auto v = Get(kDocs, keys::U64Key(id), ro);
  if (absl::IsNotFound(v.status())) return false;
  SG_RETURN_IF_ERROR(v.status());
  return true;
}

namespace {
template <typename T, typename Decode>
absl::StatusOr<T> DecodeOrNotFound(absl::StatusOr<std::string> v, Decode decode, const char* what,
                                   uint64_t id) {
  if (absl::IsNotFound(v.status())) {
    return absl::NotFoundError(absl::StrCat("no ", what, " ", schema::FormatId(id)));
  }
  SG_RETURN_IF_ERROR(v.status());
  auto decoded = decode(*v);
  if (!decoded.ok()) {
    return absl::DataLossError(
        absl::StrCat(what, " ", schema::FormatId(id), ": ", decoded.status().message()));
  }
  return decoded;
}
}  // namespace

absl::StatusOr<schema::Document> DatabaseImpl::GetDocument(schema::DocumentId id,
                                                           const ReadOptions& ro) {
  return DecodeOrNotFound<schema::Document>(Get(kDocs, keys::U64Key(id), ro),
                                            schema::DecodeDocument, "document", id);
}

absl::StatusOr<schema::Entity> DatabaseImpl::GetEntity(schema::EntityId id,
                                                       const ReadOptions& ro) {
  return DecodeOrNotFound<schema::Entity>(Get(kEntities, keys::U64Key(id), ro),
                                          schema::DecodeEntity, "entity", id);
}

absl::StatusOr<schema::Proposition> DatabaseImpl::GetProposition(schema::PropositionId id,
                                                                 const ReadOptions& ro) {
  return DecodeOrNotFound<schema::Proposition>(Get(kProps, keys::U64Key(id), ro),
                                               schema::DecodeProposition, "proposition", id);
}

absl::StatusOr<schema::Claim> DatabaseImpl::GetClaim(schema::ClaimId id, const ReadOptions& ro) {
  return DecodeOrNotFound<schema::Claim>(Get(kClaims, keys::U64Key(id), ro), schema::DecodeClaim,
                                         "claim", id);
}

absl::StatusOr<schema::Mention> DatabaseImpl::GetMention(uint64_t sequence,
                                                         const ReadOptions& ro) {
  auto decode = [](std::string_view v) -> absl::StatusOr<schema::Mention> {
    if (v.size() < keys::kMentionHeader) return absl::DataLossError("truncated mention entry");
    return schema::DecodeMention(v.substr(keys::kMentionHeader));
  };
  return DecodeOrNotFound<schema::Mention>(Get(kMentions, keys::U64Key(sequence), ro), decode,
                                           "mention", sequence);
}

absl::StatusOr<schema::Entity> DatabaseImpl::FindEntity(std::string_view name,
                                                        const ReadOptions& ro) {
  auto v = Get(kAliases, schema::NormalizeKey(name), ro);
  if (absl::IsNotFound(v.status())) {
    return absl::NotFoundError(absl::StrCat("no entity named \"", Av(name), "\""));
  }
  SG_RETURN_IF_ERROR(v.status());
  if (v->size() != 8) return absl::DataLossError(absl::StrCat("damaged alias entry for ", Av(name)));
  return GetEntity(keys::GetU64(v->data()), ro);
}

std::unique_ptr<Snapshot> DatabaseImpl::GetSnapshot() {
  // Read before the snapshot is taken, so a write in between cannot make
  // the fallback run ahead of what the snapshot sees.
  const uint64_t fallback = NextSequence();
  return std::make_unique<SnapshotImpl>(db_.get(), cf(kMeta), mode_ == AccessMode::kSecondary,
                                        fallback);
}

absl::StatusOr<uint64_t> DatabaseImpl::SequenceAt(schema::Timestamp t, const ReadOptions& ro) {
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(MakeReadOptions(ro.snapshot), cf(kIngestLog)));
  it->Seek(keys::U64Key(keys::TimeBits(t)));
  if (it->Valid() && it->value().size() == 8) return keys::GetU64(it->value().data());
  SG_RETURN_IF_ERROR(FromRocks(it->status(), "read ingest log"));
  return ro.snapshot != nullptr ? ro.snapshot->next_sequence() : NextSequence();
}

absl::Status DatabaseImpl::ReadPropositionSides(absl::Span<const schema::PropositionId> props,
                                                const rocksdb::ReadOptions& ro,
                                                PropositionSides* out) {
  std::vector<std::string> key_bytes;
  key_bytes.reserve(props.size());
  for (schema::PropositionId p : props) key_bytes.push_back(keys::U64Key(p));
  std::vector<rocksdb::Slice> keys_in(key_bytes.begin(), key_bytes.end());
  std::vector<rocksdb::PinnableSlice> values(props.size());
  std::vector<rocksdb::Status> statuses(props.size());
  db_->MultiGet(ro, cf(kPropSides), keys_in.size(), keys_in.data(), values.data(),
                statuses.data(), /*sorted_input=*/std::is_sorted(props.begin(), props.end()));
  for (size_t i = 0; i < props.size(); ++i) {
    if (statuses[i].IsNotFound()) continue;
    SG_RETURN_IF_ERROR(FromRocks(statuses[i], absl::StrCat("read prop_sides of ", dir_)));
    if (!keys::DecodeSides(View(values[i]), &out[i])) {
      return absl::DataLossError(
          absl::StrCat(dir_, ": damaged prop_sides entry for ", schema::FormatId(props[i])));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<PropositionSides>> DatabaseImpl::GetPropositionSides(
    absl::Span<const schema::PropositionId> props, const ReadOptions& ro) {
  // A MultiGet searches each file's index once per key, so a big batch is
  // cut in consecutive pieces read at once.
  const size_t pieces = schema::PiecesFor(props.size(), /*min_per_piece=*/2048);
  const rocksdb::ReadOptions read = MakeReadOptions(ro.snapshot);
  std::vector<PropositionSides> out(props.size());
  std::vector<absl::Status> status(pieces);
  schema::RunPieces(pieces, [&](size_t i) {
    const size_t first = props.size() * i / pieces, last = props.size() * (i + 1) / pieces;
    status[i] = ReadPropositionSides(props.subspan(first, last - first), read, &out[first]);
  });
  for (const absl::Status& s : status) SG_RETURN_IF_ERROR(s);
  return out;
}

absl::StatusOr<std::optional<WriteChanges>> DatabaseImpl::GetWriteChanges(
    uint64_t first_sequence, uint64_t end_sequence, const ReadOptions& ro) {
  WriteChanges sum{.first_sequence = first_sequence, .end_sequence = first_sequence};
  if (end_sequence <= first_sequence) return sum;
  const std::string lower = keys::WriteChangesKey(first_sequence);
  const std::string upper = keys::WriteChangesKey(end_sequence);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions read = MakeReadOptions(ro.snapshot);
  read.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(read, cf(kMeta)));
  WriteChanges one;
  for (it->Seek(lower); it->Valid(); it->Next()) {
    if (!keys::DecodeWriteChanges(View(it->key()), View(it->value()), &one)) {
      return absl::DataLossError(absl::StrCat(
          dir_, ": damaged record of what a write changed; run `stancegraph check`"));
    }
    // A gap or an overlap: a write that kept no record, or a range that
    // starts or ends inside one.
    if (one.first_sequence != sum.end_sequence || one.end_sequence > end_sequence) {
      return std::nullopt;
    }
    sum.end_sequence = one.end_sequence;
    sum.pairs_added += one.pairs_added;
    sum.propositions.insert(sum.propositions.end(), one.propositions.begin(),
                            one.propositions.end());
  }
  SG_RETURN_IF_ERROR(FromRocks(it->status(), absl::StrCat("read write records of ", dir_)));
  if (sum.end_sequence != end_sequence) return std::nullopt;
  return sum;
}

absl::StatusOr<std::string> DatabaseImpl::GetMeta(std::string_view name, const ReadOptions& ro) {
  auto v = Get(kMeta, absl::StrCat(keys::kUserMetaPrefix, Av(name)), ro);
  if (absl::IsNotFound(v.status())) {
    return absl::NotFoundError(absl::StrCat("no value named \"", Av(name), "\""));
  }
  return v;
}

absl::Status DatabaseImpl::PutMeta(std::string_view name, std::string_view value) {
  if (mode_ != AccessMode::kReadWrite) {
    return absl::FailedPreconditionError(absl::StrCat(dir_, " is open read-only"));
  }
  SG_RETURN_IF_ERROR(WriteFault());
  rocksdb::WriteOptions wo;
  wo.sync = true;
  auto s = db_->Put(wo, cf(kMeta), absl::StrCat(keys::kUserMetaPrefix, Av(name)),
                    rocksdb::Slice(value.data(), value.size()));
  return NoteWrite(FromRocks(s, absl::StrCat("write ", Av(name), " to ", dir_)));
}

absl::StatusOr<std::vector<std::pair<std::string, std::string>>> DatabaseImpl::ListMeta(
    std::string_view prefix, const ReadOptions& ro) {
  const std::string start = absl::StrCat(keys::kUserMetaPrefix, Av(prefix));
  std::vector<std::pair<std::string, std::string>> out;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(MakeReadOptions(ro.snapshot), cf(kMeta)));
  for (it->Seek(start); it->Valid() && it->key().starts_with(start); it->Next()) {
    out.emplace_back(std::string(View(it->key()).substr(sizeof(keys::kUserMetaPrefix) - 1)),
                     std::string(View(it->value())));
  }
  SG_RETURN_IF_ERROR(FromRocks(it->status(), absl::StrCat("list values of ", dir_)));
  return out;
}

absl::StatusOr<Stats> DatabaseImpl::GetStats(const ReadOptions& ro) {
  Stats st;
  {
    std::lock_guard lock(write_mu_);
    st.documents = document_count_;
    st.mentions = mention_count_;
  }
  auto count = [&](Cf c, uint64_t* out) -> absl::Status {
    auto opts = MakeReadOptions(ro.snapshot);
    opts.total_order_seek = true;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(opts, cf(c)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) ++*out;
    return FromRocks(it->status(), absl::StrCat("count ", Av(kCfNames[c])));
  };
  SG_RETURN_IF_ERROR(count(kEntities, &st.entities));
  SG_RETURN_IF_ERROR(count(kProps, &st.propositions));
  SG_RETURN_IF_ERROR(count(kClaims, &st.claims));
  uint64_t size = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_, ec)) {
    if (entry.is_regular_file(ec)) size += entry.file_size(ec);
  }
  st.disk_bytes = size;
  return st;
}

absl::Status DatabaseImpl::CatchUp() {
  if (mode_ != AccessMode::kSecondary) return absl::OkStatus();
  SG_RETURN_IF_ERROR(FromRocks(db_->TryCatchUpWithPrimary(), absl::StrCat("catch up ", dir_)));
  std::lock_guard lock(write_mu_);
  return LoadState(kFormatVersion);
}

absl::Status DatabaseImpl::Flush() {
  if (mode_ != AccessMode::kReadWrite) return absl::OkStatus();
  SG_RETURN_IF_ERROR(WriteFault());
  rocksdb::FlushOptions fo;
  return NoteWrite(FromRocks(db_->Flush(fo, handles_), absl::StrCat("flush ", dir_)));
}

absl::Status DatabaseImpl::WriteFault() const {
  if (faults_ == nullptr) return absl::OkStatus();
  absl::Status first = faults_->first();
  if (first.ok()) return first;
  absl::Status out(first.code(),
                   absl::StrCat(dir_, " stopped writing after a storage fault: ", first.message()));
  first.ForEachPayload(
      [&](absl::string_view url, const absl::Cord& payload) { out.SetPayload(url, payload); });
  return out;
}

absl::Status DatabaseImpl::NoteWrite(absl::Status s) {
  if (faults_ != nullptr) faults_->Note(s);
  return s;
}

}  // namespace stancegraph::engine
