// Whole-store claim scans, whole or in slices of the proposition space.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "stancegraph/engine/database.h"
#include "stancegraph/schema/ids.h"
#include "support/claims_builder.h"
#include "support/temp_dir.h"

using namespace stancegraph;
using engine::IdRange;
using testing::ClaimsBuilder;
using testing::TempDir;

namespace {

std::vector<schema::Claim> Scan(engine::Database& db, IdRange range = {}) {
  std::vector<schema::Claim> out;
  auto it = db.AllClaimsByProposition({}, range);
  for (; it->Valid(); it->Next()) out.push_back(it->claim());
  REQUIRE(it->status().ok());
  return out;
}

}  // namespace

TEST_CASE("Slices of the id space cover it once, in order", "[engine]") {
  for (int parts : {1, 2, 3, 4, 7}) {
    std::vector<IdRange> slices = IdRange::Split(parts);
    REQUIRE(slices.size() == static_cast<size_t>(parts));
    CHECK(slices.front().first == 0);
    CHECK(slices.back().last == UINT64_MAX);
    for (size_t i = 1; i < slices.size(); ++i) {
      CHECK(slices[i].first == slices[i - 1].last + 1);
      CHECK(slices[i].first <= slices[i].last);
    }
  }
  CHECK(IdRange::Split(0) == std::vector<IdRange>{IdRange{}});
}

TEST_CASE("A claim scan in slices lists every claim once, with its id", "[engine]") {
  TempDir dir;
  auto db = engine::Database::Open({}, dir.path());
  REQUIRE(db.ok());
  std::vector<schema::DocumentClaims> docs;
  for (int d = 0; d < 40; ++d) {
    ClaimsBuilder b("memo-" + std::to_string(d), "2024-03-01");
    for (int h = 0; h < 6; ++h) {
      b.Claim("holder " + std::to_string(h), (d + h) % 3 == 0 ? -1 : +1,
              "measure " + std::to_string(d % 25) + " passes");
    }
    docs.push_back(b.Build());
  }
  REQUIRE((*db)->Write(docs, {}).ok());

  const std::vector<schema::Claim> whole = Scan(**db);
  REQUIRE(whole.size() > 100);
  for (int parts : {2, 3, 5}) {
    std::vector<schema::Claim> joined;
    for (const IdRange& r : IdRange::Split(parts)) {
      for (const schema::Claim& c : Scan(**db, r)) {
        CHECK(c.proposition >= r.first);
        CHECK(c.proposition <= r.last);
        joined.push_back(c);
      }
    }
    CHECK(joined == whole);
  }
  for (const schema::Claim& c : whole) {
    CHECK(c.id == schema::MakeClaimId(c.holder, c.proposition, c.polarity));
    CHECK((*db)->GetClaim(c.id).ok());
  }
}
