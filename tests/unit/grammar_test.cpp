// Grammar rules, the PEGTL way: each rule accepts and rejects what it should, and how much input
// it leaves. The text-lines grammar (grammar/document.hpp) and its layouts build the tree; the
// outline rules (grammar/outline.hpp) say what one paragraph is: section heading, page number,
// title. Plus analyze() on every grammar (no rule can loop without consuming input).
#include <doctest/doctest.h>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include <string>
#include <vector>

#include "grammar/cell_lines.hpp"
#include "grammar/document.hpp"
#include "grammar/markdown.hpp"
#include "grammar/outline.hpp"
#include "grammar/tsv.hpp"
#include "parse/builder.hpp"
#include "parse/outline.hpp"
#include "passes/outline.hpp"
#include "text/normalise.hpp"

namespace pg = tao::pegtl;
namespace g = xxgk::grammar;
namespace o = xxgk::grammar::outline;
using xxgk::doc::Block;

namespace {

// Does Rule match at the start of `input`, leaving exactly `remain` bytes?
template <typename Rule>
bool check_rule(std::string_view input, bool match, std::size_t remain = 0) {
  pg::memory_input<> in(input.data(), input.size(), "test");
  bool ok = pg::parse<Rule>(in);
  if (ok != match) return false;
  return !match || in.size() == remain;
}

template <typename Grammar>
xxgk::doc::Document build(std::string_view text) {
  return xxgk::parse::build<Grammar>(text);
}

std::vector<Block::Kind> kinds(const xxgk::doc::Document& doc) {
  std::vector<Block::Kind> k;
  for (const auto& b : doc.blocks) k.push_back(b.kind);
  return k;
}

// The title read from text as the outline pass reads it: markdown marks removed, normalised.
struct Title {
  bool found = false;
  std::string agency;
  int year = 0;
};
Title title(std::string_view text) {
  const auto normalised = xxgk::text::normalise_text(xxgk::text::strip_markdown_marks(text));
  auto parts = xxgk::parse::read_title(normalised);
  if (!parts) return {};
  return {true, std::string(parts->agency), parts->year};
}

constexpr auto P = Block::Kind::paragraph;
constexpr auto T = Block::Kind::table;

}  // namespace

TEST_CASE("layout grammars have no rule that can loop without consuming input") {
  CHECK(pg::analyze<g::tsv::grammar>(-1) == 0);
  CHECK(pg::analyze<g::markdown::grammar>(-1) == 0);
  CHECK(pg::analyze<g::cell_lines::grammar>(-1) == 0);
}

TEST_CASE("outline rules have no rule that can loop without consuming input") {
  CHECK(pg::analyze<o::title::grammar>(-1) == 0);
  CHECK(pg::analyze<o::page_number>(-1) == 0);
  CHECK(pg::analyze<o::heading_start>(-1) == 0);
  CHECK(pg::analyze<o::section_1>(-1) == 0);
  CHECK(pg::analyze<o::section_2>(-1) == 0);
  CHECK(pg::analyze<o::section_3>(-1) == 0);
  CHECK(pg::analyze<o::section_4>(-1) == 0);
  CHECK(pg::analyze<o::section_5>(-1) == 0);
  CHECK(pg::analyze<o::section_6>(-1) == 0);
}

TEST_CASE("until_one_of reads what star< not_one > reads, wherever the stop falls") {
  using fast = g::until_one_of<'\t', '\r', '\n'>;
  using slow = pg::star<pg::not_one<'\t', '\r', '\n'>>;
  for (std::size_t length = 0; length <= 20; ++length)
    for (char stop : {'\t', '\r', '\n', '\0'}) {
      std::string text(length, 'a');
      for (std::size_t i = 0; i < length; ++i) text[i] = "ab\xE4\xB8\x80 |"[i % 7];
      text += stop;  // '\0': no stop, the input goes on
      text += "xyz";
      CAPTURE(length);
      CAPTURE(static_cast<int>(stop));
      pg::memory_input<> a(text.data(), text.size(), "a"), b(text.data(), text.size(), "b");
      CHECK(pg::parse<fast>(a));
      CHECK(pg::parse<slow>(b));
      CHECK(a.size() == b.size());
    }
}

