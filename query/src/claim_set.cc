#include "stancegraph/query/claim_set.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::query {
namespace {

bool ClaimLess(const ClaimStat& a, const ClaimStat& b) {
  return std::tie(a.proposition, a.polarity, a.holder, a.speaker, a.stated) <
         std::tie(b.proposition, b.polarity, b.holder, b.speaker, b.stated);
}

bool SameClaim(const ClaimStat& a, const ClaimStat& b) {
  return a.proposition == b.proposition && a.polarity == b.polarity && a.holder == b.holder &&
         a.speaker == b.speaker && a.stated == b.stated;
}

schema::Timestamp EarlierKnown(schema::Timestamp a, schema::Timestamp b) {
  if (a == schema::kNoTime) return b;
  if (b == schema::kNoTime) return a;
  return std::min(a, b);
}

schema::Timestamp LaterKnown(schema::Timestamp a, schema::Timestamp b) {
  if (a == schema::kNoTime) return b;
  if (b == schema::kNoTime) return a;
  return std::max(a, b);
}

void Merge(ClaimStat& into, const ClaimStat& from) {
  into.mentions += from.mentions;
  into.first_made = EarlierKnown(into.first_made, from.first_made);
  into.last_made = LaterKnown(into.last_made, from.last_made);
}

// A claim as viewed: the representative of its proposition; the speaker
// and stated proposition kept only where the mapping changed them.
ClaimStat Viewed(const ViewMapping& mapping, schema::PropositionId prop, int8_t polarity,
                 schema::EntityId side, schema::EntityId holder) {
  const auto [rep, sign] = mapping.Proposition(prop);
  return {.proposition = rep,
          .polarity = static_cast<int8_t>(polarity * sign),
          .holder = side,
          .speaker = side == holder ? 0 : holder,
          .stated = rep == prop ? 0 : prop,
          .sign = sign};
}

// The claim index path: no mention is read (holders as named).
absl::Status AddCanonical(engine::ClaimIterator& it, MentionFilter& filter,
                          const ViewMapping& mapping, std::vector<ClaimStat>& out) {
  for (; it.Valid(); it.Next()) {
    const schema::Claim& c = it.claim();
    SG_ASSIGN_OR_RETURN(bool holder_ok, filter.AcceptHolder(c.holder));
    if (!holder_ok) continue;
    SG_ASSIGN_OR_RETURN(bool prop_ok, filter.AcceptProposition(c.proposition));
    if (!prop_ok) continue;
    out.push_back(Viewed(mapping, c.proposition, c.polarity, c.holder, c.holder));
  }
  return it.status();
}

struct ClaimKey {
  schema::PropositionId proposition;
  int8_t polarity;
  schema::EntityId holder;
  schema::EntityId speaker;
  schema::PropositionId stated;
  friend bool operator==(const ClaimKey&, const ClaimKey&) = default;
};

struct ClaimKeyHash {
  size_t operator()(const ClaimKey& k) const {
    uint64_t h = k.proposition * 0x9E3779B97F4A7C15ull;
    h ^= k.holder + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    h ^= k.speaker + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h ^= k.stated + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    return static_cast<size_t>(h ^ static_cast<uint8_t>(k.polarity));
  }
};

}  // namespace

schema::ClaimId StoredClaimOf(const ClaimStat& c) {
  return schema::MakeClaimId(SpeakerOf(c), StatedOf(c), static_cast<int8_t>(c.polarity * c.sign));
}

absl::StatusOr<ClaimSet> ClaimSet::Build(engine::Database& db, const Filter& filter,
                                         bool mention_stats, const ViewMapping& mapping) {
  std::vector<ClaimStat> out;
  if (!mapping.MapsHolders() && !mention_stats && !filter.HasTimeWindow() &&
      !filter.NeedsMentionRecord()) {
    MentionFilter accept(db, filter);
    engine::ReadOptions ro{.snapshot = filter.snapshot};
    if (!filter.holders.empty()) {
      for (schema::EntityId h : accept.filter().holders) {
        auto it = db.ClaimsOfHolder(h, ro);
        SG_RETURN_IF_ERROR(AddCanonical(*it, accept, mapping, out));
      }
    } else if (!filter.propositions.empty()) {
      for (schema::PropositionId p : accept.filter().propositions) {
        auto it = db.ClaimsOfProposition(p, ro);
        SG_RETURN_IF_ERROR(AddCanonical(*it, accept, mapping, out));
      }
    } else {
      auto it = db.AllClaimsByProposition(ro);
      SG_RETURN_IF_ERROR(AddCanonical(*it, accept, mapping, out));
    }
    return FromClaims(std::move(out));
  }

  // At a level the holders of the filter are sides: read everyone who may
  // speak for them, keep what lands on them.
  Filter speakers = filter;
  std::vector<schema::EntityId> sides;
  if (mapping.MapsHolders() && !filter.holders.empty()) {
    sides = filter.holders;
    std::sort(sides.begin(), sides.end());
    SG_ASSIGN_OR_RETURN(speakers.holders, mapping.resolver->SpeakersFor(sides, mapping.level));
  }
  ClaimSetBuilder builder(mapping);
  FilteredMentions it(db, speakers);
  for (; it.Valid(); it.Next()) {
    const engine::MentionRef& r = it.ref();
    if (!sides.empty()) {
      SG_ASSIGN_OR_RETURN(schema::EntityId side, mapping.Holder(r.holder, r.made));
      if (!std::binary_search(sides.begin(), sides.end(), side)) continue;
    }
    SG_RETURN_IF_ERROR(builder.Add(r));
  }
  SG_RETURN_IF_ERROR(it.status());
  return builder.Finish();
}

