// Where staged key/value pairs go: a WriteBatch for ordinary writes, sorted
// runs for bulk loads. Private.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "column_families.h"
#include "rocksdb/write_batch.h"

namespace stancegraph::engine {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void Put(Cf cf, std::string_view key, std::string_view value) = 0;
};

class WriteBatchSink final : public Sink {
 public:
  WriteBatchSink(rocksdb::WriteBatch* batch, rocksdb::ColumnFamilyHandle* const* handles)
      : batch_(batch), handles_(handles) {}
  void Put(Cf cf, std::string_view key, std::string_view value) override {
    batch_->Put(handles_[cf], rocksdb::Slice(key.data(), key.size()),
                rocksdb::Slice(value.data(), value.size()))
        .PermitUncheckedError();
  }

 private:
  rocksdb::WriteBatch* batch_;
  rocksdb::ColumnFamilyHandle* const* handles_;
};

// Collects the pairs of one write, then puts them into a WriteBatch sorted
// by column family and key. RocksDB's memtable skip list keeps where its
// last insert went, so keys in order each land beside the one before
// instead of being searched for from the top: a write of many documents
// costs far fewer key comparisons. The sort is stable, so a key put twice
// keeps its last value.
class SortedWriteBatchSink final : public Sink {
 public:
  void Put(Cf cf, std::string_view key, std::string_view value) override {
    entries_.push_back({.at = arena_.size(), .key_size = static_cast<uint32_t>(key.size()),
                        .value_size = static_cast<uint32_t>(value.size()), .cf = cf});
    arena_.append(key);
    arena_.append(value);
  }

  // Bytes the pairs take in a WriteBatch, about: for reserving it.
  size_t ApproximateBytes() const { return arena_.size() + 8 * entries_.size() + 12; }

  void PutSortedInto(rocksdb::WriteBatch* batch, rocksdb::ColumnFamilyHandle* const* handles) {
    std::stable_sort(entries_.begin(), entries_.end(), [this](const Entry& a, const Entry& b) {
      if (a.cf != b.cf) return a.cf < b.cf;
      return Key(a) < Key(b);
    });
    for (const Entry& e : entries_) {
      batch->Put(handles[e.cf], rocksdb::Slice(arena_.data() + e.at, e.key_size),
                 rocksdb::Slice(arena_.data() + e.at + e.key_size, e.value_size))
          .PermitUncheckedError();
    }
  }

 private:
  struct Entry {
    size_t at;  // of the key in arena_; the value follows it
    uint32_t key_size;
    uint32_t value_size;
    Cf cf;
  };
  std::string_view Key(const Entry& e) const { return {arena_.data() + e.at, e.key_size}; }

  std::string arena_;
  std::vector<Entry> entries_;
};

}  // namespace stancegraph::engine
