// `stancegraph reextract`: rebuilds every claim from the stored documents.
#include <unistd.h>

#include <atomic>
#include <iostream>

#include "absl/strings/str_format.h"
#include "cli_common.h"
#include "interrupt.h"
#include "stancegraph/engine/storage_fault.h"
#include "stancegraph/reextract/reextract.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::cli {
namespace {

struct ReextractArgs {
  std::string db_path;
  importers::SourceOptions source;
  bool quiet = false;
  size_t max_errors_shown = 50;
};

std::string Progress(const reextract::ReextractSummary& s) {
  return absl::StrFormat("%d of %d documents (%d re-extracted, %d kept as they were)", s.done(),
                         s.documents, s.reextracted, s.kept);
}

std::string Summary(const reextract::ReextractSummary& s) {
  std::string resumed =
      s.resumed > 0 ? absl::StrFormat(", %d written by an earlier run", s.resumed) : "";
  if (s.deleted > 0) {
    resumed += absl::StrFormat(", %d deleted by corrections (`correct list`)", s.deleted);
  }
  return absl::StrFormat(
      "%d documents re-extracted, %d kept as they were%s, %d claim mentions before, %d after, "
      "%.2f s",
      s.reextracted, s.kept, resumed, s.mentions_before, s.mentions_after, s.seconds);
}

void Run(const ReextractArgs& args) {
  InterruptGuard interrupt;
  reextract::ReextractOptions options{.source = args.source, .stop = interrupt.flag()};
  const bool tty = isatty(STDERR_FILENO) && !args.quiet;
  size_t shown = 0;
  auto on_error = [&](const reextract::DocumentError& e) {
    if (shown++ >= args.max_errors_shown) return;
    if (tty) std::cerr << "\r\033[K";
    std::cerr << args.db_path << ": document " << (e.source.empty() ? "" : e.source + " ") << "("
              << schema::FormatId(e.id) << "): " << e.message
              << "; its claims are kept as they were\n";
  };
  auto on_progress = [&](const reextract::ReextractSummary& s) {
    if (tty) std::cerr << "\r\033[K" << Progress(s) << std::flush;
  };
  auto summary = reextract::Reextract(args.db_path, options, on_error, on_progress);
  if (tty) std::cerr << "\r\033[K";
  if (!summary.ok()) {
    ExitCode() = PrintError(engine::ExplainStorageFault(
        summary.status(), absl::StrCat(args.db_path,
                                       " stays as it was; the documents already rebuilt are kept "
                                       "beside it, in ",
                                       args.db_path,
                                       ".rebuild, and running the same command "
                                       "again continues from them")));
    return;
  }
  if (shown > args.max_errors_shown) {
    std::cerr << "... and " << shown - args.max_errors_shown << " more errors\n";
  }
  if (summary->finished_earlier) {
    if (!args.quiet) {
      std::cerr << "an earlier reextract had already put the rebuilt store in place at "
                << args.db_path << "; removed the old store it left beside it\n";
    }
    return;
  }
  if (summary->stopped) {
    std::cerr << absl::StrFormat(
        "stopped: %d of %d documents are in the new store being built in %s; %s stays as it "
        "was until that one is complete. Run the same command to continue.\n",
        summary->done(), summary->documents, summary->new_store, args.db_path);
    ExitCode() = interrupt.signal_number() != 0 ? interrupt.ExitStatus() : kExitFailure;
    return;
  }
  if (!args.quiet) std::cerr << Summary(*summary) << "\n";
  if (summary->errors > 0) ExitCode() = kExitFailure;
}

}  // namespace

void AddReextractCommand(CLI::App& app) {
  static ReextractArgs args;
  auto* cmd = app.add_subcommand(
      "reextract",
      "Rebuild every claim from the stored documents with the current built-in extractor and "
      "lexicons (also brings a store of an older format to this one); resumable");
  AddDbOption(cmd, &args.db_path);
  cmd->add_option("--lexicon", args.source.lexicon_dir,
                  "Lexicon directory to use instead of the shipped one")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--max-sentence-bytes", args.source.max_sentence_bytes,
                  "Cut longer sentences into pieces before extraction (0 = no limit)")
      ->check(NotNegative())
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", args.quiet, "No progress or summary on stderr");
  cmd->callback([] { Run(args); });
}

}  // namespace stancegraph::cli
