// Database::Write: one RocksDB WriteBatch per call, so each document (with
// its claims, mentions and every index entry) is stored whole or not at all.
#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "database_impl.h"
#include "keys.h"
#include "rocks_status.h"
#include "rocksdb/write_batch.h"
#include "stancegraph/schema/binary_codec.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/validate.h"

namespace stancegraph::engine {
namespace {

rocksdb::Slice S(const std::string& s) { return rocksdb::Slice(s); }

std::string DocumentName(const schema::Document& d) {
  return d.source.empty() ? schema::FormatId(d.id) : d.source;
}

// Appends the aliases and roles of `add` that `into` lacks; true if any.
bool MergeEntity(const schema::Entity& add, schema::Entity* into) {
  bool changed = false;
  auto has_alias = [&](const std::string& a) {
    std::string k = schema::NormalizeKey(a);
    if (schema::NormalizeKey(into->name) == k) return true;
    return std::any_of(into->aliases.begin(), into->aliases.end(),
                       [&](const std::string& x) { return schema::NormalizeKey(x) == k; });
  };
  for (const auto& a : add.aliases) {
    if (!has_alias(a)) {
      into->aliases.push_back(a);
      changed = true;
    }
  }
  for (const auto& r : add.roles) {
    if (std::find(into->roles.begin(), into->roles.end(), r) == into->roles.end()) {
      into->roles.push_back(r);
      changed = true;
    }
  }
  if (into->type == schema::EntityType::kUnknown && add.type != schema::EntityType::kUnknown) {
    into->type = add.type;
    changed = true;
  }
  if (!into->parent && add.parent) {
    into->parent = add.parent;
    changed = true;
  }
  return changed;
}

}  // namespace

absl::Status DatabaseImpl::StageEntity(const schema::Entity& e, rocksdb::WriteBatch* batch) {
  if (known_ids_.contains(e.id)) return absl::OkStatus();
  std::string key = keys::U64Key(e.id);
  auto stored = GetEntity(e.id, {});
  schema::Entity merged = e;
  if (stored.ok()) {
    merged = *stored;
    if (!MergeEntity(e, &merged)) return absl::OkStatus();
  } else if (!absl::IsNotFound(stored.status())) {
    return stored.status();
  }
  std::string value;
  schema::EncodeEntity(merged, &value);
  batch->Put(cf(kEntities), S(key), S(value));
  batch->Put(cf(kAliases), schema::NormalizeKey(merged.name), S(key));
  for (const auto& a : merged.aliases) batch->Put(cf(kAliases), schema::NormalizeKey(a), S(key));
  return absl::OkStatus();
}

absl::Status DatabaseImpl::StageProposition(const schema::Proposition& p,
                                            rocksdb::WriteBatch* batch) {
  if (known_ids_.contains(p.id)) return absl::OkStatus();
  std::string key = keys::U64Key(p.id);
  auto stored = Get(kProps, key, {});
  if (stored.ok()) return absl::OkStatus();  // the first wording stays canonical
  if (!absl::IsNotFound(stored.status())) return stored.status();
  std::string value;
  schema::EncodeProposition(p, &value);
  batch->Put(cf(kProps), S(key), S(value));
  return absl::OkStatus();
}

absl::StatusOr<WriteSummary> DatabaseImpl::Write(absl::Span<const schema::DocumentClaims> docs,
                                                 const WriteOptions& options) {
  if (mode_ != AccessMode::kReadWrite) {
    return absl::FailedPreconditionError(absl::StrCat(dir_, " is open read-only"));
  }
  for (const auto& d : docs) {
    if (auto s = schema::ValidateDocumentClaims(d); !s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("document ", DocumentName(d.document), ": ", s.message()));
    }
  }

  std::lock_guard lock(write_mu_);
  WriteSummary summary;
  rocksdb::WriteBatch batch;
  const uint64_t first_sequence = next_sequence_.load();
  uint64_t sequence = first_sequence;
  const schema::Timestamp now = absl::ToUnixMicros(absl::Now());
  absl::flat_hash_map<schema::DocumentId, bool> seen_in_call;
  std::vector<uint64_t> staged_ids;
  std::string key, value;

