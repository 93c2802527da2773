// Tests for xxgk::io::decode: detection, conversion, BOM/NUL handling, forced encodings, robustness.
#include "io/decode.hpp"

#include <doctest/doctest.h>
#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using xxgk::io::decode;
using xxgk::io::Decoded;

namespace {

// A snippet in the style of a report (mixes Chinese, digits, full-width punctuation, newlines).
const std::string kSnippet =
    "宝鸡市科学技术局\n\n2024 年政府信息公开工作年度报告\n\n一、总体情况\n\n"
    "2024 年，宝鸡市科技局坚持以习近平新时代中国特色社会主义思想为指引，进一步深入推进政务公开制度建设。\n"
    "（一）主动公开情况：网站共发布信息 603 条，其中原创性科技动态 108 条、通知公告 68 条。\n";

// Converts with iconv(3) for building test inputs; nullopt when the bytes do not convert.
std::optional<std::string> iconv_convert(std::string_view in, const char* from, const char* to) {
  iconv_t cd = iconv_open(to, from);
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(in.size() * 4 + 16, '\0');
  char* ip = const_cast<char*>(in.data());
  std::size_t il = in.size();
  char* op = out.data();
  std::size_t ol = out.size();
  const std::size_t r = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) return std::nullopt;
  out.resize(out.size() - ol);
  return out;
}

std::string encode(std::string_view utf8, const char* to) {
  auto r = iconv_convert(utf8, "UTF-8", to);
  REQUIRE(r.has_value());
  return *r;
}

bool valid_utf8(std::string_view s) { return iconv_convert(s, "UTF-8", "UTF-32LE").has_value(); }

std::filesystem::path data_dir() {
#ifdef XXGK_TEST_DATA_DIR
  return std::filesystem::path(XXGK_TEST_DATA_DIR) / "encoding";
#elif defined(XXGK_SOURCE_DIR)
  return std::filesystem::path(XXGK_SOURCE_DIR) / "tests" / "data" / "encoding";
#else
  return std::filesystem::path(__FILE__).parent_path().parent_path() / "data" / "encoding";
#endif
}

std::string read_data(const char* name) {
  const auto p = data_dir() / name;
  std::ifstream f(p, std::ios::binary);
  INFO("test data file: ", p.string());
  REQUIRE(f.good());
  return std::string(std::istreambuf_iterator<char>(f), {});
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  std::string r;
  std::size_t pos = 0;
  for (std::size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size()) {
    r.append(s, pos, hit - pos);
    r += to;
  }
  r.append(s, pos);
  return r;
}

void check_ok(const Decoded& d, std::string_view text, std::string_view encoding) {
  INFO("error: ", d.error);
  REQUIRE(d.ok);
  CHECK(d.error.empty());
  CHECK(d.encoding == encoding);
  CHECK(d.text == text);
}

}  // namespace

