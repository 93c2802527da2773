#include "passes/glued_cells.hpp"

#include <algorithm>

namespace xxgk::passes {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Cutter {
 public:
  Cutter(const std::vector<const GridCell*>& cells, const Columns& columns)
      : cells_(cells), columns_(columns), n_(columns.keys.size()) {
    current_.values.resize(n_);
    current_.cells.resize(n_);
    digits_left_.assign(cells.size() + 1, 0);
    for (std::size_t j = cells.size(); j-- > 0;)
      digits_left_[j] = digits_left_[j + 1] + (all_digits(cells[j]->text) ? cells[j]->text.size() : 1);
  }

  Splits run() {
    for (const auto* c : cells_)  // a cell that is neither digits nor one number: not a glued row
      if (!all_digits(c->text) && c->value.kind != CellValue::Kind::number) return out_;
    cut(0, 0, 0);
    return std::move(out_);
  }

 private:
  // Columns from `col` on, from cell `j`'s character `offset` on.
  void cut(std::size_t j, std::size_t offset, std::size_t col) {
    if (out_.capped) return;
    if (++work_ > kMaxSplitWork) {
      out_.capped = true;
      return;
    }
    if (j == cells_.size()) {
      if (col == n_ && holds()) out_.ways.push_back(current_);
      return;
    }
    const auto* cell = cells_[j];
    const std::size_t cols_left = n_ - col;
    if (cols_left == 0) return;
    if (!all_digits(cell->text)) {  // one number, not cut (a decimal, a unit)
      if (offset != 0) return;
      current_.values[col] = cell->value.value;
      current_.cells[col] = cell;
      cut(j + 1, 0, col + 1);
      return;
    }
    const std::string_view d = cell->text;
    const std::size_t left_here = d.size() - offset;
    // Every later cell needs a column, and every column a digit.
    if (cols_left < (cells_.size() - j) || left_here + digits_left_[j + 1] < cols_left) return;
    const std::size_t longest = d[offset] == '0' ? 1 : std::min<std::size_t>(17, left_here);
    for (std::size_t len = 1; len <= longest; ++len) {
      std::int64_t v = 0;
      for (std::size_t k = offset; k < offset + len; ++k) v = v * 10 + (d[k] - '0');
      current_.values[col] = Decimal{v, 0};
      current_.cells[col] = cell;
      if (offset + len == d.size()) cut(j + 1, 0, col + 1);
      else cut(j, offset + len, col + 1);
      if (out_.capped) return;
    }
  }

  bool holds() const {
    for (const auto& id : columns_.ids) {
      const auto& total = current_.values[static_cast<std::size_t>(id.total)];
      if (!total || total->scale != 0) continue;
      std::int64_t sum = 0;
      for (int i : id.parts) {
        const auto& v = current_.values[static_cast<std::size_t>(i)];
        sum += v && v->scale == 0 ? v->units : 0;
      }
      if (sum != total->units) return false;
    }
    return true;
  }

  const std::vector<const GridCell*>& cells_;
  const Columns& columns_;
  std::size_t n_;
  std::vector<std::size_t> digits_left_;  // digits (or one number) in cells j and after
  Split current_;
  Splits out_;
  int work_ = 0;
};

}  // namespace

Splits split_glued(const std::vector<const GridCell*>& cells, const Columns& columns) {
  if (cells.empty() || columns.keys.empty()) return {};
  return Cutter(cells, columns).run();
}

std::string glued_text(const std::vector<const GridCell*>& cells) {
  std::string s;
  for (const auto* c : cells) {
    if (!s.empty()) s += ' ';
    s += c->text;
  }
  return s;
}

}  // namespace xxgk::passes