TEST_CASE("title: agency and year on one line") {
  auto t = title("三门峡市科学技术局 2025 年政府信息公开工作年度报告");
  CHECK(t.found);
  CHECK(t.agency == "三门峡市科学技术局");
  CHECK(t.year == 2025);
  t = title("# 偃师区科学技术局 2024 年政府信息公开工作年度报告");
  CHECK(t.agency == "偃师区科学技术局");
  CHECK(t.year == 2024);
  t = title("安阳市科学技术局 2023 年政府信息公开工作年度 报告");  // a blank inside the report words
  CHECK(t.agency == "安阳市科学技术局");
  CHECK(t.year == 2023);
  t = title("某某局２０２４年度政府信息公开工作年度报告");  // full-width digits, 年度
  CHECK(t.agency == "某某局");
  CHECK(t.year == 2024);
  t = title("某某局2024年政务公开工作年度报告");
  CHECK(t.agency == "某某局");
  CHECK(t.year == 2024);
  t = title("某某局2024年政府信息公开工作年度报告（全文）");  // a note after the report words
  CHECK(t.agency == "某某局");
  CHECK(t.year == 2024);
}

TEST_CASE("title: over two lines joined") {
  // The outline pass joins the normalised text of up to three lines; the line break is a blank.
  auto t = title("攀枝花市东区科学技术局\n\n2025 年政府信息公开工作年度报告");
  CHECK(t.found);
  CHECK(t.agency == "攀枝花市东区科学技术局");
  CHECK(t.year == 2025);
  t = title("某局政府信息公开工作年度报告\n（2024年度）");  // the year after, in brackets
  CHECK(t.found);
  CHECK(t.agency == "某局");
  CHECK(t.year == 2024);
}

TEST_CASE("title: year first") {
  auto t = title("2023年度安阳市科学技术局政府信息公开工作年度报告");
  CHECK(t.found);
  CHECK(t.agency == "安阳市科学技术局");
  CHECK(t.year == 2023);
}

TEST_CASE("title: a year in Chinese numerals") {
  auto t = title("某局二〇二四年政府信息公开工作年度报告");
  CHECK(t.found);
  CHECK(t.agency == "某局");
  CHECK(t.year == 2024);
  t = title("某局二○二三年度政府信息公开工作年度报告");  // ○ (white circle) for 〇
  CHECK(t.year == 2023);
  t = title("某局二零二二年政府信息公开工作年度报告");  // 零 for 〇
  CHECK(t.year == 2022);
}

TEST_CASE("title: …工作报告 and …年报") {
  auto t = title("某局2024年政府信息公开工作报告");
  CHECK(t.found);
  CHECK(t.agency == "某局");
  CHECK(t.year == 2024);
  t = title("某局2024年政府信息公开年报");
  CHECK(t.found);
  CHECK(t.year == 2024);
}

TEST_CASE("title: 关于 … 的报告") {
  auto t = title("某局关于2023年度政府信息公开工作情况的报告");
  CHECK(t.found);
  CHECK(t.agency == "某局");
  CHECK(t.year == 2023);
}

TEST_CASE("title: inside 《》 of a notice") {
  auto t = title("关于印发《三门峡市科学技术局2024年政府信息公开工作年度报告》的通知");
  CHECK(t.found);
  CHECK(t.agency == "三门峡市科学技术局");
  CHECK(t.year == 2024);
}

TEST_CASE("title: what is not a title") {
  CHECK(!title("一、总体情况").found);
  CHECK(!title("某某局工作总结 2024").found);
  CHECK(!title("某某局2024年工作总结报告").found);  // a report, but not of information disclosure
  CHECK(!title("政府信息公开工作年度报告").found);  // no year
  CHECK(!title("").found);
  // A title without an agency is a title: the agency then comes from the page's metadata.
  auto t = title("2024年政府信息公开工作年度报告");
  CHECK(t.found);
  CHECK(t.agency.empty());
  CHECK(t.year == 2024);
}

TEST_CASE("title::grammar reads the whole text") {
  CHECK(check_rule<o::title::grammar>("某局2024年政府信息公开工作年度报告", true));
  CHECK(check_rule<o::title::grammar>("某局2024年政府信息公开工作年度报告。正文", false));
  CHECK(check_rule<o::title::grammar>("某局2024年政府信息公开工作年度报告 ", false));  // normalised text has no blanks
}

