#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>

#include "query_fixture.h"
#include "stancegraph/engine/check.h"
#include "stancegraph/query/aggregates.h"

using namespace stancegraph;
using testing::H;
using testing::P;
using testing::QueryFixture;
using testing::T;

namespace {

// P: for {A, B, C}, against {C, D}: 3·2 − |{C}| = 5 pairs; C holds both sides.
// Q: only A, for: no pair.
void Seed(QueryFixture& f) {
  f.Doc("d1")
      .Claim("A", +1, "P", "2024-01-01")
      .Claim("B", +1, "P", "2024-01-02")
      .Claim("C", +1, "P", "2024-01-03")
      .Write();
  f.Doc("d2")
      .Claim("C", -1, "P", "2024-02-01")
      .Claim("D", -1, "P", "2024-02-02")
      .Claim("A", +1, "Q", "2024-02-03")
      .Write();
}

// Reversals read from every timeline whole, the rule written out again:
// per (holder, proposition), one cell per UTC day of made time (undated
// mentions on none); a day with both polarities, or neither, decides
// nothing; a reversal is a change between consecutive deciding days, counted
// when one of the two days holds a for or against mention of sequence >=
// `since`.
uint64_t ReversalsTouching(engine::Database& db, uint64_t since) {
  struct Day {
    bool pos = false, neg = false, fresh = false;
  };
  std::map<std::pair<schema::EntityId, schema::PropositionId>, std::map<int64_t, Day>> days;
  auto it = db.ScanAllByHolder();
  for (; it->Valid(); it->Next()) {
    const engine::MentionRef& r = it->ref();
    if (r.made == schema::kNoTime) continue;
    const int64_t day =
        static_cast<int64_t>(std::floor(static_cast<double>(r.made) / 86'400'000'000.0));
    Day& d = days[{r.holder, r.proposition}][day];
    d.pos |= r.polarity > 0;
    d.neg |= r.polarity < 0;
    d.fresh |= r.polarity != 0 && r.sequence >= since;
  }
  REQUIRE(it->status().ok());
  uint64_t n = 0;
  for (const auto& [pair, timeline] : days) {
    int last = 0;
    bool last_fresh = false;
    for (const auto& [day, d] : timeline) {
      if (d.pos == d.neg) continue;
      const int polarity = d.pos ? 1 : -1;
      if (last != 0 && last != polarity && (last_fresh || d.fresh)) ++n;
      last = polarity;
      last_fresh = d.fresh;
    }
  }
  return n;
}

int Pick(std::mt19937& rng, int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); }

// A document of `claims` random claims by holders H0.. on propositions P0..,
// each for or against (or neutral too, with `neutral`), on a day of 2024.
schema::DocumentClaims RandomDoc(QueryFixture& f, std::mt19937& rng, int claims, int holders,
                                 int props, bool neutral) {
  auto doc = f.Doc("wire");
  for (int c = 0; c < claims; ++c) {
    const int polarity = neutral ? Pick(rng, 3) - 1 : (Pick(rng, 2) == 0 ? 1 : -1);
    const std::string holder = "H" + std::to_string(Pick(rng, holders));
    const std::string prop = "P" + std::to_string(Pick(rng, props));
    const std::string month = std::to_string(1 + Pick(rng, 9));
    const std::string day = std::to_string(Pick(rng, 10));
    doc.Claim(holder, polarity, prop, "2024-0" + month + "-1" + day);
  }
  return doc.Build();
}

// Stores documents through a bulk loader or through ordinary writes: the
// incremental counts must not depend on which.
class Writer {
 public:
  Writer(QueryFixture& f, bool bulk, const engine::BulkLoadOptions& options = {}) : f_(f) {
    if (!bulk) return;
    auto l = f.db().NewBulkLoader(options);
    REQUIRE(l.ok());
    loader_ = *std::move(l);
  }
  void Write(const std::vector<schema::DocumentClaims>& docs) {
    if (loader_) {
      REQUIRE(loader_->Add(docs).ok());
    } else {
      REQUIRE(f_.db().Write(docs, {}).ok());
    }
  }
  void Finish() {
    if (loader_) REQUIRE(loader_->Finish().ok());
    loader_.reset();
  }

 private:
  QueryFixture& f_;
  std::unique_ptr<engine::BulkLoader> loader_;
};

// Q1 and Q2 counted again from the mentions, over the claims first
// mentioned before sequence `before` (all of them for UINT64_MAX).
struct Recount {
  uint64_t pairs = 0, flipped = 0;
};
Recount RecountBefore(engine::Database& db, uint64_t before) {
  // (holder, proposition) -> first sequence of its +1 and of its -1 claim.
  std::map<std::pair<schema::EntityId, schema::PropositionId>, std::pair<uint64_t, uint64_t>>
      firsts;
  auto it = db.ScanAllByHolder();
  for (; it->Valid(); it->Next()) {
    const engine::MentionRef& r = it->ref();
    if (r.polarity == 0 || r.sequence >= before) continue;
    auto [at, fresh] = firsts.try_emplace({r.holder, r.proposition}, UINT64_MAX, UINT64_MAX);
    uint64_t& first = r.polarity > 0 ? at->second.first : at->second.second;
    first = std::min(first, r.sequence);
  }
  REQUIRE(it->status().ok());
  std::map<schema::PropositionId, engine::PropositionSides> sides;
  Recount out;
  for (const auto& [pair, first] : firsts) {
    engine::PropositionSides& s = sides[pair.second];
    const bool pos = first.first != UINT64_MAX, neg = first.second != UINT64_MAX;
    s.for_holders += pos;
    s.against_holders += neg;
    s.both_holders += pos && neg;
    out.flipped += pos && neg;
  }
  for (const auto& [prop, s] : sides) out.pairs += s.OpposedPairs();
  return out;
}

}  // namespace

TEST_CASE("Contradicting pairs are for × against minus holders on both sides", "[query]") {
  QueryFixture f;
  Seed(f);
  auto c = query::CountContradictions(f.db());
  REQUIRE(c.ok());
  CHECK(c->pairs == 5);
  CHECK(c->contested_propositions == 1);
  CHECK(c->propositions == 2);
  CHECK(c->claims == 6);
  CHECK(c->self_contradictions == 1);
}

TEST_CASE("A holder alone on both sides is no contradicting pair", "[query]") {
  QueryFixture f;
  f.Doc("d").Claim("X", +1, "R", "2024-01-01").Claim("X", -1, "R", "2024-01-02").Write();
  auto c = query::CountContradictions(f.db());
  REQUIRE(c.ok());
  CHECK(c->pairs == 0);
  CHECK(c->contested_propositions == 0);
  auto ch = query::CountChanges(f.db());
  REQUIRE(ch.ok());
  CHECK(ch->flipped_pairs == 1);
}

TEST_CASE("Flipped pairs agree with the reversal events in time order", "[query]") {
  QueryFixture f;
  Seed(f);
  // A reverses twice on Q (+, −, +); a neutral mention in between changes nothing.
  f.Doc("d3")
      .Claim("A", -1, "Q", "2024-03-01")
      .Claim("A", 0, "Q", "2024-03-02")
      .Claim("A", +1, "Q", "2024-04-01")
      .Write();
  auto fast = query::CountChanges(f.db());
  auto events = query::CountChanges(f.db(), {}, /*count_events=*/true);
  REQUIRE(fast.ok());
  REQUIRE(events.ok());
  CHECK(fast->flipped_pairs == 2);  // (C, P) and (A, Q)
  CHECK(events->flipped_pairs == 2);
  CHECK(events->reversals == 3);    // C: + → −; A: + → − → +
  CHECK(fast->holders_with_reversals == 2);
  CHECK(events->holders_with_reversals == 2);
}

TEST_CASE("A time window keeps its start and leaves out its end", "[query]") {
  QueryFixture f;
  Seed(f);
  // [2024-01-02, 2024-02-01): B and C for, nobody against yet.
  query::Filter w{.made_from = T("2024-01-02"), .made_to = T("2024-02-01")};
  auto c = query::CountContradictions(f.db(), w);
  REQUIRE(c.ok());
  CHECK(c->claims == 2);
  CHECK(c->pairs == 0);
  // Moving the end one second later takes in C against: B–C is a pair.
  w.made_to = T("2024-02-01T00:00:01Z");
  c = query::CountContradictions(f.db(), w);
  REQUIRE(c.ok());
  CHECK(c->pairs == 1);
  auto ch = query::CountChanges(f.db(), w);
  REQUIRE(ch.ok());
  CHECK(ch->flipped_pairs == 1);
}

TEST_CASE("Holder and concept filters restrict the counts", "[query]") {
  QueryFixture f;
  Seed(f);
  query::Filter only{.holders = {H("A"), H("D")}};
  auto c = query::CountContradictions(f.db(), only);
  REQUIRE(c.ok());
  CHECK(c->pairs == 1);  // A for P, D against P
  query::Filter props{.propositions = {P("Q")}};
  c = query::CountContradictions(f.db(), props);
  REQUIRE(c.ok());
  CHECK(c->pairs == 0);
  CHECK(c->claims == 1);
}

TEST_CASE("What new mentions add is the difference of the full counts", "[query]") {
  QueryFixture f;
  Seed(f);
  auto before_q1 = query::CountContradictions(f.db());
  auto before_q2 = query::CountChanges(f.db());
  REQUIRE(before_q1.ok());
  REQUIRE(before_q2.ok());
  const uint64_t since = f.db().NextSequence();
  // E joins against P (new claim: 3 new pairs with A, B, C); D now also for P
  // (new claim, D flips: pairs with C; and D-for vs D-against is no pair);
  // B repeats itself (nothing new). Earlier-dated mentions arriving late count.
  f.Doc("d4")
      .Claim("E", -1, "P", "2024-05-01")
      .Claim("D", +1, "P", "2023-12-31")
      .Claim("B", +1, "P", "2024-05-02")
      .Write();
  auto after_q1 = query::CountContradictions(f.db());
  auto after_q2 = query::CountChanges(f.db());
  auto inc = query::CountSince(f.db(), since);
  REQUIRE(after_q1.ok());
  REQUIRE(after_q2.ok());
  REQUIRE(inc.ok());
  CHECK(inc->new_mentions == 3);
  CHECK(inc->new_claims == 2);
  CHECK(inc->new_contradicting_pairs == after_q1->pairs - before_q1->pairs);
  CHECK(inc->new_contradicting_pairs == 5);  // E vs A, B, C; D-for vs C, E
  CHECK(inc->new_flipped_pairs == after_q2->flipped_pairs - before_q2->flipped_pairs);
  CHECK(inc->new_flipped_pairs == 1);
  CHECK(inc->new_reversals == 1);  // D: + (2023-12-31, new) → − (2024-02-02)
  CHECK(inc->until_sequence == f.db().NextSequence());

  auto nothing = query::CountSince(f.db(), f.db().NextSequence());
  REQUIRE(nothing.ok());
  CHECK(nothing->new_mentions == 0);
  CHECK(nothing->new_contradicting_pairs == 0);
  CHECK(absl::IsInvalidArgument(query::CountSince(f.db(), f.db().NextSequence() + 5).status()));
}

TEST_CASE("Counts since any earlier point are the full counts now less the full counts then",
          "[query][incremental]") {
  for (const bool bulk : {false, true}) {
    INFO((bulk ? "bulk loader" : "ordinary writes"));
    QueryFixture f;
    std::mt19937 rng(20240101);
    std::vector<uint64_t> marks;
    std::vector<std::unique_ptr<engine::Snapshot>> then;
    Writer writer(f, bulk, {.chunk_bytes = 3000});
    for (int round = 0; round < 15; ++round) {
      marks.push_back(f.db().NextSequence());
      then.push_back(f.db().GetSnapshot());
      std::vector<schema::DocumentClaims> docs;
      for (int d = 0; d < 3; ++d) {
        docs.push_back(RandomDoc(f, rng, 1 + Pick(rng, 4), /*holders=*/7, /*props=*/3,
                                 /*neutral=*/true));
      }
      writer.Write(docs);
    }
    writer.Finish();

    auto now_q1 = query::CountContradictions(f.db());
    auto now_q2 = query::CountChanges(f.db());
    REQUIRE(now_q1.ok());
    REQUIRE(now_q2.ok());
    CHECK(now_q1->pairs > 0);
    CHECK(now_q2->flipped_pairs > 0);
    for (size_t i = 0; i < marks.size(); ++i) {
      INFO("since " << marks[i]);
      auto before_q1 = query::CountContradictions(f.db(), {.snapshot = then[i].get()});
      auto before_q2 = query::CountChanges(f.db(), {.snapshot = then[i].get()});
      auto inc = query::CountSince(f.db(), marks[i]);
      REQUIRE(before_q1.ok());
      REQUIRE(before_q2.ok());
      REQUIRE(inc.ok());
      CHECK(inc->new_contradicting_pairs == now_q1->pairs - before_q1->pairs);
      CHECK(inc->new_claims == now_q1->claims - before_q1->claims);
      CHECK(inc->new_flipped_pairs == now_q2->flipped_pairs - before_q2->flipped_pairs);
      CHECK(inc->until_sequence == f.db().NextSequence());
      CHECK(inc->new_reversals == ReversalsTouching(f.db(), marks[i]));
    }
    auto report = engine::CheckConsistency(f.db());
    REQUIRE(report.ok());
    CHECK(report->consistent());
  }
}

TEST_CASE("Reversals are found around new mentions far apart in a long timeline",
          "[query][incremental]") {
  QueryFixture f;
  // 120 old mentions on one day each: runs of ten for, ten against.
  auto day = [](int d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "2023-%02d-%02dT12:00:00Z", 1 + d / 28, 1 + d % 28);
    return std::string(buf);
  };
  for (int d = 0; d < 120; d += 10) {
    auto doc = f.Doc("old");
    for (int k = d; k < d + 10; ++k) doc.Claim("Ankara", (d / 10) % 2 == 0 ? 1 : -1, "P", day(k));
    doc.Write();
  }
  const uint64_t since = f.db().NextSequence();
  // New mentions dated inside runs far apart (on days of their own, or
  // agreeing with the day's old mentions), and one at the very end.
  f.Doc("new")
      .Claim("Ankara", -1, "P", "2023-01-29T18:00:00Z")  // inside a for run: 2 reversals
      .Claim("Ankara", +1, "P", "2023-02-20T18:00:00Z")  // inside a for run: none
      .Claim("Ankara", +1, "P", "2023-04-29T18:00:00Z")  // inside an against run: 2
      .Claim("Ankara", 0, "P", "2023-03-03T18:00:00Z")   // neutral: none
      .Claim("Ankara", +1, "P", "2024-01-01")            // after the last (against): 1
      .Write();
  auto inc = query::CountSince(f.db(), since);
  REQUIRE(inc.ok());
  CHECK(inc->new_reversals == ReversalsTouching(f.db(), since));
  CHECK(inc->new_reversals == 5);

