// Reads lines with a length cap, so one huge line cannot take unbounded
// memory. Private to importers.
#pragma once

#include <cstdint>
#include <istream>
#include <string>

namespace stancegraph::importers {

class LineReader {
 public:
  LineReader(std::istream& in, size_t max_line_bytes) : in_(in), max_(max_line_bytes) {}

  // Reads the next line (without "\n" or a trailing "\r") into *line.
  // Returns false at the end of input. A line longer than the cap is
  // skipped to its end and reported through too_long().
  bool Next(std::string* line);
  // True when the last line returned by Next was cut because it was too long
  // (*line is then empty).
  bool too_long() const { return too_long_; }
  // 1-based number of the last line returned.
  uint64_t line_number() const { return line_number_; }
  uint64_t bytes_read() const { return bytes_; }

 private:
  std::istream& in_;
  size_t max_;
  bool too_long_ = false;
  uint64_t line_number_ = 0;
  uint64_t bytes_ = 0;
};

}  // namespace stancegraph::importers
