// docs/extract.md's example queries, run on the database `xxgk extract corpus` writes: each must
// prepare and give rows. Also the view report_values and the sections table against the records.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "test_files.hpp"
#include "xxgk/xxgk.hpp"

namespace {

using xxgk::test::slurp;
using xxgk::test::TempDir;

struct Db {
  sqlite3* db = nullptr;
  explicit Db(const std::string& p) { REQUIRE(sqlite3_open_v2(p.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK); }
  ~Db() { sqlite3_close(db); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  // The rows of a query, each as its columns' text ("" for NULL).
  std::vector<std::vector<std::string>> rows(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK, sqlite3_errmsg(db) << "\n" << sql);
    std::vector<std::vector<std::string>> out;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      auto& row = out.emplace_back();
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const auto* t = sqlite3_column_text(st, c);
        row.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
      }
    }
    CHECK_MESSAGE(rc == SQLITE_DONE, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return out;
  }
};

// The ```sql blocks of the section `heading` of a markdown text.
std::vector<std::string> sql_blocks(const std::string& md, const std::string& heading) {
  std::vector<std::string> out;
  auto at = md.find(heading);
  REQUIRE(at != std::string::npos);
  const auto end = md.find("\n## ", at);
  while ((at = md.find("```sql\n", at)) != std::string::npos && at < end) {
    at += 7;
    const auto close = md.find("```", at);
    out.push_back(md.substr(at, close - at));
    at = close + 3;
  }
  return out;
}

}  // namespace

TEST_CASE("docs/extract.md: every example query runs on the corpus's database and gives rows") {
  TempDir t;
  const auto db_path = (t.path / "corpus.sqlite").string();
  const std::string cmd = std::string("'") + XXGK_BINARY + "' extract '" + XXGK_CORPUS_DIR + "' -q -o '" + db_path + "'";
  const int st = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(st));
  Db db(db_path);
  REQUIRE(std::stoi(db.rows("SELECT count(*) FROM reports WHERE status != 'rejected'")[0][0]) >= 100);

  const auto queries = sql_blocks(slurp(std::string(XXGK_SOURCE_DIR) + "/docs/extract.md"), "### Example queries");
  CHECK(queries.size() == 10);
  for (const auto& q : queries) {
    CAPTURE(q);
    CHECK(!db.rows(q).empty());
  }

  // The wide view holds what the record holds, and the sections table its texts.
  const std::string seed = "corpus/000_a411e0a1c57d9535.txt";
  const auto r = xxgk::parse_file(std::string(XXGK_SOURCE_DIR) + "/" + seed).record;
  const auto wide = db.rows("SELECT agency, agency_key, year, applications_new_received_total, applications_new_received_other, "
                            "active_disclosure_normative_documents_in_force FROM report_values WHERE path LIKE '%/" + seed + "'");
  REQUIRE(wide.size() == 1);
  CHECK(wide[0] == std::vector<std::string>{r.agency, r.agency, "2025", "1", "", "7"});
  const auto sections = db.rows("SELECT s.number, s.heading, s.text FROM sections AS s JOIN reports AS r ON r.id = s.report "
                                "WHERE r.path LIKE '%/" + seed + "' ORDER BY s.number");
  REQUIRE(sections.size() == r.sections.size());
  for (std::size_t i = 0; i < sections.size(); ++i) {
    CHECK(sections[i][0] == std::to_string(r.sections[i].number));
    CHECK(sections[i][1] == r.sections[i].heading);
    CHECK(sections[i][2] == r.sections[i].text);
  }
}

TEST_CASE("normalise_agency: one name however it is spaced, set in width or quoted") {
  CHECK(xxgk::normalise_agency("三门峡市 科学技术局") == "三门峡市科学技术局");
  CHECK(xxgk::normalise_agency("《三门峡市科学技术局》") == "三门峡市科学技术局");
  CHECK(xxgk::normalise_agency("中国（河南）自由贸易试验区　郑州片区") == "中国(河南)自由贸易试验区郑州片区");
  CHECK(xxgk::normalise_agency("ＡＢＣ市１局") == "ABC市1局");
  CHECK(xxgk::normalise_agency("").empty());
}
