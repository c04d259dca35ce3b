// Where the built-in extractor's lexicons are found.
//
// The shipped set (the JSON lexicons, wordnet.bin and WORDNET-LICENSE) lives
// in share/stancegraph/lexicons beside the program's own directory: an
// installed /usr/local/bin/stancegraph reads /usr/local/share/stancegraph/
// lexicons, and every program of a build tree (build/cli/stancegraph,
// build/tests/*, ...) reads build/share/stancegraph/lexicons. A program
// copied elsewhere takes its share/ tree along, or is told where it is:
//
//   1. SourceOptions::lexicon_dir (`stancegraph import --lexicon DIR`),
//   2. else $STANCEGRAPH_LEXICON_DIR,
//   3. else DefaultLexiconDir().
//
// $STANCEGRAPH_LEXICONS (colon-separated) names further directories whose
// files add to whichever set was chosen. A directory chosen by 1 or 2 need
// not hold wordnet.bin: WordNetTablePath falls back to the default
// directory's, so a user's own JSON set still gets the shipped WordNet.
#pragma once

#include <string>
#include <vector>

namespace stancegraph::importers {

// What every "not found" error about the shipped set says next.
inline constexpr char kLexiconDirHint[] = "(set STANCEGRAPH_LEXICON_DIR or pass --lexicon DIR)";

// <directory of the running executable>/../share/stancegraph/lexicons,
// normalised; "" when the executable cannot be located (/proc/self/exe
// unreadable).
std::string DefaultLexiconDir();

// The shipped directory to read: `requested` when not empty, else
// $STANCEGRAPH_LEXICON_DIR when set and not empty, else DefaultLexiconDir().
std::string ShippedLexiconDir(const std::string& requested);

// The directories named in $STANCEGRAPH_LEXICONS, in order; empty entries
// are skipped.
std::vector<std::string> ExtraLexiconDirs();

// The WordNet table for a shipped directory: <dir>/wordnet.bin when it
// exists, else <DefaultLexiconDir()>/wordnet.bin when that exists, else ""
// (nothing found).
std::string WordNetTablePath(const std::string& shipped_dir);

}  // namespace stancegraph::importers
