#include "passes/label_memo.hpp"

#include <functional>
#include <unordered_map>

#include "text/normalise.hpp"

namespace xxgk::passes::label_memo {

namespace {

constexpr std::size_t kMaxEntries = 16384;  // per map: a few MB at most

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using Map = std::unordered_map<std::string, T, Hash, std::equal_to<>>;  // node-based: entries never move

thread_local Map<CellText> cells;
thread_local Map<tmpl::Hits> joined;

}  // namespace

void start_report() {
  if (cells.size() > kMaxEntries) cells.clear();
  if (joined.size() > kMaxEntries) joined.clear();
}

const CellText& cell(std::string_view raw, const tmpl::Matcher& matcher) {
  if (auto it = cells.find(raw); it != cells.end()) return it->second;
  CellText e;
  e.text = text::normalise_text(raw);
  e.changed = e.text != raw;
  e.value = read_value(e.text);
  if (e.value.kind == CellValue::Kind::invalid) e.hits = matcher.scan(e.text);
  return cells.emplace(std::string(raw), std::move(e)).first->second;
}

tmpl::Hits fragments(std::string_view text, const tmpl::Matcher& matcher) {
  if (!wanted(text)) return matcher.scan(text);
  if (auto it = joined.find(text); it != joined.end()) return it->second;
  return joined.emplace(std::string(text), matcher.scan(text)).first->second;
}

}  // namespace xxgk::passes::label_memo
