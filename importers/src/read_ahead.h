// Reading, parsing and validating the inputs of an import on a thread of its
// own, ahead of the writes: extraction and storage use both cores. Private.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "stancegraph/importers/import.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::importers {

// About what a parsed document costs in memory and in a write, for sizing
// batches.
inline size_t BatchWeight(const schema::DocumentClaims& d) {
  return d.document.text.size() + 256 * d.mentions.size();
}

// What the reader hands over, in input order.
struct ReadBatch {
  std::vector<schema::DocumentClaims> documents;  // valid ones
  std::vector<ImportError> errors;                // met while reading these
  uint64_t files = 0;                             // files begun
  uint64_t documents_read = 0;                    // including invalid ones
  uint64_t bytes_read = 0;                        // since the previous batch
  uint64_t bytes_total = 0;  // the first batch: the inputs' sizes, found before reading
  bool size_unknown = false;  // the first batch: an input (stdin) has no size
};

class ReadAhead {
 public:
  // Starts reading `paths` as Import() describes them.
  ReadAhead(std::vector<std::string> paths, const ImportOptions& options);
  // Stops the reader (if still running) and waits for it.
  ~ReadAhead();
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // The next batch; false once everything is handed over.
  bool Next(ReadBatch* out);

 private:
  void Run();
  void ReadFile(const std::string& path);
  // Hands `pending_` over when it is big enough (or `force`); false once the
  // consumer has gone away.
  bool Offer(bool force);

  static constexpr size_t kBatchDocuments = 256;
  static constexpr size_t kBatchBytes = 8u << 20;
  static constexpr size_t kMaxQueued = 4;

  const std::vector<std::string> paths_;
  const ImportOptions options_;
  ReadBatch pending_;  // reader thread only
  size_t pending_bytes_ = 0;
  const ErrorSink collect_;  // into pending_.errors
  uint64_t file_counted_ = 0;  // reader thread: bytes of the current file counted so far

  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<ReadBatch> queue_;  // guarded by mu_
  bool done_ = false;            // guarded by mu_: the reader has finished
  bool stopped_ = false;         // guarded by mu_: the consumer has gone away
  std::thread thread_;
};

}  // namespace stancegraph::importers
