// `xxgk test` (docs/testing.md): key patterns, then the built binary end to end on copies of
// corpus reports — the corpus itself passes; a value changed in an expected record is reported
// with its key, both values and where it was read; --update writes it back byte for byte; a new
// report; --only and --ignore; a status that differs; an expected record without its report;
// usage errors. And the position of a PDF's value, through the library.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/test_run.hpp"
#include "test_files.hpp"
#include "xxgk/testing.hpp"

namespace fs = std::filesystem;

namespace {

using xxgk::test::slurp;
using xxgk::test::TempDir;
using xxgk::testing::KeyFilter;

using xxgk::test::quote;

// Runs `xxgk test ARGS` in directory `cwd`; stdout and stderr to files in `t`; the exit status.
int xxgk_test(const TempDir& t, const fs::path& cwd, const std::string& args, std::string* out = nullptr,
              std::string* err = nullptr) {
  const auto o = t.path / "stdout.txt", e = t.path / "stderr.txt";
  const std::string cmd = "cd " + quote(cwd.string()) + " && " + quote(XXGK_BINARY) + " test " + args + " >" +
                          quote(o.string()) + " 2>" + quote(e.string());
  const int st = std::system(cmd.c_str());
  if (out) *out = slurp(o);
  if (err) *err = slurp(e);
  REQUIRE(WIFEXITED(st));
  return WEXITSTATUS(st);
}

const fs::path kCorpus = XXGK_CORPUS_DIR;

// Copies corpus report `rel` (and its expected record and status unless `bare`) to
// t/corpus/`to`; the copy's path.
fs::path copy_report(const TempDir& t, const std::string& rel, const std::string& to, bool bare = false) {
  const auto dest = t.path / "work" / "corpus" / to;
  fs::create_directories(dest.parent_path());
  fs::copy_file(kCorpus / rel, dest);
  if (!bare) {
    fs::copy_file(kCorpus / (rel + ".expected.json"), dest.string() + ".expected.json");
    fs::copy_file(kCorpus / (rel + ".status"), dest.string() + ".status");
  }
  return dest;
}

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_SUITE("test-cli") {
  TEST_CASE("key patterns: a key, its beginning, '*' and '?', the values") {
    CHECK(KeyFilter::matches("applications", "applications.new_received.total"));
    CHECK(KeyFilter::matches("applications.new_received", "applications.new_received.total"));
    CHECK_FALSE(KeyFilter::matches("applications.new", "applications.new_received.total"));
    CHECK(KeyFilter::matches("*.total", "applications.new_received.total"));
    CHECK(KeyFilter::matches("applications.*.total", "applications.granted.total"));
    CHECK_FALSE(KeyFilter::matches("applications.*.total", "applications.granted.research"));
    CHECK(KeyFilter::matches("diagnostics.*.message", "diagnostics.row-shifted.message"));
    CHECK_FALSE(KeyFilter::matches("diagnostics.*.message", "diagnostics.row-shifted"));
    CHECK(KeyFilter::matches("checks", "checks.applications.balance[total]"));
    CHECK(KeyFilter::matches("checks.applications.balance", "checks.applications.balance[total]"));
    CHECK(KeyFilter::matches("year", "year"));
    CHECK(KeyFilter::matches("?ear", "year"));
    CHECK_FALSE(KeyFilter::matches("year", "years"));

    KeyFilter all;
    CHECK(all.selects("anything"));
    KeyFilter values;
    values.only("values");
    CHECK(values.selects("active_disclosure.fees.amount"));
    CHECK(values.selects("applications.new_received.total"));
    CHECK(values.selects("review_litigation.review.total"));
    CHECK_FALSE(values.selects("diagnostics.row-shifted"));
    CHECK_FALSE(values.selects("status"));
    KeyFilter wording;
    wording.ignore("diagnostics.*.message");
    CHECK(wording.selects("diagnostics.row-shifted"));
    CHECK_FALSE(wording.selects("diagnostics.row-shifted.message"));
    CHECK(wording.selects("applications.new_received.total"));
  }

  TEST_CASE("the project's corpus passes through xxgk test corpus") {
    TempDir t;
    std::string out, err;
    CHECK(xxgk_test(t, XXGK_SOURCE_DIR, "corpus -q -j 2", &out, &err) == 0);
    CHECK(err.empty());
    const auto n = xxgk::cli::find_test_inputs({XXGK_CORPUS_DIR}).reports.size();
    CHECK(out == std::to_string(n) + " reports: " + std::to_string(n) + " pass\n");
  }

  TEST_CASE("a changed value: its key, both values, where it was read; --update writes it back") {
    TempDir t;
    const auto work = t.path / "work";
    const auto report = copy_report(t, "003_8ac5e3a1fa8dde41.txt", "003_8ac5e3a1fa8dde41.txt");
    const auto expected_path = report.string() + ".expected.json";
    const std::string original = slurp(expected_path);
    std::string out;
    CHECK(xxgk_test(t, work, "corpus", &out) == 0);
    CHECK(out == "pass     corpus/003_8ac5e3a1fa8dde41.txt\n1 report: 1 pass\n");

    // The fees of 表二, 0.16 (万元), read at line 41, column 9.
    write(expected_path, replace_once(original, "\"fees\": {\"amount\": 0.16}", "\"fees\": {\"amount\": 0.17}"));
    CHECK(xxgk_test(t, work, "corpus", &out) == 1);
    CHECK(out ==
          "differs  corpus/003_8ac5e3a1fa8dde41.txt\n"
          "  active_disclosure.fees.amount  (at corpus/003_8ac5e3a1fa8dde41.txt:41:9)\n"
          "    expected: 0.17\n"
          "    actual:   0.16\n"
          "1 report: 0 pass, 1 differs\n");
    // Named by the directory given, relative to the current directory.
    CHECK(xxgk_test(t, work / "corpus", ".", &out) == 1);
    CHECK(out.find("differs  003_8ac5e3a1fa8dde41.txt\n  source.path\n    expected: \"corpus/003_8ac5e3a1fa8dde41.txt\"\n"
                   "    actual:   \"003_8ac5e3a1fa8dde41.txt\"\n") == 0);
    CHECK(xxgk_test(t, t.path, "work/corpus/003_8ac5e3a1fa8dde41.txt --only values", &out) == 1);
    CHECK(out.find("(at work/corpus/003_8ac5e3a1fa8dde41.txt:41:9)") != std::string::npos);
    CHECK(out.find("source.path") == std::string::npos);
    // Not compared: passes.
    CHECK(xxgk_test(t, work, "corpus --only checks --only diagnostics", &out) == 0);
    CHECK(xxgk_test(t, work, "corpus --ignore active_disclosure.fees", &out) == 0);

    CHECK(xxgk_test(t, work, "corpus --update", &out) == 0);
    CHECK(out.find("differs  corpus/003_8ac5e3a1fa8dde41.txt\n") == 0);
    CHECK(out.find("  written: corpus/003_8ac5e3a1fa8dde41.txt.expected.json, corpus/003_8ac5e3a1fa8dde41.txt.status\n") !=
          std::string::npos);
    CHECK(out.find("1 expected record written") != std::string::npos);
    CHECK(slurp(expected_path) == original);  // the round trip: byte for byte
    CHECK(slurp(report.string() + ".status") == "0\n");
    CHECK(xxgk_test(t, work, "corpus", &out) == 0);
    // From another directory every report differs in its name alone: said on stderr.
    std::string err;
    CHECK(xxgk_test(t, work / "corpus", ".", &out, &err) == 1);
    CHECK(err.find("differ only in source.path") != std::string::npos);
    CHECK(xxgk_test(t, work / "corpus", ". --ignore source.path", &out, &err) == 0);
    CHECK(err.empty());
  }

  TEST_CASE("a new report, a README, a status and a diagnostic that differ, an expected record alone") {
    TempDir t;
    const auto work = t.path / "work";
    const auto seed = copy_report(t, "002_d9116de1bb1d21a9.txt", "002_d9116de1bb1d21a9.txt");
    const auto fresh = copy_report(t, "000_a411e0a1c57d9535.txt", "sub/new.txt", true);
    write(work / "corpus" / "README.md", "# my reports\n");
    write(work / "corpus" / "notes.csv", "a,b\n");  // no report extension, no expected record: not a report
    std::string out;
    CHECK(xxgk_test(t, work, "corpus", &out) == 1);
    CHECK(out == "pass     corpus/002_d9116de1bb1d21a9.txt\nnew      corpus/sub/new.txt\n2 reports: 1 pass, 1 new\n");
    CHECK(xxgk_test(t, work, "corpus -q", &out) == 1);
    CHECK(out == "new      corpus/sub/new.txt\n2 reports: 1 pass, 1 new\n");

    CHECK(xxgk_test(t, work, "corpus --update", &out) == 0);
    CHECK(out.find("new      corpus/sub/new.txt\n  written: corpus/sub/new.txt.expected.json, corpus/sub/new.txt.status\n") !=
          std::string::npos);
    CHECK(slurp(fresh.string() + ".expected.json") ==
          xxgk::testing::canonical_record(xxgk::parse_bytes(slurp(fresh), "corpus/sub/new.txt").record));
    CHECK(slurp(fresh.string() + ".status") == "0\n");
    CHECK(xxgk_test(t, work, "corpus", &out) == 0);

    // A diagnostic's wording, and the status.
    const auto expected_path = seed.string() + ".expected.json";
    const auto original = slurp(expected_path);
    write(expected_path, replace_once(original, "\"message\": \"label '", "\"message\": \"the label '"));
    write(seed.string() + ".status", "1\n");
    CHECK(xxgk_test(t, work, "corpus -q", &out) == 1);
    CHECK(out.find("differs  corpus/002_d9116de1bb1d21a9.txt\n"
                   "  status\n    expected: 1 (failed)\n    actual:   0 (ok)\n"
                   "  diagnostics.label-joined.message  (at corpus/002_d9116de1bb1d21a9.txt:64:2)\n"
                   "    expected: \"the label '") == 0);
    CHECK(out.find("    actual:   \"label '") != std::string::npos);
    CHECK(xxgk_test(t, work, "corpus --ignore 'diagnostics.*.message' --ignore status", &out) == 0);
    CHECK(xxgk_test(t, work, "corpus --only values", &out) == 0);
    CHECK(xxgk_test(t, work, "corpus --only diagnostics", &out) == 1);
    CHECK(xxgk_test(t, work, "corpus --update", &out) == 0);
    CHECK(slurp(expected_path) == original);

    // A diagnostic gone from the record.
    const auto line_start = original.find("    {\"severity\": \"note\", \"code\": \"label-joined\"");
    REQUIRE(line_start != std::string::npos);
    const auto line_end = original.find('\n', line_start);
    std::string without = original;
    without.erase(line_start, line_end + 1 - line_start);
    write(expected_path, without);
    CHECK(xxgk_test(t, work, "corpus -q", &out) == 1);
    CHECK(out.find("  diagnostics.label-joined\n    expected: (none)\n    actual:   note at 64:2: \"label '") !=
          std::string::npos);
    write(expected_path, original);

    // An expected record whose report is gone.
    fs::remove(fresh);
    CHECK(xxgk_test(t, work, "corpus -q", &out) == 1);
    CHECK(out ==
          "missing  corpus/sub/new.txt  (corpus/sub/new.txt.expected.json has no report beside it)\n"
          "1 report: 1 pass, 1 expected record without a report\n");
  }

  TEST_CASE("a PDF's value is placed by page, line and column") {
    TempDir t;
    const std::string rel = "pdf/seed-000.pdf", name = "corpus/" + rel;
    const auto report = copy_report(t, rel, rel);
    xxgk::ParseOptions with_positions;
    with_positions.positions = true;
    auto actual = xxgk::parse_bytes(slurp(report), name, with_positions);
    REQUIRE(actual.status == xxgk::Status::ok);
    const auto& shape = xxgk::table_shape(actual.record, 1);  // applications
    REQUIRE(shape.key == "applications");
    const auto& row = shape.rows.front();
    const auto at = actual.record.tables[1].sources.at(row.first);
    REQUIRE(at.page > 0);
    auto expected = nlohmann::ordered_json::parse(slurp(report.string() + ".expected.json"));
    auto& value = expected["applications"][std::string(row.key)][std::string(row.columns.front().key)];
    const std::string before = value.dump();
    value = 12345;
    write(report.string() + ".expected.json", expected.dump(2));  // not the canonical form: still compared key by key

    const auto check = xxgk::testing::test_report(report.string(), name, {});
    CHECK(check.outcome == xxgk::testing::Outcome::differs);
    REQUIRE(check.differences.size() == 1);
    const auto& d = check.differences.front();
    CHECK(d.key == "applications." + std::string(row.key) + "." + std::string(row.columns.front().key));
    CHECK(d.expected == "12345");
    CHECK(d.actual == before);
    CHECK(d.at == at);
    const auto where = xxgk::testing::describe_position(name, at);
    CHECK(where.starts_with(name + ": page "));
    CHECK(xxgk::testing::render(check).find("(at " + where + ")") != std::string::npos);

    // The same record written otherwise: reported as such.
    expected = nlohmann::ordered_json::parse(slurp(kCorpus / (rel + ".expected.json")));
    write(report.string() + ".expected.json", expected.dump(2));
    const auto same = xxgk::testing::test_report(report.string(), name, {});
    REQUIRE(same.differences.size() == 1);
    CHECK(same.differences.front().key == "json");
    KeyFilter values;
    values.only("values");
    CHECK(xxgk::testing::test_report(report.string(), name, values).outcome == xxgk::testing::Outcome::pass);
  }

  TEST_CASE("usage errors exit 2") {
    TempDir t;
    std::string out, err;
    CHECK(xxgk_test(t, t.path, "", &out, &err) == 2);
    CHECK(err == "xxgk test: PATH is required\n(xxgk test --help shows the options)\n");
    CHECK(xxgk_test(t, t.path, "--frobnicate corpus", &out, &err) == 2);
    CHECK(err.find("unknown option '--frobnicate'") != std::string::npos);
    CHECK(xxgk_test(t, t.path, "no-such-dir", &out, &err) == 2);
    CHECK(err.find("no-such-dir") != std::string::npos);
    CHECK(xxgk_test(t, t.path, quote(XXGK_CORPUS_DIR) + " -j 0", &out, &err) == 2);
    CHECK(xxgk_test(t, t.path, quote(XXGK_CORPUS_DIR) + " --only", &out, &err) == 2);
    fs::create_directories(t.path / "empty");
    CHECK(xxgk_test(t, t.path, "empty", &out, &err) == 2);
    CHECK(err.find("no report found") != std::string::npos);
    CHECK(xxgk_test(t, t.path, "--help", &out, &err) == 0);
    CHECK(out.find("usage: xxgk test") == 0);
  }
}
