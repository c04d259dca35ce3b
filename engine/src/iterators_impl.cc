// Index scans. Each mention index stores enough in its key and value to
// rebuild a MentionRef without a second read; mention() fetches the record.
#include <algorithm>
#include <functional>

#include "absl/strings/str_cat.h"
#include "database_impl.h"
#include "keys.h"
#include "rocks_status.h"
#include "stancegraph/schema/binary_codec.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/strings.h"

namespace stancegraph::engine {
namespace {

using Decoder = bool (*)(std::string_view, std::string_view, MentionRef*);
constexpr int kAnyPolarity = 2;


class MentionIteratorImpl final : public MentionIterator {
 public:
  MentionIteratorImpl(DatabaseImpl* db, Cf c, std::string lower, std::string upper,
                      Decoder decode, const ScanOptions& so, bool filter_time, int polarity)
      : db_(db), lower_(std::move(lower)), upper_(std::move(upper)), decode_(decode),
        so_(so), filter_time_(filter_time), polarity_(polarity) {
    ro_ = db->MakeReadOptions(so.snapshot);
    if (!upper_.empty()) {
      upper_slice_ = rocksdb::Slice(upper_);
      ro_.iterate_upper_bound = &upper_slice_;
    }
    ro_.total_order_seek = true;
    // Large read-ahead pays off only for long scans; a short prefix scan
    // would read megabytes it never uses.
    if (upper_.empty() || lower_.empty()) ro_.readahead_size = 2u << 20;
    it_.reset(db->db()->NewIterator(ro_, db->cf(c)));
    if (lower_.empty()) it_->SeekToFirst();
    else it_->Seek(lower_);
    Settle();
  }

  bool Valid() const override { return valid_; }
  void Next() override {
    it_->Next();
    Settle();
  }
  const MentionRef& ref() const override { return ref_; }
  absl::StatusOr<schema::Mention> mention() const override {
    return db_->GetMention(ref_.sequence, ReadOptions{.snapshot = so_.snapshot});
  }
  absl::Status status() const override { return status_; }

 private:
  // Moves to the next entry inside the bounds and time window.
  void Settle() {
    valid_ = false;
    for (; it_->Valid(); it_->Next()) {
      if (!decode_(View(it_->key()), View(it_->value()), &ref_)) {
        status_ = absl::DataLossError(absl::StrCat(db_->path(), ": damaged index entry"));
        return;
      }
      if (filter_time_ && (ref_.made < so_.made_from || ref_.made >= so_.made_to)) continue;
      if (polarity_ != kAnyPolarity && ref_.polarity != polarity_) continue;
      valid_ = true;
      return;
    }
    status_ = FromRocks(it_->status(), absl::StrCat("scan ", db_->path()));
  }

  DatabaseImpl* db_;
  std::string lower_, upper_;
  rocksdb::Slice upper_slice_;
  Decoder decode_;
  ScanOptions so_;
  bool filter_time_;
  int polarity_;
  rocksdb::ReadOptions ro_;
  std::unique_ptr<rocksdb::Iterator> it_;
  MentionRef ref_;
  bool valid_ = false;
  absl::Status status_;
};

using ClaimDecoder = bool (*)(std::string_view, schema::Claim*);

class ClaimIteratorImpl final : public ClaimIterator {
 public:
  // Keys in [lower, upper); an empty bound is open. `whole` marks a scan of a
  // large share of the family, which reads ahead.
  ClaimIteratorImpl(DatabaseImpl* db, Cf c, std::string lower, std::string upper,
                    ClaimDecoder decode, const ReadOptions& ro, bool whole)
      : db_(db), upper_(std::move(upper)), decode_(decode) {
    ro_ = db->MakeReadOptions(ro.snapshot);
    ro_.total_order_seek = true;
    if (whole) ro_.readahead_size = 2u << 20;
    if (!upper_.empty()) {
      upper_slice_ = rocksdb::Slice(upper_);
      ro_.iterate_upper_bound = &upper_slice_;
    }
    it_.reset(db->db()->NewIterator(ro_, db->cf(c)));
    if (lower.empty()) it_->SeekToFirst();
    else it_->Seek(lower);
    Settle();
  }
  bool Valid() const override { return valid_; }
  void Next() override {
    it_->Next();
    Settle();
  }
  // The id is a hash of the other fields: made on first request, as whole-
  // store counts never ask for it.
  const schema::Claim& claim() const override {
    if (claim_.id == 0) claim_.id = schema::MakeClaimId(claim_.holder, claim_.proposition,
                                                        claim_.polarity);
    return claim_;
  }
  absl::Status status() const override { return status_; }

