#include "source.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace xxgk {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  const bool has_cr = text.find('\r') != std::string_view::npos;
  if (!has_cr) {  // the common case: find line ends with memchr
    const char* begin = text.data();
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', text.size() - (p - begin))));)
      starts_.push_back(static_cast<std::uint32_t>(++p - begin));
    return;
  }
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
      starts_.push_back(i + 1);
  }
}

std::uint32_t LineIndex::line_of(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  return static_cast<std::uint32_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
}

LineIndex::Position LineIndex::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const auto line = line_of(offset);
  const auto start = starts_[line - 1];
  return {line, count_chars(text_.substr(start, offset - start)) + 1};
}

std::uint32_t LineIndex::line_start(std::uint32_t line) const {
  return line == 0 || line > starts_.size() ? 0 : starts_[line - 1];
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
  if (line == 0 || line > starts_.size()) return {};
  auto start = starts_[line - 1];
  auto end = line < starts_.size() ? starts_[line] : static_cast<std::uint32_t>(text_.size());
  auto s = text_.substr(start, end - start);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::uint32_t count_chars(std::string_view s) {
  // Characters are the bytes that are not continuation bytes (10xxxxxx), eight at a time.
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  std::uint32_t n = 0;
  std::size_t i = 0;
  for (std::uint64_t w; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    const std::uint64_t continuation = w & highs & ~(w << 1);  // bit 7 set, bit 6 clear
    n += 8 - static_cast<std::uint32_t>(__builtin_popcountll(continuation));
  }
  for (; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

std::vector<Location> SourceText::locate(std::span<const std::uint32_t> offsets) const {
  std::vector<Location> out(offsets.size());
  if (offsets.empty()) return out;
  std::vector<std::uint32_t> order(offsets.size());
  std::iota(order.begin(), order.end(), 0u);
  if (!std::is_sorted(offsets.begin(), offsets.end()))
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return offsets[a] < offsets[b]; });
  const auto size = static_cast<std::uint32_t>(text.size());

  if (!anchors.empty()) {
    std::size_t a = 0;
    for (auto i : order) {
      const auto offset = std::min(offsets[i], size);
      while (a + 1 < anchors.size() && anchors[a + 1].offset <= offset) ++a;
      if (anchors[a].offset > offset) continue;  // before the first anchor: no position
      out[i] = anchors[a].at;
      if (anchors[a].columns)
        out[i].column = count_chars(std::string_view(text).substr(anchors[a].offset, offset - anchors[a].offset)) + 1;
    }
    return out;
  }

  // Lines and columns, sweeping forward once: each line end and each character is looked at
  // once (the offsets of one line are counted on from the one before).
  const std::string_view t(text);
  const bool has_cr = t.find('\r') != std::string_view::npos;
  auto next_line_end = [&](std::size_t from) -> std::size_t {  // LF, or CR too when the text has one
    if (!has_cr) return t.find('\n', from);
    for (std::size_t i = from; i < t.size(); ++i)
      if (t[i] == '\n' || t[i] == '\r') return i;
    return std::string_view::npos;
  };
  std::uint32_t line = 1, counted_to = 0, column = 1;
  auto line_end = next_line_end(0);  // of the current line; npos on the last line
  for (auto i : order) {
    const auto offset = std::min(offsets[i], size);
    while (line_end != std::string_view::npos && line_end < offset) {  // LF, CRLF or a lone CR ends a line
      const auto next = line_end + (t[line_end] == '\r' && line_end + 1 < t.size() && t[line_end + 1] == '\n' ? 2 : 1);
      if (next > offset) break;  // the offset is on the LF of a CRLF: still this line
      counted_to = static_cast<std::uint32_t>(next);
      column = 1;
      ++line;
      line_end = next_line_end(next);
    }
    column += count_chars(t.substr(counted_to, offset - counted_to));
    counted_to = offset;
    out[i] = {line, column};
  }
  return out;
}

}  // namespace xxgk
