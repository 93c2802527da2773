// The JSON record's strings: escapes and invalid UTF-8, against a byte-by-byte reference.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "xxgk/xxgk.hpp"

using namespace xxgk;

namespace {

// The string as JSON, one byte or UTF-8 sequence at a time: '"' '\\' and control characters
// escaped, a byte that starts no well-formed sequence (lead byte and continuation bytes) U+FFFD.
std::string reference_json(const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c < 0x20) out += std::string("\\u00") + "0123456789abcdef"[c >> 4] + "0123456789abcdef"[c & 0xF];
      else out += static_cast<char>(c);
      ++i;
      continue;
    }
    const std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok) {
      out += s.substr(i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out + "\"";
}

// The record's "published" string as to_json writes it.
std::string written(const std::string& s) {
  Record r;
  r.published = s;
  const auto json = to_json(r, false);
  const auto from = json.find("\"published\":") + 12;
  return json.substr(from, json.find(",\"index_number\":") - from);
}

}  // namespace

TEST_CASE("json: strings are escaped as the reference does, at every offset and length") {
  // Pieces that need care, spliced into plain runs of every length around the eight-byte steps.
  const std::string pieces[] = {"\"", "\\", "\n", "\r", "\t", "\x01", "\x1f", "\x7f", "中", "中文字", "é",
                                "\xF0\x9F\x98\x80", "\xE4\xB8", "\xE4", "\xB8", "\xC0\x80", "\xFF", "\xF8\x88\x80\x80\x80"};
  for (const auto& piece : pieces)
    for (std::size_t before = 0; before < 18; ++before)
      for (std::size_t after = 0; after < 18; after += 3) {
        const auto s = std::string(before, 'a') + piece + std::string(after, 'b');
        CHECK(written(s) == reference_json(s));
      }
}

TEST_CASE("json: random bytes are escaped as the reference does") {
  const std::string alphabet[] = {"a", " ", "\"", "\\", "\n", "\x02", "中", "\xE4\xB8", "\xB8", "\xC3\xA9", "\xF0\x9F\x98\x80", "\xFF"};
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const auto n = random() % 40 + 1;
    for (std::size_t i = 0; i < n; ++i) s += alphabet[random() % std::size(alphabet)];
    CHECK(written(s) == reference_json(s));
  }
}
