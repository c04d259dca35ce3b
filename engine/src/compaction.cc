// How a database's two big indexes are laid out (how many sorted runs a scan
// merges) and merging them and the proposition sides, or every column
// family, into one run each.
#include <future>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "database_impl.h"
#include "rocks_status.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::engine {

bool IndexLayout::CompactionPays() const {
  // One run per index is the bulk layout. A second run, however small, costs
  // a whole-store scan a heap merge per key (Q1 and Q2 take about 1.7 times
  // as long), so indexes small enough to rewrite in a moment are merged
  // whenever they have one; bigger ones once the runs outside the bottom
  // level hold a noticeable share, or there are many of them.
  constexpr uint64_t kAlwaysMergeBytes = 256u << 20;
  if (sorted_runs <= 2) return false;
  if (bytes <= kAlwaysMergeBytes) return true;
  return sorted_runs > 8 || bytes_above_bottom * 50 > bytes;
}

absl::StatusOr<IndexLayout> DatabaseImpl::QueryIndexLayout() {
  IndexLayout layout;
  for (Cf c : {kPropClaims, kByHolder}) {
    rocksdb::ColumnFamilyMetaData meta;
    db_->GetColumnFamilyMetaData(cf(c), &meta);
    uint64_t bottom = 0;
    for (const rocksdb::LevelMetaData& level : meta.levels) {
      if (level.files.empty()) continue;
      layout.sorted_runs += level.level == 0 ? level.files.size() : 1;
      if (level.level > 0) bottom = level.size;
    }
    // A level-0-only index has no bottom level yet: all of it counts above.
    layout.bytes += meta.size;
    layout.bytes_above_bottom += meta.size - bottom;
    uint64_t entries = 0;
    if (db_->GetIntProperty(cf(c), rocksdb::DB::Properties::kNumEntriesActiveMemTable, &entries) &&
        entries > 0) {
      layout.sorted_runs += 1;
    }
    uint64_t immutable = 0;
    if (db_->GetIntProperty(cf(c), rocksdb::DB::Properties::kNumImmutableMemTable, &immutable)) {
      layout.sorted_runs += immutable;
    }
  }
  return layout;
}

absl::Status DatabaseImpl::Compact(bool all) {
  if (mode_ != AccessMode::kReadWrite) {
    return absl::FailedPreconditionError(absl::StrCat("compact ", dir_, ": opened read-only"));
  }
  SG_RETURN_IF_ERROR(Flush());
  std::vector<int> families;
  if (all) {
    for (int c = 0; c < kNumCfs; ++c) families.push_back(c);
  } else {
    families = {kByHolder, kPropClaims, kPropSides};
  }
  auto merge = [this](int c) -> absl::Status {
    rocksdb::CompactRangeOptions cro;
    // Everything ends in the bottom level, one sorted run.
    cro.change_level = false;
    cro.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kIfHaveCompactionFilter;
    return NoteWrite(FromRocks(db_->CompactRange(cro, cf(static_cast<Cf>(c)), nullptr, nullptr),
                               absl::StrCat("compact ", std::string(kCfNames[c]), " of ", dir_)));
  };
  // The two biggest in parallel, as the bulk loader merges them.
  absl::Status status;
  for (size_t i = 0; i < families.size(); i += 2) {
    if (i + 1 < families.size()) {
      auto other = std::async(std::launch::async, [&] { return merge(families[i + 1]); });
      status.Update(merge(families[i]));
      status.Update(other.get());
    } else {
      status.Update(merge(families[i]));
    }
  }
  return status;
}

}  // namespace stancegraph::engine
