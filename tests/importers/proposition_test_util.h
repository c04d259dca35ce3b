// The propositions the built-in extractor states for a short text: who
// holds what, with the proposition's predicate, key and arguments, for the
// tests of the proposition layer.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "extractor_test_util.h"

namespace stancegraph::importers::testing {

struct Stance {
  std::string holder;
  int polarity = 0;
  schema::PropositionId proposition = 0;
  std::string predicate;  // the proposition's predicate class ("join")
  std::string key;
  std::string text;
  std::string concept_name;
  std::vector<schema::Argument> arguments;

  // The value of the first argument in `role`, or "".
  std::string Arg(const std::string& role) const {
    for (const schema::Argument& a : arguments) {
      if (a.role == role) return a.value;
    }
    return "";
  }
  // True when some argument (in any role) is `value`.
  bool Names(const std::string& value) const {
    return std::any_of(arguments.begin(), arguments.end(),
                       [&](const schema::Argument& a) { return a.value == value; });
  }
};

// One entry per mention, in document order.
inline std::vector<Stance> Stances(const std::string& text,
                                   const std::string& date = "2025-08-15") {
  const schema::DocumentClaims dc = ExtractClaims(text, date);
  std::vector<Stance> out;
  for (const schema::Mention& m : dc.mentions) {
    Stance s;
    for (const schema::Claim& c : dc.claims) {
      if (c.id != m.claim) continue;
      s.polarity = c.polarity;
      s.proposition = c.proposition;
      for (const schema::Entity& e : dc.entities) {
        if (e.id == c.holder) s.holder = e.name;
      }
      for (const schema::Proposition& p : dc.propositions) {
        if (p.id != c.proposition) continue;
        s.predicate = p.predicate;
        s.key = p.key;
        s.text = p.text;
        s.concept_name = p.concept_name;
        s.arguments = p.arguments;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

// The one stance of `holder`; fails the test unless there is exactly one.
inline Stance StanceOf(const std::vector<Stance>& all, const std::string& holder) {
  std::vector<Stance> found;
  for (const Stance& s : all) {
    if (s.holder == holder) found.push_back(s);
  }
  INFO("holder " << holder);
  REQUIRE(found.size() == 1);
  return found[0];
}

// For failure messages: "holder +1 key" per stance.
inline std::string Describe(const std::vector<Stance>& all) {
  std::string out;
  for (const Stance& s : all) {
    out += s.holder + (s.polarity > 0 ? " +1 " : s.polarity < 0 ? " -1 " : " 0 ") + s.key +
           " (\"" + s.text + "\")\n";
  }
  return out;
}

}  // namespace stancegraph::importers::testing
