// Binary codecs of correction records and corrected documents' bases
// (engine/FORMAT.md, "Corrections"): a version byte, then fixed-width
// little-endian integers and u32-length-prefixed strings; nested schema
// records are their binary codec, length-prefixed.
#include <cstring>

#include "absl/strings/str_cat.h"
#include "stancegraph/engine/corrections.h"
#include "stancegraph/schema/binary_codec.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::engine {
namespace {

constexpr uint8_t kCorrectionVersion = 1;
constexpr uint8_t kCorrectedDocumentVersion = 1;

void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutString(std::string* out, std::string_view s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

class Reader {
 public:
  Reader(std::string_view in, std::string_view what) : in_(in), what_(what) {}
  absl::StatusOr<uint64_t> U64() { return Fixed(8); }
  absl::StatusOr<uint32_t> U32() {
    SG_ASSIGN_OR_RETURN(uint64_t v, Fixed(4));
    return static_cast<uint32_t>(v);
  }
  absl::StatusOr<uint8_t> Byte() {
    SG_ASSIGN_OR_RETURN(uint64_t v, Fixed(1));
    return static_cast<uint8_t>(v);
  }
  absl::StatusOr<std::string_view> String() {
    SG_ASSIGN_OR_RETURN(uint32_t n, U32());
    if (in_.size() < n) return Truncated();
    std::string_view s = in_.substr(0, n);
    in_.remove_prefix(n);
    return s;
  }

 private:
  absl::StatusOr<uint64_t> Fixed(int bytes) {
    if (in_.size() < static_cast<size_t>(bytes)) return Truncated();
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= uint64_t{static_cast<uint8_t>(in_[i])} << (8 * i);
    in_.remove_prefix(bytes);
    return v;
  }
  absl::Status Truncated() const {
    return absl::DataLossError(absl::StrCat("truncated ", std::string(what_), " record"));
  }
  std::string_view in_;
  std::string_view what_;
};

template <typename T, typename Encode>
void PutRecords(std::string* out, const std::vector<T>& records, Encode encode) {
  PutU32(out, static_cast<uint32_t>(records.size()));
  std::string one;
  for (const T& r : records) {
    one.clear();
    encode(r, &one);
    PutString(out, one);
  }
}

template <typename T, typename Decode>
absl::Status GetRecords(Reader& in, std::vector<T>* out, Decode decode) {
  SG_ASSIGN_OR_RETURN(uint32_t n, in.U32());
  for (uint32_t i = 0; i < n; ++i) {
    SG_ASSIGN_OR_RETURN(std::string_view bytes, in.String());
    SG_ASSIGN_OR_RETURN(T r, decode(bytes));
    out->push_back(std::move(r));
  }
  return absl::OkStatus();
}

}  // namespace

void EncodeCorrection(const Correction& c, std::string* out) {
  out->push_back(static_cast<char>(kCorrectionVersion));
  PutU64(out, c.id);
  out->push_back(static_cast<char>(c.kind));
  PutString(out, c.target);
  PutString(out, c.value);
  PutString(out, c.who);
  PutU64(out, static_cast<uint64_t>(c.when));
  PutString(out, c.why);
  PutU64(out, static_cast<uint64_t>(c.undone));
  PutString(out, c.undone_by);
  std::string record;
  if (c.entity) schema::EncodeEntity(*c.entity, &record);
  PutString(out, record);
  record.clear();
  if (c.proposition) schema::EncodeProposition(*c.proposition, &record);
  PutString(out, record);
}

absl::StatusOr<Correction> DecodeCorrection(std::string_view in) {
  Reader r(in, "correction");
  SG_ASSIGN_OR_RETURN(uint8_t version, r.Byte());
  if (version != kCorrectionVersion) {
    return absl::DataLossError(absl::StrCat("correction record of unknown version ", version));
  }
  Correction c;
  SG_ASSIGN_OR_RETURN(c.id, r.U64());
  SG_ASSIGN_OR_RETURN(uint8_t kind, r.Byte());
  if (kind < 1 || kind > static_cast<uint8_t>(CorrectionKind::kAttachProposition)) {
    return absl::DataLossError(absl::StrCat("correction ", c.id, ": unknown kind ", kind));
  }
  c.kind = static_cast<CorrectionKind>(kind);
  SG_ASSIGN_OR_RETURN(std::string_view target, r.String());
  SG_ASSIGN_OR_RETURN(std::string_view value, r.String());
  SG_ASSIGN_OR_RETURN(std::string_view who, r.String());
  SG_ASSIGN_OR_RETURN(uint64_t when, r.U64());
  SG_ASSIGN_OR_RETURN(std::string_view why, r.String());
  SG_ASSIGN_OR_RETURN(uint64_t undone, r.U64());
  SG_ASSIGN_OR_RETURN(std::string_view undone_by, r.String());
  SG_ASSIGN_OR_RETURN(std::string_view entity, r.String());
  SG_ASSIGN_OR_RETURN(std::string_view prop, r.String());
  c.target = target;
  c.value = value;
  c.who = who;
  c.when = static_cast<schema::Timestamp>(when);
  c.why = why;
  c.undone = static_cast<schema::Timestamp>(undone);
  c.undone_by = undone_by;
  if (!entity.empty()) {
    SG_ASSIGN_OR_RETURN(c.entity, schema::DecodeEntity(entity));
  }
  if (!prop.empty()) {
    SG_ASSIGN_OR_RETURN(c.proposition, schema::DecodeProposition(prop));
  }
  return c;
}

void EncodeCorrectedDocument(const CorrectedDocument& d, std::string* out) {
  out->push_back(static_cast<char>(kCorrectedDocumentVersion));
  out->push_back(d.deleted ? 1 : 0);
  PutU32(out, static_cast<uint32_t>(d.applied.size()));
  for (const auto& [ordinal, id] : d.applied) {
    PutU32(out, ordinal);
    PutU64(out, id);
  }
  std::string doc;
  schema::EncodeDocument(d.base.document, &doc);
  PutString(out, doc);
  PutRecords(out, d.base.entities, schema::EncodeEntity);
  PutRecords(out, d.base.propositions, schema::EncodeProposition);
  PutRecords(out, d.base.claims, schema::EncodeClaim);
  PutRecords(out, d.base.mentions, schema::EncodeMention);
}

absl::StatusOr<CorrectedDocument> DecodeCorrectedDocument(std::string_view in) {
  Reader r(in, "corrected document");
  SG_ASSIGN_OR_RETURN(uint8_t version, r.Byte());
  if (version != kCorrectedDocumentVersion) {
    return absl::DataLossError(
        absl::StrCat("corrected document record of unknown version ", version));
  }
  CorrectedDocument d;
  SG_ASSIGN_OR_RETURN(uint8_t deleted, r.Byte());
  d.deleted = deleted != 0;
  SG_ASSIGN_OR_RETURN(uint32_t n, r.U32());
  for (uint32_t i = 0; i < n; ++i) {
    SG_ASSIGN_OR_RETURN(uint32_t ordinal, r.U32());
    SG_ASSIGN_OR_RETURN(uint64_t id, r.U64());
    d.applied.emplace_back(ordinal, id);
  }
  SG_ASSIGN_OR_RETURN(std::string_view doc, r.String());
  SG_ASSIGN_OR_RETURN(d.base.document, schema::DecodeDocument(doc));
  SG_RETURN_IF_ERROR(GetRecords(r, &d.base.entities, schema::DecodeEntity));
  SG_RETURN_IF_ERROR(GetRecords(r, &d.base.propositions, schema::DecodeProposition));
  SG_RETURN_IF_ERROR(GetRecords(r, &d.base.claims, schema::DecodeClaim));
  SG_RETURN_IF_ERROR(GetRecords(r, &d.base.mentions, schema::DecodeMention));
  return d;
}

}  // namespace stancegraph::engine
