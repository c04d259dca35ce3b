// Options for opening and writing a stancegraph database. Aggregates with
// defaults, so designated initializers work:
//   OpenOptions{.mode = AccessMode::kReadOnly}
#pragma once

#include <cstddef>
#include <string>

namespace rocksdb {
class Env;
}  // namespace rocksdb

namespace stancegraph::engine {

enum class AccessMode {
  kReadWrite,  // one writer per directory; a second gets FailedPrecondition "locked"
  kReadOnly,   // a frozen view as of Open; works while another process writes
  kSecondary,  // follows a writer: call Database::CatchUp() to see its new writes
};

struct OpenOptions {
  // Create the directory and database when absent. Only for kReadWrite.
  // Default: true.
  bool create_if_missing = true;
  // Default: kReadWrite.
  AccessMode mode = AccessMode::kReadWrite;
  // kSecondary only: a private directory for the secondary's own logs.
  // Default: "" = a fresh directory under the system temp dir.
  std::string secondary_path;
  // Shared block cache for all column families. Default: 256 MiB.
  size_t block_cache_bytes = 256u << 20;
  // Memory for memtables across column families. Default: 256 MiB.
  size_t write_buffer_bytes = 256u << 20;
  // Tune for loading many documents quickly: larger memtables, no write-ahead
  // log (each Write is still atomic; all column families flush together, and
  // Close flushes). A crash loses the writes since the last flush, never half
  // a document. Default: false.
  bool bulk_load = false;
  // The environment every file of the database is read and written through,
  // e.g. one whose file system injects faults in a test. Not owned; must
  // outlive the database. Default: nullptr = the operating system's.
  rocksdb::Env* env = nullptr;
};

struct WriteOptions {
  // fsync the write-ahead log before Write returns. Default: false.
  bool sync = false;
  // Leave a document that is already stored as it is (ids are content
  // hashes, so importing the same input twice changes nothing).
  // Default: true.
  bool skip_existing = true;
  // Store each document with the ingest time it carries (Document::ingested,
  // which must be set) instead of the time of this write, so a rebuilt store
  // keeps when each document was learned. The ingest log gets an entry per
  // ingest time. REQUIRES: documents come in ingest-time order, none earlier
  // than a document already stored (else "new since" answers are off).
  // Not for bulk loads. Default: false.
  bool keep_ingest_time = false;
};

}  // namespace stancegraph::engine
