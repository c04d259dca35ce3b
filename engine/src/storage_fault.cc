#include "stancegraph/engine/storage_fault.h"

#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace stancegraph::engine {
namespace {
constexpr char kFaultPayload[] = "stancegraph/storage-fault";
}  // namespace

bool IsStorageFault(const absl::Status& s) {
  if (s.ok()) return false;
  if (s.GetPayload(kFaultPayload).has_value()) return true;
  // A caller may have re-made the status with more context and lost the
  // mark; RocksDB's and the C library's texts still tell.
  return absl::StrContains(s.message(), "No space left on device") ||
         absl::StrContains(s.message(), "IO error: ");
}

absl::Status MarkStorageFault(const absl::Status& s, bool no_space) {
  if (s.ok()) return s;
  absl::Status out =
      no_space ? absl::ResourceExhaustedError(s.message()) : absl::UnavailableError(s.message());
  out.SetPayload(kFaultPayload, absl::Cord(no_space ? "no-space" : "io"));
  return out;
}

absl::Status ExplainStorageFault(const absl::Status& s, std::string_view kept) {
  if (!IsStorageFault(s)) return s;
  absl::Status out(s.code(),
                   absl::StrCat(s.message(), ". ", absl::string_view(kept.data(), kept.size()),
                                ". Free space on the disk (or repair it) and run the same "
                                "command again."));
  s.ForEachPayload(
      [&](absl::string_view url, const absl::Cord& payload) { out.SetPayload(url, payload); });
  return out;
}

}  // namespace stancegraph::engine