 private:
  void Settle() {
    valid_ = it_->Valid();
    if (valid_ && !decode_(View(it_->key()), &claim_)) {
      valid_ = false;
      status_ = absl::DataLossError(absl::StrCat(db_->path(), ": damaged claim index entry"));
    }
    if (!valid_ && status_.ok()) status_ = FromRocks(it_->status(), "scan claims");
  }
  DatabaseImpl* db_;
  std::string upper_;
  rocksdb::Slice upper_slice_;
  ClaimDecoder decode_;
  rocksdb::ReadOptions ro_;
  std::unique_ptr<rocksdb::Iterator> it_;
  mutable schema::Claim claim_;
  bool valid_ = false;
  absl::Status status_;
};

template <typename T>
class RecordIteratorImpl final : public RecordIterator<T> {
 public:
  using Decode = absl::StatusOr<T> (*)(std::string_view);
  RecordIteratorImpl(DatabaseImpl* db, Cf c, Decode decode, const ReadOptions& ro)
      : decode_(decode), skip_(c == kMentions ? keys::kMentionHeader : 0), db_(db), cf_(c) {
    ro_ = db->MakeReadOptions(ro.snapshot);
    ro_.total_order_seek = true;
    it_.reset(db->db()->NewIterator(ro_, db->cf(c)));
    it_->SeekToFirst();
    Settle();
  }
  bool Valid() const override { return valid_; }
  void Next() override {
    it_->Next();
    Settle();
  }
  const T& value() const override { return value_; }
  absl::Status status() const override { return status_; }

 private:
  void Settle() {
    valid_ = false;
    if (!it_->Valid()) {
      status_ = FromRocks(it_->status(), "scan records");
      return;
    }
    auto decoded = decode_(View(it_->value()).substr(skip_));
    if (!decoded.ok()) {
      // Name the record: the key is its id (or sequence).
      const std::string_view key = View(it_->key());
      status_ =
          absl::Status(decoded.status().code(),
                       absl::StrCat(db_->path(), ": ", Av(kCfNames[cf_]), " ",
                                    key.size() == 8 ? schema::FormatId(keys::GetU64(key.data()))
                                                    : std::string("entry"),
                                    ": ", decoded.status().message()));
      return;
    }
    value_ = *std::move(decoded);
    valid_ = true;
  }
  Decode decode_;
  size_t skip_;
  DatabaseImpl* db_;
  Cf cf_;
  rocksdb::ReadOptions ro_;
  std::unique_ptr<rocksdb::Iterator> it_;
  T value_;
  bool valid_ = false;
  absl::Status status_;
};

// Walks one family over a sorted list of [lower, upper) key ranges with a
// single RocksDB iterator, one Seek per range: a document's mentions.
class RangesMentionIterator final : public MentionIterator {
 public:
  using Ranges = std::vector<std::pair<std::string, std::string>>;
  RangesMentionIterator(DatabaseImpl* db, Cf c, Decoder decode, Ranges ranges,
                        const ScanOptions& so, absl::Status status)
      : db_(db), decode_(decode), ranges_(std::move(ranges)), so_(so),
        status_(std::move(status)) {
    if (!status_.ok()) return;
    ro_ = db->MakeReadOptions(so.snapshot);
    ro_.total_order_seek = true;
    it_.reset(db->db()->NewIterator(ro_, db->cf(c)));
    if (!ranges_.empty()) it_->Seek(ranges_[0].first);
    Settle();
  }
  bool Valid() const override { return valid_; }
  void Next() override {
    it_->Next();
    Settle();
  }
  const MentionRef& ref() const override { return ref_; }
  absl::StatusOr<schema::Mention> mention() const override {
    return db_->GetMention(ref_.sequence, ReadOptions{.snapshot = so_.snapshot});
  }
  absl::Status status() const override { return status_; }

