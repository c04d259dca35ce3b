#include "stancegraph/importers/lexicon_dirs.h"

#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_split.h"

namespace stancegraph::importers {
namespace {

namespace fs = std::filesystem;

constexpr char kWordNetFile[] = "wordnet.bin";

}  // namespace

std::string DefaultLexiconDir() {
  // The executable's real path, whatever the working directory or the
  // symlink it was started through.
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return "";
  return (exe.parent_path() / ".." / "share" / "stancegraph" / "lexicons").lexically_normal();
}

std::string ShippedLexiconDir(const std::string& requested) {
  if (!requested.empty()) return requested;
  if (const char* env = std::getenv("STANCEGRAPH_LEXICON_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return DefaultLexiconDir();
}

std::vector<std::string> ExtraLexiconDirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("STANCEGRAPH_LEXICONS"); env != nullptr && *env != '\0') {
    for (absl::string_view d : absl::StrSplit(env, ':', absl::SkipEmpty())) {
      dirs.emplace_back(d.data(), d.size());
    }
  }
  return dirs;
}

std::string WordNetTablePath(const std::string& shipped_dir) {
  std::error_code ec;
  for (const std::string& dir : {shipped_dir, DefaultLexiconDir()}) {
    if (dir.empty()) continue;
    const fs::path path = fs::path(dir) / kWordNetFile;
    if (fs::exists(path, ec)) return path.string();
  }
  return "";
}

}  // namespace stancegraph::importers
