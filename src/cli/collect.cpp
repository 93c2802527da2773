#include "cli/collect.hpp"

#include <algorithm>
#include <system_error>

namespace fs = std::filesystem;

namespace xxgk::cli {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

void walk(const fs::path& dir, Inputs& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    out.errors.push_back(dir.string() + ": " + ec.message());
    return;
  }
  for (const fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      out.errors.push_back(dir.string() + ": " + ec.message());
      return;
    }
    const auto& entry = *it;
    // The type readdir(3) gave is cached in the entry: no stat(2) per file. A symbolic link is
    // not followed (not into directories, and a broken one is an input reported as unreadable).
    std::error_code tec;
    const bool link = entry.is_symlink(tec);
    if (!link && entry.is_directory(tec)) {
      walk(entry.path(), out);
    } else if (has_input_extension(entry.path()) && is_not_report_name(entry.path().filename().string())) {
      out.not_reports.push_back(entry.path().string());
    } else if (has_input_extension(entry.path()) && (link || entry.is_regular_file(tec))) {
      out.files.push_back(entry.path().string());
    } else {
      ++out.skipped;
      auto ext = entry.path().extension().string();
      for (auto& c : ext) c = lower(c);
      ++out.skipped_kinds[ext];
    }
  }
}

}  // namespace

bool has_input_extension(const fs::path& path) {
  const auto ext = path.extension().string();
  for (auto e : kInputExtensions)
    if (iequals(ext, e)) return true;
  return false;
}

bool is_not_report_name(std::string_view name) {
  if (name.starts_with(".")) return true;
  std::string n(name);
  for (auto& c : n) c = lower(c);
  return n == "readme" || n.starts_with("readme.");
}

Inputs collect_inputs(const std::vector<std::string>& args) {
  Inputs out;
  for (const auto& a : args) {
    std::error_code ec;
    if (fs::is_directory(a, ec)) walk(a, out);
    else out.files.push_back(a);
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  std::sort(out.not_reports.begin(), out.not_reports.end());
  out.not_reports.erase(std::unique(out.not_reports.begin(), out.not_reports.end()), out.not_reports.end());
  return out;
}

}  // namespace xxgk::cli
