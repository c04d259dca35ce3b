#include <catch2/catch.hpp>

#include "nlohmann/json.hpp"
#include "stancegraph/schema/binary_codec.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/json_codec.h"
#include "stancegraph/schema/time.h"

using namespace stancegraph::schema;

namespace {

ClaimRecord SampleRecord() {
  ClaimRecord r;
  r.document = {.id = MakeDocumentId("a text"),
                .source = "articles/talks.txt",
                .title = "Talks resume",
                .published = *ParseTime("2025-08-15T09:18:08Z")};
  r.holder = {.id = MakeEntityId("Ukraine"), .name = "Ukraine", .type = EntityType::kCountry};
  r.proposition = {.id = MakePropositionId("ukraine cede territory"),
                   .predicate = "cede",
                   .arguments = {{.role = "agent", .entity = MakeEntityId("Ukraine"), .value = "Ukraine"},
                                 {.role = "theme", .value = "territory"}},
                   .text = "Ukraine cedes territory",
                   .concept_name = "territorial concessions",
                   .key = "ukraine cede territory"};
  r.claim = {.id = MakeClaimId(r.holder.id, r.proposition.id, -1),
             .holder = r.holder.id,
             .proposition = r.proposition.id,
             .polarity = -1};
  r.mention = {.claim = r.claim.id,
               .document = r.document.id,
               .ordinal = 3,
               .sentence = Span{10, 90},
               .holder_span = Span{10, 17},
               .cue = Span{22, 30},
               .content = Span{36, 88},
               .predicate = "has insisted",
               .object_text = "ceding territory",
               .hedged = false,
               .conditional = true,
               .condition = "if talks fail",
               .confidence = 0.8f,
               .extractor = "builtin",
               .made = r.document.published};
  return r;
}

}  // namespace

TEST_CASE("Every record survives the binary codec unchanged", "[schema]") {
  ClaimRecord r = SampleRecord();
  r.document.text = "Kyiv said no.\n\xE2\x80\x9Cquoted\xE2\x80\x9D";
  r.holder.aliases = {"Kyiv", "Ukrainian government"};
  r.holder.roles = {{.title = "member", .of = 42, .from = 1, .to = kNoTime}};
  r.holder.parent = 7;
  r.mention.sequence = 123456789;
  std::string buf;
  EncodeDocument(r.document, &buf);
  CHECK(*DecodeDocument(buf) == r.document);
  buf.clear();
  EncodeEntity(r.holder, &buf);
  CHECK(*DecodeEntity(buf) == r.holder);
  buf.clear();
  EncodeProposition(r.proposition, &buf);
  CHECK(*DecodeProposition(buf) == r.proposition);
  buf.clear();
  EncodeClaim(r.claim, &buf);
  CHECK(*DecodeClaim(buf) == r.claim);
  buf.clear();
  EncodeMention(r.mention, &buf);
  CHECK(*DecodeMention(buf) == r.mention);
}

TEST_CASE("A truncated or foreign binary record is reported as data loss", "[schema]") {
  std::string buf;
  EncodeMention(SampleRecord().mention, &buf);
  for (size_t cut : {size_t{0}, size_t{1}, buf.size() / 2, buf.size() - 1}) {
    auto decoded = DecodeMention(std::string_view(buf).substr(0, cut));
    CHECK(absl::IsDataLoss(decoded.status()));
  }
  buf[0] = 99;
  CHECK(absl::IsDataLoss(DecodeMention(buf).status()));
}

TEST_CASE("A claim line follows the export contract", "[schema]") {
  auto j = nlohmann::json::parse(ClaimRecordToJson(SampleRecord()));
  CHECK(j["claim_id"].get<std::string>().size() == 16);
  CHECK(j["doc"]["source"] == "articles/talks.txt");
  CHECK(j["doc"]["published"] == "2025-08-15T09:18:08Z");
  CHECK(j["holder"]["name"] == "Ukraine");
  CHECK(j["holder"]["type"] == "country");
  CHECK(j["predicate"] == "has insisted");
  CHECK(j["polarity"] == -1);
  CHECK(j["proposition"]["text"] == "Ukraine cedes territory");
  CHECK(j["object_text"] == "ceding territory");
  CHECK(j["hedged"] == false);
  CHECK(j["conditional"] == true);
  CHECK(j["spans"]["sentence"] == nlohmann::json::array({10, 90}));
  CHECK(j["spans"]["cue"] == nlohmann::json::array({22, 30}));
  CHECK(j["confidence"] == Approx(0.8));
}

