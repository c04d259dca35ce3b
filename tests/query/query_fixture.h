// A small database built claim by claim for the query tests:
//   QueryFixture f;
//   f.Doc("memo-1").Say("Trump", +1, "Ukraine cedes territory", "2025-08-01").Write();
#pragma once

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/time.h"
#include "support/temp_dir.h"

namespace stancegraph::testing {

inline schema::Timestamp T(const std::string& text) { return *schema::ParseTime(text); }
inline schema::EntityId H(const std::string& name) { return schema::MakeEntityId(name); }
inline schema::PropositionId P(const std::string& text) {
  return schema::MakePropositionId(schema::NormalizeKey(text));
}

// Extra facts about one mention.
struct Say {
  std::string concept_name;
  bool hedged = false;
  bool conditional = false;
  float confidence = 1.0f;
  std::string quote;  // appended to the document text; its span is the sentence
  schema::EntityType type = schema::EntityType::kUnknown;
};

class QueryFixture {
 public:
  class DocBuilder {
   public:
    DocBuilder(QueryFixture* f, const std::string& source, const std::string& outlet)
        : f_(f) {
      d_.document.source = source;
      d_.document.title = source;
      d_.document.outlet = outlet;
    }
    DocBuilder& Claim(const std::string& holder, int polarity, const std::string& prop,
                      const std::string& made, const Say& say = {}) {
      const schema::EntityId h = H(holder);
      const schema::PropositionId p = P(prop);
      if (entities_.insert(h).second) {
        d_.entities.push_back({.id = h, .name = holder, .type = say.type});
      }
      if (props_.insert(p).second) {
        d_.propositions.push_back({.id = p,
                                   .text = prop,
                                   .concept_name = say.concept_name,
                                   .key = schema::NormalizeKey(prop)});
      }
      const auto pol = static_cast<int8_t>(polarity);
      const schema::ClaimId c = schema::MakeClaimId(h, p, pol);
      if (claims_.insert(c).second) {
        d_.claims.push_back({.id = c, .holder = h, .proposition = p, .polarity = pol});
      }
      schema::Mention m{.claim = c,
                        .ordinal = static_cast<uint32_t>(d_.mentions.size()),
                        .predicate = polarity > 0 ? "supports" : "rejects",
                        .hedged = say.hedged,
                        .conditional = say.conditional,
                        .confidence = say.confidence,
                        .extractor = "test",
                        .made = made.empty() ? schema::kNoTime : T(made)};
      if (!say.quote.empty()) {
        const auto begin = static_cast<uint32_t>(d_.document.text.size());
        d_.document.text += say.quote;
        m.sentence = schema::Span{begin, static_cast<uint32_t>(d_.document.text.size())};
        d_.document.text += " ";
      }
      d_.mentions.push_back(std::move(m));
      return *this;
    }
    // The document with its ids filled in, ready to store.
    schema::DocumentClaims Build() {
      d_.document.id = schema::MakeDocumentId(d_.document.source + "\n" + d_.document.text +
                                              std::to_string(d_.mentions.size()));
      if (!d_.mentions.empty() && d_.mentions.front().made != schema::kNoTime) {
        d_.document.published = d_.mentions.front().made;
      }
      for (auto& m : d_.mentions) m.document = d_.document.id;
      return d_;
    }
    // Stores the document (one atomic write).
    void Write() {
      auto s = f_->db().Write({Build()}, {});
      REQUIRE(s.ok());
    }

   private:
    QueryFixture* f_;
    schema::DocumentClaims d_;
    absl::flat_hash_set<uint64_t> entities_, props_, claims_;
  };

  QueryFixture() {
    auto db = engine::Database::Open({}, dir_.path());
    REQUIRE(db.ok());
    db_ = *std::move(db);
  }

  engine::Database& db() { return *db_; }
  DocBuilder Doc(const std::string& source, const std::string& outlet = "") {
    return DocBuilder(this, source + "#" + std::to_string(docs_++), outlet);
  }
  // Stores entities as a lexicon would give them (types, roles, parents),
  // in a document of their own; claims naming them later keep all that.
  void Define(std::vector<schema::Entity> entities) {
    schema::DocumentClaims d;
    d.document.source = "entities#" + std::to_string(docs_++);
    d.document.id = schema::MakeDocumentId(d.document.source);
    for (schema::Entity& e : entities) {
      if (e.id == 0) e.id = H(e.name);
    }
    d.entities = std::move(entities);
    REQUIRE(db_->Write({d}, {}).ok());
  }

 private:
  TempDir dir_;
  std::unique_ptr<engine::Database> db_;
  int docs_ = 0;
};

}  // namespace stancegraph::testing
