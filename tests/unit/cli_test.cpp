// The command line's manners, through the built binary (issue 11): --version; one way to give
// options (--name=value) on every command; --layout/--encoding checked before reading; a missing
// file on `parse` is one line; parse -o; colour (--color, NO_COLOR); --help lists every option;
// README files under a directory skipped, not failing the run; one report however its path is
// spelled; the database's meta table; saying why nothing was parsed.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/collect.hpp"
#include "cli/colour.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;

namespace {

using xxgk::test::slurp;
using xxgk::test::TempDir;

using xxgk::test::quote;

const fs::path kSource = XXGK_SOURCE_DIR;
const fs::path kReport = fs::path(XXGK_CORPUS_DIR) / "003_8ac5e3a1fa8dde41.txt";  // status 0

// run: `xxgk ARGS` in `cwd` (with `env` before it: "NO_COLOR=1"); stdout and stderr to files in
// `t`; the exit status.
int run(const TempDir& t, const std::string& args, std::string* out = nullptr, std::string* err = nullptr,
         const fs::path& cwd = {}, const std::string& env = {}) {
  const auto o = t.path / "stdout.txt", e = t.path / "stderr.txt";
  std::string cmd = cwd.empty() ? std::string() : "cd " + quote(cwd.string()) + " && ";
  cmd += (env.empty() ? std::string() : "env " + env + " ") + quote(XXGK_BINARY) + " " + args + " >" + quote(o.string()) +
         " 2>" + quote(e.string());
  const int st = std::system(cmd.c_str());
  if (out) *out = slurp(o);
  if (err) *err = slurp(e);
  REQUIRE(WIFEXITED(st));
  return WEXITSTATUS(st);
}

long long query(const fs::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK, sqlite3_errmsg(db));
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  const auto v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

std::string query_text(const fs::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK, sqlite3_errmsg(db));
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  const auto* v = sqlite3_column_text(st, 0);
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  sqlite3_finalize(st);
  sqlite3_close(db);
  return s;
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("--version and -V print the version; the usage mentions it") {
    TempDir t;
    std::string out, err;
    CHECK(run(t, "--version", &out, &err) == 0);
    CHECK(out == std::string("xxgk ") + XXGK_VERSION + "\n");
    CHECK(err.empty());
    CHECK(run(t, "-V", &out) == 0);
    CHECK(out == std::string("xxgk ") + XXGK_VERSION + "\n");
    CHECK(run(t, "--help", &out) == 0);
    CHECK(out.find("--version") != std::string::npos);
  }

  TEST_CASE("parse: --format=text and --format text are the same; -o writes the record to a file") {
    TempDir t;
    std::string a, b, err;
    CHECK(run(t, "parse --format=text " + quote(kReport.string()), &a) == 0);
    CHECK(run(t, "parse --format text " + quote(kReport.string()), &b) == 0);
    CHECK(!a.empty());
    CHECK(a == b);
    std::string json;
    CHECK(run(t, "parse -q " + quote(kReport.string()), &json) == 0);
    const auto file = t.path / "r.json";
    CHECK(run(t, "parse -q -o " + quote(file.string()) + " " + quote(kReport.string()), &a) == 0);
    CHECK(a.empty());
    CHECK(slurp(file) == json);
    CHECK(run(t, "parse -q --output=" + quote(file.string()) + " --format=text " + quote(kReport.string()), &a) == 0);
    CHECK(slurp(file) == b);
    CHECK(run(t, "parse -o " + quote((t.path / "no-such-dir" / "r.json").string()) + " " + quote(kReport.string()), &a,
               &err) == 2);
    CHECK(err.find("cannot write") != std::string::npos);
  }

