#include "parse/layouts.hpp"

#include <cstring>

#include "frontend/aligned.hpp"
#include "frontend/glued.hpp"
#include "grammar/cell_lines.hpp"
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

// The same, for a layout whose rows all hold `needle`: every line of every text is probed, and
// most lines are rejected by one memchr.
template <typename Probe, char needle>
bool probe_line_with(std::string_view line) {
  return line.find(needle) != std::string_view::npos && probe_line<Probe>(line);
}

template <typename Grammar>
doc::Document parse_with(std::string_view text) {
  return build<Grammar>(text);
}

// To add a layout: write grammar/<name>.hpp (a table rule derived from the tags of
// grammar/document.hpp, a probe rule, and `struct grammar : document< table > {}`), include it
// above and add its line here.
constexpr Layout kLayouts[] = {
    {"tsv", &parse_with<grammar::tsv::grammar>, &probe_line_with<grammar::tsv::probe, '\t'>},
    {"markdown", &parse_with<grammar::markdown::grammar>, &probe_line_with<grammar::markdown::probe, '|'>},
    // Not a grammar: text laid out in columns by blanks (pdftotext -layout), read by its geometry.
    {"aligned", &frontend::parse_aligned, &frontend::probe_aligned},
    {"cell-lines", &parse_with<grammar::cell_lines::grammar>, &probe_line_with<grammar::cell_lines::probe, '|'>},
    // Not a grammar either: cells glued together, as a crawler takes a page's text (frontend/glued.hpp).
    {"glued", &frontend::parse_glued, &frontend::probe_glued},
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
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    const char* line_end = nl ? nl : end;
    // A CR-only file is one "line" here; split it on CR as well.
    if (const char* cr = static_cast<const char*>(std::memchr(p, '\r', static_cast<std::size_t>(line_end - p)));
        cr && cr + 1 != line_end)
      line_end = cr;
    std::string_view line(p, static_cast<std::size_t>(line_end - p));
    for (std::size_t i = 0; i < std::size(kLayouts); ++i)
      if (kLayouts[i].probe(line)) ++counts[i];
    p = line_end + 1;
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < std::size(kLayouts); ++i)
    if (counts[i] > counts[best]) best = i;
  return kLayouts[best];
}

}  // namespace xxgk::parse
