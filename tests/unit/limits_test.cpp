// Limits on hostile input (docs/limits.md): too large, too many cells, not a report. Each gives
// its diagnostic and status instead of exhausting memory or time. No timing is asserted here:
// the benchmark and the fuzzers (-timeout) watch time.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "doc/tree.hpp"
#include "test_files.hpp"
#include "xxgk/xxgk.hpp"

namespace fs = std::filesystem;

namespace {

int count(const xxgk::Record& r, std::string_view code) {
  int n = 0;
  for (const auto& d : r.diagnostics) n += d.code == code;
  return n;
}

}  // namespace

TEST_CASE("input larger than the limit: too-large, status 2, nothing decoded") {
  auto r = xxgk::parse_bytes(std::string(xxgk::kMaxInputBytes + 1, 'a'), "big.txt");
  CHECK(r.status == xxgk::Status::rejected);
  REQUIRE(r.record.diagnostics.size() == 1);
  CHECK(r.record.diagnostics[0].code == "too-large");
  CHECK(r.text.empty());

  auto fits = xxgk::parse_bytes(std::string(1024, 'a'), "small.txt");
  CHECK(count(fits.record, "too-large") == 0);
}

TEST_CASE("a 1 GiB file is refused without being read whole") {
  xxgk::test::TempDir dir;
  const fs::path path = dir.write("1gib.txt", "x");
  fs::resize_file(path, std::uintmax_t{1} << 30);  // sparse: no disk used
  auto r = xxgk::parse_file(path.string());
  CHECK(r.status == xxgk::Status::rejected);
  REQUIRE(r.record.diagnostics.size() == 1);
  CHECK(r.record.diagnostics[0].code == "too-large");
}

TEST_CASE("more cells than the node limit: too-many-cells where building stopped, the rest not read") {
  std::string text = "某局 2024 年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n";
  text += "规章";
  text.append(xxgk::doc::kMaxNodes + 10, '\t');
  text += "\n";
  auto r = xxgk::parse_bytes(text, "wide.txt");
  REQUIRE(count(r.record, "too-many-cells") == 1);
  for (const auto& d : r.record.diagnostics)
    if (d.code == "too-many-cells") {
      CHECK(d.at.line == 4);
      CHECK(d.at.column > 1);
    }
  CHECK(r.status != xxgk::Status::ok);
}

TEST_CASE("not a report: status 2 with the reason") {
  auto novel = xxgk::parse_bytes("第一章\n\n天色渐晚，他推开门走了出去。\n", "novel.txt");
  CHECK(novel.status == xxgk::Status::rejected);
  REQUIRE(novel.record.diagnostics.size() == 1);
  CHECK(novel.record.diagnostics[0].code == "not-a-report");
  CHECK(novel.record.diagnostics[0].message.find("no title") != std::string::npos);

  // One row that names a template row (合计) does not make a spreadsheet a report.
  auto sheet = xxgk::parse_bytes("序号\t项目\t经费\n1\t研发\t120\n合计\t\t120\n", "sheet.tsv");
  CHECK(sheet.status == xxgk::Status::rejected);
  CHECK(count(sheet.record, "not-a-report") == 1);
}

TEST_CASE("docs/limits.md lists every diagnostic of the catalogue, and no other") {
  const std::string codes = xxgk::test::slurp(fs::path(XXGK_SOURCE_DIR) / "src/diag/codes.def");
  const std::string doc = xxgk::test::slurp(fs::path(XXGK_SOURCE_DIR) / "docs/limits.md");
  std::vector<std::string> catalogue;
  for (std::size_t at = 0; (at = codes.find("\nXXGK_DIAG(", at)) != std::string::npos; ++at) {
    const auto open = codes.find('"', at), close = codes.find('"', open + 1);
    catalogue.push_back(codes.substr(open + 1, close - open - 1));
  }
  CHECK(catalogue.size() > 30);
  for (const auto& code : catalogue) {
    CAPTURE(code);
    CHECK(doc.find("| `" + code + "` |") != std::string::npos);
  }
  for (std::size_t at = 0; (at = doc.find("\n| `", at)) != std::string::npos; ++at) {
    const auto code = doc.substr(at + 4, doc.find('`', at + 4) - at - 4);
    if (code.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") != std::string::npos) continue;  // not a code row
    CAPTURE(code);
    CHECK(std::find(catalogue.begin(), catalogue.end(), code) != catalogue.end());
  }
}
