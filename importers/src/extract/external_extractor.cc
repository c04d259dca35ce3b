// An external extractor: a program run once per document, without a shell.
#include <signal.h>

#include <cctype>
#include <cstring>
#include <unordered_set>

#include "extract/subprocess.h"
#include "nlohmann/json.hpp"
#include "stancegraph/importers/extractor.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/json_codec.h"
#include "stancegraph/schema/validate.h"

namespace stancegraph::importers {
namespace {

// Splits on blanks; '...' and "..." group, backslash escapes one character.
absl::StatusOr<std::vector<std::string>> SplitCommand(const std::string& command) {
  std::vector<std::string> args;
  std::string cur;
  bool in_arg = false;
  char quote = 0;
  for (size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < command.size()) {
        cur.push_back(command[++i]);
      } else {
        cur.push_back(c);
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_arg = true;
    } else if (c == '\\' && i + 1 < command.size()) {
      cur.push_back(command[++i]);
      in_arg = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_arg) args.push_back(std::move(cur));
      cur.clear();
      in_arg = false;
    } else {
      cur.push_back(c);
      in_arg = true;
    }
  }
  if (quote != 0) return absl::InvalidArgumentError("unbalanced quote in extractor command");
  if (in_arg) args.push_back(std::move(cur));
  if (args.empty()) return absl::InvalidArgumentError("empty extractor command");
  return args;
}

