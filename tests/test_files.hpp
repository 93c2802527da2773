// Files for the tests: reading one whole, a temporary directory, and the corpus as the corpus and
// mutation tests see it (every file under corpus/ but the expected records, statuses and READMEs
// is an input).
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace xxgk::test {

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A word for sh: in single quotes, a quote inside written '\''.
inline std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline bool is_corpus_input(const std::filesystem::path& p) {
  auto name = p.filename().string();
  return std::filesystem::is_regular_file(p) && !name.ends_with(".expected.json") && !name.ends_with(".status") &&
         name != "README.md";
}

// A fresh directory under the system's temporary directory, removed (whatever permissions a test
// left on it) at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "xxgk-test-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Write `bytes` to `rel` under the directory, creating its parents.
  std::filesystem::path write(const std::string& rel, const std::string& bytes) const {
    auto p = path / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
};

// Every input under `corpus`, sorted by path.
inline std::vector<std::filesystem::path> corpus_inputs(const std::filesystem::path& corpus) {
  std::vector<std::filesystem::path> inputs;
  for (const auto& e : std::filesystem::recursive_directory_iterator(corpus))
    if (is_corpus_input(e.path())) inputs.push_back(e.path());
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace xxgk::test
