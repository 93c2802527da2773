// The record's tables read through the template's description (xxgk/template.hpp).
#include "xxgk/xxgk.hpp"

#include "text/normalise.hpp"

namespace xxgk {

bool Record::has_errors() const {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::error) return true;
  return false;
}

bool Record::checks_pass() const {
  for (const auto& c : checks)
    if (!c.pass) return false;
  return true;
}

const TemplateTable& table_shape(const Record& record, std::size_t table) {
  const Template* t = table < record.tables.size() ? find_template(record.tables[table].version) : nullptr;
  return (t ? *t : *templates().front()).tables[table];
}

const Value& table_value(const Record& record, std::size_t table, std::size_t index) {
  static const Value null;
  if (table >= record.tables.size() || index >= record.tables[table].values.size()) return null;
  return record.tables[table].values[index];
}

const Value* Record::find(std::string_view table, std::string_view row, std::string_view column) const {
  const auto& shapes = templates().front()->tables;
  for (std::size_t t = 0; t < shapes.size(); ++t) {
    if (shapes[t].key != table || t >= tables.size()) continue;
    for (const auto& r : table_shape(*this, t).rows) {
      if (r.key != row) continue;
      for (std::size_t c = 0; c < r.columns.size(); ++c)
        if (r.columns[c].key == column && r.first + c < tables[t].values.size()) return &tables[t].values[r.first + c];
    }
  }
  return nullptr;
}

Value* Record::find(std::string_view table, std::string_view row, std::string_view column) {
  return const_cast<Value*>(static_cast<const Record&>(*this).find(table, row, column));
}

void init_tables(Record& record, std::string_view version) {
  const Template* t = version.empty() ? templates().front() : find_template(version);
  if (!t) t = templates().front();
  record.tables.clear();
  for (const auto& table : t->tables) record.tables.push_back({std::string(t->version), std::vector<Value>(table.size), {}});
}

void for_each_cell(const Record& record, const CellVisitor& visit) {
  const auto n = templates().front()->tables.size();
  for (std::size_t t = 0; t < n; ++t) {
    const auto& shape = table_shape(record, t);
    for (const auto& row : shape.rows)
      for (std::size_t c = 0; c < row.columns.size(); ++c)
        visit(shape.key, row.key, row.columns[c].key, table_value(record, t, row.first + c));
  }
}

std::string normalise_agency(std::string_view agency) {
  std::string t = text::normalise_text(agency);  // no blanks; full-width letters, digits, brackets half-width
  std::string out;
  out.reserve(t.size());
  for (std::size_t i = 0; i < t.size();) {
    bool mark = false;
    for (std::string_view m : {"《", "》", "〈", "〉", "“", "”", "\"", "'"})
      if (std::string_view(t).substr(i).starts_with(m)) {
        i += m.size();
        mark = true;
        break;
      }
    if (!mark) out += t[i++];
  }
  return out;
}

}  // namespace xxgk
