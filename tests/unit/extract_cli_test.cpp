// `xxgk extract` end to end, through the built binary: SQLite round trip on the corpus
// (replace by path, foreign keys), NDJSON determinism across thread counts, CSV, the summary,
// and a directory with broken files.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <tuple>
#include <sstream>
#include <string>
#include <vector>

#include "cli/collect.hpp"
#include "emit/sqlite.hpp"
#include "template/template.hpp"
#include "xxgk/xxgk.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;

namespace {

using xxgk::test::slurp;
using xxgk::test::TempDir;

using xxgk::test::quote;

// Runs `xxgk extract ARGS`, stdout and stderr to files in `dir`; the exit status.
int extract(const TempDir& dir, const std::string& args, std::string* out = nullptr, std::string* err = nullptr) {
  const auto o = dir.path / "stdout.txt", e = dir.path / "stderr.txt";
  const std::string cmd = quote(XXGK_BINARY) + " extract " + args + " >" + quote(o.string()) + " 2>" + quote(e.string());
  const int st = std::system(cmd.c_str());
  if (out) *out = slurp(o);
  if (err) *err = slurp(e);
  REQUIRE(WIFEXITED(st));
  return WEXITSTATUS(st);
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::size_t corpus_inputs() { return xxgk::cli::collect_inputs({XXGK_CORPUS_DIR}).files.size(); }

struct Db {
  sqlite3* db = nullptr;
  explicit Db(const fs::path& p) { REQUIRE(sqlite3_open_v2(p.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK); }
  ~Db() { sqlite3_close(db); }
  long long one(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK, sqlite3_errmsg(db));
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    auto v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
  }
  int rows(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK, sqlite3_errmsg(db));
    int n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) ++n;
    CHECK(rc == SQLITE_DONE);
    sqlite3_finalize(st);
    return n;
  }
  void exec(const std::string& sql) { REQUIRE_MESSAGE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK, sqlite3_errmsg(db)); }
};

// A copy of a real report, for building test directories.
const fs::path kReport = fs::path(XXGK_CORPUS_DIR) / "003_8ac5e3a1fa8dde41.txt";

}  // namespace

