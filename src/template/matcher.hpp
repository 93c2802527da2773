// Finds every label fragment of the template in a text in one pass: the set of fragments a cell
// contains is computed once per cell (pass normalise), so that matching a row or a header
// against the whole template costs bit tests, not substring searches.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string_view>
#include <vector>

namespace xxgk::tmpl {

inline constexpr std::size_t kMaxFragments = 256;
using Hits = std::bitset<kMaxFragments>;

class Matcher {
 public:
  // The id of a fragment (added once; the same text gives the same id).
  int add(std::string_view fragment);
  // Which fragments occur in `text`.
  Hits scan(std::string_view text) const;
  std::size_t size() const { return fragments_.size(); }

 private:
  // Fragments of 3 bytes or more by their first three (most are Chinese: one character), in a
  // hash table; shorter ones are tried everywhere.
  struct Entry {
    std::uint32_t prefix;
    int id;
  };
  static constexpr std::size_t kBuckets = 1024;
  static std::uint32_t prefix(const char* p);
  static std::size_t bucket(std::uint32_t prefix);
  std::vector<std::string_view> fragments_;
  // The entries bucket after bucket: bucket k's are entries_[starts_[k] .. starts_[k + 1]).
  std::vector<Entry> entries_;
  std::array<std::uint16_t, kBuckets + 1> starts_{};
  std::vector<int> short_ids_;
};

}  // namespace xxgk::tmpl
