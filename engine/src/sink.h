// Where staged key/value pairs go: a WriteBatch for ordinary writes, sorted
// runs for bulk loads. Private.
#pragma once

#include <string_view>

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

}  // namespace stancegraph::engine
