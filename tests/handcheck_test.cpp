// Expected records against values transcribed by hand, independently of the code, in
// tests/handcheck/<name>.json: the seeds (corpus/<name>.txt) and the real PDFs. A transcription
// lists the corpus records it checks ("records"; the seed's own by default): a real PDF and its
// pdftotext text, a seed and the PDFs made from it (scripts/make-pdf-corpus.py). A golden file
// written by the code can only pass here if a person reading the source found the same values. Where the hand-checker recorded a second
// reading of an ambiguous row ("alternatives"), either reading is accepted; a value the source
// does not hold ("lost") must then come with an inferred-value or lost-value diagnostic.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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

TEST_CASE("records agree with the hand transcription, value by value") {
  const fs::path dir = fs::path(XXGK_SOURCE_DIR) / "tests" / "handcheck";
  int files = 0, records = 0, cells = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".json") continue;
    auto name = e.path().stem().string();
    CAPTURE(name);
    auto hand = load(e.path());
    std::vector<std::pair<std::string, bool>> checked;  // record, and whether its zeros are blank
    for (const auto& r : hand.value("records", json::array({name + ".txt"}))) checked.push_back({r.get<std::string>(), false});
    // Records of the same report with 表三's zeros left blank in the rows that have another
    // number (corpus/pdf/blank-zeros): those cells are null.
    for (const auto& r : hand.value("records_blank_zeros", json::array())) checked.push_back({r.get<std::string>(), true});
    for (const auto& [rel, blank_zeros] : checked) {
      CAPTURE(rel);
      auto golden_path = fs::path(XXGK_CORPUS_DIR) / (rel + ".expected.json");
      REQUIRE(fs::exists(golden_path));
      auto golden = load(golden_path);
      CHECK(golden["agency"] == hand["agency"]);
      CHECK(golden["year"] == hand["year"]);
      json alternatives = hand.value("alternatives", json::object());
      json expected = hand;
      if (blank_zeros)
        for (auto& [row, columns] : expected["applications"].items()) {
          bool other = false;
          for (const auto& [column, value] : columns.items()) other = other || (value.is_number() && value != 0);
          for (auto& [column, value] : columns.items())
            if (other && value == 0) value = nullptr;
        }
      const int before = cells;
      compare(expected, golden, alternatives, "active_disclosure", cells);
      compare(expected, golden, alternatives, "applications", cells);
      compare(expected, golden, alternatives, "review_litigation", cells);
      CHECK(cells - before >= 10 + 25 * 7 + 15);  // every value of the record
      ++records;
    }
    ++files;
  }
  CHECK(files == 8);     // the five seeds and the three real PDFs
  CHECK(records == 27);  // and the PDFs' pdftotext texts, and the PDFs made from the seeds and 淮安市 2024
}