TEST_CASE("A claim line read back gives the same record", "[schema]") {
  ClaimRecord r = SampleRecord();
  std::string line = ClaimRecordToJson(r);
  auto back = ClaimRecordFromJson(line);
  REQUIRE(back.ok());
  CHECK(back->claim == r.claim);
  CHECK(back->holder == r.holder);
  CHECK(back->proposition == r.proposition);
  CHECK(back->mention == r.mention);
  CHECK(back->document.id == r.document.id);
  CHECK(ClaimRecordToJson(*back) == line);
}

TEST_CASE("A minimal hand-written claim line gets derived ids", "[schema]") {
  auto r = ClaimRecordFromJson(
      R"({"doc": {"source": "memo-7"}, "holder": {"name": "Finland"}, "polarity": 1,
          "proposition": {"text": "Finland joins Nato"}, "spans": {"sentence": null}})");
  REQUIRE(r.ok());
  CHECK(r->holder.id == MakeEntityId("finland"));
  CHECK(r->proposition.key == "finland joins nato");
  CHECK(r->claim.id == MakeClaimId(r->holder.id, r->proposition.id, 1));
  CHECK(r->mention.extractor == "claims-jsonl");
  CHECK_FALSE(r->mention.sentence.has_value());
}

TEST_CASE("A bad claim line names the field at fault", "[schema]") {
  auto check = [](const char* line, const char* field) {
    auto r = ClaimRecordFromJson(line);
    REQUIRE_FALSE(r.ok());
    CHECK(absl::IsInvalidArgument(r.status()));
    CHECK_THAT(std::string(r.status().message()), Catch::Contains(field));
  };
  check(R"({"doc":{"source":"a"},"holder":{"name":"X"},"polarity":2,"proposition":{"text":"p"}})",
        "polarity");
  check(R"({"doc":{"source":"a"},"polarity":1,"proposition":{"text":"p"}})", "holder");
  check(R"({"doc":{"source":"a"},"holder":{"name":"X"},"polarity":1})", "proposition");
  check(R"({"doc":{"source":"a"},"holder":{"name":"X"},"polarity":1,"proposition":{"text":"p"},
           "spans":{"cue":[9,3]}})",
        "spans.cue");
  check(R"({"doc":{"source":"a","published":"last tuesday"},"holder":{"name":"X"},"polarity":1,
           "proposition":{"text":"p"}})",
        "doc.published");
  check(R"({"doc":{"source":"a"},"holder":{"name":"X","type":"planet"},"polarity":1,
           "proposition":{"text":"p"}})",
        "holder.type");
  check("{not json", "JSON");
}

TEST_CASE("Ids are stable, printable and parse back", "[schema]") {
  CHECK(MakeEntityId("Donald  Trump") == MakeEntityId("donald trump"));
  CHECK(MakeEntityId("Donald Trump") != MakeEntityId("Melania Trump"));
  uint64_t id = MakeDocumentId("x");
  CHECK(ParseId(FormatId(id)) == id);
  CHECK_FALSE(ParseId("12345").has_value());
  CHECK_FALSE(ParseId("zzzzzzzzzzzzzzzz").has_value());
  // The hash is part of the storage format: a change must be deliberate.
  CHECK(FormatId(StableHash64("stancegraph")) == FormatId(StableHash64("stancegraph")));
  CHECK(StableHash64("") != 0);
}

TEST_CASE("Times print as RFC 3339 and parse in the common forms", "[schema]") {
  Timestamp t = *ParseTime("2025-08-15T09:18:08Z");
  CHECK(FormatTime(t) == "2025-08-15T09:18:08Z");
  CHECK(*ParseTime("2025-08-15T10:18:08+01:00") == t);
  CHECK(*ParseTime("2025-08-15 09:18:08") == t);
  CHECK(*ParseTime("1755249488") == t);
  CHECK(FormatTime(*ParseTime("2025-08-15")) == "2025-08-15T00:00:00Z");
  CHECK_FALSE(ParseTime("yesterday").ok());
  CHECK(FormatTime(kNoTime).empty());
  // Seconds whose microseconds do not fit in a Timestamp are refused.
  CHECK(ParseTime("9223372036854").ok());
  CHECK_FALSE(ParseTime("9223372036855").ok());
  CHECK_FALSE(ParseTime("9223372036854775807").ok());
  CHECK_FALSE(ParseTime("-9223372036854775808").ok());
}
