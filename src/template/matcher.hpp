// Finds every label fragment of the template in a text in one pass: the set of fragments a cell
// contains is computed once per cell (pass normalise), so that matching a row or a header
// against the whole template costs bit tests, not substring searches.
#pragma once

#include <array>
#include <bitset>
#include <string_view>
#include <vector>

namespace xxgk::tmpl {

inline constexpr std::size_t kMaxFragments = 192;
using Hits = std::bitset<kMaxFragments>;

class Matcher {
 public:
  // The id of a fragment (added once; the same text gives the same id).
  int add(std::string_view fragment);
  // Which fragments occur in `text`.
  Hits scan(std::string_view text) const;
  std::size_t size() const { return fragments_.size(); }

 private:
  static std::size_t bucket(std::string_view s);
  std::vector<std::string_view> fragments_;
  std::array<std::vector<int>, 256> buckets_{};  // by the fragment's first character
};

}  // namespace xxgk::tmpl
