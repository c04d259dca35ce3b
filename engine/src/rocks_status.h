// The one place rocksdb::Status becomes absl::Status. Private.
#pragma once

#include <string_view>

#include "absl/status/status.h"
#include "rocksdb/status.h"

namespace stancegraph::engine {

// `context` names what was being done ("open /path", "write document ...").
absl::Status FromRocks(const rocksdb::Status& s, std::string_view context);

}  // namespace stancegraph::engine
