// Runs the built-in extractor on a short text for tests.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "stancegraph/importers/extractor.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/time.h"
#include "stancegraph/schema/validate.h"

namespace stancegraph::importers::testing {

struct Found {
  std::string holder;
  int polarity = 0;
  std::string predicate;
  std::string object_text;
  std::string proposition;
  std::string concept_name;
  bool hedged = false;
  bool conditional = false;
  std::string holder_span, cue_span, content_span;  // the text at each span
};

inline schema::DocumentClaims ExtractClaims(const std::string& text,
                                            const std::string& date = "2025-08-15") {
  auto lex = Lexicon::Default();
  REQUIRE(lex.ok());
  auto extractor = MakeBuiltinExtractor(*lex);
  Article article;
  article.document.text = text;
  article.document.source = "test.txt";
  article.document.id = schema::MakeDocumentId(text);
  auto t = schema::ParseTime(date);
  REQUIRE(t.ok());
  article.document.published = *t;
  schema::DocumentClaims out;
  REQUIRE(extractor->Extract(article, &out).ok());
  const absl::Status valid = schema::ValidateDocumentClaims(out);
  INFO(valid.message());
  REQUIRE(valid.ok());
  return out;
}

inline std::vector<Found> Extract(const std::string& text, const std::string& date = "2025-08-15") {
  const schema::DocumentClaims dc = ExtractClaims(text, date);
  std::vector<Found> out;
  auto at = [&](const std::optional<schema::Span>& s) {
    return s ? text.substr(s->begin, s->end - s->begin) : std::string();
  };
  for (const schema::Mention& m : dc.mentions) {
    Found f;
    for (const schema::Claim& c : dc.claims) {
      if (c.id != m.claim) continue;
      f.polarity = c.polarity;
      for (const schema::Entity& e : dc.entities) {
        if (e.id == c.holder) f.holder = e.name;
      }
      for (const schema::Proposition& p : dc.propositions) {
        if (p.id == c.proposition) {
          f.proposition = p.text;
          f.concept_name = p.concept_name;
        }
      }
    }
    f.predicate = m.predicate;
    f.object_text = m.object_text;
    f.hedged = m.hedged;
    f.conditional = m.conditional;
    f.holder_span = at(m.holder_span);
    f.cue_span = at(m.cue);
    f.content_span = at(m.content);
    out.push_back(f);
  }
  return out;
}

}  // namespace stancegraph::importers::testing