struct ClaimSetBuilder::Index {
  std::unordered_map<ClaimKey, size_t, ClaimKeyHash> position;
};

ClaimSetBuilder::ClaimSetBuilder(const ViewMapping& mapping)
    : mapping_(mapping), index_(std::make_unique<Index>()) {}
ClaimSetBuilder::~ClaimSetBuilder() = default;
ClaimSetBuilder::ClaimSetBuilder(ClaimSetBuilder&&) noexcept = default;
ClaimSetBuilder& ClaimSetBuilder::operator=(ClaimSetBuilder&&) noexcept = default;

absl::Status ClaimSetBuilder::Add(const engine::MentionRef& r) {
  SG_ASSIGN_OR_RETURN(schema::EntityId side, mapping_.Holder(r.holder, r.made));
  ClaimStat c = Viewed(mapping_, r.proposition, r.polarity, side, r.holder);
  auto [pos, inserted] = index_->position.try_emplace(
      ClaimKey{c.proposition, c.polarity, c.holder, c.speaker, c.stated}, claims_.size());
  if (inserted) {
    c.mentions = 1;
    c.first_made = c.last_made = r.made;
    claims_.push_back(c);
  } else {
    Merge(claims_[pos->second], {.mentions = 1, .first_made = r.made, .last_made = r.made});
  }
  return absl::OkStatus();
}

ClaimSet ClaimSetBuilder::Finish() {
  index_->position.clear();
  return ClaimSet::FromClaims(std::exchange(claims_, {}));
}

ClaimSet ClaimSet::FromClaims(std::vector<ClaimStat> claims) {
  if (!std::is_sorted(claims.begin(), claims.end(), ClaimLess)) {
    std::sort(claims.begin(), claims.end(), ClaimLess);
  }
  size_t kept = 0;
  for (size_t i = 0; i < claims.size(); ++i) {
    if (kept > 0 && SameClaim(claims[kept - 1], claims[i])) {
      Merge(claims[kept - 1], claims[i]);
    } else {
      claims[kept++] = claims[i];
    }
  }
  claims.resize(kept);
  return ClaimSet(std::move(claims));
}

std::vector<PropositionClaims> ClaimSet::ByProposition() const {
  std::vector<PropositionClaims> groups;
  size_t begin = 0;
  for (size_t i = 1; i <= claims_.size(); ++i) {
    if (i == claims_.size() || claims_[i].proposition != claims_[begin].proposition) {
      groups.push_back({claims_[begin].proposition,
                        std::span<const ClaimStat>(claims_.data() + begin, i - begin)});
      begin = i;
    }
  }
  return groups;
}

uint64_t CountOpposedPairs(std::span<const schema::EntityId> for_holders,
                           std::span<const schema::EntityId> against_holders) {
  uint64_t both = 0;
  auto a = for_holders.begin();
  auto b = against_holders.begin();
  while (a != for_holders.end() && b != against_holders.end()) {
    if (*a < *b) {
      ++a;
    } else if (*b < *a) {
      ++b;
    } else {
      ++both, ++a, ++b;
    }
  }
  return static_cast<uint64_t>(for_holders.size()) * against_holders.size() - both;
}

Sides SidesOf(std::span<const ClaimStat> claims) {
  Sides s;
  for (const ClaimStat& c : claims) {
    if (c.polarity > 0) s.for_holders.push_back(c.holder);
    if (c.polarity < 0) s.against_holders.push_back(c.holder);
  }
  for (auto* v : {&s.for_holders, &s.against_holders}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  std::set_intersection(s.for_holders.begin(), s.for_holders.end(), s.against_holders.begin(),
                        s.against_holders.end(), std::back_inserter(s.both));
  s.pairs = static_cast<uint64_t>(s.for_holders.size()) * s.against_holders.size() - s.both.size();
  return s;
}

}  // namespace stancegraph::query
