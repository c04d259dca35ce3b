// The man page and the shell completions of `stancegraph`, generated from
// the CLI11 command definitions themselves, so they always list what the
// program accepts. The build runs the hidden `stancegraph generate
// man|bash|zsh --out FILE` and installs the results.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace stancegraph::cli {

// One option or positional argument as the documents show it.
struct OptionDoc {
  // "-q", "--quiet"; empty for a positional argument.
  std::vector<std::string> flags;
  // A positional argument's name ("paths"); empty for an option.
  std::string positional;
  std::string description;
  // False for a flag.
  bool takes_value = false;
  // The value's placeholder: "FORMAT", "DIR", "UINT", ...
  std::string value_name;
  // The accepted values when the definition lists them (IsMember).
  std::vector<std::string> choices;
  // The value names a directory (CLI::ExistingDirectory, --db).
  bool directory = false;
  bool required = false;
  // May be given more than once (or takes several values).
  bool repeatable = false;
  // What the option is set to when not given, when the definition shows it.
  std::string default_value;
};

// One (sub)command: its options, positional arguments and subcommands.
struct CommandDoc {
  // The words that call it after the program: {} for the program,
  // {"query", "changes"} for `stancegraph query changes`.
  std::vector<std::string> path;
  std::string description;
  std::vector<OptionDoc> options;
  std::vector<OptionDoc> positionals;
  std::vector<CommandDoc> subcommands;
};

// The visible command tree of `app`: hidden subcommands and options (those
// in the "" group) are left out.
CommandDoc DescribeCommands(const CLI::App& app);

// A roff man page (section 1) for the tree, with the environment
// variables, files and exit codes the program documents. `version` goes in
// the page's header.
std::string ManPage(const CommandDoc& root, const std::string& version);

// A bash completion script (for bash-completion's completions/ directory)
// completing subcommands, options and the listed option values.
std::string BashCompletion(const CommandDoc& root);

// A zsh completion function file (_stancegraph, for a directory on $fpath).
std::string ZshCompletion(const CommandDoc& root);

// Adds the hidden `generate man|bash|zsh [--out FILE]`, which writes one of
// the documents above for `app` (the whole program) to FILE or stdout.
void AddGenerateCommand(CLI::App& app);

}  // namespace stancegraph::cli