TEST_CASE("section headings name their section; a 表三 row is not a heading") {
  using xxgk::parse::section_heading;
  CHECK(section_heading("一、总体情况") == 1);
  CHECK(section_heading("#### 四、政府信息公开行政复议、行政诉讼情况") == 4);
  CHECK(section_heading("六、其它需要报告的事项") == 6);
  CHECK(section_heading("三．收到和处理政府信息公开申请情况") == 3);
  CHECK(section_heading("**二、主动公开政府信息情况**") == 2);
  CHECK(section_heading("二、主动 公开政府信息情况") == 2);  // blanks between the keyword's characters
  CHECK(section_heading("五、存在的主要问题及改进情况") == 5);
  CHECK(check_rule<o::section_4>("四、结转下年度继续办理", false));
  CHECK(section_heading("四、结转下年度继续办理") == 0);
  CHECK(section_heading("一是部分业务信息仅在公告公示栏目进行公开。") == 0);
  CHECK(section_heading("二、主动公开了很多信息。") == 0);  // a sentence, not a heading
  CHECK(section_heading("五、主动公开政府信息情况") == 0);  // the numeral names the section
  CHECK(section_heading("总体情况") == 0);
  CHECK(section_heading("") == 0);
}

TEST_CASE("section rules read a paragraph's whole text; heading_start only its start") {
  CHECK(check_rule<o::section_1>("一、总体情况", true));
  CHECK(check_rule<o::section_3>("三．收到和处理政府信息公开申请情况", true));
  CHECK(check_rule<o::section_6>("## 六、其他需要报告的事项", true));
  CHECK(check_rule<o::section_2>("一、总体情况", false));
  CHECK(check_rule<o::heading_start>("## 一、总体情况", true, std::string_view("、总体情况").size()));
  CHECK(check_rule<o::heading_start>("**三、", true, std::string_view("、").size()));
  CHECK(check_rule<o::heading_start>("七、", false));
  CHECK(check_rule<o::heading_start>("（一）主动公开情况", false));
}

TEST_CASE("page numbers between pages") {
  for (auto s : {"- 3 -", "— 3 —", "-3-", "第 3 页", "第3页 共9页", "  12  ", "3 / 9", "－３－"}) {
    CAPTURE(s);
    CHECK(xxgk::parse::page_number(s));
    CHECK(check_rule<o::page_number>(s, true));
  }
  CHECK(!xxgk::parse::page_number("第三条"));
  CHECK(!xxgk::parse::page_number("- 3"));
  CHECK(!xxgk::parse::page_number("3件"));
  CHECK(!xxgk::parse::page_number(""));
  CHECK(check_rule<o::page_number>("第三条", false));
  CHECK(check_rule<o::page_number>("- 3", false));
}

TEST_CASE("tsv rows: a line with a tab; empty cells kept") {
  CHECK(check_rule<g::tsv::row>("规章\t0\t0\t0\n", true));
  CHECK(check_rule<g::tsv::row>("\t\t\n", true));
  CHECK(check_rule<g::tsv::row>("规章\t0", true));
  CHECK(check_rule<g::tsv::row>("一、总体情况\n", false));
  CHECK(check_rule<g::tsv::row>("规章\t0\n行政许可\t1\n", true, std::string_view("行政许可\t1\n").size()));
  const std::string text = "x\n规章\t0\t\t3\n\t\n";
  auto doc = build<g::tsv::grammar>(text);
  CHECK(kinds(doc) == std::vector{P, T});
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(doc.paragraphs[0].text == "x");
  REQUIRE(doc.tables.size() == 1);
  const auto& rows = doc.tables[0].rows;
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].cells.size() == 4);
  CHECK(rows[0].cells[0].text == "规章");
  CHECK(rows[0].cells[2].text == "");
  CHECK(rows[0].cells[3].text == "3");
  CHECK(rows[0].cells[3].span.begin == text.find('3'));
  CHECK(rows[0].cells[3].span.end == text.find('3') + 1);
  CHECK(rows[1].cells.size() == 2);  // a line of tabs within a table is a row
  CHECK(doc.unparsed_at == UINT32_MAX);
}

