#include "emit/sqlite.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <string>

#include "xxgk/xxgk.hpp"

namespace xxgk::sqlite {

const char* const kSchema = R"sql(
CREATE TABLE IF NOT EXISTS reports (
  id       INTEGER PRIMARY KEY,
  path     TEXT NOT NULL UNIQUE,
  sha256   TEXT,
  bytes    INTEGER,
  agency   TEXT,
  year     INTEGER,
  template TEXT,
  layout   TEXT,
  encoding TEXT,
  status   TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'rejected'))
);
CREATE INDEX IF NOT EXISTS reports_year ON reports (year);
CREATE INDEX IF NOT EXISTS reports_agency ON reports (agency);

CREATE TABLE IF NOT EXISTS cells (
  report   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  "table"  TEXT NOT NULL,
  row      TEXT NOT NULL,
  "column" TEXT NOT NULL,
  value    NUMERIC,
  PRIMARY KEY (report, "table", row, "column")
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cells_key ON cells ("table", row, "column");

CREATE TABLE IF NOT EXISTS checks (
  report INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  rule   TEXT NOT NULL,
  scope  TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pass', 'fail')),
  lhs    INTEGER NOT NULL,
  rhs    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS checks_report ON checks (report);
CREATE INDEX IF NOT EXISTS checks_rule ON checks (rule, status);

CREATE TABLE IF NOT EXISTS diagnostics (
  report   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  severity TEXT NOT NULL CHECK (severity IN ('note', 'warning', 'error')),
  code     TEXT NOT NULL,
  message  TEXT NOT NULL,
  line     INTEGER,
  "column" INTEGER
);
CREATE INDEX IF NOT EXISTS diagnostics_report ON diagnostics (report);
CREATE INDEX IF NOT EXISTS diagnostics_code ON diagnostics (code);
)sql";

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
  ~Stmt() { sqlite3_finalize(s); }
};

}  // namespace

