// Checker::CheckPropositionSides: the per-proposition side counts agree with
// the canonical claims, in both directions; and the writes' records of what
// they changed are well formed.
#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "check_internal.h"
#include "keys.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::engine::check {

absl::Status Checker::CheckPropositionSides() {
  // prop_claims is ordered by (proposition, polarity byte, holder): a
  // proposition's against holders, then neutral, then for, each sorted.
  struct Counted {
    schema::PropositionId prop = 0;
    PropositionSides sides;
  };
  std::vector<Counted> counted;
  std::vector<schema::EntityId> against;
  size_t both_cursor = 0;
  SG_RETURN_IF_ERROR(Scan(kPropClaims, [&](std::string_view k, std::string_view) {
    schema::Claim c;
    if (!keys::DecodePropClaim(k, &c)) return absl::OkStatus();  // reported by CheckClaimIndex
    if (counted.empty() || counted.back().prop != c.proposition) {
      counted.push_back({.prop = c.proposition});
      against.clear();
      both_cursor = 0;
    }
    PropositionSides& s = counted.back().sides;
    if (c.polarity < 0) {
      ++s.against_holders;
      against.push_back(c.holder);
    } else if (c.polarity > 0) {
      ++s.for_holders;
      while (both_cursor < against.size() && against[both_cursor] < c.holder) ++both_cursor;
      if (both_cursor < against.size() && against[both_cursor] == c.holder) ++s.both_holders;
    }
    return absl::OkStatus();
  }));
  std::erase_if(counted, [](const Counted& c) {
    return c.sides.for_holders == 0 && c.sides.against_holders == 0;
  });

  auto describe = [](const PropositionSides& s) {
    return absl::StrCat("for=", s.for_holders, " against=", s.against_holders,
                        " both=", s.both_holders);
  };
  size_t next = 0;
  SG_RETURN_IF_ERROR(Scan(kPropSides, [&](std::string_view k, std::string_view v) {
    ++report_.index_entries;
    PropositionSides stored;
    if (k.size() != 8 || !keys::DecodeSides(v, &stored)) {
      Problem(kPropSides, Hex(k), "malformed entry");
      return absl::OkStatus();
    }
    const schema::PropositionId prop = keys::GetU64(k.data());
    for (; next < counted.size() && counted[next].prop < prop; ++next) {
      Problem(kPropSides, Id("prop", counted[next].prop),
              absl::StrCat("is missing; the claims say ", describe(counted[next].sides)));
    }
    PropositionSides expected;
    if (next < counted.size() && counted[next].prop == prop) expected = counted[next++].sides;
    if (stored.for_holders != expected.for_holders ||
        stored.against_holders != expected.against_holders ||
        stored.both_holders != expected.both_holders) {
      Problem(kPropSides, Id("prop", prop),
              absl::StrCat("says ", describe(stored), " but the claims say ", describe(expected)));
    }
    return absl::OkStatus();
  }));
  for (; next < counted.size(); ++next) {
    Problem(kPropSides, Id("prop", counted[next].prop),
            absl::StrCat("is missing; the claims say ", describe(counted[next].sides)));
  }
  return CheckWriteChanges();
}

absl::Status Checker::CheckWriteChanges() {
  // In sequence order, each past the one before and within the stored
  // mentions, its propositions sorted.
  uint64_t end = 0;
  const std::string_view prefix = keys::kWriteChangesPrefix;
  return Scan(kMeta, [&](std::string_view k, std::string_view v) -> absl::Status {
    if (!k.starts_with(prefix)) return absl::OkStatus();
    ++report_.index_entries;
    WriteChanges c;
    if (!keys::DecodeWriteChanges(k, v, &c)) {
      Problem(kMeta, Hex(k), "malformed record of what a write changed");
      return absl::OkStatus();
    }
    const std::string where = absl::StrCat(keys::kWriteChangesPrefix, c.first_sequence);
    if (c.first_sequence < end) {
      Problem(kMeta, where, absl::StrCat("overlaps the write before it, which ends at ", end));
    }
    if (c.end_sequence > next_sequence_) {
      Problem(kMeta, where, absl::StrCat("ends at ", c.end_sequence, ", past next_sequence ",
                                         next_sequence_));
    }
    if (!std::is_sorted(c.propositions.begin(), c.propositions.end())) {
      Problem(kMeta, where, "names its propositions out of order");
    }
    end = std::max(end, c.end_sequence);
    return absl::OkStatus();
  });
}

}  // namespace stancegraph::engine::check
