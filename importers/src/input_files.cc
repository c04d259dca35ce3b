#include "input_files.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "absl/strings/str_cat.h"

namespace stancegraph::importers {
namespace fs = std::filesystem;
namespace {

void Walk(const fs::path& dir, bool follow, std::set<fs::path>* visited,
          std::vector<std::string>* out, const ErrorSink& errors) {
  std::error_code ec;
  fs::path canonical = fs::canonical(dir, ec);
  if (ec || !visited->insert(canonical).second) return;  // seen: a loop
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    if (errors) errors({dir.string(), 0, absl::StrCat("cannot read directory: ", ec.message())});
    return;
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const auto& e : entries) {
    if (e.path().filename().string().starts_with(".")) continue;
    std::error_code eec;
    if (e.is_symlink(eec) && e.is_directory(eec) && !follow) continue;
    if (e.is_directory(eec)) {
      Walk(e.path(), follow, visited, out, errors);
    } else if (e.is_regular_file(eec)) {
      out->push_back(e.path().string());
    }
  }
}

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths, bool follow_symlinks,
                                      const ErrorSink& errors) {
  std::vector<std::string> out;
  std::set<fs::path> visited;
  for (const auto& p : paths) {
    if (p == "-") {
      out.push_back(p);
      continue;
    }
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      if (errors) errors({p, 0, "no such file or directory"});
    } else if (fs::is_directory(st)) {
      Walk(p, follow_symlinks, &visited, &out, errors);
    } else {
      out.push_back(p);
    }
  }
  return out;
}

}  // namespace stancegraph::importers
