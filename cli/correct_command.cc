// `stancegraph correct`: hand corrections of what the extractor got wrong,
// kept as records (engine/corrections.h) and applied by rebuilding the store
// without extracting again (reextract with extract = false).
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "cli_common.h"
#include "conventions.h"
#include "output.h"
#include "query_common.h"
#include "stancegraph/engine/corrections.h"
#include "stancegraph/reextract/reextract.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/strings.h"

namespace stancegraph::cli {
namespace {

using engine::Correction;
using engine::CorrectionKind;

// Options every subcommand that makes or undoes a correction has.
struct Common {
  std::string db_path;
  std::string by;
  std::string why;
};

void AddCommon(CLI::App* cmd, Common* c, bool with_why = true) {
  AddDbOption(cmd, &c->db_path);
  cmd->add_option("--by", c->by, "Who makes the change (default: $USER)");
  if (with_why) cmd->add_option("--why", c->why, "Why: kept with the correction, shown by `list`");
}

std::string Who(const Common& c) {
  if (!c.by.empty()) return c.by;
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? std::string(user) : std::string("unknown");
}

absl::StatusOr<std::unique_ptr<engine::Database>> OpenStore(const std::string& db_path) {
  return engine::Database::Open({.create_if_missing = false}, db_path);
}

// An entity by id (16 hex digits), canonical name or alias.
absl::StatusOr<schema::Entity> ResolveEntity(engine::Database& db, const std::string& text) {
  if (auto id = schema::ParseId(text)) {
    auto e = db.GetEntity(*id);
    if (e.ok() || !absl::IsNotFound(e.status())) return e;
  }
  auto e = db.FindEntity(text);
  if (absl::IsNotFound(e.status())) {
    return absl::NotFoundError(
        absl::StrCat(db.path(), ": no entity named \"", text, "\" (`export entities` lists them)"));
  }
  return e;
}

// A proposition by id or by its text (one scan of the propositions when
// the text is not a key).
absl::StatusOr<schema::Proposition> ResolveProposition(engine::Database& db,
                                                       const std::string& text) {
  for (std::optional<uint64_t> id :
       {schema::ParseId(text), std::optional<uint64_t>(schema::MakePropositionId(text))}) {
    if (!id) continue;
    auto p = db.GetProposition(*id);
    if (p.ok() || !absl::IsNotFound(p.status())) return p;
  }
  const std::string key = schema::NormalizeKey(text);
  std::vector<schema::Proposition> found;
  auto it = db.Propositions();
  for (; it->Valid(); it->Next()) {
    if (schema::NormalizeKey(it->value().text) == key) found.push_back(it->value());
  }
  SG_RETURN_IF_ERROR(it->status());
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    return absl::NotFoundError(absl::StrCat(db.path(), ": no proposition \"", text,
                                            "\" (`export propositions` lists them)"));
  }
  std::string ids;
  for (const auto& p : found)
    absl::StrAppend(&ids, ids.empty() ? "" : ", ", schema::FormatId(p.id));
  return UsageError(absl::StrCat("\"", text, "\" is the text of ", found.size(), " propositions (",
                                 ids, "): give one's id"));
}

// Refuses a mention that is not stored.
absl::Status RequireMention(engine::Database& db, const std::string& name) {
  schema::DocumentId doc = 0;
  uint32_t ordinal = 0;
  SG_RETURN_IF_ERROR(engine::ParseMentionName(name, &doc, &ordinal));
  SG_ASSIGN_OR_RETURN(auto record, db.GetCorrectedDocument(doc));
  if (record && record->deleted) {
    return absl::FailedPreconditionError(
        absl::StrCat("mention ", name, ": its document is deleted (`correct list`)"));
  }
  uint32_t count = 0;
  auto it = db.ScanByDocument(doc);
  for (; it->Valid(); it->Next()) {
    SG_ASSIGN_OR_RETURN(schema::Mention m, it->mention());
    if (m.ordinal == ordinal) return absl::OkStatus();
    ++count;
  }
  SG_RETURN_IF_ERROR(it->status());
  return absl::NotFoundError(absl::StrCat(db.path(), ": no mention ", name, " (document ",
                                          schema::FormatId(doc), " has ", count,
                                          " stored mentions; `export claims` prints doc.id "
                                          "and ordinal)"));
}

// Rebuilds the store so the corrections take effect.
absl::Status Apply(const std::string& db_path) {
  reextract::ReextractOptions options{.extract = false};
  SG_ASSIGN_OR_RETURN(reextract::ReextractSummary s, reextract::Reextract(db_path, options));
  if (!Quiet()) {
    std::cerr << absl::StrFormat(
        "store rebuilt with the corrections: %d documents (%d deleted), %d claim mentions "
        "before, %d after\n",
        s.documents, s.deleted, s.mentions_before, s.mentions_after);
  }
  return absl::OkStatus();
}

// Records `corrections` (made by `make` on the open store), then applies them.
absl::Status Record(
    const Common& common,
    const std::function<absl::StatusOr<std::vector<Correction>>(engine::Database&)>& make) {
  {
    SG_ASSIGN_OR_RETURN(auto db, OpenStore(common.db_path));
    SG_ASSIGN_OR_RETURN(std::vector<Correction> made, make(*db));
    for (Correction& c : made) {
      c.who = Who(common);
      c.why = common.why;
      SG_ASSIGN_OR_RETURN(c, db->AddCorrection(std::move(c)));
      std::cout << c.id << "\n";
      if (!Quiet()) {
        std::cerr << "correction " << c.id << ": " << engine::CorrectionKindName(c.kind) << " "
                  << c.target << (c.value.empty() ? "" : " -> ") << c.value << "\n";
      }
    }
  }
  return Apply(common.db_path);
}

// Marks `c` undone and applies the rest.
absl::Status Undo(const Common& common,
                  const std::function<absl::StatusOr<Correction>(engine::Database&)>& find) {
  {
    SG_ASSIGN_OR_RETURN(auto db, OpenStore(common.db_path));
    SG_ASSIGN_OR_RETURN(Correction c, find(*db));
    c.undone = absl::ToUnixMicros(absl::Now());
    c.undone_by = Who(common);
    SG_RETURN_IF_ERROR(db->PutCorrection(c));
    if (!Quiet()) {
      std::cerr << "correction " << c.id << " (" << engine::CorrectionKindName(c.kind) << " "
                << c.target << ") undone\n";
    }
  }
  return Apply(common.db_path);
}

void Finish(const absl::Status& s) {
  if (!s.ok()) ExitCode() = PrintError(s);
}

nlohmann::json CorrectionJson(const Correction& c) {
  return {{"id", c.id},
          {"kind", std::string(engine::CorrectionKindName(c.kind))},
          {"target", c.target},
          {"value", c.value},
          {"who", c.who},
          {"when", querycmd::TimeJson(c.when)},
          {"why", c.why},
          {"status", c.active() ? "active" : "undone"},
          {"undone", c.active() ? nlohmann::json(nullptr) : querycmd::TimeJson(c.undone)},
          {"undone_by", c.undone_by}};
}

absl::Status List(const std::string& db_path, const std::string& format) {
  SG_RETURN_IF_ERROR(RequireFormat(format, {"table", "json", "jsonl", "csv"}, "correct list"));
  SG_ASSIGN_OR_RETURN(auto db, OpenForReading(db_path));
  SG_ASSIGN_OR_RETURN(std::vector<Correction> all, db->ListCorrections());
  ListPrinter out(format, {"id", "kind", "target", "value", "who", "when", "status", "why"},
                  std::cout);
  out.SetCsvColumns(
      {"id", "kind", "target", "value", "who", "when", "status", "why", "undone", "undone_by"});
  for (const Correction& c : all) {
    std::vector<std::string> cells = {std::to_string(c.id),
                                      std::string(engine::CorrectionKindName(c.kind)),
                                      c.target,
                                      c.value,
                                      c.who,
                                      querycmd::TimeText(c.when),
                                      c.active() ? "active" : "undone",
                                      c.why};
    std::vector<std::string> csv = cells;
    csv.push_back(c.active() ? "" : querycmd::TimeText(c.undone));
    csv.push_back(c.undone_by);
    out.Add(CorrectionJson(c), std::move(cells), std::move(csv));
  }
  out.Finish();
  return absl::OkStatus();
}

Correction Make(CorrectionKind kind, std::string target, std::string value = "") {
  return {.kind = kind, .target = std::move(target), .value = std::move(value)};
}

void AddEntityCommands(CLI::App* correct) {
  static Common merge;
  static std::string keep, gone;
  auto* cmd =
      correct->add_subcommand("merge-entities",
                              "Treat entity B as entity A: B's mentions get A as holder, B's names "
                              "become A's aliases (split-entity undoes it)");
  cmd->add_option("A", keep, "The entity that stays (name, alias or id)")->required();
  cmd->add_option("B", gone, "The entity merged into it")->required();
  AddCommon(cmd, &merge);
  cmd->callback([] {
    Finish(Record(merge, [](engine::Database& db) -> absl::StatusOr<std::vector<Correction>> {
      SG_ASSIGN_OR_RETURN(schema::Entity a, ResolveEntity(db, keep));
      SG_ASSIGN_OR_RETURN(schema::Entity b, ResolveEntity(db, gone));
      if (a.id == b.id) {
        return UsageError(absl::StrCat("\"", keep, "\" and \"", gone, "\" are one entity already"));
      }
      Correction c =
          Make(CorrectionKind::kMergeEntities, schema::FormatId(b.id), schema::FormatId(a.id));
      c.entity = a;
      return std::vector<Correction>{c};
    }));
  });

  static Common split;
  static std::string split_a, split_b;
  cmd =
      correct->add_subcommand("split-entity", "Undo merge-entities A B: B is its own entity again");
  cmd->add_option("A", split_a, "The entity B was merged into")->required();
  cmd->add_option("B", split_b, "The merged entity: its name or id")->required();
  AddCommon(cmd, &split, /*with_why=*/false);
  cmd->callback([] {
    Finish(Undo(split, [](engine::Database& db) -> absl::StatusOr<Correction> {
      SG_ASSIGN_OR_RETURN(schema::Entity a, ResolveEntity(db, split_a));
      const uint64_t b = schema::ParseId(split_b).value_or(schema::MakeEntityId(split_b));
      SG_ASSIGN_OR_RETURN(std::vector<Correction> all, db.ListCorrections());
      for (auto c = all.rbegin(); c != all.rend(); ++c) {
        if (c->active() && c->kind == CorrectionKind::kMergeEntities &&
            c->value == schema::FormatId(a.id) && c->target == schema::FormatId(b)) {
          return *c;
        }
      }
      return absl::NotFoundError(absl::StrCat("no active merge of \"", split_b, "\" into \"",
                                              split_a, "\" (`correct list`)"));
    }));
  });

  static Common rename;
  static std::string entity, name;
  cmd = correct->add_subcommand(
      "rename-entity", "Give an entity another canonical name (the old one becomes an alias)");
  cmd->add_option("ENTITY", entity, "Name, alias or id")->required();
  cmd->add_option("NAME", name, "The new canonical name")->required();
  AddCommon(cmd, &rename);
  cmd->callback([] {
    Finish(Record(rename, [](engine::Database& db) -> absl::StatusOr<std::vector<Correction>> {
      SG_ASSIGN_OR_RETURN(schema::Entity e, ResolveEntity(db, entity));
      if (name.empty()) return UsageError("the new name is empty");
      return std::vector<Correction>{
          Make(CorrectionKind::kRenameEntity, schema::FormatId(e.id), name)};
    }));
  });
}

void AddDocumentCommands(CLI::App* correct) {
  static Common del;
  static std::string doc;
  auto* cmd = correct->add_subcommand(
      "delete-document",
      "Remove a document with all its claims and mentions; it stays deleted when imported "
      "again (undo brings it back)");
  cmd->add_option("DOC", doc, "Document id (16 hex digits, as `export documents` prints it)")
      ->required();
  AddCommon(cmd, &del);
  cmd->callback([] {
    Finish(Record(del, [](engine::Database& db) -> absl::StatusOr<std::vector<Correction>> {
      auto id = schema::ParseId(doc);
      if (!id) return UsageError(absl::StrCat("\"", doc, "\" is not a document id"));
      SG_ASSIGN_OR_RETURN(bool stored, db.HasDocument(*id));
      if (!stored) {
        return absl::NotFoundError(absl::StrCat(db.path(), ": no document ", doc));
      }
      return std::vector<Correction>{Make(CorrectionKind::kDeleteDocument, schema::FormatId(*id))};
    }));
  });

  static Common retract;
  static std::string retracted;
  cmd = correct->add_subcommand("retract", "Drop one mention: it is not a claim");
  cmd->add_option("MENTION", retracted, "<document id>:<ordinal>, as `export claims` prints them")
      ->required();
  AddCommon(cmd, &retract);
  cmd->callback([] {
    Finish(Record(retract, [](engine::Database& db) -> absl::StatusOr<std::vector<Correction>> {
      SG_RETURN_IF_ERROR(RequireMention(db, retracted));
      return std::vector<Correction>{Make(CorrectionKind::kRetractMention, retracted)};
    }));
  });
}

void AddMentionCommands(CLI::App* correct) {
  static Common common;
  static std::string mention, holder, proposition;
  static std::optional<int> polarity;
  auto* cmd = correct->add_subcommand(
      "mention", "Correct one mention's holder, polarity or proposition (one correction each)");
  cmd->add_option("MENTION", mention, "<document id>:<ordinal>, as `export claims` prints them")
      ->required();
  cmd->add_option("--holder", holder,
                  "Who holds it: an entity's name, alias or id (a new name makes a new entity)");
  cmd->add_option("--polarity", polarity, "1 supports, -1 rejects, 0 neutral report")
      ->check(CLI::Range(-1, 1));
  cmd->add_option("--proposition", proposition,
                  "What is claimed: a proposition's id or text (new text makes a new "
                  "proposition)");
  AddCommon(cmd, &common);
  cmd->callback([] {
    Finish(Record(common, [](engine::Database& db) -> absl::StatusOr<std::vector<Correction>> {
      if (holder.empty() && !polarity && proposition.empty()) {
        return UsageError("say what to correct: --holder, --polarity or --proposition");
      }
      SG_RETURN_IF_ERROR(RequireMention(db, mention));
      std::vector<Correction> out;
      if (!holder.empty()) {
        auto e = ResolveEntity(db, holder);
        if (!e.ok() && !absl::IsNotFound(e.status())) return e.status();
        if (!e.ok()) e = schema::Entity{.id = schema::MakeEntityId(holder), .name = holder};
        Correction c = Make(CorrectionKind::kMentionHolder, mention, schema::FormatId(e->id));
        c.entity = *e;
        out.push_back(std::move(c));
      }
      if (polarity) {
        out.push_back(Make(CorrectionKind::kMentionPolarity, mention, std::to_string(*polarity)));
      }
      if (!proposition.empty()) {
        auto p = ResolveProposition(db, proposition);
        if (!p.ok() && !absl::IsNotFound(p.status())) return p.status();
        if (!p.ok()) {
          p = schema::Proposition{.id = schema::MakePropositionId(proposition),
                                  .text = proposition,
                                  .key = schema::NormalizeKey(proposition)};
        }
        Correction c = Make(CorrectionKind::kMentionProposition, mention, schema::FormatId(p->id));
        c.proposition = *p;
        out.push_back(std::move(c));
      }
      return out;
    }));
  });

  static Common attach;
  static std::string from, to;
  cmd = correct->add_subcommand("attach-proposition",
                                "Treat proposition P as Q: every claim on P is on Q");
  cmd->add_option("P", from, "Proposition id or text")->required();
  cmd->add_option("Q", to, "The proposition it is the same as: id or text")->required();
  AddCommon(cmd, &attach);
  cmd->callback([] {
    Finish(Record(attach, [](engine::Database& db) -> absl::StatusOr<std::vector<Correction>> {
      SG_ASSIGN_OR_RETURN(schema::Proposition p, ResolveProposition(db, from));
      SG_ASSIGN_OR_RETURN(schema::Proposition q, ResolveProposition(db, to));
      if (p.id == q.id) return UsageError("P and Q are one proposition already");
      Correction c =
          Make(CorrectionKind::kAttachProposition, schema::FormatId(p.id), schema::FormatId(q.id));
      c.proposition = q;
      return std::vector<Correction>{c};
    }));
  });
}

void AddBookkeepingCommands(CLI::App* correct) {
  static std::string list_db, format = "table";
  auto* cmd = correct->add_subcommand("list", "Every correction, undone ones included");
  AddDbOption(cmd, &list_db);
  cmd->add_option("--format", format, "table, json, jsonl or csv (docs/output-formats.md)")
      ->capture_default_str();
  cmd->callback([] { Finish(List(list_db, format)); });

  static Common undo;
  static uint64_t id = 0;
  cmd = correct->add_subcommand(
      "undo", "Undo a correction: what it changed is as the extractor made it again");
  cmd->add_option("ID", id, "The correction's id (`correct list`)")->required();
  AddCommon(cmd, &undo, /*with_why=*/false);
  cmd->callback([] {
    Finish(Undo(undo, [](engine::Database& db) -> absl::StatusOr<Correction> {
      SG_ASSIGN_OR_RETURN(std::vector<Correction> all, db.ListCorrections());
      for (const Correction& c : all) {
        if (c.id != id) continue;
        if (!c.active()) {
          return absl::FailedPreconditionError(
              absl::StrCat("correction ", id, " is undone already"));
        }
        return c;
      }
      return absl::NotFoundError(absl::StrCat(db.path(), ": no correction ", id));
    }));
  });

  static std::string apply_db;
  cmd = correct->add_subcommand(
      "apply",
      "Rebuild the store with every correction (each command does this itself; "
      "for after an interrupted one)");
  AddDbOption(cmd, &apply_db);
  cmd->callback([] { Finish(Apply(apply_db)); });
}

}  // namespace

void AddCorrectCommand(CLI::App& app) {
  auto* correct = app.add_subcommand(
      "correct",
      "Correct the extractor by hand (merge, rename, delete, retract, re-attribute); "
      "corrections are kept, survive reextract and re-import, and can be undone");
  AddVersionFlag(correct);
  correct->require_subcommand(1);
  AddEntityCommands(correct);
  AddDocumentCommands(correct);
  AddMentionCommands(correct);
  AddBookkeepingCommands(correct);
}

}  // namespace stancegraph::cli
