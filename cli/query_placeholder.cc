// Temporary until the query subcommands land.
#include "cli_common.h"
namespace stancegraph::cli {
void AddQueryCommand(CLI::App&) {}
void AddExportNetworkCommand(CLI::App&) {}
}  // namespace stancegraph::cli
