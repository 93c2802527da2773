#include "parse/builder.hpp"

namespace xxgk::parse {

namespace {
// Blanks a line may carry around its text: ASCII space and tab, form feed, line ends,
// ideographic space (E3 80 80) and no-break space (C2 A0).
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

}  // namespace xxgk::parse
