// `stancegraph query contradictions|agreements|changes|claims|coalitions|actors|path`:
// thin wrappers over stancegraph::query. Every subcommand takes the same
// filters, prints a readable table by default and JSON, JSON lines or CSV
// with --format. Each family of subcommands lives in its own file
// (query_contradictions.cc, query_changes.cc, query_claims.cc,
// query_network.cc); this one puts them under `query`.
#include "cli_common.h"
#include "query_common.h"

namespace stancegraph::cli {

void AddQueryCommand(CLI::App& app) {
  auto* q = app.add_subcommand("query", "Ask graph questions: contradictions, agreements, changes");
  AddVersionFlag(q);
  q->require_subcommand(1);
  // In this order in --help.
  querycmd::AddContradictionsCommand(q);
  querycmd::AddChangesCommand(q);
  querycmd::AddClaimsCommand(q);
  querycmd::AddNetworkCommands(q);
}

}  // namespace stancegraph::cli
