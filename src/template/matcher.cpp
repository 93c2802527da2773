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
    auto p = prefix(fragment.data());
    buckets_[bucket(p)].push_back({p, id});
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
  for (std::size_t i = 0; i + 3 <= n; ++i) {
    if (!starts_character(i)) continue;  // no fragment starts inside a character
    const auto p = prefix(text.data() + i);
    for (const auto& e : buckets_[bucket(p)])
      if (e.prefix == p && at(i, fragments_[e.id])) hits.set(static_cast<std::size_t>(e.id));
  }
  return hits;
}

}  // namespace xxgk::tmpl
