#include <optional>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "claims/claims_sources.h"
#include "line_reader.h"
#include "stancegraph/schema/json_codec.h"
#include "stancegraph/schema/strings.h"
#include "stancegraph/schema/validate.h"

namespace stancegraph::importers {
namespace {

class ClaimsJsonlSource final : public DocumentSource {
 public:
  ClaimsJsonlSource(std::istream& in, std::string name, const SourceOptions& options,
                    ErrorSink errors)
      : reader_(in, options.max_document_bytes), name_(std::move(name)), options_(options),
        errors_(std::move(errors)) {}

  bool Next(schema::DocumentClaims* out) override {
    std::string line;
    for (;;) {
      std::optional<schema::ClaimRecord> record;
      if (pending_) {
        record = std::move(pending_);
        pending_.reset();
      } else if (reader_.Next(&line)) {
        record = Parse(line);
        if (!record) continue;
      } else {
        return Flush(out);
      }
      if (current_ && current_->document.id != record->document.id) {
        pending_ = std::move(record);
        return Flush(out);
      }
      Add(std::move(*record));
    }
  }

  absl::Status status() const override { return absl::OkStatus(); }

 private:
  std::optional<schema::ClaimRecord> Parse(const std::string& line) {
    if (reader_.too_long()) {
      Report(absl::StrCat("line longer than ", options_.max_document_bytes, " bytes; skipped"));
      return std::nullopt;
    }
    if (absl::StripAsciiWhitespace(line).empty()) return std::nullopt;
    auto record = schema::ClaimRecordFromJson(line);
    if (!record.ok()) {
      Report(Sv(record.status().message()));
      return std::nullopt;
    }
    if (options_.published) {
      if (record->mention.made == record->document.published) {
        record->mention.made = *options_.published;
      }
      record->document.published = *options_.published;
    }
    schema::Document doc_for_spans = record->document;
    if (auto s = schema::ValidateMention(record->mention, doc_for_spans); !s.ok()) {
      Report(Sv(s.message()));
      return std::nullopt;
    }
    return *std::move(record);
  }

  void Add(schema::ClaimRecord r) {
    if (!current_) {
      current_.emplace();
      current_->document = std::move(r.document);
      entities_.clear();
      props_.clear();
      claims_.clear();
    }
    if (entities_.insert(r.holder.id).second) current_->entities.push_back(std::move(r.holder));
    if (props_.insert(r.proposition.id).second) {
      current_->propositions.push_back(std::move(r.proposition));
    }
    if (claims_.insert(r.claim.id).second) current_->claims.push_back(r.claim);
    if (r.mention.ordinal == 0 && !current_->mentions.empty()) {
      r.mention.ordinal = current_->mentions.back().ordinal + 1;
    }
    current_->mentions.push_back(std::move(r.mention));
  }

  bool Flush(schema::DocumentClaims* out) {
    if (!current_) return false;
    *out = std::move(*current_);
    current_.reset();
    return true;
  }

  void Report(std::string_view message) {
    if (errors_) errors_({name_, reader_.line_number(), std::string(message)});
  }

  LineReader reader_;
  std::string name_;
  SourceOptions options_;
  ErrorSink errors_;
  std::optional<schema::DocumentClaims> current_;
  std::optional<schema::ClaimRecord> pending_;
  absl::flat_hash_set<uint64_t> entities_, props_, claims_;
};

}  // namespace

std::unique_ptr<DocumentSource> MakeClaimsJsonlSource(std::istream& in, std::string name,
                                                      const SourceOptions& options,
                                                      ErrorSink errors) {
  return std::make_unique<ClaimsJsonlSource>(in, std::move(name), options, std::move(errors));
}

}  // namespace stancegraph::importers
