// RocksDB's diagnostic log (the LOG file in the database directory), written
// so that a full disk or a failing write never stops the program: a line that
// cannot be written is dropped. (RocksDB's own log file asserts when written
// again after a failed write, which aborted imports on a full disk.) Private.
#pragma once

#include <memory>
#include <string>

#include "rocksdb/env.h"

namespace stancegraph::engine {

// A logger appending to `path` at WARN level and above; an older file at
// `path` is renamed to "<path>.old" first. When the file cannot be opened,
// the logger drops every line. Thread-safe.
std::shared_ptr<rocksdb::Logger> NewInfoLog(const std::string& path);

// A logger that drops every line: for read-only openings, which must not
// rotate the writer's LOG file.
std::shared_ptr<rocksdb::Logger> NewSilentInfoLog();

}  // namespace stancegraph::engine
