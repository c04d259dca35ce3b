// The man page and the bash and zsh completions the build generates
// (share/man, share/bash-completion, share/zsh) list every subcommand the
// program has, with its options, and the shells accept them.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/cli_runner.h"
#include "support/temp_dir.h"

using namespace stancegraph::testing;

namespace {

std::string BuildFile(const std::string& name) { return std::string(SG_BINARY_DIR) + "/" + name; }
std::string ManPage() { return ReadFile(BuildFile("share/man/man1/stancegraph.1")); }
std::string BashScript() { return BuildFile("share/bash-completion/completions/stancegraph"); }
std::string ZshScript() { return BuildFile("share/zsh/vendor-completions/_stancegraph"); }

// The subcommands `stancegraph <path> --help` lists, as the words that call them.
void CollectCommands(const std::vector<std::string>& path,
                     std::vector<std::vector<std::string>>* out) {
  std::string words;
  for (const std::string& w : path) words += " " + w;
  CliResult help = RunCli(words + " --help");
  REQUIRE(help.exit_code == 0);
  std::istringstream lines(help.out);
  std::string line;
  bool in_list = false;
  while (std::getline(lines, line)) {
    if (line == "Subcommands:") {
      in_list = true;
    } else if (in_list && line.starts_with("  ") && line.size() > 2 && line[2] != ' ') {
      std::vector<std::string> sub = path;
      sub.push_back(line.substr(2, line.find(' ', 2) - 2));
      out->push_back(sub);
      CollectCommands(sub, out);
    } else if (in_list && !line.starts_with("  ")) {
      in_list = false;
    }
  }
}

std::vector<std::vector<std::string>> AllCommands() {
  std::vector<std::vector<std::string>> all;
  CollectCommands({}, &all);
  return all;
}

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// What the bash completion offers for the command line `words`, the last
// word being completed.
std::string BashComplete(const std::vector<std::string>& words) {
  std::string array;
  for (const std::string& w : words) array += " '" + w + "'";
  TempDir dir;
  std::ofstream(dir / "run.sh") << "source '" << BashScript() << "'\nCOMP_WORDS=(" << array
                                << ")\nCOMP_CWORD=" << words.size() - 1
                                << "\n_stancegraph\necho \"${COMPREPLY[*]}\"\n";
  CliResult r = RunExecutable("bash", "'" + (dir / "run.sh") + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

bool HasWord(const std::string& text, const std::string& word) {
  std::istringstream in(text);
  std::string w;
  while (in >> w) {
    if (w == word) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the man page has every subcommand and its options", "[cli]") {
  const std::string man = ManPage();
  REQUIRE(man.starts_with(".\\\" Generated"));
  CHECK(man.find(".TH STANCEGRAPH 1 \"\" \"stancegraph " SG_VERSION "\"") != std::string::npos);
  const auto all = AllCommands();
  REQUIRE(all.size() > 10);
  for (const auto& path : all) {
    INFO(Joined(path));
    // roff spells a hyphen "\-".
    std::string title;
    for (char c : Joined(path)) title += c == '-' ? std::string("\\-") : std::string(1, c);
    CHECK(man.find(".SS \"" + title + "\"") != std::string::npos);
  }
  for (const char* option : {"\\fB\\-\\-since\\-last\\fR", "\\fB\\-\\-lexicon\\fR \\fIDIR\\fR",
                             "\\fB\\-\\-db\\fR \\fIDIR\\fR", "\\fB\\-q\\fR, \\fB\\-\\-quiet\\fR",
                             "\\fB\\-\\-max\\-document\\-bytes\\fR"}) {
    CHECK(man.find(option) != std::string::npos);
  }
  CHECK(man.find("One of: md, html, json.") != std::string::npos);
  CHECK(man.find(".B STANCEGRAPH_LEXICON_DIR") != std::string::npos);
  // The generator is for the build; users do not see it.
  CHECK(man.find(".SS \"generate") == std::string::npos);
  CHECK(RunCli("--help").out.find("generate") == std::string::npos);
}

TEST_CASE("the bash completion completes every subcommand, options and their values", "[cli]") {
  CliResult syntax = RunExecutable("bash", "-n '" + BashScript() + "'");
  INFO(syntax.err);
  REQUIRE(syntax.exit_code == 0);
  for (const auto& path : AllCommands()) {
    std::vector<std::string> line = {"stancegraph"};
    line.insert(line.end(), path.begin(), path.end() - 1);
    line.push_back("");
    INFO(Joined(path));
    CHECK(HasWord(BashComplete(line), path.back()));
  }
  CHECK(BashComplete({"stancegraph", "query", "co"}) == "contradictions coalitions\n");
  CHECK(BashComplete({"stancegraph", "report", "--format", ""}) == "md html json\n");
  CHECK(BashComplete({"stancegraph", "--db", "x", "report", "--si"}) == "--since-last --since\n");
  const std::string import_options = BashComplete({"stancegraph", "import", "--"});
  CHECK(HasWord(import_options, "--lexicon"));
  CHECK(HasWord(import_options, "--db"));
  CHECK_FALSE(HasWord(BashComplete({"stancegraph", ""}), "generate"));
}

TEST_CASE("the zsh completion has every subcommand and zsh accepts it", "[cli]") {
  const std::string script = ReadFile(ZshScript());
  REQUIRE(script.starts_with("#compdef stancegraph\n"));
  for (const auto& path : AllCommands()) {
    INFO(Joined(path));
    CHECK(script.find("'" + path.back() + ":") != std::string::npos);
    std::string fn = "_stancegraph";
    for (const std::string& w : path) fn += "_" + w;
    std::replace(fn.begin(), fn.end(), '-', '_');  // shell function names
    CHECK(script.find(fn + "() {") != std::string::npos);
  }
  CHECK(script.find("'--format=[md (Markdown), html (one self-contained file) or json]:WORD:(md "
                    "html json)'") != std::string::npos);
  if (RunExecutable("command", "-v zsh").exit_code != 0) {
    WARN("zsh is not installed: its syntax check is skipped");
    return;
  }
  CliResult syntax = RunExecutable("zsh", "-n '" + ZshScript() + "'");
  INFO(syntax.err);
  CHECK(syntax.exit_code == 0);
}
