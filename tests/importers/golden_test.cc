// End to end: article files to export-contract claim lines, against golden
// files. Regenerate after an intended change with SG_UPDATE_GOLDEN=1 and
// review the diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "stancegraph/importers/formats.h"
#include "stancegraph/schema/json_codec.h"

namespace stancegraph::importers {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What `stancegraph export claims` prints for the article, one line a mention.
std::string ExportLines(const std::string& article_path, const std::string& source_name) {
  std::ifstream in(article_path, std::ios::binary);
  REQUIRE(in);
  const std::string format = DetectFormat(article_path, "");
  std::vector<ImportError> errors;
  auto source = MakeSource(format, in, source_name, SourceOptions{},
                           [&](const ImportError& e) { errors.push_back(e); });
  REQUIRE(source.ok());
  std::string out;
  schema::DocumentClaims dc;
  while ((*source)->Next(&dc)) {
    for (const schema::Mention& m : dc.mentions) {
      schema::ClaimRecord r;
      r.document = dc.document;
      r.document.text.clear();
      r.mention = m;
      for (const schema::Claim& c : dc.claims) {
        if (c.id == m.claim) r.claim = c;
      }
      for (const schema::Entity& e : dc.entities) {
        if (e.id == r.claim.holder) r.holder = e;
      }
      for (const schema::Proposition& p : dc.propositions) {
        if (p.id == r.claim.proposition) r.proposition = p;
      }
      out += schema::ClaimRecordToJson(r) + "\n";
    }
  }
  CHECK(errors.empty());
  return out;
}

void CheckGolden(const std::string& article, const std::string& golden) {
  const std::string root = SG_SOURCE_DIR;
  const std::string got = ExportLines(root + "/examples/articles/" + article, article);
  const std::string golden_path = root + "/tests/importers/fixtures/golden/" + golden;
  if (std::getenv("SG_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden_path, std::ios::binary) << got;
  }
  CHECK(got == Read(golden_path));
}

TEST_CASE("Golden: a plain-text article to exported claims", "[importers][golden]") {
  CheckGolden("grain-corridor-2023-07-19.txt", "grain-corridor-2023-07-19.jsonl");
}

TEST_CASE("Golden: an HTML article to exported claims", "[importers][golden]") {
  CheckGolden("election-debate.html", "election-debate.jsonl");
}

TEST_CASE("Golden: the bundled example article", "[importers][golden]") {
  CheckGolden("healey-2025-08-15.txt", "healey-2025-08-15.jsonl");
}

}  // namespace
}  // namespace stancegraph::importers
