#include "text/normalise.hpp"

#include <optional>

namespace xxgk::text {

namespace {

// Decode one UTF-8 sequence at s[i]; returns the code point and advances i. Invalid bytes come
// back as themselves (one byte), so that nothing is lost and nothing loops.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xDC00 + b;  // a lone surrogate never produced by valid UTF-8: keep the byte
  }
  char32_t cp = len == 1 ? b : b & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return 0xDC00 + b;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp >= 0xDC80 && cp <= 0xDCFF) {
    out += static_cast<char>(cp - 0xDC00);
  } else if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_blank_char(char32_t c) {
  switch (c) {
    case ' ': case '\t': case '\f': case '\v': case '\r': case '\n':
    case 0x00A0: case 0x3000: case 0x2002: case 0x2003: case 0x2009: case 0x202F:
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return true;
    default:
      return false;
  }
}

bool starts_with_br(std::string_view s) {
  // <br>, <br/>, <br />, any case
  if (s.size() < 4 || s[0] != '<' || (s[1] != 'b' && s[1] != 'B') || (s[2] != 'r' && s[2] != 'R')) return false;
  std::size_t i = 3;
  while (i < s.size() && (s[i] == ' ' || s[i] == '/')) ++i;
  return i < s.size() && s[i] == '>';
}

// The end of the run from s[i] that normalisation keeps as it is: printable ASCII other than
// '<' (<br>) and the emphasis marks, and CJK ideographs (U+4E00..U+9FFF: lead bytes E4..E9).
std::size_t plain_run(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  while (i < n) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b <= ' ' || b == '<' || b == '*' || b == '_' || b == 0x7F) break;
      ++i;
    } else if (b >= 0xE4 && b <= 0xE9 && i + 2 < n && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      i += 3;
    } else {
      break;
    }
  }
  return i;
}

// Plain text padded with spaces (a markdown cell: "| 0 |"), or plain text alone: the text
// normalising it gives, a view of `raw`; nullopt for anything else.
std::optional<std::string_view> padded_plain(std::string_view raw) {
  std::size_t b = 0, e = raw.size();
  while (b < e && raw[b] == ' ') ++b;
  while (e > b && raw[e - 1] == ' ') --e;
  if (plain_run(raw, b) != e) return std::nullopt;
  return raw.substr(b, e - b);
}

}  // namespace

std::string normalise_text(std::string_view raw) {
  if (const auto plain = padded_plain(raw)) return std::string(*plain);  // most cells: nothing else to change
  std::size_t i = plain_run(raw, 0);
  std::string out;
  out.reserve(raw.size());
  out.append(raw, 0, i);
  while (i < raw.size()) {
    if (auto end = plain_run(raw, i); end > i) {
      out.append(raw, i, end - i);
      i = end;
      continue;
    }
    char c = raw[i];
    if (c == '<' && starts_with_br(raw.substr(i))) {
      i = raw.find('>', i) + 1;
      continue;
    }
    if ((c == '*' || c == '_') && i + 1 < raw.size() && raw[i + 1] == c) {
      i += 2;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      if (!is_blank_char(static_cast<unsigned char>(c))) out += c;
      ++i;
      continue;
    }
    char32_t cp = next_code_point(raw, i);
    if (is_blank_char(cp)) continue;
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    append_utf8(out, cp);
  }
  return out;
}

std::string_view normalise_into(std::string_view raw, std::deque<std::string>& store) {
  if (const auto plain = padded_plain(raw)) return *plain;
  return store.emplace_back(normalise_text(raw));
}

namespace {
std::size_t blank_prefix(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == ' ' || s[0] == '\t' || s[0] == '\f' || s[0] == '\v' || s[0] == '\r' || s[0] == '\n') return 1;
  if (s.starts_with("\xE3\x80\x80")) return 3;
  if (s.starts_with("\xC2\xA0")) return 2;
  return 0;
}
std::size_t blank_suffix(std::string_view s) {
  if (s.empty()) return 0;
  char c = s.back();
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || c == '\n') return 1;
  if (s.ends_with("\xE3\x80\x80")) return 3;
  if (s.ends_with("\xC2\xA0")) return 2;
  return 0;
}
}  // namespace

std::string_view trim_blanks(std::string_view s) {
  while (auto n = blank_prefix(s)) s.remove_prefix(n);
  while (auto n = blank_suffix(s)) s.remove_suffix(n);
  return s;
}

std::string_view strip_markdown_marks(std::string_view s) {
  while (!s.empty() && s.front() == '#') s.remove_prefix(1);
  s = trim_blanks(s);
  for (std::string_view mark : {"**", "__"})
    if (s.size() >= 4 && s.starts_with(mark) && s.ends_with(mark)) s = trim_blanks(s.substr(2, s.size() - 4));
  return s;
}

bool is_blank(std::string_view raw) {
  if (raw.empty()) return true;
  if (plain_run(raw, 0) == raw.size()) return false;  // printable text: not blank
  return normalise_text(raw).empty();
}

}  // namespace xxgk::text
