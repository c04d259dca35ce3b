// Store.claims(): the claim mentions of a view, one JSON object each, in
// the form of `stancegraph export claims` (docs/export-contract.md) plus
// "sequence" (the engine's ingest order) and "quote" (the sentence, else the
// content, cut from the document text; absent when the document has no text).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"
#include "stancegraph/query/lookup.h"
#include "store_handle.h"

namespace stancegraph::python {

struct ClaimQuery {
  // Holders, propositions, time window, concept, outlet, flags. Default: all.
  query::FilterSpec filter;
  // One document: its 16-hex-digit id, or its source or URL as imported.
  // Default: "" = every document.
  std::string document;
};

// Reads a snapshot taken at Start. Order: ingest order without a filter, a
// document's extraction order with `document`, else grouped by holder and
// proposition, each group by time made. Not thread-safe.
class ClaimRows : public Cursor {
 public:
  // Resolves the filter (NotFound / InvalidArgument naming the value).
  static absl::StatusOr<std::unique_ptr<ClaimRows>> Start(std::shared_ptr<StoreHandle> handle,
                                                          const ClaimQuery& query);
  ~ClaimRows() override;

  // Up to `max` more rows; none at the end. FailedPrecondition once the
  // store is closed.
  absl::StatusOr<std::vector<nlohmann::json>> Next(size_t max);

  void End() override;

  // FailedPrecondition once the store is closed: rows read ahead before
  // then are not handed out after.
  absl::Status CheckOpen() const {
    return handle_->closed() ? handle_->ClosedError() : absl::OkStatus();
  }

 private:
  struct State;
  explicit ClaimRows(std::shared_ptr<StoreHandle> handle);
  std::shared_ptr<StoreHandle> handle_;
  std::unique_ptr<State> state_;  // null once ended or exhausted
};

}  // namespace stancegraph::python
