// The layout of wordnet.bin, the compact WordNet 3.0 table that
// importers/tools/wordnet_compile writes at build time and lang::WordNet
// reads. Shared by both, so the writer and the reader cannot disagree.
//
// Version 1. Integers are little-endian; the file is read into memory whole
// and used in place (nothing is parsed or rebuilt at load).
//
// Header, 64 bytes:
//    0  char[8]  magic "SGWORDNT"
//    8  u32      format version (kVersion)
//   12  u32      header size (64)
//   16  u64      file size in bytes
//   24  u64      Checksum() of the bytes after the header
//   32  u32      n, the number of strings
//   36  u32      s, the number of hash slots (a power of two, more than n)
//   40  u32      e, the number of edges
//   44  u32      t, the bytes of string text
//   48  16 bytes reserved, zero
// Then six sections in this order, each padded with zeros to a multiple of
// 8 bytes:
//   offsets      u32[n + 1]  string i is text[offsets[i], offsets[i + 1]);
//                            strings are unique and sorted bytewise. They
//                            are the lemmas of every part of speech (lower
//                            case, spaces between the words of a multi-word
//                            lemma) and the inflected forms of the exception
//                            lists.
//   records      u32[n]      byte 0: bit p set when string i is a lemma of
//                            part of speech p (0 noun, 1 verb, 2 adjective,
//                            3 adverb); byte 1: bit p set when it has
//                            exception edges for p; byte 2: lexicographer
//                            file (kLexNames index) of its first noun sense,
//                            byte 3 of its first verb sense, 0xFF for none.
//   edge_starts  u32[n + 1]  the edges of string i are
//                            edges[edge_starts[i], edge_starts[i + 1]).
//   edges        u32[2 e]    per edge: the target string index, then
//                            kind | from pos << 8 | to pos << 16. Kinds:
//                            kEdgeException (an inflected form to a base form
//                            that is a lemma of that part of speech), kEdgeDerived
//                            (WordNet `+` pointers between nouns, verbs and
//                            adjectives, and -ation/-ment nouns WordNet leaves
//                            unlinked), kEdgeAntonym (`!` pointers of
//                            verbs and adjectives). A string's edges are
//                            sorted by kind, from pos, to pos, then most
//                            useful first (see wordnet_compile.cc).
//   slots        u32[s]      an open-addressing hash of the strings: 0 is
//                            empty; otherwise bits 0-23 hold the string
//                            index + 1 and bits 24-31 the top byte of its
//                            StringHash(). A string sits in the first free
//                            slot from StringHash() & (s - 1), probing up.
//   text         u8[t]       the strings' bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace stancegraph::importers::lang::format {

inline constexpr char kMagic[8] = {'S', 'G', 'W', 'O', 'R', 'D', 'N', 'T'};
inline constexpr uint32_t kVersion = 1;
inline constexpr uint32_t kHeaderSize = 64;
inline constexpr uint32_t kMaxStrings = (1u << 24) - 2;  // slot index bits

inline constexpr uint32_t kEdgeException = 0;
inline constexpr uint32_t kEdgeDerived = 1;
inline constexpr uint32_t kEdgeAntonym = 2;

inline constexpr uint8_t kNoCategory = 0xFF;

// lexnames(5WN): the lexicographer files of WordNet 3.0, by number.
inline constexpr std::string_view kLexNames[] = {
    "adj.all",          "adj.pert",           "adv.all",
    "noun.Tops",        "noun.act",           "noun.animal",
    "noun.artifact",    "noun.attribute",     "noun.body",
    "noun.cognition",   "noun.communication", "noun.event",
    "noun.feeling",     "noun.food",          "noun.group",
    "noun.location",    "noun.motive",        "noun.object",
    "noun.person",      "noun.phenomenon",    "noun.plant",
    "noun.possession",  "noun.process",       "noun.quantity",
    "noun.relation",    "noun.shape",         "noun.state",
    "noun.substance",   "noun.time",          "verb.body",
    "verb.change",      "verb.cognition",     "verb.communication",
    "verb.competition", "verb.consumption",   "verb.contact",
    "verb.creation",    "verb.emotion",       "verb.motion",
    "verb.perception",  "verb.possession",    "verb.social",
    "verb.stative",     "verb.weather",       "adj.ppl"};
inline constexpr size_t kLexNameCount = sizeof(kLexNames) / sizeof(kLexNames[0]);

inline uint32_t LoadU32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
         static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}

inline uint64_t LoadU64(const uint8_t* p) {
  return static_cast<uint64_t>(LoadU32(p)) | static_cast<uint64_t>(LoadU32(p + 4)) << 32;
}

// FNV-1a over the bytes, then a final mix so that the low bits (the slot)
// and the top byte (the tag) both depend on every byte.
inline uint64_t StringHash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : s) {
    h ^= static_cast<uint8_t>(c);
    h *= 0x100000001b3ull;
  }
  h ^= h >> 31;
  h *= 0x9e3779b97f4a7c15ull;
  h ^= h >> 29;
  return h;
}

// A 64-bit checksum that catches truncation and corruption cheaply enough
// to run at every load: four independent lanes of eight bytes each per
// 32-byte block (so the multiplications overlap), then the tail byte by
// byte, then the lanes folded together.
inline uint64_t Checksum(const uint8_t* data, size_t size) {
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ull;
  uint64_t lane[4] = {0x243f6a8885a308d3ull ^ size, 0x13198a2e03707344ull, 0xa4093822299f31d0ull,
                      0x082efa98ec4e6c89ull};
  size_t i = 0;
  for (; i + 32 <= size; i += 32) {
    for (int k = 0; k < 4; ++k) {
      lane[k] = (lane[k] ^ LoadU64(data + i + 8 * k)) * kMul;
      lane[k] ^= lane[k] >> 32;
    }
  }
  uint64_t h = lane[0];
  for (int k = 1; k < 4; ++k) h = (h ^ lane[k]) * kMul;
  for (; i < size; ++i) h = (h ^ data[i]) * 0x100000001b3ull;
  h ^= h >> 33;
  return h;
}

inline constexpr size_t Padded(size_t bytes) { return (bytes + 7) & ~size_t{7}; }

}  // namespace stancegraph::importers::lang::format
