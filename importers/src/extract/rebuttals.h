// Stage 7: rebuttals across clauses and sentences. A statement whose content
// only points back at another holder's claim ("That is completely untrue",
// "Kyiv dismissed the allegation", "Beckett rejected Mr Howard's comment",
// "the Kremlin called the reports fiction") lands on the proposition of the
// most recent claim it can name, of another holder nearby, on the side its
// own polarity gives: rejecting a claim that P is against P; rejecting a
// claim that not P is for P.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include "extract/entities.h"
#include "extract/text.h"
#include "stancegraph/importers/lexicon.h"

namespace stancegraph::importers::extract {

// What a content points back at: a demonstrative ("that", "it", "this"), or
// a claim noun with no content of its own ("the allegation", "such reports",
// "Mr Howard's comment").
struct Anaphor {
  bool found = false;
  int possessor = -1;  // the holder it names ("Mr Howard's comment"), or -1
};

// Tokens [first, last) of a content, as a whole.
Anaphor FindAnaphor(const std::vector<Token>& tokens, const std::vector<EntityRef>& refs,
                    const Lexicon& lexicon, uint32_t first, uint32_t last);

// The claims of the last sentences of a document, for rebuttals to land on.
class RecentClaims {
 public:
  struct Entry {
    int holder = -1;
    uint32_t sentence = 0;
    size_t proposition = 0;  // index into the document's propositions
    int polarity = 0;
  };

  // How many sentences back a rebuttal may reach. Default: 3.
  explicit RecentClaims(uint32_t window = 3) : window_(window) {}

  void Add(const Entry& e);
  // The latest claim within the window before or in `sentence` of a holder
  // other than `rebutter` (of `possessor` when that is set), or nullptr.
  const Entry* Find(int rebutter, int possessor, uint32_t sentence) const;

 private:
  uint32_t window_;
  std::deque<Entry> entries_;
};

}  // namespace stancegraph::importers::extract
