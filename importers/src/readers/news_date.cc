// Dates as news sites write them.
#include <cctype>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "stancegraph/importers/article.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::importers {
namespace {

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int MonthOf(const std::string& w) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (w.compare(0, 3, kMonths[i]) == 0) {
      static const char* const kFull[] = {"january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december"};
      const std::string full = kFull[i];
      if (w.size() == 3 || full.compare(0, w.size(), w) == 0 || w == "sept") return i + 1;
    }
  }
  return 0;
}

// Minutes east of UTC for a zone abbreviation; false if unknown.
bool ZoneOffset(const std::string& w, int* minutes) {
  struct Zone {
    const char* name;
    int minutes;
  };
  static const Zone kZones[] = {{"z", 0},      {"gmt", 0},     {"utc", 0},     {"ut", 0},
                                {"bst", 60},   {"cet", 60},    {"cest", 120},  {"eet", 120},
                                {"eest", 180}, {"msk", 180},   {"est", -300},  {"edt", -240},
                                {"cst", -360}, {"cdt", -300},  {"mst", -420},  {"mdt", -360},
                                {"pst", -480}, {"pdt", -420},  {"ist", 330},   {"jst", 540},
                                {"aest", 600}, {"aedt", 660},  {"et", -300},   {"pt", -480}};
  for (const Zone& z : kZones) {
    if (w == z.name) {
      *minutes = z.minutes;
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<schema::Timestamp> ParseNewsDate(std::string_view text) {
  std::string s(absl::StripAsciiWhitespace(std::string(text)));
  if (s.empty() || s.size() > 200) return std::nullopt;
  if (auto t = schema::ParseTime(s); t.ok()) return *t;
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  if (!cur.empty()) words.push_back(cur);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offset = 0;
  bool pm = false, am = false;
  for (std::string w : words) {
    if (auto t = schema::ParseTime(w); t.ok() && w.size() >= 10) return *t;
    while (!w.empty() && (w.back() == '.' || w.back() == ')')) w.pop_back();
    while (!w.empty() && w.front() == '(') w.erase(w.begin());
    if (w.empty()) continue;
    if (w == "am" || w == "a.m") { am = true; continue; }
    if (w == "pm" || w == "p.m") { pm = true; continue; }
    if ((w[0] == '+' || w[0] == '-') && w.size() >= 5 && std::isdigit(static_cast<unsigned char>(w[1]))) {
      std::string digits;
      for (char c : w.substr(1)) if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
      if (digits.size() == 4) {
        offset = (std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2))) * (w[0] == '-' ? -1 : 1);
      }
      continue;
    }
    if (int m = MonthOf(w); m > 0 && !std::isdigit(static_cast<unsigned char>(w[0]))) {
      month = m;
      continue;
    }
    if (int z = 0; ZoneOffset(w, &z)) { offset = z; continue; }
    if (std::isdigit(static_cast<unsigned char>(w[0]))) {
      if (w.find(':') != std::string::npos) {
        int h = 0, mi = 0, se = 0;
        char suffix[8] = {0};
        const int n = std::sscanf(w.c_str(), "%d:%d:%d%7s", &h, &mi, &se, suffix);
        if (n < 2) std::sscanf(w.c_str(), "%d:%d%7s", &h, &mi, suffix);
        hour = h; minute = mi; second = n >= 3 ? se : 0;
        const std::string suf = suffix;
        if (suf.rfind("pm", 0) == 0 || suf.rfind("p.m", 0) == 0) pm = true;
        if (suf.rfind("am", 0) == 0 || suf.rfind("a.m", 0) == 0) am = true;
        continue;
      }
      if (w.find('/') != std::string::npos || w.find('-') != std::string::npos) {
        int a = 0, b = 0, c = 0;
        if (std::sscanf(w.c_str(), "%d%*[/-]%d%*[/-]%d", &a, &b, &c) == 3) {
          if (a > 31) { year = a; month = b; day = c; }
          else if (c > 31) { year = c; day = a; month = b; }  // day/month/year
        }
        continue;
      }
      size_t digits = 0;
      while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
      const int v = std::stoi(w.substr(0, std::min<size_t>(digits, 6)));
      if (digits == 4) year = v;
      else if (digits <= 2 && day == 0) day = v;
    }
  }
  // Times read with %d may be negative ("-5:30"): out of range as well.
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 ||
      hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  if (pm && hour < 12) hour += 12;
  if (am && hour == 12) hour = 0;
  const int64_t secs = DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
                       static_cast<int64_t>(offset) * 60;
  return schema::SecondsToTimestamp(secs);
}

}  // namespace stancegraph::importers
