// CheckConsistency: mentions, doc_ranges and the mention indexes.
#include "absl/strings/str_cat.h"
#include "check_internal.h"
#include "keys.h"
#include "rocks_status.h"
#include "stancegraph/schema/binary_codec.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::engine::check {
namespace {

constexpr size_t kClaimCacheSize = 1u << 20;

std::string MentionKey(schema::DocumentId doc, uint64_t seq) {
  return absl::StrCat(Id("doc", doc), " seq=", seq);
}


}  // namespace

absl::Status Checker::CheckMentions() {
  SG_RETURN_IF_ERROR(Scan(kMentions, [&](std::string_view k, std::string_view v) {
    return CheckMention(k, v);
  }));
  EndRange();
  return absl::OkStatus();
}

absl::Status Checker::CheckMention(std::string_view k, std::string_view v) {
  ++report_.mentions;
  if (k.size() != 8) {
    Problem(kMentions, Hex(k), "key is not an 8-byte sequence");
    return absl::OkStatus();
  }
  const uint64_t seq = keys::GetU64(k.data());
  max_sequence_ = std::max(max_sequence_, seq);
  MentionRef ref;
  if (!keys::DecodeMentionsEntry(k, v, &ref)) {
    Problem(kMentions, absl::StrCat("seq=", seq), "value is shorter than the 26-byte mention header");
    return absl::OkStatus();
  }
  auto m = schema::DecodeMention(v.substr(keys::kMentionHeader));
  if (!m.ok()) {
    Problem(kMentions, RefKey(ref), std::string(m.status().message()));
    return absl::OkStatus();
  }
  const std::string where = MentionKey(m->document, seq);
  if (m->sequence != seq) {
    Problem(kMentions, where, absl::StrCat("record says sequence ", m->sequence));
  }
  if (m->claim != ref.claim()) {
    Problem(kMentions, where,
            absl::StrCat("record names ", Id("claim", m->claim), " but its payload ",
                         Id("claim", ref.claim())));
  }
  if (!good_claims_.contains(ref.claim())) {
    SG_ASSIGN_OR_RETURN(auto claim, Get(kClaims, keys::U64Key(ref.claim())));
    auto decoded = claim ? schema::DecodeClaim(*claim) : absl::NotFoundError("");
    if (!claim) {
      Problem(kMentions, where, absl::StrCat(Id("claim", ref.claim()), " is missing"));
    } else if (decoded.ok() && (decoded->holder != ref.holder ||
                                decoded->proposition != ref.proposition ||
                                decoded->polarity != ref.polarity)) {
      Problem(kMentions, where, absl::StrCat("payload ", RefKey(ref), " disagrees with its claim"));
    } else if (decoded.ok()) {
      if (good_claims_.size() >= kClaimCacheSize) good_claims_.clear();
      good_claims_.insert(ref.claim());
    }
  }
  if (m->document != last_good_doc_) {
    SG_ASSIGN_OR_RETURN(bool doc, Has(kDocs, keys::U64Key(m->document)));
    if (doc) last_good_doc_ = m->document;
    else Problem(kMentions, where, "its document is missing");
  }
  // The indexes repeat the ref payload: holder(8) prop(8) polarity(1) made(8).
  ++indexed_mentions_;
  const std::string_view payload = v.substr(0, 25);
  std::string by_prop_value(payload.substr(0, 8));
  by_prop_value.push_back(payload[16]);
  SG_RETURN_IF_ERROR(CheckIndexEntry(kByHolder, ref, keys::ByHolderKey(ref), payload.substr(16, 1)));
  SG_RETURN_IF_ERROR(CheckIndexEntry(kByProp, ref, keys::ByPropKey(ref), by_prop_value));
  SG_RETURN_IF_ERROR(CheckIndexEntry(kByTime, ref, keys::ByTimeKey(ref), payload));
  return Cover(m->document, seq);
}

absl::Status Checker::CheckIndexEntry(Cf c, const MentionRef& ref, const std::string& key,
                                      std::string_view value) {
  SG_ASSIGN_OR_RETURN(auto stored, Get(c, key));
  if (!stored) {
    ++missing_[c];
    Problem(c, RefKey(ref), "missing for a stored mention");
  } else if (*stored != value) {
    Problem(c, RefKey(ref), absl::StrCat("value ", Hex(*stored), " should be ", Hex(value)));
  }
  return absl::OkStatus();
}

