#include "stancegraph/query/report.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "query_fixture.h"
#include "stancegraph/query/algorithms.h"
#include "stancegraph/query/changes.h"
#include "stancegraph/query/contradictions.h"
#include "stancegraph/query/network.h"
#include "stancegraph/query/report_render.h"
#include "stancegraph/query/report_watermark.h"
#include "stancegraph/schema/markup_escape.h"

using namespace stancegraph;
using testing::QueryFixture;
using testing::Say;

namespace {

query::Report Build(QueryFixture& f, uint64_t since) {
  auto r = query::BuildReport(f.db(), {.since_sequence = since});
  REQUIRE(r.ok());
  return *std::move(r);
}

std::vector<std::string> Texts(const query::Report& r) {
  std::vector<std::string> out;
  for (const auto& c : r.new_contradictions) out.push_back(c.text);
  std::sort(out.begin(), out.end());
  return out;
}

// Before the mark: A and B disagree on P, A and C agree on Q.
uint64_t SeedBefore(QueryFixture& f) {
  f.Doc("d1", "Herald")
      .Claim("A", +1, "P holds", "2024-01-01", {.quote = "A said P holds."})
      .Claim("B", -1, "P holds", "2024-01-02", {.quote = "B denied that P holds."})
      .Claim("A", +1, "Q holds", "2024-01-03")
      .Claim("C", +1, "Q holds", "2024-01-03")
      .Write();
  return f.db().NextSequence();
}

}  // namespace

TEST_CASE("A report lists only the contradictions new mentions made", "[query][report]") {
  QueryFixture f;
  const uint64_t mark = SeedBefore(f);
  // Repeats an old pair on P (nothing new there) and opens one on Q.
  f.Doc("d2", "Gazette")
      .Claim("A", +1, "P holds", "2024-02-01")
      .Claim("D", -1, "Q holds", "2024-02-02", {.hedged = true, .quote = "D rejects Q."})
      .Write();
  query::Report all = Build(f, 0);
  CHECK(Texts(all) == std::vector<std::string>{"P holds", "Q holds"});
  query::Report since = Build(f, mark);
  CHECK(Texts(since) == std::vector<std::string>{"Q holds"});
  CHECK(since.totals.new_contradictions == 1);
  CHECK(since.totals.new_mentions == 2);
  CHECK(since.totals.new_documents == 1);
  CHECK(since.until_sequence == f.db().NextSequence());

  const query::ContradictionFinding& q = since.new_contradictions[0];
  REQUIRE(q.against_side.size() == 1);
  CHECK(q.against_side[0].name == "D");
  CHECK(q.against_side[0].is_new);
  REQUIRE(q.against_side[0].quotes.size() == 1);
  const query::Quote& quote = q.against_side[0].quotes[0];
  CHECK(quote.text == "D rejects Q.");
  CHECK(quote.outlet == "Gazette");
  CHECK(quote.hedged);
  CHECK(quote.is_new);
  CHECK(quote.link.rfind("d2#", 0) == 0);  // the source, as there is no url
  for (const auto& side : q.for_side) CHECK_FALSE(side.is_new);
}

TEST_CASE("A report lists reversals with a new mention and how coalitions moved",
          "[query][report]") {
  QueryFixture f;
  const uint64_t mark = SeedBefore(f);
  f.Doc("d2")
      .Claim("B", +1, "P holds", "2024-03-01", {.quote = "B now accepts that P holds."})
      .Claim("E", +1, "Q holds", "2024-03-02")
      .Write();
  query::Report r = Build(f, mark);
  REQUIRE(r.new_reversals.size() == 1);
  const query::ReversalFinding& v = r.new_reversals[0];
  CHECK(v.holder == "B");
  CHECK(v.from_polarity == -1);
  CHECK(v.to_polarity == 1);
  REQUIRE(v.after.size() == 1);
  CHECK(v.after[0].text == "B now accepts that P holds.");

  // A and C agreed on Q before; E joined them.
  auto grown = std::find_if(r.coalitions.begin(), r.coalitions.end(), [](const auto& c) {
    return std::find(c.members.begin(), c.members.end(), "E") != c.members.end();
  });
  REQUIRE(grown != r.coalitions.end());
  CHECK(std::find(grown->joined.begin(), grown->joined.end(), "E") != grown->joined.end());
  CHECK(grown->movement != "new");
}

