#include "stancegraph/importers/import.h"

#include <filesystem>
#include <fstream>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "read_ahead.h"
#include "stancegraph/importers/formats.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::importers {
namespace {

// Writes what the read-ahead thread parses, in batches of whole documents.
class Importer {
 public:
  Importer(engine::Database& db, const ImportOptions& options, const ErrorSink& errors,
           const ProgressFn& progress)
      : db_(db), options_(options), errors_(errors), progress_(progress) {}

  absl::StatusOr<ImportSummary> Run(const std::vector<std::string>& paths) {
    absl::Time start = absl::Now();
    if (options_.bulk) {
      SG_ASSIGN_OR_RETURN(loader_, db_.NewBulkLoader({}));
    }
    ReadAhead reader(paths, options_);
    ReadBatch batch;
    while (reader.Next(&batch)) {
      summary_.files += batch.files;
      summary_.documents_read += batch.documents_read;
      summary_.bytes_read += batch.bytes_read;
      summary_.bytes_total += batch.bytes_total;
      if (batch.size_unknown) summary_.size_known = false;
      for (const ImportError& e : batch.errors) ++(e.skipped ? summary_.files_skipped : summary_.errors);
      if (errors_) {
        for (const ImportError& e : batch.errors) errors_(e);
      }
      for (schema::DocumentClaims& doc : batch.documents) SG_RETURN_IF_ERROR(Add(std::move(doc)));
      summary_.seconds = absl::ToDoubleSeconds(absl::Now() - start);
      if (options_.stop != nullptr && options_.stop->load()) {
        summary_.interrupted = true;
        break;
      }
    }
    SG_RETURN_IF_ERROR(FlushBatch());
    if (loader_) {
      SG_RETURN_IF_ERROR(loader_->Finish());
      // Without a write-ahead log, what is not flushed is lost at close,
      // where a failure could not be reported.
      SG_RETURN_IF_ERROR(db_.Flush());
    }
    const bool wrote = summary_.documents_written > 0 && !summary_.interrupted;
    if (wrote && summary_.mentions_written > 0 && options_.compact_when_scattered) {
      // Ordinary writes leave the claim indexes in many files and levels,
      // which every whole-store scan must merge key by key.
      SG_ASSIGN_OR_RETURN(engine::IndexLayout layout, db_.QueryIndexLayout());
      if (layout.CompactionPays()) {
        SG_RETURN_IF_ERROR(db_.Compact());  // flushes first
        summary_.compacted = true;
      }
    }
    if (wrote && !loader_ && !summary_.compacted) {
      // What stays in the memtables would be replayed from the write-ahead
      // log by every later opening, each command-line query included;
      // written to files once, it is read from them.
      SG_RETURN_IF_ERROR(db_.Flush());
    }
    summary_.seconds = absl::ToDoubleSeconds(absl::Now() - start);
    if (progress_) progress_(summary_);
    return summary_;
  }

 private:
  absl::Status Add(schema::DocumentClaims doc) {
    // A document met again in this run (its records were not consecutive)
    // gets its further claims appended; one stored before the run is left.
    if (written_.contains(doc.document.id)) {
      SG_RETURN_IF_ERROR(FlushBatch());
      SG_ASSIGN_OR_RETURN(auto s, WriteDocs({doc}, {.skip_existing = false}));
      summary_.mentions_written += s.mentions_written;
      return absl::OkStatus();
    }
    batch_bytes_ += BatchWeight(doc);
    batch_.push_back(std::move(doc));
    if (batch_.size() >= options_.batch_documents || batch_bytes_ >= (32u << 20)) {
      return FlushBatch();
    }
    return absl::OkStatus();
  }

  absl::Status FlushBatch() {
    if (batch_.empty()) return absl::OkStatus();
    SG_ASSIGN_OR_RETURN(auto s, WriteDocs(batch_, {}));
    summary_.documents_written += s.documents_written;
    summary_.documents_skipped += s.documents_skipped;
    summary_.documents_deleted += s.documents_deleted;
    summary_.mentions_written += s.mentions_written;
    if (written_.size() > (4u << 20)) written_.clear();  // bound memory on huge imports
    for (const auto& d : batch_) written_.insert(d.document.id);
    batch_.clear();
    batch_bytes_ = 0;
    if (progress_ && absl::Now() - last_progress_ > absl::Milliseconds(250)) {
      last_progress_ = absl::Now();
      progress_(summary_);
    }
    return absl::OkStatus();
  }

  absl::StatusOr<engine::WriteSummary> WriteDocs(absl::Span<const schema::DocumentClaims> docs,
                                                 const engine::WriteOptions& wo) {
    if (loader_) return loader_->Add(docs, wo);
    return db_.Write(docs, wo);
  }

  engine::Database& db_;
  std::unique_ptr<engine::BulkLoader> loader_;
  const ImportOptions& options_;
  const ErrorSink& errors_;
  const ProgressFn& progress_;
  ImportSummary summary_;
  std::vector<schema::DocumentClaims> batch_;
  size_t batch_bytes_ = 0;
  absl::flat_hash_set<schema::DocumentId> written_;
  absl::Time last_progress_ = absl::Now();
};

}  // namespace

BulkChoice ChooseBulk(const std::vector<std::string>& paths, const std::string& format,
                      const std::string& db_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  uint64_t input = 0;
  for (const std::string& path : paths) {
    if (path == "-") return {false, "stdin has no size known up front"};
    if (!fs::is_regular_file(path, ec)) return {false, path + " is not a single file"};
    std::string f = format;
    if (f == "auto") {
      std::ifstream in(path, std::ios::binary);
      std::string head(4096, '\0');
      in.read(head.data(), static_cast<std::streamsize>(head.size()));
      head.resize(static_cast<size_t>(in.gcount()));
      f = DetectFormat(fs::path(path).filename().string(), head);
    }
    if (f != "claims-csv" && f != "claims-jsonl") return {false, path + " is not a claims file"};
    input += fs::file_size(path, ec);
    if (ec) return {false, "cannot size " + path};
  }
  if (input < kAutoBulkMinBytes) {
    return {false, absl::StrCat("claims input of ", input, " bytes is small")};
  }
  uint64_t store = 0;
  if (fs::is_directory(db_dir, ec)) {
    for (const auto& e : fs::directory_iterator(db_dir, ec)) {
      if (e.path().extension() == ".sst") store += e.file_size(ec);
    }
  }
  if (store > 4 * input) {
    return {false, absl::StrCat("claims input of ", input, " bytes is small beside the store's ",
                                store, " bytes")};
  }
  return {true, absl::StrCat("claims input of ", input, " bytes",
                             store == 0 ? " into an empty store"
                                        : absl::StrCat(" beside a store of ", store, " bytes"))};
}

absl::StatusOr<ImportSummary> Import(engine::Database& db, const std::vector<std::string>& paths,
                                     const ImportOptions& options, const ErrorSink& errors,
                                     const ProgressFn& progress) {
  Importer importer(db, options, errors, progress);
  return importer.Run(paths);
}

}  // namespace stancegraph::importers
