// More forms of reported speech in news English: sources with determiners
// and appositives, questions before their speaker, on short texts written
// for the test.
#include <catch2/catch.hpp>

#include "extractor_test_util.h"

namespace stancegraph::importers::testing {
namespace {

TEST_CASE("A quote before 'the spokesman said' is the spokesman's", "[importers]") {
  auto f = Extract("Title\n\n\"We will appeal the ruling,\" the spokesman said.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "spokesman");
  CHECK(f[0].content_span == "\"We will appeal the ruling,\"");
  f = Extract("Title\n\n\"The plan is dead,\" an official said on Friday.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "official");
  CHECK(f[0].content_span == "\"The plan is dead,\"");
}

TEST_CASE("A quote before a longer noun phrase with a name is the name's", "[importers]") {
  const auto f = Extract("Title\n\n\"It was a fair trial,\" her lawyer Ruth Adler told the court.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Ruth Adler");
  CHECK(f[0].content_span == "\"It was a fair trial,\"");
}

TEST_CASE("A name between commas before the cue is the source", "[importers]") {
  const auto f = Extract("Title\n\nOne of her aides, Paul Gray, told reporters that the bill was dead.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Paul Gray");
  CHECK(f[0].content_span == "the bill was dead");
}

TEST_CASE("'who say' takes the noun phrase before it as the source", "[importers]") {
  const auto f = Extract("Title\n\nThe tax was opposed by farmers who say it is unfair.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "farmers");
  CHECK(f[0].content_span == "it is unfair");
}

TEST_CASE("A long appositive between the subject and the cue keeps the subject", "[importers]") {
  auto f = Extract("Title\n\nMaria Lopez, 34, of Tucson, Ariz., said the school would close.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Maria Lopez");
  CHECK(f[0].content_span == "the school would close");
  f = Extract("Title\n\nEven Hartley, a longtime ally of Jane Moss, said the vote was rigged.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Hartley");
  CHECK(f[0].content_span == "the vote was rigged");
}

TEST_CASE("'said he would' is not an inverted speaker", "[importers]") {
  const auto f = Extract("Title\n\nTom Hardy, the mayor of Leeds, said he would resign in May.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Tom Hardy");
  CHECK(f[0].holder_span == "Tom Hardy");
  CHECK(f[0].content_span == "he would resign in May");
}

TEST_CASE("A quoted question before 'Name said' is one sentence with its speaker",
          "[importers]") {
  const auto f = Extract("Title\n\n\"Who will pay for the wall?\" Warren said. Nobody answered.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder_span == "Warren");
  CHECK(f[0].content_span == "\"Who will pay for the wall?\"");
}

TEST_CASE("Three-word cues: made it clear, went on to say", "[importers]") {
  auto f = Extract("Title\n\nThe mayor of Leeds, Tom Hardy, made it clear that he would stay.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].predicate == "made it clear");
  CHECK(f[0].content_span == "he would stay");
  f = Extract("Title\n\nPortugal went on to say that the talks had failed.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Portugal");
  CHECK(f[0].predicate == "went on to say");
  CHECK(f[0].content_span == "the talks had failed");
}

TEST_CASE("'told reporters' is followed by the content, not another addressee", "[importers]") {
  const auto f = Extract("Title\n\nPortugal told reporters the border would reopen.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].content_span == "the border would reopen");
}

TEST_CASE("Voting for or against something is a stance on it", "[importers]") {
  const auto f = Extract("Title\n\nSweden voted against the new fishing quotas.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].holder == "Sweden");
  CHECK(f[0].polarity == -1);
  CHECK(f[0].content_span == "the new fishing quotas");
}

TEST_CASE("After a closed quote, what follows ', X said,' is not the content", "[importers]") {
  const auto f =
      Extract("Title\n\n\"We will rebuild the bridge,\" Anna Berg said, pointing at the river.");
  REQUIRE_FALSE(f.empty());
  CHECK(f[0].holder == "Anna Berg");
  CHECK(f[0].content_span == "\"We will rebuild the bridge,\"");
}

TEST_CASE("Nouns that look like cues are not cues", "[importers]") {
  // "11 states" is a plural noun; "a program called X" names the program.
  auto f = Extract("Title\n\nVoters in 11 states will vote on Tuesday, the campaign said.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].predicate == "said");
  f = Extract("Title\n\nThe files were erased with a program called Shredder, the report said.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].predicate == "said");
}

TEST_CASE("A time is not what was said", "[importers]") {
  CHECK(Extract("Title\n\nThe ministry responded on Friday.").empty());
}

TEST_CASE("A quoted paragraph without a cue continues the last speaker to its end", "[importers]") {
  const std::string text =
      "Title\n\nPortugal said the talks had failed.\n\n\"We tried,\" and then: \"We are done.\"\n";
  const auto f = Extract(text);
  REQUIRE(f.size() == 2);
  CHECK(f[1].holder == "Portugal");
  CHECK(f[1].content_span == "\"We tried,\" and then: \"We are done.\"");
}

}  // namespace
}  // namespace stancegraph::importers::testing
