#include "source.hpp"

#include <algorithm>
#include <cstring>

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

LineIndex::Position LineIndex::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - starts_.begin());
  auto start = starts_[line - 1];
  return {line, count_chars(text_.substr(start, offset - start)) + 1};
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
  std::uint32_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace xxgk