std::string FormatBytes(uint64_t n) {
  if (n >= (uint64_t{1} << 30) && n % (uint64_t{1} << 30) == 0)
    return std::to_string(n >> 30) + " GiB";
  if (n >= (uint64_t{1} << 20) && n % (uint64_t{1} << 20) == 0)
    return std::to_string(n >> 20) + " MiB";
  if (n >= (uint64_t{1} << 10) && n % (uint64_t{1} << 10) == 0)
    return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

// The program's stderr for one line of an error message: lines joined with
// " | ", other control characters shown as '?' (the text is the program's,
// not ours, and goes to a terminal).
std::string StderrForMessage(const extract::SubprocessResult& run) {
  std::string text;
  bool pending_break = false;
  for (const char c : run.err) {
    if (c == '\n' || c == '\r') {
      pending_break = !text.empty();
      continue;
    }
    if (pending_break) text += " | ";
    pending_break = false;
    const auto u = static_cast<unsigned char>(c);
    text.push_back(u < 0x20 || u == 0x7f ? '?' : c);
  }
  if (text.empty()) return "";
  return std::string("; its stderr") + (run.err_truncated ? " (last part)" : "") + ": " + text;
}

// Whether a failure looks like the memory limit: killed by a signal that
// failed allocations end in, or an allocation error on stderr.
bool LooksOutOfMemory(const extract::SubprocessResult& run) {
  if (run.term_signal == SIGSEGV || run.term_signal == SIGABRT || run.term_signal == SIGBUS ||
      run.term_signal == SIGKILL) {
    return true;
  }
  std::string lower = run.err;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("memory") != std::string::npos || lower.find("alloc") != std::string::npos;
}

class ExternalExtractor : public Extractor {
 public:
  ExternalExtractor(std::string command, std::vector<std::string> argv,
                    const ExternalExtractorLimits& limits)
      : command_(std::move(command)), argv_(std::move(argv)), limits_(limits) {
    // A closed pipe must fail a write, not kill the importer.
    signal(SIGPIPE, SIG_IGN);
  }

  std::string name() const override { return command_; }

  absl::Status Extract(const Article& article, schema::DocumentClaims* out) override {
    *out = schema::DocumentClaims{};
    out->document = article.document;
    const schema::Document& doc = out->document;
    const std::string what =
        "document " + (doc.source.empty() ? schema::FormatId(doc.id) : "\"" + doc.source + "\"");
    const std::string input = schema::DocumentToJson(doc, /*with_text=*/true).dump() + "\n";
    auto run = extract::RunSubprocess(argv_, input,
                                      {.timeout_seconds = limits_.timeout_seconds,
                                       .max_output_bytes = limits_.max_output_bytes,
                                       .max_output_lines = limits_.max_claims,
                                       .max_memory_bytes = limits_.max_memory_bytes});
    if (!run.ok())
      return absl::Status(run.status().code(), what + ": " + std::string(run.status().message()));
    using Stop = extract::SubprocessResult::Stop;
    switch (run->stopped) {
      case Stop::kTimeout:
        return absl::DeadlineExceededError(
            what + ": took longer than " + std::to_string(limits_.timeout_seconds) +
            " s and was stopped (raise the limit with --extractor-timeout SECONDS)" +
            StderrForMessage(*run));
      case Stop::kOutputBytes:
        return absl::ResourceExhaustedError(
            what + ": printed more than " + FormatBytes(limits_.max_output_bytes) +
            " and was stopped (raise the limit with --extractor-max-output-bytes SIZE, "
            "0 = no limit)" +
            StderrForMessage(*run));
      case Stop::kOutputLines:
        return TooManyClaims(what, *run);
      case Stop::kNone:
        break;
    }
    if (run->exit_code != 0 || run->term_signal != 0) {
      std::string message =
          what + ": " +
          (run->term_signal != 0 ? "killed by signal " + std::to_string(run->term_signal) + " (" +
                                       strsignal(run->term_signal) + ")"
                                 : "exited with status " + std::to_string(run->exit_code));
      if (limits_.max_memory_bytes > 0 && LooksOutOfMemory(*run)) {
        message += "; it may have run out of memory: it may use at most " +
                   FormatBytes(limits_.max_memory_bytes) +
                   " (raise the limit with --extractor-max-memory SIZE, 0 = no limit)";
      }
      return absl::InternalError(message + StderrForMessage(*run));
    }
    std::unordered_set<uint64_t> entities, props, claims;
    size_t line_no = 0, begin = 0;
    const std::string& text = run->out;
    while (begin < text.size()) {
      size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      const std::string_view line(text.data() + begin, end - begin);
      begin = end + 1;
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      if (limits_.max_claims > 0 && out->mentions.size() >= limits_.max_claims) {
        return TooManyClaims(what, *run);
      }
      // The document is known: a line need not repeat it.
      std::string patched;
      try {
        nlohmann::json j = nlohmann::json::parse(line);
        if (j.is_object() && !j.contains("doc")) {
          j["doc"] = {{"id", schema::FormatId(doc.id)}, {"source", doc.source}};
          patched = j.dump();
        }
      } catch (const nlohmann::json::exception&) {
        // Reported by the parser below.
      }
      auto rec = schema::ClaimRecordFromJson(patched.empty() ? line : std::string_view(patched));
      if (!rec.ok()) {
        return absl::InvalidArgumentError(what + ": output line " + std::to_string(line_no) + ": " +
                                          std::string(rec.status().message()));
      }
      schema::Mention m = rec->mention;
      m.document = doc.id;
      m.ordinal = static_cast<uint32_t>(out->mentions.size());
      if (m.extractor.empty() || m.extractor == "claims-jsonl") m.extractor = command_;
      if (m.made == schema::kNoTime) m.made = doc.published;
      if (auto s = schema::ValidateMention(m, doc); !s.ok()) {
        return absl::InvalidArgumentError(what + ": output line " + std::to_string(line_no) + ": " +
                                          std::string(s.message()));
      }
      if (entities.insert(rec->holder.id).second) out->entities.push_back(rec->holder);
      if (props.insert(rec->proposition.id).second) out->propositions.push_back(rec->proposition);
      if (claims.insert(rec->claim.id).second) out->claims.push_back(rec->claim);
      out->mentions.push_back(std::move(m));
    }
    return absl::OkStatus();
  }

 private:
  absl::Status TooManyClaims(const std::string& what, const extract::SubprocessResult& run) const {
    return absl::ResourceExhaustedError(
        what + ": printed more than " + std::to_string(limits_.max_claims) +
        " claims and was stopped (raise the limit with --extractor-max-claims N, 0 = no limit)" +
        StderrForMessage(run));
  }

  std::string command_;
  std::vector<std::string> argv_;
  ExternalExtractorLimits limits_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Extractor>> MakeExternalExtractor(
    const std::string& command, const ExternalExtractorLimits& limits) {
  auto argv = SplitCommand(command);
  if (!argv.ok()) return argv.status();
  if (limits.timeout_seconds <= 0) {
    return absl::InvalidArgumentError("the extractor timeout must be positive");
  }
  return std::unique_ptr<Extractor>(
      std::make_unique<ExternalExtractor>(command, *std::move(argv), limits));
}

}  // namespace stancegraph::importers
