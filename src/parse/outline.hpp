// The outline rules of grammar/outline.hpp behind PEGTL-free functions: what one paragraph of a
// report is (section heading, page number, title). The only user is the outline pass.
#pragma once

#include <optional>
#include <string_view>

namespace xxgk::parse {

// 1..6 when `line` is that section's heading (一、总体情况 …), else 0.
int section_heading(std::string_view line);

// Is `line` a page number between pages ("- 3 -", "第 3 页")?
bool page_number(std::string_view line);

struct TitleParts {
  std::string_view agency;  // a view of the text read; empty when the title names none
  int year = 0;
};
// The agency and the year of a title, read from normalised text (text/normalise.hpp) of one or
// more lines joined; nullopt when the text is not a title.
std::optional<TitleParts> read_title(std::string_view normalised);

}  // namespace xxgk::parse
