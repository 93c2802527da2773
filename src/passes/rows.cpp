#include "passes/rows.hpp"

#include <algorithm>

#include "passes/header.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk::passes {

namespace {

constexpr std::size_t kMaxHeaderRows = 6;

// What a label pattern looks for, to name a row or column in a message.
std::string_view hint(const std::vector<tmpl::Pattern>& patterns, std::string_view otherwise) {
  return patterns.empty() ? otherwise : patterns.front().all_of.front();
}

// The columns a template row reads under a header: its own, plus the columns the header has
// that the record does not store (小计), and where they are. The identities are the row's own
// (they involve stored columns only).
Columns column_set(const tmpl::RowSpec& rs, const ColumnMap& header, const tmpl::TableSpec& spec) {
  Columns set{rs.columns, rs.column_specs, {}, rs.identities};
  for (const auto& c : spec.columns)
    if (!c.in_record && header.position(c.key) >= 0) {
      set.keys.push_back(c.key);
      set.specs.push_back(&c);
    }
  for (auto k : set.keys) set.positions.push_back(header.position(k));
  return set;
}

// Does every cell in `cells` stand in one of the first `n` of `positions`?
bool all_within(const std::vector<int>& cells, const std::vector<int>& positions, std::size_t n) {
  const auto end = positions.begin() + static_cast<std::ptrdiff_t>(n);
  return std::all_of(cells.begin(), cells.end(), [&](int c) { return std::find(positions.begin(), end, c) != end; });
}

// The rows of one table, read one after the other: headers set the columns of the rows below.
class Reader {
 public:
  Reader(const LogicalTable& lt, diag::Diagnostics& diags) : lt_(lt), spec_(*lt.spec), diags_(diags) {
    out_.spec = &spec_;
    out_.span = lt.span;
    header_span_ = lt.span;
    seen_.assign(spec_.rows.size(), false);
  }

  ReadTable read() {
    for (std::size_t r = 0; r < lt_.rows.size(); ++r) {
      const auto& info = lt_.infos[r];
      if (info.kind == RowInfo::Kind::header) {
        add_header_row(*lt_.rows[r]);
        continue;
      }
      close_header();
      if (info.kind == RowInfo::Kind::data || info.kind == RowInfo::Kind::subtotal) read_row(*lt_.rows[r], info);
      else if (info.kind == RowInfo::Kind::unknown)
        diags_.report(info.has_values ? diag::Id::unknown_row_values : diag::Id::unknown_row,
                      row_anchor(*lt_.rows[r], info.label_end),
                      info.label.empty() ? std::string_view("(no label)") : info.label, spec_.name);
    }
    return std::move(out_);
  }

 private:
  void add_header_row(const GridRow& row) {
    if (!in_header_) header_block_.clear();
    // A header is a few rows; past that, only the last ones count (and work stays linear).
    if (header_block_.size() == kMaxHeaderRows) header_block_.erase(header_block_.begin());
    header_block_.push_back(&row);
    in_header_ = true;
  }

  void close_header() {
    if (!in_header_) return;
    in_header_ = false;
    if (!header_block_.front()->header_aligned) return;  // it names the table, not where the columns are
    auto fresh = read_header(header_block_, spec_);
    if (fresh.empty()) return;
    if (fresh.columns != header_.columns) {  // a header repeated after a page break keeps them
      sets_.clear();
      placed_by_rows_ = nullptr;
    }
    header_ = std::move(fresh);
    header_span_ = header_block_.front()->span;
  }

  // The columns for a row of template row `rs`: found once per set of template columns and header.
  const Columns& columns_for(const tmpl::RowSpec& rs) {
    auto set = std::find_if(sets_.begin(), sets_.end(), [&](const auto& s) { return s.first == &rs.columns || *s.first == rs.columns; });
    if (set != sets_.end()) return *set->second;
    const Columns& cols = out_.columns.emplace_back(column_set(rs, header_, spec_));
    sets_.push_back({&rs.columns, &cols});
    return cols;
  }

