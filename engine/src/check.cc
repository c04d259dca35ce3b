// CheckConsistency: records, claims and counters. Mentions and their indexes
// are in check_mentions.cc.
#include "stancegraph/engine/check.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "check_internal.h"
#include "keys.h"
#include "rocks_status.h"
#include "stancegraph/schema/binary_codec.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/strings.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::engine {
namespace check {

std::string Id(std::string_view label, uint64_t id) {
  return absl::StrCat(Av(label), "=", schema::FormatId(id));
}

std::string Made(schema::Timestamp t) {
  return t == schema::kNoTime ? std::string("none") : schema::FormatTime(t);
}

std::string Hex(std::string_view bytes) {
  return absl::StrCat("0x", absl::BytesToHexString(Av(bytes)));
}

std::string RefKey(const MentionRef& r) {
  return absl::StrCat(Id("holder", r.holder), " ", Id("prop", r.proposition),
                      " polarity=", int{r.polarity}, " made=", Made(r.made), " seq=", r.sequence);
}

Checker::Checker(DatabaseImpl& db, const CheckOptions& options)
    : db_(db), options_(options), snapshot_(db.GetSnapshot()),
      ro_(db.MakeReadOptions(snapshot_.get())) {
  // Scans cross prefixes; point reads ignore this.
  ro_.total_order_seek = true;
}

void Checker::Problem(Cf c, std::string key, std::string message) {
  ++report_.problem_count;
  if (report_.problems.size() < options_.max_reported) {
    report_.problems.push_back(
        {.family = std::string(kCfNames[c]), .key = std::move(key), .message = std::move(message)});
  }
}

absl::StatusOr<std::optional<std::string>> Checker::Get(Cf c, std::string_view key) {
  std::string value;
  auto s = db_.db()->Get(ro_, db_.cf(c), rocksdb::Slice(key.data(), key.size()), &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  SG_RETURN_IF_ERROR(FromRocks(s, absl::StrCat("check: read ", Av(kCfNames[c]))));
  return std::optional<std::string>(std::move(value));
}

absl::StatusOr<bool> Checker::Has(Cf c, std::string_view key) {
  SG_ASSIGN_OR_RETURN(auto v, Get(c, key));
  return v.has_value();
}

absl::Status Checker::Scan(Cf c, const Visit& visit) {
  std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(ro_, db_.cf(c)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    auto k = it->key(), v = it->value();
    SG_RETURN_IF_ERROR(visit(std::string_view(k.data(), k.size()), std::string_view(v.data(), v.size())));
  }
  return FromRocks(it->status(), absl::StrCat("check: scan ", Av(kCfNames[c])));
}

absl::StatusOr<uint64_t> Checker::Count(Cf c) {
  uint64_t n = 0;
  SG_RETURN_IF_ERROR(Scan(c, [&](std::string_view, std::string_view) {
    ++n;
    return absl::OkStatus();
  }));
  return n;
}

absl::StatusOr<CheckReport> Checker::Run() {
  SG_RETURN_IF_ERROR(CheckCounters());
  SG_RETURN_IF_ERROR(CheckDocuments());
  SG_RETURN_IF_ERROR(CheckEntities());
  SG_RETURN_IF_ERROR(CheckPropositions());
  SG_RETURN_IF_ERROR(CheckClaims());
  SG_RETURN_IF_ERROR(CheckClaimIndex(kPropClaims));
  SG_RETURN_IF_ERROR(CheckClaimIndex(kHolderClaims));
  SG_RETURN_IF_ERROR(CheckPropositionSides());
  SG_RETURN_IF_ERROR(CheckMentions());
  SG_RETURN_IF_ERROR(CheckDocRanges());
  SG_RETURN_IF_ERROR(CheckMentionIndex(kByHolder));
  SG_RETURN_IF_ERROR(CheckMentionIndex(kByProp));
  SG_RETURN_IF_ERROR(CheckMentionIndex(kByTime));
  SG_RETURN_IF_ERROR(CheckCorrections());
  // Counters agree with what is stored.
  SG_ASSIGN_OR_RETURN(auto docs, Get(kMeta, keys::kDocumentCountKey));
  if (docs && docs->size() == 8 && keys::GetU64(docs->data()) != report_.documents) {
    Problem(kMeta, keys::kDocumentCountKey,
            absl::StrCat("says ", keys::GetU64(docs->data()), " but ", report_.documents,
                         " documents are stored"));
  }
  SG_ASSIGN_OR_RETURN(auto mentions, Get(kMeta, keys::kMentionCountKey));
  if (mentions && mentions->size() == 8 && keys::GetU64(mentions->data()) != report_.mentions) {
    Problem(kMeta, keys::kMentionCountKey,
            absl::StrCat("says ", keys::GetU64(mentions->data()), " but ", report_.mentions,
                         " mentions are stored"));
  }
  if (max_sequence_ >= next_sequence_) {
    Problem(kMeta, keys::kNextSequenceKey,
            absl::StrCat("is ", next_sequence_, " but mention ", max_sequence_, " is stored"));
  }
  return std::move(report_);
}

absl::Status Checker::CheckCounters() {
  for (const char* name :
       {keys::kNextSequenceKey, keys::kDocumentCountKey, keys::kMentionCountKey}) {
    SG_ASSIGN_OR_RETURN(auto v, Get(kMeta, name));
    if (v && v->size() != 8) {
      Problem(kMeta, name, absl::StrCat("is ", v->size(), " bytes, not 8"));
    } else if (v && std::string_view(name) == keys::kNextSequenceKey) {
      next_sequence_ = keys::GetU64(v->data());
    }
  }
  SG_ASSIGN_OR_RETURN(auto version, Get(kMeta, keys::kFormatVersionKey));
  if (!version) Problem(kMeta, keys::kFormatVersionKey, "is missing");
  return Scan(kIngestLog, [&](std::string_view k, std::string_view v) -> absl::Status {
    ++report_.index_entries;
    if (k.size() != 8 || v.size() != 8) {
      Problem(kIngestLog, Hex(k), "malformed entry");
    } else if (keys::GetU64(v.data()) > next_sequence_) {
      Problem(kIngestLog, absl::StrCat("ingested=", Made(keys::BitsTime(keys::GetU64(k.data())))),
              absl::StrCat("first sequence ", keys::GetU64(v.data()), " is past next_sequence ",
                           next_sequence_));
    }
    return absl::OkStatus();
  });
}

absl::Status Checker::CheckDocuments() {
  return Scan(kDocs, [&](std::string_view k, std::string_view v) -> absl::Status {
    ++report_.documents;
    if (k.size() != 8) {
      Problem(kDocs, Hex(k), "key is not an 8-byte id");
      return absl::OkStatus();
    }
    auto doc = schema::DecodeDocument(v);
    if (!doc.ok()) {
      Problem(kDocs, Id("doc", keys::GetU64(k.data())), std::string(doc.status().message()));
    } else if (doc->id != keys::GetU64(k.data())) {
      Problem(kDocs, Id("doc", keys::GetU64(k.data())),
              absl::StrCat("record has id ", schema::FormatId(doc->id)));
    }
    return absl::OkStatus();
  });
}

absl::Status Checker::CheckEntities() {
  SG_RETURN_IF_ERROR(Scan(kEntities, [&](std::string_view k, std::string_view v) -> absl::Status {
    ++report_.entities;
    auto e = schema::DecodeEntity(v);
    if (k.size() != 8 || !e.ok() || e->id != keys::GetU64(k.data())) {
      Problem(kEntities, k.size() == 8 ? Id("entity", keys::GetU64(k.data())) : Hex(k),
              e.ok() ? "record is not under its id" : std::string(e.status().message()));
    }
    return absl::OkStatus();
  }));
  return Scan(kAliases, [&](std::string_view k, std::string_view v) -> absl::Status {
    ++report_.index_entries;
    const std::string key = absl::StrCat("alias=\"", absl::CHexEscape(Av(k)), "\"");
    if (v.size() != 8) {
      Problem(kAliases, key, "value is not an 8-byte entity id");
      return absl::OkStatus();
    }
    SG_ASSIGN_OR_RETURN(bool has, Has(kEntities, v));
    if (!has) Problem(kAliases, key, absl::StrCat("names missing ", Id("entity", keys::GetU64(v.data()))));
    return absl::OkStatus();
  });
}

absl::Status Checker::CheckPropositions() {
  return Scan(kProps, [&](std::string_view k, std::string_view v) -> absl::Status {
    ++report_.propositions;
    auto p = schema::DecodeProposition(v);
    if (k.size() != 8 || !p.ok() || p->id != keys::GetU64(k.data())) {
      Problem(kProps, k.size() == 8 ? Id("prop", keys::GetU64(k.data())) : Hex(k),
              p.ok() ? "record is not under its id" : std::string(p.status().message()));
    }
    return absl::OkStatus();
  });
}

absl::Status Checker::CheckClaims() {
  return Scan(kClaims, [&](std::string_view k, std::string_view v) -> absl::Status {
    ++report_.claims;
    auto c = schema::DecodeClaim(v);
    const std::string key = k.size() == 8 ? Id("claim", keys::GetU64(k.data())) : Hex(k);
    if (k.size() != 8 || !c.ok()) {
      Problem(kClaims, key, c.ok() ? "key is not an 8-byte id" : std::string(c.status().message()));
      return absl::OkStatus();
    }
    if (c->id != keys::GetU64(k.data()) ||
        c->id != schema::MakeClaimId(c->holder, c->proposition, c->polarity)) {
      Problem(kClaims, key, "id does not match (holder, proposition, polarity)");
    }
    SG_ASSIGN_OR_RETURN(bool holder, Has(kEntities, keys::U64Key(c->holder)));
    if (!holder) Problem(kClaims, key, absl::StrCat("holder ", Id("entity", c->holder), " is missing"));
    SG_ASSIGN_OR_RETURN(bool prop, Has(kProps, keys::U64Key(c->proposition)));
    if (!prop) Problem(kClaims, key, absl::StrCat(Id("proposition", c->proposition), " is missing"));
    SG_ASSIGN_OR_RETURN(bool by_prop,
                        Has(kPropClaims, keys::PropClaimKey(c->proposition, c->polarity, c->holder)));
    if (!by_prop) Problem(kClaims, key, "no prop_claims entry");
    SG_ASSIGN_OR_RETURN(bool by_holder,
                        Has(kHolderClaims, keys::HolderClaimKey(c->holder, c->proposition, c->polarity)));
    if (!by_holder) Problem(kClaims, key, "no holder_claims entry");
    return absl::OkStatus();
  });
}

// Every entry names a stored claim (the claims pass found the other direction).
absl::Status Checker::CheckClaimIndex(Cf c) {
  return Scan(c, [&](std::string_view k, std::string_view) -> absl::Status {
    ++report_.index_entries;
    schema::Claim claim;
    bool ok = c == kPropClaims ? keys::DecodePropClaim(k, &claim) : keys::DecodeHolderClaim(k, &claim);
    if (!ok) {
      Problem(c, Hex(k), "malformed key");
      return absl::OkStatus();
    }
    SG_ASSIGN_OR_RETURN(bool has, Has(kClaims, keys::U64Key(claim.id)));
    if (!has) {
      Problem(c,
              absl::StrCat(Id("prop", claim.proposition), " polarity=", int{claim.polarity}, " ",
                           Id("holder", claim.holder)),
              absl::StrCat("orphan: ", Id("claim", claim.id), " is missing"));
    }
    return absl::OkStatus();
  });
}

}  // namespace check

absl::StatusOr<CheckReport> CheckConsistency(Database& db, const CheckOptions& options) {
  auto* impl = dynamic_cast<DatabaseImpl*>(&db);
  if (impl == nullptr) return absl::InvalidArgumentError("not a database opened by Database::Open");
  check::Checker checker(*impl, options);
  return checker.Run();
}

}  // namespace stancegraph::engine
