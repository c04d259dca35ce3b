// Reextract: plans the documents of the old store in ingest order (extracting
// again or reading the stored claims) on one thread while the batch before
// is written to the new store on the caller's, then carries the meta values
// over and swaps the new store in.
#include "stancegraph/reextract/reextract.h"

#include <algorithm>
#include <future>
#include <memory>
#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "document_plan.h"
#include "ingest_order.h"
#include "meta_values.h"
#include "stancegraph/engine/rebuild.h"
#include "stancegraph/importers/extractor.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::reextract {
namespace {

// Documents planned for one write.
struct Batch {
  std::vector<schema::DocumentClaims> documents;
  std::vector<DocumentError> errors;
  uint64_t reextracted = 0;
  uint64_t kept = 0;
  uint64_t resumed = 0;
  size_t next = 0;  // where the next batch starts in the order
};

class Reextractor {
 public:
  Reextractor(const ReextractOptions& options, const DocumentErrorSink& errors,
              const ProgressFn& progress)
      : options_(options), errors_(errors), progress_(progress) {}

  absl::StatusOr<ReextractSummary> Run(const std::string& dir) {
    const absl::Time start = absl::Now();
    SG_ASSIGN_OR_RETURN(summary_.finished_earlier, engine::FinishSwappedRebuild(dir));
    if (summary_.finished_earlier) return Finish(start);
    if (!options_.source.extractor_command.empty()) {
      return absl::InvalidArgumentError(
          "re-extraction uses the built-in extractor; an external extractor cannot be given");
    }
    // A bad lexicon is reported before the store is touched.
    SG_ASSIGN_OR_RETURN(extractor_, importers::MakeExtractor(options_.source));
    SG_ASSIGN_OR_RETURN(rebuild_, engine::Rebuild::Begin(dir));
    engine::Database& source = rebuild_->source();
    engine::Database& target = rebuild_->target();
    summary_.format_before = rebuild_->source_format();
    summary_.new_store = rebuild_->target_path();
    SG_ASSIGN_OR_RETURN(engine::Stats before, source.GetStats());
    summary_.mentions_before = before.mentions;
    SG_ASSIGN_OR_RETURN(order_, IngestOrder(source));
    SG_RETURN_IF_ERROR(CarryCorrections(source, target));
    summary_.documents = order_.size();

    std::future<absl::StatusOr<Batch>> planned =
        std::async(std::launch::async, [this] { return PlanBatch(0); });
    for (;;) {
      SG_ASSIGN_OR_RETURN(Batch batch, planned.get());
      const bool more = batch.next < order_.size();
      const bool stop = StopRequested();
      if (more && !stop) {
        planned = std::async(std::launch::async, [this, at = batch.next] { return PlanBatch(at); });
      }
      // An error here waits for the batch being planned (the future's
      // destructor) before the stores close.
      SG_RETURN_IF_ERROR(Write(batch));
      if (!more) break;
      if (stop) {
        summary_.stopped = true;
        break;
      }
    }
    SG_ASSIGN_OR_RETURN(engine::Stats after, target.GetStats());
    summary_.mentions_after = after.mentions;
    if (!summary_.stopped && after.documents + summary_.deleted != summary_.documents) {
      // Only when the store was replaced after an interrupted run.
      return absl::FailedPreconditionError(absl::StrCat(
          rebuild_->target_path(), " holds ", after.documents, " documents where ", dir, " has ",
          summary_.documents, ": it is not a rebuild of this store; delete it and run again"));
    }
    if (!summary_.stopped) SG_RETURN_IF_ERROR(CarryMeta(source, target));
    if (!summary_.stopped) SG_RETURN_IF_ERROR(rebuild_->Commit());
    rebuild_.reset();
    return Finish(start);
  }

 private:
  bool StopRequested() const { return options_.stop != nullptr && options_.stop->load(); }

