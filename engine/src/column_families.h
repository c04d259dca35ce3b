// The column families of a database, in the order they are opened. Private.
#pragma once

#include <array>
#include <string_view>

namespace stancegraph::engine {

enum Cf : int {
  kMeta = 0,  // RocksDB's "default" family
  kDocs,
  kEntities,
  kAliases,
  kProps,
  kClaims,
  kMentions,
  kDocRanges,
  kByHolder,
  kByProp,
  kByTime,
  kPropClaims,
  kHolderClaims,
  kIngestLog,
  kPropSides,
  kNumCfs,
};

inline constexpr std::array<std::string_view, kNumCfs> kCfNames = {
    "default",  "docs",          "entities",    "aliases",   "props",
    "claims",   "mentions",      "doc_ranges", "by_holder",
    "by_prop",  "by_time",       "prop_claims", "holder_claims", "ingest_log",
    "prop_sides",
};

// Column families keyed by an 8-byte id prefix.
inline constexpr bool HasIdPrefix(int cf) {
  return cf == kDocRanges || cf == kByHolder || cf == kByProp ||
         cf == kPropClaims || cf == kHolderClaims;
}

// Of those, the ones read by prefix seeks, which a prefix bloom filter
// serves; the others are scanned in total order, where a filter is dead
// weight in every file written.
inline constexpr bool IsPrefixSought(int cf) { return cf == kDocRanges; }

// Column families read by point lookups get a whole-key bloom filter.
inline constexpr bool IsPointLookup(int cf) {
  return cf == kDocs || cf == kEntities || cf == kAliases || cf == kProps || cf == kClaims ||
         cf == kMentions || cf == kMeta || cf == kPropSides;
}

}  // namespace stancegraph::engine
