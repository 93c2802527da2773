#include "template/matcher.hpp"

#include <cstring>
#include <stdexcept>

namespace xxgk::tmpl {

std::uint32_t Matcher::prefix(const char* p) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(p[0])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(p[2])) << 16;
}

std::size_t Matcher::bucket(std::uint32_t prefix) { return (prefix * 2654435761u) >> 22; }  // 10 bits

int Matcher::add(std::string_view fragment) {
  for (std::size_t i = 0; i < fragments_.size(); ++i)
    if (fragments_[i] == fragment) return static_cast<int>(i);
  if (fragments_.size() == kMaxFragments || fragment.empty()) throw std::logic_error("template matcher: bad fragment");
  fragments_.push_back(fragment);
  int id = static_cast<int>(fragments_.size() - 1);
  if (fragment.size() >= 3) {
    const auto p = prefix(fragment.data());
    const auto k = bucket(p);
    entries_.insert(entries_.begin() + starts_[k + 1], Entry{p, id});
    for (std::size_t j = k + 1; j <= kBuckets; ++j) ++starts_[j];
  } else {
    short_ids_.push_back(id);
  }
  return id;
}

Hits Matcher::scan(std::string_view text) const {
  Hits hits;
  const std::size_t n = text.size();
  auto at = [&](std::size_t i, std::string_view f) { return n - i >= f.size() && std::memcmp(text.data() + i, f.data(), f.size()) == 0; };
  auto starts_character = [&](std::size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80; };
  for (int id : short_ids_)
    for (std::size_t i = 0; i < n && !hits.test(static_cast<std::size_t>(id)); ++i)
      if (starts_character(i) && at(i, fragments_[id])) hits.set(static_cast<std::size_t>(id));
  const char* s = text.data();
  std::size_t i = 0;
  while (i < n && !starts_character(i)) ++i;
  while (i + 3 <= n) {
    const auto p = prefix(s + i);
    const auto k = bucket(p);
    for (std::size_t e = starts_[k]; e < starts_[k + 1]; ++e)
      if (entries_[e].prefix == p && at(i, fragments_[entries_[e].id])) hits.set(static_cast<std::size_t>(entries_[e].id));
    // On to the next character: no fragment starts inside one.
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead >= 0xE0 && lead < 0xF0 && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      i += 3;  // most of the text: a Chinese character
      continue;
    }
    ++i;
    while (i < n && !starts_character(i)) ++i;
  }
  return hits;
}

}  // namespace xxgk::tmpl
