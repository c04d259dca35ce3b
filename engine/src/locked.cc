#include "stancegraph/engine/locked.h"

#include "absl/strings/cord.h"
#include "absl/strings/string_view.h"

namespace stancegraph::engine {

absl::Status LockedError(std::string_view message) {
  absl::Status s = absl::FailedPreconditionError(absl::string_view(message.data(), message.size()));
  s.SetPayload(absl::string_view(kLockedPayloadUrl.data(), kLockedPayloadUrl.size()), absl::Cord());
  return s;
}

bool IsLocked(const absl::Status& status) {
  return absl::IsFailedPrecondition(status) &&
         status.GetPayload(absl::string_view(kLockedPayloadUrl.data(), kLockedPayloadUrl.size()))
             .has_value();
}

}  // namespace stancegraph::engine
