// The registry of text layouts: each is one grammar (grammar/<name>.hpp) and one line in
// layouts.cpp. The text front end (src/frontend/text.cpp) chooses one and builds the tree with it.
#pragma once

#include <span>
#include <string_view>

#include "doc/tree.hpp"

namespace xxgk::parse {

struct Layout {
  std::string_view name;
  doc::Document (*parse)(std::string_view text);
  bool (*probe)(std::string_view line);  // is this line surely a table row of this layout?
};

std::span<const Layout> layouts();
const Layout* find_layout(std::string_view name);
// The layout whose probe matches the most lines (the first registered one on a tie).
const Layout& detect_layout(std::string_view text);

}  // namespace xxgk::parse
