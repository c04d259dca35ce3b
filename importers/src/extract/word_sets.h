// Closed classes of English function words the rule-based stages test.
// These are grammar, not lexicon data: they do not vary by domain.
#pragma once

#include <string>

namespace stancegraph::importers::extract {

bool IsDeterminer(const std::string& w);   // the, a, his, their, this, ...
bool IsPreposition(const std::string& w);  // of, in, on, to, ...
bool IsModal(const std::string& w);        // will, would, could, may, ...
bool IsBe(const std::string& w);           // is, was, were, be, been, ...
// Auxiliaries, modals, negations and adverbs that sit between a subject
// and its verb: "has also repeatedly said".
bool IsAuxOrAdverb(const std::string& w);
bool IsObjectPronoun(const std::string& w);  // him, her, them, us, me, reporters
bool IsSubordinator(const std::string& w);   // if, when, because, which, ...

}  // namespace stancegraph::importers::extract