  TEST_CASE("an unknown --layout or --encoding is a usage error, before reading anything") {
    TempDir t;
    std::string out, err;
    CHECK(run(t, "parse --layout csv " + quote(kReport.string()), &out, &err) == 2);
    CHECK(out.empty());
    CHECK(err.find("xxgk parse: --layout: unknown layout 'csv'") == 0);
    CHECK(run(t, "parse --encoding=FOO " + quote(kReport.string()), &out, &err) == 2);
    CHECK(out.empty());
    CHECK(err.find("xxgk parse: --encoding: unknown encoding 'FOO'") == 0);
    CHECK(run(t, "extract --layout csv --summary " + quote(kReport.string()), &out, &err) == 2);
    CHECK(out.empty());
    CHECK(err.find("xxgk extract: --layout: unknown layout 'csv'") == 0);
    CHECK(run(t, "extract --encoding FOO --summary " + quote(kReport.string()), &out, &err) == 2);
    CHECK(out.empty());
    CHECK(err.find("xxgk extract: --encoding: unknown encoding 'FOO'") == 0);
    // A known one is taken.
    CHECK(run(t, "parse -q --layout=tsv --encoding=UTF-8 " + quote(kReport.string()), &out) == 0);
  }

  TEST_CASE("parse: a missing file is one line on stderr and no record") {
    TempDir t;
    std::string out, err;
    const auto missing = (t.path / "missing.txt").string();
    CHECK(run(t, "parse " + quote(missing), &out, &err) == 2);
    CHECK(out.empty());
    CHECK(err == "xxgk: " + missing + ": No such file or directory\n");
    // With other files: those are parsed, the status is 2.
    CHECK(run(t, "parse -q " + quote(missing) + " " + quote(kReport.string()), &out, &err) == 2);
    CHECK(out.find("\"path\"") != std::string::npos);
    CHECK(out.find('\n') == out.size() - 1);  // one record (NDJSON: one line)
    CHECK(err == "xxgk: " + missing + ": No such file or directory\n");
  }

  TEST_CASE("--help lists every option docs/cli.md lists") {
    TempDir t;
    std::string out;
    CHECK(run(t, "parse --help", &out) == 0);
    for (const char* o : {"--format", "--positions", "--layout", "--encoding", "-o, --output", "-q, --quiet", "--color",
                           "- reads standard input"})
      CHECK_MESSAGE(out.find(o) != std::string::npos, o);
    CHECK(run(t, "extract --help", &out) == 0);
    CHECK(out.find("--color") != std::string::npos);
  }

  TEST_CASE("colour: --color=always colours severities and carets; never, NO_COLOR and a file do not") {
    TempDir t;
    const auto quirk = kSource / "corpus" / "002_d9116de1bb1d21a9.txt";  // has notes with excerpts
    std::string out, plain, coloured;
    run(t, "parse --color=never " + quote(quirk.string()), &out, &plain);
    CHECK(plain.find("\033[") == std::string::npos);
    CHECK(plain.find(": note: ") != std::string::npos);
    run(t, "parse --color=always " + quote(quirk.string()), &out, &coloured);
    CHECK(coloured.find("\033[1;36mnote\033[0m: ") != std::string::npos);
    CHECK(coloured.find("\033[1;32m^") != std::string::npos);
    CHECK(out.find("\033[") == std::string::npos);  // the record is never coloured
    std::string auto_err;
    run(t, "parse " + quote(quirk.string()), &out, &auto_err, {}, "NO_COLOR=1");  // stderr is a file anyway
    CHECK(auto_err == plain);
    CHECK(run(t, "parse --color=sometimes " + quote(quirk.string()), &out, &auto_err) == 2);
    CHECK(auto_err.find("--color: unknown value 'sometimes' (auto, always, never)") != std::string::npos);

    // Taking the colours away gives the text back.
    std::string stripped;
    for (std::size_t i = 0; i < coloured.size(); ++i) {
      if (coloured[i] == '\033') {
        i = coloured.find('m', i);
        continue;
      }
      stripped += coloured[i];
    }
    CHECK(stripped == plain);
    CHECK(xxgk::cli::colourise_diagnostics("a.txt:1:2: error: bad\n x\n ^~\n") ==
          "\033[1ma.txt:1:2:\033[0m \033[1;31merror\033[0m: bad\n x\n \033[1;32m^~\033[0m\n");
  }

