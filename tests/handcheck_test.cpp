// The seed reports' expected records against values transcribed by hand, independently of the
// code, in tests/handcheck/<seed>.json. A golden file written by the code can only pass here if
// a person reading the source found the same values. Where the hand-checker recorded a second
// reading of an ambiguous row ("alternatives"), either reading is accepted; a value the source
// does not hold ("lost") must then come with an inferred-value or lost-value diagnostic.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json load(const fs::path& p) {
  std::ifstream in(p);
  return json::parse(in);
}

bool has_diagnostic(const json& record, std::string_view row, std::string_view column) {
  for (const auto& d : record["diagnostics"]) {
    auto code = d["code"].get<std::string>();
    auto msg = d["message"].get<std::string>();
    if ((code == "inferred-value" || code == "lost-value") && msg.find(std::string(row) + " ") != std::string::npos &&
        msg.find(column) != std::string::npos)
      return true;
  }
  return false;
}

void compare(const json& hand, const json& golden, const json& alternatives, const std::string& table, int& cells) {
  for (const auto& [row, columns] : hand[table].items()) {
    for (const auto& [column, value] : columns.items()) {
      CAPTURE(table);
      CAPTURE(row);
      CAPTURE(column);
      const auto& actual = golden[table][row][column];
      ++cells;
      if (actual == value) continue;
      const json* alt = nullptr;
      if (alternatives.contains(table) && alternatives[table].contains(row)) alt = &alternatives[table][row];
      if (alt && alt->contains(column)) {
        const auto& a = (*alt)[column];
        if (a == "lost") {
          CHECK_MESSAGE(has_diagnostic(golden, row, column), "a value the source does not hold needs a diagnostic");
          continue;
        }
        CHECK(actual == a);
        continue;
      }
      if (alt) {  // a column the alternative reading does not change
        CHECK(actual == value);
        continue;
      }
      CHECK(actual == value);
    }
  }
}

}  // namespace

TEST_CASE("seed records agree with the hand transcription, value by value") {
  const fs::path dir = fs::path(XXGK_SOURCE_DIR) / "tests" / "handcheck";
  int files = 0, cells = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".json") continue;
    auto name = e.path().stem().string();
    CAPTURE(name);
    auto golden_path = fs::path(XXGK_CORPUS_DIR) / (name + ".txt.expected.json");
    REQUIRE(fs::exists(golden_path));
    auto hand = load(e.path());
    auto golden = load(golden_path);
    CHECK(golden["agency"] == hand["agency"]);
    CHECK(golden["year"] == hand["year"]);
    json alternatives = hand.value("alternatives", json::object());
    compare(hand, golden, alternatives, "active_disclosure", cells);
    compare(hand, golden, alternatives, "applications", cells);
    compare(hand, golden, alternatives, "review_litigation", cells);
    ++files;
  }
  CHECK(files == 5);
  CHECK(cells == 5 * (10 + 25 * 7 + 15));
}
