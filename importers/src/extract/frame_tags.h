// Private to the frame parser: coarse parts of speech for the tokens of one
// content, from closed word classes, entity references, WordNet and the
// neighbouring tags (a word after "will" is a verb, after "the" a noun).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/frame.h"

namespace stancegraph::importers::extract::internal {

enum class Tag : uint8_t {
  kOther,
  kDet,
  kPrep,
  kTo,
  kConj,
  kModal,
  kBe,
  kHave,
  kDo,
  kNeg,
  kPron,
  kRel,  // who, which, that
  kSub,  // if, when, because, as, while, ...
  kPunct,
  kQuote,
  kNum,
  kName,     // inside an entity reference
  kDemonym,  // a nationality adjective: "Russian"
  kPoss,     // the possessive 's
  kNoun,
  kVerb,
  kAdj,
  kAdv,
};

struct Tagged {
  Tag tag = Tag::kOther;
  int ref = -1;      // index into FrameInput::refs for tokens of an entity reference
  int demonym = -1;  // lexicon entity index of a nationality adjective
  const WordInfo* info = nullptr;  // open-class words
};

// Tags of tokens [first, last); index k - first is token k.
std::vector<Tagged> TagTokens(const FrameInput& in, uint32_t first, uint32_t last);

// The tag of a closed-class word ("the", "will", "not", "who"), kOther for
// any other word. ClassifyTokens stores it in Token::closed.
Tag ClosedClass(std::string_view lower);

bool IsNominal(Tag t);  // can be part of a noun phrase
const char* TagName(Tag t);

}  // namespace stancegraph::importers::extract::internal
