#include "emit/sqlite.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "template/template.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk::sqlite {

const char* const kTables = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT
);

CREATE TABLE IF NOT EXISTS reports (
  id       INTEGER PRIMARY KEY,
  path     TEXT NOT NULL,
  canonical_path TEXT NOT NULL UNIQUE,
  sha256   TEXT,
  bytes    INTEGER,
  agency   TEXT,
  year     INTEGER,
  template TEXT,
  format   TEXT,
  layout   TEXT,
  encoding TEXT,
  published    TEXT,
  index_number TEXT,
  status   TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'rejected')),
  agency_key   TEXT
);

-- The template version each table of a report follows (a table may follow another version
-- than the report's template).
CREATE TABLE IF NOT EXISTS report_tables (
  report   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  "table"  TEXT NOT NULL,
  template TEXT NOT NULL,
  PRIMARY KEY (report, "table")
) WITHOUT ROWID;

-- The cells of every report, stored compactly: each (table, row, column) once in cell_keys,
-- the values in cell_values with where each was read (text: line and column; PDF: page, line
-- and column); the view cells joins them back into tidy rows.
CREATE TABLE IF NOT EXISTS cell_keys (
  id       INTEGER PRIMARY KEY,
  "table"  TEXT NOT NULL,
  row      TEXT NOT NULL,
  "column" TEXT NOT NULL,
  UNIQUE ("table", row, "column")
);
CREATE TABLE IF NOT EXISTS cell_values (
  report INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  key    INTEGER NOT NULL REFERENCES cell_keys (id),
  value  NUMERIC,
  page   INTEGER,
  line   INTEGER,
  "column" INTEGER,
  PRIMARY KEY (report, key)
) WITHOUT ROWID;
CREATE VIEW IF NOT EXISTS cells (report, "table", row, "column", value, page, line, source_column) AS
  SELECT v.report, k."table", k.row, k."column", v.value, v.page, v.line, v."column"
  FROM cell_values AS v JOIN cell_keys AS k ON k.id = v.key;

CREATE TABLE IF NOT EXISTS checks (
  report INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  rule   TEXT NOT NULL,
  scope  TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pass', 'fail')),
  lhs    INTEGER NOT NULL,
  rhs    INTEGER NOT NULL,
  lhs_label TEXT,
  rhs_label TEXT
);

CREATE TABLE IF NOT EXISTS sections (
  report  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  number  INTEGER NOT NULL,
  heading TEXT NOT NULL,
  text    TEXT NOT NULL,
  PRIMARY KEY (report, number)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS diagnostics (
  report   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  severity TEXT NOT NULL CHECK (severity IN ('note', 'warning', 'error')),
  code     TEXT NOT NULL,
  message  TEXT NOT NULL,
  page     INTEGER,
  line     INTEGER,
  "column" INTEGER
);
)sql";

// Secondary indexes: created with the tables, or after the rows when a run loads an empty database.
const char* const kIndexes = R"sql(
CREATE INDEX IF NOT EXISTS reports_year ON reports (year);
CREATE INDEX IF NOT EXISTS reports_agency ON reports (agency);
CREATE INDEX IF NOT EXISTS reports_agency_key ON reports (agency_key, year);
CREATE INDEX IF NOT EXISTS cell_values_key ON cell_values (key, value);
CREATE INDEX IF NOT EXISTS checks_report ON checks (report);
CREATE INDEX IF NOT EXISTS checks_rule ON checks (rule, status);
CREATE INDEX IF NOT EXISTS diagnostics_report ON diagnostics (report);
CREATE INDEX IF NOT EXISTS diagnostics_code ON diagnostics (code);
CREATE INDEX IF NOT EXISTS report_tables_template ON report_tables (template);
)sql";

const std::array<const char*, 9> kIndexNames{"reports_year",       "reports_agency",     "reports_agency_key",
                                             "cell_values_key",    "checks_report",      "checks_rule",
                                             "diagnostics_report", "diagnostics_code",   "report_tables_template"};

const char* status_name(Status status) {
  switch (status) {
    case Status::ok: return "ok";
    case Status::failed: return "failed";
    case Status::rejected: return "rejected";
  }
  return "rejected";
}

namespace {

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(s); }
};

