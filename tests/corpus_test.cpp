// Corpus test: every input in corpus/ is parsed and its canonical record compared, byte for
// byte, with corpus/<input>.expected.json; the exit status with corpus/<input>.status when
// present. Set XXGK_UPDATE_GOLDEN=1 to (re)write every expected file, or XXGK_UPDATE_GOLDEN=TEXT
// for the inputs whose path contains TEXT — then check every changed value by hand against the
// source before committing.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_files.hpp"
#include "xxgk/xxgk.hpp"

namespace fs = std::filesystem;

namespace {

using xxgk::test::slurp;

std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream se(expected), sa(actual);
  std::string le, la;
  for (int line = 1;; ++line) {
    bool ee = !std::getline(se, le), ea = !std::getline(sa, la);
    if (ee && ea) return "";
    if (ee || ea || le != la)
      return "line " + std::to_string(line) + "\n  expected: " + (ee ? "<end>" : le) + "\n  actual:   " + (ea ? "<end>" : la);
  }
}

}  // namespace

TEST_SUITE("corpus") {
  TEST_CASE("every corpus input gives its expected record") {
    const fs::path corpus = XXGK_CORPUS_DIR;
    const std::vector<fs::path> inputs = xxgk::test::corpus_inputs(corpus);
    REQUIRE(inputs.size() >= 5);
    const char* update_env = std::getenv("XXGK_UPDATE_GOLDEN");
    const std::string update_only = update_env && std::string_view(update_env) != "1" ? update_env : "";
    for (const auto& in : inputs) {
      auto rel = fs::relative(in, corpus.parent_path()).generic_string();  // "corpus/…"
      CAPTURE(rel);
      auto result = xxgk::parse_bytes(slurp(in), rel);
      auto actual = xxgk::to_json(result.record, true) + "\n";
      auto expected_path = fs::path(in.string() + ".expected.json");
      auto status_path = fs::path(in.string() + ".status");
      if (update_env && rel.find(update_only) != std::string::npos) {
        std::ofstream(expected_path, std::ios::binary) << actual;
        std::ofstream(status_path) << static_cast<int>(result.status) << "\n";
        continue;
      }
      if (update_env) continue;
      REQUIRE_MESSAGE(fs::exists(expected_path), "no expected record: " << expected_path);
      auto expected = slurp(expected_path);
      auto diff = first_difference(expected, actual);
      CHECK_MESSAGE(diff.empty(), rel << ": record differs at " << diff);
      REQUIRE_MESSAGE(fs::exists(status_path), "no expected status: " << status_path);
      CHECK(static_cast<int>(result.status) == std::stoi(slurp(status_path)));
    }
  }
}
