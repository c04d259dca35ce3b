// Writing the graph views for Gephi, visone, Graphviz and spreadsheets.
// GraphML (with typed attribute keys: labels, entity types, weights,
// agreement/conflict counts, signs, time windows as RFC 3339 strings), DOT
// (undirected; edge colour by sign, penwidth by weight) and CSV (an edge
// table with Gephi's Source,Target,Type,Weight columns). All text is escaped
// for its format; names are untrusted.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "stancegraph/query/network.h"

namespace stancegraph::query {

// kCsv is the edge table (Source,Target,Type,Weight,...); kCsvNodes the node
// table (Id,Label,...) whose Id the edges' Source and Target name. Gephi's
// "Import spreadsheet" takes the two as two files.
enum class NetworkFormat : uint8_t { kGraphml, kDot, kCsv, kCsvNodes };

// Writes the holder network. Node ids are the holders' 16-hex-digit ids.
absl::Status WriteNetwork(const HolderNetwork& net, NetworkFormat format, std::ostream& out);

// Writes the bipartite network: holder nodes "h:<id>", proposition nodes
// "p:<id>", one edge per claim with its polarity (and in GraphML a "part"
// attribute, holder or proposition, for two-mode layouts).
absl::Status WriteNetwork(const BipartiteNetwork& net, NetworkFormat format, std::ostream& out);

// Quotes a CSV field when it holds a comma, quote or line break.
std::string CsvField(std::string_view text);

}  // namespace stancegraph::query
