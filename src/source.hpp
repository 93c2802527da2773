// The source text positions refer to, and how a byte offset in it becomes a Location: line and
// column for text and HTML, or what a front end's anchors say (a PDF page and line, a DOCX
// paragraph or cell). Locations are computed only when the record is finished, all at once.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/record.hpp"

namespace xxgk {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  struct Position {
    std::uint32_t line, column;  // 1-based; column counts UTF-8 characters
  };
  Position position(std::uint32_t offset) const;
  std::uint32_t line_of(std::uint32_t offset) const;     // 1-based
  std::string_view line_text(std::uint32_t line) const;  // without its line end
  std::uint32_t line_start(std::uint32_t line) const;    // offset of its first byte

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;  // offset of each line's first byte
};

// Number of characters (code points) in s.
std::uint32_t count_chars(std::string_view s);

struct SourceText {
  std::string text;  // UTF-8: the decoded input, or what a front end renders of it
  // From `offset` on, positions are `at` (until the next anchor); with `columns`, the column is
  // counted in characters from `offset` (a PDF line: `at` gives page and line). Sorted by offset.
  // No anchors: line and column of `text`.
  struct Anchor {
    std::uint32_t offset = 0;
    Location at;
    bool columns = false;
  };
  std::vector<Anchor> anchors;

  // The locations of `offsets` (any order), in one pass over the text.
  std::vector<Location> locate(std::span<const std::uint32_t> offsets) const;
};

}  // namespace xxgk
