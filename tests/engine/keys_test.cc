// Key encodings sort the way the scans need: numerically, earlier times first.
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "keys.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/time.h"

using namespace stancegraph;
using engine::MentionRef;
namespace keys = engine::keys;

TEST_CASE("Index keys sort by holder, proposition, time, then sequence", "[engine]") {
  std::vector<MentionRef> refs = {
      {.sequence = 9, .holder = 2, .proposition = 1, .polarity = 1, .made = 100},
      {.sequence = 3, .holder = 1, .proposition = 7, .polarity = -1, .made = -5},
      {.sequence = 4, .holder = 1, .proposition = 7, .polarity = 1, .made = schema::kNoTime},
      {.sequence = 1, .holder = 1, .proposition = 7, .polarity = 1, .made = 100},
      {.sequence = 2, .holder = 1, .proposition = 7, .polarity = 1, .made = 100},
      {.sequence = 5, .holder = 256, .proposition = 0, .polarity = 0, .made = 0},
  };
  std::vector<std::string> encoded;
  for (const auto& r : refs) encoded.push_back(keys::ByHolderKey(r));
  std::vector<std::string> sorted = encoded;
  std::sort(sorted.begin(), sorted.end());
  // Expected: holder 1 (prop 7: unknown time, -5, 100/seq 1, 100/seq 2), holder 2, holder 256.
  std::vector<uint64_t> order;
  for (const auto& k : sorted) {
    MentionRef r;
    REQUIRE(keys::DecodeByHolder(k, std::string(1, keys::PolarityByte(0)), &r));
    order.push_back(r.sequence);
  }
  CHECK(order == std::vector<uint64_t>{4, 3, 1, 2, 9, 5});
}

TEST_CASE("Keys decode to what was encoded", "[engine]") {
  MentionRef r{.sequence = 77,
               .holder = schema::MakeEntityId("Finland"),
               .proposition = schema::MakePropositionId("finland joins nato"),
               .polarity = -1,
               .made = *schema::ParseTime("2022-05-18T10:00:00Z")};
  std::string payload;
  keys::PutRefPayload(&payload, r);
  MentionRef back;
  REQUIRE(keys::DecodeByTime(keys::ByTimeKey(r), payload, &back));
  CHECK(back.sequence == r.sequence);
  CHECK(back.holder == r.holder);
  CHECK(back.proposition == r.proposition);
  CHECK(back.polarity == r.polarity);
  CHECK(back.made == r.made);
  std::string prop_value = payload.substr(0, 8) + payload[16];
  MentionRef by_prop;
  REQUIRE(keys::DecodeByProp(keys::ByPropKey(r), prop_value, &by_prop));
  CHECK(by_prop.holder == r.holder);
  CHECK(by_prop.made == r.made);
  CHECK_FALSE(keys::DecodeByProp("short", prop_value, &by_prop));

  schema::Claim c;
  REQUIRE(keys::DecodePropClaim(keys::PropClaimKey(r.proposition, -1, r.holder), &c));
  CHECK(c.id == r.claim());
}

TEST_CASE("A prefix's end bounds exactly the keys that start with it", "[engine]") {
  CHECK(keys::PrefixEnd(std::string("ab")) == "ac");
  CHECK(keys::PrefixEnd(std::string("a\xff")) == "b");
  CHECK(keys::PrefixEnd(std::string("\xff\xff")).empty());
}
