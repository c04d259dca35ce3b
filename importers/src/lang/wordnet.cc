// Loading and checking wordnet.bin, and the lookups other than morphy
// (wordnet_morphy.cc). The table is used in place: Load reads the file,
// checks its header, checksum and every index it holds, so that no lookup
// can read outside it whatever the file contains.
#include "lang/wordnet.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "lang/wordnet_format.h"

namespace stancegraph::importers::lang {
namespace {

using format::LoadU32;
using format::LoadU64;

absl::Status Bad(const std::string& path, const std::string& what) {
  return absl::InvalidArgumentError(absl::StrCat("WordNet table ", path, ": ", what));
}

// The sections after the header, as byte offsets into the file.
struct Layout {
  uint64_t offsets, records, edge_starts, edges, slots, text, end;
};

Layout ComputeLayout(uint64_t n, uint64_t s, uint64_t e, uint64_t t) {
  Layout l;
  l.offsets = format::kHeaderSize;
  l.records = l.offsets + format::Padded(4 * (n + 1));
  l.edge_starts = l.records + format::Padded(4 * n);
  l.edges = l.edge_starts + format::Padded(4 * (n + 1));
  l.slots = l.edges + format::Padded(8 * e);
  l.text = l.slots + format::Padded(4 * s);
  l.end = l.text + format::Padded(t);
  return l;
}

// True when the u32 array [p, p + 4 * count) never decreases and ends at `last`.
bool Ascends(const uint8_t* p, uint64_t count, uint32_t last) {
  uint32_t prev = 0;
  for (uint64_t i = 0; i < count; ++i) {
    const uint32_t v = LoadU32(p + 4 * i);
    if (v < prev) return false;
    prev = v;
  }
  return prev == last;
}

}  // namespace

std::string_view WordNet::Fold(std::string_view in, std::string* buf) {
  if (std::none_of(in.begin(), in.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return in;
  buf->assign(in.data(), in.size());
  for (char& c : *buf) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return *buf;
}

const WordNet& WordNet::Empty() {
  static const WordNet* const empty = new WordNet();
  return *empty;
}

absl::StatusOr<std::shared_ptr<const WordNet>> WordNet::Load(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return absl::NotFoundError(absl::StrCat("WordNet table not found: ", path));
  }
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : -1;
  if (size < 0) return absl::NotFoundError(absl::StrCat("cannot read WordNet table ", path));
  if (static_cast<uint64_t>(size) < format::kHeaderSize) {
    return Bad(path, absl::StrCat("truncated: ", size, " bytes, shorter than the header"));
  }
  std::shared_ptr<WordNet> wordnet(new WordNet());
  wordnet->bytes_.reset(new uint8_t[static_cast<size_t>(size)]);
  in.seekg(0);
  in.read(reinterpret_cast<char*>(wordnet->bytes_.get()), size);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read WordNet table ", path));
  const uint8_t* b = wordnet->bytes_.get();

  if (!std::equal(b, b + sizeof(format::kMagic), format::kMagic)) {
    return Bad(path, "not a WordNet table (bad magic); rebuild it with wordnet_compile");
  }
  if (const uint32_t version = LoadU32(b + 8); version != format::kVersion) {
    return Bad(path, absl::StrCat("format version ", version, ", but this program reads version ",
                                  format::kVersion, "; rebuild it with wordnet_compile"));
  }
  if (LoadU32(b + 12) != format::kHeaderSize) return Bad(path, "bad header size");
  const uint64_t file_size = LoadU64(b + 16);
  if (file_size > static_cast<uint64_t>(size)) {
    return Bad(path, absl::StrCat("truncated: ", size, " bytes of ", file_size));
  }
  if (file_size < static_cast<uint64_t>(size)) {
    return Bad(path, absl::StrCat(size, " bytes, but the header says ", file_size));
  }
  if (format::Checksum(b + format::kHeaderSize, file_size - format::kHeaderSize) !=
      LoadU64(b + 24)) {
    return Bad(path, "checksum mismatch: the file is corrupt");
  }
  const uint32_t n = LoadU32(b + 32), s = LoadU32(b + 36), e = LoadU32(b + 40), t = LoadU32(b + 44);
  if (n > format::kMaxStrings || s <= n || (s & (s - 1)) != 0) {
    return Bad(path, "bad string or slot count");
  }
  const Layout l = ComputeLayout(n, s, e, t);
  if (l.end != file_size) return Bad(path, "section sizes do not add up to the file size");

  // Every index a lookup follows stays inside the file.
  if (!Ascends(b + l.offsets, n + 1, t)) return Bad(path, "string offsets out of order");
  if (!Ascends(b + l.edge_starts, n + 1, e)) return Bad(path, "edge offsets out of order");
  for (uint64_t i = 0; i < e; ++i) {
    const uint32_t target = LoadU32(b + l.edges + 8 * i);
    const uint32_t meta = LoadU32(b + l.edges + 8 * i + 4);
    if (target >= n || (meta & 0xFF) > format::kEdgeAntonym || (meta >> 8 & 0xFF) > 3 ||
        (meta >> 16) > 3) {
      return Bad(path, absl::StrCat("bad edge ", i));
    }
  }
  uint64_t empty_slots = 0;
  for (uint64_t i = 0; i < s; ++i) {
    const uint32_t v = LoadU32(b + l.slots + 4 * i);
    if (v == 0)
      ++empty_slots;
    else if ((v & 0xFFFFFF) > n)
      return Bad(path, absl::StrCat("bad hash slot ", i));
  }
  if (empty_slots == 0) return Bad(path, "hash table without a free slot");

  wordnet->string_count_ = n;
  wordnet->slot_mask_ = s - 1;
  wordnet->offsets_ = b + l.offsets;
  wordnet->records_ = b + l.records;
  wordnet->edge_starts_ = b + l.edge_starts;
  wordnet->edges_ = b + l.edges;
  wordnet->slots_ = b + l.slots;
  wordnet->text_ = reinterpret_cast<const char*>(b + l.text);
  return std::shared_ptr<const WordNet>(std::move(wordnet));
}

int64_t WordNet::Find(std::string_view s) const {
  if (string_count_ == 0) return -1;
  const uint64_t h = format::StringHash(s);
  const uint32_t tag = static_cast<uint32_t>(h >> 56);
  for (uint32_t slot = static_cast<uint32_t>(h) & slot_mask_;; slot = (slot + 1) & slot_mask_) {
    const uint32_t v = LoadU32(slots_ + 4 * static_cast<size_t>(slot));
    if (v == 0) return -1;  // Load made sure some slot is free
    if ((v >> 24) == tag && String((v & 0xFFFFFF) - 1) == s) return (v & 0xFFFFFF) - 1;
  }
}

std::string_view WordNet::String(uint32_t index) const {
  const uint32_t begin = LoadU32(offsets_ + 4 * static_cast<size_t>(index));
  const uint32_t end = LoadU32(offsets_ + 4 * (static_cast<size_t>(index) + 1));
  return std::string_view(text_ + begin, end - begin);
}

uint32_t WordNet::Record(uint32_t index) const {
  return LoadU32(records_ + 4 * static_cast<size_t>(index));
}

void WordNet::AppendEdges(uint32_t index, uint32_t kind, Pos from, Pos to,
                          std::vector<std::string>* out) const {
  const uint32_t meta = kind | static_cast<uint32_t>(from) << 8 | static_cast<uint32_t>(to) << 16;
  const uint32_t begin = LoadU32(edge_starts_ + 4 * static_cast<size_t>(index));
  const uint32_t end = LoadU32(edge_starts_ + 4 * (static_cast<size_t>(index) + 1));
  for (uint32_t i = begin; i < end; ++i) {
    if (LoadU32(edges_ + 8 * static_cast<size_t>(i) + 4) != meta) continue;
    const std::string_view target = String(LoadU32(edges_ + 8 * static_cast<size_t>(i)));
    if (std::find(out->begin(), out->end(), target) == out->end()) out->emplace_back(target);
  }
}

bool WordNet::IsLemma(std::string_view lemma, Pos pos) const {
  std::string buf;
  const int64_t index = Find(Fold(lemma, &buf));
  return index >= 0 && (Record(static_cast<uint32_t>(index)) >> static_cast<int>(pos) & 1) != 0;
}

std::vector<std::string> WordNet::Derived(std::string_view lemma, Pos from, Pos to) const {
  std::vector<std::string> out;
  if (from == Pos::kAdv || to == Pos::kAdv) return out;
  std::string buf;
  const int64_t index = Find(Fold(lemma, &buf));
  if (index >= 0) AppendEdges(static_cast<uint32_t>(index), format::kEdgeDerived, from, to, &out);
  return out;
}

std::vector<std::string> WordNet::Antonyms(std::string_view lemma, Pos pos) const {
  std::vector<std::string> out;
  if (pos != Pos::kVerb && pos != Pos::kAdj) return out;
  std::string buf;
  const int64_t index = Find(Fold(lemma, &buf));
  if (index >= 0) AppendEdges(static_cast<uint32_t>(index), format::kEdgeAntonym, pos, pos, &out);
  return out;
}

std::string_view WordNet::Category(std::string_view lemma, Pos pos) const {
  if (pos != Pos::kNoun && pos != Pos::kVerb) return "";
  std::string buf;
  const int64_t index = Find(Fold(lemma, &buf));
  if (index < 0) return "";
  const uint32_t category =
      Record(static_cast<uint32_t>(index)) >> (pos == Pos::kNoun ? 16 : 24) & 0xFF;
  return category < format::kLexNameCount ? format::kLexNames[category] : std::string_view();
}

}  // namespace stancegraph::importers::lang
