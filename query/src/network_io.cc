#include "stancegraph/query/network_io.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "stancegraph/schema/entity_type.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/markup_escape.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::query {
namespace {

using schema::DotQuote;
using schema::XmlEscape;

std::string KindName(NetworkKind k) {
  switch (k) {
    case NetworkKind::kAgreement:
      return "agreement";
    case NetworkKind::kConflict:
      return "conflict";
    case NetworkKind::kSigned:
      return "signed";
  }
  return "signed";
}

std::string NormalisationName(Normalisation n) {
  switch (n) {
    case Normalisation::kNone:
      return "none";
    case Normalisation::kJaccard:
      return "jaccard";
    case Normalisation::kCosine:
      return "cosine";
  }
  return "none";
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string TimeText(schema::Timestamp t) {
  return t == schema::kNoTime || t == schema::kMaxTime ? "" : schema::FormatTime(t);
}

// What an edge of this kind counts, for tools wanting a positive integer.
uint32_t EdgeCount(const HolderEdge& e, NetworkKind kind) {
  switch (kind) {
    case NetworkKind::kAgreement:
      return e.agree;
    case NetworkKind::kConflict:
      return e.conflict;
    case NetworkKind::kSigned:
      return e.agree + e.conflict;
  }
  return e.agree + e.conflict;
}

struct GraphmlKey {
  const char* id;
  const char* domain;
  const char* type;
};

void GraphmlHeader(std::ostream& out, std::initializer_list<GraphmlKey> keys) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const GraphmlKey& k : keys) {
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.id
        << "\" attr.type=\"" << k.type << "\"/>\n";
  }
}

void Data(std::ostream& out, const char* key, std::string_view value, const char* indent) {
  out << indent << "<data key=\"" << key << "\">" << XmlEscape(value) << "</data>\n";
}

