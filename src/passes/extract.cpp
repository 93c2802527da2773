#include "passes/extract.hpp"

#include <algorithm>

#include "passes/align.hpp"
#include "passes/map_rows.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk::passes {

namespace {

constexpr std::size_t kMaxHeaderRows = 6;

template <typename Keys>
int index_of(const Keys& keys, std::string_view key) {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (key == keys[i]) return static_cast<int>(i);
  return -1;
}

// The record's keys as views: comparing them costs no strlen.
template <std::size_t N>
std::array<std::string_view, N> views(const std::array<const char*, N>& keys) {
  std::array<std::string_view, N> v;
  for (std::size_t i = 0; i < N; ++i) v[i] = keys[i];
  return v;
}
const auto kColumnKeys = views(kApplicantColumnKeys);
const auto kGroupKeys = views(kReviewGroupKeys);
const auto kReviewKeys = views(kReviewColumnKeys);

Value* active_slot(ActiveDisclosure& a, std::string_view row, std::string_view col) {
  DocumentCounts* d = row == "rules" ? &a.rules : row == "normative_documents" ? &a.normative_documents : nullptr;
  if (d) return col == "issued" ? &d->issued : col == "repealed" ? &d->repealed : col == "in_force" ? &d->in_force : nullptr;
  if (row == "licensing" && col == "decisions") return &a.licensing;
  if (row == "penalty" && col == "decisions") return &a.penalty;
  if (row == "coercion" && col == "decisions") return &a.coercion;
  if (row == "fees" && col == "amount") return &a.fees;
  return nullptr;
}

std::string_view column_label(const tmpl::TableSpec& spec, std::string_view key) {
  auto leaf = key.substr(key.rfind('.') == std::string_view::npos ? 0 : key.rfind('.') + 1);
  for (const auto& c : spec.columns)
    if (c.key == leaf && !c.patterns.empty()) return c.patterns[0].all_of[0];
  return {};
}

// The columns a kind of row reads under a header, where they are, and the identities their
// values satisfy.
struct ColumnSet {
  const std::vector<std::string_view>* canonical;  // a RowSpec's columns (many rows have equal ones)
  std::vector<std::string_view> columns;  // the canonical ones, plus the header's non-canonical ones (小计)
  std::vector<int> positions;             // cell index per column; -1: not in the header
  bool found = false;                     // the header has any of them
  std::vector<RowIdentity> ids;           // row_identities(columns)
};

ColumnSet column_set(const std::vector<std::string_view>& canonical, const ColumnMap& header, const tmpl::TableSpec& spec) {
  ColumnSet set{&canonical, canonical, {}, false, {}};
  for (const auto& c : spec.columns)
    if (!c.canonical && header.position(c.key) >= 0) set.columns.push_back(c.key);
  for (auto c : set.columns) {
    set.positions.push_back(header.position(c));
    set.found = set.found || set.positions.back() >= 0;
  }
  set.ids = row_identities(set.columns);
  return set;
}

void extract_table(const LogicalTable& lt, Record& record, Extraction& ex, diag::Diagnostics& diags) {
  const auto& spec = *lt.spec;
  const int t = static_cast<int>(spec.id);
  ex.table_span[t] = lt.span;
  for (const ast::Row* row : lt.rows)
    for (const auto& cell : row->cells)
      for (const auto& other : spec.other_versions)
        if (tmpl::matches_any(cell.hits, cell.text, other.patterns)) {
          diags.report(diag::Id::other_template, cell.span, spec.name, other.key, std::string_view(cell.raw));
          ex.other_version = other.key;
          return;
        }
  ex.table_found[t] = true;

  std::vector<bool> seen(spec.rows.size(), false);
  std::vector<const ast::Row*> header_block;
  ColumnMap columns;
  ast::Span header_span = lt.span;
  bool in_header = false, reported_no_header = false;
  std::string_view last_group;  // group of the last canonical row, for a 小计 row closing it
  std::vector<ColumnSet> sets;  // for the current header
  std::vector<int> after_label;
  std::vector<std::string_view> reported_missing;

  for (std::size_t r = 0; r < lt.rows.size(); ++r) {
    const ast::Row* row = lt.rows[r];
    const RowInfo& info = lt.infos[r];
    if (info.kind == RowInfo::Kind::header) {
      if (!in_header) header_block.clear();
      // A header is a few rows; past that, only the last ones count (and work stays linear).
      if (header_block.size() == kMaxHeaderRows) header_block.erase(header_block.begin());
      header_block.push_back(row);
      in_header = true;
      continue;
    }
    if (in_header) {
      auto fresh = read_header(header_block, spec);
      if (!fresh.empty()) {
        if (fresh.columns != columns.columns) sets.clear();  // a header repeated after a page break keeps them
        columns = std::move(fresh);
        header_span = header_block.front()->span;
      }
      in_header = false;
    }
    switch (info.kind) {
      case RowInfo::Kind::blank:
      case RowInfo::Kind::caption:
      case RowInfo::Kind::header:
        continue;
      case RowInfo::Kind::unknown:
        diags.report(info.has_values ? diag::Id::unknown_row_values : diag::Id::unknown_row, row_anchor(*row, info.label_end),
                     info.label.empty() ? std::string_view("(no label)") : info.label, spec.name);
        continue;
      case RowInfo::Kind::data:
      case RowInfo::Kind::subtotal:
        break;
    }
    const bool subtotal = info.kind == RowInfo::Kind::subtotal;
    std::string_view group = subtotal ? spec.subtotals[info.index].key : std::string_view{};
    if (subtotal && group.empty()) group = last_group;
    if (subtotal && group.empty()) {
      diags.report(diag::Id::unknown_row, row_anchor(*row, info.label_end), info.label, spec.name);
      continue;
    }
    const auto& rs = spec.rows[subtotal ? 0 : info.index];
    if (!subtotal) last_group = rs.group;
    if (!subtotal) {
      if (seen[info.index]) {
        diags.report(diag::Id::duplicate_row, row_anchor(*row, info.label_end), rs.key, spec.name);
        continue;
      }
      seen[info.index] = true;
    }
    // The columns this row reads: found once per set of template columns and header.
    auto set = std::find_if(sets.begin(), sets.end(),
                            [&](const ColumnSet& c) { return c.canonical == &rs.columns || *c.canonical == rs.columns; });
    if (set == sets.end()) {
      set = sets.insert(sets.end(), column_set(rs.columns, columns, spec));
      for (std::size_t i = 0; set->found && i < rs.columns.size(); ++i)
        if (set->positions[i] < 0 && index_of(reported_missing, set->columns[i]) < 0) {
          reported_missing.push_back(set->columns[i]);
          diags.report(diag::Id::missing_column, header_span, spec.name, set->columns[i], column_label(spec, set->columns[i]));
        }
    }
    const auto& cols = set->columns;
    const std::vector<int>* positions = &set->positions;
    if (!set->found) {  // no header for these columns: template order after the label
      if (!reported_no_header && !columns.empty() && spec.id != tmpl::TableId::active)
        diags.report(diag::Id::missing_header, row->span, spec.name);
      reported_no_header = true;
      after_label.clear();
      for (std::size_t i = 0; i < cols.size(); ++i) after_label.push_back(info.label_end + 1 + static_cast<int>(i));
      positions = &after_label;
    }
    auto name = subtotal ? info.label : rs.key;
    auto a = align_row(*row, info.label_end, *positions, cols, set->ids, name, diags);

    if (subtotal) {
      diags.report(diag::Id::subtotal_row, row_anchor(*row, info.label_end), info.label);
      Extraction::Subtotal s{std::string(group), {}, row->span};
      for (std::size_t i = 0; i < cols.size(); ++i)
        if (int c = index_of(kColumnKeys, cols[i]); c >= 0) s.values[c] = a.placed[i].value;
      ex.subtotals.push_back(std::move(s));
      continue;
    }
    for (std::size_t i = 0; i < cols.size(); ++i) {
      if (cols[i] == "legal_subtotal") {
        ex.legal_subtotals.push_back({info.index, a.placed[i].value, row->span});
        continue;
      }
      if (Value* v = slot(record, spec, info.index, cols[i])) *v = a.placed[i].value;
    }
    if (spec.id == tmpl::TableId::applications) ex.application_span[info.index] = row->span;
  }
  for (std::size_t i = 0; i < spec.rows.size(); ++i)
    if (!seen[i]) diags.report(diag::Id::missing_row, lt.span, spec.rows[i].key,
                   spec.rows[i].patterns.empty() ? std::string_view("the row of values") : spec.rows[i].patterns[0].all_of[0],
                   spec.name);
}

}  // namespace

Value* slot(Record& record, const tmpl::TableSpec& table, int row, std::string_view column) {
  switch (table.id) {
    case tmpl::TableId::active:
      return active_slot(record.active_disclosure, table.rows[row].key, column);
    case tmpl::TableId::applications: {
      // The template's rows are the record's, in the same order (tests/unit/passes_test.cpp).
      int c = index_of(kColumnKeys, column);
      return c >= 0 ? &record.applications[row][c] : nullptr;
    }
    case tmpl::TableId::review: {
      auto dot = column.find('.');
      if (dot == std::string_view::npos) return nullptr;
      int g = index_of(kGroupKeys, column.substr(0, dot)), c = index_of(kReviewKeys, column.substr(dot + 1));
      return g >= 0 && c >= 0 ? &record.review_litigation[g][c] : nullptr;
    }
  }
  return nullptr;
}

Extraction extract(const std::vector<LogicalTable>& tables, Record& record, diag::Diagnostics& diags) {
  Extraction ex;
  for (const auto& lt : tables)
    if (lt.spec && !lt.rows.empty()) extract_table(lt, record, ex, diags);
  return ex;
}

}  // namespace xxgk::passes
