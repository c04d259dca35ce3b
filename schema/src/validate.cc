#include "stancegraph/schema/validate.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/strings.h"

namespace stancegraph::schema {
namespace {

absl::Status Invalid(std::string_view what, std::string_view detail) {
  return absl::InvalidArgumentError(absl::StrCat(Av(what), ": ", Av(detail)));
}

absl::Status CheckSpan(const std::optional<Span>& span, const char* name, const Document& doc) {
  if (!span) return absl::OkStatus();
  if (span->begin > span->end) {
    return Invalid(absl::StrCat("spans.", name),
                   absl::StrCat("begin ", span->begin, " is after end ", span->end));
  }
  if (!doc.text.empty() && span->end > doc.text.size()) {
    return Invalid(absl::StrCat("spans.", name),
                   absl::StrCat("end ", span->end, " is past the document text (",
                                doc.text.size(), " bytes)"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateEntity(const Entity& e) {
  if (e.name.empty()) return Invalid("holder.name", "is empty");
  if (e.id == 0) return Invalid("holder.id", "is missing");
  return absl::OkStatus();
}

absl::Status ValidateProposition(const Proposition& p) {
  if (p.text.empty()) return Invalid("proposition.text", "is empty");
  if (p.key.empty()) return Invalid("proposition.key", "is empty");
  if (p.id == 0) return Invalid("proposition.id", "is missing");
  return absl::OkStatus();
}

absl::Status ValidateClaim(const Claim& c) {
  if (c.polarity < -1 || c.polarity > 1) {
    return Invalid("polarity", absl::StrCat(int(c.polarity), " is not -1, 0 or 1"));
  }
  if (c.holder == 0) return Invalid("claim.holder", "is missing");
  if (c.proposition == 0) return Invalid("claim.proposition", "is missing");
  if (c.id != MakeClaimId(c.holder, c.proposition, c.polarity)) {
    return Invalid("claim_id", absl::StrCat(FormatId(c.id),
                                            " does not match its holder, proposition and polarity"));
  }
  return absl::OkStatus();
}

absl::Status ValidateMention(const Mention& m, const Document& doc) {
  if (m.claim == 0) return Invalid("mention.claim", "is missing");
  if (m.document != doc.id) {
    return Invalid("mention.document", absl::StrCat(FormatId(m.document),
                                                    " is not the document being written (",
                                                    FormatId(doc.id), ")"));
  }
  if (!(m.confidence >= 0.0f && m.confidence <= 1.0f)) {
    return Invalid("confidence", absl::StrCat(m.confidence, " is outside [0, 1]"));
  }
  SG_RETURN_IF_ERROR(CheckSpan(m.sentence, "sentence", doc));
  SG_RETURN_IF_ERROR(CheckSpan(m.holder_span, "holder", doc));
  SG_RETURN_IF_ERROR(CheckSpan(m.cue, "cue", doc));
  SG_RETURN_IF_ERROR(CheckSpan(m.content, "content", doc));
  return absl::OkStatus();
}

absl::Status ValidateDocumentClaims(const DocumentClaims& d) {
  if (d.document.id == 0) return Invalid("doc.id", "is missing");
  absl::flat_hash_set<EntityId> entities;
  absl::flat_hash_set<PropositionId> props;
  absl::flat_hash_set<ClaimId> claims;
  for (const auto& e : d.entities) {
    SG_RETURN_IF_ERROR(ValidateEntity(e));
    entities.insert(e.id);
  }
  for (const auto& p : d.propositions) {
    SG_RETURN_IF_ERROR(ValidateProposition(p));
    props.insert(p.id);
  }
  for (const auto& c : d.claims) {
    SG_RETURN_IF_ERROR(ValidateClaim(c));
    if (!entities.contains(c.holder)) {
      return Invalid("claim.holder", absl::StrCat(FormatId(c.holder), " is not among the entities"));
    }
    if (!props.contains(c.proposition)) {
      return Invalid("claim.proposition",
                     absl::StrCat(FormatId(c.proposition), " is not among the propositions"));
    }
    claims.insert(c.id);
  }
  for (const auto& m : d.mentions) {
    SG_RETURN_IF_ERROR(ValidateMention(m, d.document));
    if (!claims.contains(m.claim)) {
      return Invalid("mention.claim", absl::StrCat(FormatId(m.claim), " is not among the claims"));
    }
  }
  return absl::OkStatus();
}

}  // namespace stancegraph::schema
