#include "keys.h"

#include <bit>
#include <cstring>

#include "stancegraph/schema/ids.h"

namespace stancegraph::engine::keys {

static_assert(std::endian::native == std::endian::little, "keys assume a little-endian host");

void PutU64(std::string* out, uint64_t v) {
  v = __builtin_bswap64(v);  // big-endian: byte order is numeric order
  char b[8];
  std::memcpy(b, &v, 8);
  out->append(b, 8);
}

uint64_t GetU64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return __builtin_bswap64(v);
}

std::string U64Key(uint64_t id) {
  std::string k;
  PutU64(&k, id);
  return k;
}

std::string PrefixEnd(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    auto& c = reinterpret_cast<unsigned char&>(end.back());
    if (c != 0xff) {
      ++c;
      return end;
    }
    end.pop_back();
  }
  return end;  // empty: no upper bound
}

void PutRefPayload(std::string* out, const MentionRef& r) {
  PutU64(out, r.holder);
  PutU64(out, r.proposition);
  out->push_back(PolarityByte(r.polarity));
  PutU64(out, TimeBits(r.made));
}

bool GetRefPayload(std::string_view in, MentionRef* r) {
  if (in.size() < 25) return false;
  r->holder = GetU64(in.data());
  r->proposition = GetU64(in.data() + 8);
  r->polarity = BytePolarity(in[16]);
  r->made = BitsTime(GetU64(in.data() + 17));
  return true;
}

std::string ByHolderKey(const MentionRef& r) {
  std::string k;
  k.reserve(32);
  PutU64(&k, r.holder);
  PutU64(&k, r.proposition);
  PutU64(&k, TimeBits(r.made));
  PutU64(&k, r.sequence);
  return k;
}

bool DecodeByHolder(std::string_view key, std::string_view value, MentionRef* r) {
  if (key.size() != 32 || value.size() != 1) return false;
  r->holder = GetU64(key.data());
  r->proposition = GetU64(key.data() + 8);
  r->made = BitsTime(GetU64(key.data() + 16));
  r->sequence = GetU64(key.data() + 24);
  r->polarity = BytePolarity(value[0]);
  return true;
}

std::string ByPropKey(const MentionRef& r) {
  std::string k;
  k.reserve(24);
  PutU64(&k, r.proposition);
  PutU64(&k, TimeBits(r.made));
  PutU64(&k, r.sequence);
  return k;
}

bool DecodeByProp(std::string_view key, std::string_view value, MentionRef* r) {
  if (key.size() != 24 || value.size() != 9) return false;
  r->proposition = GetU64(key.data());
  r->made = BitsTime(GetU64(key.data() + 8));
  r->sequence = GetU64(key.data() + 16);
  r->holder = GetU64(value.data());
  r->polarity = BytePolarity(value[8]);
  return true;
}

std::string ByTimeKey(const MentionRef& r) {
  std::string k;
  k.reserve(16);
  PutU64(&k, TimeBits(r.made));
  PutU64(&k, r.sequence);
  return k;
}

bool DecodeByTime(std::string_view key, std::string_view value, MentionRef* r) {
  if (key.size() != 16 || !GetRefPayload(value, r)) return false;
  r->sequence = GetU64(key.data() + 8);
  return true;
}

std::string IdSeqKey(uint64_t id, uint64_t seq) {
  std::string k;
  k.reserve(16);
  PutU64(&k, id);
  PutU64(&k, seq);
  return k;
}

void PutMentionHeader(std::string* out, const MentionRef& r) {
  PutRefPayload(out, r);
  out->push_back(static_cast<char>((r.first_of_claim ? 1 : 0) | (r.completes_pair ? 2 : 0) |
                                   (r.pair_has_both ? 4 : 0)));
}

