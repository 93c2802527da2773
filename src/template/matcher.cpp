#include "template/matcher.hpp"

#include <stdexcept>

namespace xxgk::tmpl {

std::size_t Matcher::bucket(std::string_view s) {
  // Hash the first UTF-8 character (up to 3 bytes).
  std::size_t h = 0;
  for (std::size_t i = 0; i < s.size() && i < 3; ++i) {
    if (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) break;
    h = h * 131 + static_cast<unsigned char>(s[i]);
  }
  return h & 0xFF;
}

int Matcher::add(std::string_view fragment) {
  for (std::size_t i = 0; i < fragments_.size(); ++i)
    if (fragments_[i] == fragment) return static_cast<int>(i);
  if (fragments_.size() == kMaxFragments || fragment.empty()) throw std::logic_error("template matcher: bad fragment");
  fragments_.push_back(fragment);
  int id = static_cast<int>(fragments_.size() - 1);
  buckets_[bucket(fragment)].push_back(id);
  return id;
}

Hits Matcher::scan(std::string_view text) const {
  Hits hits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a character
    const auto& ids = buckets_[bucket(text.substr(i, 3))];
    for (int id : ids)
      if (text.compare(i, fragments_[id].size(), fragments_[id]) == 0) hits.set(static_cast<std::size_t>(id));
  }
  return hits;
}

}  // namespace xxgk::tmpl