 private:
  void Settle() {
    valid_ = false;
    while (range_ < ranges_.size()) {
      if (it_->Valid()) {
        const std::string_view key = View(it_->key());
        if (key < ranges_[range_].second) {
          if (!decode_(key, View(it_->value()), &ref_)) {
            status_ = absl::DataLossError(absl::StrCat(db_->path(), ": damaged index entry"));
            return;
          }
          if (ref_.made >= so_.made_from && ref_.made < so_.made_to) {
            valid_ = true;
            return;
          }
          it_->Next();
          continue;
        }
      } else if (!it_->status().ok()) {
        status_ = FromRocks(it_->status(), "scan ranges");
        return;
      }
      if (++range_ < ranges_.size()) it_->Seek(ranges_[range_].first);
    }
  }

  DatabaseImpl* db_;
  Decoder decode_;
  Ranges ranges_;
  size_t range_ = 0;
  ScanOptions so_;
  rocksdb::ReadOptions ro_;
  std::unique_ptr<rocksdb::Iterator> it_;
  MentionRef ref_;
  bool valid_ = false;
  absl::Status status_;
};

class TimelineCursorImpl final : public TimelineCursor {
 public:
  TimelineCursorImpl(DatabaseImpl* db, const ReadOptions& ro) : db_(db) {
    ro_ = db->MakeReadOptions(ro.snapshot);
    ro_.total_order_seek = true;  // steps cross holders both ways
    it_.reset(db->db()->NewIterator(ro_, db->cf(kByHolder)));
  }
  bool Valid() const override { return valid_; }
  void Seek(const MentionRef& at) override {
    it_->Seek(keys::ByHolderKey(at));
    Settle();
  }
  void SeekForPrev(const MentionRef& at) override {
    it_->SeekForPrev(keys::ByHolderKey(at));
    Settle();
  }
  void Next() override {
    it_->Next();
    Settle();
  }
  void Prev() override {
    it_->Prev();
    Settle();
  }
  const MentionRef& ref() const override { return ref_; }
  absl::Status status() const override { return status_; }

