// Hand corrections in the engine: how they change a document, and how
// writes apply them.
#include "stancegraph/engine/corrections.h"

#include <catch2/catch.hpp>

#include "stancegraph/engine/database.h"
#include "stancegraph/schema/ids.h"
#include "support/claims_builder.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using engine::Correction;
using engine::CorrectionKind;
using testing::ClaimsBuilder;
using testing::TempDir;

namespace {

schema::DocumentClaims Memo() {
  return ClaimsBuilder("memo/grain.txt", "2024-05-02")
      .Claim("Ankara", +1, "the grain deal continues")
      .Claim("Moscow", -1, "the grain deal continues")
      .Build();
}

std::string MentionOf(const schema::DocumentClaims& d, uint32_t ordinal) {
  return engine::MentionName(d.document.id, ordinal);
}

const schema::Claim& ClaimOf(const schema::DocumentClaims& d, const schema::Mention& m) {
  for (const auto& c : d.claims) {
    if (c.id == m.claim) return c;
  }
  FAIL("mention without its claim");
  return d.claims.front();
}

}  // namespace

TEST_CASE("A corrected holder and polarity give a mention its new claim", "[engine][corrections]") {
  const schema::DocumentClaims memo = Memo();
  schema::Entity turkey{.id = schema::MakeEntityId("Turkey"), .name = "Turkey"};
  Correction holder{.id = 1,
                    .kind = CorrectionKind::kMentionHolder,
                    .target = MentionOf(memo, 0),
                    .value = schema::FormatId(turkey.id),
                    .entity = turkey};
  Correction polarity{.id = 2,
                      .kind = CorrectionKind::kMentionPolarity,
                      .target = MentionOf(memo, 1),
                      .value = "1"};
  schema::DocumentClaims out;
  engine::CorrectedDocument record;
  engine::ApplyCorrections({holder, polarity}, memo, &out, &record);

  REQUIRE(out.mentions.size() == 2);
  CHECK(ClaimOf(out, out.mentions[0]).holder == turkey.id);
  CHECK(ClaimOf(out, out.mentions[1]).polarity == 1);
  CHECK(out.entities.size() == 2);  // Turkey and Moscow; Ankara holds nothing now
  CHECK(record.base.mentions == memo.mentions);
  CHECK(record.AppliedTo(0) == std::vector<uint64_t>{1});
  CHECK(record.AppliedTo(1) == std::vector<uint64_t>{2});

  polarity.undone = 5;  // undone: as the extractor made it
  engine::ApplyCorrections({polarity}, memo, &out, &record);
  CHECK(record.applied.empty());
  CHECK(out.mentions == memo.mentions);
}

TEST_CASE("A merged entity's names become aliases of the one it is", "[engine][corrections]") {
  const schema::DocumentClaims memo = Memo();
  schema::Entity turkey{.id = schema::MakeEntityId("Turkey"), .name = "Turkey"};
  Correction merge{.id = 1,
                   .kind = CorrectionKind::kMergeEntities,
                   .target = schema::FormatId(schema::MakeEntityId("Ankara")),
                   .value = schema::FormatId(turkey.id),
                   .entity = turkey};
  schema::DocumentClaims out;
  engine::CorrectedDocument record;
  engine::ApplyCorrections({merge}, memo, &out, &record);
  REQUIRE(out.entities.size() == 2);
  const schema::Entity& kept = out.entities[0];
  CHECK(kept.name == "Turkey");
  CHECK(kept.aliases == std::vector<std::string>{"Ankara"});
  CHECK(ClaimOf(out, out.mentions[0]).holder == turkey.id);
  CHECK(ClaimOf(out, out.mentions[1]).holder == schema::MakeEntityId("Moscow"));
}

TEST_CASE("Correction records read back as written", "[engine][corrections]") {
  schema::Proposition p{.id = 7, .text = "the corridor reopens", .key = "the corridor reopens"};
  Correction c{.id = 3,
               .kind = CorrectionKind::kAttachProposition,
               .target = "0000000000000009",
               .value = "0000000000000007",
               .who = "ana",
               .when = 1000,
               .why = "same thing",
               .proposition = p};
  std::string bytes;
  engine::EncodeCorrection(c, &bytes);
  auto back = engine::DecodeCorrection(bytes);
  REQUIRE(back.ok());
  CHECK(back->target == c.target);
  CHECK(back->who == "ana");
  CHECK(back->active());
  REQUIRE(back->proposition.has_value());
  CHECK(*back->proposition == p);
  CHECK(engine::DecodeCorrection(bytes.substr(0, bytes.size() - 3)).status().code() ==
        absl::StatusCode::kDataLoss);

  schema::DocumentId doc = 0;
  uint32_t ordinal = 0;
  CHECK(engine::ParseMentionName("00000000000000ff:12", &doc, &ordinal).ok());
  CHECK((doc == 255 && ordinal == 12));
  CHECK_FALSE(engine::ParseMentionName("ff-12", &doc, &ordinal).ok());
}

TEST_CASE("A deleted document is not stored when it is written again", "[engine][corrections]") {
  TempDir dir;
  auto db = engine::Database::Open({}, dir.path());
  REQUIRE(db.ok());
  const schema::DocumentClaims memo = Memo();
  auto c = (*db)->AddCorrection({.kind = CorrectionKind::kDeleteDocument,
                                 .target = schema::FormatId(memo.document.id),
                                 .who = "ana"});
  REQUIRE(c.ok());
  CHECK(c->id == 1);
  CHECK(c->when != schema::kNoTime);

  for (int round = 0; round < 2; ++round) {
    auto written = (*db)->Write({memo}, {});
    REQUIRE(written.ok());
    CHECK(written->documents_written == 0);
    CHECK(written->documents_deleted == 1);
  }
  CHECK_FALSE(*(*db)->HasDocument(memo.document.id));
  auto kept = (*db)->GetCorrectedDocument(memo.document.id);
  REQUIRE(kept.ok());
  REQUIRE(kept->has_value());
  CHECK((*kept)->deleted);
  CHECK((*kept)->base.mentions.size() == 2);  // kept for undo
}