TEST_CASE("A report ranks contested propositions with a timeline and quotes", "[query][report]") {
  QueryFixture f;
  f.Doc("d1")
      .Claim("A", +1, "P holds", "2024-01-01", {.concept_name = "p-ness"})
      .Claim("B", -1, "P holds", "2024-01-02", {.concept_name = "p-ness"})
      .Claim("C", -1, "P holds", "2024-01-03", {.concept_name = "p-ness"})
      .Claim("A", +1, "Q holds", "2024-01-01")
      .Claim("B", -1, "Q holds", "2024-01-04")
      .Write();
  query::Report r = Build(f, 0);
  CHECK(r.concepts.empty());  // concept-level findings only when asked
  REQUIRE(r.contested.size() == 2);
  CHECK(r.contested[0].text == "P holds");  // 2 pairs before 1
  CHECK(r.contested[0].pairs == 2);
  CHECK(r.contested[0].for_holders == std::vector<std::string>{"A"});
  CHECK(r.contested[0].against_holders == std::vector<std::string>{"B", "C"});
  CHECK(r.contested[0].timeline.size() == 3);
  CHECK(r.contested[0].quotes.size() == 2);  // the latest for and against
  CHECK_FALSE(r.actors.empty());
  CHECK(r.network.nodes == std::vector<std::string>{"A", "B", "C"});
  auto with_concepts = query::BuildReport(f.db(), {.by_concept = true});
  REQUIRE(with_concepts.ok());
  REQUIRE(with_concepts->concepts.size() == 1);
  CHECK(with_concepts->concepts[0].name == "p-ness");
  CHECK(with_concepts->concepts[0].pairs == 2);
}

TEST_CASE("Report renderers escape text from articles", "[query][report]") {
  CHECK(schema::HtmlEscape("<script>x & 'y'</script>") ==
        "&lt;script&gt;x &amp; &#39;y&#39;&lt;/script&gt;");
  CHECK(query::MarkdownEscape("[a](javascript:x) <b> *c* `d`") ==
        "\\[a\\](javascript:x) \\<b\\> \\*c\\* \\`d\\`");
  CHECK(query::MarkdownEscape("# head") == "\\# head");
  CHECK(query::MarkdownEscape("1. item") == "1\\. item");
  CHECK(query::MarkdownEscape("line\nbreak") == "line break");

  QueryFixture f;
  f.Doc("<img src=x onerror=alert(1)>")
      .Claim("<b>Evil</b>", +1, "P <script>", "2024-01-01", {.quote = "<script>alert(1)</script>"})
      .Claim("B", -1, "P <script>", "2024-01-02")
      .Write();
  query::Report r = Build(f, 0);
  const std::string html = query::RenderHtml(r);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>Evil") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  const std::string md = query::RenderMarkdown(r);
  for (size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
    CHECK(md[at - 1] == '\\');  // every < of the article is escaped
  }
  CHECK(md.find("\\<script\\>alert(1)\\</script\\>") != std::string::npos);
  CHECK(md.find("\\<b\\>Evil") != std::string::npos);
  const std::string json = query::ReportToJson(r).dump();
  CHECK(json.find("\"schema_version\":1") != std::string::npos);
}

TEST_CASE("A report watermark only moves forward and is kept per profile", "[query][report]") {
  QueryFixture f;
  auto none = query::ReadWatermark(f.db(), "daily");
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());
  auto set =
      query::AdvanceWatermark(f.db(), "daily", {.sequence = 10, .time = testing::T("2024-01-01")});
  REQUIRE(set.ok());
  CHECK(set->sequence == 10);
  // An older report finishing later does not move it back.
  auto older = query::AdvanceWatermark(f.db(), "daily", {.sequence = 4});
  REQUIRE(older.ok());
  CHECK(older->sequence == 10);
  auto read = query::ReadWatermark(f.db(), "daily");
  REQUIRE(read.ok());
  REQUIRE(read->has_value());
  CHECK((*read)->sequence == 10);
  CHECK((*read)->time == testing::T("2024-01-01"));
  auto weekly = query::ReadWatermark(f.db(), "weekly");
  REQUIRE(weekly.ok());
  CHECK_FALSE(weekly->has_value());
  CHECK(query::WatermarkKey("weekly") == "report/weekly/watermark");
  CHECK_FALSE(query::ValidateProfileName("../etc").ok());
  CHECK_FALSE(query::ValidateProfileName("").ok());
  CHECK(query::ValidateProfileName("weekly-2").ok());
  // Carrying a watermark into a rebuilt store sets it wherever it was.
  REQUIRE(query::StoreWatermark(f.db(), "daily", {.sequence = 3}).ok());
  CHECK((*query::ReadWatermark(f.db(), "daily"))->sequence == 3);
  CHECK((*query::ReadWatermark(f.db(), "daily"))->time == schema::kNoTime);
  CHECK_FALSE(query::StoreWatermark(f.db(), "../etc", {.sequence = 3}).ok());
}

