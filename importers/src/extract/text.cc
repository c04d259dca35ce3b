#include "extract/text.h"

#include <cstring>

namespace stancegraph::importers::extract {
namespace {

// Decodes one UTF-8 sequence at `i`; returns the code point and its length,
// or (byte, 1) for an invalid sequence.
std::pair<uint32_t, int> DecodeUtf8(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  int len = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return {b0, 1};
  uint32_t cp = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {b0, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len};
}

// The ASCII replacement for a code point, or nullptr to keep it as is.
const char* Fold(uint32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212:
      return "-";
    case 0x00A0: case 0x202F: case 0x205F: case 0x3000:
      return " ";
    case 0x2026:
      return "...";
    case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x00AD:
      return "";
    default:
      if (cp >= 0x2000 && cp <= 0x200A) return " ";
      return nullptr;
  }
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// Letters include every non-ASCII byte: after folding, those are letters of
// other scripts or accented Latin.
bool IsLetter(char c) { return IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80; }
bool IsAlnum(char c) { return IsLetter(c) || IsDigit(c); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool IsUpperStart(std::string_view s, size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b >= 'A' && b <= 'Z') return true;
  // Latin-1 supplement capitals (U+00C0..U+00DE) and Latin Extended-A even code points.
  if (b == 0xC3 && i + 1 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    return b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97;
  }
  if ((b == 0xC4 || b == 0xC5) && i + 1 < s.size()) {
    return (static_cast<unsigned char>(s[i + 1]) & 1) == 0;
  }
  return false;
}

// Length of a dotted abbreviation ("U.S.", "e.g.", "a.m.") at i, else 0.
size_t DottedAbbreviation(std::string_view s, size_t i) {
  size_t j = i;
  int groups = 0;
  while (j + 1 < s.size() && IsAsciiLetter(s[j]) && s[j + 1] == '.' &&
         (j == i || s[j - 1] == '.')) {
    j += 2;
    ++groups;
  }
  if (groups >= 2 && (j >= s.size() || !IsAsciiLetter(s[j]))) return j - i;
  return 0;
}

const char* const kClitics[] = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"};

// If a clitic starts at word position j (inside [start, end)), returns its
// length; the word must continue to `end` exactly.
size_t CliticAt(std::string_view s, size_t j, size_t end) {
  for (const char* c : kClitics) {
    const size_t n = std::strlen(c);
    if (j + n == end && s.compare(j, n, c) == 0) return n;
    if (j + n == end && n == 3 && (s.compare(j, n, "N'T") == 0)) return n;
  }
  return 0;
}

}  // namespace

NormalizedText Normalize(std::string_view original) {
  NormalizedText out;
  out.text.reserve(original.size());
  out.to_original.reserve(original.size() + 1);
  size_t i = 0;
  while (i < original.size()) {
    // Plain ASCII, most of an English text, is copied a run at a time;
    // quote marks take the path below, which pairs them.
    size_t run = i;
    while (run < original.size() && static_cast<unsigned char>(original[run]) < 0x80 &&
           original[run] != '\'' && original[run] != '`') {
      ++run;
    }
    if (run > i) {
      out.text.append(original.substr(i, run - i));
      for (size_t k = i; k < run; ++k) out.to_original.push_back(static_cast<uint32_t>(k));
      i = run;
      continue;
    }
    // '' and `` are how some wires write double quotes.
    if (i + 1 < original.size() && (original[i] == '\'' || original[i] == '`') &&
        original[i + 1] == original[i]) {
      out.text.push_back('"');
      out.to_original.push_back(static_cast<uint32_t>(i));
      i += 2;
      continue;
    }
    const auto [cp, len] = DecodeUtf8(original, i);
    const char* folded = len > 1 ? Fold(cp) : nullptr;
    if (folded != nullptr) {
      for (const char* p = folded; *p != '\0'; ++p) {
        out.text.push_back(*p);
        out.to_original.push_back(static_cast<uint32_t>(i));
      }
    } else {
      for (int k = 0; k < len; ++k) {
        out.text.push_back(original[i + k]);
        out.to_original.push_back(static_cast<uint32_t>(i));
      }
      // Bytes inside a multi-byte character map to their own offsets so a
      // span never splits a character it does not contain.
      for (int k = 1; k < len; ++k) out.to_original[out.to_original.size() - len + k] += k;
    }
    i += len;
  }
  out.to_original.push_back(static_cast<uint32_t>(original.size()));
  return out;
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> tokens;
  tokens.reserve(s.size() / 5);
  int newlines = 0;
  bool single_open = false;
  size_t i = 0;
  auto push = [&](size_t b, size_t e, TokenKind kind) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.kind = kind;
    t.newlines_before = static_cast<uint8_t>(newlines > 2 ? 2 : newlines);
    newlines = 0;
    t.lower.assign(s.substr(b, e - b));
    int letters = 0, uppers = 0;
    for (char& c : t.lower) {
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
        ++uppers;
        ++letters;
      } else if (c >= 'a' && c <= 'z') {
        ++letters;
      }
    }
    t.capitalized = kind == TokenKind::kWord && IsUpperStart(s, b);
    t.all_caps = letters >= 2 && letters == uppers;
    tokens.push_back(std::move(t));
  };
  while (i < s.size()) {
    const char c = s[i];
    if (IsSpace(c)) {
      if (c == '\n') ++newlines;
      ++i;
      continue;
    }
    if (c == '"') {
      const bool open = i == 0 || IsSpace(s[i - 1]) || s[i - 1] == '(' || s[i - 1] == '[' ||
                        s[i - 1] == '-' || s[i - 1] == '"' || s[i - 1] == '\'';
      const bool next_space = i + 1 >= s.size() || IsSpace(s[i + 1]);
      push(i, i + 1, open && !next_space ? TokenKind::kOpenQuote : TokenKind::kCloseQuote);
      ++i;
      continue;
    }
    if (c == '\'') {
      const bool prev_alnum = i > 0 && IsAlnum(s[i - 1]);
      const bool next_alnum = i + 1 < s.size() && IsAlnum(s[i + 1]);
      if (!prev_alnum && next_alnum) {
        single_open = true;
        push(i, i + 1, TokenKind::kOpenQuote);
      } else if (prev_alnum && !next_alnum && single_open) {
        single_open = false;
        push(i, i + 1, TokenKind::kCloseQuote);
      } else {
        push(i, i + 1, TokenKind::kPunct);
      }
      ++i;
      continue;
    }
    if (IsDigit(c)) {
      size_t j = i + 1;
      while (j < s.size() &&
             (IsDigit(s[j]) || ((s[j] == '.' || s[j] == ',' || s[j] == ':') && j + 1 < s.size() &&
                                IsDigit(s[j + 1])))) {
        ++j;
      }
      while (j < s.size() && (IsLetter(s[j]) || s[j] == '%')) ++j;  // 25%, 1990s, 3rd
      push(i, j, TokenKind::kNumber);
      i = j;
      continue;
    }
    if (IsLetter(c)) {
      if (const size_t n = DottedAbbreviation(s, i); n > 0) {
        push(i, i + n, TokenKind::kWord);
        i += n;
        continue;
      }
      size_t j = i + 1;
      while (j < s.size()) {
        if (IsAlnum(s[j])) {
          ++j;
        } else if ((s[j] == '\'' || s[j] == '-' || s[j] == '&') && j + 1 < s.size() &&
                   IsAlnum(s[j + 1])) {
          j += 2;
        } else {
          break;
        }
      }
      // Split clitics: "isn't" -> "is" "n't"; "Britain's" -> "Britain" "'s".
      size_t split = j;
      for (size_t k = i + 1; k < j; ++k) {
        if ((s[k] == 'n' || s[k] == 'N') && k + 1 < j && s[k + 1] == '\'' && CliticAt(s, k, j)) {
          split = k;
          break;
        }
        if (s[k] == '\'' && CliticAt(s, k, j)) {
          split = k;
          break;
        }
      }
      push(i, split, TokenKind::kWord);
      if (split < j) push(split, j, TokenKind::kWord);
      i = j;
      continue;
    }
    // Punctuation; "..." and "--" stay whole.
    size_t j = i + 1;
    if (c == '.' || c == '-') {
      while (j < s.size() && s[j] == c) ++j;
    } else {
      // Skip the rest of a multi-byte sequence that is not a letter (symbols).
      while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    }
    push(i, j, TokenKind::kPunct);
    i = j;
  }
  return tokens;
}

}  // namespace stancegraph::importers::extract