 private:
  void Settle() {
    valid_ = it_->Valid();
    if (valid_ && !keys::DecodeByHolder(View(it_->key()), View(it_->value()), &ref_)) {
      valid_ = false;
      status_ = absl::DataLossError(absl::StrCat(db_->path(), ": damaged by_holder entry"));
    }
    if (!valid_ && status_.ok()) status_ = FromRocks(it_->status(), "seek timelines");
  }
  DatabaseImpl* db_;
  rocksdb::ReadOptions ro_;
  std::unique_ptr<rocksdb::Iterator> it_;
  MentionRef ref_;
  bool valid_ = false;
  absl::Status status_;
};

std::string TimeLower(uint64_t prefix, schema::Timestamp from) {
  std::string k = keys::U64Key(prefix);
  if (from != schema::kNoTime) keys::PutU64(&k, keys::TimeBits(from));
  return k;
}

std::string TimeUpper(uint64_t prefix, schema::Timestamp to) {
  std::string k = keys::U64Key(prefix);
  if (to == schema::kMaxTime) return keys::PrefixEnd(k);
  keys::PutU64(&k, keys::TimeBits(to));
  return k;
}

}  // namespace

std::unique_ptr<MentionIterator> DatabaseImpl::NewMentionIterator(Cf c, std::string lower,
                                                                  std::string upper, int decoder,
                                                                  const ScanOptions& so,
                                                                  bool filter_time, int polarity) {
  static constexpr Decoder kDecoders[] = {keys::DecodeByHolder, keys::DecodeByProp,
                                          keys::DecodeByTime, keys::DecodeMentionsEntry};
  return std::make_unique<MentionIteratorImpl>(this, c, std::move(lower), std::move(upper),
                                               kDecoders[decoder], so, filter_time, polarity);
}

namespace {
enum DecoderIndex { kDecHolder = 0, kDecProp, kDecTime, kDecMentions };
bool Bounded(const ScanOptions& so) {
  return so.made_from != schema::kNoTime || so.made_to != schema::kMaxTime;
}
}  // namespace

std::unique_ptr<MentionIterator> DatabaseImpl::ScanByHolder(schema::EntityId holder,
                                                            const ScanOptions& so) {
  std::string prefix = keys::U64Key(holder);
  return NewMentionIterator(kByHolder, prefix, keys::PrefixEnd(prefix), kDecHolder, so,
                            Bounded(so));
}

std::unique_ptr<MentionIterator> DatabaseImpl::ScanAllByHolder(const ScanOptions& so) {
  return NewMentionIterator(kByHolder, "", "", kDecHolder, so, Bounded(so));
}

std::unique_ptr<MentionIterator> DatabaseImpl::ScanByProposition(schema::PropositionId prop,
                                                                 const ScanOptions& so) {
  return NewMentionIterator(kByProp, TimeLower(prop, so.made_from), TimeUpper(prop, so.made_to),
                            kDecProp, so, false);
}

std::unique_ptr<MentionIterator> DatabaseImpl::ScanByTime(const ScanOptions& so) {
  std::string lower, upper;
  if (so.made_from != schema::kNoTime) lower = keys::U64Key(keys::TimeBits(so.made_from));
  if (so.made_to != schema::kMaxTime) upper = keys::U64Key(keys::TimeBits(so.made_to));
  return NewMentionIterator(kByTime, lower, upper, kDecTime, so, false);
}

std::unique_ptr<MentionIterator> DatabaseImpl::ScanByIngest(uint64_t first_sequence,
                                                            const ScanOptions& so) {
  return NewMentionIterator(kMentions, keys::U64Key(first_sequence), "", kDecMentions, so,
                            Bounded(so));
}

std::unique_ptr<MentionIterator> DatabaseImpl::ScanByDocument(schema::DocumentId doc,
                                                              const ScanOptions& so) {
  // The document's ranges of sequences, then the mentions in them.
  RangesMentionIterator::Ranges ranges;
  absl::Status status;
  {
    auto ro = MakeReadOptions(so.snapshot);
    std::string prefix = keys::U64Key(doc), end = keys::PrefixEnd(prefix);
    rocksdb::Slice upper(end);
    ro.iterate_upper_bound = &upper;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(kDocRanges)));
    for (it->Seek(prefix); it->Valid(); it->Next()) {
      if (it->key().size() != 16 || it->value().size() != 8) {
        status = absl::DataLossError(absl::StrCat(dir_, ": damaged document range entry"));
        break;
      }
      uint64_t first = keys::GetU64(it->key().data() + 8);
      ranges.emplace_back(keys::U64Key(first), keys::U64Key(first + keys::GetU64(it->value().data())));
    }
    if (status.ok()) status = FromRocks(it->status(), "scan document ranges");
  }
  return std::make_unique<RangesMentionIterator>(this, kMentions, keys::DecodeMentionsEntry,
                                                 std::move(ranges), so, std::move(status));
}

std::unique_ptr<TimelineCursor> DatabaseImpl::NewTimelineCursor(const ReadOptions& ro) {
  return std::make_unique<TimelineCursorImpl>(this, ro);
}

