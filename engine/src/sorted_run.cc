#include "sorted_run.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>

#include "absl/strings/str_cat.h"
#include "rocks_status.h"
#include "rocksdb/sst_file_writer.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::engine {

SortedRun::Block::Block(size_t size) : size_(size) {
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE,
                 -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  data_ = static_cast<char*>(p);
}

SortedRun::Block::~Block() {
  if (data_ != nullptr) munmap(data_, size_);
}

void SortedRun::Clear() {
  entries_.clear();
  block_ = 0;
  block_size_ = blocks_.empty() ? 0 : blocks_[0].size();
  used_ = bytes_ = 0;
  sorted_ = true;
}

void SortedRun::NewBlock(size_t need) {
  // Move to the next kept block that is big enough, else map one.
  size_t next = block_size_ == 0 ? 0 : block_ + 1;
  while (next < blocks_.size() && blocks_[next].size() < need) ++next;
  if (next >= blocks_.size()) {
    blocks_.emplace_back(std::max(kBlockSize, need));
    next = blocks_.size() - 1;
  }
  block_ = next;
  block_size_ = blocks_[next].size();
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
  // Sorted entries point all over the blocks: fetch a few ahead.
  constexpr size_t kAhead = 8;
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (i + kAhead < entries_.size()) {
      __builtin_prefetch(entries_[i + kAhead].at);
      __builtin_prefetch(entries_[i + kAhead].at + 64);
    }
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