  // One more, against on a day of old for mentions: that day decides
  // nothing now, and the reversals around it move to its neighbours, none of
  // which is new.
  const uint64_t later = f.db().NextSequence();
  f.Doc("mixed").Claim("Ankara", -1, "P", "2023-01-05T18:00:00Z").Write();
  auto mixed = query::CountSince(f.db(), later);
  REQUIRE(mixed.ok());
  CHECK(mixed->new_reversals == ReversalsTouching(f.db(), later));
  CHECK(mixed->new_reversals == 0);
  auto all = query::CountSince(f.db(), since);
  REQUIRE(all.ok());
  CHECK(all->new_reversals == ReversalsTouching(f.db(), since));
}

TEST_CASE("A large batch of new mentions counts the same as the full recount",
          "[query][incremental]") {
  // Enough new mentions that their scan is cut in slices read at once; both
  // ways of storing them keep records of what each write (or chunk) added.
  for (const bool bulk : {false, true}) {
    INFO((bulk ? "bulk loader" : "ordinary writes"));
    QueryFixture f;
    std::mt19937 rng(77);
    Writer writer(f, bulk);
    auto write = [&](int docs, int props) {
      std::vector<schema::DocumentClaims> batch;
      for (int d = 0; d < docs; ++d) batch.push_back(RandomDoc(f, rng, 20, 40, props, false));
      writer.Write(batch);
    };
    write(200, 6000);
    auto then = f.db().GetSnapshot();
    const uint64_t since = f.db().NextSequence();
    write(600, 9000);  // 12,000 mentions
    writer.Finish();

    auto before_q1 = query::CountContradictions(f.db(), {.snapshot = then.get()});
    auto before_q2 = query::CountChanges(f.db(), {.snapshot = then.get()});
    auto now_q1 = query::CountContradictions(f.db());
    auto now_q2 = query::CountChanges(f.db());
    auto inc = query::CountSince(f.db(), since);
    REQUIRE(before_q1.ok());
    REQUIRE(before_q2.ok());
    REQUIRE(now_q1.ok());
    REQUIRE(now_q2.ok());
    REQUIRE(inc.ok());
    CHECK(inc->new_mentions == f.db().NextSequence() - since);
    CHECK(inc->new_claims == now_q1->claims - before_q1->claims);
    CHECK(inc->new_contradicting_pairs == now_q1->pairs - before_q1->pairs);
    CHECK(inc->new_flipped_pairs == now_q2->flipped_pairs - before_q2->flipped_pairs);
    CHECK(inc->new_flipped_pairs > 0);
    CHECK(inc->new_reversals == ReversalsTouching(f.db(), since));
    CHECK(inc->touched_propositions > 2000);
  }
}

