// The HTML report in a real browser: headless Chromium (Debian's `chromium`,
// installed by scripts/setup.sh) loads the file, the sections are in the
// rendered DOM, the console shows no error, article text holding <script>
// shows as text, and screenshots (phone and desktop width) are kept in the
// build directory: report-screenshot.png and report-screenshot-wide.png.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "report_test_util.h"

namespace stancegraph::testing {
namespace {

struct BrowserRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

bool HaveChromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

// Runs headless Chromium on `url` with `flags`, in a fresh profile.
BrowserRun Chromium(const std::string& flags, const std::string& url) {
  TempDir profile, io;
  const std::string cmd =
      "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--disable-dev-shm-usage --enable-logging=stderr --v=0 --user-data-dir='" +
      profile.path() + "' " + flags + " '" + url + "' >" + (io / "out") + " 2>" + (io / "err");
  int status = std::system(cmd.c_str());
  BrowserRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(io / "out");
  r.err = ReadFile(io / "err");
  return r;
}

// Console messages, script errors, blocked or failed loads Chromium logs to
// stderr (as "INFO:CONSOLE:1] \"Uncaught ...\"" and the like). The page has
// no script, so any console message is a fault.
bool HasConsoleError(const std::string& err) {
  for (const char* marker : {"Uncaught", ":CONSOLE:", ":CONSOLE(", "Refused to", "net::ERR_"}) {
    if (err.find(marker) != std::string::npos) return true;
  }
  return false;
}

TEST_CASE("the HTML report renders in headless Chromium with its sections and no errors",
          "[cli][report][browser]") {
  if (!HaveChromium()) {
    FAIL("chromium is not installed: run scripts/setup.sh (CI installs it)");
  }
  ReportDb db;
  db.Import("batch1.jsonl");
  REQUIRE(db.Report("--since-last --now 2024-03-31T06:00:00Z").exit_code == 0);
  db.Import("batch2.jsonl");
  const std::string html = db.path("report.html");
  // --by-concept: every section, the concept-level one included.
  CliResult r = db.Report("--since-last --by-concept --format html --now 2024-04-30T06:00:00Z --out '" +
                          html + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string url = "file://" + html;

  BrowserRun dom = Chromium("--dump-dom", url);
  INFO(dom.err);
  REQUIRE(dom.exit_code == 0);
  for (const char* id : {"summary", "new-contradictions", "new-reversals", "contested-propositions",
                         "contested-concepts", "coalitions", "key-actors", "conflict-network"}) {
    INFO(id);
    CHECK(dom.out.find(std::string("<section id=\"") + id + "\">") != std::string::npos);
  }
  CHECK(dom.out.find("<svg class=\"timeline\"") != std::string::npos);
  CHECK(dom.out.find("<svg class=\"network\"") != std::string::npos);
  CHECK(dom.out.find("Harbor Workers Union on “Riverton builds the dam”") != std::string::npos);
  CHECK_FALSE(HasConsoleError(dom.err));

  // The article's <script> is text in the page, not an element.
  CHECK(dom.out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(dom.out.find("<script") == std::string::npos);
  CHECK(dom.out.find("href=\"javascript:") == std::string::npos);

  const std::string phone = std::string(SG_BINARY_DIR) + "/report-screenshot.png";
  const std::string wide = std::string(SG_BINARY_DIR) + "/report-screenshot-wide.png";
  std::filesystem::remove(phone);
  std::filesystem::remove(wide);
  BrowserRun shot =
      Chromium("--hide-scrollbars --window-size=390,5200 --screenshot='" + phone + "'", url);
  INFO(shot.err);
  CHECK(shot.exit_code == 0);
  CHECK(std::filesystem::exists(phone));
  CHECK_FALSE(HasConsoleError(shot.err));
  BrowserRun shot_wide =
      Chromium("--hide-scrollbars --window-size=1280,2400 --screenshot='" + wide + "'", url);
  CHECK(shot_wide.exit_code == 0);
  CHECK(std::filesystem::exists(wide));
}

}  // namespace
}  // namespace stancegraph::testing
