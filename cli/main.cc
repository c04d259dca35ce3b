// stancegraph: news articles in, stance claims out, graph questions answered.
#include <iostream>
#include <string>
#include <vector>

#include "cli_common.h"
#include "command_docs.h"
#include "conventions.h"

int main(int argc, char** argv) {
  using namespace stancegraph::cli;
  CLI::App app{
      "stancegraph: turns news articles into stance claims (who supports or rejects what, with "
      "the sentence that says so) and answers who agrees, who contradicts whom and who changed "
      "position.",
      "stancegraph"};
  AddVersionFlag(&app);
  app.require_subcommand(1);
  AddImportCommand(app);
  AddExportCommand(app);
  AddStatsCommand(app);
  AddQueryCommand(app);
  AddReportCommand(app);
  AddCheckCommand(app);
  AddBackupCommand(app);
  AddReextractCommand(app);
  AddCompactCommand(app);
  AddCorrectCommand(app);
  AddHelpCommand(app);
  AddGenerateCommand(app);
  AddVerbosityFlags(app);
  std::vector<std::string> args(argv + 1, argv + argc);
  args = HoistGlobalOptions(args);
  try {
    // CLI11 takes the arguments last first.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    if (code != 0) std::cerr << Suggestions(app, args);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return ExitCode();
}