struct Writer::Impl {
  std::string path;
  sqlite3* db = nullptr;
  bool open_tx = false;
  std::size_t replaced = 0;
  Stmt del, report, cell, check, diag;

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(path + ": " + what + (db ? std::string(": ") + sqlite3_errmsg(db) : std::string()));
  }
  void exec(const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail("cannot write the database");
  }
  void prepare(Stmt& st, const char* sql) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st.s, nullptr) != SQLITE_OK)
      fail("the database's tables are not those of xxgk (schema version 1)");
  }
  void step(Stmt& st) {
    int rc = sqlite3_step(st.s);
    sqlite3_reset(st.s);
    if (rc != SQLITE_DONE) fail("cannot write the database");
  }
  // Empty text is bound as NULL (like null in the JSON record).
  void text_or_null(Stmt& st, int i, std::string_view v) {
    if (v.empty()) sqlite3_bind_null(st.s, i);
    else sqlite3_bind_text(st.s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void text(Stmt& st, int i, std::string_view v) {
    sqlite3_bind_text(st.s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  ~Impl() {
    if (open_tx && db) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    for (Stmt* st : {&del, &report, &cell, &check, &diag}) {
      sqlite3_finalize(st->s);
      st->s = nullptr;
    }
    if (db) sqlite3_close_v2(db);
  }
};

Writer::Writer(const std::string& path) : impl_(std::make_unique<Impl>()) {
  auto& d = *impl_;
  d.path = path;
  if (sqlite3_open_v2(path.c_str(), &d.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    d.fail("cannot open the database");
  sqlite3_extended_result_codes(d.db, 1);
  sqlite3_busy_timeout(d.db, 5000);
  // A large page cache keeps index updates in memory; it is a bound, not a per-report cost.
  d.exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536");
  int version = -1;
  {
    Stmt st;
    if (sqlite3_prepare_v2(d.db, "PRAGMA user_version", -1, &st.s, nullptr) != SQLITE_OK ||
        sqlite3_step(st.s) != SQLITE_ROW)
      d.fail("not an SQLite database");
    version = sqlite3_column_int(st.s, 0);
  }
  if (version != 0 && version != kSchemaVersion)
    throw std::runtime_error(path + ": the database has schema version " + std::to_string(version) +
                             "; this xxgk writes version " + std::to_string(kSchemaVersion));
  d.exec("BEGIN IMMEDIATE");
  d.open_tx = true;
  d.exec(kSchema);
  d.exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
  d.prepare(d.del, "DELETE FROM reports WHERE path = ?1");
  d.prepare(d.report,
            "INSERT INTO reports (path, sha256, bytes, agency, year, template, layout, encoding, status) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  d.prepare(d.cell, "INSERT INTO cells (report, \"table\", row, \"column\", value) VALUES (?1, ?2, ?3, ?4, ?5)");
  d.prepare(d.check, "INSERT INTO checks (report, rule, scope, status, lhs, rhs) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  d.prepare(d.diag,
            "INSERT INTO diagnostics (report, severity, code, message, line, \"column\") "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
}

Writer::~Writer() = default;

std::size_t Writer::replaced() const { return impl_->replaced; }

void Writer::add(const Record& r, Status status, std::string_view sha256, std::optional<std::uint64_t> bytes) {
  auto& d = *impl_;
  d.text(d.del, 1, r.path);
  d.step(d.del);
  if (sqlite3_changes(d.db) > 0) ++d.replaced;

  d.text(d.report, 1, r.path);
  d.text_or_null(d.report, 2, sha256);
  if (bytes) sqlite3_bind_int64(d.report.s, 3, static_cast<sqlite3_int64>(*bytes));
  else sqlite3_bind_null(d.report.s, 3);
  d.text_or_null(d.report, 4, r.agency);
  if (r.year) sqlite3_bind_int(d.report.s, 5, *r.year);
  else sqlite3_bind_null(d.report.s, 5);
  d.text_or_null(d.report, 6, r.template_version);
  d.text_or_null(d.report, 7, r.layout);
  d.text_or_null(d.report, 8, r.encoding);
  d.text(d.report, 9, status_name(status));
  d.step(d.report);
  const sqlite3_int64 id = sqlite3_last_insert_rowid(d.db);

  if (status != Status::rejected) {
    sqlite3_bind_int64(d.cell.s, 1, id);
    for_each_cell(r, [&](std::string_view table, std::string_view row, std::string_view column, const Value& v) {
      d.text(d.cell, 2, table);
      d.text(d.cell, 3, row);
      d.text(d.cell, 4, column);
      if (!v) {
        sqlite3_bind_null(d.cell.s, 5);
      } else if (v->scale <= 0) {
        sqlite3_bind_int64(d.cell.s, 5, v->units);
      } else {
        double p = 1;
        for (int i = 0; i < v->scale; ++i) p *= 10;
        sqlite3_bind_double(d.cell.s, 5, static_cast<double>(v->units) / p);
      }
      d.step(d.cell);  // sqlite3_reset keeps the bindings: report stays bound
    });
  }
  sqlite3_bind_int64(d.check.s, 1, id);
  for (const auto& c : r.checks) {
    d.text(d.check, 2, c.rule);
    d.text(d.check, 3, c.scope);
    d.text(d.check, 4, c.pass ? "pass" : "fail");
    sqlite3_bind_int64(d.check.s, 5, c.lhs);
    sqlite3_bind_int64(d.check.s, 6, c.rhs);
    d.step(d.check);
  }
  sqlite3_bind_int64(d.diag.s, 1, id);
  for (const auto& g : r.diagnostics) {
    d.text(d.diag, 2, severity_name(g.severity));
    d.text(d.diag, 3, g.code);
    d.text(d.diag, 4, g.message);
    if (g.line) sqlite3_bind_int64(d.diag.s, 5, g.line);
    else sqlite3_bind_null(d.diag.s, 5);
    if (g.line) sqlite3_bind_int64(d.diag.s, 6, g.column);
    else sqlite3_bind_null(d.diag.s, 6);
    d.step(d.diag);
  }
  // Bindings with SQLITE_STATIC point into `r`; drop them before it goes.
  for (Stmt* st : {&d.del, &d.report, &d.cell, &d.check, &d.diag}) sqlite3_clear_bindings(st->s);
}

void Writer::commit() {
  auto& d = *impl_;
  if (!d.open_tx) return;
  d.exec("COMMIT");
  d.open_tx = false;
}

}  // namespace xxgk::sqlite