bool DecodeMentionsEntry(std::string_view key, std::string_view value, MentionRef* r) {
  if (key.size() != 8 || value.size() < kMentionHeader || !GetRefPayload(value, r)) return false;
  r->sequence = GetU64(key.data());
  const auto novelty = static_cast<uint8_t>(value[25]);
  r->first_of_claim = (novelty & 1) != 0;
  r->completes_pair = (novelty & 2) != 0;
  r->pair_has_both = (novelty & 4) != 0;
  return true;
}

std::string SidesValue(const PropositionSides& s) {
  std::string v;
  v.reserve(24);
  PutU64(&v, s.for_holders);
  PutU64(&v, s.against_holders);
  PutU64(&v, s.both_holders);
  return v;
}

bool DecodeSides(std::string_view value, PropositionSides* s) {
  if (value.size() != 24) return false;
  s->for_holders = GetU64(value.data());
  s->against_holders = GetU64(value.data() + 8);
  s->both_holders = GetU64(value.data() + 16);
  return true;
}

std::string PropClaimKey(schema::PropositionId p, int8_t polarity, schema::EntityId h) {
  std::string k;
  k.reserve(17);
  PutU64(&k, p);
  k.push_back(PolarityByte(polarity));
  PutU64(&k, h);
  return k;
}

bool DecodePropClaimKey(std::string_view key, schema::Claim* c) {
  if (key.size() != 17) return false;
  c->proposition = GetU64(key.data());
  c->polarity = BytePolarity(key[8]);
  c->holder = GetU64(key.data() + 9);
  c->id = 0;
  return true;
}

bool DecodePropClaim(std::string_view key, schema::Claim* c) {
  if (!DecodePropClaimKey(key, c)) return false;
  c->id = schema::MakeClaimId(c->holder, c->proposition, c->polarity);
  return true;
}

std::string HolderClaimKey(schema::EntityId h, schema::PropositionId p, int8_t polarity) {
  std::string k;
  k.reserve(17);
  PutU64(&k, h);
  PutU64(&k, p);
  k.push_back(PolarityByte(polarity));
  return k;
}

bool DecodeHolderClaimKey(std::string_view key, schema::Claim* c) {
  if (key.size() != 17) return false;
  c->holder = GetU64(key.data());
  c->proposition = GetU64(key.data() + 8);
  c->polarity = BytePolarity(key[16]);
  c->id = 0;
  return true;
}

bool DecodeHolderClaim(std::string_view key, schema::Claim* c) {
  if (!DecodeHolderClaimKey(key, c)) return false;
  c->id = schema::MakeClaimId(c->holder, c->proposition, c->polarity);
  return true;
}

std::string WriteChangesKey(uint64_t first_sequence) {
  std::string k(kWriteChangesPrefix);
  PutU64(&k, first_sequence);
  return k;
}

std::string WriteChangesValue(const WriteChanges& c) {
  std::string v;
  v.reserve(16 + 8 * c.propositions.size());
  PutU64(&v, c.end_sequence);
  PutU64(&v, c.pairs_added);
  for (schema::PropositionId p : c.propositions) PutU64(&v, p);
  return v;
}

bool DecodeWriteChanges(std::string_view key, std::string_view value, WriteChanges* c) {
  constexpr size_t kPrefix = sizeof(kWriteChangesPrefix) - 1;
  if (key.size() != kPrefix + 8 || value.size() < 16 || value.size() % 8 != 0) return false;
  c->first_sequence = GetU64(key.data() + kPrefix);
  c->end_sequence = GetU64(value.data());
  c->pairs_added = GetU64(value.data() + 8);
  c->propositions.clear();
  for (size_t at = 16; at < value.size(); at += 8) {
    c->propositions.push_back(GetU64(value.data() + at));
  }
  return c->end_sequence > c->first_sequence;
}

}  // namespace stancegraph::engine::keys

namespace stancegraph::engine {

schema::ClaimId MentionRef::claim() const {
  return schema::MakeClaimId(holder, proposition, polarity);
}

}  // namespace stancegraph::engine
