#include <catch2/catch.hpp>

#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/validate.h"

using namespace stancegraph::schema;

namespace {

DocumentClaims OneClaim() {
  DocumentClaims d;
  d.document = {.id = MakeDocumentId("t"), .source = "t.txt", .text = "Finland said yes."};
  Entity e{.id = MakeEntityId("Finland"), .name = "Finland", .type = EntityType::kCountry};
  Proposition p{.id = MakePropositionId("finland join nato"), .text = "Finland joins Nato",
                .key = "finland join nato"};
  Claim c{.id = MakeClaimId(e.id, p.id, 1), .holder = e.id, .proposition = p.id, .polarity = 1};
  d.mentions.push_back({.claim = c.id, .document = d.document.id, .sentence = Span{0, 17}});
  d.entities = {e};
  d.propositions = {p};
  d.claims = {c};
  return d;
}

std::string Message(const absl::Status& s) { return std::string(s.message()); }

}  // namespace

TEST_CASE("A consistent document with claims validates", "[schema]") {
  CHECK(ValidateDocumentClaims(OneClaim()).ok());
}

TEST_CASE("Validation names what is wrong", "[schema]") {
  auto d = OneClaim();
  d.mentions[0].sentence = Span{0, 400};
  CHECK_THAT(Message(ValidateDocumentClaims(d)), Catch::Contains("past the document text"));

  d = OneClaim();
  d.claims[0].polarity = 1;
  d.claims[0].id ^= 1;
  CHECK_THAT(Message(ValidateDocumentClaims(d)), Catch::Contains("claim_id"));

  d = OneClaim();
  d.entities.clear();
  CHECK_THAT(Message(ValidateDocumentClaims(d)), Catch::Contains("not among the entities"));

  d = OneClaim();
  d.mentions[0].confidence = 1.5f;
  CHECK_THAT(Message(ValidateDocumentClaims(d)), Catch::Contains("confidence"));

  d = OneClaim();
  d.propositions[0].text.clear();
  CHECK_THAT(Message(ValidateDocumentClaims(d)), Catch::Contains("proposition.text"));
}
