// Expands import paths into the inputs to read. Private to importers.
#pragma once

#include <string>
#include <vector>

#include "stancegraph/importers/source.h"

namespace stancegraph::importers {

// Files are kept as given; directories are walked recursively in name order
// (hidden entries skipped, symbolic links to directories followed only when
// `follow_symlinks`, and then each directory once, so loops end); "-" stays
// "-" (stdin). Paths that do not exist are reported to `errors`.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths, bool follow_symlinks,
                                      const ErrorSink& errors);

}  // namespace stancegraph::importers
