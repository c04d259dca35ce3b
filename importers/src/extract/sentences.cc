#include "extract/sentences.h"

#include <string>
#include <unordered_set>

#include "stancegraph/importers/lexicon.h"

namespace stancegraph::importers::extract {
namespace {

const std::unordered_set<std::string>& Abbreviations() {
  static const auto* set = new std::unordered_set<std::string>{
      "mr",   "mrs",  "ms",   "dr",   "prof", "sen",  "rep",  "gov",  "gen",   "lt",   "col",
      "maj",  "capt", "cmdr", "adm",  "sgt",  "cpl",  "pvt",  "st",   "jr",    "sr",   "rev",
      "hon",  "pres", "supt", "insp", "det",  "atty", "amb",  "fr",   "messrs", "mme", "mlle",
      "jan",  "feb",  "mar",  "apr",  "aug",  "sept", "sep",  "oct",  "nov",   "dec",  "no",
      "nos",  "vs",   "v",    "etc",  "inc",  "corp", "co",   "ltd",  "bros",  "approx",
      "dept", "est",  "fig",  "vol",  "ft",   "mt",   "ave",  "blvd", "rd",    "calif", "fla",
      "mass", "penn", "conn", "wash", "ariz", "colo", "ill",  "ind",  "mich",  "minn", "wis",
      "okla", "tenn", "tex",  "va",   "ky",   "la",   "md",   "mo",   "nev",   "ore",  "pa",
      "ga",   "ala",  "ark",  "del",  "kan",  "neb",  "miss", "vt",   "wyo",   "op",   "ed"};
  return *set;
}

// Words that start a new sentence after a dotted abbreviation ("... in the
// U.S. The ...").
const std::unordered_set<std::string>& SentenceStarters() {
  static const auto* set = new std::unordered_set<std::string>{
      "the", "he",  "she", "it",  "they", "we",  "i",    "but",  "and",   "in",     "a",
      "an",  "this", "that", "there", "his", "her", "their", "its", "however", "meanwhile",
      "yet", "so",  "if",  "when", "while", "after", "asked", "last", "on", "at", "for"};
  return *set;
}

bool IsTerminal(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.lower == "." || t.lower == "!" || t.lower == "?" || t.lower == "...");
}

bool IsClauseBreak(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.lower == "," || t.lower == ";" || t.lower == ":" || t.lower == "-" || t.lower == "--");
}

// A capitalised name of up to four words at `k`, then a lower-case word that
// starts a cue ("Smith said", "Jane Roe asked").
bool SpeakerFollows(const std::vector<Token>& tokens, uint32_t k) {
  uint32_t j = k;
  while (j < tokens.size() && j < k + 4 && tokens[j].kind == TokenKind::kWord &&
         tokens[j].capitalized) {
    ++j;
  }
  return j > k && j < tokens.size() && tokens[j].kind == TokenKind::kWord &&
         !tokens[j].capitalized && (tokens[j].classes & WordBits::kCue) != 0;
}

}  // namespace

bool IsNonFinalAbbreviation(const std::string& word) { return Abbreviations().count(word) > 0; }

