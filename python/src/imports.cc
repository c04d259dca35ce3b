#include "imports.h"

#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "stancegraph/importers/import.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::python {
namespace {

using nlohmann::json;

absl::StatusOr<std::optional<schema::Timestamp>> PublishedTime(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto t = schema::ParseTime(text);
  if (!t.ok()) return absl::InvalidArgumentError(absl::StrCat("published: ", t.status().message()));
  return *t;
}

bool SameExtraction(const importers::SourceOptions& a, const importers::SourceOptions& b) {
  return a.extractor_command == b.extractor_command && a.lexicon_dir == b.lexicon_dir &&
         a.extractor_timeout_seconds == b.extractor_timeout_seconds &&
         a.max_sentence_bytes == b.max_sentence_bytes;
}

}  // namespace

absl::StatusOr<json> ImportFiles(engine::Database& db, const std::vector<std::string>& paths,
                                 const FileImportOptions& o) {
  importers::ImportOptions options;
  options.format = o.format;
  options.source = o.source;
  SG_ASSIGN_OR_RETURN(options.source.published, PublishedTime(o.published));
  options.bulk =
      o.bulk.has_value() ? *o.bulk : importers::ChooseBulk(paths, o.format, db.path()).bulk;
  // The sink may be called from the import's reading thread.
  std::mutex mu;
  json errors = json::array();
  json notes = json::array();
  auto sink = [&](const importers::ImportError& e) {
    std::string where = e.line > 0 ? absl::StrCat(e.file, ":", e.line) : e.file;
    std::lock_guard<std::mutex> lock(mu);
    if (e.skipped) {
      if (notes.size() < o.max_errors) notes.push_back(absl::StrCat(where, ": ", e.message));
    } else if (errors.size() < o.max_errors) {
      errors.push_back(absl::StrCat(where, ": ", e.message));
    }
  };
  SG_ASSIGN_OR_RETURN(importers::ImportSummary s, importers::Import(db, paths, options, sink));
  std::lock_guard<std::mutex> lock(mu);
  return json{{"files", s.files},
              {"files_skipped", s.files_skipped},
              {"documents_read", s.documents_read},
              {"documents", s.documents_written},
              {"documents_already_present", s.documents_skipped},
              {"mentions", s.mentions_written},
              {"bytes_read", s.bytes_read},
              {"seconds", std::round(s.seconds * 1000) / 1000},
              {"compacted", s.compacted},
              {"bulk", options.bulk},
              {"error_count", s.errors},
              {"errors", std::move(errors)},
              {"notes", std::move(notes)}};
}

absl::StatusOr<json> TextImporter::Import(engine::Database& db, const std::string& text,
                                          const TextImportOptions& o) {
  importers::Article article;
  schema::Document& doc = article.document;
  doc.text = text;
  doc.id = schema::MakeDocumentId(doc.text);
  doc.source = o.source.empty() ? absl::StrCat("text:", schema::FormatId(doc.id)) : o.source;
  doc.title = o.title;
  doc.url = o.url;
  doc.outlet = o.outlet;
  SG_ASSIGN_OR_RETURN(std::optional<schema::Timestamp> published, PublishedTime(o.published));
  if (published.has_value()) doc.published = *published;

  json summary = {{"documents_read", 1}, {"documents", 0},   {"documents_already_present", 0},
                  {"mentions", 0},       {"error_count", 0}, {"errors", json::array()}};
  auto fail = [&](const absl::Status& s) {
    summary["error_count"] = 1;
    summary["errors"].push_back(absl::StrCat(doc.source, ": ", s.message()));
    return summary;
  };
  schema::DocumentClaims claims;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (extractor_ == nullptr || !SameExtraction(extractor_options_, o.extraction)) {
      // A lexicon that cannot be loaded is the caller's setup, not the text's.
      SG_ASSIGN_OR_RETURN(extractor_, importers::MakeExtractor(o.extraction));
      extractor_options_ = o.extraction;
    }
    if (absl::Status s = extractor_->Extract(article, &claims); !s.ok()) return fail(s);
  }
  auto written = db.Write({claims}, {});
  if (!written.ok()) {
    if (absl::IsInvalidArgument(written.status())) return fail(written.status());
    return written.status();
  }
  summary["documents"] = written->documents_written;
  summary["documents_already_present"] = written->documents_skipped;
  summary["mentions"] = written->mentions_written;
  return summary;
}

}  // namespace stancegraph::python
