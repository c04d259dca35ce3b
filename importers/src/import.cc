#include "stancegraph/importers/import.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <streambuf>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "input_files.h"
#include "stancegraph/importers/formats.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/validate.h"

namespace stancegraph::importers {
namespace {

// Replays bytes already read (to detect the format) before the rest of a
// stream that cannot seek back, such as stdin.
class PrefixedBuf final : public std::streambuf {
 public:
  PrefixedBuf(std::string prefix, std::streambuf* rest) : prefix_(std::move(prefix)), rest_(rest) {
    setg(prefix_.data(), prefix_.data(), prefix_.data() + prefix_.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    std::streamsize n = rest_->sgetn(buf_, sizeof buf_);
    if (n <= 0) return traits_type::eof();
    setg(buf_, buf_, buf_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string prefix_;
  std::streambuf* rest_;
  char buf_[1 << 16];
};

std::string ReadHead(std::istream& in, size_t n) {
  std::string head(n, '\0');
  in.read(head.data(), static_cast<std::streamsize>(n));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

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
    auto count_error = [this](const ImportError& e) {
      ++summary_.errors;
      if (errors_) errors_(e);
    };
    for (const std::string& path : ExpandInputs(paths, options_.follow_symlinks, count_error)) {
      SG_RETURN_IF_ERROR(ImportOne(path, count_error));
      summary_.seconds = absl::ToDoubleSeconds(absl::Now() - start);
    }
    SG_RETURN_IF_ERROR(FlushBatch());
    if (loader_) SG_RETURN_IF_ERROR(loader_->Finish());
    summary_.seconds = absl::ToDoubleSeconds(absl::Now() - start);
    if (progress_) progress_(summary_);
    return summary_;
  }

 private:
  absl::Status ImportOne(const std::string& path, const ErrorSink& errors) {
    ++summary_.files;
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        errors({path, 0, "cannot open file"});
        return absl::OkStatus();
      }
      in = &file;
    }
    std::string format = options_.format;
    std::unique_ptr<PrefixedBuf> replay;
    std::istream replayed(nullptr);
    if (format == "auto") {
      std::string head = ReadHead(*in, 4096);
      format = DetectFormat(path == "-" ? "" : path, head);
      if (path == "-") {
        in->clear();
        replay = std::make_unique<PrefixedBuf>(std::move(head), in->rdbuf());
        replayed.rdbuf(replay.get());
        in = &replayed;
      } else {
        file.clear();
        file.seekg(0);
      }
    }
    auto source = MakeSource(format, *in, path, options_.source, errors);
    if (!source.ok()) {
      errors({path, 0, std::string(source.status().message())});
      return absl::OkStatus();
    }
    schema::DocumentClaims doc;
    while ((*source)->Next(&doc)) {
      ++summary_.documents_read;
      SG_RETURN_IF_ERROR(Add(std::move(doc), path, errors));
      doc = {};
    }
    if (!(*source)->status().ok()) errors({path, 0, std::string((*source)->status().message())});
    if (path != "-") {
      std::error_code ec;
      auto size = std::filesystem::file_size(path, ec);
      if (!ec) summary_.bytes_read += size;
    }
    return absl::OkStatus();
  }

  absl::Status Add(schema::DocumentClaims doc, const std::string& path, const ErrorSink& errors) {
    if (auto s = schema::ValidateDocumentClaims(doc); !s.ok()) {
      errors({path, 0, absl::StrCat("document ", doc.document.source, ": ", s.message())});
      return absl::OkStatus();
    }
    // A document met again in this run (its records were not consecutive)
    // gets its further claims appended; one stored before the run is left.
    if (written_.contains(doc.document.id)) {
      SG_RETURN_IF_ERROR(FlushBatch());
      SG_ASSIGN_OR_RETURN(auto s, WriteDocs({doc}, {.skip_existing = false}));
      summary_.mentions_written += s.mentions_written;
      return absl::OkStatus();
    }
    batch_bytes_ += doc.document.text.size() + 256 * doc.mentions.size();
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

absl::StatusOr<ImportSummary> Import(engine::Database& db, const std::vector<std::string>& paths,
                                     const ImportOptions& options, const ErrorSink& errors,
                                     const ProgressFn& progress) {
  Importer importer(db, options, errors, progress);
  return importer.Run(paths);
}

}  // namespace stancegraph::importers
