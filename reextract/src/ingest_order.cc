#include "ingest_order.h"

#include <algorithm>
#include <limits>

#include "absl/strings/str_cat.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"

namespace stancegraph::reextract {

absl::StatusOr<std::vector<IngestedDocument>> IngestOrder(engine::Database& db) {
  std::vector<IngestedDocument> order;
  auto docs = db.Documents();
  for (; docs->Valid(); docs->Next()) {
    const schema::Document& d = docs->value();
    IngestedDocument entry{
        .ingested = d.ingested, .first_sequence = std::numeric_limits<uint64_t>::max(), .id = d.id};
    auto mentions = db.ScanByDocument(d.id);
    if (mentions->Valid()) entry.first_sequence = mentions->ref().sequence;
    if (auto s = mentions->status(); !s.ok()) {
      return absl::Status(s.code(),
                          absl::StrCat("document ", schema::FormatId(d.id), ": ", s.message()));
    }
    order.push_back(entry);
  }
  SG_RETURN_IF_ERROR(docs->status());
  std::sort(order.begin(), order.end());
  return order;
}

}  // namespace stancegraph::reextract
