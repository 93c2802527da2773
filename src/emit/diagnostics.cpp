// Diagnostics the way a compiler prints them: file:line:col: severity: message [code] (for a PDF
// or a Word file, "file: page 3, line 12, column 4: …"), then the source line and a caret under
// the columns it is about.
#include <fmt/format.h>

#include "source.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk {

std::string describe(const Location& at) {
  if (at.page) return fmt::format("page {}, line {}, column {}", at.page, at.line, at.column);
  if (at.table) return fmt::format("table {}, row {}, cell {}", at.table, at.row, at.cell);
  if (at.paragraph) return fmt::format("paragraph {}", at.paragraph);
  if (at.line) return fmt::format("{}:{}", at.line, at.column);
  return {};
}

std::string render_diagnostics(const Record& record, std::string_view source) {
  std::string o;
  LineIndex index(source);
  for (const auto& d : record.diagnostics) {
    const auto where = describe(d.at);
    const bool text_position = d.at.line && !d.at.page;  // file:line:col, as compilers write it
    const auto prefix = where.empty() ? record.path + ":" : record.path + (text_position ? ":" : ": ") + where + ":";
    fmt::format_to(std::back_inserter(o), "{} {}: {} [{}]\n", prefix, severity_name(d.severity), d.message, d.code);
    if (source.empty() || !d.at.known()) continue;
    auto line = index.line_text(index.line_of(d.offset));
    if (line.empty()) continue;
    // Show the line with tabs as single spaces so the caret lines up; widen CJK under CJK.
    std::string shown, caret;
    auto line_start = static_cast<std::uint32_t>(line.data() - source.data());
    std::uint32_t end_offset = d.offset + std::max<std::uint32_t>(d.length, 1);
    for (std::size_t i = 0; i < line.size();) {
      auto c = static_cast<unsigned char>(line[i]);
      std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
      len = std::min(len, line.size() - i);
      auto off = line_start + static_cast<std::uint32_t>(i);
      int width = c >= 0xE0 ? 2 : 1;
      shown.append(c == '\t' ? " " : std::string(line.substr(i, len)));
      if (off == d.offset) caret += width == 2 ? "^~" : "^";
      else caret.append(static_cast<std::size_t>(width), off > d.offset && off < end_offset ? '~' : ' ');
      i += len;
    }
    if (d.offset >= line_start + line.size()) caret += '^';
    while (!caret.empty() && caret.back() == ' ') caret.pop_back();
    fmt::format_to(std::back_inserter(o), "{}\n{}\n", shown, caret);
  }
  return o;
}

}  // namespace xxgk
