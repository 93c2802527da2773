// Pass: the report's outline, read from the tree whatever front end built it — what each
// paragraph is (section heading, page number, page furniture, metadata, title, text), where
// the six sections begin and which section holds each table, the title's agency and year, and
// the metadata a web page states (索引号, 发布机构, 发布日期). Page furniture (breadcrumbs,
// 【字体：大 中 小】, 打印本页, 上一篇/下一篇, footers) is recognised and left out of everything.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "doc/tree.hpp"

namespace xxgk::passes {

struct Outline {
  enum class Line : std::uint8_t { text, heading, title, page_number, furniture, metadata };
  std::vector<Line> lines;  // per paragraph of the tree

  struct Heading {
    int number = 0;         // 1..6
    std::size_t paragraph;  // its paragraph
    std::string_view text;  // as written, markdown marks removed
    doc::Span span;
  };
  std::vector<Heading> headings;   // in source order
  std::vector<int> paragraph_section;  // per paragraph: the section that holds it (0: before the first heading)
  std::vector<int> table_section;      // per table of the tree, likewise
  std::vector<bool> page_table;    // per table: the page's metadata table (索引号 …), not the report's

  struct Title {
    bool found = false;
    doc::Span span;          // its lines
    std::string agency;      // clean: no 《》, 关于, 印发 or year; empty when the title names none
    int year = 0;
  } title;
  doc::Span title_like;      // without a title: the line most like one

  // What the page's metadata states (empty when it does not).
  std::string agency;        // 发布机构, 发文机关, 来源 …
  doc::Span agency_span;
  std::string_view agency_key;  // the key it came from: "发布机构"
  std::string published;     // YYYY-MM-DD
  std::string index_number;  // 索引号
};

Outline read_outline(const doc::Document& doc);

// A date as pages write it (2024-01-20, 2024年1月20日, 2024/01/20 15:07) as YYYY-MM-DD; "" if none.
std::string iso_date(std::string_view text);

}  // namespace xxgk::passes