absl::Status Checker::Cover(schema::DocumentId doc, uint64_t seq) {
  if (range_ && range_->doc == doc && seq >= range_->first && seq - range_->first < range_->count) {
    ++range_->seen;
    return absl::OkStatus();
  }
  EndRange();
  if (!ranges_it_) ranges_it_.reset(db_.db()->NewIterator(ro_, db_.cf(kDocRanges)));
  ranges_it_->SeekForPrev(keys::IdSeqKey(doc, seq));
  if (ranges_it_->Valid()) {
    std::string_view k = View(ranges_it_->key()), v = View(ranges_it_->value());
    if (k.size() == 16 && v.size() == 8 && keys::GetU64(k.data()) == doc) {
      Range r{.doc = doc, .first = keys::GetU64(k.data() + 8), .count = keys::GetU64(v.data())};
      if (seq >= r.first && seq - r.first < r.count) {
        r.seen = 1;
        range_ = r;
        return absl::OkStatus();
      }
    }
  }
  SG_RETURN_IF_ERROR(FromRocks(ranges_it_->status(), "check: scan doc_ranges"));
  Problem(kMentions, MentionKey(doc, seq), "no doc_ranges entry of its document covers it");
  return absl::OkStatus();
}

void Checker::EndRange() {
  if (range_ && range_->seen != range_->count) {
    Problem(kDocRanges, absl::StrCat(Id("doc", range_->doc), " first=", range_->first),
            absl::StrCat("covers ", range_->count, " mentions but ", range_->seen,
                         " of them are stored for this document"));
  }
  range_.reset();
}

// Each entry's document exists and its first and last mention belong to it;
// the mention pass found that every mention in between is stored.
absl::Status Checker::CheckDocRanges() {
  return Scan(kDocRanges, [&](std::string_view k, std::string_view v) -> absl::Status {
    ++report_.index_entries;
    if (k.size() != 16 || v.size() != 8) {
      Problem(kDocRanges, Hex(k), "malformed entry");
      return absl::OkStatus();
    }
    const schema::DocumentId doc = keys::GetU64(k.data());
    const uint64_t first = keys::GetU64(k.data() + 8), count = keys::GetU64(v.data());
    const std::string where = absl::StrCat(Id("doc", doc), " first=", first);
    SG_ASSIGN_OR_RETURN(bool has_doc, Has(kDocs, keys::U64Key(doc)));
    if (!has_doc) Problem(kDocRanges, where, "orphan: its document is missing");
    if (count == 0) {
      Problem(kDocRanges, where, "covers no mentions");
      return absl::OkStatus();
    }
    for (uint64_t seq : {first, first + count - 1}) {
      SG_ASSIGN_OR_RETURN(auto stored, Get(kMentions, keys::U64Key(seq)));
      if (!stored) {
        Problem(kDocRanges, where, absl::StrCat("covers mention ", seq, ", which is missing"));
        continue;
      }
      auto m = stored->size() >= keys::kMentionHeader
                   ? schema::DecodeMention(std::string_view(*stored).substr(keys::kMentionHeader))
                                     : absl::DataLossError("short");
      if (m.ok() && m->document != doc) {
        Problem(kDocRanges, where,
                absl::StrCat("covers mention ", seq, " of another document, ",
                             Id("doc", m->document)));
      }
    }
    return absl::OkStatus();
  });
}

// With no entry missing and as many entries as mentions there is no orphan;
// otherwise every entry is compared with the mention it names.
absl::Status Checker::CheckMentionIndex(Cf c) {
  SG_ASSIGN_OR_RETURN(uint64_t n, Count(c));
  report_.index_entries += n;
  if (n == indexed_mentions_ && missing_[c] == 0) return absl::OkStatus();
  return Scan(c, [&](std::string_view k, std::string_view v) -> absl::Status {
    MentionRef ref;
    bool ok = c == kByHolder ? keys::DecodeByHolder(k, v, &ref)
              : c == kByProp ? keys::DecodeByProp(k, v, &ref)
                             : keys::DecodeByTime(k, v, &ref);
    if (!ok) {
      Problem(c, Hex(k), "malformed entry");
      return absl::OkStatus();
    }
    SG_ASSIGN_OR_RETURN(auto stored, Get(kMentions, keys::U64Key(ref.sequence)));
    MentionRef actual;
    if (!stored || !keys::DecodeMentionsEntry(keys::U64Key(ref.sequence), *stored, &actual)) {
      Problem(c, RefKey(ref), absl::StrCat("orphan: mention ", ref.sequence, " is missing"));
      return absl::OkStatus();
    }
    const std::string expected = c == kByHolder ? keys::ByHolderKey(actual)
                                 : c == kByProp ? keys::ByPropKey(actual)
                                                : keys::ByTimeKey(actual);
    if (expected != k || actual.polarity != ref.polarity || actual.holder != ref.holder ||
        actual.proposition != ref.proposition) {
      Problem(c, RefKey(ref), absl::StrCat("disagrees with its mention: ", RefKey(actual)));
    }
    return absl::OkStatus();
  });
}

}  // namespace stancegraph::engine::check
