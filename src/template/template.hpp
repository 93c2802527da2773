// The national template as data: tables, their row and column labels (with the variants real
// reports use), canonical keys and identities. One TemplateSpec per template version, so that
// the 2019 template can be added beside template2021.cpp.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "template/matcher.hpp"

namespace xxgk::tmpl {

// A label matches when its normalised text (passes/normalise.hpp: no blanks, half-width
// punctuation) contains every one of `all_of`; with `exact`, when the text with its numbering
// ("(三)", "1.", "三、") removed equals all_of[0].
struct Pattern {
  std::vector<std::string_view> all_of;
  bool exact = false;
  Hits fragments{};  // all_of's fragments in the TemplateSpec's matcher
};

struct Label {
  std::string_view key;
  std::vector<Pattern> patterns;
};

enum class TableId { active = 0, applications = 1, review = 2 };

struct ColumnSpec {
  std::string_view key;    // leaf key: "natural_person", "upheld", "issued"
  std::vector<Pattern> patterns;
  bool canonical = true;   // false: recognised and checked, kept out of the record (小计)
};

struct RowSpec {
  std::string_view key;
  std::vector<Pattern> patterns;
  std::vector<std::string_view> columns;  // the value columns this row has (leaf or group.leaf)
  std::string_view group;                 // subtotal group the row belongs to ("" if none)
};

struct TableSpec {
  TableId id = TableId::active;
  std::string_view name{};   // "表三"
  std::string_view title{};  // "收到和处理政府信息公开申请情况"
  int section = 0;         // the section that holds it
  std::vector<RowSpec> rows{};          // canonical rows, in template order
  std::vector<Label> subtotals{};       // group rows some reports add: (三)不予公开 …; key "" = the group above
  std::vector<Label> captions{};        // rows without values: 第二十条第（一）项, 三、本年度办理结果
  std::vector<ColumnSpec> columns{};    // leaf columns
  std::vector<Label> column_groups{};   // header cells above leaves: 行政复议, 复议后起诉 …
  std::vector<Label> header_words{};    // other header cells: 信息内容, 申请人情况, 行政诉讼 …
  std::string_view unlabeled_row{};     // key of a row written without a label (表四's one row)
  // Labels only another version of the template has (2019: 本年新制作数量 …): a table showing
  // one is that version's, and is not read as this one.
  std::vector<Label> other_versions{};  // key = the version
  const Matcher* matcher = nullptr;     // the TemplateSpec's, which finds these labels' fragments
  // Every fragment of columns, column_groups and header_words: text with none of them is no
  // header text (a quick test before matching the labels one by one). Likewise for rows.
  Hits header_fragments{};
  Hits row_fragments{};
};

struct TemplateSpec {
  std::string_view version;  // "2021"
  std::vector<TableSpec> tables;
  Matcher matcher;           // every fragment of every pattern above
  const TableSpec& table(TableId id) const { return tables[static_cast<int>(id)]; }
};

const TemplateSpec& template_2021();

// Text with leading numbering removed: "(三)不予公开" -> "不予公开", "1.其他" -> "其他".
std::string_view strip_numbering(std::string_view text);

// Does the normalised label text match the pattern? `hits` = template_2021().matcher.scan(text)
// (Cell::hits holds it for a cell).
inline bool matches(const Hits& hits, std::string_view text, const Pattern& p) {
  if ((hits & p.fragments) != p.fragments || p.fragments.none()) return false;
  return !p.exact || strip_numbering(text) == p.all_of.front();
}
inline bool matches_any(const Hits& hits, std::string_view text, const std::vector<Pattern>& ps) {
  for (const auto& p : ps)
    if (matches(hits, text, p)) return true;
  return false;
}
// Index of the first label whose patterns match; -1 if none.
template <typename Labels>
int find_label(const Hits& hits, std::string_view text, const Labels& labels) {
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (matches_any(hits, text, labels[i].patterns)) return static_cast<int>(i);
  return -1;
}

}  // namespace xxgk::tmpl