  TEST_CASE("extract: a README under a directory is skipped and listed, and does not fail the run") {
    TempDir t;
    const auto in = t.path / "in";
    fs::create_directories(in / "sub");
    fs::copy_file(kReport, in / "report.txt");
    std::ofstream(in / "README.md") << "# What these files are\n\nNotes.\n";
    std::ofstream(in / "sub" / "readme.txt") << "notes\n";
    std::ofstream(in / ".hidden.md") << "notes\n";
    std::string out, err;
    const auto db = t.path / "x.sqlite";
    CHECK(run(t, "extract " + quote(in.string()) + " --summary -o " + quote(db.string()), &out, &err) == 0);
    CHECK(out.find("report.txt\t") != std::string::npos);
    CHECK(out.find("README") == std::string::npos);
    CHECK(err.find("3 skipped (not reports): " + (in / ".hidden.md").string() + ", " + (in / "README.md").string() + ", " +
                   (in / "sub" / "readme.txt").string() + "\n") != std::string::npos);
    CHECK(query(db, "SELECT count(*) FROM reports") == 1);
    // Named on the command line, a README is parsed, and is not a report.
    CHECK(run(t, "extract " + quote((in / "README.md").string()) + " --summary", &out, &err) == 2);
    CHECK(out.find("rejected") != std::string::npos);
    // xxgk test has the same rule.
    CHECK(xxgk::cli::is_not_report_name("README.md"));
    CHECK(xxgk::cli::is_not_report_name("Readme"));
    CHECK(xxgk::cli::is_not_report_name(".x.txt"));
    CHECK_FALSE(xxgk::cli::is_not_report_name("readme-2021.txt"));
    CHECK_FALSE(xxgk::cli::is_not_report_name("report.md"));
  }

  TEST_CASE("extract: one report however its path is spelled; the database says which xxgk wrote it") {
    TempDir t;
    const auto db = t.path / "x.sqlite";
    const auto files = xxgk::cli::collect_inputs({(kSource / "corpus" / "quirks").string()}).files.size();
    REQUIRE(files > 10);
    for (const std::string& spelling : std::vector<std::string>{"corpus/quirks", "./corpus/quirks",
                                                                (kSource / "corpus" / "quirks").string(),
                                                                "corpus/../corpus/quirks/"})
      run(t, "extract -q " + quote(spelling) + " -o " + quote(db.string()), nullptr, nullptr, kSource);
    CHECK(query(db, "SELECT count(*) FROM reports") == static_cast<long long>(files));
    CHECK(query(db, "SELECT count(DISTINCT canonical_path) FROM reports") == static_cast<long long>(files));
    CHECK(query(db, "SELECT count(*) FROM reports WHERE canonical_path NOT LIKE '/%'") == 0);
    CHECK(query(db, "PRAGMA user_version") == 5);
    CHECK(query_text(db, "SELECT value FROM meta WHERE key = 'xxgk_version'") == XXGK_VERSION);
    CHECK(query_text(db, "SELECT value FROM meta WHERE key = 'written_at'").size() == 20);

    // A byte-identical copy at another path is a report of its own, recognisable by its sha256.
    fs::create_directories(t.path / "copy");
    fs::copy_file(kReport, t.path / "copy" / "same.txt");
    run(t, "extract -q " + quote(kReport.string()) + " " + quote((t.path / "copy").string()) + " -o " + quote(db.string()));
    CHECK(query(db, "SELECT count(*) FROM (SELECT sha256 FROM reports WHERE sha256 IS NOT NULL "
                    "GROUP BY sha256 HAVING count(*) > 1)") == 1);
  }

  TEST_CASE("extract: a directory with nothing to parse says what it found") {
    TempDir t;
    const auto in = t.path / "pdfs";
    fs::create_directories(in);
    std::ofstream(in / "a.xlsx") << "x";
    std::ofstream(in / "b.xlsx") << "x";
    std::ofstream(in / "README.md") << "x";
    std::string out, err;
    CHECK(run(t, "extract " + quote(in.string()) + " --summary", &out, &err) == 0);
    CHECK(out.empty());
    CHECK(err.find("xxgk extract: nothing to parse: found 3 files, none a report: 2 .xlsx, 1 README or hidden (reports are "
                   "the files named .txt ") != std::string::npos);
    fs::remove_all(in);
    fs::create_directories(in);
    CHECK(run(t, "extract " + quote(in.string()) + " --summary", &out, &err) == 0);
    CHECK(err.find("xxgk extract: no files found: nothing to parse") != std::string::npos);
  }
}
