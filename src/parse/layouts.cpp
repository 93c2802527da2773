#include "parse/layouts.hpp"

#include "grammar/markdown.hpp"
#include "grammar/tsv.hpp"
#include "parse/builder.hpp"

namespace xxgk::parse {

namespace {

template <typename Probe>
bool probe_line(std::string_view line) {
  pg::memory_input<pg::tracking_mode::lazy> in(line.data(), line.size(), "");
  return pg::parse<Probe>(in);
}

template <typename Grammar>
ast::Document parse_with(std::string_view text) {
  return build<Grammar>(text);
}

// To add a layout: write grammar/<name>.hpp (a table rule derived from the tags of
// grammar/document.hpp, a probe rule, and `struct grammar : document< table > {}`), include it
// above and add its line here.
constexpr Layout kLayouts[] = {
    {"tsv", &parse_with<grammar::tsv::grammar>, &probe_line<grammar::tsv::probe>},
    {"markdown", &parse_with<grammar::markdown::grammar>, &probe_line<grammar::markdown::probe>},
};

}  // namespace

std::span<const Layout> layouts() { return kLayouts; }

const Layout* find_layout(std::string_view name) {
  for (const auto& l : kLayouts)
    if (l.name == name) return &l;
  return nullptr;
}

const Layout& detect_layout(std::string_view text) {
  std::size_t counts[std::size(kLayouts)] = {};
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find_first_of("\r\n", pos);
    auto line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    for (std::size_t i = 0; i < std::size(kLayouts); ++i)
      if (kLayouts[i].probe(line)) ++counts[i];
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < std::size(kLayouts); ++i)
    if (counts[i] > counts[best]) best = i;
  return kLayouts[best];
}

}  // namespace xxgk::parse
