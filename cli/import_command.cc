#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli_common.h"
#include "conventions.h"
#include "interrupt.h"
#include "nlohmann/json.hpp"
#include "output.h"
#include "stancegraph/engine/storage_fault.h"
#include "stancegraph/importers/formats.h"
#include "stancegraph/importers/import.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::cli {
namespace {

struct ImportArgs {
  std::string db_path;
  std::string format = "auto";
  std::string published;
  std::string extractor;
  int extractor_timeout = 60;
  importers::SourceOptions limits;
  bool bulk = false;
  bool no_bulk = false;
  bool quiet = false;
  std::string summary_format = "table";
  size_t max_errors_shown = 50;
  std::vector<std::string> paths;
};

std::string Summary(const importers::ImportSummary& s) {
  std::string text = absl::StrFormat(
      "%d documents imported (%d already present), %d claim mentions, %d errors, %.1f MB in "
      "%.2f s",
      s.documents_written, s.documents_skipped, s.mentions_written, s.errors,
      s.bytes_read / 1e6, s.seconds);
  if (s.documents_deleted > 0) {
    absl::StrAppend(&text, ", ", s.documents_deleted,
                    " skipped-deleted (deleted by a correction; `stancegraph correct list`)");
  }
  if (s.files_skipped > 0) {
    absl::StrAppend(&text, ", skipped ", s.files_skipped,
                    s.files_skipped == 1 ? " file" : " files");
  }
  return text;
}

// The terminal line while an import runs: how far through the input, how
// fast, and what has been stored.
std::string Progress(const importers::ImportSummary& s) {
  std::string where = absl::StrFormat("%.1f MB", s.bytes_read / 1e6);
  if (s.size_known && s.bytes_total > 0) {
    const double done = std::min(1.0, static_cast<double>(s.bytes_read) / s.bytes_total);
    absl::StrAppendFormat(&where, " of %.1f MB (%d%%)", s.bytes_total / 1e6,
                          static_cast<int>(done * 100));
  }
  if (s.seconds > 0.5) absl::StrAppendFormat(&where, ", %.1f MB/s", s.bytes_read / 1e6 / s.seconds);
  return absl::StrFormat("%s: %d documents imported (%d already present), %d claim mentions, %d errors",
                         where, s.documents_written, s.documents_skipped, s.mentions_written,
                         s.errors);
}

nlohmann::json SummaryJson(const importers::ImportSummary& s) {
  return {{"files", s.files},
          {"files_skipped", s.files_skipped},
          {"documents_read", s.documents_read},
          {"documents_imported", s.documents_written},
          {"documents_already_present", s.documents_skipped},
          {"documents_skipped_deleted", s.documents_deleted},
          {"mentions", s.mentions_written},
          {"errors", s.errors},
          {"bytes_read", s.bytes_read},
          {"seconds", std::round(s.seconds * 1000) / 1000},
          {"interrupted", s.interrupted}};
}

void Run(const ImportArgs& args) {
  importers::ImportOptions options;
  options.format = args.format;
  options.source = args.limits;
  options.source.extractor_command = args.extractor;
  options.source.extractor_timeout_seconds = args.extractor_timeout;
  if (!args.published.empty()) {
    auto t = schema::ParseTime(args.published);
    if (!t.ok()) {
      ExitCode() = PrintError(absl::InvalidArgumentError(
          absl::StrCat("--published: ", t.status().message())));
      return;
    }
    options.source.published = *t;
  }
  bool bulk = args.bulk;
  if (!args.bulk && !args.no_bulk) {
    // Large claim files load several times faster through the bulk path;
    // articles and small additions take the ordinary one.
    importers::BulkChoice choice = importers::ChooseBulk(args.paths, args.format, args.db_path);
    bulk = choice.bulk;
    if (bulk && !args.quiet) std::cerr << "loading in bulk: " << choice.reason << "\n";
  }
  options.bulk = bulk;
  InterruptGuard interrupt;
  options.stop = interrupt.flag();
  auto db = OpenForWriting(args.db_path, bulk);
  if (!db.ok()) {
    ExitCode() = PrintError(engine::ExplainStorageFault(
        db.status(), "Nothing was imported and the database is as it was"));
    return;
  }
  const bool quiet = args.quiet || Quiet();
  const bool tty = isatty(STDERR_FILENO) && !quiet;
  size_t shown = 0;
  auto on_error = [&](const importers::ImportError& e) {
    if (e.skipped) {
      if (quiet) return;
      if (tty) std::cerr << "\r\033[K";
      std::cerr << "note: " << e.file << ": " << e.message << "\n";
      return;
    }
    if (shown++ >= args.max_errors_shown) return;
    if (tty) std::cerr << "\r\033[K";
    if (e.line > 0) std::cerr << e.file << ":" << e.line << ": " << e.message << "\n";
    else std::cerr << e.file << ": " << e.message << "\n";
  };
  auto on_progress = [&](const importers::ImportSummary& s) {
    if (tty) std::cerr << "\r\033[K" << Progress(s) << std::flush;
  };
  auto summary = importers::Import(**db, args.paths, options, on_error, on_progress);
  if (tty) std::cerr << "\r\033[K";
  if (!summary.ok()) {
    ExitCode() = PrintError(engine::ExplainStorageFault(
        summary.status(),
        bulk ? "The chunks stored before the failure are kept whole (the documents of the chunk "
               "being written were not stored), and running the same import again skips what "
               "is stored"
             : "The documents stored before the failure are kept whole, and running the same "
               "import again skips them"));
    return;
  }
  if (shown > args.max_errors_shown) {
    std::cerr << "... and " << shown - args.max_errors_shown << " more errors\n";
  }
  if (args.summary_format != "table") {
    PrintObject(args.summary_format, SummaryJson(*summary), std::cout);
  } else if (!quiet) {
    std::cerr << Summary(*summary) << "\n";
  }
  if (!quiet && summary->compacted) {
    std::cerr << "merged the claim indexes for faster queries\n";
  }
  if (summary->errors > 0) ExitCode() = kExitFailure;
  if (summary->interrupted) {
    // Said even with --quiet: the user asked to stop and must know what is kept.
    std::cerr << absl::StrFormat(
        "interrupted: %d documents and %d claim mentions are stored, each document whole; the "
        "rest was not read. Run the same command again to continue: stored documents are "
        "skipped.\n",
        summary->documents_written, summary->mentions_written);
    ExitCode() = interrupt.ExitStatus();
  }
}

}  // namespace

