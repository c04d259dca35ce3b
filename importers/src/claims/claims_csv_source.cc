#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "claims/claims_sources.h"
#include "line_reader.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::importers {
namespace {

enum Column { kClaimId, kHolder, kProposition, kPolarity, kTs, kDocId, kNumColumns };
constexpr std::array<absl::string_view, kNumColumns> kColumnNames = {
    "claim_id", "holder", "proposition_id", "polarity", "ts", "doc_id"};

struct Row {
  std::string holder, proposition, doc;
  int8_t polarity = 0;
  int64_t ts = 0;
};

class ClaimsCsvSource final : public DocumentSource {
 public:
  ClaimsCsvSource(std::istream& in, std::string name, const SourceOptions& options,
                  ErrorSink errors)
      : reader_(in, 1u << 20), name_(std::move(name)), options_(options),
        errors_(std::move(errors)) {}

  bool Next(schema::DocumentClaims* out) override {
    if (!header_read_ && !ReadHeader()) return false;
    std::string line;
    for (;;) {
      std::optional<Row> row;
      if (pending_) {
        row = std::move(pending_);
        pending_.reset();
      } else if (reader_.Next(&line)) {
        row = Parse(line);
        if (!row) continue;
      } else {
        return Flush(out);
      }
      if (!rows_.empty() && rows_.front().doc != row->doc) {
        pending_ = std::move(row);
        return Flush(out);
      }
      rows_.push_back(std::move(*row));
    }
  }

  absl::Status status() const override { return status_; }

 private:
  bool ReadHeader() {
    header_read_ = true;
    std::string line;
    if (!reader_.Next(&line)) return false;  // empty file: nothing to import
    std::vector<absl::string_view> cells = absl::StrSplit(line, ',');
    columns_.fill(-1);
    for (size_t i = 0; i < cells.size(); ++i) {
      for (int c = 0; c < kNumColumns; ++c) {
        if (cells[i] == kColumnNames[c]) columns_[c] = static_cast<int>(i);
      }
    }
    for (int c = 0; c < kNumColumns; ++c) {
      if (columns_[c] < 0) {
        status_ = absl::InvalidArgumentError(absl::StrCat(
            name_, ":1: the header lacks the column \"", kColumnNames[c],
            "\" (expected claim_id,holder,proposition_id,polarity,ts,doc_id)"));
        return false;
      }
    }
    width_ = cells.size();
    return true;
  }

  std::optional<Row> Parse(absl::string_view line) {
    if (reader_.too_long()) return Fail("line too long");
    if (line.empty()) return std::nullopt;
    std::vector<absl::string_view> cells = absl::StrSplit(line, ',');
    if (cells.size() != width_) {
      return Fail(absl::StrCat("expected ", width_, " fields, found ", cells.size()));
    }
    Row row;
    row.holder = std::string(cells[columns_[kHolder]]);
    row.proposition = std::string(cells[columns_[kProposition]]);
    row.doc = std::string(cells[columns_[kDocId]]);
    if (row.holder.empty()) return Fail("empty holder");
    if (row.proposition.empty()) return Fail("empty proposition_id");
    int polarity;
    if (!absl::SimpleAtoi(cells[columns_[kPolarity]], &polarity) || polarity < -1 ||
        polarity > 1) {
      return Fail(absl::StrCat("polarity \"", cells[columns_[kPolarity]], "\" is not -1, 0 or 1"));
    }
    row.polarity = static_cast<int8_t>(polarity);
    if (!absl::SimpleAtoi(cells[columns_[kTs]], &row.ts) || row.ts < -(int64_t{1} << 40) ||
        row.ts > (int64_t{1} << 40)) {
      return Fail(absl::StrCat("ts \"", cells[columns_[kTs]], "\" is not Unix seconds"));
    }
    return row;
  }

  std::optional<Row> Fail(absl::string_view message) {
    if (errors_) errors_({name_, reader_.line_number(), std::string(message)});
    return std::nullopt;
  }

  bool Flush(schema::DocumentClaims* out) {
    if (rows_.empty()) return false;
    schema::DocumentClaims d;
    std::string content = absl::StrCat("claims-csv\n", rows_.front().doc, "\n");
    for (const Row& r : rows_) {
      absl::StrAppend(&content, r.holder, ",", r.proposition, ",", int(r.polarity), ",", r.ts,
                      "\n");
    }
    d.document.id = schema::MakeDocumentId(content);
    d.document.source = absl::StrCat(name_, "#doc=", rows_.front().doc);
    d.document.published = options_.published.value_or(schema::SecondsToTimestamp(rows_.front().ts));
    entities_.clear();
    props_.clear();
    claims_.clear();
    uint32_t ordinal = 0;
    for (const Row& r : rows_) {
      schema::EntityId h = schema::MakeEntityId(r.holder);
      schema::PropositionId p = schema::MakePropositionId(r.proposition);
      if (entities_.insert(h).second) {
        d.entities.push_back({.id = h, .name = r.holder});
      }
      if (props_.insert(p).second) {
        d.propositions.push_back(
            {.id = p, .text = r.proposition, .key = schema::NormalizeKey(r.proposition)});
      }
      schema::ClaimId c = schema::MakeClaimId(h, p, r.polarity);
      if (claims_.insert(c).second) {
        d.claims.push_back({.id = c, .holder = h, .proposition = p, .polarity = r.polarity});
      }
      d.mentions.push_back({.claim = c,
                            .document = d.document.id,
                            .ordinal = ordinal++,
                            .extractor = "claims-csv",
                            .made = schema::SecondsToTimestamp(r.ts)});
    }
    rows_.clear();
    *out = std::move(d);
    return true;
  }

  LineReader reader_;
  std::string name_;
  SourceOptions options_;
  ErrorSink errors_;
  bool header_read_ = false;
  std::array<int, kNumColumns> columns_{};
  size_t width_ = 0;
  std::vector<Row> rows_;
  std::optional<Row> pending_;
  absl::flat_hash_set<uint64_t> entities_, props_, claims_;
  absl::Status status_;
};

}  // namespace

std::unique_ptr<DocumentSource> MakeClaimsCsvSource(std::istream& in, std::string name,
                                                    const SourceOptions& options,
                                                    ErrorSink errors) {
  return std::make_unique<ClaimsCsvSource>(in, std::move(name), options, std::move(errors));
}

}  // namespace stancegraph::importers
