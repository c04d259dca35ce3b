// Storage faults: the disk is full, a write or fsync failed, a file could
// not be created or renamed. The engine reports them as
//   ResourceExhausted  the device is full (ENOSPC)
//   Unavailable        any other I/O error (EIO, a failed fsync or rename)
// marked so callers can tell them from other errors of the same code, and
// stops writing after the first one: a database that met one refuses further
// writes until it is reopened. What is stored stays whole (a document, a
// bulk-load chunk, a watermark is stored entirely or not at all), and the
// database reopens once the cause is fixed.
#pragma once

#include <string_view>

#include "absl/status/status.h"

namespace stancegraph::engine {

// True when `s` reports a storage fault: from the engine, marked with
// MarkStorageFault, or a status made from one's message.
bool IsStorageFault(const absl::Status& s);

// `s` (not OK) marked as a storage fault; ResourceExhausted when `no_space`,
// else Unavailable, keeping the message.
absl::Status MarkStorageFault(const absl::Status& s, bool no_space);

// For a storage fault: the message followed by what was kept and what to do,
//   "<message>. <kept>. Free space on the disk (or repair it) and run the same
//    command again."
// Any other status is returned as it is.
absl::Status ExplainStorageFault(const absl::Status& s, std::string_view kept);

}  // namespace stancegraph::engine
