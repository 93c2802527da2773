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
    used_ = cells.size();
    texts_.reserve(cells.size());
    for (const auto* c : cells) texts_.push_back(c->text), digits_.push_back(all_digits(c->text));
    count_digits();
    // The identities to check once their last column is read (their total, in the template's order).
    closing_.assign(n_, {});
    for (std::size_t k = 0; k < columns.ids.size(); ++k) {
      int last = columns.ids[k].total;
      for (int p : columns.ids[k].parts) last = std::max(last, p);
      if (last >= 0 && static_cast<std::size_t>(last) < n_) closing_[static_cast<std::size_t>(last)].push_back(k);
    }
  }
  void count_digits() {
    digits_left_.assign(texts_.size() + 1, 0);
    for (std::size_t j = texts_.size(); j-- > 0;)
      digits_left_[j] = digits_left_[j + 1] + (digits_[j] ? texts_[j].size() : 1);
  }

  Splits run() {
    std::size_t digits = 0;
    for (std::size_t j = 0; j < cells_.size(); ++j) {  // a cell that is neither digits nor one number: not a glued row
      if (!digits_[j] && cells_[j]->value.kind != CellValue::Kind::number) return out_;
      digits += cells_[j]->text.size();
    }
    if (digits > 17 * n_) return out_;  // more digits than the columns can hold
    // The last column a total of the columns before it, all in the last cell's digits (表三's
    // rows): its digits are the cell's end, so take them first, then every other column is at
    // most that total — which keeps the cuts of a long run few.
    const auto& last_cell = cells_.back()->text;
    for (std::size_t k = 0; k < columns_.ids.size(); ++k) {
      const auto& id = columns_.ids[k];
      if (static_cast<std::size_t>(id.total) != n_ - 1 || !digits_.back() || n_ < 2) continue;
      bool before = true;
      for (int p : id.parts) before = before && p < id.total;
      if (!before) continue;
      bounded_ = static_cast<int>(k);
      rest_parts_.assign(n_, false);  // are the columns from here to the total all its parts?
      for (std::size_t c = n_ - 1; c-- > 0;)
        rest_parts_[c] = is_part(c) && (c + 2 == n_ || rest_parts_[c + 1]);
      for (std::size_t len = 1; len <= std::min<std::size_t>(17, last_cell.size()) && !out_.capped; ++len) {
        const std::string_view t = last_cell.substr(last_cell.size() - len);
        if (t.size() > 1 && t[0] == '0') continue;
        std::int64_t v = 0;
        for (char c : t) v = v * 10 + (c - '0');
        bound_ = v;
        current_.values[n_ - 1] = Decimal{v, 0};
        current_.cells[n_ - 1] = cells_.back();
        texts_.back() = last_cell.substr(0, last_cell.size() - len);
        used_ = texts_.back().empty() ? cells_.size() - 1 : cells_.size();  // the total may be the whole last cell
        if (used_ == 1 && digits_[0] && rest_parts_[0]) {
          // One run of digits holds every part, each a digit at least and at most as long as the
          // total (no leading zero, not above it): a total of another length has no cut.
          const std::size_t rest = texts_[0].size(), parts = n_ - 1;
          if (rest < parts || rest > parts * len) continue;
        }
        count_digits();
        reach();
        if (used_ > 0) cut(0, 0, 0, 0);
      }
      return std::move(out_);
    }
    cut(0, 0, 0, 0);
    return std::move(out_);
  }

 private:
  // Columns from `col` on, from cell `j`'s character `offset` on; `sum`: of the bounded
  // identity's parts read so far.
  void cut(std::size_t j, std::size_t offset, std::size_t col, std::int64_t sum) {
    if (out_.capped) return;
    if (++work_ > kMaxSplitWork) {
      out_.capped = true;
      return;
    }
    const std::size_t n = bounded_ >= 0 ? n_ - 1 : n_;  // the bounded total is read already
    if (j == used_) {
      if (col == n && holds()) out_.ways.push_back(current_);
      return;
    }
    const auto* cell = cells_[j];
    const std::size_t cols_left = n - std::min(n, col);
    if (cols_left == 0) return;
    if (!digits_[j]) {  // one number, not cut (a decimal, a unit)
      if (offset != 0) return;
      current_.values[col] = cell->value.value;
      current_.cells[col] = cell;
      if (closes(col)) cut(j + 1, 0, col + 1, sum);
      return;
    }
    const std::string_view d = texts_[j];
    const std::size_t left_here = d.size() - offset;
    // Every later cell needs a column, and every column a digit.
    if (cols_left < (used_ - j) || left_here + digits_left_[j + 1] < cols_left) return;
    const bool part = bounded_ >= 0 && is_part(col);
    if (part && rest_parts_[col] && used_ == 1 && offset < reach_rows_) {
      // Every column left is a part of the bounded total, all in this cell: the least and the
      // most they can sum to (reach()) must take in what is left of the total.
      const std::int64_t rest = bound_ - sum;
      if (cols_left >= reach_stride_ || low(offset, cols_left) > rest || high(offset, cols_left) < rest) return;
    }
    const std::size_t longest = d[offset] == '0' ? 1 : std::min<std::size_t>(17, left_here);
    std::int64_t v = 0;
    for (std::size_t len = 1; len <= longest; ++len) {
      v = v * 10 + (d[offset + len - 1] - '0');  // the number of the first len digits
      if (part && sum + v > bound_) return;  // longer is larger still
      current_.values[col] = Decimal{v, 0};
      current_.cells[col] = cell;
      if (!closes(col)) continue;
      if (offset + len == d.size()) cut(j + 1, 0, col + 1, part ? sum + v : sum);
      else cut(j, offset + len, col + 1, part ? sum + v : sum);
      if (out_.capped) return;
    }
  }

  // For the one cell cut under a bounded total: from each offset, the least and the most k parts
  // of at most the total each can sum to (kNone: they cannot take the digits left).
  static constexpr std::int64_t kNone = INT64_C(1) << 62;
  void reach() {
    reach_rows_ = 0;
    if (used_ != 1) return;
    const std::string_view d = texts_[0];
    const std::size_t len = d.size(), parts = n_;
    reach_rows_ = len + 1;
    reach_stride_ = parts + 1;
    low_.assign(reach_rows_ * reach_stride_, kNone);
    high_.assign(reach_rows_ * reach_stride_, -1);
    low(len, 0) = high(len, 0) = 0;
    for (std::size_t i = len; i-- > 0;) {
      std::int64_t v = 0;  // the number of the l digits from i
      for (std::size_t l = 1; i + l <= len && l <= 17; ++l) {
        if (l > 1 && d[i] == '0') break;
        v = v * 10 + (d[i + l - 1] - '0');
        if (v > bound_) break;
        const std::int64_t* next_lo = &low(i + l, 0);
        const std::int64_t* next_hi = &high(i + l, 0);
        std::int64_t* here_lo = &low(i, 0);
        std::int64_t* here_hi = &high(i, 0);
        const std::size_t most = std::min(parts, len - i - l + 1);  // a part needs a digit
        for (std::size_t k = 1; k <= most; ++k) {
          if (next_lo[k - 1] == kNone) continue;
          here_lo[k] = std::min(here_lo[k], std::min(next_lo[k - 1] + v, kNone));
          here_hi[k] = std::max(here_hi[k], next_hi[k - 1] + v);
        }
      }
    }
  }
  std::int64_t& low(std::size_t offset, std::size_t k) { return low_[offset * reach_stride_ + k]; }
  std::int64_t& high(std::size_t offset, std::size_t k) { return high_[offset * reach_stride_ + k]; }

  bool is_part(std::size_t col) const {
    const auto& parts = columns_.ids[static_cast<std::size_t>(bounded_)].parts;
    return std::find(parts.begin(), parts.end(), static_cast<int>(col)) != parts.end();
  }
  // Do the identities whose last column is `col` hold, now that it is read?
  bool closes(std::size_t col) const {
    for (std::size_t k : closing_[col])
      if (!holds_one(columns_.ids[k])) return false;
    return true;
  }
  bool holds_one(const RowIdentity& id) const {
    const auto& total = current_.values[static_cast<std::size_t>(id.total)];
    if (!total || total->scale != 0) return true;
    std::int64_t sum = 0;
    for (int i : id.parts) {
      const auto& v = current_.values[static_cast<std::size_t>(i)];
      sum += v && v->scale == 0 ? v->units : 0;
    }
    return sum == total->units;
  }

  bool holds() const {
    for (const auto& id : columns_.ids)
      if (!holds_one(id)) return false;
    return true;
  }

  const std::vector<const GridCell*>& cells_;
  const Columns& columns_;
  std::size_t n_;
  std::vector<std::string_view> texts_;    // the cells' digits (the last one without a bounded total's)
  std::vector<bool> digits_;              // per cell: all digits (else one number, not cut)
  std::vector<std::size_t> digits_left_;  // digits (or one number) in cells j and after
  std::vector<std::vector<std::size_t>> closing_;  // per column: the identities it completes
  std::size_t used_ = 0;                  // the cells cut (the last one not, when it is all the bounded total)
  std::vector<bool> rest_parts_;
  std::vector<std::int64_t> low_, high_;  // reach(): per offset of the cell's digits, per number of parts
  std::size_t reach_rows_ = 0, reach_stride_ = 0;
  int bounded_ = -1;                      // the identity whose total was read first (-1: none)
  std::int64_t bound_ = 0;                // its total
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
