// Fuzz input decoding: xxgk::io::decode on arbitrary bytes, detected and forced.
//
// Checks, besides the sanitizers:
//   - a successful decode gives well-formed UTF-8 without NUL characters and names its encoding;
//   - a failed decode says why;
//   - bytes that decode as UTF-8 come back unchanged but for a leading BOM, the NULs and a
//     character cut off by the end (at most 3 bytes, counted in cut_bytes), and removed_nul
//     counts exactly those NULs;
//   - decoding is deterministic.
// The first input byte chooses a forced encoding for a second decode (0 = none), so that the
// iconv paths for named encodings are fuzzed as well.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "io/decode.hpp"

namespace {

constexpr std::string_view kForced[] = {
    "",         "UTF-8",    "utf8",     "GB18030", "GBK",       "UTF-16LE", "UTF-16BE",
    "UTF-16",   "UTF-32LE", "UTF-32BE", "BIG5",    "ISO-8859-1", "WINDOWS-1252", "HZ-GB-2312",
    "ISO-2022-CN", "UTF-7", "no-such-encoding", "UTF-8//IGNORE", "",
};

void check(std::string_view bytes, std::string_view forced) {
  const xxgk::io::Decoded d = xxgk::io::decode(bytes, forced);
  if (!d.ok) {
    FUZZ_CHECK(!d.error.empty(), "decode failed without saying why (encoding '%s')", d.encoding.c_str());
    return;
  }
  FUZZ_CHECK(!d.encoding.empty(), "decoded without naming the encoding");
  const auto bad = xxgk::fuzz::first_invalid_utf8(d.text);
  FUZZ_CHECK(bad == std::string_view::npos, "decoded text (from %s) is not UTF-8 at byte %zu", d.encoding.c_str(),
             bad);
  FUZZ_CHECK(d.text.find('\0') == std::string::npos, "decoded text (from %s) holds a NUL", d.encoding.c_str());
  FUZZ_CHECK(d.text.size() <= bytes.size() * 4 + 4, "decoded text grew from %zu to %zu bytes", bytes.size(),
             d.text.size());

  if (d.encoding == "UTF-8") {
    std::string_view in = bytes;
    FUZZ_CHECK(d.cut_bytes <= 3 && d.cut_bytes <= in.size(), "UTF-8 cut_bytes is %zu", d.cut_bytes);
    in.remove_suffix(d.cut_bytes);
    if (in.starts_with("\xEF\xBB\xBF")) in.remove_prefix(3);
    std::string expected;
    for (char c : in)
      if (c != '\0') expected += c;
    const auto nuls = static_cast<std::size_t>(std::count(in.begin(), in.end(), '\0'));
    FUZZ_CHECK(d.text == expected, "UTF-8 input changed by decoding (%zu -> %zu bytes)", in.size(), d.text.size());
    FUZZ_CHECK(d.removed_nul == nuls, "removed_nul is %zu, the input has %zu NULs", d.removed_nul, nuls);
  }

  const xxgk::io::Decoded again = xxgk::io::decode(bytes, forced);
  FUZZ_CHECK(again.ok == d.ok && again.text == d.text && again.encoding == d.encoding,
             "decoding the same bytes twice differs");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(bytes, {});
  if (size > 0) {
    const auto choice = static_cast<std::size_t>(data[0]);
    if (choice > 0 && choice < std::size(kForced)) check(bytes.substr(1), kForced[choice]);
  }
  return 0;
}