TEST_CASE("tsv: a spreadsheet's quoted cells, line breaks and \"\" inside") {
  namespace t = g::tsv;
  CHECK(check_rule<t::quoted_cell>("\"a\"\t", true, 1));
  CHECK(check_rule<t::quoted_cell>("\"a\"", true));
  CHECK(check_rule<t::quoted_cell>("\"（二）部分公开，\n不计其他情形）\"\t7", true, 2));
  CHECK(check_rule<t::quoted_cell>("\"a\r\nb\"\r\n", true, 2));
  CHECK(check_rule<t::quoted_cell>("\"3.危及\"\"三安全一稳定\"\"\"\t", true, 1));
  CHECK(check_rule<t::quoted_cell>("\"\"\t", true, 1));                // an empty quoted cell
  CHECK(check_rule<t::quoted_cell>("\"三安全一稳定\"类\t", false));   // the quote closes nothing
  CHECK(check_rule<t::quoted_cell>("\"a\tb\"\t", false));            // no tab inside
  CHECK(check_rule<t::quoted_cell>("\"a\"b\"\t", false));            // a lone quote inside
  CHECK(check_rule<t::quoted_cell>("\"abc\n", false));                // never closed
  CHECK(check_rule<t::quoted_cell>("a\"b\"\t", false));
  std::string eight = "\"1", nine = "\"1";
  for (int i = 2; i <= 8; ++i) eight += "\n" + std::to_string(i);
  for (int i = 2; i <= 9; ++i) nine += "\n" + std::to_string(i);
  CHECK(check_rule<t::quoted_cell>(eight + "\"\t", true, 1));  // at most kQuotedCellLines lines
  CHECK(check_rule<t::quoted_cell>(nine + "\"\t", false));
  // A row goes on after a quoted cell; its first line need not hold a tab.
  CHECK(check_rule<t::row>("\"结果\n维持\"\t\"结果\n纠正\"\t总计\nx", true, 1));
  CHECK(check_rule<t::row>("\"a\nb\"\n", false));     // one cell: no row
  CHECK(check_rule<t::row>("\"abc\ndef\"\t", true));
  CHECK(check_rule<t::probe>("\"abc", false));             // the probe reads one line, as before
  CHECK(check_rule<t::probe>("def\"\t1", true, 1));

  const std::string text =
      "表三\n\t\"（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）\"\t\t7\t57\n"
      "\t\"3.危及\"\"三安全一稳定\"\"\"\t25\n\"三安全一稳定\"类\t1\n\"4.保护第三方合法权益\t2\n\"放管服\"改革\n";
  auto doc = build<g::tsv::grammar>(text);
  CHECK(kinds(doc) == std::vector{P, T, P});
  REQUIRE(doc.tables.size() == 1);
  const auto& rows = doc.tables[0].rows;
  REQUIRE(rows.size() == 4);
  REQUIRE(rows[0].cells.size() == 5);
  CHECK(rows[0].cells[1].text == "（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）");
  const auto open = text.find('"');
  CHECK(rows[0].cells[1].span.begin == open);  // the span covers the quotes
  CHECK(rows[0].cells[1].span.end == text.find('"', open + 1) + 1);
  CHECK(rows[0].cells[3].text == "7");
  CHECK(rows[0].span.end == text.find("57\n") + 3);  // the row ends with its line, after the quoted cell's
  REQUIRE(rows[1].cells.size() == 3);
  CHECK(rows[1].cells[1].text == "3.危及\"三安全一稳定\"");  // "" read as ", kept in the store
  CHECK(rows[1].cells[1].span.end - rows[1].cells[1].span.begin == std::string_view("\"3.危及\"\"三安全一稳定\"\"\"").size());
  CHECK(rows[2].cells[0].text == "\"三安全一稳定\"类");       // not a quoted cell: as written
  CHECK(rows[3].cells[0].text == "\"4.保护第三方合法权益");   // a lone quote: as written
  CHECK(doc.paragraphs.back().text == "\"放管服\"改革");
  CHECK(doc.unparsed_at == UINT32_MAX);
}

TEST_CASE("tsv: a line of tabs alone is a blank line, not a table") {
  auto doc = build<g::tsv::grammar>("x\n\t\t\ny\n");
  CHECK(doc.tables.empty());
  CHECK(kinds(doc) == std::vector{P, P});
}

