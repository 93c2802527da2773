// The stage before any grammar: what a source is (sniff), the front end registry, and where a
// byte offset of the source text is, in any kind of source (locations and their rendering).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "frontend/frontend.hpp"
#include "source.hpp"
#include "xxgk/xxgk.hpp"

using namespace xxgk;
using frontend::Format;

namespace {

std::string zip_with(std::string_view member) {
  // A local file header is enough for the sniffer: the signature, then the name.
  return std::string("PK\x03\x04", 4) + std::string(26, '\0') + std::string(member);
}

int count(const Record& r, std::string_view code) {
  int n = 0;
  for (const auto& d : r.diagnostics) n += d.code == code;
  return n;
}

}  // namespace

TEST_CASE("sniff: each container by its first bytes") {
  CHECK(frontend::sniff("%PDF-1.7\n...") == Format::pdf);
  CHECK(frontend::sniff("\xEF\xBB\xBF%PDF-1.4") == Format::pdf);  // a PDF signature within the first KiB
  CHECK(frontend::sniff(zip_with("word/document.xml")) == Format::docx);
  CHECK(frontend::sniff(zip_with("mimetypeapplication/vnd.oasis.opendocument.text")) == Format::odt);
  CHECK(frontend::sniff(zip_with("xl/workbook.xml")) == Format::xlsx);
  CHECK(frontend::sniff(zip_with("report.txt")) == Format::zip);
  CHECK(frontend::sniff(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0')) == Format::ole);
  CHECK(frontend::sniff("{\\rtf1\\ansi") == Format::rtf);
  CHECK(frontend::sniff("\x89PNG\r\n\x1a\n") == Format::image);
  CHECK(frontend::sniff("\xFF\xD8\xFF\xE0") == Format::image);
}

TEST_CASE("sniff: an HTML page by the markup it starts with; text otherwise") {
  CHECK(frontend::sniff("<!DOCTYPE html>\n<html>") == Format::html);
  CHECK(frontend::sniff("\xEF\xBB\xBF  \n<HTML><HEAD>") == Format::html);
  CHECK(frontend::sniff("<meta charset=\"gbk\"><p>某局</p>") == Format::html);
  CHECK(frontend::sniff("某局 2024 年政府信息公开工作年度报告\n") == Format::text);
  CHECK(frontend::sniff("| 信息内容 | 本年<br>制发件数 |\n") == Format::text);  // markdown with <br> in a cell
  CHECK(frontend::sniff("<不是标签>\n") == Format::text);
  CHECK(frontend::sniff("") == Format::text);
}

TEST_CASE("front ends: text, PDF, Word files and HTML are read; a format no front end reads is named, never undecodable") {
  CHECK(frontend::front_end_for(Format::text) != nullptr);
  CHECK(frontend::front_end_for(Format::pdf) != nullptr);
  CHECK(frontend::front_end_for(Format::docx) != nullptr);
  CHECK(frontend::front_end_for(Format::html) != nullptr);
  for (auto f : {Format::zip, Format::ole, Format::image}) {
    CHECK(frontend::front_end_for(f) == nullptr);
    CAPTURE(frontend::info(f).name);
    CHECK(!frontend::info(f).description.empty());
    CHECK(!frontend::info(f).advice.empty());
  }
  auto r = parse_bytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'), "report.doc");
  CHECK(r.status == Status::rejected);
  CHECK(r.record.format == "ole");
  REQUIRE(r.record.diagnostics.size() == 1);
  CHECK(r.record.diagnostics[0].code == "unsupported-format");
  CHECK(r.record.diagnostics[0].message.find("a legacy Word, WPS or Excel file") != std::string::npos);
  CHECK(count(r.record, "undecodable") == 0);

  auto page = parse_bytes("<!DOCTYPE html><html><body><p>某局2024年政府信息公开工作年度报告</p></body></html>", "page.html");
  CHECK(page.status == Status::rejected);
  CHECK(page.record.format == "html");  // read: a title alone is not a report
  CHECK(count(page.record, "unsupported-format") == 0);
  CHECK(count(page.record, "not-a-report") == 1);
}

TEST_CASE("locate: lines and columns of a text, LF, CRLF and lone CR alike") {
  SourceText s{"ab\n一二\r\nc\rd", {}};
  const std::vector<std::uint32_t> offsets = {0, 1, 3, 6, 9, 10, 11, 12, 13, 99};
  const auto at = s.locate(offsets);
  CHECK(at[0] == Location{1, 1});
  CHECK(at[1] == Location{1, 2});
  CHECK(at[2] == Location{2, 1});   // 一
  CHECK(at[3] == Location{2, 2});   // 二: columns count characters
  CHECK(at[4] == Location{2, 3});   // the CR of the CRLF
  CHECK(at[5] == Location{2, 4});   // its LF: still line 2
  CHECK(at[6] == Location{3, 1});   // c
  CHECK(at[7] == Location{3, 2});   // the lone CR
  CHECK(at[8] == Location{4, 1});   // d
  CHECK(at[9] == Location{4, 2});   // past the end: the end
}

TEST_CASE("locate: offsets in any order give the same locations") {
  SourceText s{"line one\nline two\nline three\n", {}};
  const std::vector<std::uint32_t> sorted = {2, 9, 12, 20, 25}, shuffled = {25, 2, 20, 12, 9};
  const auto a = s.locate(sorted), b = s.locate(shuffled);
  CHECK(b[0] == a[4]);
  CHECK(b[1] == a[0]);
  CHECK(b[2] == a[3]);
  CHECK(b[3] == a[2]);
  CHECK(b[4] == a[1]);
  CHECK(a[2] == Location{2, 4});
}

TEST_CASE("locate: a front end's anchors — a PDF's page and line, a Word file's cells") {
  // A rendered PDF: two lines of page 3 (the second its line 7), then a line of page 4.
  SourceText pdf{"甲乙\n丙 1\n丁\n", {}};
  pdf.anchors = {{0, {.line = 6, .page = 3}, true}, {7, {.line = 7, .page = 3}, true}, {12, {.line = 1, .page = 4}, true}};
  const std::vector<std::uint32_t> offsets = {3, 11, 12};
  const auto at = pdf.locate(offsets);
  CHECK(at[0] == Location{.line = 6, .column = 2, .page = 3});
  CHECK(at[1] == Location{.line = 7, .column = 3, .page = 3});
  CHECK(at[2] == Location{.line = 1, .column = 1, .page = 4});
  CHECK(describe(at[1]) == "page 3, line 7, column 3");

  // A rendered Word table row: each cell its own anchor, no columns.
  SourceText docx{"规章\t1\t0\n", {}};
  docx.anchors = {{0, {.table = 2, .row = 5, .cell = 1}, false}, {7, {.table = 2, .row = 5, .cell = 2}, false}};
  const std::vector<std::uint32_t> cells = {7};
  CHECK(docx.locate(cells)[0] == Location{.table = 2, .row = 5, .cell = 2});
  CHECK(describe(Location{.table = 2, .row = 5, .cell = 2}) == "table 2, row 5, cell 2");
  CHECK(describe(Location{.paragraph = 14}) == "paragraph 14");
  CHECK(describe(Location{12, 5}) == "12:5");
  CHECK(describe(Location{}).empty());

  // Before the first anchor there is no position.
  SourceText late{"xy", {{1, {.paragraph = 1}, false}}};
  const std::vector<std::uint32_t> first = {0};
  CHECK(!late.locate(first)[0].known());
}

TEST_CASE("diagnostics print as a compiler does, in the source's own coordinates") {
  Record r;
  r.path = "report.pdf";
  r.diagnostics.push_back({Severity::warning, "check-failed", "x fails", {.line = 7, .column = 3, .page = 3}, 0, 1});
  r.diagnostics.push_back({Severity::error, "unsupported-format", "whole file", {}, 0, 0});
  const auto out = render_diagnostics(r, "");
  CHECK(out.find("report.pdf: page 3, line 7, column 3: warning: x fails [check-failed]\n") != std::string::npos);
  CHECK(out.find("report.pdf: error: whole file [unsupported-format]\n") != std::string::npos);

  Record t;
  t.path = "a.txt";
  t.diagnostics.push_back({Severity::note, "row-shifted", "shifted", {2, 4}, 10, 2});
  CHECK(render_diagnostics(t, "line 1\nab\tcd\n") == "a.txt:2:4: note: shifted [row-shifted]\nab cd\n   ^~\n");
}

TEST_CASE("parse --positions: every value of the record knows where it was read") {
  const std::string text =
      "某局 2024 年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"
      "第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t2\t3\n";
  CHECK(parse_bytes(text, "a.txt").record.tables.at(0).sources.empty());  // only when asked
  ParseOptions with_positions;
  with_positions.positions = true;
  auto r = parse_bytes(text, "a.txt", with_positions);
  const auto& t = r.record.tables.at(0);
  REQUIRE(t.sources.size() == t.values.size());
  CHECK(t.sources[0] == Location{7, 4});  // rules.issued: the "1" after 规章 and a tab
  CHECK(t.sources[2] == Location{7, 8});
  CHECK(!t.sources[3].known());  // normative_documents: no such row
  // 表三 and 表四 are missing: their values were not read, and say so one by one.
  for (std::size_t missing : {1, 2}) {
    const auto& m = r.record.tables.at(missing);
    REQUIRE(m.sources.size() == m.values.size());
    for (const auto& at : m.sources) CHECK(!at.known());
  }
  const auto json = to_json(r.record, false, true);
  CHECK(json.find("\"positions\":{\"active_disclosure\":{\"rules\":{\"issued\":{\"line\":7,\"column\":4}") != std::string::npos);
  CHECK(to_json(r.record, false).find("\"positions\"") == std::string::npos);
}
