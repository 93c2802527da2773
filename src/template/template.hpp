// The national template as data, one description per version (template2021.cpp,
// template2019.cpp): tables, their rows and columns with the label variants real reports use,
// the keys the record stores them under, and the identities (勾稽关系) the values satisfy.
// Generic passes, checks and emitters walk these descriptions; none names a key.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "template/matcher.hpp"
#include "xxgk/template.hpp"

namespace xxgk::tmpl {

// A label matches when its normalised text (passes/normalise.hpp: no blanks, half-width
// punctuation) contains every one of `all_of`; with `exact`, when the text with its numbering
// ("(三)", "1.", "三、") removed equals all_of[0].
struct Pattern {
  std::vector<std::string_view> all_of;
  bool exact = false;
  Hits fragments{};  // all_of's fragments in the templates' matcher (filled when compiled)
  std::size_t probe = 0;  // one of them, tested first: most labels fail on it
};

struct Label {
  std::string_view key;
  std::vector<Pattern> patterns;
  std::string_view label{};  // the template's wording, where the record shows it (column groups)
};

struct ColumnSpec {
  std::string_view key;    // leaf key: "natural_person", "upheld", "issued"
  std::string_view label;  // the template's wording, short
  std::vector<Pattern> patterns;
  ValueKind kind = ValueKind::count;
  std::string_view unit{};  // the unit the header states ("万元"); values written in another are converted
  bool in_record = true;   // false: a column some reports add (小计): read and checked, not stored
};

// An identity among a row's columns: column `total` = the sum of the columns `parts` (indices
// into the row's columns).
struct RowIdentity {
  int total = -1;
  std::vector<int> parts;
};

struct ColumnSpec;

struct RowSpec {
  std::string_view key;
  std::string_view label;  // the template's wording, short
  std::vector<Pattern> patterns;  // empty: the table's unlabeled row, or a row only the record has
  std::vector<std::string_view> columns;  // the value columns it has, in order: leaf, or "group.leaf"
  std::string_view group{};               // the subtotal group it belongs to ("" if none)
  // Filled when compiled: the description of each column, and row_identities(columns).
  std::vector<const ColumnSpec*> column_specs{};
  std::vector<RowIdentity> identities{};
};

// An identity the values satisfy. Over columns: for every column of the record, the sum of the
// rows `lhs` equals the sum of the rows `rhs`. Over rows: for every row of the record that has
// them, the sum of the columns `lhs` equals the sum of the columns `rhs` (a column not in the
// record, such as 小计, counts where the report has it). Over subtotals: every subtotal row a
// report adds equals, per column, the sum of its group's rows (lhs and rhs unused).
struct Identity {
  enum class Over { columns, rows, subtotals };
  std::string_view rule;  // "applications.balance"
  Over over = Over::columns;
  std::vector<std::string_view> lhs{}, rhs{};
  std::string_view lhs_label{}, rhs_label{};  // how the template writes the sides: "一+二", "三+四"
};

// An identity compiled against the record's values: one check per column (over columns) or per
// row (over rows), as the indices of the values each side sums.
struct CompiledCheck {
  std::string_view scope;  // the column or row key
  std::vector<int> lhs, rhs;
  int anchor = 0;          // the record row whose place the check points at
};

struct TableSpec {
  std::string_view key{};    // "applications"
  std::string_view name{};   // "表三"
  std::string_view title{};  // "收到和处理政府信息公开申请情况"
  int section = 0;           // the section that holds it
  std::vector<RowSpec> rows{};          // in template order
  std::vector<Label> subtotals{};       // group rows some reports add: (三)不予公开 …; key "" = the group above
  std::vector<Label> captions{};        // rows without values: 第二十条第（一）项, 三、本年度办理结果
  std::vector<ColumnSpec> columns{};    // leaf columns
  std::vector<Label> column_groups{};   // header cells above leaves: 行政复议, 复议后起诉 …
  std::vector<Label> header_words{};    // other header cells: 信息内容, 申请人情况, 行政诉讼 …
  std::string_view unlabeled_row{};     // key of a row written without a label (表四's one row)
  bool blocks_with_headers = false;     // every block has its own header (表二): a row before any is no news
  std::vector<Identity> identities{};

  // Filled when compiled:
  std::string_view version{};           // of the template it belongs to
  int index = 0;                        // its place among the template's tables (the record's)
  const Matcher* matcher = nullptr;     // finds these labels' fragments
  Hits header_fragments{};              // every fragment of columns, column_groups, header_words
  Hits row_fragments{};                 // every fragment of rows
  Hits naming_fragments{};              // every fragment of the header, rows, subtotals and captions:
                                        // a row that names the table holds one of them
  const TemplateTable* record = nullptr;  // the record's shape (xxgk/template.hpp)
  std::vector<std::vector<int>> slots{};  // per row, per column: index into the record's values; -1: not stored
  std::vector<int> record_source{};       // per row of the record: the row whose values it holds
  // Per identity: its checks, when they involve only stored values (empty otherwise: evaluated
  // from what the report has, passes/checks.cpp).
  std::vector<std::vector<CompiledCheck>> compiled_identities{};

  int row_index(std::string_view key) const;        // -1 when none
  const ColumnSpec* column(std::string_view leaf) const;  // nullptr when none
  // The record's value index of `column` ("leaf" or "group.leaf") in row `row`; -1 when not stored.
  int slot(int row, std::string_view column) const;
};

struct TemplateSpec {
  std::string_view version;
  std::string_view notice;
  std::vector<TableSpec> tables;  // the same tables in every version, in the same order
  Template record;                // the record's shape, derived when compiled
};

// Every version, newest first, compiled: their labels found by one matcher.
std::span<const TemplateSpec* const> versions();
const TemplateSpec* find_version(std::string_view version);
const Matcher& matcher();

// The descriptions (template2021.cpp, template2019.cpp), before compiling.
TemplateSpec describe_2021();
TemplateSpec describe_2019();

// The table's identities over rows that hold among `columns` (leaf, or "group.leaf") and involve
// only stored columns, once per group of columns: what a row's values are aligned and inferred by.
std::vector<RowIdentity> row_identities(const std::vector<std::string_view>& columns, const TableSpec& spec);

// Text with leading numbering removed: "(三)不予公开" -> "不予公开", "1.其他" -> "其他".
std::string_view strip_numbering(std::string_view text);

// The leaf of a column key: "review.upheld" -> "upheld"; and its group ("review", or "").
std::string_view leaf_of(std::string_view column);
std::string_view group_of(std::string_view column);

// Does the normalised label text match the pattern? `hits` = matcher().scan(text).
inline bool matches(const Hits& hits, std::string_view text, const Pattern& p) {
  if (!hits.test(p.probe) || (hits & p.fragments) != p.fragments || p.fragments.none()) return false;
  return !p.exact || strip_numbering(text) == p.all_of.front();
}
inline bool matches_any(const Hits& hits, std::string_view text, const std::vector<Pattern>& ps) {
  for (const auto& p : ps)
    if (matches(hits, text, p)) return true;
  return false;
}
// Index of the first label from `from` on whose patterns match; -1 if none.
template <typename Labels>
int find_label(const Hits& hits, std::string_view text, const Labels& labels, std::size_t from = 0) {
  for (std::size_t i = from; i < labels.size(); ++i)
    if (matches_any(hits, text, labels[i].patterns)) return static_cast<int>(i);
  return -1;
}

}  // namespace xxgk::tmpl