TEST_SUITE("extract-cli") {
  TEST_CASE("SQLite: the corpus round trip; a second run replaces reports by path") {
    TempDir t;
    const auto db_path = t.path / "corpus.sqlite";
    const std::string args = quote(XXGK_CORPUS_DIR) + " -o " + quote(db_path.string()) + " -q";
    std::string err;
    const int status = extract(t, args, nullptr, &err);
    CHECK(err.empty());
    CHECK((status == 1 || status == 2));  // the corpus holds failing and hostile inputs on purpose

    const long long inputs = static_cast<long long>(corpus_inputs());
    long long reports, cells, checks, diagnostics;
    {
      Db db(db_path);
      CHECK(db.one("PRAGMA user_version") == xxgk::sqlite::kSchemaVersion);
      reports = db.one("SELECT count(*) FROM reports");
      CHECK(reports == inputs);
      const long long parsed = db.one("SELECT count(*) FROM reports WHERE status != 'rejected'");
      CHECK(parsed > 0);
      cells = db.one("SELECT count(*) FROM cells");
      CHECK(db.one("SELECT count(*) FROM cell_values") == cells);
      // Every parsed report has each of its three tables, in the version it follows, whole.
      CHECK(db.one("SELECT count(*) FROM report_tables") == parsed * 3);
      long long expected_cells = 0;
      std::set<std::tuple<std::string_view, std::string_view, std::string_view>> keys;
      for (const auto* version : xxgk::templates())
        for (const auto& table : version->tables) {
          const long long n = db.one("SELECT count(*) FROM report_tables WHERE \"table\" = '" + std::string(table.key) +
                                     "' AND template = '" + std::string(version->version) + "'");
          expected_cells += n * static_cast<long long>(table.size);
          for (const auto& row : table.rows)
            for (const auto& column : row.columns) keys.insert({table.key, row.key, column.key});
        }
      CHECK(cells == expected_cells);
      CHECK(db.one("SELECT count(*) FROM cell_keys") == static_cast<long long>(keys.size()));
      CHECK(db.one("SELECT count(*) FROM report_tables WHERE template = '2019'") > 0);
      // Where each value was read: the 0.16 of fees in 003 is at line 41, column 9.
      CHECK(db.one("SELECT count(*) FROM cells c JOIN reports r ON r.id = c.report WHERE r.path LIKE '%/003_8ac5e3a1fa8dde41.txt' "
                   "AND c.row = 'fees' AND c.line = 41 AND c.source_column = 9 AND c.page IS NULL") == 1);
      // (A Word file's values are located by paragraph or table, row and cell, which the database
      // does not hold: docs/extract.md.)
      CHECK(db.one("SELECT count(*) FROM cells c JOIN reports r ON r.id = c.report WHERE c.value IS NOT NULL AND c.line IS NULL "
                   "AND r.format != 'docx'") == 0);
      CHECK(db.one("SELECT count(*) FROM cells c JOIN reports r ON r.id = c.report WHERE c.value IS NOT NULL AND r.format = 'docx'") > 0);
      checks = db.one("SELECT count(*) FROM checks");
      diagnostics = db.one("SELECT count(*) FROM diagnostics");
      CHECK(checks > 0);
      CHECK(diagnostics > 0);
      // Each check names its two sides as the template writes them, in the version its table follows.
      CHECK(db.one("SELECT count(*) FROM checks WHERE lhs_label IS NULL OR rhs_label IS NULL") == 0);
      CHECK(db.one("SELECT count(*) FROM checks k JOIN reports r ON r.id = k.report "
                   "WHERE r.path LIKE '%/quirks/totals-dont-add-up.txt' AND k.rule = 'applications.balance' "
                   "AND k.scope = 'natural_person' AND k.status = 'fail' AND k.lhs = 1289 AND k.rhs = 1299 "
                   "AND k.lhs_label = '一+二' AND k.rhs_label = '(七)总计+四'") == 1);
      for (const auto* version : xxgk::tmpl::versions())
        for (const auto& table : version->tables)
          for (const auto& id : table.identities) {
            CAPTURE(id.rule);
            CHECK(db.one("SELECT count(*) FROM checks k JOIN report_tables t ON t.report = k.report AND t.\"table\" = '" +
                         std::string(table.key) + "' WHERE t.template = '" + std::string(version->version) +
                         "' AND k.rule = '" + std::string(id.rule) + "' AND (k.lhs_label != '" + std::string(id.lhs_label) +
                         "' OR k.rhs_label != '" + std::string(id.rhs_label) + "')") == 0);
          }
      CHECK(db.one("SELECT count(*) FROM checks k JOIN report_tables t ON t.report = k.report AND t.\"table\" = 'applications' "
                   "WHERE t.template = '2019' AND k.rule = 'applications.balance' AND k.lhs_label = '一+二'") > 0);
      CHECK(db.one("SELECT count(*) FROM reports WHERE status = 'rejected' AND id IN (SELECT report FROM cell_values)") == 0);
      CHECK(db.one("SELECT count(*) FROM reports WHERE length(sha256) = 64") == inputs);
      CHECK(db.one("SELECT count(*) FROM reports WHERE path LIKE '%003_8ac5e3a1fa8dde41.txt' AND agency = '宝鸡市科学技术局' "
                   "AND year = 2024 AND layout = 'tsv' AND template = '2021' AND status = 'ok'") == 1);
      // A value as written: 0.16 万元 of fees in 003.
      CHECK(db.one("SELECT count(*) FROM cells c JOIN reports r ON r.id = c.report WHERE r.path LIKE '%/003_8ac5e3a1fa8dde41.txt' "
                   "AND c.\"table\" = 'active_disclosure' AND c.row = 'fees' AND c.\"column\" = 'amount' AND c.value = 0.16") == 1);
      // Foreign keys are declared and hold.
      CHECK(db.rows("PRAGMA foreign_key_list(cell_values)") == 2);
      CHECK(db.rows("PRAGMA foreign_key_list(checks)") == 1);
      CHECK(db.rows("PRAGMA foreign_key_list(diagnostics)") == 1);
      CHECK(db.rows("PRAGMA foreign_key_check") == 0);
      // Indexes exist (built at the end of the load).
      CHECK(db.one("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('cell_values_key', "
                   "'checks_report', 'diagnostics_report', 'reports_year')") == 4);
    }

    // Again on the same database: same counts, nothing duplicated.
    const int status2 = extract(t, args, nullptr, &err);
    CHECK(status2 == status);
    {
      Db db(db_path);
      CHECK(db.one("SELECT count(*) FROM reports") == reports);
      CHECK(db.one("SELECT count(DISTINCT path) FROM reports") == reports);
      CHECK(db.one("SELECT count(*) FROM cells") == cells);
      CHECK(db.one("SELECT count(*) FROM checks") == checks);
      CHECK(db.one("SELECT count(*) FROM diagnostics") == diagnostics);
      CHECK(db.rows("PRAGMA foreign_key_check") == 0);

      // With foreign keys enforced, deleting a report cascades to its rows.
      db.exec("PRAGMA foreign_keys = ON");
      const long long id = db.one("SELECT id FROM reports WHERE status = 'ok' ORDER BY path LIMIT 1");
      db.exec("DELETE FROM reports WHERE id = " + std::to_string(id));
      CHECK(db.one("SELECT count(*) FROM cell_values WHERE report = " + std::to_string(id)) == 0);
      CHECK(db.one("SELECT count(*) FROM checks WHERE report = " + std::to_string(id)) == 0);
      CHECK(db.one("SELECT count(*) FROM diagnostics WHERE report = " + std::to_string(id)) == 0);
      // And a cell for a report that does not exist is refused.
      sqlite3_stmt* st = nullptr;
      REQUIRE(sqlite3_prepare_v2(db.db, "INSERT INTO cell_values (report, key, value) VALUES (999999, 1, 0)", -1, &st,
                                 nullptr) == SQLITE_OK);
      CHECK(sqlite3_step(st) == SQLITE_CONSTRAINT);
      CHECK(sqlite3_extended_errcode(db.db) == SQLITE_CONSTRAINT_FOREIGNKEY);
      sqlite3_finalize(st);
    }

    // The analyst queries of docs/extract.md run.
    {
      Db db(db_path);
      CHECK(db.rows("SELECT r.year, count(*) AS reports, sum(c.value) AS new_applications "
                    "FROM cells AS c JOIN reports AS r ON r.id = c.report "
                    "WHERE c.\"table\" = 'applications' AND c.row = 'new_received' AND c.\"column\" = 'total' "
                    "AND r.status != 'rejected' GROUP BY r.year ORDER BY r.year") > 0);
      CHECK(db.rows("SELECT r.path, r.agency, r.year, k.scope, k.lhs, k.rhs "
                    "FROM checks AS k JOIN reports AS r ON r.id = k.report "
                    "WHERE k.rule = 'applications.balance' AND k.status = 'fail' ORDER BY r.path, k.scope") > 0);
      CHECK(db.rows("SELECT c.row AS reason, sum(c.value) AS denied, "
                    "round(100.0 * sum(c.value) / sum(sum(c.value)) OVER (), 1) AS percent FROM cells AS c "
                    "WHERE c.\"table\" = 'applications' AND c.row LIKE 'denied\\_%' ESCAPE '\\' AND c.\"column\" = 'total' "
                    "GROUP BY c.row ORDER BY denied DESC") == 8);
    }
  }

  TEST_CASE("SQLite: a file that is not a database is refused, exit status 2") {
    TempDir t;
    std::ofstream(t.path / "not.sqlite") << "this is not a database, just text that is long enough to be read as a header";
    std::string err;
    CHECK(extract(t, quote(kReport.string()) + " -o " + quote((t.path / "not.sqlite").string()), nullptr, &err) == 2);
    CHECK(err.find("not.sqlite") != std::string::npos);
  }

  TEST_CASE("NDJSON: one record per input, sorted by path, identical with -j1 and -j2") {
    TempDir t;
    const auto a = t.path / "a.ndjson", b = t.path / "b.ndjson";
    const int s1 = extract(t, quote(XXGK_CORPUS_DIR) + " -o " + quote(a.string()) + " -j1 -q");
    const int s2 = extract(t, quote(XXGK_CORPUS_DIR) + " -o " + quote(b.string()) + " -j2 -q");
    CHECK(s1 == s2);
    const auto one = slurp(a), two = slurp(b);
    CHECK(one == two);
    auto lines = lines_of(one);
    CHECK(lines.size() == corpus_inputs());
    std::vector<std::string> paths;
    for (const auto& l : lines) {
      auto j = nlohmann::json::parse(l);
      CHECK(j["schema"] == "xxgk.report/1");
      paths.push_back(j["source"]["path"].get<std::string>());
    }
    CHECK(std::is_sorted(paths.begin(), paths.end()));
    // Through --format and stdout, the same bytes.
    std::string out;
    extract(t, quote(XXGK_CORPUS_DIR) + " --format ndjson -j2 -q", &out);
    CHECK(out == one);
  }

  TEST_CASE("CSV: header, one row per value, --excel adds a BOM") {
    TempDir t;
    const auto c = t.path / "cells.csv";
    extract(t, quote(XXGK_CORPUS_DIR) + " -o " + quote(c.string()) + " -q");
    const auto csv = slurp(c);
    REQUIRE(csv.starts_with("path,agency,year,table,row,column,value\r\n"));
    std::size_t rows = 0;
    for (std::size_t p = 0; (p = csv.find("\r\n", p)) != std::string::npos; p += 2) ++rows;
    // One row per value of every parsed report: as many as its tables' templates have.
    std::size_t values = 0;
    for (const auto& f : xxgk::cli::collect_inputs({XXGK_CORPUS_DIR}).files) {
      const auto r = xxgk::parse_file(f);
      if (r.status == xxgk::Status::rejected) continue;
      for (std::size_t i = 0; i < r.record.tables.size(); ++i) values += xxgk::table_shape(r.record, i).size;
    }
    CHECK(values > 200 * 80);
    CHECK(rows == 1 + values);
    CHECK(csv.find("003_8ac5e3a1fa8dde41.txt,宝鸡市科学技术局,2024,active_disclosure,fees,amount,0.16\r\n") != std::string::npos);

    extract(t, quote(kReport.string()) + " -o " + quote(c.string()) + " --excel -q");
    CHECK(slurp(c).starts_with("\xEF\xBB\xBFpath,agency,year,table,row,column,value\r\n"));
  }

  TEST_CASE("a directory with broken files: the others are still written, exit status 2") {
    TempDir t;
    const auto in = t.path / "in";
    fs::create_directories(in / "sub");
    fs::copy_file(kReport, in / "good1.txt");
    fs::copy_file(kReport, in / "sub" / "good2.md");
    {
      std::mt19937 rng(42);
      std::string noise(4096, '\0');
      for (auto& ch : noise) ch = static_cast<char>(rng() & 0xFF);
      std::ofstream(in / "random.txt", std::ios::binary) << noise;
    }
    std::ofstream(in / "empty.txt").close();
    fs::create_symlink(in / "does-not-exist", in / "dangling.txt");  // unreadable
    std::ofstream(in / "notes.doc", std::ios::binary)  // a format xxgk does not read: rejected, counted by format
        << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(504, '\0');
    std::ofstream(in / "page.html") << "<!DOCTYPE html><html><body><p>x</p></body></html>\n";  // read: not a report
    std::ofstream(in / "photo.jpg") << "skipped";  // not an input
    const bool root = ::geteuid() == 0;
    if (!root) {  // permissions do not stop root
      std::ofstream(in / "locked.txt") << "x";
      fs::permissions(in / "locked.txt", fs::perms::none);
    }
    const std::size_t inputs = root ? 7 : 8;

    for (const char* ext : {"ndjson", "csv", "sqlite"}) {
      CAPTURE(ext);
      const auto out = t.path / (std::string("out.") + ext);
      std::string summary, err;
      const int status = extract(t, quote(in.string()) + " -o " + quote(out.string()) + " --summary -j2", &summary, &err);
      CHECK(status == 2);
      auto lines = lines_of(summary);
      REQUIRE(lines.size() == inputs);
      int ok = 0, rejected = 0;
      for (const auto& l : lines) {
        ok += l.find("\tok\t") != std::string::npos;
        rejected += l.find("\trejected\t") != std::string::npos;
      }
      CHECK(ok == 2);
      CHECK(rejected == static_cast<int>(inputs) - 2);
      CHECK(summary.find("dangling.txt\t-\t-\t-\trejected\tunreadable: ") != std::string::npos);
      CHECK(err.find("dangling.txt: error: cannot read the file") != std::string::npos);
      CHECK(err.find("1 other files skipped") != std::string::npos);
      CHECK(err.find("notes.doc: error: the input is a legacy Word") != std::string::npos);
      CHECK(err.find("not read, in formats xxgk does not read yet: 1 ole\n") != std::string::npos);
      CHECK(err.find("page.html: error: not a government information disclosure annual report") != std::string::npos);
      CHECK(err.find(std::to_string(inputs) + " files in") != std::string::npos);
      if (std::string(ext) == "ndjson") {
        CHECK(lines_of(slurp(out)).size() == inputs);  // rejected files keep their record and diagnostics
      } else if (std::string(ext) == "csv") {
        CHECK(lines_of(slurp(out)).size() == 1 + 2 * 200);
      } else {
        Db db(out);
        CHECK(db.one("SELECT count(*) FROM reports") == static_cast<long long>(inputs));
        CHECK(db.one("SELECT count(*) FROM reports WHERE status = 'ok'") == 2);
        CHECK(db.one("SELECT count(*) FROM cells") == 400);
        CHECK(db.one("SELECT count(*) FROM reports WHERE path LIKE '%dangling.txt' AND sha256 IS NULL") == 1);
        CHECK(db.one("SELECT count(*) FROM diagnostics d JOIN reports r ON r.id = d.report "
                     "WHERE r.path LIKE '%dangling.txt' AND d.code = 'unreadable'") == 1);
      }
    }
  }

  TEST_CASE("usage errors exit with status 2 and say why") {
    TempDir t;
    std::string err;
    CHECK(extract(t, quote(kReport.string()) + " -o out.xml", nullptr, &err) == 2);
    CHECK(err.find("cannot tell the format") != std::string::npos);
    CHECK(extract(t, quote(kReport.string()), nullptr, &err) == 2);
    CHECK(err.find("nothing to write") != std::string::npos);
    CHECK(extract(t, quote(kReport.string()) + " -j0 --summary", nullptr, &err) == 2);
    CHECK(extract(t, quote(kReport.string()) + " --format sqlite", nullptr, &err) == 2);
    CHECK(extract(t, "--bogus " + quote(kReport.string()) + " --summary", nullptr, &err) == 2);
    std::string out;
    CHECK(extract(t, "--help", &out) == 0);
    CHECK(out.find("usage: xxgk extract") != std::string::npos);
  }

  TEST_CASE("an empty directory is an empty dataset, exit status 0") {
    TempDir t;
    fs::create_directories(t.path / "empty");
    std::string err;
    CHECK(extract(t, quote((t.path / "empty").string()) + " -o " + quote((t.path / "e.csv").string()), nullptr, &err) == 0);
    CHECK(slurp(t.path / "e.csv") == "path,agency,year,table,row,column,value\r\n");
    CHECK(err.find("0 files") != std::string::npos);
  }
}
