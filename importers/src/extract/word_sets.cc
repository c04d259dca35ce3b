#include "extract/word_sets.h"

#include <unordered_set>

namespace stancegraph::importers::extract {
namespace {

bool In(const std::unordered_set<std::string>& set, const std::string& w) {
  return set.count(w) > 0;
}

}  // namespace

bool IsDeterminer(const std::string& w) {
  static const auto* s = new std::unordered_set<std::string>{
      "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these",
      "those", "every", "each", "whose", "such", "another", "one", "some", "many", "several",
      "most", "few", "both"};
  return In(*s, w);
}

bool IsPreposition(const std::string& w) {
  static const auto* s = new std::unordered_set<std::string>{
      "of", "in", "on", "at", "with", "by", "from", "about", "into", "over", "under", "between",
      "against", "during", "without", "after", "before", "than", "for", "to", "through", "among",
      "across", "toward", "towards", "upon", "within", "via", "like", "per"};
  return In(*s, w);
}

bool IsModal(const std::string& w) {
  static const auto* s = new std::unordered_set<std::string>{
      "will", "would", "could", "should", "may", "might", "must", "can", "shall", "wo", "ca"};
  return In(*s, w);
}

bool IsBe(const std::string& w) {
  static const auto* s = new std::unordered_set<std::string>{"is", "was", "were", "are", "be",
                                                             "been", "being", "am"};
  return In(*s, w);
}

bool IsAuxOrAdverb(const std::string& w) {
  static const auto* s = new std::unordered_set<std::string>{
      "has", "have", "had", "will", "would", "could", "should", "may", "might", "must", "can",
      "did", "does", "do", "also", "not", "n't", "never", "then", "again", "once", "still",
      "already", "now", "just", "even", "often", "always", "later", "earlier", "since", "long",
      "previously", "repeatedly", "reportedly", "recently", "publicly", "privately", "firmly",
      "strongly", "openly", "bluntly", "quickly", "immediately", "consistently", "frequently",
      "subsequently", "initially", "further", "only", "too", "is", "was", "were", "are", "been",
      "be", "being", "wo", "ca", "ever", "first", "last", "finally", "however", "instead"};
  if (In(*s, w)) return true;
  return w.size() > 4 && w.ends_with("ly") && w != "ally" && w != "italy" && w != "family";
}

bool IsObjectPronoun(const std::string& w) {
  static const auto* s = new std::unordered_set<std::string>{
      "him", "her", "them", "us", "me", "you", "it", "reporters", "journalists", "lawmakers",
      "supporters", "parliament", "congress", "voters", "listeners", "viewers", "everyone",
      "colleagues", "members", "delegates", "students", "followers", "crowds", "the"};
  return In(*s, w);
}

bool IsSubordinator(const std::string& w) {
  static const auto* s = new std::unordered_set<std::string>{
      "if", "unless", "when", "whenever", "because", "since", "although", "though", "while",
      "whereas", "which", "who", "whom", "whose", "where", "after", "before", "until", "once"};
  return In(*s, w);
}

}  // namespace stancegraph::importers::extract
