// The outline pass on small trees built by the tsv layout: what each paragraph is (heading, page
// number, page furniture, metadata, title), the section of each paragraph and table, the title's
// agency and year, and the page's metadata. Plus read_document, which turns the outline into the
// record's document part.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "grammar/tsv.hpp"
#include "parse/builder.hpp"
#include "passes/document.hpp"
#include "passes/grid.hpp"
#include "passes/outline.hpp"
#include "template/template.hpp"
#include "xxgk/xxgk.hpp"

using namespace xxgk;
using Line = passes::Outline::Line;

namespace {

doc::Document build(std::string_view text) { return parse::build<grammar::tsv::grammar>(text); }

// The span of the first occurrence of `part` in `text`.
doc::Span span_of(std::string_view text, std::string_view part) {
  const auto at = text.find(part);
  REQUIRE(at != std::string_view::npos);
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + part.size())};
}

bool has(const std::vector<Diagnostic>& list, std::string_view code) {
  for (const auto& d : list)
    if (d.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("outline: headings, and the section of every paragraph and table") {
  const std::string text =
      "某局 2024 年政府信息公开工作年度报告\n一、总体情况\n正文一。\n## 二、主动公开政府信息情况\n规章\t1\n\n- 2 -\n行政许可\t3\n"
      "四、结转下年度继续办理\t\t0\n四、政府信息公开行政复议、行政诉讼情况\n";
  const auto doc = build(text);
  REQUIRE(doc.paragraphs.size() == 6);
  const auto outline = passes::read_outline(doc);
  CHECK(outline.lines == std::vector{Line::title, Line::heading, Line::text, Line::heading, Line::page_number, Line::heading});
  REQUIRE(outline.headings.size() == 3);
  CHECK(outline.headings[0].number == 1);
  CHECK(outline.headings[0].paragraph == 1);
  CHECK(outline.headings[0].text == "一、总体情况");
  CHECK(outline.headings[1].number == 2);
  CHECK(outline.headings[1].text == "二、主动公开政府信息情况");  // markdown marks removed
  const auto at = span_of(text, "二、主动公开政府信息情况");
  CHECK(outline.headings[1].span.begin == at.begin);
  CHECK(outline.headings[1].span.end == at.end);
  CHECK(outline.headings[2].number == 4);  // 四、结转… is a table row, not this heading
  CHECK(outline.paragraph_section == std::vector<int>{0, 1, 1, 2, 2, 4});
  CHECK(outline.table_section == std::vector<int>{2, 2});  // both fragments, across the page number
  CHECK(outline.page_table == std::vector<bool>{false, false});
  CHECK(outline.title.found);
  CHECK(outline.title.agency == "某局");
  CHECK(outline.title.year == 2024);
}

TEST_CASE("outline: breadcrumbs, font-size links, 索引号 and 发布日期 before a title over three lines") {
  const std::string text =
      "首页 > 政务公开 > 政府信息公开年报\n"
      "【字体：大 中 小】 打印本页\n"
      "索引号：11410000-2024-00012\n"
      "发布日期：2024年01月20日\n"
      "三门峡市科学技术局\n"
      "2023年\n"
      "政府信息公开工作年度报告\n"
      "一、总体情况\n"
      "正文一。\n"
      "正文二。\n";
  const auto doc = build(text);
  const auto outline = passes::read_outline(doc);
  CHECK(outline.lines == std::vector{Line::furniture, Line::furniture, Line::metadata, Line::metadata, Line::title,
                                     Line::title, Line::title, Line::heading, Line::text, Line::text});
  CHECK(outline.title.found);
  CHECK(outline.title.agency == "三门峡市科学技术局");
  CHECK(outline.title.year == 2023);  // not 2024, the year of the index number and of the date
  CHECK(outline.title.span.begin == span_of(text, "三门峡市科学技术局").begin);
  CHECK(outline.title.span.end == span_of(text, "政府信息公开工作年度报告").end);
  CHECK(outline.index_number == "11410000-2024-00012");
  CHECK(outline.published == "2024-01-20");
}

TEST_CASE("outline: a title over two lines with a blank line between; a markdown heading title") {
  const std::string text = "攀枝花市东区科学技术局\n\n2025 年政府信息公开工作年度报告\n一、总体情况\n";
  const auto outline = passes::read_outline(build(text));
  CHECK(outline.title.found);
  CHECK(outline.title.agency == "攀枝花市东区科学技术局");
  CHECK(outline.title.year == 2025);
  CHECK(outline.title.span.begin == 0);
  CHECK(outline.title.span.end == span_of(text, "2025 年政府信息公开工作年度报告").end);
  CHECK(outline.lines == std::vector{Line::title, Line::title, Line::heading});

  const auto md = passes::read_outline(build("## 三门峡市科学技术局 2025 年政府信息公开工作年度报告\n一、总体情况\n"));
  CHECK(md.title.found);
  CHECK(md.title.agency == "三门峡市科学技术局");
  CHECK(md.title.year == 2025);

  // A line that gives agency and year wins over lines that give them together.
  const auto one = passes::read_outline(build("某某网\n某某局2024年政府信息公开工作年度报告\n一、总体情况\n"));
  CHECK(one.title.agency == "某某局");
  CHECK(one.lines[0] == Line::text);
}

TEST_CASE("outline: 上一篇/下一篇 and footers are left out of the section's text") {
  const std::string text =
      "某某局2024年政府信息公开工作年度报告\n"
      "一、总体情况\n"
      "正文一。\n"
      "上一篇：关于某某工作的通知\n"
      "下一篇：关于某某工作的通知\n"
      "主办单位：某某局\n"
      "网站标识码：4112000001\n"
      "豫ICP备12345678号-1\n"
      "版权所有 © 某某局\n";
  const auto doc = build(text);
  const auto outline = passes::read_outline(doc);
  CHECK(outline.lines == std::vector{Line::title, Line::heading, Line::text, Line::furniture, Line::furniture,
                                     Line::furniture, Line::furniture, Line::furniture, Line::furniture});
  Record record;
  std::vector<Diagnostic> list;
  diag::Diagnostics d(list);
  passes::read_document(doc, outline, record, d);
  CHECK(record.agency == "某某局");
  CHECK(record.year == 2024);
  REQUIRE(record.sections.size() == 1);
  CHECK(record.sections[0].number == 1);
  CHECK(record.sections[0].heading == "一、总体情况");
  CHECK(record.sections[0].text == "正文一。");
  CHECK(has(list, "missing-section"));  // sections 2 to 6
  CHECK(!has(list, "missing-title"));
}

TEST_CASE("outline: a heading's span stays inside its paragraph's when the text is not the span's bytes") {
  doc::Document d;  // as the HTML front end makes it: decoded text in the store, the element's span
  d.add_paragraph({{10, 14}, d.store.emplace_back("一、总体情况")});
  const auto outline = passes::read_outline(d);
  REQUIRE(outline.headings.size() == 1);
  CHECK(outline.headings[0].span.begin == 10);
  CHECK(outline.headings[0].span.end == 14);
}

TEST_CASE("outline: a web page's title followed by its column and site (标题_栏目_网站) gives the title") {
  const auto doc = build("安阳市科学技术局2023年政府信息公开工作年度报告_政府信息公开年报_安阳市人民政府\n一、总体情况\n");
  const auto outline = passes::read_outline(doc);
  CHECK(outline.title.found);
  CHECK(outline.title.agency == "安阳市科学技术局");
  CHECK(outline.title.year == 2023);
  const auto bar = passes::read_outline(build("某区政府信息公开工作年度报告（2023年度）| 某区人民政府门户网站\n一、总体情况\n"));
  CHECK(bar.title.found);
  CHECK(bar.title.year == 2023);
}

TEST_CASE("outline: a navigation bar (首页 and the menu's links) before a title over two lines is furniture") {
  const auto doc = build("首页 政务公开 互动交流 办事服务\n宝鸡市科学技术局\n2024 年政府信息公开工作年度报告\n一、总体情况\n");
  const auto outline = passes::read_outline(doc);
  CHECK(outline.lines == std::vector{Line::furniture, Line::title, Line::title, Line::heading});
  CHECK(outline.title.agency == "宝鸡市科学技术局");
  CHECK(outline.title.year == 2024);
}

TEST_CASE("outline: a page's link lists after the last section are its footer, from the first of six on") {
  const std::string text =
      "某某局2024年政府信息公开工作年度报告\n"
      "六、其他需要报告的事项\n"
      "无其他需要报告的事项\n"    // short, without punctuation, but the report's own
      "本年度无收费情况。\n"
      "（一）建议提案办理\n"      // punctuation: the report's own
      "无\n"                      // one character: not a link
      "附件下载\n文字解读\n图片解读\n省市政府网站\n福建省人民政府\n人民网\n"
      "使用帮助 | 联系我们 | 关于我们 |\n"
      "为确保最佳浏览效果，建议您使用以下浏览器版本。\n";
  const auto doc = build(text);
  const auto outline = passes::read_outline(doc);
  REQUIRE(outline.lines.size() == 14);
  for (std::size_t i = 2; i < 6; ++i) CHECK(outline.lines[i] == Line::text);
  for (std::size_t i = 6; i < 14; ++i) CHECK(outline.lines[i] == Line::furniture);

  // Five short lines in a row are still the report's text.
  const auto five = build("某某局2024年政府信息公开工作年度报告\n六、其他需要报告的事项\n建议办理\n提案办理\n无收费\n人员情况\n培训情况\n"
                          "本年度无其他事项。\n");
  const auto kept = passes::read_outline(five);
  for (std::size_t i = 2; i < kept.lines.size(); ++i) CHECK(kept.lines[i] == Line::text);
}

TEST_CASE("outline: a sentence that mentions a footer word is the report's text") {
  const auto doc = build(
      "某某局2024年政府信息公开工作年度报告\n一、总体情况\n"
      "本机关在门户网站首页设置了政府信息公开专栏，网站标识码等信息在页面底部公布，全年更新信息三百余条，"
      "并在上一篇年度报告的基础上进一步完善了栏目设置，方便公众查阅和下载相关文件。\n");
  const auto outline = passes::read_outline(doc);
  REQUIRE(outline.lines.size() == 3);
  CHECK(outline.lines[2] == Line::text);
}

TEST_CASE("outline: the agency only in 发布机构 — title found without one, the page's agency kept") {
  const std::string text =
      "来源：某某网\n"
      "发布机构：某某市科学技术局\n"
      "2024年政府信息公开工作年度报告\n"
      "一、总体情况\n"
      "正文。\n"
      "二、主动公开政府信息情况\n";
  const auto doc = build(text);
  const auto outline = passes::read_outline(doc);
  CHECK(outline.title.found);
  CHECK(outline.title.agency.empty());
  CHECK(outline.title.year == 2024);
  CHECK(outline.agency == "某某市科学技术局");  // 发布机构 outranks 来源
  CHECK(outline.agency_key == "发布机构");
  CHECK(outline.agency_span.begin == span_of(text, "发布机构").begin);

  // The record takes it, and says where it came from.
  auto r = parse_bytes(text, "agency.txt");
  CHECK(r.record.agency == "某某市科学技术局");
  CHECK(r.record.year == 2024);
  CHECK(has(r.record.diagnostics, "agency-from-metadata"));
  CHECK(!has(r.record.diagnostics, "title-without-agency"));
}

TEST_CASE("outline: no title — title_like points at the most title-like line") {
  const std::string text = "欢迎访问本网站\n某局2024年工作总结报告\n一、总体情况\n正文。\n";
  const auto doc = build(text);
  const auto outline = passes::read_outline(doc);
  CHECK(!outline.title.found);
  const auto like = span_of(text, "某局2024年工作总结报告");
  CHECK(outline.title_like.begin == like.begin);
  CHECK(outline.title_like.end == like.end);

  // Nothing like a title: the first line of the preamble.
  const std::string plain = "欢迎访问本网站\n某某局\n一、总体情况\n";
  const auto outline2 = passes::read_outline(build(plain));
  CHECK(!outline2.title.found);
  CHECK(outline2.title_like.begin == 0);
  CHECK(outline2.title_like.end == span_of(plain, "欢迎访问本网站").end);

  // The record reports it there.
  Record record;
  std::vector<Diagnostic> list;
  diag::Diagnostics d(list);
  passes::read_document(doc, outline, record, d);
  REQUIRE(has(list, "missing-title"));
  for (const auto& x : list)
    if (x.code == "missing-title") CHECK(x.offset == like.begin);
}

TEST_CASE("outline: a title after the first heading is not the title") {
  const auto outline = passes::read_outline(build("一、总体情况\n某局2024年政府信息公开工作年度报告\n"));
  CHECK(!outline.title.found);
}

TEST_CASE("outline: the page's metadata table is read and left out of the report's tables") {
  const auto doc = build(
      "索引号\t11410000-2024-00012\t发布机构\t某某局\n"
      "发布日期\t2024-01-20\t文号\t无\n"
      "某某局2023年政府信息公开工作年度报告\n"
      "一、总体情况\n");
  REQUIRE(doc.tables.size() == 1);
  const auto outline = passes::read_outline(doc);
  CHECK(outline.page_table == std::vector<bool>{true});
  CHECK(outline.index_number == "11410000-2024-00012");
  CHECK(outline.agency == "某某局");
  CHECK(outline.published == "2024-01-20");
  CHECK(outline.title.year == 2023);
  const auto grids = passes::build_grids(doc, outline.table_section, outline.page_table, tmpl::matcher());
  CHECK(grids.tables.empty());
}

TEST_CASE("outline: a title stated only in a 标题 metadata line, after an empty one") {
  // Regression: an empty "标题：" line was remembered as a title line without a title, and the
  // next metadata title was then paired with the empty line's place.
  const std::string text =
      "标题：\n"
      "名称：某某局2024年政府信息公开工作年度报告\n"
      "一、总体情况\n";
  const auto outline = passes::read_outline(build(text));
  REQUIRE(outline.title.found);
  CHECK(outline.title.agency == "某某局");
  CHECK(outline.title.year == 2024);
  CHECK(outline.title.span.begin == span_of(text, "名称").begin);  // the line it was read from
}

TEST_CASE("outline: a title stated only in the page's metadata table") {
  // Regression: a 标题 cell of a metadata table added a title to try but no place for it, and the
  // title search read past the end of its list of places (a crash).
  const std::string text =
      "索引号\t11410000-2024-00012\t发布机构\t某某局\n"
      "标题\t某某局2024年政府信息公开工作年度报告\t发布日期\t2024-01-20\n"
      "一、总体情况\n"
      "正文。\n";
  const auto outline = passes::read_outline(build(text));
  REQUIRE(outline.title.found);
  CHECK(outline.title.agency == "某某局");
  CHECK(outline.title.year == 2024);
  CHECK(outline.title.span.begin == span_of(text, "标题").begin);  // the table row it was read from
  CHECK(outline.published == "2024-01-20");
  CHECK(outline.index_number == "11410000-2024-00012");
}

TEST_CASE("iso_date: dates as pages write them") {
  CHECK(passes::iso_date("2024-01-20") == "2024-01-20");
  CHECK(passes::iso_date("2024年1月20日") == "2024-01-20");
  CHECK(passes::iso_date("2024/01/20 15:07") == "2024-01-20");
  CHECK(passes::iso_date("2024.1.2") == "2024-01-02");
  CHECK(passes::iso_date(" 发布于2024-12-31") == "2024-12-31");
  CHECK(passes::iso_date("2024-13-01").empty());
  CHECK(passes::iso_date("1980-01-01").empty());
  CHECK(passes::iso_date("2024-01").empty());
  CHECK(passes::iso_date("无").empty());
  CHECK(passes::iso_date("").empty());
}
