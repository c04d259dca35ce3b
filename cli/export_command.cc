#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "cli_common.h"
#include "nlohmann/json.hpp"
#include "output.h"
#include "stancegraph/engine/storage_fault.h"
#include "stancegraph/schema/json_codec.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::cli {
namespace {

// Prints records as JSON lines, or as one JSON array.
class RecordPrinter {
 public:
  explicit RecordPrinter(const std::string& format) : array_(format == "json") {
    if (array_) std::cout << "[";
  }
  void Add(const nlohmann::json& j) { Add(Dump(j)); }
  // `text`: one serialised JSON object.
  void Add(const std::string& text) {
    if (array_ && n_ > 0) std::cout << ",\n";
    std::cout << text;
    if (!array_) std::cout << "\n";
    ++n_;
    if (!std::cout && error_ == 0) error_ = errno != 0 ? errno : EIO;
  }
  // OK, or a storage fault when stdout could not take everything (a full
  // disk under a redirection).
  absl::Status Finish() {
    if (array_) std::cout << "]\n";
    std::cout.flush();
    if (std::cout) return absl::OkStatus();
    const int error = error_ != 0 ? error_ : errno;
    return engine::ExplainStorageFault(
        engine::MarkStorageFault(
            absl::UnavailableError(absl::StrCat("could not write the export to stdout: ",
                                                error != 0 ? std::strerror(error) : "write error")),
            error == ENOSPC),
        "What was written is incomplete: remove it; the database is unchanged");
  }

 private:
  bool array_;
  size_t n_ = 0;
  int error_ = 0;  // errno of the first failed write
};

// One line per claim mention, in the order they were stored.
absl::Status ExportClaims(engine::Database& db, RecordPrinter& out) {
  auto snapshot = db.GetSnapshot();
  engine::ReadOptions ro{.snapshot = snapshot.get()};
  absl::flat_hash_map<schema::EntityId, schema::Entity> entities;
  absl::flat_hash_map<schema::PropositionId, schema::Proposition> props;
  schema::Document doc;  // mentions of one document are stored together
  std::optional<engine::CorrectedDocument> corrected;  // what corrections changed in it
  auto it = db.ScanByIngest(0, {.snapshot = snapshot.get()});
  for (; it->Valid(); it->Next()) {
    const engine::MentionRef& ref = it->ref();
    schema::ClaimRecord r;
    SG_ASSIGN_OR_RETURN(r.mention, it->mention());
    if (doc.id != r.mention.document) {
      SG_ASSIGN_OR_RETURN(doc, db.GetDocument(r.mention.document, ro));
      doc.text.clear();
      SG_ASSIGN_OR_RETURN(corrected, db.GetCorrectedDocument(doc.id, ro));
    }
    r.document = doc;
    auto e = entities.find(ref.holder);
    if (e == entities.end()) {
      SG_ASSIGN_OR_RETURN(auto entity, db.GetEntity(ref.holder, ro));
      e = entities.emplace(ref.holder, std::move(entity)).first;
    }
    r.holder = e->second;
    auto p = props.find(ref.proposition);
    if (p == props.end()) {
      SG_ASSIGN_OR_RETURN(auto prop, db.GetProposition(ref.proposition, ro));
      p = props.emplace(ref.proposition, std::move(prop)).first;
    }
    r.proposition = p->second;
    r.claim = {.id = ref.claim(),
               .holder = ref.holder,
               .proposition = ref.proposition,
               .polarity = ref.polarity};
    // "corrected": the ids of the hand corrections that changed this
    // mention; only on corrected ones, so other lines read as before.
    std::vector<uint64_t> ids;
    if (corrected) ids = corrected->AppliedTo(r.mention.ordinal);
    std::string line = schema::ClaimRecordToJson(r);
    nlohmann::json j;
    if (!ids.empty()) j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_object()) {
      j["corrected"] = ids;
      out.Add(j);
    } else {
      out.Add(line);
    }
  }
  SG_RETURN_IF_ERROR(it->status());
  return out.Finish();
}

template <typename T, typename ToJson>
absl::Status ExportRecords(std::unique_ptr<engine::RecordIterator<T>> it, ToJson to_json,
                           RecordPrinter& out) {
  for (; it->Valid(); it->Next()) out.Add(to_json(it->value()));
  SG_RETURN_IF_ERROR(it->status());
  return out.Finish();
}

void AddKind(CLI::App* exp, const std::string& kind, const std::string& help) {
  auto* cmd = exp->add_subcommand(kind, help);
  // Owned by the callback, so it lives as long as the command.
  auto db_path = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("jsonl");
  AddDbOption(cmd, db_path.get());
  cmd->add_option("--format", *format,
                  "jsonl (one record per line) or json (one array); records nest, so no "
                  "table or csv")
      ->capture_default_str();
  cmd->callback([kind, db_path, format] {
    if (absl::Status f = RequireFormat(*format, {"jsonl", "json"}, "export " + kind); !f.ok()) {
      ExitCode() = PrintError(f);
      return;
    }
    auto db = OpenForReading(*db_path);
    if (!db.ok()) {
      ExitCode() = PrintError(db.status());
      return;
    }
    RecordPrinter out(*format);
    absl::Status s;
    if (kind == "claims") {
      s = ExportClaims(**db, out);
    } else if (kind == "entities") {
      s = ExportRecords((*db)->Entities(), schema::EntityToJson, out);
    } else if (kind == "propositions") {
      s = ExportRecords((*db)->Propositions(), schema::PropositionToJson, out);
    } else {
      s = ExportRecords((*db)->Documents(),
                        [](const schema::Document& d) { return schema::DocumentToJson(d, true); }, out);
    }
    if (!s.ok()) ExitCode() = PrintError(s);
  });
}

}  // namespace

void AddExportCommand(CLI::App& app) {
  auto* exp = app.add_subcommand("export", "Print the database's contents as JSON lines");
  AddVersionFlag(exp);
  exp->require_subcommand(1);
  AddKind(exp, "claims",
          "One line per claim mention: holder, polarity, proposition, quote spans, document");
  AddKind(exp, "entities", "One line per entity: name, type, aliases, roles");
  AddKind(exp, "propositions", "One line per proposition: text, subject, relation, object");
  AddKind(exp, "documents", "One line per document, with its text");
  AddExportNetworkCommand(*exp);
}

}  // namespace stancegraph::cli
