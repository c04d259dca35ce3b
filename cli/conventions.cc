#include "conventions.h"

#include <algorithm>
#include <iostream>

#include <boost/version.hpp>
#include <rocksdb/version.h>

#include "absl/strings/str_cat.h"
#include "cli_common.h"
#include "stancegraph/engine/database.h"

namespace stancegraph::cli {
namespace {

bool quiet_flag = false;
bool verbose_flag = false;

bool TakesValue(const std::string& a) { return a == "--db"; }
bool IsGlobalFlag(const std::string& a) {
  return a == "-q" || a == "--quiet" || a == "-v" || a == "--verbose";
}

// The subcommand chain the words in `args` name, deepest last.
CLI::App* Deepest(CLI::App& app, const std::vector<std::string>& args, size_t* consumed) {
  CLI::App* at = &app;
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.starts_with("-")) break;
    CLI::App* next = nullptr;
    for (CLI::App* sub : at->get_subcommands([](CLI::App*) { return true; })) {
      if (sub->check_name(a)) next = sub;
    }
    if (next == nullptr) break;
    at = next;
  }
  if (consumed) *consumed = i;
  return at;
}

std::string Nearest(const std::string& word, const std::vector<std::string>& names) {
  std::string best;
  size_t best_d = std::string::npos;
  for (const std::string& n : names) {
    const size_t d = EditDistance(word, n);
    if (d < best_d) {
      best_d = d;
      best = n;
    }
  }
  // Close enough to be a typo: at most 2 edits, and fewer than half the word.
  const size_t limit = std::min<size_t>(2, std::max<size_t>(1, word.size() / 2));
  if (best_d == 0 || best_d > limit) {
    // A prefix names one thing unambiguously too (`--form` for `--format`).
    std::vector<std::string> prefixed;
    for (const std::string& n : names) {
      if (word.size() >= 3 && n.starts_with(word) && n != word) prefixed.push_back(n);
    }
    return prefixed.size() == 1 ? prefixed[0] : "";
  }
  return best;
}

std::vector<std::string> OptionNames(CLI::App* app) {
  std::vector<std::string> names;
  for (CLI::App* a = app; a != nullptr; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
    }
  }
  return names;
}

std::vector<std::string> SubcommandNames(CLI::App* app) {
  std::vector<std::string> names;
  for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

}  // namespace

bool Quiet() { return quiet_flag; }
bool Verbose() { return verbose_flag; }

void AddVerbosityFlags(CLI::App& app) {
  if (app.get_option_no_throw("--quiet") == nullptr) {
    app.add_flag("-q,--quiet", quiet_flag, "Print only results and errors");
  }
  if (app.get_option_no_throw("--verbose") == nullptr) {
    app.add_flag("-v,--verbose", verbose_flag, "Say more about what is done");
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    AddVerbosityFlags(*sub);
  }
}

std::vector<std::string> HoistGlobalOptions(const std::vector<std::string>& args) {
  std::vector<std::string> front, moved;
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (TakesValue(a) && i + 1 < args.size()) {
      moved.push_back(a);
      moved.push_back(args[++i]);
    } else if (a.starts_with("--db=") || IsGlobalFlag(a)) {
      moved.push_back(a);
    } else if (a.starts_with("-")) {
      front.push_back(a);  // --help, --version: the program's own
    } else {
      break;
    }
  }
  if (moved.empty()) return args;
  std::vector<std::string> out = front;
  out.insert(out.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
  // Before a `--`, which ends the options.
  auto dashes = std::find(out.begin(), out.end(), "--");
  out.insert(dashes, moved.begin(), moved.end());
  return out;
}

void AddHelpCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("help", "Show the help of the program or of a subcommand");
  static std::vector<std::string> words;
  cmd->add_option("subcommand", words, "e.g. `import` or `query changes`");
  cmd->allow_extras();  // --db and the like, hoisted here
  CLI::App* root = &app;
  cmd->callback([root] {
    CLI::App* at = root;
    for (const std::string& w : words) {
      CLI::App* next = nullptr;
      for (CLI::App* sub : at->get_subcommands([](CLI::App*) { return true; })) {
        if (sub->check_name(w) && sub->get_name() != "help") next = sub;
      }
      if (next == nullptr) {
        std::cerr << "stancegraph: error: no subcommand '" << w << "'";
        const std::string near = Nearest(w, SubcommandNames(at));
        if (!near.empty()) std::cerr << "; did you mean '" << near << "'?";
        std::cerr << "\n";
        ExitCode() = kExitUsage;
        return;
      }
      at = next;
    }
    std::cout << at->help();
  });
}

std::string Suggestions(CLI::App& app, const std::vector<std::string>& args) {
  size_t consumed = 0;
  CLI::App* at = Deepest(app, args, &consumed);
  const std::vector<std::string> options = OptionNames(at);
  const std::vector<std::string> subs = SubcommandNames(at);
  std::string out;
  for (size_t i = consumed; i < args.size(); ++i) {
    std::string a = args[i];
    if (a == "--") break;
    if (a.starts_with("--")) {
      a = a.substr(0, a.find('='));
      if (std::find(options.begin(), options.end(), a) != options.end()) continue;
      const std::string near = Nearest(a, options);
      if (!near.empty()) absl::StrAppend(&out, "stancegraph: did you mean '", near, "' for '", a, "'?\n");
    } else if (!a.starts_with("-") && !subs.empty() && i == consumed) {
      const std::string near = Nearest(a, subs);
      if (!near.empty()) {
        absl::StrAppend(&out, "stancegraph: '", a, "' is not a subcommand of '", at->get_name(),
                        "'; did you mean '", near, "'?\n");
      }
    }
  }
  return out;
}

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string VersionText() {
  return absl::StrCat("stancegraph ", SG_VERSION, "\nstorage format ", engine::kFormatVersion,
                      "\nRocksDB ", ROCKSDB_MAJOR, ".", ROCKSDB_MINOR, ".", ROCKSDB_PATCH,
                      "\nBoost ", BOOST_VERSION / 100000, ".", BOOST_VERSION / 100 % 1000, ".",
                      BOOST_VERSION % 100, " (", BOOST_LIB_VERSION, ")");
}

}  // namespace stancegraph::cli
