#include "command_docs.h"

#include <fstream>
#include <iostream>

#include "absl/strings/str_split.h"
#include "cli_common.h"

namespace stancegraph::cli {
namespace {

bool Visible(const CLI::App* app) { return !app->get_group().empty(); }

// CLI11 shows a value as "TYPE[:VALIDATOR...]", e.g. "TEXT:{md,html,json}"
// for IsMember or "TEXT:DIR" for ExistingDirectory.
void ReadTypeName(const std::string& type_name, OptionDoc* doc) {
  std::vector<std::string> parts = absl::StrSplit(type_name, ':');
  doc->value_name = parts.empty() || parts[0].empty() ? "VALUE" : parts[0];
  for (const std::string& part : parts) {
    if (part == "DIR") doc->directory = true;
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      doc->choices = absl::StrSplit(part.substr(1, part.size() - 2), ',', absl::SkipEmpty());
    }
  }
  if (doc->directory) doc->value_name = "DIR";
  if (!doc->choices.empty()) doc->value_name = "WORD";
}

OptionDoc DescribeOption(const CLI::Option& opt) {
  OptionDoc doc;
  for (const std::string& s : opt.get_snames()) doc.flags.push_back("-" + s);
  for (const std::string& l : opt.get_lnames()) doc.flags.push_back("--" + l);
  if (!opt.nonpositional()) doc.positional = opt.get_name();
  doc.description = opt.get_description();
  doc.takes_value = opt.get_items_expected_max() > 0;  // 0 for a flag
  doc.required = opt.get_required();
  doc.repeatable = opt.get_items_expected_max() > 1;
  if (doc.takes_value) {
    ReadTypeName(opt.get_type_name(), &doc);
    doc.default_value = opt.get_default_str();
    // The database is a directory too, though typed as text.
    for (const std::string& l : opt.get_lnames()) {
      if (l == "db") {
        doc.directory = true;
        doc.value_name = "DIR";
      }
    }
    if (doc.positional == "dir") doc.directory = true;
  }
  return doc;
}

CommandDoc Describe(const CLI::App& app, std::vector<std::string> path) {
  CommandDoc doc;
  doc.path = std::move(path);
  doc.description = app.get_description();
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;
    OptionDoc o = DescribeOption(*opt);
    (o.positional.empty() ? doc.options : doc.positionals).push_back(std::move(o));
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* a) { return Visible(a); })) {
    std::vector<std::string> sub_path = doc.path;
    sub_path.push_back(sub->get_name());
    doc.subcommands.push_back(Describe(*sub, std::move(sub_path)));
  }
  return doc;
}

}  // namespace

CommandDoc DescribeCommands(const CLI::App& app) {
  CommandDoc root = Describe(app, {});
  // `help [SUBCOMMAND]` takes the program's subcommands.
  for (CommandDoc& cmd : root.subcommands) {
    for (OptionDoc& p : cmd.positionals) {
      if (cmd.path.back() != "help" || p.positional != "subcommand") continue;
      for (const CommandDoc& sub : root.subcommands) {
        if (sub.path.back() != "help") p.choices.push_back(sub.path.back());
      }
    }
  }
  return root;
}

void AddGenerateCommand(CLI::App& app) {
  struct Args {
    std::string what;
    std::string out;
  };
  static Args args;
  auto* cmd = app.add_subcommand(
      "generate", "Write the man page or a shell completion script, from these definitions");
  cmd->group("");  // for the build, not for users
  cmd->add_option("what", args.what, "man, bash or zsh")
      ->check(CLI::IsMember({"man", "bash", "zsh"}))
      ->required();
  cmd->add_option("--out", args.out, "Write to this file instead of stdout");
  const CLI::App* root = &app;
  cmd->callback([root] {
    const CommandDoc tree = DescribeCommands(*root);
    const std::string text = args.what == "man"    ? ManPage(tree, SG_VERSION)
                             : args.what == "bash" ? BashCompletion(tree)
                                                   : ZshCompletion(tree);
    if (args.out.empty()) {
      std::cout << text;
      return;
    }
    std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::cerr << "stancegraph: error: cannot write " << args.out << "\n";
      ExitCode() = kExitFailure;
    }
  });
}

}  // namespace stancegraph::cli