// One parameter of a row: NULL, an integer, a real or text (pointing into the record, which
// outlives the statement's step).
struct Param {
  enum Kind { null, integer, real, text } kind = null;
  sqlite3_int64 i = 0;
  double d = 0;
  std::string_view t;
  static Param of(std::string_view s) { return {text, 0, 0, s}; }
  static Param text_or_null(std::string_view s) { return s.empty() ? Param{} : of(s); }  // "" -> NULL, as in the JSON
  static Param of(sqlite3_int64 v) { return {integer, v, 0, {}}; }
  static Param of(const Value& v) {
    if (!v) return {};
    if (v->scale <= 0) return of(static_cast<sqlite3_int64>(v->units));
    double p = 1;
    for (int k = 0; k < v->scale; ++k) p *= 10;
    return {real, 0, static_cast<double>(v->units) / p, {}};
  }
};

void bind(sqlite3_stmt* st, int at, const Param& p) {
  switch (p.kind) {
    case Param::null: sqlite3_bind_null(st, at); break;
    case Param::integer: sqlite3_bind_int64(st, at, p.i); break;
    case Param::real: sqlite3_bind_double(st, at, p.d); break;
    case Param::text: sqlite3_bind_text(st, at, p.t.data(), static_cast<int>(p.t.size()), SQLITE_STATIC); break;
  }
}

}  // namespace

// The view report_values: a report a row, every value of both template versions a column named
// table_row_column (applications_new_received_total), NULL where the report has none.
template <typename Keys>
std::string wide_view(const Keys& keys) {
  std::string sql =
      "CREATE VIEW IF NOT EXISTS report_values AS SELECT r.id AS report, r.path, r.agency, r.agency_key, r.year, "
      "r.template, r.status";
  std::vector<std::string> seen;
  for (const auto& k : keys)
    for (std::size_t t = 0; t < k.version->tables.size(); ++t) {
      const auto& table = k.version->tables[t];
      std::size_t i = 0;
      for (const auto& row : table.rows)
        for (const auto& column : row.columns) {
          std::string name = std::string(table.key) + "_" + std::string(row.key) + "_" + std::string(column.key);
          std::replace(name.begin(), name.end(), '.', '_');
          const auto id = k.ids[t][i++];
          if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;  // in an older version too
          seen.push_back(name);
          sql += ", max(CASE v.key WHEN " + std::to_string(id) + " THEN v.value END) AS " + name;
        }
    }
  return sql + " FROM reports AS r LEFT JOIN cell_values AS v ON v.report = r.id GROUP BY r.id";
}

struct Writer::Impl {
  std::string path;
  sqlite3* db = nullptr;
  bool open_tx = false;
  bool deferred_indexes = false;  // the run loads an empty database: indexes made at commit
  std::size_t replaced = 0;

  // Rows of one report into one table, kBatch per INSERT statement (one statement per row costs
  // about three times as much). ?1 is the report id; each row has `width` more parameters.
  struct Inserter {
    static constexpr int kBatch = 25;
    std::string head;                      // "INSERT INTO table (columns) VALUES "
    std::array<Stmt, kBatch + 1> by_rows;  // by_rows[k]: k rows per statement, prepared when first needed
    int width = 0;
    std::vector<Param> pending;  // width parameters per row
    sqlite3_int64 report = 0;
  };
  Inserter cells, checks, diags, tables, sections;
  Stmt find, insert_report;
  std::array<Stmt, 6> del;  // a report's cells, checks, diagnostics, tables, sections, then the report

  // cell_keys ids of every template version's tables, in the order of their values.
  struct Keys {
    const Template* version;
    std::vector<std::vector<sqlite3_int64>> ids;  // per table, per value
  };
  std::vector<Keys> keys;
  const std::vector<sqlite3_int64>& key_ids(const Record& r, std::size_t table) const {
    const std::string_view version = table < r.tables.size() ? std::string_view(r.tables[table].version) : std::string_view{};
    for (const auto& k : keys)
      if (k.version->version == version) return k.ids[table];
    return keys.front().ids[table];
  }

