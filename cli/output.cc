#include "output.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "stancegraph/query/network_io.h"

namespace stancegraph::cli {

using nlohmann::json;

namespace {
constexpr char kUsagePayload[] = "stancegraph/usage";

size_t Columns(const std::string& s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void PrintCsv(const std::vector<std::vector<std::string>>& rows, std::ostream& out) {
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << query::CsvField(row[i]);
    // RFC 4180 ends records with CRLF; LF is what every tool we know reads
    // and what the network CSV has always used, so we keep LF throughout.
    out << "\n";
  }
}

std::string ScalarText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  if (v.is_number_float()) return NumberText(v.get<double>());
  return v.dump();
}
}  // namespace

absl::Status UsageError(const std::string& message) {
  absl::Status s = absl::InvalidArgumentError(message);
  s.SetPayload(kUsagePayload, absl::Cord("1"));
  return s;
}

bool IsUsageError(const absl::Status& status) {
  return status.GetPayload(kUsagePayload).has_value();
}

absl::Status RequireFormat(const std::string& format, std::initializer_list<const char*> allowed,
                           const std::string& what) {
  std::vector<std::string> names;
  for (const char* a : allowed) {
    if (format == a) return absl::OkStatus();
    names.push_back(a);
  }
  return UsageError(absl::StrCat(what, " cannot be printed as ", format, ": use --format ",
                                 absl::StrJoin(names, ", ")));
}

double Tidy(float value) {
  if (!std::isfinite(value)) return value;
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf - 1, value);
  *r.ptr = '\0';
  return std::strtod(buf, nullptr);
}

std::string NumberText(double value) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, r.ptr);
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string Cut(std::string s, size_t width) {
  if (s.size() <= width) return s;
  size_t end = width - 1;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + "…";
}

bool IsJsonFormat(const std::string& format) { return format == "json" || format == "jsonl"; }

std::string JoinCell(const std::vector<std::string>& values) { return absl::StrJoin(values, ";"); }

ListPrinter::ListPrinter(std::string format, std::vector<std::string> columns, std::ostream& out)
    : format_(std::move(format)), out_(out) {
  csv_rows_.push_back(columns);
  rows_.push_back(std::move(columns));
}

void ListPrinter::SetCsvColumns(std::vector<std::string> columns) {
  csv_rows_[0] = std::move(columns);
}

void ListPrinter::Add(json object, std::vector<std::string> cells) {
  std::vector<std::string> csv = cells;
  Add(std::move(object), std::move(cells), std::move(csv));
}

void ListPrinter::Add(json object, std::vector<std::string> cells, std::vector<std::string> csv) {
  ++count_;
  if (format_ == "jsonl") {
    out_ << Dump(object) << "\n";
  } else if (format_ == "json") {
    all_.push_back(std::move(object));
  } else if (format_ == "csv") {
    csv_rows_.push_back(std::move(csv));
  } else {
    rows_.push_back(std::move(cells));
  }
}

void ListPrinter::Note(std::string line) { notes_[rows_.size() - 1].push_back(std::move(line)); }

void ListPrinter::Finish() {
  if (format_ == "jsonl") return;
  if (format_ == "json") {
    out_ << Dump(all_) << "\n";
    return;
  }
  if (format_ == "csv") {
    PrintCsv(csv_rows_, out_);
    return;
  }
  std::vector<size_t> width(rows_.front().size(), 0);
  std::vector<std::vector<std::string>> cut;
  for (const auto& row : rows_) {
    std::vector<std::string> r;
    for (size_t i = 0; i < row.size(); ++i) {
      r.push_back(Cut(row[i], 48));
      width[i] = std::max(width[i], Columns(r.back()));
    }
    cut.push_back(std::move(r));
  }
  for (size_t r = 0; r < cut.size(); ++r) {
    std::string line;
    for (size_t i = 0; i < cut[r].size(); ++i) {
      line += cut[r][i];
      if (i + 1 < cut[r].size()) line += std::string(width[i] - Columns(cut[r][i]) + 2, ' ');
    }
    out_ << line << "\n";
    if (const auto it = notes_.find(r); it != notes_.end()) {
      for (const std::string& note : it->second) out_ << "  " << note << "\n";
    }
  }
}

void PrintObject(const std::string& format, const json& object, std::ostream& out,
                 const std::vector<std::pair<std::string, std::string>>& table_lines) {
  if (IsJsonFormat(format)) {
    out << Dump(object) << "\n";
    return;
  }
  if (format == "csv") {
    std::vector<std::vector<std::string>> rows(2);
    for (const auto& [k, v] : object.items()) {
      if (v.is_structured()) continue;  // nested lists have their own commands
      rows[0].push_back(k);
      rows[1].push_back(ScalarText(v));
    }
    PrintCsv(rows, out);
    return;
  }
  std::vector<std::pair<std::string, std::string>> lines = table_lines;
  if (lines.empty()) {
    for (const auto& [k, v] : object.items()) {
      if (!v.is_structured()) lines.emplace_back(k, ScalarText(v));
    }
  }
  size_t w = 0;
  for (const auto& [k, v] : lines) w = std::max(w, Columns(k));
  for (const auto& [k, v] : lines) {
    out << k << std::string(w - Columns(k) + 2, ' ') << v << "\n";
  }
}

void PrintCounts(const std::string& format, const json& counts, std::ostream& out) {
  if (format == "table" && counts.size() == 1) {
    out << ScalarText(counts.begin().value()) << "\n";
  } else {
    PrintObject(format, counts, out);
  }
}

}  // namespace stancegraph::cli
