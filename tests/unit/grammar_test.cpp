// Grammar rules, the PEGTL way: each rule accepts and rejects what it should, and how much input
// it leaves. Plus analyze() on every layout grammar (no rule can loop without consuming input).
#include <doctest/doctest.h>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/document.hpp"
#include "grammar/markdown.hpp"
#include "grammar/tsv.hpp"
#include "parse/builder.hpp"

namespace pg = tao::pegtl;
namespace g = xxgk::grammar;

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
xxgk::ast::Document build(std::string_view text) {
  return xxgk::parse::build<Grammar>(text);
}

}  // namespace

TEST_CASE("layout grammars have no rule that can loop without consuming input") {
  CHECK(pg::analyze<g::tsv::grammar>(-1) == 0);
  CHECK(pg::analyze<g::markdown::grammar>(-1) == 0);
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

TEST_CASE("title: agency and year in their variants") {
  CHECK(check_rule<g::title>("三门峡市科学技术局 2025 年政府信息公开工作年度报告\n", true));
  CHECK(check_rule<g::title>("# 偃师区科学技术局 2024 年政府信息公开工作年度报告\n", true));
  CHECK(check_rule<g::title>("攀枝花市东区科学技术局\n\n2025 年政府信息公开工作年度报告\n", true));
  CHECK(check_rule<g::title>("安阳市科学技术局 2023 年政府信息公开工作年度 报告\n", true));
  CHECK(check_rule<g::title>("某某局２０２４年度政府信息公开工作年度报告", true));
  CHECK(check_rule<g::title>("一、总体情况\n", false));
  CHECK(check_rule<g::title>("某某局工作总结 2024\n", false));

  auto doc = build<g::tsv::grammar>("攀枝花市东区科学技术局\n\n2025 年政府信息公开工作年度报告\n");
  CHECK(doc.title.present);
  CHECK(doc.title.agency == "攀枝花市东区科学技术局");
  CHECK(doc.title.year == "2025");
  doc = build<g::tsv::grammar>("## 三门峡市科学技术局 2025 年政府信息公开工作年度报告\n");
  CHECK(doc.title.agency == "三门峡市科学技术局");
}

TEST_CASE("section headings name their section; a 表三 row is not a heading") {
  CHECK(check_rule<g::section_heading>("一、总体情况\n", true));
  CHECK(check_rule<g::section_heading>("#### 四、政府信息公开行政复议、行政诉讼情况\n", true));
  CHECK(check_rule<g::section_heading>("六、其它需要报告的事项", true));
  CHECK(check_rule<g::section_heading>("三．收到和处理政府信息公开申请情况\nrest", true, 4));
  CHECK(check_rule<g::section_4>("四、结转下年度继续办理\n", false));
  CHECK(check_rule<g::section_heading>("四、结转下年度继续办理\n", false));
  CHECK(check_rule<g::section_heading>("一是部分业务信息仅在公告公示栏目进行公开。\n", false));
  CHECK(check_rule<g::section_heading>("二、主动公开了很多信息。\n", false));  // a sentence, not a heading
}

TEST_CASE("page numbers between pages") {
  for (auto s : {"- 3 -\n", "— 3 —\n", "-3-\n", "第 3 页\n", "第3页 共9页\n", "  12  \n", "3 / 9\n"}) {
    CAPTURE(s);
    CHECK(check_rule<g::page_number>(s, true));
  }
  CHECK(check_rule<g::page_number>("第三条\n", false));
  CHECK(check_rule<g::page_number>("- 3\n", false));
}

TEST_CASE("tsv rows: a line with a tab; empty cells kept") {
  CHECK(check_rule<g::tsv::row>("规章\t0\t0\t0\n", true));
  CHECK(check_rule<g::tsv::row>("\t\t\n", true));
  CHECK(check_rule<g::tsv::row>("规章\t0", true));
  CHECK(check_rule<g::tsv::row>("一、总体情况\n", false));
  auto doc = build<g::tsv::grammar>("x\n规章\t0\t\t3\n\t\n");
  REQUIRE(doc.sections.size() == 1);
  REQUIRE(doc.sections[0].tables.size() == 1);
  const auto& rows = doc.sections[0].tables[0].rows;
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].cells.size() == 4);
  CHECK(rows[0].cells[0].raw == "规章");
  CHECK(rows[0].cells[2].raw == "");
  CHECK(rows[0].cells[3].raw == "3");
  CHECK(rows[1].cells.size() == 2);
}