TEST_CASE("A report since a sequence past the end is an error", "[query][report]") {
  QueryFixture f;
  SeedBefore(f);
  auto r = query::BuildReport(f.db(), {.since_sequence = f.db().NextSequence() + 5});
  CHECK(absl::IsInvalidArgument(r.status()));
}

namespace {

// The store for comparing reports with queries: people speaking for two
// countries, concepts with paraphrases, and a reversal of each kind.
void SeedLevels(QueryFixture& f) {
  using testing::H;
  using testing::T;
  f.Define({{.name = "Aland", .type = schema::EntityType::kCountry},
            {.name = "Borduria", .type = schema::EntityType::kCountry},
            {.name = "Ana",
             .type = schema::EntityType::kPerson,
             .roles = {{.title = "president", .of = H("Aland"), .from = T("2024-01-01")}}},
            {.name = "Bo",
             .type = schema::EntityType::kPerson,
             .roles = {{.title = "minister", .of = H("Aland"), .from = T("2024-01-01")}}},
            {.name = "Di",
             .type = schema::EntityType::kPerson,
             .roles = {{.title = "president", .of = H("Borduria"), .from = T("2024-01-01")}}}});
  const Say dam{.concept_name = "the dam"};
  f.Doc("d1")
      .Claim("Ana", +1, "The dam is built", "2024-02-01", dam)
      .Claim("Di", -1, "The dam is built", "2024-02-02", dam)
      .Claim("Cy", +1, "Building the dam goes ahead", "2024-02-03", dam)
      .Claim("Borduria", -1, "Building the dam goes ahead", "2024-02-04", dam)
      .Claim("Bo", -1, "Tolls rise", "2024-02-05")
      .Claim("Cy", +1, "Tolls rise", "2024-02-06")
      .Claim("Di", +1, "Tolls rise", "2024-02-07")
      .Write();
  f.Doc("d2")
      .Claim("Ana", +1, "Tolls rise", "2024-03-01")
      .Claim("Cy", -1, "The dam is built", "2024-03-02", dam)
      .Write();
}

}  // namespace