  // The template's words for the two sides of each identity, by version and rule: "一+二",
  // "(七)总计+四" for applications.balance.
  struct Sides {
    std::string_view version, rule, lhs, rhs;
  };
  std::vector<Sides> sides;
  // The sides of the check `rule` in the record: as the version of the table the rule is about
  // (its key before the first '.') has them; nullptr when no template has the rule.
  const Sides* sides_of(const Record& r, std::string_view rule) const {
    const auto table = rule.substr(0, rule.find('.'));
    std::string_view version = r.template_version;
    for (std::size_t t = 0; t < r.tables.size(); ++t)
      if (table_shape(r, t).key == table && !r.tables[t].version.empty()) version = r.tables[t].version;
    const Sides* any = nullptr;
    for (const auto& s : sides)
      if (s.rule == rule) {
        if (s.version == version) return &s;
        if (!any) any = &s;
      }
    return any;
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(path + ": " + what + (db ? std::string(": ") + sqlite3_errmsg(db) : std::string()));
  }
  void exec(const std::string& sql) {
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail("cannot write the database");
  }
  void prepare(Stmt& st, const std::string& sql) {
    if (sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &st.s, nullptr) != SQLITE_OK)
      fail("the database's tables are not those of xxgk (schema version " + std::to_string(kSchemaVersion) + ")");
  }
  void step(Stmt& st) {
    int rc = sqlite3_step(st.s);
    sqlite3_reset(st.s);
    if (rc != SQLITE_DONE) fail("cannot write the database");
  }
  // Reads one integer (the first column of the first row).
  sqlite3_int64 query_int(const char* sql) {
    Stmt st;
    if (sqlite3_prepare_v2(db, sql, -1, &st.s, nullptr) != SQLITE_OK || sqlite3_step(st.s) != SQLITE_ROW)
      fail("not an SQLite database, or not one xxgk can read");
    return sqlite3_column_int64(st.s, 0);
  }

  void init(Inserter& in, const std::string& table_columns, int width) {
    in.width = width;
    in.head = "INSERT INTO " + table_columns + " VALUES ";
    in.pending.reserve(static_cast<std::size_t>(width) * Inserter::kBatch);
  }
  Stmt& statement(Inserter& in, std::size_t rows) {
    Stmt& st = in.by_rows[rows];
    if (!st.s) {
      std::string sql = in.head;
      for (std::size_t r = 0; r < rows; ++r) {
        sql += r ? ", (?1" : "(?1";
        for (int c = 0; c < in.width; ++c) sql += ", ?";
        sql += ')';
      }
      prepare(st, sql);
    }
    return st;
  }
  void begin(Inserter& in, sqlite3_int64 report) {
    in.report = report;
    in.pending.clear();
  }
  template <typename... P>
  void row(Inserter& in, const P&... params) {
    (in.pending.push_back(params), ...);
    if (in.pending.size() == static_cast<std::size_t>(in.width) * Inserter::kBatch) flush(in);
  }
  // One statement for the rows pending (at most kBatch).
  void flush(Inserter& in) {
    const std::size_t rows = in.pending.size() / static_cast<std::size_t>(in.width);
    if (rows == 0) return;
    Stmt& st = statement(in, rows);
    sqlite3_bind_int64(st.s, 1, in.report);
    for (std::size_t k = 0; k < in.pending.size(); ++k) bind(st.s, static_cast<int>(k) + 2, in.pending[k]);
    step(st);
    sqlite3_clear_bindings(st.s);  // SQLITE_STATIC text points into the record: unbind before it goes
    in.pending.clear();
  }

  ~Impl() {
    if (open_tx && db) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    for (Inserter* in : {&cells, &checks, &diags, &tables, &sections})
      for (auto& st : in->by_rows) {
        sqlite3_finalize(st.s);
        st.s = nullptr;
      }
    for (Stmt* st : {&find, &insert_report, &del[0], &del[1], &del[2], &del[3], &del[4], &del[5]}) {
      sqlite3_finalize(st->s);
      st->s = nullptr;
    }
    if (db) sqlite3_close_v2(db);
  }
};