  // Plans the documents of the order from `begin` until a batch is full.
  // Runs on the planning thread; reads only what no write changes.
  absl::StatusOr<Batch> PlanBatch(size_t begin) {
    engine::Database& source = rebuild_->source();
    engine::Database& target = rebuild_->target();
    const bool old_format = rebuild_->source_format() < engine::kFormatVersion;
    const size_t limit = std::max<size_t>(1, options_.batch_documents);
    Batch batch;
    size_t bytes = 0;
    size_t i = begin;
    // Documents an earlier run wrote are passed over quickly, but not all
    // in one batch, so progress keeps moving.
    for (; i < order_.size() && batch.documents.size() < limit && i - begin < 16 * limit &&
           bytes < kBatchBytes && !StopRequested();
         ++i) {
      const schema::DocumentId id = order_[i].id;
      SG_ASSIGN_OR_RETURN(bool written, target.HasDocument(id));
      if (written) {
        ++batch.resumed;
        continue;
      }
      SG_ASSIGN_OR_RETURN(std::optional<engine::CorrectedDocument> corrected,
                          source.GetCorrectedDocument(id));
      schema::Document doc;
      if (corrected && corrected->deleted) {
        doc = corrected->base.document;
      } else {
        SG_ASSIGN_OR_RETURN(doc, source.GetDocument(id));
      }
      if (old_format) RestoreFurniture(&doc);
      SG_ASSIGN_OR_RETURN(DocumentPlan plan, PlanDocument(source, std::move(doc), corrected,
                                                          options_.extract, *extractor_));
      if (!plan.error.empty()) {
        batch.errors.push_back(
            {.id = id, .source = plan.claims.document.source, .message = std::move(plan.error)});
      }
      ++(plan.reextracted ? batch.reextracted : batch.kept);
      bytes += plan.claims.document.text.size() + 256 * plan.claims.mentions.size();
      batch.documents.push_back(std::move(plan.claims));
    }
    batch.next = i;
    return batch;
  }

  // The correction records go first, so the new store applies them to every
  // document written; documents they delete are not stored in the old one
  // and join the order from their kept record.
  absl::Status CarryCorrections(engine::Database& source, engine::Database& target) {
    SG_ASSIGN_OR_RETURN(std::vector<engine::Correction> corrections, source.ListCorrections());
    for (const engine::Correction& c : corrections) SG_RETURN_IF_ERROR(target.PutCorrection(c));
    SG_ASSIGN_OR_RETURN(std::vector<schema::DocumentId> corrected, source.CorrectedDocuments());
    for (schema::DocumentId id : corrected) {
      SG_ASSIGN_OR_RETURN(bool stored, source.HasDocument(id));
      if (stored) continue;
      SG_ASSIGN_OR_RETURN(auto record, source.GetCorrectedDocument(id));
      if (!record) continue;
      order_.push_back({.ingested = record->base.document.ingested,
                        .first_sequence = UINT64_MAX,
                        .id = id});
    }
    std::sort(order_.begin(), order_.end());
    return absl::OkStatus();
  }

  absl::Status Write(const Batch& batch) {
    SG_ASSIGN_OR_RETURN(
        engine::WriteSummary written,
        rebuild_->target().Write(batch.documents, {.keep_ingest_time = true}));
    summary_.deleted += written.documents_deleted;
    summary_.reextracted += batch.reextracted;
    summary_.kept += batch.kept;
    summary_.resumed += batch.resumed;
    summary_.errors += batch.errors.size();
    if (errors_) {
      for (const DocumentError& e : batch.errors) errors_(e);
    }
    if (progress_ && absl::Now() - last_progress_ > absl::Milliseconds(250)) {
      last_progress_ = absl::Now();
      progress_(summary_);
    }
    return absl::OkStatus();
  }

  ReextractSummary Finish(absl::Time start) {
    summary_.seconds = absl::ToDoubleSeconds(absl::Now() - start);
    if (progress_) progress_(summary_);
    return summary_;
  }

  static constexpr size_t kBatchBytes = 32u << 20;

  const ReextractOptions& options_;
  const DocumentErrorSink& errors_;
  const ProgressFn& progress_;
  std::unique_ptr<importers::Extractor> extractor_;
  std::unique_ptr<engine::Rebuild> rebuild_;
  std::vector<IngestedDocument> order_;
  ReextractSummary summary_;
  absl::Time last_progress_ = absl::Now();
};

}  // namespace

absl::StatusOr<ReextractSummary> Reextract(const std::string& dir, const ReextractOptions& options,
                                           const DocumentErrorSink& errors,
                                           const ProgressFn& progress) {
  Reextractor reextractor(options, errors, progress);
  return reextractor.Run(dir);
}

}  // namespace stancegraph::reextract
