// CheckConsistency, hand corrections: each active one must have changed or
// deleted some stored document; one that applies to nothing is dangling.
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "check_internal.h"
#include "stancegraph/engine/corrections.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/strings.h"

namespace stancegraph::engine::check {

absl::Status Checker::CheckCorrections() {
  const ReadOptions ro{.snapshot = snapshot_.get()};
  SG_ASSIGN_OR_RETURN(std::vector<Correction> corrections, db_.ListCorrections(ro));
  report_.corrections = corrections.size();
  if (corrections.empty()) return absl::OkStatus();
  absl::flat_hash_set<uint64_t> applied;
  SG_ASSIGN_OR_RETURN(std::vector<schema::DocumentId> docs, db_.CorrectedDocuments(ro));
  for (schema::DocumentId doc : docs) {
    auto record = db_.GetCorrectedDocument(doc, ro);
    if (!record.ok()) {
      Problem(kMeta, absl::StrCat("corrected/", schema::FormatId(doc)),
              std::string(record.status().message()));
      continue;
    }
    for (const auto& [ordinal, id] : (*record)->applied) applied.insert(id);
  }
  for (const Correction& c : corrections) {
    if (!c.active() || applied.contains(c.id)) continue;
    Problem(kMeta, absl::StrCat("correction=", c.id),
            absl::StrCat("dangling: ", Av(CorrectionKindName(c.kind)), " ", c.target,
                         c.value.empty() ? "" : " -> ", c.value,
                         " applies to nothing stored (its target is gone); undo it with "
                         "`stancegraph correct undo ",
                         c.id, "`"));
  }
  return absl::OkStatus();
}

}  // namespace stancegraph::engine::check