void WriteGraphml(const HolderNetwork& net, std::ostream& out) {
  GraphmlHeader(out, {{"kind", "graph", "string"},
                      {"normalisation", "graph", "string"},
                      {"window_from", "graph", "string"},
                      {"window_to", "graph", "string"},
                      {"label", "node", "string"},
                      {"type", "node", "string"},
                      {"propositions", "node", "int"},
                      {"weight", "edge", "double"},
                      {"agree", "edge", "int"},
                      {"conflict", "edge", "int"},
                      {"sign", "edge", "int"},
                      {"first_made", "edge", "string"},
                      {"last_made", "edge", "string"}});
  out << "  <graph id=\"holders\" edgedefault=\"undirected\">\n";
  Data(out, "kind", KindName(net.kind), "    ");
  Data(out, "normalisation", NormalisationName(net.normalisation), "    ");
  Data(out, "window_from", TimeText(net.window_from), "    ");
  Data(out, "window_to", TimeText(net.window_to), "    ");
  for (const HolderNode& n : net.nodes) {
    out << "    <node id=\"" << schema::FormatId(n.id) << "\">\n";
    Data(out, "label", n.name.empty() ? schema::FormatId(n.id) : n.name, "      ");
    Data(out, "type", schema::EntityTypeName(n.type), "      ");
    Data(out, "propositions", std::to_string(n.propositions), "      ");
    out << "    </node>\n";
  }
  for (size_t i = 0; i < net.edges.size(); ++i) {
    const HolderEdge& e = net.edges[i];
    out << "    <edge id=\"e" << i << "\" source=\"" << schema::FormatId(net.nodes[e.a].id)
        << "\" target=\"" << schema::FormatId(net.nodes[e.b].id) << "\">\n";
    Data(out, "weight", Num(e.weight), "      ");
    Data(out, "agree", std::to_string(e.agree), "      ");
    Data(out, "conflict", std::to_string(e.conflict), "      ");
    Data(out, "sign", std::to_string(e.sign()), "      ");
    Data(out, "first_made", TimeText(e.first_made), "      ");
    Data(out, "last_made", TimeText(e.last_made), "      ");
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void WriteDot(const HolderNetwork& net, std::ostream& out) {
  out << "graph " << DotQuote(KindName(net.kind)) << " {\n"
      << "  graph [overlap=false, splines=true];\n  node [shape=ellipse];\n";
  for (const HolderNode& n : net.nodes) {
    out << "  " << DotQuote(schema::FormatId(n.id))
        << " [label=" << DotQuote(n.name.empty() ? schema::FormatId(n.id) : n.name)
        << ", type=" << DotQuote(schema::EntityTypeName(n.type)) << "];\n";
  }
  for (const HolderEdge& e : net.edges) {
    const int sign = e.sign();
    const char* colour = sign > 0 ? "forestgreen" : sign < 0 ? "firebrick" : "gray50";
    // Graphviz wants a non-negative integer `weight` (dot); the signed or
    // normalised value travels as `value`.
    out << "  " << DotQuote(schema::FormatId(net.nodes[e.a].id)) << " -- "
        << DotQuote(schema::FormatId(net.nodes[e.b].id)) << " [weight=" << EdgeCount(e, net.kind)
        << ", value=" << DotQuote(Num(e.weight)) << ", agree=" << e.agree
        << ", conflict=" << e.conflict << ", color=" << colour
        << ", penwidth=" << Num(1.0 + std::log2(1.0 + EdgeCount(e, net.kind))) << "];\n";
  }
  out << "}\n";
}

void WriteCsv(const HolderNetwork& net, std::ostream& out) {
  out << "Source,Target,Type,Weight,Agree,Conflict,Sign,SourceLabel,TargetLabel,FirstMade,"
         "LastMade\n";
  for (const HolderEdge& e : net.edges) {
    const HolderNode& a = net.nodes[e.a];
    const HolderNode& b = net.nodes[e.b];
    out << schema::FormatId(a.id) << ',' << schema::FormatId(b.id) << ",Undirected,"
        << Num(e.weight) << ',' << e.agree << ',' << e.conflict << ',' << e.sign() << ','
        << CsvField(a.name) << ',' << CsvField(b.name) << ',' << TimeText(e.first_made) << ','
        << TimeText(e.last_made) << '\n';
  }
}

// Gephi's node table: Id matches the edge table's Source/Target.
void WriteCsvNodes(const HolderNetwork& net, std::ostream& out) {
  out << "Id,Label,EntityType,Propositions\n";
  for (const HolderNode& n : net.nodes) {
    out << schema::FormatId(n.id) << ',' << CsvField(n.name) << ','
        << CsvField(schema::EntityTypeName(n.type)) << ',' << n.propositions << '\n';
  }
}

std::string HolderNodeId(const BipartiteNetwork& net, uint32_t i) {
  return "h:" + schema::FormatId(net.holders[i].id);
}
std::string PropNodeId(const BipartiteNetwork& net, uint32_t i) {
  return "p:" + schema::FormatId(net.propositions[i].id);
}

void WriteGraphml(const BipartiteNetwork& net, std::ostream& out) {
  GraphmlHeader(out, {{"kind", "graph", "string"},
                      {"window_from", "graph", "string"},
                      {"window_to", "graph", "string"},
                      {"label", "node", "string"},
                      {"part", "node", "string"},
                      {"type", "node", "string"},
                      {"concept", "node", "string"},
                      {"polarity", "edge", "int"},
                      {"weight", "edge", "double"},
                      {"mentions", "edge", "int"},
                      {"first_made", "edge", "string"},
                      {"last_made", "edge", "string"}});
  out << "  <graph id=\"bipartite\" edgedefault=\"directed\">\n";
  Data(out, "kind", "bipartite", "    ");
  Data(out, "window_from", TimeText(net.window_from), "    ");
  Data(out, "window_to", TimeText(net.window_to), "    ");
  for (uint32_t i = 0; i < net.holders.size(); ++i) {
    const HolderNode& n = net.holders[i];
    out << "    <node id=\"" << HolderNodeId(net, i) << "\">\n";
    Data(out, "label", n.name.empty() ? schema::FormatId(n.id) : n.name, "      ");
    Data(out, "part", "holder", "      ");
    Data(out, "type", schema::EntityTypeName(n.type), "      ");
    out << "    </node>\n";
  }
  for (uint32_t i = 0; i < net.propositions.size(); ++i) {
    const auto& p = net.propositions[i];
    out << "    <node id=\"" << PropNodeId(net, i) << "\">\n";
    Data(out, "label", p.text.empty() ? schema::FormatId(p.id) : p.text, "      ");
    Data(out, "part", "proposition", "      ");
    Data(out, "concept", p.concept_name, "      ");
    out << "    </node>\n";
  }
  for (size_t i = 0; i < net.edges.size(); ++i) {
    const auto& e = net.edges[i];
    out << "    <edge id=\"e" << i << "\" source=\"" << HolderNodeId(net, e.holder)
        << "\" target=\"" << PropNodeId(net, e.proposition) << "\">\n";
    Data(out, "polarity", std::to_string(e.polarity), "      ");
    Data(out, "weight", std::to_string(e.polarity), "      ");
    Data(out, "mentions", std::to_string(e.mentions), "      ");
    Data(out, "first_made", TimeText(e.first_made), "      ");
    Data(out, "last_made", TimeText(e.last_made), "      ");
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void WriteDot(const BipartiteNetwork& net, std::ostream& out) {
  out << "digraph \"bipartite\" {\n  graph [overlap=false, rankdir=LR];\n";
  for (uint32_t i = 0; i < net.holders.size(); ++i) {
    const HolderNode& n = net.holders[i];
    out << "  " << DotQuote(HolderNodeId(net, i))
        << " [shape=ellipse, label=" << DotQuote(n.name.empty() ? schema::FormatId(n.id) : n.name)
        << "];\n";
  }
  for (uint32_t i = 0; i < net.propositions.size(); ++i) {
    const auto& p = net.propositions[i];
    out << "  " << DotQuote(PropNodeId(net, i))
        << " [shape=box, label=" << DotQuote(p.text.empty() ? schema::FormatId(p.id) : p.text)
        << "];\n";
  }
  for (const auto& e : net.edges) {
    const char* colour = e.polarity > 0 ? "forestgreen" : e.polarity < 0 ? "firebrick" : "gray50";
    out << "  " << DotQuote(HolderNodeId(net, e.holder)) << " -> "
        << DotQuote(PropNodeId(net, e.proposition)) << " [polarity=" << int{e.polarity}
        << ", color=" << colour << ", label=" << DotQuote(e.polarity > 0   ? "+"
                                                         : e.polarity < 0 ? "-"
                                                                          : "0")
        << "];\n";
  }
  out << "}\n";
}

void WriteCsv(const BipartiteNetwork& net, std::ostream& out) {
  out << "Source,Target,Type,Weight,Polarity,Mentions,SourceLabel,TargetLabel,FirstMade,"
         "LastMade\n";
  for (const auto& e : net.edges) {
    out << HolderNodeId(net, e.holder) << ',' << PropNodeId(net, e.proposition) << ",Directed,"
        << int{e.polarity} << ',' << int{e.polarity} << ',' << e.mentions << ','
        << CsvField(net.holders[e.holder].name) << ','
        << CsvField(net.propositions[e.proposition].text) << ',' << TimeText(e.first_made) << ','
        << TimeText(e.last_made) << '\n';
  }
}

void WriteCsvNodes(const BipartiteNetwork& net, std::ostream& out) {
  out << "Id,Label,Part,EntityType,Concept\n";
  for (uint32_t i = 0; i < net.holders.size(); ++i) {
    out << HolderNodeId(net, i) << ',' << CsvField(net.holders[i].name) << ",holder,"
        << CsvField(schema::EntityTypeName(net.holders[i].type)) << ",\n";
  }
  for (uint32_t i = 0; i < net.propositions.size(); ++i) {
    out << PropNodeId(net, i) << ',' << CsvField(net.propositions[i].text) << ",proposition,,"
        << CsvField(net.propositions[i].concept_name) << '\n';
  }
}

}  // namespace

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

namespace {

// One dispatch for both kinds of network: the writers are overloaded.
template <typename Network>
absl::Status WriteAnyNetwork(const Network& net, NetworkFormat format, std::ostream& out) {
  switch (format) {
    case NetworkFormat::kGraphml:
      WriteGraphml(net, out);
      break;
    case NetworkFormat::kDot:
      WriteDot(net, out);
      break;
    case NetworkFormat::kCsv:
      WriteCsv(net, out);
      break;
    case NetworkFormat::kCsvNodes:
      WriteCsvNodes(net, out);
      break;
  }
  if (!out) return absl::UnavailableError("could not write the network (output failed)");
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteNetwork(const HolderNetwork& net, NetworkFormat format, std::ostream& out) {
  return WriteAnyNetwork(net, format, out);
}

absl::Status WriteNetwork(const BipartiteNetwork& net, NetworkFormat format, std::ostream& out) {
  return WriteAnyNetwork(net, format, out);
}

}  // namespace stancegraph::query