TEST_SUITE("decode") {
  TEST_CASE("empty input is empty UTF-8") {
    const Decoded d = decode("");
    check_ok(d, "", "UTF-8");
    CHECK(d.removed_nul == 0);
  }

  TEST_CASE("ASCII and UTF-8 pass through") {
    check_ok(decode("hello, world\n"), "hello, world\n", "UTF-8");
    check_ok(decode(kSnippet), kSnippet, "UTF-8");
    check_ok(decode("年"), "年", "UTF-8");  // short valid UTF-8 is never relabelled
  }

  TEST_CASE("UTF-8 BOM is stripped") {
    const Decoded d = decode("\xEF\xBB\xBF" + kSnippet);
    check_ok(d, kSnippet, "UTF-8");
    check_ok(decode("\xEF\xBB\xBF"), "", "UTF-8");
    // Only one BOM is a BOM; a second U+FEFF is text.
    check_ok(decode("\xEF\xBB\xBF\xEF\xBB\xBFx"), "\xEF\xBB\xBFx", "UTF-8");
  }

  TEST_CASE("GB18030, GBK and GB2312 bytes decode as GB18030") {
    check_ok(decode(encode(kSnippet, "GB18030")), kSnippet, "GB18030");
    check_ok(decode(encode(kSnippet, "GBK")), kSnippet, "GB18030");
    check_ok(decode(encode(kSnippet, "GB2312")), kSnippet, "GB18030");
    // Short texts where the detector says little or nothing.
    for (const char* s : {"一、总体情况", "年度报告", "政府信息公开", "表", "（二）"}) {
      CAPTURE(s);
      check_ok(decode(encode(s, "GBK")), s, "GB18030");
    }
    // A character outside GBK needs GB18030's four-byte form.
    const std::string rare = "𠀀 and € and 䶮";
    check_ok(decode(encode(rare, "GB18030")), rare, "GB18030");
  }

  TEST_CASE("UTF-16 with BOM") {
    check_ok(decode(encode(kSnippet, "UTF-16LE").insert(0, "\xFF\xFE")), kSnippet, "UTF-16LE");
    check_ok(decode(encode(kSnippet, "UTF-16BE").insert(0, "\xFE\xFF")), kSnippet, "UTF-16BE");
    // glibc's "UTF-16" writes a BOM itself (Word's "Unicode text" is the LE form).
    const Decoded d = decode(encode(kSnippet, "UTF-16"));
    REQUIRE(d.ok);
    CHECK(d.text == kSnippet);
    CHECK(d.encoding.rfind("UTF-16", 0) == 0);
    // Supplementary characters (surrogate pairs).
    check_ok(decode(encode("𠀀😀", "UTF-16LE").insert(0, "\xFF\xFE")), "𠀀😀", "UTF-16LE");
  }

  TEST_CASE("UTF-16 without BOM is found by its NUL pattern") {
    check_ok(decode(encode(kSnippet, "UTF-16LE")), kSnippet, "UTF-16LE");
    check_ok(decode(encode(kSnippet, "UTF-16BE")), kSnippet, "UTF-16BE");
    check_ok(decode(encode("Annual report 2024\r\n", "UTF-16LE")), "Annual report 2024\r\n", "UTF-16LE");
  }

  TEST_CASE("UTF-16 with BOM cut inside its last character: the text before it, and the cut counted") {
    std::string bytes = encode("年度报告", "UTF-16LE").insert(0, "\xFF\xFE");
    bytes += 'x';
    const Decoded d = decode(bytes);
    check_ok(d, "年度报告", "UTF-16LE");
    CHECK(d.cut_bytes == 1);
  }

  TEST_CASE("UTF-8 cut inside its last character: the text before it, and the cut counted") {
    const std::string text = "三门峡市科学技术局2025年";
    for (std::size_t drop = 1; drop <= 2; ++drop) {  // 年 is three bytes
      const Decoded d = decode(text.substr(0, text.size() - drop));
      check_ok(d, text.substr(0, text.size() - 3), "UTF-8");
      CHECK(d.cut_bytes == 3 - drop);
    }
    const Decoded gb = decode(encode("三门峡市科学技术局年度报告", "GB18030").substr(0, 25));  // 12 characters and a half
    check_ok(gb, "三门峡市科学技术局年度报", "GB18030");
    CHECK(gb.cut_bytes == 1);
  }

  TEST_CASE("UTF-32 with BOM") {
    check_ok(decode(encode(kSnippet, "UTF-32LE").insert(0, std::string("\xFF\xFE\x00\x00", 4))), kSnippet,
             "UTF-32LE");
    check_ok(decode(encode(kSnippet, "UTF-32BE").insert(0, std::string("\x00\x00\xFE\xFF", 4))), kSnippet,
             "UTF-32BE");
  }

  TEST_CASE("GB18030 BOM is stripped") {
    check_ok(decode(encode("\xEF\xBB\xBF" + kSnippet, "GB18030")), kSnippet, "GB18030");
  }

  TEST_CASE("NUL characters are removed and counted") {
    Decoded d = decode(std::string("ab\0c\0\0d", 7));
    check_ok(d, "abcd", "UTF-8");
    CHECK(d.removed_nul == 3);

    d = decode(std::string(4, '\0'));
    check_ok(d, "", "UTF-8");
    CHECK(d.removed_nul == 4);

    std::string gb = encode(kSnippet, "GB18030");
    gb.insert(gb.find('\n', gb.size() / 2) + 1, 1, '\0');  // after an ASCII byte: between characters
    gb += '\0';
    d = decode(gb);
    check_ok(d, kSnippet, "GB18030");
    CHECK(d.removed_nul == 2);

    const std::string u16 = "\xFF\xFE" + encode(std::string("A\0B", 3), "UTF-16LE");
    d = decode(u16);
    check_ok(d, "AB", "UTF-16LE");
    CHECK(d.removed_nul == 1);
  }

  TEST_CASE("line endings are left as written") {
    const std::string crlf = replace_all(kSnippet, "\n", "\r\n");
    const std::string cr = replace_all(kSnippet, "\n", "\r");
    check_ok(decode(crlf), crlf, "UTF-8");
    check_ok(decode(cr), cr, "UTF-8");
    check_ok(decode(encode(crlf, "GB18030")), crlf, "GB18030");
    check_ok(decode(encode(cr, "UTF-16LE").insert(0, "\xFF\xFE")), cr, "UTF-16LE");
  }

  TEST_CASE("forced encoding") {
    const std::string gbk = encode(kSnippet, "GBK");
    check_ok(decode(gbk, "GBK"), kSnippet, "GBK");
    check_ok(decode(gbk, "gb18030"), kSnippet, "GB18030");
    check_ok(decode(kSnippet, "UTF-8"), kSnippet, "UTF-8");
    check_ok(decode("\xEF\xBB\xBF" + kSnippet, "utf8"), kSnippet, "UTF-8");
    // Forcing overrides detection: valid UTF-8 bytes read as Latin-1.
    check_ok(decode("\xC3\xA9", "ISO-8859-1"), "\xC3\x83\xC2\xA9", "ISO-8859-1");
    // A BOM passed through by the forced decoder is still removed.
    check_ok(decode(encode(kSnippet, "UTF-16LE").insert(0, "\xFF\xFE"), "UTF-16LE"), kSnippet, "UTF-16LE");
    check_ok(decode(encode(kSnippet, "UTF-16BE").insert(0, "\xFE\xFF"), "UTF-16"), kSnippet, "UTF-16");
    // NULs are removed in forced mode too.
    const Decoded d = decode(std::string("a\0b", 3), "GBK");
    check_ok(d, "ab", "GBK");
    CHECK(d.removed_nul == 1);
  }

  TEST_CASE("forced unknown encoding fails clearly") {
    Decoded d = decode("abc", "NO-SUCH-ENCODING");
    CHECK_FALSE(d.ok);
    CHECK(d.error == "unknown encoding: NO-SUCH-ENCODING");
    d = decode("abc", "GBK//IGNORE");  // iconv suffixes are not encodings
    CHECK_FALSE(d.ok);
    CHECK(d.error.find("unknown encoding") == 0);
    d = decode("abc", std::string_view("GBK\0x", 5));
    CHECK_FALSE(d.ok);
    CHECK(d.error.find("unknown encoding") == 0);
  }

  TEST_CASE("forced encoding with bytes that do not convert names the offset") {
    Decoded d = decode("abc\xFF" "def", "UTF-8");
    CHECK_FALSE(d.ok);
    CHECK(d.error == "cannot decode as UTF-8: invalid byte sequence at byte 3");

    d = decode("ab\xED\xA0\x80", "UTF-8");  // encoded surrogate
    CHECK_FALSE(d.ok);
    CHECK(d.error == "cannot decode as UTF-8: invalid byte sequence at byte 2");

    d = decode("ab\xE5\xB9", "UTF-8");  // cut off at the end: kept up to the cut
    CHECK(d.ok);
    CHECK(d.text == "ab");
    CHECK(d.cut_bytes == 2);

    const std::string gbk = encode("年度报告", "GBK");  // 8 bytes
    d = decode(gbk + "\xFF" + gbk, "GBK");
    CHECK_FALSE(d.ok);
    CHECK(d.error == "cannot decode as GBK: invalid byte sequence at byte 8");
  }

  TEST_CASE("damaged UTF-8 in auto mode fails with the offset instead of becoming mojibake") {
    std::string bytes = kSnippet;
    const std::size_t pos = bytes.find("一、");
    bytes.insert(pos, 1, '\xFF');  // (not the const char* overload: GCC 12 -Wrestrict false positive)
    const Decoded d = decode(bytes);
    CHECK_FALSE(d.ok);
    CHECK(d.error == "cannot decode as UTF-8: invalid byte sequence at byte " + std::to_string(pos));
  }

  TEST_CASE("UTF-8's edge sequences: valid ones read, ill-formed ones found at their byte, at any offset") {
    // The fast validation (simdjson) and the scan that locates errors must agree on every form:
    // each sequence is put at every offset of a 64-byte window inside a report's text.
    const std::string_view valid[] = {"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80",
                                      "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"};
    const std::string_view invalid[] = {"\xC0\x80", "\xC1\xBF", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF",
                                        "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\x80",
                                        "\xE4\xB8", "\xFE"};
    for (std::size_t at = 0; at < 64; ++at) {
      const std::string before = kSnippet + std::string(at, 'a'), after = "b" + kSnippet;
      for (auto v : valid) {
        CAPTURE(at);
        check_ok(decode(before + std::string(v) + after), before + std::string(v) + after, "UTF-8");
      }
      for (auto v : invalid) {
        CAPTURE(at);
        const Decoded d = decode(before + std::string(v) + after);
        CHECK_FALSE(d.ok);
        CHECK(d.error == "cannot decode as UTF-8: invalid byte sequence at byte " + std::to_string(before.size()));
      }
    }
  }

  TEST_CASE("bytes valid in no candidate fail with an offset") {
    // 0xFF is invalid as UTF-8 and as GB18030; 0x80 likewise.
    const Decoded d = decode(encode("年度报告", "GBK") + "\x80\xFF\x80\xFF");
    if (!d.ok) {
      CHECK(d.error.find("at byte ") != std::string::npos);
    } else {
      CHECK(valid_utf8(d.text));  // a single-byte fallback is allowed, but must be sane
    }
  }

  TEST_CASE("test data files decode to the same text") {
    const Decoded ref = decode(read_data("utf8-bom.txt"));
    REQUIRE(ref.ok);
    CHECK(ref.encoding == "UTF-8");
    CHECK(ref.text.rfind("\n\n宝鸡市科学技术局\n", 0) == 0);
    CHECK(ref.text.find("政府信息公开") != std::string::npos);
    CHECK(ref.text.find('\r') == std::string::npos);

    check_ok(decode(read_data("gb18030.txt")), ref.text, "GB18030");
    check_ok(decode(read_data("utf16le-bom.txt")), ref.text, "UTF-16LE");
    check_ok(decode(read_data("utf16be-bom.txt")), ref.text, "UTF-16BE");
    check_ok(decode(read_data("crlf.txt")), replace_all(ref.text, "\n", "\r\n"), "UTF-8");
    check_ok(decode(read_data("cr.txt")), replace_all(ref.text, "\n", "\r"), "UTF-8");
  }

  TEST_CASE("large input decodes in linear time") {
    std::string big;
    while (big.size() < (std::size_t{8} << 20)) big += kSnippet;
    const std::string gb = encode(big, "GB18030");
    check_ok(decode(gb), big, "GB18030");
    check_ok(decode(big), big, "UTF-8");
  }

  TEST_CASE("arbitrary bytes never crash and give sane results") {
    std::mt19937 rng(20240601);
    const std::string gb = encode(kSnippet, "GB18030");
    const std::string u16 = encode(kSnippet, "UTF-16LE");
    const std::vector<std::string> seeds = {kSnippet, gb, u16, "\xFF\xFE" + u16, "\xEF\xBB\xBF" + kSnippet};
    const char* forced[] = {"", "", "", "GBK", "UTF-8", "UTF-16", "BIG5", "ISO-2022-CN", "HZ-GB-2312", "UTF-32"};
    for (int iter = 0; iter < 3000; ++iter) {
      std::string bytes;
      const int kind = iter % 4;
      if (kind == 0) {  // uniform noise
        bytes.resize(rng() % 300);
        for (char& c : bytes) c = static_cast<char>(rng());
      } else if (kind == 1) {  // high bytes and NULs
        bytes.resize(rng() % 300);
        for (char& c : bytes) c = static_cast<char>(rng() % 3 == 0 ? 0 : 0x80 | rng());
      } else {  // mutated real text
        bytes = seeds[rng() % seeds.size()];
        const int edits = 1 + static_cast<int>(rng() % 8);
        for (int e = 0; e < edits && !bytes.empty(); ++e) {
          const std::size_t pos = rng() % bytes.size();
          switch (rng() % 3) {
            case 0: bytes[pos] = static_cast<char>(rng()); break;
            case 1: bytes.erase(pos, 1 + rng() % 4); break;
            default: bytes.resize(pos); break;
          }
        }
      }
      const char* f = forced[rng() % std::size(forced)];
      CAPTURE(iter);
      CAPTURE(f);
      const Decoded d = decode(bytes, f);
      if (d.ok) {
        CHECK(d.error.empty());
        CHECK_FALSE(d.encoding.empty());
        CHECK(d.text.find('\0') == std::string::npos);
        CHECK(valid_utf8(d.text));
        CHECK(d.text.rfind("\xEF\xBB\xBF", 0) != 0);
      } else {
        INFO("error: ", d.error);
        CHECK((d.error.find(" at byte ") != std::string::npos || d.error.rfind("unknown encoding: ", 0) == 0));
      }
    }
  }
}
