// Stage 4: attribution. Finds who said (believes, wants, rejects...) what:
// the source, the cue and the content of each reported statement, in the
// common forms of news English:
//   X said (that) ...            "...," X said.        X said: "..."
//   ..., X has said.             according to X, ...   X told reporters ...
//   X has warned/insisted/added that ...               ..., adding that ...
//   X, who has pledged to ...    X ... and also wants ...   (coordination)
//   a paragraph that opens a quote continues the last speaker.
// Pronouns ("he", "she", "they") resolve to the last fitting speaker, then
// to the last fitting name.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "entities.h"
#include "morphology.h"
#include "sentences.h"
#include "text.h"
#include "stancegraph/importers/lexicon.h"

namespace stancegraph::importers::extract {

// Token ranges are [first, last); an empty range means "none".
struct Attribution {
  uint32_t sentence = 0;  // index into the sentences
  int holder = -1;        // DocEntities index
  uint32_t holder_first = 0, holder_last = 0;
  uint32_t cue_first = 0, cue_last = 0;
  uint32_t content_first = 0, content_last = 0;
  int cue = -1;  // index into Lexicon::cues(); -1 for a continued quote
  bool cue_negated = false;  // "did not say", "does not believe"
  uint32_t predicate_first = 0;  // auxiliaries before the cue: "has insisted"
  // Whom the cue addresses, when it names someone: "urges Iran to ...",
  // "accuses Russia of ...". DocEntities index, -1 when none.
  int addressee = -1;
};

struct AttributionInput {
  std::string_view text;  // normalised
  const std::vector<Token>* tokens;
  const std::vector<Sentence>* sentences;
  const std::vector<EntityRef>* refs;
  const Lexicon* lexicon;
  DocEntities* entities;  // group holders ("officials") are added here
  // Parts of speech: a cue word used as a noun ("the Western calls", "Iran
  // attack") is no cue. Optional (nullptr: every cue word may be a verb).
  Morphology* morphology = nullptr;
};

std::vector<Attribution> FindAttributions(const AttributionInput& in);

}  // namespace stancegraph::importers::extract
