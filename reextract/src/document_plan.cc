#include "document_plan.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "stancegraph/importers/article.h"
#include "stancegraph/importers/formats.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/validate.h"

namespace stancegraph::reextract {
namespace {

constexpr char kBuiltin[] = "builtin";

// The document's mentions, in the order they were extracted.
absl::StatusOr<std::vector<schema::Mention>> StoredMentions(engine::Database& source,
                                                            const schema::Document& doc) {
  std::vector<schema::Mention> mentions;
  auto it = source.ScanByDocument(doc.id);
  for (; it->Valid(); it->Next()) {
    SG_ASSIGN_OR_RETURN(schema::Mention m, it->mention());
    mentions.push_back(std::move(m));
  }
  SG_RETURN_IF_ERROR(it->status());
  return mentions;
}

// The document with its stored mentions, their claims, propositions and
// holders: what its import wrote.
absl::StatusOr<schema::DocumentClaims> StoredClaims(engine::Database& source, schema::Document doc,
                                                    std::vector<schema::Mention> mentions) {
  schema::DocumentClaims out;
  out.document = std::move(doc);
  absl::flat_hash_set<uint64_t> claims, propositions, holders;
  for (const schema::Mention& m : mentions) {
    if (!claims.insert(m.claim).second) continue;
    SG_ASSIGN_OR_RETURN(schema::Claim c, source.GetClaim(m.claim));
    if (propositions.insert(c.proposition).second) {
      SG_ASSIGN_OR_RETURN(schema::Proposition p, source.GetProposition(c.proposition));
      out.propositions.push_back(std::move(p));
    }
    if (holders.insert(c.holder).second) {
      SG_ASSIGN_OR_RETURN(schema::Entity e, source.GetEntity(c.holder));
      out.entities.push_back(std::move(e));
    }
    out.claims.push_back(c);
  }
  out.mentions = std::move(mentions);
  return out;
}

absl::Status Named(const absl::Status& s, const std::string& name) {
  return absl::Status(s.code(), absl::StrCat("document ", name, ": ", s.message()));
}

}  // namespace

std::string DocumentName(const schema::Document& doc) {
  if (doc.source.empty()) return schema::FormatId(doc.id);
  return absl::StrCat(doc.source, " (", schema::FormatId(doc.id), ")");
}

void RestoreFurniture(schema::Document* doc) {
  if (!doc->furniture.empty() || doc->text.empty()) return;
  const std::string_view head = std::string_view(doc->text).substr(0, 512);
  if (importers::DetectFormat(doc->source, head) != "text") return;
  importers::Article article = importers::ParseTextArticle(doc->text, doc->source);
  if (article.document.title != doc->title) return;
  doc->furniture = std::move(article.furniture);
}

absl::StatusOr<DocumentPlan> PlanDocument(engine::Database& source, schema::Document doc,
                                          const std::optional<engine::CorrectedDocument>& corrected,
                                          bool extract, importers::Extractor& extractor) {
  const std::string name = DocumentName(doc);
  auto mentions = corrected ? absl::StatusOr<std::vector<schema::Mention>>(corrected->base.mentions)
                            : StoredMentions(source, doc);
  if (!mentions.ok()) return Named(mentions.status(), name);
  // A document's mentions all come from one import, so from one extractor.
  const bool builtin =
      std::all_of(mentions->begin(), mentions->end(),
                  [](const schema::Mention& m) { return m.extractor == kBuiltin; });
  DocumentPlan plan;
  if (extract && builtin && !doc.text.empty()) {
    const schema::Timestamp ingested = doc.ingested;
    importers::Article article{.document = doc, .furniture = doc.furniture};
    absl::Status s = extractor.Extract(article, &plan.claims);
    // What the engine would refuse is this document's failure, not the run's.
    if (s.ok()) s = schema::ValidateDocumentClaims(plan.claims);
    if (s.ok()) {
      plan.claims.document.ingested = ingested;
      plan.reextracted = true;
      return plan;
    }
    plan.error = std::string(s.message());
  }
  if (corrected) {
    plan.claims = corrected->base;
    return plan;
  }
  auto stored = StoredClaims(source, std::move(doc), *std::move(mentions));
  if (!stored.ok()) return Named(stored.status(), name);
  plan.claims = *std::move(stored);
  return plan;
}

}  // namespace stancegraph::reextract