std::vector<Sentence> SplitSentences(const std::vector<Token>& tokens, size_t max_bytes) {
  std::vector<Sentence> out;
  if (tokens.empty()) return out;
  uint32_t paragraph = 0;
  bool in_quote = false;
  Sentence current;
  current.first_in_paragraph = true;
  // The last clause boundary of the current sentence (a piece starts
  // there if it grows too long) and whether a quotation was open there.
  uint32_t clause_break = 0;
  bool quote_at_break = false;
  auto close = [&](uint32_t end) {
    if (end > current.first) {
      current.last = end;
      out.push_back(current);
    }
    current = Sentence{};
    current.first = end;
    current.paragraph = paragraph;
    current.starts_in_quote = in_quote;
    clause_break = end;
  };
  const auto n = static_cast<uint32_t>(tokens.size());
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (max_bytes > 0 && i > current.first) {
      if (IsClauseBreak(tokens[i - 1])) {
        clause_break = i;
        quote_at_break = in_quote;
      }
      const uint32_t begin = tokens[current.first].begin;
      if (t.end - begin > max_bytes) {
        // Cut at the clause boundary when it keeps the piece at least half
        // full (so pieces stay few), else before this token.
        const bool at_break =
            clause_break > current.first && (tokens[clause_break].begin - begin) * 2 >= max_bytes;
        const uint32_t cut = at_break ? clause_break : i;
        const bool quote_now = in_quote;
        if (at_break) in_quote = quote_at_break;
        close(cut);
        in_quote = quote_now;
      }
    }
    // A blank line, or a line break after sentence-final punctuation, a
    // colon-less short line or before a quote/bullet, is a paragraph break.
    if (i > current.first || (i == current.first && i > 0)) {
      bool para = false;
      if (t.newlines_before >= 2) {
        para = true;
      } else if (t.newlines_before == 1 && i > 0) {
        const Token& prev = tokens[i - 1];
        para = IsTerminal(prev) || prev.kind == TokenKind::kCloseQuote ||
               t.kind == TokenKind::kOpenQuote || !(prev.kind == TokenKind::kWord ||
                                                    prev.lower == ",");
      }
      if (para) {
        if (i > current.first) {
          ++paragraph;
          in_quote = false;
          close(i);
        } else {
          ++paragraph;
          in_quote = false;
          current.paragraph = paragraph;
          current.starts_in_quote = false;
        }
        current.first_in_paragraph = true;
      }
    }
    if (t.kind == TokenKind::kOpenQuote && t.lower == "\"") in_quote = true;
    if (t.kind == TokenKind::kCloseQuote && t.lower == "\"") in_quote = false;
    if (!IsTerminal(t)) {
      // A dotted abbreviation ends a sentence only before a typical starter.
      if (t.kind == TokenKind::kWord && t.lower.size() >= 4 && t.lower.back() == '.' &&
          i + 1 < n && tokens[i + 1].capitalized && SentenceStarters().count(tokens[i + 1].lower)) {
        close(i + 1);
      }
      continue;
    }
    // "Mr." / "Sen." / initials "W." are not sentence ends.
    if (t.lower == "." && i > 0 && tokens[i - 1].kind == TokenKind::kWord &&
        tokens[i - 1].end == t.begin) {
      const Token& prev = tokens[i - 1];
      if (IsNonFinalAbbreviation(prev.lower) && i + 1 < n && tokens[i + 1].newlines_before == 0) {
        continue;
      }
      if (prev.lower.size() == 1 && prev.capitalized && i + 1 < n && tokens[i + 1].capitalized) {
        continue;
      }
    }
    // Absorb closing quotes and brackets that follow the stop.
    uint32_t end = i + 1;
    while (end < n && tokens[end].newlines_before == 0 &&
           (tokens[end].kind == TokenKind::kCloseQuote || tokens[end].lower == ")" ||
            IsTerminal(tokens[end]))) {
      if (tokens[end].kind == TokenKind::kCloseQuote && tokens[end].lower == "\"") in_quote = false;
      ++end;
    }
    if (end >= n) break;
    const Token& next = tokens[end];
    // "... ," he said." : a stop inside a quote followed by a lower-case word
    // continues the sentence.
    if (next.newlines_before == 0 && next.kind == TokenKind::kWord && !next.capitalized) continue;
    if (next.kind == TokenKind::kPunct && next.lower == ",") continue;
    // '"Why now?" Smith asked.': a question or exclamation closing a quote
    // and followed by its speaker and a reporting verb continues the sentence.
    if (next.newlines_before == 0 && t.lower != "." && end > i + 1 &&
        tokens[end - 1].kind == TokenKind::kCloseQuote && SpeakerFollows(tokens, end)) {
      continue;
    }
    i = end - 1;
    close(end);
  }
  close(n);
  return out;
}

}  // namespace stancegraph::importers::extract
