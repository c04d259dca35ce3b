// `stancegraph report`: the periodic contradiction report (query/report.h)
// as Markdown, HTML or JSON, on stdout or into a file.
//
// --since-last and the watermark. The report is built from a read-only
// opening, which works while an import holds the write lock; the report
// covers what was stored when it was opened. Only after the whole report was
// written (the file fsynced and renamed into place, or stdout flushed without
// error) is the database opened for writing, briefly, to move the profile's
// watermark to where the report ended. If an import still holds the lock
// after a few tries, the report stands but the watermark stays where it was:
// a warning says so and the exit code is 1, and the next --since-last report
// covers these findings again (nothing is lost, some may repeat). The
// watermark only moves forward, so two reports finishing in any order leave
// the later end.
#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cli_common.h"
#include "stancegraph/engine/atomic_file.h"
#include "stancegraph/engine/locked.h"
#include "stancegraph/engine/storage_fault.h"
#include "stancegraph/query/report.h"
#include "stancegraph/query/report_render.h"
#include "stancegraph/query/report_watermark.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::cli {
namespace {

struct ReportArgs {
  std::string db_path;
  bool since_last = false;
  std::string since;
  std::string name = "default";
  std::string format = "md";
  std::string out;
  std::string now;
  size_t top = 10;
  size_t quotes = 2;
  std::string level;
  bool by_concept = false;
  bool as_stated = false;
  int lock_retries = 5;
};

absl::Status ErrnoError(const std::string& what) {
  const int error = errno;
  return engine::MarkStorageFault(
      absl::UnavailableError(absl::StrCat(what, ": ", std::strerror(error))), error == ENOSPC);
}

absl::Status WriteReport(const ReportArgs& a, const std::string& content) {
  if (!a.out.empty()) return engine::WriteFileAtomically(a.out, content);
  std::cout << content;
  std::cout.flush();
  if (!std::cout) return ErrnoError("could not write the report to stdout");
  return absl::OkStatus();
}

// Opens for writing (retrying while another process holds the lock) and
// moves the watermark forward. A status engine::IsLocked accepts when it
// stayed locked.
absl::Status MoveWatermark(const ReportArgs& a, const query::Watermark& mark) {
  absl::Status last;
  for (int attempt = 0; attempt <= a.lock_retries; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(200 * attempt));
    auto db = engine::Database::Open({.create_if_missing = false}, a.db_path);
    if (db.ok()) return query::AdvanceWatermark(**db, a.name, mark).status();
    last = db.status();
    if (!engine::IsLocked(last)) return last;
  }
  return last;
}

std::string Render(const query::Report& report, const std::string& format) {
  if (format == "html") return query::RenderHtml(report);
  if (format == "json") {
    return query::ReportToJson(report).dump(2, ' ', false,
                                            nlohmann::json::error_handler_t::replace) +
           "\n";
  }
  return query::RenderMarkdown(report);
}

