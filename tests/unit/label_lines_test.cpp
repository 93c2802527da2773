// A row label written as a plain line inside a table, above its row of bare values
// (frontend/label_lines.hpp): kept as a row of the table, where the lone-label pass joins it with
// the values below as it joins a label written as a row of its own; any other line between rows
// stays a paragraph that ends the table.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "frontend/label_lines.hpp"
#include "parse/layouts.hpp"
#include "passes/grid.hpp"
#include "passes/outline.hpp"
#include "passes/reassemble.hpp"
#include "passes/rows.hpp"
#include "template/template.hpp"

using namespace xxgk;

namespace {

constexpr std::size_t kApplications = 1;

// The markdown tree of `text` after the step; the text stays alive with it.
struct Tree {
  std::string text;
  doc::Document doc;
};
std::unique_ptr<Tree> tree(std::string text) {
  auto t = std::make_unique<Tree>();
  t->text = std::move(text);
  t->doc = parse::find_layout("markdown")->parse(t->text);
  frontend::keep_label_lines(t->doc, t->text);
  return t;
}

std::vector<std::string_view> paragraphs(const doc::Document& doc) {
  std::vector<std::string_view> out;
  for (const auto& p : doc.paragraphs) out.push_back(p.text);
  return out;
}

const std::string kHeader =
    "| 等于第三项加第四项之和） | 自然人 | 商业 | 科研 | 总计 |\n"
    "|---|---|---|---|---|\n"
    "| 一、本年新收政府信息公开申请数量 | 8 | 10 | 12 | 14 | 16 | 18 | 78 |\n";

}  // namespace

TEST_CASE("label lines: a row label on a plain line between a table's rows, above bare values, is a row of the table") {
  auto t = tree(kHeader +
                "二、上年结转政府信息公开申请数量\n"
                "|  | 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n"  // a blank cell under the label
                "（一）予以公开\n"
                "| 2 | 3 | 4 | 5 | 6 | 7 | 27 |\n"    // the values from the label's column on
                "| （二）部分公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n");
  const auto& doc = t->doc;
  REQUIRE(doc.tables.size() == 1);
  CHECK(doc.paragraphs.empty());
  CHECK(doc.blocks.size() == 1);
  const auto& rows = doc.tables[0].rows;
  REQUIRE(rows.size() == 7);
  REQUIRE(rows[2].cells.size() == 1);
  CHECK(rows[2].cells[0].text == "二、上年结转政府信息公开申请数量");
  CHECK(rows[2].cells[0].span.begin == t->text.find("二、上年结转"));
  CHECK(rows[2].span.end == t->text.find("\n|  | 1"));
  CHECK(rows[3].cells.size() == 8);  // the row below as the grammar read it
  CHECK(rows[4].cells[0].text == "（一）予以公开");
  CHECK(rows[6].cells[0].text == " （二）部分公开 ");
  CHECK(doc.tables[0].span.begin == 0);
  CHECK(doc.tables[0].span.end == t->text.size());
}

TEST_CASE("label lines: a line that is no row label, or not between rows above bare values, ends the table") {
  auto t = tree(kHeader +
                "第 3 页\n"  // a page footer
                "|  | 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n"
                "本表数据来源于依申请公开系统\n"  // a sentence
                "|  | 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n"
                "本年新收政府信息公开申请数量较上年增加。\n"  // a sentence naming a row
                "|  | 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n"
                "（一）予以公开\n"  // a label above a row with its own label
                "| （二）部分公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
                "（三）不予公开\n"  // a group label: no row of the table
                "|  | 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n"
                "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n"  // a section heading
                "| 1 | 2 | 3 | 4 | 10 |\n"
                "| 行政许可 | 38 |\n"
                "（一）予以公开\n"  // a label of 表三 under 表二's rows
                "|  | 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n"
                "\n"
                "（一）予以公开\n"  // a blank line above it: not between the rows of a table
                "|  | 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n"
                "（一）予以公开\n"
                "\n"  // a blank line below it
                "|  | 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n");
  CHECK(paragraphs(t->doc) == std::vector<std::string_view>{
                                  "第 3 页", "本表数据来源于依申请公开系统", "本年新收政府信息公开申请数量较上年增加。",
                                  "（一）予以公开", "（三）不予公开", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                                  "（一）予以公开", "（一）予以公开", "（一）予以公开"});
  CHECK(t->doc.tables.size() == 10);
}

TEST_CASE("label lines: the lone-label pass joins a kept line with its values, one note at the line") {
  auto t = tree("三、收到和处理政府信息公开申请情况\n\n" + kHeader +
                "二、上年结转政府信息公开申请数量\n"
                "|  | 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n"
                "（一）予以公开\n"
                "| 2 | 3 | 4 | 5 | 6 | 7 | 27 |\n"
                "第 3 页\n"  // a footer above bare values: they stay without a label
                "|  | 9 | 9 | 9 | 9 | 9 | 9 | 54 |\n");
  const auto outline = passes::read_outline(t->doc);
  auto grids = passes::build_grids(t->doc, outline.table_section, outline.page_table, tmpl::matcher());
  std::vector<Diagnostic> list;
  diag::Diagnostics diags(list);
  auto tables = passes::reassemble(grids, diags);
  const auto& lt = tables[kApplications];
  REQUIRE(lt.rows.size() == 5);  // header, 一, 二 with its values, （一） with its values; the row after the footer
  CHECK(lt.fragment_starts == std::vector<std::size_t>{0, 4});
  CHECK(lt.rows[2]->cells.size() == 8);
  CHECK(lt.rows[2]->cells[0].text == "二、上年结转政府信息公开申请数量");
  CHECK(lt.rows[2]->cells[1].text == "1");  // the blank cell under the label dropped
  CHECK(lt.rows[2]->cells[7].text == "6");
  CHECK(lt.rows[3]->cells.size() == 8);
  CHECK(lt.rows[3]->cells[1].text == "2");
  CHECK(lt.rows[4]->label_end < 0);
  std::vector<std::uint32_t> notes;
  for (const auto& d : list)
    if (d.code == "label-above-values") notes.push_back(d.offset);
  CHECK(notes == std::vector<std::uint32_t>{static_cast<std::uint32_t>(t->text.find("二、上年结转")),
                                            static_cast<std::uint32_t>(t->text.find("（一）予以公开"))});
  CHECK(outline.lines.size() == 2);  // the heading and the footer: the kept lines are no paragraphs
}
