// Corpus test: every report under corpus/ gives its expected record and exit status, beside it
// (corpus/<input>.expected.json, corpus/<input>.status). It runs the code of `xxgk test corpus`
// (src/cli/test_run.cpp, src/testing/compare.cpp; docs/testing.md): the same reports, each parsed
// under its path relative to the source directory ("corpus/pdf/x.pdf") as `xxgk test corpus`
// names it from there, compared key by key; a report that differs fails with the differences.
//
// To (re)write expected records, from the source directory: `build/xxgk test --update corpus`
// (or a subdirectory, or one report); XXGK_UPDATE_GOLDEN=1 here does the same, and
// XXGK_UPDATE_GOLDEN=TEXT for the reports whose path contains TEXT. Then check every changed
// value by hand against the source (git diff corpus/) before committing.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/batch.hpp"
#include "cli/test_run.hpp"
#include "test_files.hpp"
#include "xxgk/testing.hpp"

namespace fs = std::filesystem;

TEST_SUITE("corpus") {
  TEST_CASE("every corpus input gives its expected record") {
    const auto inputs = xxgk::cli::find_test_inputs({XXGK_CORPUS_DIR});
    REQUIRE(inputs.errors.empty());
    CHECK_MESSAGE(inputs.missing.empty(), "an expected record without its report: " << inputs.missing.front());
    // Every input of the corpus, whatever its extension (a .png, a .bin), is a report.
    std::vector<std::string> all;
    for (const auto& p : xxgk::test::corpus_inputs(XXGK_CORPUS_DIR)) all.push_back(p.string());
    std::sort(all.begin(), all.end());
    CHECK(inputs.reports == all);
    REQUIRE(inputs.reports.size() >= 5);

    const char* update_env = std::getenv("XXGK_UPDATE_GOLDEN");
    const std::string update_only = update_env && std::string_view(update_env) != "1" ? update_env : "";
    xxgk::cli::TestConfig config;
    config.jobs = xxgk::cli::hardware_jobs();
    config.base = XXGK_SOURCE_DIR;
    std::size_t seen = 0;
    xxgk::cli::run_tests(inputs.reports, config, [&](xxgk::testing::ReportCheck& c) {
      ++seen;
      CAPTURE(c.name);
      CHECK(c.name.starts_with("corpus/"));
      if (update_env) {
        if (c.outcome != xxgk::testing::Outcome::pass && c.name.find(update_only) != std::string::npos) {
          auto error = xxgk::testing::write_expected(c);
          CHECK_MESSAGE(error.empty(), error);
          MESSAGE("written: " << c.name);
        }
        return;
      }
      CHECK_MESSAGE(c.outcome == xxgk::testing::Outcome::pass, "\n" << xxgk::testing::render(c));
    });
    CHECK(seen == inputs.reports.size());
  }
}