absl::Status Run(const ReportArgs& a) {
  SG_RETURN_IF_ERROR(query::ValidateProfileName(a.name));
  // Whole seconds: the time is shown and stored, and sub-seconds only clutter.
  schema::Timestamp now = schema::SecondsToTimestamp(absl::ToUnixSeconds(absl::Now()));
  if (!a.now.empty()) {
    auto t = schema::ParseTime(a.now);
    if (!t.ok()) return absl::InvalidArgumentError(absl::StrCat("--now: ", t.status().message()));
    now = *t;
  }
  query::ReportOptions options{.profile = a.name,
                               .generated = now,
                               .max_contested = a.top,
                               .max_actors = a.top,
                               .quotes = a.quotes,
                               .level = LevelArg(a.level),
                               .by_concept = a.by_concept,
                               .link_paraphrases = !a.as_stated};
  query::Report report;
  {
    SG_ASSIGN_OR_RETURN(auto db, OpenForReading(a.db_path));
    if (!a.since.empty()) {
      auto t = schema::ParseTime(a.since);
      if (!t.ok()) {
        return absl::InvalidArgumentError(absl::StrCat("--since: ", t.status().message()));
      }
      options.since_time = *t;
      SG_ASSIGN_OR_RETURN(options.since_sequence, db->SequenceAt(*t));
    } else if (a.since_last) {
      SG_ASSIGN_OR_RETURN(std::optional<query::Watermark> mark, query::ReadWatermark(*db, a.name));
      if (mark.has_value()) {
        options.since_sequence = mark->sequence;
        options.since_time = mark->time;
      }
    }
    SG_ASSIGN_OR_RETURN(report, query::BuildReport(*db, options));
  }  // closes the read-only view before the watermark is moved
  if (absl::Status s = WriteReport(a, Render(report, a.format)); !s.ok()) {
    return engine::ExplainStorageFault(
        s, absl::StrCat("The report was not written",
                        a.out.empty() ? "" : absl::StrCat(" (", a.out, " is as it was)"),
                        a.since_last ? " and the watermark was not moved" : ""));
  }
  if (!a.since_last) return absl::OkStatus();
  absl::Status moved = MoveWatermark(a, {.sequence = report.until_sequence, .time = now});
  if (!moved.ok() && !engine::IsLocked(moved)) {
    return engine::ExplainStorageFault(
        moved, absl::StrCat("The report was written", a.out.empty() ? "" : " to " + a.out,
                            ", but the \"", a.name,
                            "\" watermark was not moved, so the next --since-last report "
                            "covers these findings again"));
  }
  if (engine::IsLocked(moved)) {
    std::cerr << "stancegraph: warning: the report was written, but the \"" << a.name
              << "\" watermark was not moved: the database is locked by another writer (an "
                 "import?). The next --since-last report will include these findings again.\n";
    ExitCode() = kExitFailure;
    return absl::OkStatus();
  }
  return moved;
}

}  // namespace

void AddReportCommand(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Contradiction report: new contradictions and reversals since the last report (or "
      "--since), the most contested propositions and concepts, coalitions and key actors, each "
      "finding with its quotes");
  AddDbOption(cmd, &args->db_path);
  CLI::Option* last = cmd->add_flag(
      "--since-last", args->since_last,
      "New since the last report of this profile (a watermark kept in the database; moved "
      "once this report is written)");
  cmd->add_option("--since", args->since,
                  "New since this ingest time (RFC 3339, date or Unix seconds); the watermark "
                  "is left alone")
      ->excludes(last);
  cmd->add_option("--name", args->name, "Report profile; each keeps its own watermark")
      ->capture_default_str();
  cmd->add_option("--format", args->format, "md (Markdown), html (one self-contained file) or json")
      ->check(CLI::IsMember({"md", "html", "json"}))
      ->capture_default_str();
  cmd->add_option("--out", args->out,
                  "Write the report to this file instead of stdout: atomically (a temporary "
                  "file of a random name beside it, renamed over it; a link there is replaced, "
                  "not followed), with mode 0666 minus the umask");
  cmd->add_option("--now", args->now,
                  "The time shown as the report's and stored with the watermark (default: now)");
  cmd->add_option("--top", args->top,
                  "Contested propositions, concepts, coalitions and actors listed")
      ->capture_default_str();
  cmd->add_option("--quotes", args->quotes, "Quotes per holder and side")->capture_default_str();
  AddLevelOption(cmd, &args->level,
                 "as `query` does: contradictions and networks as named, reversals at the "
                 "most specific level");
  AddAsStatedFlag(cmd, &args->as_stated);
  AddByConceptFlag(cmd, &args->by_concept,
                   "Also report contradictions across a concept's propositions and the most "
                   "contested concepts, and treat a concept as one issue in the networks");
  cmd->add_option("--lock-retries", args->lock_retries,
                  "Tries to open the database for writing (to move the watermark) while an "
                  "import holds it")
      ->capture_default_str();
  cmd->callback([args] {
    absl::Status s = Run(*args);
    if (!s.ok()) ExitCode() = PrintError(s);
  });
}

}  // namespace stancegraph::cli
