// The stancegraph data model: documents, entities, propositions, claims and
// the mentions that evidence them. Plain aggregates; no I/O. See
// ../../../../DESIGN notes in ARCHITECTURE.md and the export contract in
// docs/export-contract.md.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace stancegraph::schema {

// All ids are 64-bit values derived from content (see ids.h), printed as 16
// lower-case hex digits. Zero means "none".
using DocumentId = uint64_t;
using EntityId = uint64_t;
using PropositionId = uint64_t;
using ClaimId = uint64_t;

// Microseconds since the Unix epoch, UTC. kNoTime marks an unknown time.
using Timestamp = int64_t;
inline constexpr Timestamp kNoTime = std::numeric_limits<int64_t>::min();
inline constexpr Timestamp kMaxTime = std::numeric_limits<int64_t>::max();

// A half-open byte range [begin, end) into a document's text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

struct Document {
  DocumentId id = 0;
  std::string source;  // file path, URL or record id, as imported
  std::string url;     // canonical URL, if known
  std::string outlet;
  std::string title;
  Timestamp published = kNoTime;
  Timestamp ingested = kNoTime;  // set by the engine when stored
  std::string text;              // may be empty for pre-extracted claims
  // Byte ranges of `text` that are not article prose (datelines, "Leave a
  // comment", navigation): sorted, non-overlapping. The extractor skips them
  // and re-extraction reads them back.
  std::vector<Span> furniture;
  friend bool operator==(const Document&, const Document&) = default;
};

enum class EntityType : uint8_t {
  kUnknown = 0,
  kPerson,
  kOrganisation,
  kGovernment,
  kCountry,
  kAlliance,
  kGroup,
  kMedia,
  kPlace,  // a region, city or territory that is not a state: never a holder
};

// A time-bounded role, e.g. "US president" from 2025-01-20.
struct Role {
  std::string title;
  EntityId of = 0;  // the organisation or country the role belongs to
  Timestamp from = kNoTime;
  Timestamp to = kNoTime;
  friend bool operator==(const Role&, const Role&) = default;
};

struct Entity {
  EntityId id = 0;
  std::string name;  // canonical name
  EntityType type = EntityType::kUnknown;
  std::vector<std::string> aliases;
  std::vector<Role> roles;
  EntityId parent = 0;  // person -> government -> country
  friend bool operator==(const Entity&, const Entity&) = default;
};

// One role-bound argument of a proposition: "Ukraine" as the member of
// join(member=Ukraine, body=Nato). An entity, or a term (a lemma) where no
// entity fills the role: "grain" in ban(theme=grain, origin=Ukraine).
struct Argument {
  std::string role;     // "agent", "member", "theme", "place", ...
  EntityId entity = 0;  // 0 for a term
  std::string value;    // the entity's canonical name, or the term
  friend bool operator==(const Argument&, const Argument&) = default;
};

// What is claimed, always stated positively: a predicate with role-bound
// arguments, e.g. join(member=Ukraine, body=Nato), and a short text
// generated from them ("Ukraine joins Nato"). Paraphrases share the
// predicate and arguments, hence the key and the id.
struct Proposition {
  PropositionId id = 0;
  // The predicate class ("join") or, where no class fits, the head lemma
  // ("reform"). Empty for free text (pre-extracted claims without one).
  std::string predicate;
  std::vector<Argument> arguments;  // sorted by (role, value)
  std::string text;                 // "Ukraine joins Nato"
  std::string concept_name;  // "alliance membership"; empty if none (JSON: "concept")
  std::string key;           // predicate and arguments, normalised; the id derives from it
  friend bool operator==(const Proposition&, const Proposition&) = default;
};

// Canonical: one per (holder, proposition, polarity).
struct Claim {
  ClaimId id = 0;
  EntityId holder = 0;
  PropositionId proposition = 0;
  int8_t polarity = 0;  // +1 supports, -1 rejects, 0 neutral report
  friend bool operator==(const Claim&, const Claim&) = default;
};

// One sighting of a claim in one place of one document.
struct Mention {
  ClaimId claim = 0;
  DocumentId document = 0;
  uint32_t ordinal = 0;  // position among the document's mentions
  uint64_t sequence = 0;  // assigned by the engine at write time; orders ingestion
  std::optional<Span> sentence;
  std::optional<Span> holder_span;
  std::optional<Span> cue;
  std::optional<Span> content;
  std::string predicate;    // surface predicate: "has insisted", "wants"
  std::string object_text;  // "ceding territory"
  bool hedged = false;
  bool conditional = false;
  std::string condition;  // condition text when conditional
  float confidence = 1.0f;
  std::string extractor;           // "builtin", "claims-jsonl", an external command
  Timestamp made = kNoTime;        // valid time: when the claim was made
  friend bool operator==(const Mention&, const Mention&) = default;
};

// Everything one document contributes: the unit of an atomic write.
struct DocumentClaims {
  Document document;
  std::vector<Entity> entities;          // every holder referenced by `claims`
  std::vector<Proposition> propositions;  // every proposition referenced by `claims`
  std::vector<Claim> claims;
  std::vector<Mention> mentions;  // each references one of `claims` and `document`
};

}  // namespace stancegraph::schema
