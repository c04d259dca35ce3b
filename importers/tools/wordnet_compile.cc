// wordnet_compile DICT_DIR OUT_FILE
//
// Reads the WordNet 3.0 dictionary (Debian wordnet-base: index.*, data.*,
// *.exc) and writes the compact table lang::WordNet loads, in the layout of
// importers/src/lang/wordnet_format.h. Run by the build, never per document.
//
// What it keeps: the lemma sets of the four parts of speech, the exception
// lists, derivational links (`+`) among nouns, verbs and adjectives (plus the
// few -ation and -ment nouns WordNet leaves unlinked: AddSuffixDerivations),
// antonyms (`!`) of verbs and adjectives, and the lexicographer file of the
// first (most frequent) sense of each noun and verb. The output depends only
// on the dictionary: the same input gives the same bytes.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lang/wordnet_format.h"

namespace {

namespace fmt = stancegraph::importers::lang::format;

constexpr const char* kPosNames[4] = {"noun", "verb", "adj", "adv"};

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "wordnet_compile: %s\n", message.c_str());
  std::exit(1);
}

std::vector<std::string> ReadLines(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Die("cannot read " + path.string());
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    // Lines starting with a space are the licence text at the top.
    if (!line.empty() && line[0] != ' ') lines.push_back(std::move(line));
  }
  return lines;
}

std::vector<std::string> Fields(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string f; in >> f;) out.push_back(std::move(f));
  return out;
}

