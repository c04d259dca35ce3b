// Stage 6a: the frame of a content. Which predicate it states (a chain, from
// the outermost: "stop" over "supply_arms" for "suspend arms exports"),
// about which arguments (entities by role, and terms), with what polarity
// (negations, "refuse to", "no longer" folded in), and the stances of other
// holders it reports on the way ("Russian demand to sell", "Israel's claim
// that", "Lula likening X to Y", "Russia ... lying about X").
//
// The parser is a small rule-based chunker over the tokens of one content:
// a clause (subject, verb group, object, prepositional phrases) or a noun
// phrase (possessor, modifiers, head, complements), descending through
// operators (lexicons/predicates.json) to the predicate that carries the
// content.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities.h"
#include "extract/morphology.h"
#include "extract/text.h"
#include "stancegraph/importers/lexicon.h"

namespace stancegraph::importers::extract {

enum class Role : uint8_t {
  kAgent,      // who acts: the subject, a possessor, "by X", a nationality adjective
  kPatient,    // what or whom it is done to, where: object, "of/on/against/in X"
  kRecipient,  // "to X", "for X"
  kTheme,      // a term: the object's common noun ("grain" in a grain ban)
};

struct FrameArg {
  Role role = Role::kPatient;
  int entity = -1;         // DocEntities index; -1 for a term
  std::string term;        // the noun's lemma, for a term
  uint32_t first = 0, last = 0;  // tokens
  int conjunct_group = -1;  // coordinated arguments share a group ("Poland and Hungary")
};

// One predicate of the chain.
struct FramePredicate {
  std::string name;  // the class name, or the lemma when no class fits
  int predicate_class = -1;
  std::string lemma;  // as written, lemmatised ("ban", "export")
  bool nominal = false;
  uint32_t token = 0;  // its head token
};

// Another holder's stance on the frame, reported inside the content.
struct EmbeddedClaim {
  int holder = -1;  // DocEntities index
  uint32_t holder_first = 0, holder_last = 0;
  uint32_t cue_first = 0, cue_last = 0;  // the noun or verb that reports it
  int polarity = 1;                      // the holder's stance on the frame
  bool hedged = false;
  int conjunct_group = -1;  // "bans by Poland and Hungary"
  // The frame's polarity just after the reporting word: negations later in
  // the content apply to this holder's stance too. Internal to the parser.
  int sign_at = 1;
};

struct Frame {
  std::vector<FramePredicate> chain;
  std::vector<FrameArg> args;
  // The sign the content puts on the chain: multiply into the outer stance.
  int polarity = 1;
  bool hedged = false;
  std::vector<EmbeddedClaim> embedded;
  // Tokens the proposition is stated in (for its readable text).
  uint32_t first = 0, last = 0;
  // Tokens dropped from the text (negations, "refuse to", the claim noun).
  std::vector<uint32_t> dropped;
  bool empty() const { return chain.empty(); }
};

struct FrameInput {
  std::string_view text;  // normalised
  const std::vector<Token>* tokens;
  const std::vector<EntityRef>* refs;  // sorted by position
  const Lexicon* lexicon;
  DocEntities* entities;  // entities named by nationality adjectives are added
  Morphology* morphology;
};

struct FrameOptions {
  // Who acts when the content has no subject: the holder of "refuses to X",
  // the addressee of "urges X to Y". -1 = nobody.
  int controller = -1;
  // For a denial: an act named without its agent is the holder's own
  // ("denies hacking", "defends the decision to buy"). -1 = off.
  int self = -1;
  // Only inside the content of a truth claim noun ("rejects allegations of
  // hacking", "dismisses claims of delays"), not of the whole content
  // ("rejects Israel's annexation" is no claim about the rejecter's acts).
  bool self_in_claims_only = false;
  // The holder, for pronouns inside the content ("denies it plans to ...").
  int holder = -1;
  // The agent of a content that is a bare noun phrase: the addressee of
  // "warns Israel against retaliation". -1 = none.
  int nominal_agent = -1;
};

// The frame of tokens [first, last) of one sentence. An empty chain when no
// predicate was found.
Frame ParseFrame(const FrameInput& in, uint32_t first, uint32_t last,
                 const FrameOptions& options = {});

}  // namespace stancegraph::importers::extract