TEST_CASE("markdown rows, separators and cells") {
  CHECK(check_rule<g::markdown::separator>("|---|:---:|--:|\n", true));
  CHECK(check_rule<g::markdown::separator>("--- | ---\n", true));
  CHECK(check_rule<g::markdown::separator>("| a | b |\n", false));
  CHECK(check_rule<g::markdown::piped_row>("| a | b |\n", true));
  CHECK(check_rule<g::markdown::piped_row>("a | b\n", false));

  auto doc = build<g::markdown::grammar>(
      "| 信息内容 | 本年<br>制发 | |\n|---|---|---|\n| 规章 | 1 |  |\n行政规范性文件 | 2 | 3\n| 行政许可 \\| x | 4\n\n正文\n");
  REQUIRE(doc.sections[0].tables.size() == 1);
  const auto& t = doc.sections[0].tables[0];
  CHECK(t.separators == 1);
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].cells.size() == 3);  // trailing empty cell kept, outer pipes dropped
  CHECK(t.rows[0].cells[1].raw == " 本年<br>制发 ");
  CHECK(t.rows[1].cells.size() == 3);
  CHECK(t.rows[2].cells.size() == 3);  // a row without outer pipes
  CHECK(t.rows[2].cells[0].raw == "行政规范性文件 ");
  CHECK(t.rows[3].cells.size() == 2);  // an escaped pipe stays in the cell
  CHECK(doc.sections[0].paragraphs.size() == 1);
}

TEST_CASE("document: sections, split tables and page breaks") {
  auto doc = build<g::tsv::grammar>(
      "某局 2024 年政府信息公开工作年度报告\n一、总体情况\n正文一。\n二、主动公开政府信息情况\n规章\t1\n\n- 2 -\n行政许可\t3\n"
      "四、结转下年度继续办理\t\t0\n四、政府信息公开行政复议、行政诉讼情况\n");
  REQUIRE(doc.sections.size() == 4);
  CHECK(doc.sections[1].number == 1);
  CHECK(doc.sections[1].heading == "一、总体情况");
  CHECK(doc.sections[1].paragraphs.size() == 1);
  CHECK(doc.sections[2].number == 2);
  CHECK(doc.sections[2].tables.size() == 2);  // broken by a blank line and a page number
  CHECK(doc.sections[2].blocks.size() == 3);  // table, page break, table
  CHECK(doc.sections[2].tables[1].rows.size() == 2);  // 四、结转… is a row, not a heading
  CHECK(doc.sections[3].number == 4);
}

TEST_CASE("garbage is text: the grammar never fails and never loops") {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919) % 256);
  auto doc = build<g::tsv::grammar>(junk);
  CHECK(!doc.title.present);
  auto doc2 = build<g::markdown::grammar>(junk);
  CHECK(!doc2.title.present);
  CHECK(doc.unparsed_at == UINT32_MAX);  // read to the end
  CHECK(doc2.unparsed_at == UINT32_MAX);
  auto empty = build<g::tsv::grammar>("");
  CHECK(empty.sections.size() == 1);
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
    CHECK(doc.title.present);
    REQUIRE(doc.sections.size() == 3);
    CHECK(doc.sections[1].paragraphs.size() == 1);
    REQUIRE(doc.sections[1].tables.size() == 1);
    CHECK(doc.sections[1].tables[0].rows.size() == 2);
    CHECK(doc.sections[2].number == 6);
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
  REQUIRE(doc.sections[0].tables.size() == 1);
  CHECK(doc.sections[0].tables[0].rows[0].cells.size() == 2);
  // "x\ty!" matches its cells and then fails as a row before bad_row consumes it.
  auto doc2 = build<grammar>("x\ty!\nc\td\n");
  REQUIRE(doc2.sections[0].tables.size() == 1);
  const auto& rows = doc2.sections[0].tables[0].rows;
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].cells.size() == 2);
  CHECK(rows[0].cells[0].raw == "c");
  CHECK(rows[0].cells[1].raw == "d");
}