TEST_CASE("Counts since a point inside a write are what the mentions from there on added",
          "[query][incremental]") {
  // The writes' records do not split; the sides of the propositions the new
  // claims touch answer instead, in pieces read at once for a big batch.
  QueryFixture f;
  std::mt19937 rng(78);
  std::vector<schema::DocumentClaims> batch;
  for (int d = 0; d < 700; ++d) batch.push_back(RandomDoc(f, rng, 20, 40, 9000, false));
  const uint64_t first = f.db().NextSequence();
  REQUIRE(f.db().Write(batch, {}).ok());
  const Recount now = RecountBefore(f.db(), UINT64_MAX);
  for (const uint64_t since : {first + 1, first + 1000, first + 13999}) {
    INFO("since " << since);
    const Recount then = RecountBefore(f.db(), since);
    auto inc = query::CountSince(f.db(), since);
    REQUIRE(inc.ok());
    CHECK(inc->new_mentions == f.db().NextSequence() - since);
    CHECK(inc->new_contradicting_pairs == now.pairs - then.pairs);
    CHECK(inc->new_flipped_pairs == now.flipped - then.flipped);
    CHECK(inc->new_reversals == ReversalsTouching(f.db(), since));
  }
  auto whole = query::CountSince(f.db(), first);
  auto q1 = query::CountContradictions(f.db());
  REQUIRE(whole.ok());
  REQUIRE(q1.ok());
  CHECK(whole->new_contradicting_pairs == q1->pairs);
  CHECK(now.pairs == q1->pairs);
}
