// The template versions, compiled once: every label's fragments indexed in one matcher, and the
// record's shape (xxgk/template.hpp) derived from each description.
#include <algorithm>
#include <array>
#include <stdexcept>

#include "template/template.hpp"

namespace xxgk::tmpl {

namespace {

void index_patterns(Matcher& m, std::vector<Pattern>& ps) {
  for (auto& p : ps)
    for (auto s : p.all_of) p.fragments.set(p.probe = static_cast<std::size_t>(m.add(s)));
}

template <typename Labels>
void index_labels(Matcher& m, Labels& labels) {
  for (auto& l : labels) index_patterns(m, l.patterns);
}

template <typename Labels>
void add_fragments(Hits& to, const Labels& labels) {
  for (const auto& l : labels)
    for (const auto& p : l.patterns) to |= p.fragments;
}

// The record's rows and columns, in the order the description first names them: a column
// "group.leaf" belongs to the record row `group`, any other to the row that has it.
void derive_record(TableSpec& t, TemplateTable& out) {
  out = {t.key, t.name, t.title, t.section, {}, 0};
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> at(t.rows.size());  // (record row, column) per column
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    for (auto key : row.columns) {
      const ColumnSpec* col = t.column(leaf_of(key));
      if (!col) throw std::logic_error("template: column " + std::string(key) + " is not described");
      if (!col->in_record) {
        at[r].push_back({SIZE_MAX, 0});
        continue;
      }
      const auto group = group_of(key);
      const auto record_key = group.empty() ? row.key : group;
      std::size_t rr = 0;
      while (rr < out.rows.size() && out.rows[rr].key != record_key) ++rr;
      if (rr == out.rows.size()) {
        std::string_view label = row.label;
        if (!group.empty())
          for (const auto& g : t.column_groups)
            if (g.key == group) label = g.label;
        out.rows.push_back({record_key, label, {}, 0});
        t.record_source.push_back(static_cast<int>(r));
      }
      auto& cols = out.rows[rr].columns;
      std::size_t c = 0;
      while (c < cols.size() && cols[c].key != col->key) ++c;
      if (c == cols.size()) cols.push_back({col->key, col->label, col->kind, col->unit});
      at[r].push_back({rr, c});
    }
  }
  for (auto& row : out.rows) {
    row.first = out.size;
    out.size += row.columns.size();
  }
  t.slots.assign(t.rows.size(), {});
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    for (auto [rr, c] : at[r]) t.slots[r].push_back(rr == SIZE_MAX ? -1 : static_cast<int>(out.rows[rr].first + c));
}

// The identities whose sides are stored values, as value indices.
void compile_identities(TableSpec& t, const TemplateTable& shape) {
  auto stored = [&](std::string_view leaf) {
    const auto* c = t.column(leaf);
    return c && c->in_record;
  };
  auto index = [&](const TemplateRow& row, std::string_view column) {
    for (std::size_t c = 0; c < row.columns.size(); ++c)
      if (row.columns[c].key == column) return static_cast<int>(row.first + c);
    return -1;
  };
  std::vector<std::string_view> columns;  // the record's columns, in order
  for (const auto& row : shape.rows)
    for (const auto& c : row.columns)
      if (std::find(columns.begin(), columns.end(), c.key) == columns.end()) columns.push_back(c.key);
  for (const auto& id : t.identities) {
    auto& checks = t.compiled_identities.emplace_back();
    if (id.over == Identity::Over::columns) {
      int last = 0;
      for (std::size_t r = 0; r < shape.rows.size(); ++r)
        for (const auto* side : {&id.lhs, &id.rhs})
          if (std::find(side->begin(), side->end(), shape.rows[r].key) != side->end()) last = static_cast<int>(r);
      for (auto column : columns) {
        CompiledCheck c{column, {}, {}, last};
        for (const auto& row : shape.rows) {
          const bool in_lhs = std::find(id.lhs.begin(), id.lhs.end(), row.key) != id.lhs.end();
          const bool in_rhs = std::find(id.rhs.begin(), id.rhs.end(), row.key) != id.rhs.end();
          if (int i = index(row, column); i >= 0 && (in_lhs || in_rhs)) (in_lhs ? c.lhs : c.rhs).push_back(i);
        }
        checks.push_back(std::move(c));
      }
    } else if (id.over == Identity::Over::rows && std::all_of(id.lhs.begin(), id.lhs.end(), stored) &&
               std::all_of(id.rhs.begin(), id.rhs.end(), stored)) {
      for (std::size_t r = 0; r < shape.rows.size(); ++r) {
        CompiledCheck c{shape.rows[r].key, {}, {}, static_cast<int>(r)};
        bool all = true;
        for (auto [side, out] : {std::pair{&id.lhs, &c.lhs}, std::pair{&id.rhs, &c.rhs}})
          for (auto column : *side) {
            const int i = index(shape.rows[r], column);
            all = all && i >= 0;
            out->push_back(i);
          }
        if (all) checks.push_back(std::move(c));
      }
    }
  }
}

void compile(TemplateSpec& spec, Matcher& m) {
  spec.record = {spec.version, spec.notice, {}};
  spec.record.tables.resize(spec.tables.size());
  for (std::size_t i = 0; i < spec.tables.size(); ++i) {
    auto& t = spec.tables[i];
    t.index = static_cast<int>(i);
    t.version = spec.version;
    t.matcher = &m;
    index_labels(m, t.rows);
    index_labels(m, t.subtotals);
    index_labels(m, t.captions);
    index_labels(m, t.columns);
    index_labels(m, t.column_groups);
    index_labels(m, t.header_words);
    add_fragments(t.header_fragments, t.columns);
    add_fragments(t.header_fragments, t.column_groups);
    add_fragments(t.header_fragments, t.header_words);
    add_fragments(t.row_fragments, t.rows);
    t.naming_fragments = t.header_fragments | t.row_fragments;
    add_fragments(t.naming_fragments, t.subtotals);
    add_fragments(t.naming_fragments, t.captions);
    derive_record(t, spec.record.tables[i]);
    t.record = &spec.record.tables[i];
    compile_identities(t, *t.record);
    for (auto& row : t.rows) {
      for (auto key : row.columns) row.column_specs.push_back(t.column(leaf_of(key)));
      row.identities = row_identities(row.columns, t);
    }
  }
}

struct Compiled {
  Matcher matcher;
  std::array<TemplateSpec, 2> specs{describe_2021(), describe_2019()};
  std::array<const TemplateSpec*, 2> versions{};
  std::array<const Template*, 2> records{};
  Compiled() {
    for (std::size_t i = 0; i < specs.size(); ++i) {
      compile(specs[i], matcher);
      versions[i] = &specs[i];
      records[i] = &specs[i].record;
    }
  }
};

const Compiled& compiled() {
  static const Compiled c;
  return c;
}

}  // namespace

