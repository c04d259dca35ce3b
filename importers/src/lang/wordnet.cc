#include "lang/wordnet.h"

namespace stancegraph::importers::lang {

absl::StatusOr<std::shared_ptr<const WordNet>> WordNet::Load(const std::string&) {
  return std::make_shared<const WordNet>();
}
std::vector<std::string> WordNet::Lemmas(std::string_view, Pos) const { return {}; }
std::string WordNet::Lemma(std::string_view word, Pos) const { return std::string(word); }
bool WordNet::IsLemma(std::string_view, Pos) const { return false; }
std::vector<std::string> WordNet::Derived(std::string_view, Pos, Pos) const { return {}; }
std::vector<std::string> WordNet::Antonyms(std::string_view, Pos) const { return {}; }
std::string_view WordNet::Category(std::string_view, Pos) const { return ""; }

}  // namespace stancegraph::importers::lang
