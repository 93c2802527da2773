// `xxgk test`'s reports and its run, kept apart from the command so that the project's corpus test
// runs the very same code (tests/corpus_test.cpp): which files are reports, and each one parsed
// in parallel and checked against its expected record (xxgk/testing.hpp, docs/testing.md).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "xxgk/testing.hpp"

namespace xxgk::cli {

struct TestInputs {
  std::vector<std::string> reports;  // sorted by path (byte order), no duplicates
  std::vector<std::string> missing;  // REPORT.expected.json files with no REPORT beside them
  std::vector<std::string> errors;   // "PATH: reason" for a path that does not exist or a directory that cannot be read
};

// Each argument that is a directory is walked recursively (symbolic links to directories are
// not followed; names starting with '.' are skipped); any other existing path is a report. Under
// a directory, a file is a report when REPORT.expected.json is beside it (whatever its
// extension), or when it has a report extension (cli/collect.hpp: .txt .md .pdf .docx .html …)
// and is not a README; REPORT.expected.json and REPORT.status are never reports.
TestInputs find_test_inputs(const std::vector<std::string>& paths);

struct TestConfig {
  unsigned jobs = 1;         // worker threads
  std::string base;          // reports are parsed under their path relative to base ("": the current directory)
  testing::KeyFilter filter;
};

// Parse and check every report, `config.jobs` at a time; `consume` is called on the calling
// thread for each, in the order of `reports`.
void run_tests(const std::vector<std::string>& reports, const TestConfig& config,
               const std::function<void(testing::ReportCheck&)>& consume);

}  // namespace xxgk::cli
