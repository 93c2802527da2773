// The corpus as the corpus and mutation tests see it: every file under corpus/ but the expected
// records, statuses and READMEs is an input.
#pragma once

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

inline bool is_corpus_input(const std::filesystem::path& p) {
  auto name = p.filename().string();
  return std::filesystem::is_regular_file(p) && !name.ends_with(".expected.json") && !name.ends_with(".status") &&
         name != "README.md";
}

// Every input under `corpus`, sorted by path.
inline std::vector<std::filesystem::path> corpus_inputs(const std::filesystem::path& corpus) {
  std::vector<std::filesystem::path> inputs;
  for (const auto& e : std::filesystem::recursive_directory_iterator(corpus))
    if (is_corpus_input(e.path())) inputs.push_back(e.path());
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace xxgk::test
