// The output contract every subcommand prints through (docs/output-formats.md):
//   table  aligned columns for people;
//   json   ONE JSON document: an array of objects for lists, an object for
//          counts and summaries;
//   jsonl  one JSON object per line;
//   csv    RFC 4180: a header of unique names, one value per cell (lists
//          joined with ';').
// Keeping this in one place is what keeps the subcommands consistent.
#pragma once

#include <initializer_list>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "nlohmann/json.hpp"

namespace stancegraph::cli {

// A usage error: printed like any error, but the program exits 2.
absl::Status UsageError(const std::string& message);
bool IsUsageError(const absl::Status& status);

// Refuses (as a usage error) a --format value not in `allowed`.
absl::Status RequireFormat(const std::string& format, std::initializer_list<const char*> allowed,
                           const std::string& what);

// A float as people wrote it: the shortest decimal that reads back as the
// same float (0.9f gives 0.9, not 0.8999999761581421).
double Tidy(float value);
// A double for a cell: shortest round-trip text ("0.5", "3").
std::string NumberText(double value);

// Serialises one JSON value on one line; invalid UTF-8 is replaced.
std::string Dump(const nlohmann::json& j);

// Cuts at `width` bytes without splitting a UTF-8 sequence (table cells).
std::string Cut(std::string s, size_t width);

// True for json and jsonl: the formats that print the JSON objects (and so
// the only ones a command needs to build them, or their evidence, for).
bool IsJsonFormat(const std::string& format);

// A list result. Each row is a JSON object (json/jsonl) and a list of cells
// under `columns` (table/csv). Rows stream for jsonl; the rest print at
// Finish().
class ListPrinter {
 public:
  ListPrinter(std::string format, std::vector<std::string> columns, std::ostream& out);
  // `csv_columns` replaces the table's columns in CSV (e.g. more of them).
  void SetCsvColumns(std::vector<std::string> columns);
  void Add(nlohmann::json object, std::vector<std::string> cells);
  void Add(nlohmann::json object, std::vector<std::string> cells, std::vector<std::string> csv);
  // A line printed whole under the last row (table only).
  void Note(std::string line);
  void Finish();
  size_t size() const { return count_; }

  // Adds a row for each item of `it` (REQUIRES: `it` has Valid(), Next(),
  // value() and status(), as the query iterators do) by calling
  // `add_row(it.value())`, until the iterator ends or `limit` rows (0 = no
  // limit) are in; then Finish(). An iterator's error is returned instead
  // of finishing (jsonl rows already streamed stay printed).
  template <typename Iterator, typename AddRow>
  absl::Status AddAll(Iterator& it, size_t limit, AddRow add_row) {
    for (size_t added = 0; it.Valid() && (limit == 0 || added < limit); it.Next(), ++added) {
      add_row(it.value());
    }
    if (absl::Status s = it.status(); !s.ok()) return s;
    Finish();
    return absl::OkStatus();
  }

 private:
  std::string format_;
  std::vector<std::vector<std::string>> rows_;      // table, header first
  std::vector<std::vector<std::string>> csv_rows_;  // csv, header first
  std::map<size_t, std::vector<std::string>> notes_;
  nlohmann::json all_ = nlohmann::json::array();
  size_t count_ = 0;
  std::ostream& out_;
};

// A count or summary: a JSON object in json/jsonl, "name  value" lines in
// table, a header and one row in csv. `table_lines` (when given) replaces
// the default text for people.
void PrintObject(const std::string& format, const nlohmann::json& object, std::ostream& out,
                 const std::vector<std::pair<std::string, std::string>>& table_lines = {});

// Counts (an object of numbers) as PrintObject prints them, except that a
// single count prints in table as the bare number, for scripts.
void PrintCounts(const std::string& format, const nlohmann::json& counts, std::ostream& out);

// Joins list values for one CSV cell.
std::string JoinCell(const std::vector<std::string>& values);

}  // namespace stancegraph::cli