  void read_row(const GridRow& row, const RowInfo& info) {
    const bool subtotal = info.kind == RowInfo::Kind::subtotal;
    std::string_view group = subtotal ? spec_.subtotals[info.index].key : std::string_view{};
    if (subtotal && group.empty()) group = last_group_;
    if (subtotal && group.empty()) {
      diags_.report(diag::Id::unknown_row, row_anchor(row, info.label_end), info.label, spec_.name);
      return;
    }
    // A subtotal row has the columns of the rows it sums.
    const int index = subtotal ? 0 : info.index;
    const auto& rs = spec_.rows[static_cast<std::size_t>(index)];
    if (!subtotal) {
      last_group_ = rs.group;
      if (seen_[index]) {
        diags_.report(diag::Id::duplicate_row, row_anchor(row, info.label_end), rs.key, spec_.name);
        return;
      }
      seen_[index] = true;
    }
    const Columns* cols = &columns_for(rs);
    const std::size_t n = rs.columns.size();
    if (row.glued && read_glued(row, info, subtotal ? -1 : index, group, subtotal ? info.label : rs.key, *cols)) return;
    const bool found = std::any_of(cols->positions.begin(), cols->positions.end(), [](int p) { return p >= 0; });
    const bool complete = std::all_of(cols->positions.begin(), cols->positions.begin() + static_cast<std::ptrdiff_t>(n),
                                      [](int p) { return p >= 0; });
    if (!complete) {
      // Without a header that places the columns (none, or one only roughly placed), a row with
      // one value per column is read in the template's order, and another row's columns follow
      // its label in that order.
      // Under a roughly placed header, a row's cells stand in columns of numbers found on its
      // page, a blank cell (zero left blank) a cell too: with one value per template column, or
      // else one cell, they are read in order; with more or fewer, which column is missing or
      // extra is not known, and nothing is read.
      std::vector<int> values, cells;
      for (int c = std::max(info.label_end + 1, row.label_slots); c < static_cast<int>(row.cells.size()); ++c) {
        cells.push_back(c);
        if (!row.cells[static_cast<std::size_t>(c)].blank()) values.push_back(c);
      }
      if (!row.header_aligned && values.size() != n) values = std::move(cells);
      after_label_ = *cols;
      if (!row.header_aligned && values.size() != n) {
        diags_.report(diag::Id::unplaced_values, row_anchor(row, info.label_end), subtotal ? info.label : rs.key,
                      spec_.name, values.size(), n);
        out_.rows.push_back({subtotal ? ReadRow::Kind::subtotal : ReadRow::Kind::data, subtotal ? -1 : index, group, cols,
                             std::vector<Placed>(cols->keys.size()), row.span});
        return;
      }
      // A header that names only some of the columns (cut short, garbled, 数据1 … 数据6) cannot
      // say where the others are either: such a row is read in order too, and a row with blank
      // cells under it in the cells the last such row used, when its values all stand in them.
      const bool partial = found && row.header_aligned;
      if (values.size() == n) {
        if (!reported_by_position_)
          diags_.report(diag::Id::mapped_by_position, row.span, spec_.name,
                        partial ? "the header names only some of the columns" : "no header says where the columns are",
                        partial ? ", and rows with fewer in the cells those rows use" : "");
        reported_by_position_ = true;
        for (std::size_t i = 0; i < after_label_.positions.size(); ++i)
          after_label_.positions[i] = i < n ? values[i] : -1;
        cols = &out_.columns.emplace_back(after_label_);
        if (partial) placed_by_rows_ = cols;
      } else if (partial && placed_by_rows_ && placed_by_rows_->keys == cols->keys &&
                 all_within(values, placed_by_rows_->positions, n)) {
        cols = placed_by_rows_;
      } else if (!found) {
        if (!reported_no_header_ && !header_.empty() && !spec_.blocks_with_headers)
          diags_.report(diag::Id::missing_header, row.span, spec_.name);
        reported_no_header_ = true;
        for (std::size_t i = 0; i < after_label_.positions.size(); ++i)
          after_label_.positions[i] = info.label_end + 1 + static_cast<int>(i);
        cols = &out_.columns.emplace_back(after_label_);
      }
    }
    // Columns the header has not and the row reads nothing for: said once each.
    for (std::size_t i = 0; found && i < n; ++i)
      if (cols->positions[i] < 0 &&
          std::find(reported_missing_.begin(), reported_missing_.end(), cols->keys[i]) == reported_missing_.end()) {
        reported_missing_.push_back(cols->keys[i]);
        diags_.report(diag::Id::missing_column, header_span_, spec_.name, cols->keys[i], hint(cols->specs[i]->patterns, ""));
      }
    auto a = align_row(row, info.label_end, *cols, subtotal ? info.label : rs.key, diags_);
    if (subtotal) diags_.report(diag::Id::subtotal_row, row_anchor(row, info.label_end), info.label);
    out_.rows.push_back({subtotal ? ReadRow::Kind::subtotal : ReadRow::Kind::data, subtotal ? -1 : index, group, cols,
                         std::move(a.placed), row.span});
  }