TEST_CASE("A report and the queries give the same contradictions and networks",
          "[query][report][levels]") {
  QueryFixture f;
  SeedLevels(f);
  for (const std::optional<query::Level> level :
       {std::optional<query::Level>(), std::optional<query::Level>(query::Level::kPerson),
        std::optional<query::Level>(query::Level::kState)}) {
    for (const bool by_concept : {false, true}) {
      INFO("level " << (level ? query::LevelName(*level) : "auto") << ", by_concept "
                    << by_concept);
      auto report = query::BuildReport(f.db(), {.max_contested = 100,
                                                .max_findings = 100,
                                                .max_actors = 100,
                                                .max_network_nodes = 100,
                                                .level = level,
                                                .by_concept = by_concept});
      REQUIRE(report.ok());
      query::RecordCache records(f.db());

      // Everything is new in a report since the beginning: its new
      // contradictions are the query's, side by side.
      query::ContradictionOptions co{.by_concept = by_concept};
      if (level) co.level = *level;
      auto it = query::FindContradictions(f.db(), co);
      REQUIRE(it.ok());
      std::vector<std::string> queried, reported;
      auto side_text = [](const std::vector<std::string>& names) {
        std::string out;
        for (const auto& n : names) out += n + ";";
        return out;
      };
      for (; (*it)->Valid(); (*it)->Next()) {
        const query::Contradiction& c = (*it)->value();
        std::vector<std::string> pro, con;
        for (const auto& s : c.for_side) pro.push_back(records.Holder(s.holder).name);
        for (const auto& s : c.against_side) con.push_back(records.Holder(s.holder).name);
        std::sort(pro.begin(), pro.end());
        std::sort(con.begin(), con.end());
        queried.push_back((c.level == query::ContradictionLevel::kConcept ? "concept " : "") +
                          std::to_string(c.pairs) + " " + side_text(pro) + " / " + side_text(con));
      }
      REQUIRE((*it)->status().ok());
      for (const auto& c : report->new_contradictions) {
        std::vector<std::string> pro, con;
        for (const auto& s : c.for_side) pro.push_back(s.name);
        for (const auto& s : c.against_side) con.push_back(s.name);
        std::sort(pro.begin(), pro.end());
        std::sort(con.begin(), con.end());
        reported.push_back((c.concept_level ? "concept " : "") + std::to_string(c.pairs) + " " +
                           side_text(pro) + " / " + side_text(con));
      }
      CHECK(reported == queried);
      CHECK_FALSE(queried.empty());

      // The contested propositions are the proposition-level ones.
      uint64_t contested_pairs = 0, queried_pairs = 0;
      for (const auto& c : report->contested) contested_pairs += c.pairs;
      auto counted = query::FindContradictions(f.db(), {.level = co.level});
      REQUIRE(counted.ok());
      for (; (*counted)->Valid(); (*counted)->Next()) queried_pairs += (*counted)->value().pairs;
      CHECK(contested_pairs == queried_pairs);

      // Coalitions and key actors from the same network.
      query::NetworkOptions no{.merge_concepts = by_concept};
      if (level) no.level = *level;
      auto net = query::BuildHolderNetwork(f.db(), no);
      REQUIRE(net.ok());
      std::vector<std::vector<std::string>> coalitions;
      for (const query::Coalition& c : query::FindCoalitions(*net)) {
        std::vector<std::string> names;
        for (uint32_t m : c.members) names.push_back(net->nodes[m].name);
        std::sort(names.begin(), names.end());
        coalitions.push_back(names);
      }
      std::vector<std::vector<std::string>> reported_coalitions;
      for (const auto& c : report->coalitions) reported_coalitions.push_back(c.members);
      CHECK(reported_coalitions == coalitions);
      std::vector<std::string> actors, reported_actors;
      for (const query::ActorScore& a : query::RankActors(*net)) {
        if (a.degree > 0) actors.push_back(net->nodes[a.node].name);
      }
      for (const auto& a : report->actors) reported_actors.push_back(a.name);
      CHECK(reported_actors == actors);

      // And the reversals.
      auto reversals = query::FindReversals(f.db(), {.level = level});
      REQUIRE(reversals.ok());
      uint64_t n = 0;
      for (; (*reversals)->Valid(); (*reversals)->Next()) ++n;
      CHECK(report->totals.new_reversals == n);
    }
  }
}

TEST_CASE("A report shows a state's reversal with who spoke on each side",
          "[query][report][levels]") {
  using testing::H;
  using testing::T;
  QueryFixture f;
  f.Define({{.name = "Aland", .type = schema::EntityType::kCountry},
            {.name = "Ana Berg",
             .type = schema::EntityType::kPerson,
             .roles = {{.title = "foreign minister", .of = H("Aland"), .from = T("2020-01-01")}}},
            {.name = "Bo Lind",
             .type = schema::EntityType::kPerson,
             .roles = {{.title = "president", .of = H("Aland"), .from = T("2020-01-01")}}}});
  f.Doc("jan").Claim("Ana Berg", -1, "The canal opens", "2024-01-10").Write();
  const uint64_t mark = f.db().NextSequence();
  f.Doc("jul").Claim("Bo Lind", +1, "The canal opens", "2024-07-10").Write();
  query::Report r = Build(f, mark);
  REQUIRE(r.new_reversals.size() == 1);
  const query::ReversalFinding& v = r.new_reversals[0];
  CHECK(v.level == query::Level::kState);
  CHECK(v.holder == "Aland");
  CHECK(v.from_holders == std::vector<std::string>{"Ana Berg"});
  CHECK(v.to_holders == std::vector<std::string>{"Bo Lind"});
  const std::string md = query::RenderMarkdown(r);
  CHECK(md.find("### 1. Aland on “The canal opens”: against → for\n\n"
                "A state-level reversal: Ana Berg → Bo Lind\n") != std::string::npos);
  const std::string json = query::ReportToJson(r).dump();
  CHECK(json.find("\"level\":\"state\"") != std::string::npos);
  // As named, there is none: each said one thing once.
  auto named = query::BuildReport(f.db(), {.since_sequence = mark, .level = query::Level::kPerson});
  REQUIRE(named.ok());
  CHECK(named->new_reversals.empty());
}