TEST_CASE("markdown rows, separators and cells") {
  CHECK(check_rule<g::markdown::separator>("|---|:---:|--:|\n", true));
  CHECK(check_rule<g::markdown::separator>("--- | ---\n", true));
  CHECK(check_rule<g::markdown::separator>("| a | b |\n", false));
  CHECK(check_rule<g::markdown::piped_row>("| a | b |\n", true));
  CHECK(check_rule<g::markdown::piped_row>("a | b\n", false));

  auto doc = build<g::markdown::grammar>(
      "| 信息内容 | 本年<br>制发 | |\n|---|---|---|\n| 规章 | 1 |  |\n行政规范性文件 | 2 | 3\n| 行政许可 \\| x | 4\n\n正文\n");
  REQUIRE(doc.tables.size() == 1);
  const auto& t = doc.tables[0];
  REQUIRE(t.rows.size() == 4);  // the separator holds no cells and is no row
  CHECK(t.rows[0].cells.size() == 3);  // trailing empty cell kept, outer pipes dropped
  CHECK(t.rows[0].cells[1].text == " 本年<br>制发 ");
  CHECK(t.rows[1].cells.size() == 3);
  CHECK(t.rows[2].cells.size() == 3);  // a row without outer pipes
  CHECK(t.rows[2].cells[0].text == "行政规范性文件 ");
  CHECK(t.rows[3].cells.size() == 2);  // an escaped pipe stays in the cell
  CHECK(t.rows[3].cells[0].text == " 行政许可 \\| x ");
  REQUIRE(doc.paragraphs.size() == 1);
  CHECK(doc.paragraphs[0].text == "正文");
  CHECK(kinds(doc) == std::vector{T, P});
}

TEST_CASE("markdown: pipe rows without any separator line are a table") {
  auto doc = build<g::markdown::grammar>("二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 |\n| 规章 | 0 |\n|  | 1 |\n正文\n");
  REQUIRE(doc.tables.size() == 1);
  REQUIRE(doc.tables[0].rows.size() == 3);
  CHECK(doc.tables[0].rows[1].cells.size() == 2);
  CHECK(doc.tables[0].rows[2].cells.size() == 2);  // a blank first cell is kept
  CHECK(kinds(doc) == std::vector{P, T, P});
}

TEST_CASE("cell-lines: a cell a line ending in a pipe, a blank line after each row") {
  namespace c = g::cell_lines;
  CHECK(check_rule<c::cell_line>("规章 |\n", true));
  CHECK(check_rule<c::cell_line>(" |\n", true));         // a blank cell
  CHECK(check_rule<c::cell_line>("0 |  \r\nx", true, 1));  // blanks after the pipe
  CHECK(check_rule<c::cell_line>("| a | b |\n", false));  // markdown
  CHECK(check_rule<c::cell_line>("a | b\n", false));
  CHECK(check_rule<c::cell_line>("规章\n", false));
  CHECK(check_rule<c::probe>("规章 |", true));
  CHECK(check_rule<c::probe>(" |", false));               // a blank cell does not choose the layout
  CHECK(check_rule<c::probe>("| a |", false));

  auto doc = build<c::grammar>("二、主动公开政府信息情况\n\n信息内容 |\n本年制发件数 |\n\n规章 |\n |\n0 |\n\n\n行政许可 |\n5 |\n正文\n\n| a |\n");
  REQUIRE(doc.tables.size() == 1);
  const auto& t = doc.tables[0];
  REQUIRE(t.rows.size() == 3);  // blank lines between rows stay inside the table
  CHECK(t.rows[0].cells.size() == 2);
  CHECK(t.rows[0].cells[0].text == "信息内容 ");
  REQUIRE(t.rows[1].cells.size() == 3);
  CHECK(t.rows[1].cells[1].text == " ");
  CHECK(t.rows[2].cells[1].text == "5 ");
  CHECK(kinds(doc) == std::vector{P, T, P, P});  // "| a |" is a paragraph here
}

