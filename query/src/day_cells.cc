#include "day_cells.h"

namespace stancegraph::query::internal {
namespace {

struct Cell {
  size_t begin = 0, end = 0;
  int8_t polarity = 0;
  bool has_new = false;
};

}  // namespace

std::vector<Flip> FindFlips(std::span<const Statement> timeline, uint64_t new_from) {
  // The deciding cells, in order.
  std::vector<Cell> cells;
  size_t i = 0;
  while (i < timeline.size()) {
    const int64_t day = DayOf(timeline[i].made);
    Cell c{.begin = i};
    bool pos = false, neg = false;
    for (; i < timeline.size() && DayOf(timeline[i].made) == day; ++i) {
      const Statement& s = timeline[i];
      if (s.polarity > 0) pos = true;
      if (s.polarity < 0) neg = true;
      if (s.polarity != 0 && new_from > 0 && s.sequence >= new_from) c.has_new = true;
    }
    c.end = i;
    c.polarity = pos == neg ? 0 : pos ? 1 : -1;
    if (day != kNoDay && c.polarity != 0) cells.push_back(c);
  }
  std::vector<Flip> flips;
  size_t run_first = 0;  // the first cell of the current run
  for (size_t k = 1; k < cells.size(); ++k) {
    if (cells[k].polarity == cells[k - 1].polarity) continue;
    // Cells [run_first, k) are the run before; the run after starts at k.
    size_t run_last = k;
    while (run_last + 1 < cells.size() && cells[run_last + 1].polarity == cells[k].polarity) {
      ++run_last;
    }
    flips.push_back({.from_begin = cells[run_first].begin,
                     .from_end = cells[k - 1].end,
                     .from_last_cell = cells[k - 1].begin,
                     .to_begin = cells[k].begin,
                     .to_end = cells[run_last].end,
                     .to_first_cell_end = cells[k].end,
                     .touches_new = cells[k - 1].has_new || cells[k].has_new});
    run_first = k;
  }
  return flips;
}

}  // namespace stancegraph::query::internal
