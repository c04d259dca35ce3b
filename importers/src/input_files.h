// Expands import paths into the inputs to read. Private to importers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stancegraph/importers/source.h"

namespace stancegraph::importers {

// Files are kept as given; directories are walked recursively in name order
// (hidden entries skipped, symbolic links to directories followed only when
// `follow_symlinks`, and then each directory once, so loops end); "-" stays
// "-" (stdin). Paths that do not exist are reported to `errors`.
// Directory walks also pass over documentation (README*, LICENSE*,
// CHANGELOG*, *.md, ...), binary files and extensions no format reads, each
// reported to `errors` as a note (ImportError::skipped). A file named
// directly is always read.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths, bool follow_symlinks,
                                      const ErrorSink& errors);

// True when the first bytes of a file say it is not text (a NUL byte).
bool LooksBinary(std::string_view head);

}  // namespace stancegraph::importers