TEST_CASE("markdown without outer pipes: a row that starts with a pipe has an empty first cell") {
  // The separator (a | b | c over ---|---|---) says the table has no outer pipes, and its width.
  auto doc = build<g::markdown::grammar>(
      "信息内容 | 本年制发件数 | 本年废止件数\n---|---|---\n规章 | 1 | 2\n| 3 | 4\n | | 5\n| 行政许可 | 6 | 7 |\n"
      "| 规章 | 8 |\n\n正文\n");
  REQUIRE(doc.tables.size() == 1);
  const auto& rows = doc.tables[0].rows;
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].cells.size() == 3);
  REQUIRE(rows[2].cells.size() == 3);  // | 3 | 4: an empty first cell, then 3 and 4
  CHECK(xxgk::text::is_blank(rows[2].cells[0].text));
  CHECK(rows[2].cells[1].text == " 3 ");
  REQUIRE(rows[3].cells.size() == 3);  //  | | 5
  CHECK(rows[3].cells[2].text == " 5");
  REQUIRE(rows[4].cells.size() == 3);  // | 行政许可 | 6 | 7 |: wider than the separator with an empty first cell
  CHECK(rows[4].cells[0].text == " 行政许可 ");
  REQUIRE(rows[5].cells.size() == 3);  // | 规章 | 8 |: as wide as the separator either way; the table's style decides
  CHECK(xxgk::text::is_blank(rows[5].cells[0].text));

  // With outer pipes (or no separator to say), a leading pipe is an outer one, as before.
  auto piped = build<g::markdown::grammar>("| 信息内容 | 本年制发件数 | 本年废止件数 |\n|---|---|---|\n| 3 | 4 |\n");
  REQUIRE(piped.tables.size() == 1);
  REQUIRE(piped.tables[0].rows[1].cells.size() == 2);
  CHECK(piped.tables[0].rows[1].cells[0].text == " 3 ");
  auto no_separator = build<g::markdown::grammar>("| a | b | c |\n| 3 | 4 |\n");
  REQUIRE(no_separator.tables.size() == 1);
  CHECK(no_separator.tables[0].rows[1].cells.size() == 2);
  // Each table has its own separator: the next table's rows are read by theirs.
  auto two = build<g::markdown::grammar>("a | b | c\n---|---|---\n| 1 | 2\n\n| a | b | c |\n|---|---|---|\n| 1 | 2 |\n");
  REQUIRE(two.tables.size() == 2);
  CHECK(two.tables[0].rows[1].cells.size() == 3);
  CHECK(two.tables[1].rows[1].cells.size() == 2);
}

TEST_CASE("markdown: a line with a pipe is a row only next to a separator") {
  auto doc = build<g::markdown::grammar>("a | b\n正文\n");
  CHECK(doc.tables.empty());
  CHECK(doc.paragraphs.size() == 2);
  auto doc2 = build<g::markdown::grammar>("a | b\n--- | ---\nc | d\n");
  REQUIRE(doc2.tables.size() == 1);
  REQUIRE(doc2.tables[0].rows.size() == 2);
  CHECK(doc2.tables[0].rows[1].cells[1].text == " d");
}

TEST_CASE("document: blocks in source order; a blank line or a paragraph ends a table") {
  const std::string text =
      "某局 2024 年政府信息公开工作年度报告\n一、总体情况\n正文一。\n二、主动公开政府信息情况\n规章\t1\n\n- 2 -\n行政许可\t3\n"
      "四、结转下年度继续办理\t\t0\n  四、政府信息公开行政复议、行政诉讼情况  \n";
  auto doc = build<g::tsv::grammar>(text);
  // Titles, headings and page numbers are paragraphs here: the outline pass tells them apart.
  CHECK(kinds(doc) == std::vector{P, P, P, P, T, P, T, P});
  REQUIRE(doc.paragraphs.size() == 6);
  CHECK(doc.paragraphs[1].text == "一、总体情况");
  CHECK(doc.paragraphs[4].text == "- 2 -");
  CHECK(doc.paragraphs[5].text == "四、政府信息公开行政复议、行政诉讼情况");  // trimmed
  CHECK(doc.paragraphs[5].span.begin == text.find("四、政府信息公开"));
  CHECK(doc.paragraphs[5].span.end - doc.paragraphs[5].span.begin == doc.paragraphs[5].text.size());
  REQUIRE(doc.tables.size() == 2);  // broken by a blank line and a page number
  CHECK(doc.tables[0].rows.size() == 1);
  CHECK(doc.tables[1].rows.size() == 2);  // 四、结转… is a row, not a heading
  CHECK(doc.blocks[4].index == 0);
  CHECK(doc.blocks[6].index == 1);
  CHECK(doc.blocks[7].index == 5);
}

