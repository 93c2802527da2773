// xxgk-example REPORT: the agency, the year, the template, the applications received and the
// failed checks of one report, through the installed library (docs/library.md).
#include <xxgk/xxgk.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: xxgk-example REPORT\n");
    return 2;
  }
  const xxgk::ParseResult result = xxgk::parse_file(argv[1]);
  if (result.status == xxgk::Status::rejected) {
    std::fputs(xxgk::render_diagnostics(result.record, result.text).c_str(), stderr);
    return 2;
  }
  const auto& r = result.record;
  std::printf("agency: %s\nyear: %d\ntemplate: %s\n", r.agency.c_str(), r.year.value_or(0), r.template_version.c_str());
  xxgk::for_each_cell(r, [](std::string_view table, std::string_view row, std::string_view column, const xxgk::Value& v) {
    if (table == "applications" && row == "new_received" && column == "total")
      std::printf("applications.new_received.total: %s\n", v ? xxgk::format_decimal(*v).c_str() : "null");
  });
  int failed = 0;
  for (const auto& c : r.checks) failed += !c.pass;
  std::printf("checks: %zu, failed: %d\n", r.checks.size(), failed);
  return static_cast<int>(result.status);
}