Writer::Writer(const std::string& path) : impl_(std::make_unique<Impl>()) {
  auto& d = *impl_;
  d.path = path;
  // Before SQLite initialises (later calls are refused, harmlessly): no global memory statistics,
  // which take a mutex on every allocation. The connection is used by one thread only.
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  if (sqlite3_open_v2(path.c_str(), &d.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK)
    d.fail("cannot open the database");
  sqlite3_extended_result_codes(d.db, 1);
  sqlite3_busy_timeout(d.db, 5000);
  // Foreign keys are declared (ON DELETE CASCADE) but not enforced while loading: the rows are
  // consistent by construction, and checking two parents per cell costs a third of the load.
  // Replacing a report deletes its rows explicitly, as the cascade would. A large page cache
  // keeps index updates in memory; it is a bound, not a per-report cost.
  d.exec("PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536");
  const auto version = d.query_int("PRAGMA user_version");
  if (version != 0 && version != kSchemaVersion)
    throw std::runtime_error(path + ": the database has schema version " + std::to_string(version) +
                             "; this xxgk writes version " + std::to_string(kSchemaVersion));
  d.exec("BEGIN IMMEDIATE");
  d.open_tx = true;
  d.exec(kTables);
  // Loading an empty database: build the secondary indexes once at the end (a sort) rather than
  // row by row; nothing is replaced, so nothing needs them before.
  d.deferred_indexes = d.query_int("SELECT EXISTS (SELECT 1 FROM reports)") == 0;
  if (d.deferred_indexes)
    for (const char* name : kIndexNames) d.exec("DROP INDEX IF EXISTS " + std::string(name));
  else
    d.exec(kIndexes);
  d.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));

  {
    // Which xxgk wrote the database, and when (the last run).
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    Stmt meta;
    d.prepare(meta, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
    for (auto [key, value] : {std::pair<const char*, const char*>{"xxgk_version", XXGK_VERSION}, {"written_at", when}}) {
      bind(meta.s, 1, Param::of(std::string_view(key)));
      bind(meta.s, 2, Param::of(std::string_view(value)));
      d.step(meta);
    }
  }
  d.prepare(d.find, "SELECT id FROM reports WHERE canonical_path = ?1");
  d.prepare(d.del[0], "DELETE FROM cell_values WHERE report = ?1");
  d.prepare(d.del[1], "DELETE FROM checks WHERE report = ?1");
  d.prepare(d.del[2], "DELETE FROM diagnostics WHERE report = ?1");
  d.prepare(d.del[3], "DELETE FROM report_tables WHERE report = ?1");
  d.prepare(d.del[4], "DELETE FROM sections WHERE report = ?1");
  d.prepare(d.del[5], "DELETE FROM reports WHERE id = ?1");
  d.prepare(d.insert_report,
            "INSERT INTO reports (path, sha256, bytes, agency, year, template, format, layout, encoding, published, "
            "index_number, status, agency_key, canonical_path) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
            "?12, ?13, ?14)");
  d.init(d.cells, "cell_values (report, key, value, page, line, \"column\")", 5);
  d.init(d.checks, "checks (report, rule, scope, status, lhs, rhs, lhs_label, rhs_label)", 7);
  d.init(d.diags, "diagnostics (report, severity, code, message, page, line, \"column\")", 6);
  d.init(d.tables, "report_tables (report, \"table\", template)", 2);
  d.init(d.sections, "sections (report, number, heading, text)", 3);
  for (const auto* version : tmpl::versions())
    for (const auto& table : version->tables)
      for (const auto& id : table.identities) d.sides.push_back({version->version, id.rule, id.lhs_label, id.rhs_label});

  // The keys of every cell of every template version, once per database; their ids.
  Stmt ins, sel;
  d.prepare(ins, "INSERT OR IGNORE INTO cell_keys (\"table\", row, \"column\") VALUES (?1, ?2, ?3)");
  d.prepare(sel, "SELECT id FROM cell_keys WHERE \"table\" = ?1 AND row = ?2 AND \"column\" = ?3");
  for (const Template* version : templates()) {
    auto& keys = d.keys.emplace_back(Impl::Keys{version, {}});
    for (const auto& table : version->tables) {
      auto& ids = keys.ids.emplace_back();
      for (const auto& row : table.rows)
        for (const auto& column : row.columns) {
          for (Stmt* st : {&ins, &sel})
            for (int i = 0; i < 3; ++i) bind(st->s, i + 1, Param::of(i == 0 ? table.key : i == 1 ? row.key : column.key));
          d.step(ins);
          if (sqlite3_step(sel.s) != SQLITE_ROW) d.fail("cannot read cell_keys");
          ids.push_back(sqlite3_column_int64(sel.s, 0));
          sqlite3_reset(sel.s);
        }
    }
  }
  d.exec(wide_view(d.keys));
}

Writer::~Writer() = default;

std::size_t Writer::replaced() const { return impl_->replaced; }

