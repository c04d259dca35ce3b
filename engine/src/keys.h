// Key and value layouts of every column family (engine/FORMAT.md). Private.
// Integers are fixed-width big-endian so byte order is numeric order;
// timestamps have their sign bit flipped so negative times sort first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "stancegraph/engine/database.h"
#include "stancegraph/engine/iterators.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::engine::keys {

void PutU64(std::string* out, uint64_t v);
uint64_t GetU64(const char* p);
inline uint64_t TimeBits(schema::Timestamp t) { return static_cast<uint64_t>(t) ^ (1ULL << 63); }
inline schema::Timestamp BitsTime(uint64_t b) { return static_cast<schema::Timestamp>(b ^ (1ULL << 63)); }
// Polarity -1/0/+1 stored as one byte 0/1/2.
inline char PolarityByte(int8_t p) { return static_cast<char>(p + 1); }
inline int8_t BytePolarity(char b) { return static_cast<int8_t>(static_cast<uint8_t>(b) - 1); }

std::string U64Key(uint64_t id);  // docs, entities, props, claims, mentions
// The smallest key greater than every key starting with `prefix`.
std::string PrefixEnd(std::string_view prefix);

// The ref fields every mention index carries in its value (25 bytes):
// holder(8) proposition(8) polarity(1) made(8).
void PutRefPayload(std::string* out, const MentionRef& r);
bool GetRefPayload(std::string_view in, MentionRef* r);

// by_holder:      holder(8) prop(8) made(8) seq(8)  -> polarity(1)
std::string ByHolderKey(const MentionRef& r);
bool DecodeByHolder(std::string_view key, std::string_view value, MentionRef* r);
// by_prop:        prop(8) made(8) seq(8)            -> holder(8) polarity(1)
std::string ByPropKey(const MentionRef& r);
bool DecodeByProp(std::string_view key, std::string_view value, MentionRef* r);
// by_time:        made(8) seq(8)                    -> payload(25)
std::string ByTimeKey(const MentionRef& r);
bool DecodeByTime(std::string_view key, std::string_view value, MentionRef* r);
// doc_ranges:     doc(8) first seq(8)               -> count(8)
//   A document's mentions have consecutive sequences per write, so one entry
//   per write finds them in `mentions`.
std::string IdSeqKey(uint64_t id, uint64_t seq);
// mentions:       seq(8) -> payload(25) novelty(1) + schema binary Mention
//   novelty bits: 1 first_of_claim, 2 completes_pair, 4 pair_has_both.
inline constexpr size_t kMentionHeader = 26;
void PutMentionHeader(std::string* out, const MentionRef& r);
bool DecodeMentionsEntry(std::string_view key, std::string_view value, MentionRef* r);
// prop_claims:    prop(8) polarity(1) holder(8)     -> empty
std::string PropClaimKey(schema::PropositionId p, int8_t polarity, schema::EntityId h);
bool DecodePropClaim(std::string_view key, schema::Claim* c);
// The same without the claim id (left 0), which costs a hash: for scans that
// make it only when asked.
bool DecodePropClaimKey(std::string_view key, schema::Claim* c);
// holder_claims:  holder(8) prop(8) polarity(1)     -> empty
std::string HolderClaimKey(schema::EntityId h, schema::PropositionId p, int8_t polarity);
bool DecodeHolderClaim(std::string_view key, schema::Claim* c);
bool DecodeHolderClaimKey(std::string_view key, schema::Claim* c);
// prop_sides:     prop(8) -> for(8) against(8) both(8)
std::string SidesValue(const PropositionSides& s);
bool DecodeSides(std::string_view value, PropositionSides* s);
// ingest_log:     ingested(8) -> first sequence of that write (8)
// aliases:        normalised name -> entity id(8)

// default (meta): named values.
inline constexpr char kFormatVersionKey[] = "format_version";   // -> decimal text
inline constexpr char kNextSequenceKey[] = "next_sequence";     // -> u64
inline constexpr char kDocumentCountKey[] = "count/documents";  // -> u64
inline constexpr char kMentionCountKey[] = "count/mentions";    // -> u64
// + a name given to GetMeta/PutMeta -> its value.
inline constexpr char kUserMetaPrefix[] = "user/";
// + first sequence(8) of a write or bulk chunk that stored mentions -> its
// end sequence(8), the contradicting pairs it added(8), then each
// proposition whose pairs it changed(8): Q1 since any write's start without
// reading the sides.
inline constexpr char kWriteChangesPrefix[] = "changes/";
std::string WriteChangesKey(uint64_t first_sequence);
std::string WriteChangesValue(const WriteChanges& c);
// False when `value` is malformed.
bool DecodeWriteChanges(std::string_view key, std::string_view value, WriteChanges* c);

}  // namespace stancegraph::engine::keys
