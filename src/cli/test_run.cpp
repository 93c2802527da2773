#include "cli/test_run.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "cli/batch.hpp"
#include "cli/collect.hpp"

namespace fs = std::filesystem;

namespace xxgk::cli {

namespace {

constexpr std::string_view kExpected = ".expected.json";
constexpr std::string_view kStatus = ".status";

void walk(const fs::path& dir, TestInputs& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    out.errors.push_back(dir.string() + ": " + ec.message());
    return;
  }
  std::vector<fs::path> files;
  std::set<std::string> names;
  for (const fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      out.errors.push_back(dir.string() + ": " + ec.message());
      return;
    }
    const auto& entry = *it;
    auto name = entry.path().filename().string();
    if (name.starts_with(".")) continue;
    std::error_code tec;
    const bool link = entry.is_symlink(tec);
    if (!link && entry.is_directory(tec)) {
      walk(entry.path(), out);
    } else if (link || entry.is_regular_file(tec)) {
      files.push_back(entry.path());
      names.insert(std::move(name));
    }
  }
  for (const auto& f : files) {
    const auto name = f.filename().string();
    if (name.ends_with(kExpected)) {
      if (!names.count(name.substr(0, name.size() - kExpected.size()))) out.missing.push_back(f.string());
    } else if (name.ends_with(kStatus)) {
      continue;
    } else if (names.count(std::string(name).append(kExpected)) || (has_input_extension(f) && !is_not_report_name(name))) {
      out.reports.push_back(f.string());
    }
  }
}

}  // namespace

TestInputs find_test_inputs(const std::vector<std::string>& paths) {
  TestInputs out;
  for (const auto& p : paths) {
    std::error_code ec;
    const auto st = fs::status(p, ec);
    if (fs::is_directory(st)) walk(p, out);
    else if (fs::exists(st)) out.reports.push_back(p);
    else out.errors.push_back(p + ": " + (ec ? ec.message() : std::string("no such file or directory")));
  }
  for (auto* v : {&out.reports, &out.missing}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  return out;
}

void run_tests(const std::vector<std::string>& reports, const TestConfig& config,
               const std::function<void(testing::ReportCheck&)>& consume) {
  BatchConfig batch;
  batch.jobs = std::max(1u, config.jobs);
  batch.parse.positions = true;  // where each actual value was read, for the differences
  batch.keep_record = false;
  batch.names.reserve(reports.size());
  for (const auto& r : reports) batch.names.push_back(testing::report_name(r, config.base));
  // Each worker fills its item's slot; the calling thread reads it once run_batch hands the
  // item over (after the worker has released it).
  std::vector<testing::ReportCheck> checks(reports.size());
  batch.prepare = [&](BatchItem& item) { checks[item.index] = testing::check_report(item.path, item.result, config.filter); };
  run_batch(reports, batch, [&](BatchItem& item) {
    consume(checks[item.index]);
    checks[item.index] = testing::ReportCheck{};
  });
}

}  // namespace xxgk::cli
