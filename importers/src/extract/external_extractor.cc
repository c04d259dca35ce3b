// An external extractor: a program run once per document, without a shell.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <unordered_set>

#include "nlohmann/json.hpp"
#include "stancegraph/importers/extractor.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/json_codec.h"
#include "stancegraph/schema/validate.h"

extern char** environ;

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

struct RunResult {
  std::string out;
  int exit_code = 0;
};

// Runs argv with `input` on stdin; collects stdout; kills it after the timeout.
absl::StatusOr<RunResult> Run(const std::vector<std::string>& argv, const std::string& input,
                              int timeout_seconds) {
  int in_pipe[2], out_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0) return absl::InternalError("pipe failed");
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    close(in_pipe[0]);
    close(in_pipe[1]);
    return absl::InternalError("pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  std::vector<char*> cargv;
  for (const std::string& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, cargv[0], &actions, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]);
  close(out_pipe[1]);
  if (rc != 0) {
    close(in_pipe[1]);
    close(out_pipe[0]);
    return absl::NotFoundError("cannot run " + argv[0] + ": " + std::strerror(rc));
  }
  fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  RunResult result;
  size_t written = 0;
  int to_child = in_pipe[1];
  if (input.empty()) {
    close(to_child);
    to_child = -1;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  bool timed_out = false;
  int from_child = out_pipe[0];
  while (from_child >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd fds[2] = {{from_child, POLLIN, 0}, {to_child, POLLOUT, 0}};
    const int n = poll(fds, to_child >= 0 ? 2 : 1, static_cast<int>(std::min<int64_t>(left, 1000)));
    if (n < 0 && errno != EINTR) break;
    if (to_child >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const ssize_t w = write(to_child, input.data() + written, input.size() - written);
      if (w > 0) written += static_cast<size_t>(w);
      if (w < 0 && errno != EAGAIN && errno != EINTR) written = input.size();  // reader gone
      if (written >= input.size()) {
        close(to_child);
        to_child = -1;
      }
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[65536];
      const ssize_t r = read(from_child, buf, sizeof buf);
      if (r > 0) {
        result.out.append(buf, static_cast<size_t>(r));
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        close(from_child);
        from_child = -1;
      }
    }
  }
  if (to_child >= 0) close(to_child);
  if (from_child >= 0) close(from_child);
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return absl::DeadlineExceededError("extractor took longer than " +
                                       std::to_string(timeout_seconds) + " s");
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

class ExternalExtractor : public Extractor {
 public:
  ExternalExtractor(std::string command, std::vector<std::string> argv, int timeout)
      : command_(std::move(command)), argv_(std::move(argv)), timeout_(timeout) {
    // A closed pipe must fail a write, not kill the importer.
    signal(SIGPIPE, SIG_IGN);
  }

  std::string name() const override { return command_; }

  absl::Status Extract(const Article& article, schema::DocumentClaims* out) override {
    *out = schema::DocumentClaims{};
    out->document = article.document;
    const schema::Document& doc = out->document;
    const std::string input = schema::DocumentToJson(doc, /*with_text=*/true).dump() + "\n";
    auto run = Run(argv_, input, timeout_);
    if (!run.ok()) return run.status();
    if (run->exit_code != 0) {
      return absl::InternalError("exited with status " + std::to_string(run->exit_code));
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
        return absl::InvalidArgumentError("output line " + std::to_string(line_no) + ": " +
                                          std::string(rec.status().message()));
      }
      schema::Mention m = rec->mention;
      m.document = doc.id;
      m.ordinal = static_cast<uint32_t>(out->mentions.size());
      if (m.extractor.empty() || m.extractor == "claims-jsonl") m.extractor = command_;
      if (m.made == schema::kNoTime) m.made = doc.published;
      if (auto s = schema::ValidateMention(m, doc); !s.ok()) {
        return absl::InvalidArgumentError("output line " + std::to_string(line_no) + ": " +
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
  std::string command_;
  std::vector<std::string> argv_;
  int timeout_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Extractor>> MakeExternalExtractor(const std::string& command,
                                                                 int timeout_seconds) {
  auto argv = SplitCommand(command);
  if (!argv.ok()) return argv.status();
  if (timeout_seconds <= 0) return absl::InvalidArgumentError("timeout must be positive");
  return std::unique_ptr<Extractor>(
      std::make_unique<ExternalExtractor>(command, *std::move(argv), timeout_seconds));
}

}  // namespace stancegraph::importers
