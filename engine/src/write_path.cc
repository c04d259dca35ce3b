// Database::Write: one RocksDB WriteBatch per call, so each document (with
// its claims, mentions and every index entry) is stored whole or not at all.
#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "database_impl.h"
#include "keys.h"
#include "rocks_status.h"
#include "rocksdb/write_batch.h"
#include "sink.h"
#include "stancegraph/schema/binary_codec.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/strings.h"
#include "stancegraph/schema/validate.h"

namespace stancegraph::engine {
namespace {

uint8_t PolarityBit(int8_t polarity) { return static_cast<uint8_t>(1u << (polarity + 1)); }

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

absl::Status DatabaseImpl::StageEntity(const schema::Entity& e, bool may_be_stored,
                                       Sink& sink) {
  if (known_ids_.contains(e.id)) return absl::OkStatus();
  std::string key = keys::U64Key(e.id);
  absl::StatusOr<schema::Entity> stored = absl::NotFoundError("");
  if (may_be_stored) stored = GetEntity(e.id, {});
  schema::Entity merged = e;
  if (stored.ok()) {
    merged = *stored;
    if (!MergeEntity(e, &merged)) return absl::OkStatus();
  } else if (!absl::IsNotFound(stored.status())) {
    return stored.status();
  }
  std::string value;
  schema::EncodeEntity(merged, &value);
  sink.Put(kEntities, key, value);
  sink.Put(kAliases, schema::NormalizeKey(merged.name), key);
  for (const auto& a : merged.aliases) sink.Put(kAliases, schema::NormalizeKey(a), key);
  return absl::OkStatus();
}

absl::Status DatabaseImpl::StageProposition(const schema::Proposition& p, bool may_be_stored,
                                            Sink& sink) {
  if (known_ids_.contains(p.id)) return absl::OkStatus();
  std::string key = keys::U64Key(p.id);
  if (may_be_stored) {
    auto stored = Get(kProps, key, {});
    if (stored.ok()) return absl::OkStatus();  // the first wording stays canonical
    if (!absl::IsNotFound(stored.status())) return stored.status();
  }
  std::string value;
  schema::EncodeProposition(p, &value);
  sink.Put(kProps, key, value);
  return absl::OkStatus();
}

absl::Status DatabaseImpl::StageDocument(const schema::DocumentClaims& d, schema::Timestamp now,
                                         Sink& sink, StagingState* state) {
  schema::Document doc = d.document;
  doc.ingested = now;
  if (state->ingest_starts.empty() || state->ingest_starts.back().first != now) {
    state->ingest_starts.emplace_back(now, state->sequence);
  }
  std::string value;
  schema::EncodeDocument(doc, &value);
  sink.Put(kDocs, keys::U64Key(doc.id), value);
  ++state->summary.documents_written;

  for (const auto& e : d.entities) {
    if (!state->staged_ids.insert(e.id).second) continue;
    SG_RETURN_IF_ERROR(StageEntity(e, !state->sets_cover_store, sink));
  }
  for (const auto& p : d.propositions) {
    if (!state->staged_ids.insert(p.id).second) continue;
    SG_RETURN_IF_ERROR(StageProposition(p, !state->sets_cover_store, sink));
  }
  absl::flat_hash_map<schema::ClaimId, const schema::Claim*> claims;
  for (const auto& c : d.claims) {
    claims[c.id] = &c;
    value.clear();
    schema::EncodeClaim(c, &value);
    sink.Put(kClaims, keys::U64Key(c.id), value);
    sink.Put(kPropClaims, keys::PropClaimKey(c.proposition, c.polarity, c.holder), "");
    sink.Put(kHolderClaims, keys::HolderClaimKey(c.holder, c.proposition, c.polarity), "");
  }
  std::string payload, prop_value;
  if (!d.mentions.empty()) {
    sink.Put(kDocRanges, keys::IdSeqKey(doc.id, state->sequence),
             keys::U64Key(d.mentions.size()));
  }
  for (const auto& m : d.mentions) {
    const schema::Claim& c = *claims.at(m.claim);  // validated by the caller
    MentionRef ref{.sequence = state->sequence++,
                   .holder = c.holder,
                   .proposition = c.proposition,
                   .polarity = c.polarity,
                   .made = m.made};
    SG_RETURN_IF_ERROR(StageNovelty(c, state, &ref));
    schema::Mention stored = m;
    stored.sequence = ref.sequence;
    payload.clear();
    keys::PutRefPayload(&payload, ref);
    value.clear();
    keys::PutMentionHeader(&value, ref);
    schema::EncodeMention(stored, &value);
    sink.Put(kMentions, keys::U64Key(ref.sequence), value);
    sink.Put(kByHolder, keys::ByHolderKey(ref), std::string_view(&payload[16], 1));
    prop_value.assign(payload, 0, 8);
    prop_value.push_back(payload[16]);  // the polarity byte
    sink.Put(kByProp, keys::ByPropKey(ref), prop_value);
    sink.Put(kByTime, keys::ByTimeKey(ref), payload);
    ++state->summary.mentions_written;
  }
  // Claims without a mention still count into their proposition's sides.
  for (const auto& c : d.claims) {
    auto known = state->pairs.find(std::pair(c.holder, c.proposition));
    if (known != state->pairs.end() && (known->second.exists & PolarityBit(c.polarity))) continue;
    MentionRef unused;
    SG_RETURN_IF_ERROR(StageNovelty(c, state, &unused));
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> DatabaseImpl::ClaimExists(const schema::Claim& c, int8_t polarity,
                                               StagingState::PairClaims* pair,
                                               bool sets_cover_store) {
  const uint8_t bit = PolarityBit(polarity);
  if (pair->known & bit) return (pair->exists & bit) != 0;
  pair->known |= bit;
  if (sets_cover_store) return false;
  rocksdb::PinnableSlice value;
  const std::string key = keys::U64Key(schema::MakeClaimId(c.holder, c.proposition, polarity));
  rocksdb::Status s = db_->Get({}, cf(kClaims), key, &value);
  if (s.IsNotFound()) return false;
  SG_RETURN_IF_ERROR(FromRocks(s, absl::StrCat("read claims of ", dir_)));
  pair->exists |= bit;
  return true;
}

absl::Status DatabaseImpl::StageNovelty(const schema::Claim& c, StagingState* state,
                                        MentionRef* ref) {
  StagingState::PairClaims& pair = state->pairs[std::pair(c.holder, c.proposition)];
  SG_ASSIGN_OR_RETURN(const bool existed,
                      ClaimExists(c, c.polarity, &pair, state->sets_cover_store));
  ref->first_of_claim = !existed;
  pair.exists |= PolarityBit(c.polarity);
  if (c.polarity == 0) return absl::OkStatus();
  SG_ASSIGN_OR_RETURN(const bool other_side,
                      ClaimExists(c, static_cast<int8_t>(-c.polarity), &pair,
                                  state->sets_cover_store));
  ref->pair_has_both = other_side;
  ref->completes_pair = !existed && other_side;
  if (!existed) {
    PropositionSides& added = state->sides_added[c.proposition];
    ++(c.polarity > 0 ? added.for_holders : added.against_holders);
    added.both_holders += ref->completes_pair ? 1 : 0;
  }
  return absl::OkStatus();
}

absl::Status DatabaseImpl::StageCounters(StagingState* state_out, Sink& sink) {
  const StagingState& state = *state_out;
  WriteChanges changes{.first_sequence = state.first_sequence, .end_sequence = state.sequence};
  for (const auto& [prop, added] : state.sides_added) {
    const std::string key = keys::U64Key(prop);
    PropositionSides sides;
    auto known = state_out->sides_stored.find(prop);
    if (known != state_out->sides_stored.end()) {
      sides = known->second;
    } else if (!state.sets_cover_store && document_count_ > 0) {
      std::string stored;
      rocksdb::Status s = db_->Get({}, cf(kPropSides), key, &stored);
      if (s.ok() && !keys::DecodeSides(stored, &sides)) {
        return absl::DataLossError(
            absl::StrCat(dir_, ": damaged prop_sides entry for ", schema::FormatId(prop)));
      }
      if (!s.ok() && !s.IsNotFound()) {
        return FromRocks(s, absl::StrCat("read prop_sides of ", dir_));
      }
    }
    const uint64_t pairs_before = sides.OpposedPairs();
    sides.for_holders += added.for_holders;
    sides.against_holders += added.against_holders;
    sides.both_holders += added.both_holders;
    if (sides.OpposedPairs() != pairs_before) {
      changes.pairs_added += sides.OpposedPairs() - pairs_before;
      changes.propositions.push_back(prop);
    }
    sink.Put(kPropSides, key, keys::SidesValue(sides));
    if (state.sets_cover_store) state_out->sides_stored[prop] = sides;
  }
  // Keyed by the first mention's sequence: a write without mentions has no
  // place of its own among them (see Database::GetWriteChanges).
  if (changes.end_sequence > changes.first_sequence) {
    std::sort(changes.propositions.begin(), changes.propositions.end());
    sink.Put(kMeta, keys::WriteChangesKey(changes.first_sequence),
             keys::WriteChangesValue(changes));
  }
  std::string v;
  keys::PutU64(&v, state.sequence);
  sink.Put(kMeta, keys::kNextSequenceKey, v);
  v.clear();
  keys::PutU64(&v, document_count_ + state.summary.documents_written);
  sink.Put(kMeta, keys::kDocumentCountKey, v);
  v.clear();
  keys::PutU64(&v, mention_count_ + state.summary.mentions_written);
  sink.Put(kMeta, keys::kMentionCountKey, v);
  absl::flat_hash_set<schema::Timestamp> logged;
  for (const auto& [time, first] : state.ingest_starts) {
    // Only times some mention is stored at or after; several writes in one
    // microsecond keep the first one's starting point.
    if (first >= state.sequence || !logged.insert(time).second) continue;
    std::string log_key = keys::U64Key(keys::TimeBits(time));
    std::string existing;
    rocksdb::Status s = db_->Get({}, cf(kIngestLog), log_key, &existing);
    if (s.IsNotFound()) {
      sink.Put(kIngestLog, log_key, keys::U64Key(first));
    } else if (!s.ok()) {
      return FromRocks(s, absl::StrCat("read ingest log of ", dir_));
    }
  }
  return absl::OkStatus();
}

void DatabaseImpl::Commit(const StagingState& state) {
  next_sequence_.store(state.sequence);
  document_count_ += state.summary.documents_written;
  mention_count_ += state.summary.mentions_written;
  if (known_ids_.size() > (1u << 20)) known_ids_.clear();  // bound memory
  known_ids_.insert(state.staged_ids.begin(), state.staged_ids.end());
}

absl::StatusOr<bool> DatabaseImpl::ShouldSkip(const schema::DocumentClaims& d,
                                              const WriteOptions& options,
                                              StagingState* state) {
  bool first_in_call = state->documents.insert(d.document.id).second;
  if (!options.skip_existing) return false;
  if (!first_in_call) return true;
  if (state->sets_cover_store) return false;
  SG_ASSIGN_OR_RETURN(bool stored, HasDocument(d.document.id, {}));
  return stored;
}

StagingState DatabaseImpl::NewStagingState() const {
  StagingState state;
  state.first_sequence = state.sequence = next_sequence_.load();
  state.sets_cover_store = document_count_ == 0;
  return state;
}

absl::Status DatabaseImpl::CheckWritable() const {
  if (mode_ != AccessMode::kReadWrite) {
    return absl::FailedPreconditionError(absl::StrCat(dir_, " is open read-only"));
  }
  return absl::OkStatus();
}

absl::Status ValidateAll(absl::Span<const schema::DocumentClaims> docs) {
  for (const auto& d : docs) {
    if (auto s = schema::ValidateDocumentClaims(d); !s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("document ", DocumentName(d.document), ": ", s.message()));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<WriteSummary> DatabaseImpl::Write(absl::Span<const schema::DocumentClaims> docs,
                                                 const WriteOptions& options) {
  SG_RETURN_IF_ERROR(CheckWritable());
  SG_RETURN_IF_ERROR(ValidateAll(docs));
  if (options.keep_ingest_time) {
    for (const auto& d : docs) {
      if (d.document.ingested == schema::kNoTime) {
        return absl::InvalidArgumentError(
            absl::StrCat("document ", DocumentName(d.document), ": no ingest time to keep"));
      }
    }
  }
  std::lock_guard lock(write_mu_);
  if (bulk_loader_active_) {
    return absl::FailedPreconditionError("a bulk load is in progress on this database");
  }
  SG_RETURN_IF_ERROR(WriteFault());
  StagingState state = NewStagingState();
  const schema::Timestamp now = absl::ToUnixMicros(absl::Now());
  SG_ASSIGN_OR_RETURN(const std::vector<Correction> corrections, ActiveCorrections());
  SortedWriteBatchSink sink;
  for (const auto& d : docs) {
    SG_ASSIGN_OR_RETURN(bool skip, ShouldSkip(d, options, &state));
    if (skip) {
      ++state.summary.documents_skipped;
      continue;
    }
    const schema::Timestamp ingested = options.keep_ingest_time ? d.document.ingested : now;
    schema::DocumentClaims storage;
    SG_ASSIGN_OR_RETURN(const schema::DocumentClaims* corrected,
                        Correct(d, corrections, ingested, sink, &state, &storage));
    if (corrected == nullptr) continue;  // deleted by a correction
    SG_RETURN_IF_ERROR(StageDocument(*corrected, ingested, sink, &state));
  }
  if (state.summary.documents_written == 0 && state.summary.documents_deleted == 0) {
    return state.summary;
  }
  SG_RETURN_IF_ERROR(StageCounters(&state, sink));
  rocksdb::WriteBatch batch(sink.ApproximateBytes());
  sink.PutSortedInto(&batch, handles_.data());

  rocksdb::WriteOptions wo;
  wo.sync = options.sync && !bulk_load_;
  wo.disableWAL = bulk_load_;
  SG_RETURN_IF_ERROR(NoteWrite(FromRocks(db_->Write(wo, &batch), absl::StrCat("write to ", dir_))));
  Commit(state);
  return state.summary;
}

}  // namespace stancegraph::engine
