#include "input_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace stancegraph::importers {
namespace fs = std::filesystem;
namespace {

// Files a project ships beside its data: read by people, not articles.
bool IsDocumentation(const fs::path& path) {
  const std::string name = absl::AsciiStrToLower(path.filename().string());
  const std::string stem = absl::AsciiStrToLower(path.stem().string());
  const std::string ext = absl::AsciiStrToLower(path.extension().string());
  for (const char* doc : {"readme", "license", "licence", "copying", "changelog", "changes",
                          "news", "notice", "authors", "contributing", "contributors", "history",
                          "install", "todo", "code_of_conduct", "security"}) {
    if (stem == doc || name.starts_with(std::string(doc) + ".") ||
        name.starts_with(std::string(doc) + "-") || name.starts_with(std::string(doc) + "_")) {
      return true;
    }
  }
  return ext == ".md" || ext == ".markdown" || ext == ".rst" || ext == ".adoc";
}

// Extensions some input format reads; files without one are read as text.
bool KnownExtension(const fs::path& path) {
  const std::string ext = absl::AsciiStrToLower(path.extension().string());
  if (ext.empty()) return true;
  for (const char* known : {".csv", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml",
                            ".xml", ".rss", ".atom", ".txt", ".text"}) {
    if (ext == known) return true;
  }
  return false;
}

// Why a directory walk passes `path` over, or "" to read it.
std::string SkipReason(const fs::path& path) {
  if (IsDocumentation(path)) return "skipped: documentation, not an article";
  if (!KnownExtension(path)) {
    return absl::StrCat("skipped: no input format reads ", path.extension().string(),
                        " files (name the file, with --format, to read it anyway)");
  }
  std::ifstream in(path, std::ios::binary);
  char head[4096];
  in.read(head, sizeof head);
  if (LooksBinary(std::string_view(head, static_cast<size_t>(in.gcount())))) {
    return "skipped: binary file";
  }
  return "";
}

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
      if (std::string why = SkipReason(e.path()); !why.empty()) {
        if (errors) errors({.file = e.path().string(), .line = 0, .message = why, .skipped = true});
        continue;
      }
      out->push_back(e.path().string());
    }
  }
}

}  // namespace

bool LooksBinary(std::string_view head) {
  // Text formats never hold NUL; UTF-16 text does, and is not read either.
  return head.find('\0') != std::string_view::npos;
}

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