  // A row of glued cells (doc::Table::glued) with fewer value cells than columns: its digits cut
  // into the columns (passes/glued_cells.hpp). False when it is not such a row.
  bool read_glued(const GridRow& row, const RowInfo& info, int index, std::string_view group, std::string_view name,
                  const Columns& cols) {
    std::vector<const GridCell*> cells;
    for (int c = info.label_end + 1; c < static_cast<int>(row.cells.size()); ++c)
      if (!row.cells[static_cast<std::size_t>(c)].blank()) cells.push_back(&row.cells[static_cast<std::size_t>(c)]);
    if (cells.empty() || cells.size() >= cols.keys.size()) return false;
    auto splits = split_glued(cells, cols);
    ReadRow out{index < 0 ? ReadRow::Kind::subtotal : ReadRow::Kind::data, index, group, &cols,
                std::vector<Placed>(cols.keys.size()), row.span};
    out.glued = glued_text(cells);
    const auto at = cells.front()->span();
    if (splits.ways.size() == 1 && !splits.capped) {
      const auto& way = splits.ways.front();
      std::string read;
      for (std::size_t i = 0; i < cols.keys.size(); ++i) {
        out.values[i] = {Placed::State::value, way.values[i], way.cells[i]};
        if (!read.empty()) read += " | ";
        read += way.values[i] ? format_decimal(*way.values[i]) : "-";
      }
      diags_.report(diag::Id::glued_split, at, name, out.glued, read,
                    cols.ids.empty() ? "the only way to write them" : "the only cut the row's total allows");
    } else if (splits.ways.size() > 1 && !splits.capped && index >= 0) {  // the table chooses (lost_cells.hpp)
      for (auto& p : out.values) p = {Placed::State::glued, std::nullopt, cells.front()};
      out.ways = std::move(splits.ways);
    } else if (splits.ways.size() > 1 && !splits.capped) {  // a subtotal row: no identity of the table chooses
      auto show = [](const Split& w) {
        std::string s;
        for (const auto& v : w.values) s += (s.empty() ? "" : " | ") + (v ? format_decimal(*v) : std::string("-"));
        return s;
      };
      diags_.report(diag::Id::glued_ambiguous, at, name, out.glued, show(splits.ways[0]), show(splits.ways[1]));
    } else {
      std::size_t digits = 0;
      for (const auto* c : cells) digits += c->text.size();
      diags_.report(diag::Id::glued_unsplit, at, name, out.glued, cols.keys.size(),
                    splits.capped              ? "it can be cut in too many ways"
                    : digits < cols.keys.size() ? "it has fewer digits than columns"
                                                : "no cut satisfies the row's total");
    }
    out_.rows.push_back(std::move(out));
    return true;
  }

  const LogicalTable& lt_;
  const tmpl::TableSpec& spec_;
  diag::Diagnostics& diags_;
  ReadTable out_;
  std::vector<bool> seen_;
  std::vector<const GridRow*> header_block_;
  bool in_header_ = false;
  ColumnMap header_;
  doc::Span header_span_;
  bool reported_no_header_ = false;
  bool reported_by_position_ = false;
  const Columns* placed_by_rows_ = nullptr;  // under a header naming some columns: the last row read by position
  std::string_view last_group_;  // group of the last template row, for a 小计 row closing it
  std::vector<std::pair<const std::vector<std::string_view>*, const Columns*>> sets_;  // for the current header
  Columns after_label_;
  std::vector<std::string_view> reported_missing_;
};

}  // namespace

ReadTable read_rows(const LogicalTable& table, diag::Diagnostics& diags) { return Reader(table, diags).read(); }

}  // namespace xxgk::passes
