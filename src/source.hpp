// Byte offsets to line and column (in characters) in the decoded text, computed only when a
// diagnostic is rendered or emitted.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace xxgk {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  struct Position {
    std::uint32_t line, column;  // 1-based; column counts UTF-8 characters
  };
  Position position(std::uint32_t offset) const;
  std::string_view line_text(std::uint32_t line) const;  // without its line end

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;  // offset of each line's first byte
};

// Number of characters (code points) in s.
std::uint32_t count_chars(std::string_view s);

}  // namespace xxgk
