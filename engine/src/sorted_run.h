// A column family's buffered key/value pairs for the bulk loader, written
// out as one sorted SST file. Private.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "rocksdb/options.h"

namespace stancegraph::engine {

// Entries live in blocks that never move: [klen u32][vlen u32][key][value].
// Sorting works on fixed-size records carrying the first 16 key bytes, so
// most comparisons never touch the blocks. Clear() keeps the memory for the
// next chunk: touching fresh pages costs more than filling them.
class SortedRun {
 public:
  void Put(std::string_view key, std::string_view value) {
    const size_t need = 8 + key.size() + value.size();
    if (used_ + need > block_size_) NewBlock(need);
    char* p = blocks_[block_].data() + used_;
    const uint32_t lens[2] = {static_cast<uint32_t>(key.size()),
                              static_cast<uint32_t>(value.size())};
    std::memcpy(p, lens, 8);
    std::memcpy(p + 8, key.data(), key.size());
    std::memcpy(p + 8 + key.size(), value.data(), value.size());
    Entry e{.hi = Prefix(key, 0),
            .lo = Prefix(key, 8),
            .at = p,
            .seq = static_cast<uint32_t>(entries_.size()),
            .klen = lens[0]};
    sorted_ = sorted_ && (entries_.empty() || Less(entries_.back(), e));
    entries_.push_back(e);
    used_ += need;
    bytes_ += need + sizeof(Entry);
  }
  bool empty() const { return entries_.empty(); }
  size_t entries() const { return entries_.size(); }
  // Bytes buffered in this chunk.
  size_t bytes() const { return bytes_; }
  // Forgets the entries and keeps the memory.
  void Clear();

  // Writes the entries in key order to a new SST file at `path`; of equal
  // keys the last put wins.
  absl::Status WriteSst(const rocksdb::Options& options, const std::string& path);

 private:
  struct Entry {
    uint64_t hi = 0, lo = 0;  // key bytes 0..7 and 8..15, big-endian, zero-padded
    const char* at = nullptr;
    uint32_t seq = 0;  // insertion order, so the last put of a key wins
    uint32_t klen = 0;
  };

  static uint64_t Prefix(std::string_view key, size_t from) {
    if (key.size() >= from + 8) {
      uint64_t v;
      std::memcpy(&v, key.data() + from, 8);
      return __builtin_bswap64(v);
    }
    uint64_t v = 0;
    for (size_t i = from; i < from + 8; ++i) {
      v = (v << 8) | (i < key.size() ? static_cast<uint8_t>(key[i]) : 0);
    }
    return v;
  }
  static std::string_view Key(const Entry& e) {
    uint32_t klen;
    std::memcpy(&klen, e.at, 4);
    return std::string_view(e.at + 8, klen);
  }
  static std::string_view Value(const Entry& e) {
    uint32_t lens[2];
    std::memcpy(lens, e.at, 8);
    return std::string_view(e.at + 8 + lens[0], lens[1]);
  }
  // Key order; keys of up to 16 bytes compare without touching the blocks.
  static int Compare(const Entry& a, const Entry& b) {
    if (a.hi != b.hi) return a.hi < b.hi ? -1 : 1;
    if (a.lo != b.lo) return a.lo < b.lo ? -1 : 1;
    if (a.klen <= 16 && b.klen <= 16) return a.klen == b.klen ? 0 : (a.klen < b.klen ? -1 : 1);
    return Key(a).compare(Key(b));
  }
  static bool Less(const Entry& a, const Entry& b) { return Compare(a, b) < 0; }
  void NewBlock(size_t need);

  // Memory mapped with its pages populated in one call: faulting fresh
  // pages in one at a time costs more than filling them.
  class Block {
   public:
    explicit Block(size_t size);
    Block(Block&& b) noexcept : data_(b.data_), size_(b.size_) { b.data_ = nullptr; }
    Block& operator=(Block&&) = delete;
    ~Block();
    char* data() const { return data_; }
    size_t size() const { return size_; }

   private:
    char* data_;
    size_t size_;
  };

  static constexpr size_t kBlockSize = 4u << 20;
  std::vector<Block> blocks_;
  size_t block_ = 0;       // the block being filled
  size_t block_size_ = 0;  // its size; 0 before the first
  size_t used_ = 0;
  size_t bytes_ = 0;
  std::vector<Entry> entries_;
  bool sorted_ = true;
};

}  // namespace stancegraph::engine
