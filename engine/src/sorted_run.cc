#include "sorted_run.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "rocks_status.h"
#include "rocksdb/sst_file_writer.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::engine {

void SortedRun::Clear() {
  entries_.clear();
  block_ = 0;
  block_size_ = blocks_.empty() ? 0 : block_sizes_[0];
  used_ = bytes_ = 0;
  sorted_ = true;
}

void SortedRun::NewBlock(size_t need) {
  // Move to the next kept block that is big enough, else allocate one.
  size_t next = block_size_ == 0 ? 0 : block_ + 1;
  while (next < blocks_.size() && block_sizes_[next] < need) ++next;
  if (next >= blocks_.size()) {
    const size_t size = std::max(kBlockSize, need);
    blocks_.emplace_back(new char[size]);
    block_sizes_.push_back(size);
    next = blocks_.size() - 1;
  }
  block_ = next;
  block_size_ = block_sizes_[next];
  used_ = 0;
}

absl::Status SortedRun::WriteSst(const rocksdb::Options& options, const std::string& path) {
  if (!sorted_) {
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      const int c = Compare(a, b);
      return c != 0 ? c < 0 : a.seq < b.seq;
    });
  }
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options);
  SG_RETURN_IF_ERROR(FromRocks(writer.Open(path), absl::StrCat("create ", path)));
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (i + 1 < entries_.size() && Compare(entries_[i], entries_[i + 1]) == 0) continue;
    const std::string_view k = Key(entries_[i]);
    const std::string_view v = Value(entries_[i]);
    SG_RETURN_IF_ERROR(FromRocks(
        writer.Put(rocksdb::Slice(k.data(), k.size()), rocksdb::Slice(v.data(), v.size())),
        absl::StrCat("write ", path)));
  }
  return FromRocks(writer.Finish(), absl::StrCat("finish ", path));
}

}  // namespace stancegraph::engine