// WordNet writes "give_up", "Paris" and, for adjectives, "galore(ip)"; the
// table holds "give up", "paris", "galore".
std::string Normalize(std::string word) {
  if (const size_t paren = word.find('('); paren != std::string::npos && word.back() == ')') {
    word.resize(paren);
  }
  for (char& c : word) {
    if (c == '_') c = ' ';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return word;
}

int PosOfChar(char c) {
  switch (c) {
    case 'n':
      return 0;
    case 'v':
      return 1;
    case 'a':
    case 's':
      return 2;
    case 'r':
      return 3;
    default:
      return -1;
  }
}

struct IndexEntry {
  std::vector<uint64_t> synsets;  // most frequent sense first
  int tagged_senses = 0;
};

struct Pointer {
  char symbol;  // '+' or '!'
  uint64_t target;
  int target_pos;
  int source_word;  // 1-based; 0 = the whole synset
  int target_word;
};

struct Synset {
  int lexfile = 0;
  std::vector<std::string> words;
  std::vector<Pointer> pointers;
};

using Index = std::unordered_map<std::string, IndexEntry>;
using Data = std::unordered_map<uint64_t, Synset>;

Index ReadIndex(const std::filesystem::path& path) {
  Index index;
  for (const std::string& line : ReadLines(path)) {
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets...
    const std::vector<std::string> f = Fields(line);
    if (f.size() < 6) Die("bad line in " + path.string() + ": " + line);
    const size_t synset_count = std::stoul(f[2]);
    const size_t pointer_count = std::stoul(f[3]);
    const size_t tagged = 4 + pointer_count + 1;
    if (f.size() != tagged + 1 + synset_count) Die("bad line in " + path.string() + ": " + line);
    IndexEntry& entry = index[Normalize(f[0])];
    entry.tagged_senses = std::stoi(f[tagged]);
    for (size_t i = tagged + 1; i < f.size(); ++i) entry.synsets.push_back(std::stoull(f[i]));
  }
  return index;
}

Data ReadData(const std::filesystem::path& path) {
  Data data;
  for (const std::string& line : ReadLines(path)) {
    // offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (ptr offset pos src/tgt)... | gloss
    const std::vector<std::string> f = Fields(line.substr(0, line.find(" | ")));
    if (f.size() < 5) Die("bad line in " + path.string() + ": " + line.substr(0, 60));
    Synset s;
    s.lexfile = std::stoi(f[1]);
    if (s.lexfile < 0 || static_cast<size_t>(s.lexfile) >= fmt::kLexNameCount) {
      Die("unknown lexicographer file in " + path.string() + ": " + f[1]);
    }
    const size_t words = std::stoul(f[3], nullptr, 16);
    size_t i = 4;
    for (size_t w = 0; w < words && i + 1 < f.size(); ++w, i += 2)
      s.words.push_back(Normalize(f[i]));
    if (i >= f.size()) Die("bad synset in " + path.string() + ": " + f[0]);
    const size_t pointers = std::stoul(f[i++]);
    for (size_t p = 0; p < pointers && i + 3 < f.size(); ++p, i += 4) {
      if (f[i] != "+" && f[i] != "!") continue;
      const unsigned st = std::stoul(f[i + 3], nullptr, 16);
      s.pointers.push_back({f[i][0], std::stoull(f[i + 1]), PosOfChar(f[i + 2][0]),
                            static_cast<int>(st >> 8), static_cast<int>(st & 0xFF)});
    }
    data.emplace(std::stoull(f[0]), std::move(s));
  }
  return data;
}

// A link between two lemmas, with what ranks it among the others from the
// same lemma: how many sense pairs WordNet links them through, and how
// frequent the senses are.
struct Link {
  int links = 0;
  size_t best_source_sense = SIZE_MAX;
  size_t best_target_sense = SIZE_MAX;
};

struct Edge {
  uint32_t kind, from, to;
  std::string target;
  Link rank;
  int target_tagged = 0;
};

size_t SenseRank(const Index& index, const std::string& lemma, uint64_t synset) {
  const auto it = index.find(lemma);
  if (it == index.end()) return SIZE_MAX;
  const auto& v = it->second.synsets;
  return static_cast<size_t>(std::find(v.begin(), v.end(), synset) - v.begin());
}

// Most useful first: linked through more senses, then through more frequent
// senses of the source, then of the target, then the target more often
// tagged in the SemCor corpus ("recognize" before "recognise").
bool MoreUseful(const Edge& a, const Edge& b) {
  if (a.rank.links != b.rank.links) return a.rank.links > b.rank.links;
  if (a.rank.best_source_sense != b.rank.best_source_sense) {
    return a.rank.best_source_sense < b.rank.best_source_sense;
  }
  if (a.rank.best_target_sense != b.rank.best_target_sense) {
    return a.rank.best_target_sense < b.rank.best_target_sense;
  }
  if (a.target_tagged != b.target_tagged) return a.target_tagged > b.target_tagged;
  return a.target < b.target;
}

class Table {
 public:
  void Build(const std::filesystem::path& dir) {
    for (int p = 0; p < 4; ++p) index_[p] = ReadIndex(dir / (std::string("index.") + kPosNames[p]));
    for (int p = 0; p < 3; ++p) data_[p] = ReadData(dir / (std::string("data.") + kPosNames[p]));
    for (int p = 0; p < 4; ++p) {
      for (const auto& [lemma, entry] : index_[p]) Entry(lemma).lemma_bits |= 1u << p;
    }
    AddCategories();
    for (int p = 0; p < 4; ++p) AddExceptions(dir / (std::string(kPosNames[p]) + ".exc"), p);
    for (int p = 0; p < 3; ++p) AddLinks(p);
    AddSuffixDerivations();
  }

  std::string Serialize() const;

 private:
  struct StringEntry {
    uint32_t lemma_bits = 0, exception_bits = 0;
    uint8_t noun_category = fmt::kNoCategory, verb_category = fmt::kNoCategory;
    std::vector<Edge> edges;
  };

  StringEntry& Entry(const std::string& s) { return strings_[s]; }
  bool IsLemma(const std::string& s, int pos) const { return index_[pos].count(s) > 0; }

  void AddCategories() {
    for (int p = 0; p < 2; ++p) {
      for (const auto& [lemma, entry] : index_[p]) {
        if (entry.synsets.empty()) continue;
        const auto it = data_[p].find(entry.synsets[0]);
        if (it == data_[p].end()) {
          Die("index." + std::string(kPosNames[p]) + ": " + lemma + " names a missing synset");
        }
        (p == 0 ? Entry(lemma).noun_category : Entry(lemma).verb_category) =
            static_cast<uint8_t>(it->second.lexfile);
      }
    }
  }

  void AddExceptions(const std::filesystem::path& path, int pos) {
    for (const std::string& line : ReadLines(path)) {
      const std::vector<std::string> f = Fields(line);
      if (f.size() < 2) continue;
      const std::string form = Normalize(f[0]);
      std::vector<Edge> edges;
      for (size_t i = 1; i < f.size(); ++i) {
        const std::string base = Normalize(f[i]);
        if (base == form || !IsLemma(base, pos)) continue;
        edges.push_back({fmt::kEdgeException,
                         static_cast<uint32_t>(pos),
                         static_cast<uint32_t>(pos),
                         base,
                         {},
                         0});
      }
      if (edges.empty()) continue;
      StringEntry& e = Entry(form);
      // Keep the file's order: the first base is the usual one.
      for (Edge& edge : edges) {
        const bool seen = std::any_of(e.edges.begin(), e.edges.end(), [&](const Edge& x) {
          return x.kind == fmt::kEdgeException && x.from == edge.from && x.target == edge.target;
        });
        if (!seen) e.edges.push_back(std::move(edge));
      }
      e.exception_bits |= 1u << pos;
    }
  }

  void AddLinks(int pos) {
    // (kind, from lemma, to pos, to lemma) -> rank
    std::map<std::tuple<uint32_t, std::string, int, std::string>, Link> links;
    for (const auto& [offset, synset] : data_[pos]) {
      for (const Pointer& ptr : synset.pointers) {
        const uint32_t kind = ptr.symbol == '+' ? fmt::kEdgeDerived : fmt::kEdgeAntonym;
        if (ptr.target_pos < 0 || ptr.target_pos > 2) continue;  // adverbs: no
        if (kind == fmt::kEdgeAntonym && (pos == 0 || ptr.target_pos != pos)) continue;
        const auto target = data_[ptr.target_pos].find(ptr.target);
        if (target == data_[ptr.target_pos].end()) continue;
        const auto& from_words = synset.words;
        const auto& to_words = target->second.words;
        if (ptr.source_word < 1 || static_cast<size_t>(ptr.source_word) > from_words.size() ||
            ptr.target_word < 1 || static_cast<size_t>(ptr.target_word) > to_words.size()) {
          continue;  // `+` and `!` are lexical: both words are named
        }
        const std::string& from = from_words[ptr.source_word - 1];
        const std::string& to = to_words[ptr.target_word - 1];
        if (from == to && pos == ptr.target_pos) continue;
        if (!IsLemma(from, pos) || !IsLemma(to, ptr.target_pos)) continue;
        Link& link = links[{kind, from, ptr.target_pos, to}];
        ++link.links;
        link.best_source_sense =
            std::min(link.best_source_sense, SenseRank(index_[pos], from, offset));
        link.best_target_sense =
            std::min(link.best_target_sense, SenseRank(index_[ptr.target_pos], to, ptr.target));
      }
    }
    for (const auto& [key, link] : links) {
      const auto& [kind, from, to_pos, to] = key;
      Entry(from).edges.push_back({kind, static_cast<uint32_t>(pos), static_cast<uint32_t>(to_pos),
                                   to, link, index_[to_pos].at(to).tagged_senses});
    }
  }

  // WordNet 3.0 links some nouns of action to no verb at all (annexation
  // only reaches annexational). For those whose first sense is an act,
  // event, process, statement or state, an -ation or -ment suffix that
  // leaves a verb lemma gives the link, both ways, ranked after WordNet's
  // own: annexation - annex, appointment - appoint, democratization -
  // democratize. About 70 pairs; the stricter conditions keep out
  // department - depart and plantation - plant.
  void AddSuffixDerivations() {
    static constexpr std::pair<std::string_view, std::string_view> kRules[] = {
        {"ation", ""}, {"ation", "e"}, {"ation", "ate"}, {"ment", ""}};
    // noun.act, noun.communication, noun.event, noun.process, noun.state
    static constexpr int kEventLike[] = {4, 10, 11, 22, 26};
    for (const auto& [noun, entry] : index_[0]) {
      if (noun.find(' ') != std::string::npos) continue;
      StringEntry& from = Entry(noun);
      if (std::find(std::begin(kEventLike), std::end(kEventLike), from.noun_category) ==
          std::end(kEventLike)) {
        continue;
      }
      const bool linked = std::any_of(from.edges.begin(), from.edges.end(), [](const Edge& e) {
        return e.kind == fmt::kEdgeDerived && e.from == 0 && e.to == 1;
      });
      if (linked) continue;
      for (const auto& [suffix, ending] : kRules) {
        if (noun.size() < suffix.size() + 3 || !noun.ends_with(suffix)) continue;
        const std::string verb = noun.substr(0, noun.size() - suffix.size()) + std::string(ending);
        if (!IsLemma(verb, 1)) continue;
        from.edges.push_back({fmt::kEdgeDerived, 0, 1, verb, {}, index_[1].at(verb).tagged_senses});
        Entry(verb).edges.push_back(
            {fmt::kEdgeDerived, 1, 0, noun, {}, index_[0].at(noun).tagged_senses});
        break;
      }
    }
  }

  Index index_[4];
  Data data_[3];
  std::map<std::string, StringEntry> strings_;  // sorted bytewise
};

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void PutU64(std::string* out, uint64_t v) {
  PutU32(out, static_cast<uint32_t>(v));
  PutU32(out, static_cast<uint32_t>(v >> 32));
}

void Pad(std::string* out) { out->resize(fmt::Padded(out->size()), '\0'); }

std::string Table::Serialize() const {
  if (strings_.size() > fmt::kMaxStrings) Die("too many strings for the table format");
  const uint32_t n = static_cast<uint32_t>(strings_.size());
  std::unordered_map<std::string_view, uint32_t> ids;
  std::vector<const std::string*> names;
  for (const auto& [s, entry] : strings_) {
    ids.emplace(s, static_cast<uint32_t>(names.size()));
    names.push_back(&s);
  }
  std::string offsets, records, edge_starts, edges, text;
  uint32_t edge_count = 0;
  for (const auto& [s, entry] : strings_) {
    PutU32(&offsets, static_cast<uint32_t>(text.size()));
    text += s;
    PutU32(&records, entry.lemma_bits | entry.exception_bits << 8 |
                         static_cast<uint32_t>(entry.noun_category) << 16 |
                         static_cast<uint32_t>(entry.verb_category) << 24);
    PutU32(&edge_starts, edge_count);
    std::vector<Edge> sorted = entry.edges;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Edge& a, const Edge& b) {
      if (a.kind != b.kind) return a.kind < b.kind;
      if (a.from != b.from) return a.from < b.from;
      if (a.to != b.to) return a.to < b.to;
      if (a.kind == fmt::kEdgeException) return false;  // the file's order
      return MoreUseful(a, b);
    });
    for (const Edge& e : sorted) {
      PutU32(&edges, ids.at(e.target));
      PutU32(&edges, e.kind | e.from << 8 | e.to << 16);
      ++edge_count;
    }
  }
  PutU32(&offsets, static_cast<uint32_t>(text.size()));
  PutU32(&edge_starts, edge_count);

  uint32_t slot_count = 1;
  while (slot_count < n + n / 2 + 1) slot_count <<= 1;
  std::vector<uint32_t> slots(slot_count, 0);
  for (uint32_t i = 0; i < n; ++i) {
    const uint64_t h = fmt::StringHash(*names[i]);
    uint32_t slot = static_cast<uint32_t>(h) & (slot_count - 1);
    while (slots[slot] != 0) slot = (slot + 1) & (slot_count - 1);
    slots[slot] = (i + 1) | static_cast<uint32_t>(h >> 56) << 24;
  }
  std::string slot_bytes;
  for (uint32_t v : slots) PutU32(&slot_bytes, v);

  std::string body;
  for (std::string* section : {&offsets, &records, &edge_starts, &edges, &slot_bytes, &text}) {
    body += *section;
    Pad(&body);
  }
  std::string out(fmt::kMagic, sizeof(fmt::kMagic));
  PutU32(&out, fmt::kVersion);
  PutU32(&out, fmt::kHeaderSize);
  PutU64(&out, fmt::kHeaderSize + body.size());
  PutU64(&out, fmt::Checksum(reinterpret_cast<const uint8_t*>(body.data()), body.size()));
  PutU32(&out, n);
  PutU32(&out, slot_count);
  PutU32(&out, edge_count);
  PutU32(&out, static_cast<uint32_t>(text.size()));
  out.resize(fmt::kHeaderSize, '\0');
  return out + body;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) Die("usage: wordnet_compile DICT_DIR OUT_FILE");
  const std::filesystem::path dir = argv[1], out_path = argv[2];
  Table table;
  table.Build(dir);
  const std::string bytes = table.Serialize();
  // Written beside the target, then renamed: a build never leaves half a table.
  const std::filesystem::path tmp = out_path.string() + ".tmp";
  std::error_code ec;
  std::filesystem::create_directories(out_path.parent_path(), ec);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) Die("cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, out_path, ec);
  if (ec) Die("cannot rename " + tmp.string() + " to " + out_path.string() + ": " + ec.message());
  return 0;
}
