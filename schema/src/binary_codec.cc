#include "stancegraph/schema/binary_codec.h"

#include <bit>

#include "absl/strings/str_cat.h"
#include "wire.h"

namespace stancegraph::schema {
namespace {

constexpr uint8_t kRecordVersion = 1;
// Documents with furniture and propositions with predicate and arguments
// (storage format 3). Version 1 records of both still decode, so a store of
// an older format can be re-extracted.
constexpr uint8_t kFrameRecordVersion = 2;

void PutHeader(std::string* out, uint8_t version = kRecordVersion) {
  out->push_back(static_cast<char>(version));
}

uint8_t VersionOf(std::string_view in) { return in.empty() ? 0 : static_cast<uint8_t>(in[0]); }

template <typename T>
absl::StatusOr<T> Finish(const wire::Reader& r, T value, const char* what) {
  if (!r.ok()) return absl::DataLossError(absl::StrCat("truncated ", what, " record"));
  return value;
}

std::string_view Body(std::string_view in) { return in.substr(1); }

bool HasVersion(std::string_view in) {
  return !in.empty() && static_cast<uint8_t>(in[0]) == kRecordVersion;
}

absl::Status BadVersion(const char* what) {
  return absl::DataLossError(absl::StrCat("unknown ", what, " record version"));
}

void PutSpan(std::string* out, const std::optional<Span>& s) {
  if (!s) {
    out->push_back(0);
    return;
  }
  out->push_back(1);
  wire::PutVarint(out, s->begin);
  wire::PutVarint(out, s->end);
}

std::optional<Span> GetSpan(wire::Reader& r) {
  if (r.Varint() == 0) return std::nullopt;
  Span s;
  s.begin = static_cast<uint32_t>(r.Varint());
  s.end = static_cast<uint32_t>(r.Varint());
  return s;
}

}  // namespace

void EncodeDocument(const Document& d, std::string* out) {
  PutHeader(out, kFrameRecordVersion);
  wire::PutFixed64(out, d.id);
  wire::PutString(out, d.source);
  wire::PutString(out, d.url);
  wire::PutString(out, d.outlet);
  wire::PutString(out, d.title);
  wire::PutSigned(out, d.published);
  wire::PutSigned(out, d.ingested);
  wire::PutString(out, d.text);
  wire::PutVarint(out, d.furniture.size());
  for (const Span& f : d.furniture) {
    wire::PutVarint(out, f.begin);
    wire::PutVarint(out, f.end);
  }
}

absl::StatusOr<Document> DecodeDocument(std::string_view in) {
  const uint8_t version = VersionOf(in);
  if (version != kRecordVersion && version != kFrameRecordVersion) return BadVersion("document");
  wire::Reader r(Body(in));
  Document d;
  d.id = r.Fixed64();
  d.source = r.String();
  d.url = r.String();
  d.outlet = r.String();
  d.title = r.String();
  d.published = r.Signed();
  d.ingested = r.Signed();
  d.text = r.String();
  if (version == kFrameRecordVersion) {
    for (uint64_t n = r.Varint(); r.ok() && n > 0; --n) {
      Span f;
      f.begin = static_cast<uint32_t>(r.Varint());
      f.end = static_cast<uint32_t>(r.Varint());
      d.furniture.push_back(f);
    }
  }
  return Finish(r, std::move(d), "document");
}

void EncodeEntity(const Entity& e, std::string* out) {
  PutHeader(out);
  wire::PutFixed64(out, e.id);
  wire::PutString(out, e.name);
  out->push_back(static_cast<char>(e.type));
  wire::PutVarint(out, e.aliases.size());
  for (const auto& a : e.aliases) wire::PutString(out, a);
  wire::PutVarint(out, e.roles.size());
  for (const auto& role : e.roles) {
    wire::PutString(out, role.title);
    wire::PutFixed64(out, role.of);
    wire::PutSigned(out, role.from);
    wire::PutSigned(out, role.to);
  }
  wire::PutFixed64(out, e.parent);
}

absl::StatusOr<Entity> DecodeEntity(std::string_view in) {
  if (!HasVersion(in)) return BadVersion("entity");
  wire::Reader r(Body(in));
  Entity e;
  e.id = r.Fixed64();
  e.name = r.String();
  uint64_t type = r.Varint();
  if (type > static_cast<uint64_t>(EntityType::kPlace)) {
    return absl::DataLossError("entity record has an unknown type");
  }
  e.type = static_cast<EntityType>(type);
  for (uint64_t n = r.Varint(); r.ok() && n > 0; --n) e.aliases.push_back(r.String());
  for (uint64_t n = r.Varint(); r.ok() && n > 0; --n) {
    Role role;
    role.title = r.String();
    role.of = r.Fixed64();
    role.from = r.Signed();
    role.to = r.Signed();
    e.roles.push_back(std::move(role));
  }
  e.parent = r.Fixed64();
  return Finish(r, std::move(e), "entity");
}

void EncodeProposition(const Proposition& p, std::string* out) {
  PutHeader(out, kFrameRecordVersion);
  wire::PutFixed64(out, p.id);
  wire::PutString(out, p.predicate);
  wire::PutVarint(out, p.arguments.size());
  for (const Argument& a : p.arguments) {
    wire::PutString(out, a.role);
    wire::PutFixed64(out, a.entity);
    wire::PutString(out, a.value);
  }
  wire::PutString(out, p.text);
  wire::PutString(out, p.concept_name);
  wire::PutString(out, p.key);
}

absl::StatusOr<Proposition> DecodeProposition(std::string_view in) {
  const uint8_t version = VersionOf(in);
  if (version != kRecordVersion && version != kFrameRecordVersion) {
    return BadVersion("proposition");
  }
  wire::Reader r(Body(in));
  Proposition p;
  p.id = r.Fixed64();
  if (version == kRecordVersion) {  // subject, relation, object
    r.String();
    p.predicate = r.String();
    r.String();
  } else {
    p.predicate = r.String();
    for (uint64_t n = r.Varint(); r.ok() && n > 0; --n) {
      Argument a;
      a.role = r.String();
      a.entity = r.Fixed64();
      a.value = r.String();
      p.arguments.push_back(std::move(a));
    }
  }
  p.text = r.String();
  p.concept_name = r.String();
  p.key = r.String();
  return Finish(r, std::move(p), "proposition");
}

void EncodeClaim(const Claim& c, std::string* out) {
  PutHeader(out);
  wire::PutFixed64(out, c.id);
  wire::PutFixed64(out, c.holder);
  wire::PutFixed64(out, c.proposition);
  wire::PutSigned(out, c.polarity);
}

absl::StatusOr<Claim> DecodeClaim(std::string_view in) {
  if (!HasVersion(in)) return BadVersion("claim");
  wire::Reader r(Body(in));
  Claim c;
  c.id = r.Fixed64();
  c.holder = r.Fixed64();
  c.proposition = r.Fixed64();
  c.polarity = static_cast<int8_t>(r.Signed());
  return Finish(r, c, "claim");
}

void EncodeMention(const Mention& m, std::string* out) {
  PutHeader(out);
  wire::PutFixed64(out, m.claim);
  wire::PutFixed64(out, m.document);
  wire::PutVarint(out, m.ordinal);
  wire::PutVarint(out, m.sequence);
  PutSpan(out, m.sentence);
  PutSpan(out, m.holder_span);
  PutSpan(out, m.cue);
  PutSpan(out, m.content);
  wire::PutString(out, m.predicate);
  wire::PutString(out, m.object_text);
  out->push_back(static_cast<char>((m.hedged ? 1 : 0) | (m.conditional ? 2 : 0)));
  wire::PutString(out, m.condition);
  wire::PutVarint(out, std::bit_cast<uint32_t>(m.confidence));
  wire::PutString(out, m.extractor);
  wire::PutSigned(out, m.made);
}

absl::StatusOr<Mention> DecodeMention(std::string_view in) {
  if (!HasVersion(in)) return BadVersion("mention");
  wire::Reader r(Body(in));
  Mention m;
  m.claim = r.Fixed64();
  m.document = r.Fixed64();
  m.ordinal = static_cast<uint32_t>(r.Varint());
  m.sequence = r.Varint();
  m.sentence = GetSpan(r);
  m.holder_span = GetSpan(r);
  m.cue = GetSpan(r);
  m.content = GetSpan(r);
  m.predicate = r.String();
  m.object_text = r.String();
  uint64_t flags = r.Varint();
  m.hedged = flags & 1;
  m.conditional = flags & 2;
  m.condition = r.String();
  m.confidence = std::bit_cast<float>(static_cast<uint32_t>(r.Varint()));
  m.extractor = r.String();
  m.made = r.Signed();
  return Finish(r, std::move(m), "mention");
}

}  // namespace stancegraph::schema
