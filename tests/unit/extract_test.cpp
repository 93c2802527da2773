// The pieces of `xxgk extract`, called directly: CSV quoting and rows, input collection, the
// ordered parallel batch, the summary line and the exit status.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/batch.hpp"
#include "cli/collect.hpp"
#include "cli/extract_util.hpp"
#include "cli/sha256.hpp"
#include "emit/csv.hpp"
#include "test_files.hpp"
#include "xxgk/xxgk.hpp"

namespace fs = std::filesystem;
using namespace xxgk;

namespace {

using xxgk::test::TempDir;

// "f123.txt" (built with fmt: g++ 12 warns falsely on "f" + std::to_string(i)).
std::string numbered(int i) { return fmt::format("f{}.txt", i); }

std::vector<std::string> split_lines(const std::string& s, const std::string& eol) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    auto e = s.find(eol, pos);
    if (e == std::string::npos) e = s.size();
    out.push_back(s.substr(pos, e - pos));
    pos = e + eol.size();
  }
  return out;
}

}  // namespace

TEST_SUITE("extract") {
  TEST_CASE("CSV fields are quoted as RFC 4180 asks, and only then") {
    auto field = [](std::string_view s) {
      std::string out;
      csv::append_field(out, s);
      return out;
    };
    CHECK(field("plain") == "plain");
    CHECK(field("") == "");
    CHECK(field("宝鸡市科学技术局") == "宝鸡市科学技术局");
    CHECK(field(" spaces kept ") == " spaces kept ");
    CHECK(field("a,b") == "\"a,b\"");
    CHECK(field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(field("\"") == "\"\"\"\"");
    CHECK(field("two\nlines") == "\"two\nlines\"");
    CHECK(field("cr\rhere") == "\"cr\rhere\"");
    CHECK(field("crlf\r\n") == "\"crlf\r\n\"");
  }

  TEST_CASE("CSV rows: one per value, the number as written, null empty") {
    Record r;
    r.path = "dir/a,b.txt";
    r.agency = "某\"局\"";
    r.year = 2024;
    init_tables(r);
    *r.find("active_disclosure", "fees", "amount") = Decimal{16, 2};
    *r.find("active_disclosure", "rules", "issued") = Decimal{3, 0};
    *r.find("applications", "new_received", "natural_person") = Decimal{1234, 0};
    std::string out;
    csv::append_rows(out, r);
    auto lines = split_lines(out, "\r\n");
    REQUIRE(lines.size() == 200);  // 10 active disclosure + 25 x 7 applications + 3 x 5 review
    CHECK(out.ends_with("\r\n"));
    CHECK(lines[0] == "\"dir/a,b.txt\",\"某\"\"局\"\"\",2024,active_disclosure,rules,issued,3");
    CHECK(lines[1] == "\"dir/a,b.txt\",\"某\"\"局\"\"\",2024,active_disclosure,rules,repealed,");
    CHECK(lines[9] == "\"dir/a,b.txt\",\"某\"\"局\"\"\",2024,active_disclosure,fees,amount,0.16");
    CHECK(lines[10] == "\"dir/a,b.txt\",\"某\"\"局\"\"\",2024,applications,new_received,natural_person,1234");
    CHECK(lines[199].starts_with("\"dir/a,b.txt\",\"某\"\"局\"\"\",2024,review_litigation,"));
    // Every line has the header's seven fields (quoted commas aside).
    CHECK(csv::kHeader == "path,agency,year,table,row,column,value\r\n");

    Record unknown;  // no agency, no year: empty fields
    unknown.path = "x.txt";
    std::string u;
    csv::append_rows(u, unknown);
    CHECK(u.starts_with("x.txt,,,active_disclosure,rules,issued,\r\n"));
  }

  TEST_CASE("CSV values agree with format_decimal") {
    for (auto d : {Decimal{0, 0}, Decimal{7, 0}, Decimal{1155, 2}, Decimal{5, 2}, Decimal{100, 1}, Decimal{-3, 0}}) {
      Record r;
      r.path = "p";
      init_tables(r);
      *r.find("active_disclosure", "rules", "issued") = d;
      std::string out;
      csv::append_rows(out, r);
      CHECK(split_lines(out, "\r\n")[0] == "p,,,active_disclosure,rules,issued," + format_decimal(d));
    }
  }

  TEST_CASE("inputs: report extensions under directories, any file named, sorted, others counted") {
    TempDir t;
    t.write("b/2.txt", "x");
    t.write("b/1.MD", "x");
    t.write("a/deep/er/3.tsv", "x");
    t.write("a/4.markdown", "x");
    t.write("a/5.pdf", "x");  // reports come as PDF, web pages and Word files too
    t.write("a/6.HTML", "x");
    t.write("a/7.docx", "x");
    t.write("a/skip.png", "x");
    t.write("a/skip.json", "x");
    t.write("c.txt", "x");
    auto named = t.write("other/named.data", "x");
    fs::create_symlink(t.path / "missing.txt", t.path / "a/broken.txt");
    auto in = cli::collect_inputs({(t.path / "b").string(), (t.path / "a").string(), named.string(),
                                   (t.path / "c.txt").string(), (t.path / "b").string()});
    std::vector<std::string> rel;
    for (const auto& f : in.files) rel.push_back(fs::relative(f, t.path).generic_string());
    CHECK(rel == std::vector<std::string>{"a/4.markdown", "a/5.pdf", "a/6.HTML", "a/7.docx", "a/broken.txt",
                                          "a/deep/er/3.tsv", "b/1.MD", "b/2.txt", "c.txt", "other/named.data"});
    CHECK(in.skipped == 2);
    CHECK(in.errors.empty());
    CHECK(std::is_sorted(in.files.begin(), in.files.end()));

    auto missing = cli::collect_inputs({(t.path / "nope").string()});
    CHECK(missing.files.size() == 1);  // the parser reports it as unreadable
  }

  TEST_CASE("batch: items come back in index order whatever the threads and the window") {
    TempDir t;
    std::vector<std::string> paths;
    for (int i = 0; i < 60; ++i) {
      // Sizes vary so that workers finish out of order.
      paths.push_back(t.write(numbered(100 + i), std::string(static_cast<std::size_t>((i * 7919) % 5000), 'a')).string());
    }
    for (unsigned jobs : {1u, 2u, 4u}) {
      for (std::size_t window : {std::size_t{1}, std::size_t{3}, std::size_t{0}}) {
        CAPTURE(jobs);
        CAPTURE(window);
        cli::BatchConfig config;
        config.jobs = jobs;
        config.window = window;
        config.sha256 = true;
        std::atomic<int> prepared{0};
        config.prepare = [&](cli::BatchItem& item) {
          ++prepared;
          item.payload = item.path;
        };
        std::vector<std::size_t> order;
        std::size_t ticks_max = 0;
        cli::run_batch(
            paths, config,
            [&](cli::BatchItem& item) {
              CHECK(item.payload == paths[item.index]);
              CHECK(item.result.record.path == paths[item.index]);
              CHECK(item.sha256.size() == 64);
              CHECK(item.result.text.empty());  // dropped unless keep_text
              order.push_back(item.index);
            },
            [&](std::size_t done) { ticks_max = std::max(ticks_max, done); });
        REQUIRE(order.size() == paths.size());
        for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
        CHECK(prepared == static_cast<int>(paths.size()));
        CHECK(ticks_max == paths.size());
      }
    }
  }

  TEST_CASE("batch: an exception from the consumer stops the workers and propagates") {
    TempDir t;
    std::vector<std::string> paths;
    for (int i = 0; i < 40; ++i) paths.push_back(t.write(numbered(100 + i), "x").string());
    cli::BatchConfig config;
    config.jobs = 2;
    config.window = 4;
    int seen = 0;
    CHECK_THROWS_WITH_AS(cli::run_batch(paths, config,
                                        [&](cli::BatchItem&) {
                                          if (++seen == 5) throw std::runtime_error("disk full");
                                        }),
                         "disk full", std::runtime_error);
    CHECK(seen == 5);
  }

  TEST_CASE("batch: an unreadable file becomes a rejected result, not an exception") {
    cli::BatchConfig config;
    config.sha256 = true;
    auto item = cli::process_file(0, "/nonexistent/xxgk/report.txt", config);
    CHECK(item.result.status == Status::rejected);
    REQUIRE(!item.result.record.diagnostics.empty());
    CHECK(item.result.record.diagnostics[0].code == "unreadable");
    CHECK(item.sha256.empty());
    CHECK(item.bytes == 0);
  }

  TEST_CASE("sha256 of known inputs") {
    CHECK(cli::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(cli::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  TEST_CASE("summary line: tab-separated fields, failed checks and errors named") {
    Record r;
    r.path = "a/b.txt";
    r.agency = "某局";
    r.year = 2023;
    r.layout = "tsv";
    CHECK(cli::summary_line(r, Status::ok) == "a/b.txt\t某局\t2023\ttsv\tok\t-\n");
    r.checks.push_back({"applications.balance", "natural_person", false, 3, 4});
    r.checks.push_back({"applications.balance", "total", true, 4, 4});
    r.diagnostics.push_back({Severity::error, "invalid-value", "'x' is not a number", 3, 4, 0, 0});
    r.diagnostics.push_back({Severity::warning, "missing-row", "w", 0, 0, 0, 0});
    CHECK(cli::summary_line(r, Status::failed) ==
          "a/b.txt\t某局\t2023\ttsv\tfailed\tapplications.balance[natural_person] 3≠4; invalid-value\n");
    Record bad;
    bad.path = "x\ty.txt";  // a tab would shift the columns
    bad.diagnostics.push_back({Severity::error, "unreadable", "cannot read the file: gone", 0, 0, 0, 0});
    CHECK(cli::summary_line(bad, Status::rejected) == "x y.txt\t-\t-\t-\trejected\tunreadable: cannot read the file: gone\n");
    CHECK(cli::rejection_line(bad) == "xxgk extract: x\ty.txt: error: cannot read the file: gone [unreadable]\n");
  }

  TEST_CASE("formats from names and extensions; exit status from the counts") {
    CHECK(cli::format_from_extension("out/r.sqlite") == cli::Format::sqlite);
    CHECK(cli::format_from_extension("r.SQLITE3") == cli::Format::sqlite);
    CHECK(cli::format_from_extension("r.db") == cli::Format::sqlite);
    CHECK(cli::format_from_extension("cells.csv") == cli::Format::csv);
    CHECK(cli::format_from_extension("records.ndjson") == cli::Format::ndjson);
    CHECK(cli::format_from_extension("records.jsonl") == cli::Format::ndjson);
    CHECK(cli::format_from_extension("records.json") == cli::Format::none);
    CHECK(cli::format_from_name("csv") == cli::Format::csv);
    CHECK(cli::format_from_name("xml") == cli::Format::none);

    cli::Counts c;
    CHECK(c.exit_status() == 0);
    c.add(Status::ok);
    CHECK(c.exit_status() == 0);
    c.add(Status::failed);
    CHECK(c.exit_status() == 1);
    c.add(Status::rejected);
    CHECK(c.exit_status() == 2);
    CHECK(c.files == 3);
    cli::Counts d;
    d.add(Status::ok);
    d.unreadable_dirs = 1;
    CHECK(d.exit_status() == 2);
    auto s = cli::final_summary(c, "out.csv");
    CHECK(s.find("3 files") != std::string::npos);
    CHECK(s.find("2 parsed (1 ok, 1 with failed checks or errors), 1 rejected") != std::string::npos);
    CHECK(s.find("wrote out.csv") != std::string::npos);
  }
}
