#include "line_reader.h"

namespace stancegraph::importers {

bool LineReader::Next(std::string* line) {
  line->clear();
  too_long_ = false;
  std::streambuf* buf = in_.rdbuf();
  if (!buf) return false;
  bool any = false;
  for (;;) {
    int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) break;
    any = true;
    ++bytes_;
    if (c == '\n') break;
    if (too_long_) continue;
    if (line->size() >= max_) {
      too_long_ = true;
      line->clear();
      line->shrink_to_fit();
      continue;
    }
    line->push_back(static_cast<char>(c));
  }
  if (!any) return false;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  ++line_number_;
  return true;
}

}  // namespace stancegraph::importers
