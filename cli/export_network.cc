// `stancegraph export network --kind agreement|conflict|signed|bipartite
//  --format graphml|dot|csv`: the graph views for Gephi, visone and Graphviz.
#include <iostream>
#include <memory>
#include <string>

#include "cli_common.h"
#include "output.h"
#include "stancegraph/query/lookup.h"
#include "stancegraph/query/network.h"
#include "stancegraph/query/network_io.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::cli {
namespace {

struct NetworkExportArgs {
  std::string db_path;
  std::string kind = "agreement";
  std::string format = "graphml";
  std::string normalise = "none";
  uint32_t min_count = 1;
  bool keep_isolated = false;
  bool nodes = false;  // csv: the node table instead of the edge table
  bool edges = false;
  std::string level;
  bool by_concept = false;
  query::FilterSpec spec;
};

absl::Status ExportNetwork(const NetworkExportArgs& a) {
  SG_ASSIGN_OR_RETURN(auto db, OpenForReading(a.db_path));
  SG_ASSIGN_OR_RETURN(query::Filter filter, query::ResolveFilter(*db, a.spec));
  if ((a.nodes || a.edges) && a.format != "csv") {
    return UsageError("--nodes and --edges choose a CSV table: use them with --format csv");
  }
  const query::NetworkFormat format =
      a.format == "dot"   ? query::NetworkFormat::kDot
      : a.format == "csv" ? (a.nodes ? query::NetworkFormat::kCsvNodes : query::NetworkFormat::kCsv)
                          : query::NetworkFormat::kGraphml;
  // auto: holders as named, the library's default.
  const query::Level level = LevelArg(a.level).value_or(query::NetworkOptions{}.level);
  if (a.kind == "bipartite") {
    SG_ASSIGN_OR_RETURN(query::BipartiteNetwork net,
                        query::BuildBipartite(*db, filter, /*load_names=*/true, level));
    return query::WriteNetwork(net, format, std::cout);
  }
  const query::NetworkKind kind = a.kind == "conflict" ? query::NetworkKind::kConflict
                                  : a.kind == "signed" ? query::NetworkKind::kSigned
                                                       : query::NetworkKind::kAgreement;
  const query::Normalisation norm = a.normalise == "jaccard" ? query::Normalisation::kJaccard
                                    : a.normalise == "cosine" ? query::Normalisation::kCosine
                                                              : query::Normalisation::kNone;
  SG_ASSIGN_OR_RETURN(query::HolderNetwork net,
                      query::BuildHolderNetwork(*db, {.filter = filter,
                                                      .kind = kind,
                                                      .normalisation = norm,
                                                      .min_count = a.min_count,
                                                      .keep_isolated = a.keep_isolated,
                                                      .merge_concepts = a.by_concept,
                                                      .level = level}));
  return query::WriteNetwork(net, format, std::cout);
}

}  // namespace

void AddExportNetworkCommand(CLI::App& export_cmd) {
  // Owned by the callback, so it lives as long as the command.
  auto a = std::make_shared<NetworkExportArgs>();
  auto* cmd = export_cmd.add_subcommand(
      "network", "Print the agreement, conflict, signed or bipartite network as GraphML, DOT or CSV");
  AddDbOption(cmd, &a->db_path);
  cmd->add_option("--kind", a->kind, "agreement, conflict, signed or bipartite")
      ->check(CLI::IsMember({"agreement", "conflict", "signed", "bipartite"}))
      ->capture_default_str();
  cmd->add_option("--format", a->format, "graphml, dot or csv")
      ->check(CLI::IsMember({"graphml", "dot", "csv"}))
      ->capture_default_str();
  cmd->add_option("--normalise", a->normalise, "Edge weights: none, jaccard or cosine")
      ->check(CLI::IsMember({"none", "jaccard", "cosine"}))
      ->capture_default_str();
  cmd->add_option("--min-count", a->min_count, "Smallest number of shared propositions on an edge")
      ->capture_default_str();
  cmd->add_flag("--keep-isolated", a->keep_isolated, "Keep holders without an edge");
  auto* nodes = cmd->add_flag("--nodes", a->nodes,
                              "CSV: print the node table (Id,Label,...) instead of the edges");
  auto* edges = cmd->add_flag("--edges", a->edges,
                              "CSV: print the edge table (Source,Target,...; the default)");
  nodes->excludes(edges);
  AddLevelOption(cmd, &a->level, "as named (person)");
  AddByConceptFlag(cmd, &a->by_concept,
                   "Treat the propositions of one concept as one issue (not for bipartite)");
  AddFilterOptions(cmd, &a->spec);
  cmd->callback([a] {
    absl::Status s = ExportNetwork(*a);
    std::cout.flush();
    if (!s.ok()) ExitCode() = PrintError(s);
  });
}

}  // namespace stancegraph::cli
