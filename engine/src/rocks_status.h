// The one place rocksdb::Status becomes absl::Status, and Slice a
// string_view. Private.
#pragma once

#include <string_view>

#include "absl/status/status.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"

namespace stancegraph::engine {

// `context` names what was being done ("open /path", "write document ...").
absl::Status FromRocks(const rocksdb::Status& s, std::string_view context);

inline std::string_view View(const rocksdb::Slice& s) { return {s.data(), s.size()}; }

}  // namespace stancegraph::engine