  for (const auto& d : docs) {
    bool& seen = seen_in_call[d.document.id];
    if (options.skip_existing) {
      if (seen) {
        ++summary.documents_skipped;
        continue;
      }
      SG_ASSIGN_OR_RETURN(bool stored, HasDocument(d.document.id, {}));
      if (stored) {
        seen = true;
        ++summary.documents_skipped;
        continue;
      }
    }
    seen = true;
    schema::Document doc = d.document;
    doc.ingested = now;
    value.clear();
    schema::EncodeDocument(doc, &value);
    batch.Put(cf(kDocs), keys::U64Key(doc.id), S(value));
    ++summary.documents_written;

    for (const auto& e : d.entities) {
      SG_RETURN_IF_ERROR(StageEntity(e, &batch));
      staged_ids.push_back(e.id);
    }
    for (const auto& p : d.propositions) {
      SG_RETURN_IF_ERROR(StageProposition(p, &batch));
      staged_ids.push_back(p.id);
    }
    absl::flat_hash_map<schema::ClaimId, const schema::Claim*> claims;
    for (const auto& c : d.claims) {
      claims[c.id] = &c;
      value.clear();
      schema::EncodeClaim(c, &value);
      batch.Put(cf(kClaims), keys::U64Key(c.id), S(value));
      batch.Put(cf(kPropClaims), keys::PropClaimKey(c.proposition, c.polarity, c.holder), "");
      batch.Put(cf(kHolderClaims), keys::HolderClaimKey(c.holder, c.proposition, c.polarity), "");
    }
    for (const auto& m : d.mentions) {
      const schema::Claim& c = *claims.at(m.claim);  // validated above
      MentionRef ref{.sequence = sequence++,
                     .holder = c.holder,
                     .proposition = c.proposition,
                     .polarity = c.polarity,
                     .made = m.made};
      schema::Mention stored = m;
      stored.sequence = ref.sequence;
      std::string payload;
      keys::PutRefPayload(&payload, ref);
      value = payload;
      schema::EncodeMention(stored, &value);
      batch.Put(cf(kMentions), keys::U64Key(ref.sequence), S(value));
      batch.Put(cf(kByHolder), keys::ByHolderKey(ref),
                rocksdb::Slice(&payload[16], 1));  // the polarity byte
      std::string prop_value = payload.substr(0, 8);
      prop_value.push_back(payload[16]);
      batch.Put(cf(kByProp), keys::ByPropKey(ref), S(prop_value));
      batch.Put(cf(kByTime), keys::ByTimeKey(ref), S(payload));
      batch.Put(cf(kDocMentions), keys::IdSeqKey(doc.id, ref.sequence), S(payload));
      batch.Put(cf(kClaimMentions), keys::IdSeqKey(c.id, ref.sequence), S(payload));
      ++summary.mentions_written;
    }
  }
  if (summary.documents_written == 0) return summary;

  key.clear();
  keys::PutU64(&key, sequence);
  batch.Put(cf(kMeta), "next_sequence", S(key));
  key.clear();
  keys::PutU64(&key, document_count_ + summary.documents_written);
  batch.Put(cf(kMeta), "count/documents", S(key));
  key.clear();
  keys::PutU64(&key, mention_count_ + summary.mentions_written);
  batch.Put(cf(kMeta), "count/mentions", S(key));
  if (sequence > first_sequence) {
    // Several writes in one microsecond keep the first one's starting point.
    std::string log_key = keys::U64Key(keys::TimeBits(now));
    std::string existing;
    if (db_->Get({}, cf(kIngestLog), log_key, &existing).IsNotFound()) {
      batch.Put(cf(kIngestLog), S(log_key), S(keys::U64Key(first_sequence)));
    }
  }

  rocksdb::WriteOptions wo;
  wo.sync = options.sync && !bulk_load_;
  wo.disableWAL = bulk_load_;
  SG_RETURN_IF_ERROR(FromRocks(db_->Write(wo, &batch), absl::StrCat("write to ", dir_)));

  next_sequence_.store(sequence);
  document_count_ += summary.documents_written;
  mention_count_ += summary.mentions_written;
  if (known_ids_.size() > (1u << 20)) known_ids_.clear();  // bound memory
  known_ids_.insert(staged_ids.begin(), staged_ids.end());
  return summary;
}

}  // namespace stancegraph::engine