void AddImportCommand(CLI::App& app) {
  static ImportArgs args;
  auto* cmd = app.add_subcommand(
      "import", "Read articles or pre-extracted claims into the database");
  AddDbOption(cmd, &args.db_path);
  std::vector<std::string> formats = importers::FormatNames();
  formats.insert(formats.begin(), "auto");
  cmd->add_option("--format", args.format,
                  "Input format: " + absl::StrJoin(formats, ", ") +
                      " (auto picks per file by name and content)")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  cmd->add_option("--published", args.published,
                  "Published time for every document read (RFC 3339), overriding the input's");
  cmd->add_option("--extractor", args.extractor,
                  "Run this program instead of the built-in extractor: document JSON on stdin, "
                  "claims JSONL on stdout");
  cmd->add_option("--lexicon", args.limits.lexicon_dir,
                  "Read the built-in extractor's lexicons from DIR instead of the shipped set "
                  "(default: $STANCEGRAPH_LEXICON_DIR, else share/stancegraph/lexicons beside "
                  "the program); $STANCEGRAPH_LEXICONS still adds to it")
      ->type_name("DIR");
  cmd->add_option("--extractor-timeout", args.extractor_timeout,
                  "Seconds the external extractor may take per document")
      ->capture_default_str();
  cmd->add_option("--extractor-max-output-bytes", args.limits.extractor_max_output_bytes,
                  "Bytes the external extractor may print per document, e.g. 64MiB (0 = no limit)")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("64MiB");
  cmd->add_option("--extractor-max-memory", args.limits.extractor_max_memory_bytes,
                  "Address space the external extractor may use, e.g. 2GiB (0 = no limit)")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("2GiB");
  cmd->add_option("--extractor-max-claims", args.limits.extractor_max_claims,
                  "Claims the external extractor may print per document (0 = no limit)")
      ->capture_default_str();
  cmd->add_option("--max-document-bytes", args.limits.max_document_bytes,
                  "Report and skip documents (and single lines) longer than this")
      ->check(NotNegative())
      ->capture_default_str();
  cmd->add_option("--max-sentence-bytes", args.limits.max_sentence_bytes,
                  "Cut longer sentences into pieces before extraction (0 = no limit)")
      ->check(NotNegative())
      ->capture_default_str();
  cmd->add_option("--max-html-depth", args.limits.max_html_depth,
                  "Report and skip HTML pages and feeds nested deeper than this")
      ->check(NotNegative())
      ->capture_default_str();
  auto* bulk = cmd->add_flag(
      "--bulk", args.bulk,
      "Load faster without a write-ahead log (a crash loses the unflushed part of this import, "
      "never half a document). Default: chosen by itself for claim files of 8 MiB or more "
      "that are large beside the store");
  cmd->add_flag("--no-bulk", args.no_bulk, "Never load in bulk, however large the input")
      ->excludes(bulk);
  cmd->add_flag("-q,--quiet", args.quiet, "No progress, notes or summary on stderr");
  cmd->add_option("--summary-format", args.summary_format,
                  "table (on stderr), or json, jsonl or csv (on stdout)")
      ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}))
      ->capture_default_str();
  cmd->add_option("paths", args.paths, "Files, directories (recursively) or - for stdin")
      ->required();
  cmd->callback([] { Run(args); });
}

}  // namespace stancegraph::cli
