// stancegraph: news articles in, stance claims out, graph questions answered.
#include <iostream>

#include "cli_common.h"

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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return ExitCode();
}