TEST_CASE("garbage is text: the grammar never fails and never loops") {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919) % 256);
  auto doc = build<g::tsv::grammar>(junk);
  auto doc2 = build<g::markdown::grammar>(junk);
  CHECK(doc.unparsed_at == UINT32_MAX);  // read to the end
  CHECK(doc2.unparsed_at == UINT32_MAX);
  CHECK(!doc.blocks.empty());
  CHECK(!xxgk::passes::read_outline(doc).title.found);
  CHECK(!xxgk::passes::read_outline(doc2).title.found);
  auto empty = build<g::tsv::grammar>("");
  CHECK(empty.blocks.empty());
  CHECK(empty.unparsed_at == UINT32_MAX);
  auto bom = build<g::tsv::grammar>("\xEF\xBB\xBF正文\n");
  REQUIRE(bom.paragraphs.size() == 1);
  CHECK(bom.paragraphs[0].text == "正文");
}

TEST_CASE("a lone CR ends a line, as LF and CRLF do") {
  CHECK(check_rule<g::eolf>("\r", true));
  CHECK(check_rule<g::eolf>("\r\n", true));
  CHECK(check_rule<g::eolf>("\rx", true, 1));
  CHECK(check_rule<g::eolf>("", true));
  CHECK(check_rule<g::eolf>("x", false));
  CHECK(check_rule<g::tsv::row>("规章\t0\r规章", true, 6));
  CHECK(check_rule<g::markdown::piped_row>("| a | b |\r| c |", true, 5));
  for (std::string_view eol : {"\n", "\r\n", "\r"}) {
    CAPTURE(eol);
    std::string text = "某局 2024 年政府信息公开工作年度报告@一、总体情况@正文一。@规章\t1\t2@行政许可\t3@六、其他需要报告的事项@无。@";
    for (std::size_t at; (at = text.find('@')) != std::string::npos;) text.replace(at, 1, eol);
    auto doc = build<g::tsv::grammar>(text);
    CHECK(kinds(doc) == std::vector{P, P, P, T, P, P});
    REQUIRE(doc.tables.size() == 1);
    REQUIRE(doc.tables[0].rows.size() == 2);
    CHECK(doc.tables[0].rows[0].cells.size() == 3);
    CHECK(doc.tables[0].rows[0].cells[2].text == "2");  // no line end in the last cell
    CHECK(doc.paragraphs[2].text == "正文一。");
    auto outline = xxgk::passes::read_outline(doc);
    CHECK(outline.title.found);
    REQUIRE(outline.headings.size() == 2);
    CHECK(outline.headings[0].number == 1);
    CHECK(outline.headings[1].number == 6);
    CHECK(outline.table_section == std::vector<int>{1});
  }
}

TEST_CASE("a row that fails after its cells matched leaves nothing to the next row") {
  // A rule shaped like a layout's row, but that can fail after its cells: the control class of
  // build() clears the cells of every row attempt, so the next row holds only its own cells.
  struct cell : pg::star< pg::not_one< '\t', '\r', '\n', '!' > >, xxgk::grammar::tag::cell {};
  struct row : pg::seq< cell, pg::plus< pg::one< '\t' >, cell >, g::eol >, xxgk::grammar::tag::row {};
  struct bad_row : pg::seq< cell, pg::one< '\t' >, cell, pg::one< '!' > > {};
  struct table : pg::plus< pg::sor< row, pg::seq< pg::at< bad_row >, bad_row, g::eol > > >, xxgk::grammar::tag::table {};
  struct grammar : g::document< table > {};
  auto doc = build<grammar>("a\tb\n");
  REQUIRE(doc.tables.size() == 1);
  CHECK(doc.tables[0].rows[0].cells.size() == 2);
  // "x\ty!" matches its cells and then fails as a row before bad_row consumes it.
  auto doc2 = build<grammar>("x\ty!\nc\td\n");
  REQUIRE(doc2.tables.size() == 1);
  const auto& rows = doc2.tables[0].rows;
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].cells.size() == 2);
  CHECK(rows[0].cells[0].text == "c");
  CHECK(rows[0].cells[1].text == "d");
}