std::unique_ptr<MentionIterator> DatabaseImpl::ScanByClaim(schema::ClaimId claim,
                                                           const ScanOptions& so) {
  // A claim is (holder, proposition, polarity): its mentions are the
  // holder's on that proposition with that polarity.
  auto c = GetClaim(claim, ReadOptions{.snapshot = so.snapshot});
  if (!c.ok()) {
    std::string nothing = keys::U64Key(0);  // an empty range
    return NewMentionIterator(kByHolder, nothing, nothing, kDecHolder, so, false, kAnyPolarity);
  }
  std::string prefix = keys::U64Key(c->holder);
  keys::PutU64(&prefix, c->proposition);
  std::string lower = prefix;
  if (so.made_from != schema::kNoTime) keys::PutU64(&lower, keys::TimeBits(so.made_from));
  return NewMentionIterator(kByHolder, lower, keys::PrefixEnd(prefix), kDecHolder, so,
                            Bounded(so), c->polarity);
}

std::vector<IdRange> IdRange::Split(int parts) {
  parts = std::max(parts, 1);
  std::vector<IdRange> out;
  const uint64_t step = UINT64_MAX / static_cast<uint64_t>(parts);
  uint64_t first = 0;
  for (int i = 0; i < parts; ++i) {
    const uint64_t last = i + 1 == parts ? UINT64_MAX : first + step - 1;
    out.push_back({first, last});
    first = last + 1;
  }
  return out;
}

std::unique_ptr<ClaimIterator> DatabaseImpl::ClaimsOfProposition(schema::PropositionId prop,
                                                                 const ReadOptions& ro) {
  std::string prefix = keys::U64Key(prop);
  std::string end = keys::PrefixEnd(prefix);
  return std::make_unique<ClaimIteratorImpl>(this, kPropClaims, std::move(prefix), std::move(end),
                                             keys::DecodePropClaimKey, ro, /*whole=*/false);
}

std::unique_ptr<ClaimIterator> DatabaseImpl::AllClaimsByProposition(const ReadOptions& ro,
                                                                    IdRange propositions) {
  std::string lower = propositions.first == 0 ? "" : keys::U64Key(propositions.first);
  std::string upper =
      propositions.last == UINT64_MAX ? "" : keys::U64Key(propositions.last + 1);
  return std::make_unique<ClaimIteratorImpl>(this, kPropClaims, std::move(lower), std::move(upper),
                                             keys::DecodePropClaimKey, ro, /*whole=*/true);
}

std::unique_ptr<ClaimIterator> DatabaseImpl::ClaimsOfHolder(schema::EntityId holder,
                                                            const ReadOptions& ro) {
  std::string prefix = keys::U64Key(holder);
  std::string end = keys::PrefixEnd(prefix);
  return std::make_unique<ClaimIteratorImpl>(this, kHolderClaims, std::move(prefix),
                                             std::move(end), keys::DecodeHolderClaimKey, ro,
                                             /*whole=*/false);
}

std::unique_ptr<RecordIterator<schema::Document>> DatabaseImpl::Documents(const ReadOptions& ro) {
  return std::make_unique<RecordIteratorImpl<schema::Document>>(this, kDocs,
                                                                 schema::DecodeDocument, ro);
}

std::unique_ptr<RecordIterator<schema::Entity>> DatabaseImpl::Entities(const ReadOptions& ro) {
  return std::make_unique<RecordIteratorImpl<schema::Entity>>(this, kEntities,
                                                               schema::DecodeEntity, ro);
}

std::unique_ptr<RecordIterator<schema::Proposition>> DatabaseImpl::Propositions(
    const ReadOptions& ro) {
  return std::make_unique<RecordIteratorImpl<schema::Proposition>>(
      this, kProps, schema::DecodeProposition, ro);
}

}  // namespace stancegraph::engine
