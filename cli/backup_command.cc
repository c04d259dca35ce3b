// `stancegraph backup DIR`: a consistent copy of the database.
#include <iostream>

#include "cli_common.h"
#include "stancegraph/engine/backup.h"
#include "stancegraph/engine/locked.h"
#include "stancegraph/engine/storage_fault.h"

namespace stancegraph::cli {
namespace {

struct BackupArgs {
  std::string db_path;
  std::string dir;
};

// The writer's own checkpoint when the database is free; a copy of a
// read-only view when an import in another process holds the write lock.
void Run(const BackupArgs& args) {
  auto db = engine::Database::Open({.create_if_missing = false}, args.db_path);
  bool copied = false;
  if (!db.ok() && engine::IsLocked(db.status())) {
    db = OpenForReading(args.db_path);
    copied = true;
  }
  if (!db.ok()) {
    ExitCode() = PrintError(engine::ExplainStorageFault(
        db.status(), "No backup was made and " + args.db_path + " is as it was"));
    return;
  }
  if (auto s = engine::Backup(**db, args.dir); !s.ok()) {
    ExitCode() = PrintError(
        engine::ExplainStorageFault(s, "No backup was made (nothing is left at " + args.dir +
                                           ") and " + args.db_path + " is unchanged"));
    return;
  }
  std::cerr << "backed up " << args.db_path << " to " << args.dir
            << (copied ? " (another process is writing: copied the documents stored when the "
                         "backup began)"
                       : "")
            << "\n";
}

}  // namespace

void AddBackupCommand(CLI::App& app) {
  static BackupArgs args;
  auto* cmd = app.add_subcommand(
      "backup",
      "Write a consistent copy of the database to DIR (a RocksDB checkpoint; while an import "
      "runs, a copy of what was stored when the backup began)");
  AddDbOption(cmd, &args.db_path);
  cmd->add_option("dir", args.dir, "Where to write the backup; must not exist")->required();
  cmd->callback([] { Run(args); });
}

}  // namespace stancegraph::cli
