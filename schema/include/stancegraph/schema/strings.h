// Debian's Abseil (20220623) has its own absl::string_view, distinct from
// std::string_view: convert explicitly when passing one to absl::StrCat & co.
#pragma once

#include <string_view>

#include "absl/strings/string_view.h"

namespace stancegraph {

inline absl::string_view Av(std::string_view s) { return absl::string_view(s.data(), s.size()); }
inline std::string_view Sv(absl::string_view s) { return std::string_view(s.data(), s.size()); }

}  // namespace stancegraph
