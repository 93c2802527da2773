// Input decoding: BOM / NUL-pattern / UTF-8 validity / GB18030 holding the report's words /
// uchardet detection, iconv conversion.
#include "io/decode.hpp"

#include <simdjson.h>
#include <uchardet/uchardet.h>

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace xxgk::io {
namespace {

constexpr std::string_view kBomUtf8 = "\xEF\xBB\xBF";
constexpr std::size_t kSampleSize = std::size_t{1} << 20;  // bytes looked at by detectors
constexpr std::size_t kChunkSize = std::size_t{1} << 16;   // iconv output chunk

unsigned char byte_at(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

bool starts_with_bytes(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::string upper_ascii(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return r;
}

// Appends [p, p+n) to out without NUL bytes; counts the dropped ones.
void append_without_nul(std::string& out, const char* p, std::size_t n, std::size_t& removed) {
  while (n > 0) {
    const void* z = std::memchr(p, 0, n);
    if (z == nullptr) {
      out.append(p, n);
      return;
    }
    const auto k = static_cast<std::size_t>(static_cast<const char*>(z) - p);
    out.append(p, k);
    ++removed;
    p += k + 1;
    n -= k + 1;
  }
}

std::string failure_text(std::string_view enc, std::size_t offset) {
  std::string r = "cannot decode as ";
  r += enc;
  r += ": invalid byte sequence at byte ";
  r += std::to_string(offset);
  return r;
}

// Result of one decoding attempt; offset is meaningful when !d.ok and the name was known.
struct Attempt {
  Decoded d;
  std::size_t offset = 0;
  bool unknown = false;  // iconv does not know the encoding
};

Attempt fail(std::string_view enc, std::size_t offset) {
  Attempt a;
  a.d.encoding = std::string(enc);
  a.d.error = failure_text(enc, offset);
  a.offset = offset;
  return a;
}

// ---- UTF-8 ----

// Length of the well-formed UTF-8 sequence at s[i] (Unicode table 3-7), or 0 if ill-formed.
// `truncated` is set when the bytes are a valid prefix cut off by the end of input.
std::size_t utf8_seq_len(std::string_view s, std::size_t i, bool& truncated) {
  truncated = false;
  const unsigned char b0 = byte_at(s, i);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // <= U+10FFFF
  } else {
    return 0;
  }
  for (std::size_t k = 1; k < len; ++k) {
    if (i + k >= s.size()) {
      truncated = true;
      return 0;
    }
    const unsigned char b = byte_at(s, i + k);
    const unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (b < l || b > h) return 0;
  }
  return len;
}

struct Utf8Scan {
  std::size_t first_error = std::string_view::npos;
  bool first_truncated = false;
  std::size_t multibyte = 0;  // well-formed non-ASCII sequences
  std::size_t invalid = 0;    // ill-formed positions (resynchronised byte by byte)
};

Utf8Scan scan_utf8(std::string_view s, std::size_t start) {
  Utf8Scan r;
  std::size_t i = start;
  while (i < s.size()) {
    // ASCII fast path: eight bytes at a time.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if ((w & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= s.size()) break;
    if (byte_at(s, i) < 0x80) {
      ++i;
      continue;
    }
    // Fast path for runs of the common three-byte characters (E1..EC: no overlong or surrogate
    // forms), such as Chinese text.
    if (const auto b = byte_at(s, i); b >= 0xE1 && b <= 0xEC && i + 2 < s.size() && (byte_at(s, i + 1) & 0xC0) == 0x80 &&
                                      (byte_at(s, i + 2) & 0xC0) == 0x80) {
      do {
        ++r.multibyte;
        i += 3;
      } while (i + 2 < s.size() && byte_at(s, i) >= 0xE1 && byte_at(s, i) <= 0xEC && (byte_at(s, i + 1) & 0xC0) == 0x80 &&
               (byte_at(s, i + 2) & 0xC0) == 0x80);
      continue;
    }
    bool truncated = false;
    const std::size_t n = utf8_seq_len(s, i, truncated);
    if (n == 0) {
      if (r.first_error == std::string_view::npos) {
        r.first_error = i;
        r.first_truncated = truncated;
      }
      ++r.invalid;
      ++i;
    } else {
      ++r.multibyte;
      i += n;
    }
  }
  return r;
}

// Decodes s[start..] as UTF-8 (which the scan found valid) by copying without NULs.
Attempt take_utf8(std::string_view s, std::size_t start) {
  Attempt a;
  a.d.ok = true;
  a.d.encoding = "UTF-8";
  a.d.text.reserve(s.size() - start);
  append_without_nul(a.d.text, s.data() + start, s.size() - start, a.d.removed_nul);
  return a;
}

// Valid UTF-8 but for a character cut off by the end of the input: the text before it.
Attempt take_utf8_cut(std::string_view s, std::size_t start, std::size_t cut_at) {
  Attempt a = take_utf8(s.substr(0, cut_at), start);
  a.d.cut_bytes = s.size() - cut_at;
  return a;
}

Attempt decode_utf8_strict(std::string_view s, std::size_t start) {
  const Utf8Scan scan = scan_utf8(s, start);
  if (scan.first_truncated) return take_utf8_cut(s, start, scan.first_error);
  if (scan.first_error != std::string_view::npos) return fail("UTF-8", scan.first_error);
  return take_utf8(s, start);
}

// ---- iconv ----

class Iconv {
 public:
  explicit Iconv(const char* from) : cd_(iconv_open("UTF-8", from)) {}
  ~Iconv() {
    if (ok()) iconv_close(cd_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

// Converts s[start..] from `from` to UTF-8 in fixed-size output chunks (linear time).
// `report` is the name put into the result. Error offsets are relative to the whole of s.
Attempt convert(std::string_view s, std::size_t start, const std::string& from, std::string_view report) {
  Iconv cd(from.c_str());
  if (!cd.ok()) {
    Attempt a;
    a.unknown = true;
    a.d.encoding = std::string(report);
    a.d.error = "unknown encoding: " + std::string(report);
    return a;
  }
  Attempt a;
  a.d.encoding = std::string(report);
  std::string& text = a.d.text;
  const std::size_t in_total = s.size() - start;
  text.reserve(in_total + in_total / 2);  // exact upper bound for GB18030/UTF-16; grows otherwise
  std::vector<char> buf(kChunkSize);
  // iconv's prototype wants char**; it never writes through the input pointer.
  char* in = const_cast<char*>(s.data()) + start;
  std::size_t in_left = in_total;
  const char* const base = s.data();
  bool flushing = false;
  for (;;) {
    char* out = buf.data();
    std::size_t out_left = buf.size();
    const std::size_t before = in_left;
    const std::size_t r = flushing ? iconv(cd.get(), nullptr, nullptr, &out, &out_left)
                                   : iconv(cd.get(), &in, &in_left, &out, &out_left);
    const int err = errno;
    const auto produced = static_cast<std::size_t>(out - buf.data());
    append_without_nul(text, buf.data(), produced, a.d.removed_nul);
    if (r != static_cast<std::size_t>(-1)) {
      if (flushing) break;
      flushing = true;  // all input consumed; let a stateful decoder finish
      continue;
    }
    const auto offset = static_cast<std::size_t>(in - base);
    if (err == E2BIG) {
      if (produced == 0 && in_left == before) return fail(report, offset);  // no progress
      continue;
    }
    if (err == EINVAL) {  // an incomplete character at the end of the input: keep what came before
      a.d.cut_bytes = in_left;
      break;
    }
    return fail(report, offset);  // EILSEQ and anything else
  }
  // A BOM that iconv passed through (e.g. forced UTF-16LE on BOM'd bytes) is dropped.
  if (start == 0 && starts_with_bytes(text, kBomUtf8)) text.erase(0, kBomUtf8.size());
  a.d.ok = true;
  return a;
}

// ---- detection helpers ----

// BOM-less UTF-16: ASCII characters give a zero high byte, so zeros cluster on one parity.
std::optional<std::string> utf16_by_nul_pattern(std::string_view s) {
  const std::size_t n = std::min(s.size(), kSampleSize) & ~std::size_t{1};
  if (n < 2 || std::memchr(s.data(), 0, n) == nullptr) return std::nullopt;  // no NUL (most input): no pattern
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += byte_at(s, i) == 0;
    odd += byte_at(s, i + 1) == 0;
  }
  const std::size_t units = n / 2;
  // `hit`: zero high bytes (ASCII etc.), common; `other`: zero low bytes (U+4E00 一, U+6700 最, ...), rare.
  auto obvious = [units](std::size_t hit, std::size_t other) {
    return hit * 16 >= units && other * 16 <= units && hit > 2 * other;
  };
  if (obvious(odd, even)) return std::string("UTF-16LE");
  if (obvious(even, odd)) return std::string("UTF-16BE");
  return std::nullopt;
}

// Many well-formed multibyte sequences and few errors: damaged UTF-8, not another encoding.
bool mostly_utf8(const Utf8Scan& scan) { return scan.multibyte >= 16 && scan.invalid * 16 <= scan.multibyte; }

std::string uchardet_guess(std::string_view s) {
  // The detector sees a NUL-free sample; stray NULs otherwise read as binary.
  std::string sample;
  std::size_t dropped = 0;
  const std::size_t n = std::min(s.size(), kSampleSize);
  sample.reserve(n);
  append_without_nul(sample, s.data(), n, dropped);
  uchardet_t ud = uchardet_new();
  if (ud == nullptr) return {};
  std::string r;
  if (uchardet_handle_data(ud, sample.data(), sample.size()) == 0) {
    uchardet_data_end(ud);
    const char* cs = uchardet_get_charset(ud);
    if (cs != nullptr) r = upper_ascii(cs);
  }
  uchardet_delete(ud);
  return r;
}

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

bool is_chinese_gb(std::string_view cs) {
  return contains(cs, "GB") || contains(cs, "HZ") || contains(cs, "EUC-CN") || contains(cs, "936") ||
         contains(cs, "ISO-2022-CN");
}

// Multibyte / Unicode answers are trusted before GB18030; single-byte ones are not
// (every byte string "decodes" in them, and uchardet picks them for short GB text).
bool is_multibyte(std::string_view cs) {
  for (std::string_view m : {"UTF-", "BIG5", "EUC-", "SHIFT_JIS", "ISO-2022-", "CP949", "UHC"}) {
    if (contains(cs, m)) return true;
  }
  return false;
}

// Ordered candidate encodings for bytes that are not valid UTF-8.
std::vector<std::string> candidates(std::string_view s) {
  std::string cs = uchardet_guess(s);
  if (cs == "UTF-16" || cs == "UTF-32") {
    const auto by_nul = utf16_by_nul_pattern(s);
    const bool be = by_nul && *by_nul == "UTF-16BE";
    cs += be ? "BE" : "LE";
  }
  if (cs.empty() || cs == "ASCII" || cs == "UTF-8" || is_chinese_gb(cs)) return {"GB18030"};
  if (is_multibyte(cs)) return {cs, "GB18030"};
  return {"GB18030", cs};
}

// ---- entry points ----

Decoded decode_forced(std::string_view bytes, std::string_view forced) {
  const std::string name = upper_ascii(forced);
  // Plain names only: no iconv "//IGNORE"-style suffixes, no embedded NULs.
  const bool plain = name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
                       return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                              c == '.' || c == ':' || c == '+' || c == '(' || c == ')';
                     });
  if (!plain) {
    Decoded d;
    d.encoding = std::string(forced);
    d.error = "unknown encoding: " + std::string(forced);
    return d;
  }
  if (name == "UTF-8" || name == "UTF8") {
    return decode_utf8_strict(bytes, starts_with_bytes(bytes, kBomUtf8) ? kBomUtf8.size() : 0).d;
  }
  return convert(bytes, 0, name, name).d;
}

Attempt decode_with_bom(std::string_view bytes, bool& had_bom) {
  had_bom = true;
  if (starts_with_bytes(bytes, kBomUtf8)) return decode_utf8_strict(bytes, 3);
  if (starts_with_bytes(bytes, std::string_view("\x00\x00\xFE\xFF", 4))) return convert(bytes, 4, "UTF-32BE", "UTF-32BE");
  if (starts_with_bytes(bytes, std::string_view("\xFF\xFE\x00\x00", 4))) {
    Attempt a = convert(bytes, 4, "UTF-32LE", "UTF-32LE");
    if (a.d.ok) return a;  // else: a UTF-16LE BOM followed by U+0000
  }
  if (starts_with_bytes(bytes, "\xFF\xFE")) return convert(bytes, 2, "UTF-16LE", "UTF-16LE");
  if (starts_with_bytes(bytes, "\xFE\xFF")) return convert(bytes, 2, "UTF-16BE", "UTF-16BE");
  if (starts_with_bytes(bytes, "\x84\x31\x95\x33")) return convert(bytes, 4, "GB18030", "GB18030");
  had_bom = false;
  return {};
}

}  // namespace

Decoded decode(std::string_view bytes, std::string_view forced) {
  if (!forced.empty()) return decode_forced(bytes, forced);
  if (bytes.empty()) {
    Decoded d;
    d.ok = true;
    d.encoding = "UTF-8";
    return d;
  }

  // 1. A BOM decides.
  bool had_bom = false;
  Attempt bom = decode_with_bom(bytes, had_bom);
  if (had_bom) return std::move(bom.d);

  // 2. BOM-less UTF-16 when the NUL pattern is obvious (checked before UTF-8: "a\0b\0" is valid UTF-8).
  if (const auto enc = utf16_by_nul_pattern(bytes)) {
    Attempt a = convert(bytes, 0, *enc, *enc);
    if (a.d.ok) return std::move(a.d);
  }

  // 3. Valid UTF-8 (ASCII included) wins; damaged UTF-8 is reported, not reinterpreted. simdjson
  //    validates a text in a fraction of the scan's time; the scan says where and how it fails.
  if (simdjson::validate_utf8(bytes.data(), bytes.size())) return std::move(take_utf8(bytes, 0).d);
  const Utf8Scan scan = scan_utf8(bytes, 0);
  if (scan.first_error == std::string_view::npos) return std::move(take_utf8(bytes, 0).d);
  if (scan.first_truncated) return std::move(take_utf8_cut(bytes, 0, scan.first_error).d);
  Attempt utf8_fail = fail("UTF-8", scan.first_error);
  if (mostly_utf8(scan)) return std::move(utf8_fail.d);

  // 4. GB18030 when it reads every byte and the text says what every report says (政府信息公开):
  //    another encoding read as GB18030 is never that, and the detector costs more than parsing.
  Attempt gb = convert(bytes, 0, "GB18030", "GB18030");
  if (gb.d.ok && contains(gb.d.text, "政府信息公开")) return std::move(gb.d);

  // 5. uchardet's answer and GB18030, in the order candidates() gives.
  std::vector<Attempt> failures;
  failures.push_back(std::move(utf8_fail));
  for (const std::string& enc : candidates(bytes)) {
    Attempt a = enc == "GB18030" ? std::move(gb) : convert(bytes, 0, enc, enc);
    if (a.d.ok) return std::move(a.d);
    if (!a.unknown) failures.push_back(std::move(a));
  }

  // 6. Nothing fits: report the attempt that got furthest, and the others briefly.
  const auto best = std::max_element(failures.begin(), failures.end(),
                                     [](const Attempt& x, const Attempt& y) { return x.offset < y.offset; });
  Decoded d;
  d.encoding = best->d.encoding;
  d.error = best->d.error;
  std::string also;
  for (const Attempt& f : failures) {
    if (&f == &*best) continue;
    also += also.empty() ? " (" : "; ";
    also += f.d.encoding + " fails at byte " + std::to_string(f.offset);
  }
  if (!also.empty()) d.error += also + ")";
  return d;
}

}  // namespace xxgk::io