void Writer::add(const Record& r, Status status, std::string_view sha256, std::optional<std::uint64_t> bytes) {
  auto& d = *impl_;
  // The key: the path made absolute, `.` and `..` and symbolic links resolved, so that one file
  // is one report however its path was spelled.
  std::error_code ec;
  std::string canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(r.path, ec), ec).string();
  if (ec || canonical.empty()) canonical = r.path;
  bind(d.find.s, 1, Param::of(canonical));
  const int rc = sqlite3_step(d.find.s);
  const sqlite3_int64 old = rc == SQLITE_ROW ? sqlite3_column_int64(d.find.s, 0) : 0;
  sqlite3_reset(d.find.s);
  sqlite3_clear_bindings(d.find.s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) d.fail("cannot read the reports table");
  if (rc == SQLITE_ROW) {
    for (auto& st : d.del) {
      sqlite3_bind_int64(st.s, 1, old);
      d.step(st);
    }
    ++d.replaced;
  }

  const Param params[] = {
      Param::of(r.path),
      Param::text_or_null(sha256),
      bytes ? Param::of(static_cast<sqlite3_int64>(*bytes)) : Param{},
      Param::text_or_null(r.agency),
      r.year ? Param::of(static_cast<sqlite3_int64>(*r.year)) : Param{},
      Param::text_or_null(r.template_version),
      Param::text_or_null(r.format),
      Param::text_or_null(r.layout),
      Param::text_or_null(r.encoding),
      Param::text_or_null(r.published),
      Param::text_or_null(r.index_number),
      Param::of(status_name(status)),
  };
  const std::string agency_key = normalise_agency(r.agency);
  for (int i = 0; i < 12; ++i) bind(d.insert_report.s, i + 1, params[i]);
  bind(d.insert_report.s, 13, Param::text_or_null(agency_key));
  bind(d.insert_report.s, 14, Param::of(canonical));
  d.step(d.insert_report);
  sqlite3_clear_bindings(d.insert_report.s);
  const sqlite3_int64 id = sqlite3_last_insert_rowid(d.db);

  if (status != Status::rejected) {
    d.begin(d.cells, id);
    d.begin(d.tables, id);
    auto position = [](std::uint32_t v) { return v ? Param::of(static_cast<sqlite3_int64>(v)) : Param{}; };
    for (std::size_t t = 0; t < r.tables.size(); ++t) {
      const auto& table = r.tables[t];
      const auto& ids = d.key_ids(r, t);
      for (std::size_t i = 0; i < table.values.size() && i < ids.size(); ++i) {
        const Location at = i < table.sources.size() ? table.sources[i] : Location{};
        d.row(d.cells, Param::of(ids[i]), Param::of(table.values[i]), position(at.page), position(at.line),
              position(at.column));
      }
      d.row(d.tables, Param::of(table_shape(r, t).key), Param::of(table.version));
    }
    d.flush(d.cells);
    d.flush(d.tables);
  }
  d.begin(d.sections, id);
  for (const auto& sec : r.sections) d.row(d.sections, Param::of(static_cast<sqlite3_int64>(sec.number)), Param::of(sec.heading), Param::of(sec.text));
  d.flush(d.sections);
  d.begin(d.checks, id);
  for (const auto& c : r.checks) {
    const auto* sides = d.sides_of(r, c.rule);
    d.row(d.checks, Param::of(c.rule), Param::of(c.scope), Param::of(c.pass ? "pass" : "fail"), Param::of(c.lhs),
          Param::of(c.rhs), sides ? Param::text_or_null(sides->lhs) : Param{}, sides ? Param::text_or_null(sides->rhs) : Param{});
  }
  d.flush(d.checks);
  d.begin(d.diags, id);
  for (const auto& g : r.diagnostics) {
    auto position = [](std::uint32_t v) { return v ? Param::of(static_cast<sqlite3_int64>(v)) : Param{}; };
    d.row(d.diags, Param::of(severity_name(g.severity)), Param::of(g.code), Param::of(g.message), position(g.at.page),
          position(g.at.line), position(g.at.column));
  }
  d.flush(d.diags);
}

void Writer::commit() {
  auto& d = *impl_;
  if (!d.open_tx) return;
  if (d.deferred_indexes) {
    d.exec(kIndexes);
    d.deferred_indexes = false;
  }
  d.exec("COMMIT");
  d.open_tx = false;
}

}  // namespace xxgk::sqlite
