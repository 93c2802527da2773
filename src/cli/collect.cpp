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
    std::error_code sec;
    auto st = entry.symlink_status(sec);
    if (sec) {
      out.errors.push_back(entry.path().string() + ": " + sec.message());
      continue;
    }
    if (fs::is_directory(st)) {
      walk(entry.path(), out);
    } else if (has_input_extension(entry.path()) && (fs::is_regular_file(st) || fs::is_symlink(st))) {
      out.files.push_back(entry.path().string());
    } else {
      ++out.skipped;
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

Inputs collect_inputs(const std::vector<std::string>& args) {
  Inputs out;
  for (const auto& a : args) {
    std::error_code ec;
    if (fs::is_directory(a, ec)) walk(a, out);
    else out.files.push_back(a);
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

}  // namespace xxgk::cli
