#include "passes/versions.hpp"

#include "template/template.hpp"

namespace xxgk::passes {

namespace {

struct Reading {
  int score = 0;         // the labelled rows found, less the rows with values it cannot place
  int header_score = 0;  // the header columns found
  bool complete = true;  // every labelled row of the version found, and no row with values it cannot place
  std::vector<RowInfo> infos;
};

// The table's rows as `spec` reads them, and how well.
Reading read_as(const LogicalTable& lt, const tmpl::TableSpec& spec) {
  Reading r;
  r.infos.reserve(lt.rows.size());
  std::vector<bool> row_seen(spec.rows.size(), false), column_seen(spec.columns.size(), false);
  for (const GridRow* row : lt.rows) {
    const auto& info = r.infos.emplace_back(classify_row(*row, spec));
    switch (info.kind) {
      case RowInfo::Kind::data:
        if (!row_seen[info.index]) row_seen[info.index] = true, r.score += info.label_end >= 0;
        break;
      case RowInfo::Kind::header:
        for (const auto& c : row->cells)
          if (int k = c.is_text() ? tmpl::find_label(c.hits, c.text, spec.columns) : -1; k >= 0 && !column_seen[k])
            column_seen[k] = true, ++r.header_score;
        break;
      case RowInfo::Kind::unknown:
        r.score -= info.has_values;
        r.complete = r.complete && !info.has_values;
        break;
      default:
        break;
    }
  }
  for (std::size_t i = 0; i < spec.rows.size(); ++i)
    r.complete = r.complete && (row_seen[i] || (spec.rows[i].patterns.empty() && spec.rows[i].key != spec.unlabeled_row));
  return r;
}

bool same_patterns(const std::vector<tmpl::Pattern>& a, const std::vector<tmpl::Pattern>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].all_of != b[i].all_of || a[i].exact != b[i].exact) return false;
  return true;
}

template <typename Labels>
bool same_labels(const Labels& a, const Labels& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].key != b[i].key || !same_patterns(a[i].patterns, b[i].patterns)) return false;
  return true;
}

// Do two versions describe a table alike (表四)? Then its rows cannot tell them apart.
bool alike(const tmpl::TableSpec& a, const tmpl::TableSpec& b) {
  if (!same_labels(a.rows, b.rows) || !same_labels(a.columns, b.columns) || !same_labels(a.subtotals, b.subtotals) ||
      !same_labels(a.captions, b.captions) || !same_labels(a.column_groups, b.column_groups))
    return false;
  for (std::size_t i = 0; i < a.rows.size(); ++i)
    if (a.rows[i].columns != b.rows[i].columns) return false;
  return true;
}

// Per template table: is it described alike in every version?
const std::vector<bool>& alike_in_every_version() {
  static const std::vector<bool> alike_tables = [] {
    const auto versions = tmpl::versions();
    std::vector<bool> out(versions.front()->tables.size(), true);
    for (std::size_t t = 0; t < out.size(); ++t)
      for (const auto* v : versions) out[t] = out[t] && alike(versions.front()->tables[t], v->tables[t]);
    return out;
  }();
  return alike_tables;
}

}  // namespace

std::string_view choose_versions(std::vector<LogicalTable>& tables) {
  const auto versions = tmpl::versions();
  std::vector<int> votes(versions.size(), 0);
  for (std::size_t t = 0; t < tables.size(); ++t) {
    auto& lt = tables[t];
    if (lt.rows.empty() || alike_in_every_version()[t]) continue;
    // The newest version first: a table it reads completely is its (the others are not tried).
    std::vector<Reading> readings;
    readings.push_back(read_as(lt, versions.front()->tables[t]));
    std::size_t best = 0;
    if (!readings.front().complete) {  // then the header's columns count too
      readings.front().score += readings.front().header_score;
      for (std::size_t v = 1; v < versions.size(); ++v) {
        readings.push_back(read_as(lt, versions[v]->tables[t]));
        readings[v].score += readings[v].header_score;
        if (readings[v].score > readings[best].score) best = v;
      }
    }
    int equal = 0;
    for (const auto& r : readings) equal += r.score == readings[best].score;
    if (equal != 1) continue;  // a tie: the table follows the report
    lt.decided = true;
    ++votes[best];
    lt.spec = &versions[best]->tables[t];
    lt.infos = std::move(readings[best].infos);
  }
  // The report's version: the one most decided tables follow (the newest on a tie); the
  // undecided tables follow it.
  std::size_t report = 0;
  for (std::size_t v = 0; v < versions.size(); ++v)
    if (votes[v] > votes[report]) report = v;
  bool any = false;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    auto& lt = tables[t];
    if (lt.rows.empty()) continue;
    any = true;
    if (lt.decided) continue;
    lt.spec = &versions[report]->tables[t];
    lt.infos = read_as(lt, *lt.spec).infos;
  }
  return any ? versions[report]->version : std::string_view{};
}

}  // namespace xxgk::passes
