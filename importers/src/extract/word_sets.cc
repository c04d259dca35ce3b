#include "extract/word_sets.h"

namespace stancegraph::importers::extract {

bool IsAuxOrAdverb(const Token& t) {
  if ((t.grammar & kAux) != 0) return true;
  const std::string_view w = t.lower;
  return w.size() > 4 && w.ends_with("ly") && w != "ally" && w != "italy" && w != "family";
}

}  // namespace stancegraph::importers::extract