std::vector<RowIdentity> row_identities(const std::vector<std::string_view>& keys, const TableSpec& spec) {
  std::vector<RowIdentity> ids;
  auto stored = [&](std::string_view leaf) {
    const auto* c = spec.column(leaf);
    return c && c->in_record;
  };
  std::vector<std::string_view> groups;
  for (auto k : keys)
    if (std::find(groups.begin(), groups.end(), group_of(k)) == groups.end()) groups.push_back(group_of(k));
  for (const auto& identity : spec.identities) {
    if (identity.over != Identity::Over::rows || identity.lhs.size() != 1 || !stored(identity.lhs[0])) continue;
    if (!std::all_of(identity.rhs.begin(), identity.rhs.end(), stored)) continue;
    for (auto group : groups) {
      auto find = [&](std::string_view leaf) {
        for (std::size_t i = 0; i < keys.size(); ++i)
          if (group_of(keys[i]) == group && leaf_of(keys[i]) == leaf) return static_cast<int>(i);
        return -1;
      };
      RowIdentity id{find(identity.lhs[0]), {}};
      for (auto leaf : identity.rhs) id.parts.push_back(find(leaf));
      if (id.total >= 0 && std::none_of(id.parts.begin(), id.parts.end(), [](int p) { return p < 0; }))
        ids.push_back(std::move(id));
    }
  }
  return ids;
}

std::span<const TemplateSpec* const> versions() { return compiled().versions; }

const TemplateSpec* find_version(std::string_view version) {
  for (const auto* v : versions())
    if (v->version == version) return v;
  return nullptr;
}

const Matcher& matcher() { return compiled().matcher; }

int TableSpec::row_index(std::string_view key) const {
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].key == key) return static_cast<int>(i);
  return -1;
}

const ColumnSpec* TableSpec::column(std::string_view leaf) const {
  for (const auto& c : columns)
    if (c.key == leaf) return &c;
  return nullptr;
}

int TableSpec::slot(int row, std::string_view column) const {
  const auto& cols = rows[static_cast<std::size_t>(row)].columns;
  for (std::size_t c = 0; c < cols.size(); ++c)
    if (cols[c] == column) return slots[static_cast<std::size_t>(row)][c];
  return -1;
}

std::string_view leaf_of(std::string_view column) {
  auto dot = column.rfind('.');
  return dot == std::string_view::npos ? column : column.substr(dot + 1);
}

std::string_view group_of(std::string_view column) {
  auto dot = column.rfind('.');
  return dot == std::string_view::npos ? std::string_view{} : column.substr(0, dot);
}

std::string_view strip_numbering(std::string_view t) {
  // Repeatedly drop "(三)", "三、", "1.", "1、" and "(六)1." style prefixes.
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (bool again = true; again;) {
    again = false;
    if (!t.empty() && t.front() == '(') {
      auto close = t.find(')');
      if (close != std::string_view::npos && close <= 10) {
        t.remove_prefix(close + 1);
        again = true;
        continue;
      }
    }
    std::size_t n = 0;
    while (n < t.size() && t[n] >= '0' && t[n] <= '9') ++n;
    if (n == 0)
      for (auto num : kNumerals)
        if (t.starts_with(num)) {
          n = num.size();
          break;
        }
    if (n > 0 && n < t.size()) {
      auto rest = t.substr(n);
      for (std::string_view sep : {".", "、", ","})
        if (rest.starts_with(sep)) {
          t = rest.substr(sep.size());
          again = true;
          break;
        }
    }
  }
  return t;
}

}  // namespace xxgk::tmpl

namespace xxgk {

std::span<const Template* const> templates() { return tmpl::compiled().records; }

const Template* find_template(std::string_view version) {
  const auto* v = tmpl::find_version(version);
  return v ? &v->record : nullptr;
}

}  // namespace xxgk
