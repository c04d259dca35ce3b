#include "stancegraph/schema/ids.h"

#include <cstring>

#include "absl/strings/ascii.h"

namespace stancegraph::schema {
namespace {

// MurmurHash64A (Austin Appleby, public domain), little-endian reads.
uint64_t Murmur64A(const void* key, size_t len, uint64_t seed) {
  constexpr uint64_t m = 0xc6a4a7935bd1e995ULL;
  constexpr int r = 47;
  uint64_t h = seed ^ (len * m);
  const auto* data = static_cast<const unsigned char*>(key);
  const unsigned char* end = data + (len / 8) * 8;
  for (; data != end; data += 8) {
    uint64_t k;
    std::memcpy(&k, data, 8);
    k *= m;
    k ^= k >> r;
    k *= m;
    h ^= k;
    h *= m;
  }
  switch (len & 7) {
    case 7: h ^= uint64_t(data[6]) << 48; [[fallthrough]];
    case 6: h ^= uint64_t(data[5]) << 40; [[fallthrough]];
    case 5: h ^= uint64_t(data[4]) << 32; [[fallthrough]];
    case 4: h ^= uint64_t(data[3]) << 24; [[fallthrough]];
    case 3: h ^= uint64_t(data[2]) << 16; [[fallthrough]];
    case 2: h ^= uint64_t(data[1]) << 8; [[fallthrough]];
    case 1:
      h ^= uint64_t(data[0]);
      h *= m;
  }
  h ^= h >> r;
  h *= m;
  h ^= h >> r;
  return h;
}

constexpr uint64_t kSeed = 0x5374616e63654772ULL;  // "StanceGr"

// The hash of "<tag>:<bytes>". Ids are made for every claim a scan decodes,
// so short inputs (claims, most names) are laid out on the stack.
uint64_t Tagged(char tag, std::string_view bytes) {
  constexpr size_t kInline = 64;
  if (bytes.size() + 2 <= kInline) {
    char buf[kInline];
    buf[0] = tag;
    buf[1] = ':';
    std::memcpy(buf + 2, bytes.data(), bytes.size());
    return StableHash64(std::string_view(buf, bytes.size() + 2));
  }
  std::string buf;
  buf.reserve(bytes.size() + 2);
  buf.push_back(tag);
  buf.push_back(':');
  buf.append(bytes);
  return StableHash64(buf);
}

}  // namespace

uint64_t StableHash64(std::string_view bytes) {
  uint64_t h = Murmur64A(bytes.data(), bytes.size(), kSeed);
  return h == 0 ? 1 : h;
}

std::string NormalizeKey(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

DocumentId MakeDocumentId(std::string_view content) { return Tagged('d', content); }
EntityId MakeEntityId(std::string_view canonical_name) {
  return Tagged('e', NormalizeKey(canonical_name));
}
PropositionId MakePropositionId(std::string_view normalized_key) {
  return Tagged('p', NormalizeKey(normalized_key));
}
ClaimId MakeClaimId(EntityId holder, PropositionId proposition, int8_t polarity) {
  char buf[17];
  std::memcpy(buf, &holder, 8);
  std::memcpy(buf + 8, &proposition, 8);
  buf[16] = static_cast<char>(polarity);
  return Tagged('c', std::string_view(buf, sizeof buf));
}

std::string FormatId(uint64_t id) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kHex[id & 0xf];
    id >>= 4;
  }
  return out;
}

std::optional<uint64_t> ParseId(std::string_view text) {
  if (text.size() != 16) return std::nullopt;
  uint64_t v = 0;
  for (char c : text) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return std::nullopt;
    v = (v << 4) | uint64_t(d);
  }
  return v;
}

}  // namespace stancegraph::schema
