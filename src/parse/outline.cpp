#include "parse/outline.hpp"

#include <type_traits>

#include "grammar/outline.hpp"

namespace xxgk::parse {

namespace {

namespace pg = tao::pegtl;
namespace g = grammar::outline;
namespace t = grammar::outline::title;

template <typename Rule>
bool whole(std::string_view text) {
  pg::memory_input<pg::tracking_mode::lazy> in(text.data(), text.size(), "");
  return pg::parse<Rule>(in);
}

struct TitleState {
  std::string_view agency;
  std::string_view year;
};

template <typename Rule>
struct title_action : pg::nothing<Rule> {};
template <>
struct title_action<t::agency> {
  template <typename Input>
  static void apply(const Input& in, TitleState& s) {
    s.agency = std::string_view(in.begin(), in.size());
  }
};
template <>
struct title_action<t::year> {
  template <typename Input>
  static void apply(const Input& in, TitleState& s) {
    s.year = std::string_view(in.begin(), in.size());
  }
};

// Actions are not undone when a form fails after them: every attempt at a form starts afresh.
template <typename Rule>
struct title_control : pg::normal<Rule> {
  template <typename Input>
  static void start(const Input& /*in*/, TitleState& s) {
    if constexpr (std::is_same_v<Rule, t::form<pg::eof>> || std::is_same_v<Rule, t::form<t::close>>) s = {};
  }
};

int year_value(std::string_view y) {
  int v = 0;
  for (std::size_t i = 0; i < y.size();) {
    auto c = static_cast<unsigned char>(y[i]);
    if (c < 0x80) {
      v = v * 10 + (c >= '0' && c <= '9' ? c - '0' : 0);  // 'O', 'o': zero
      ++i;
      continue;
    }
    static constexpr std::string_view kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int d = 0;
    for (int k = 0; k < 10; ++k)
      if (y.substr(i).starts_with(kDigits[k])) d = k;
    v = v * 10 + d;  // 零, ○: zero
    i += (c >> 4) == 0xE ? 3 : (c >> 5) == 0x6 ? 2 : 1;
  }
  return v;
}

}  // namespace

namespace {

// Can a heading start here, after the line's ASCII blanks? Only with markdown or emphasis marks,
// another blank, or one of the six numerals: most lines are ruled out by their first character
// without running the grammar.
bool may_start_heading(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f' || line[i] == '\v')) ++i;
  if (i == line.size()) return false;
  const auto c = static_cast<unsigned char>(line[i]);
  if (c < 0x80) return c == '#' || c == '*' || c == '_';
  if (c == 0xE4 || c == 0xE5) {  // an ideograph: one of the numerals 一二三四五六
    const std::string_view ch = line.substr(i, 3);
    return ch == "一" || ch == "二" || ch == "三" || ch == "四" || ch == "五" || ch == "六";
  }
  const std::string_view rest = line.substr(i);  // another blank: U+3000, U+00A0, U+200B..D, U+2060, U+FEFF
  for (std::string_view blank : {"\u3000", "\u00A0", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"})
    if (rest.starts_with(blank)) return true;
  return false;
}

// Is the line the section's heading? Only if it holds a character the section's keyword can
// start with (二、…: 主; keywords are ideographs, three bytes in UTF-8) is the rule run.
template <typename Section>
bool is_heading(std::string_view line) {
  for (const char32_t c : g::keyword_starts<typename Section::keyword>::chars) {
    const char bytes[3] = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (c & 0x3F))};
    if (line.find(std::string_view(bytes, 3)) != std::string_view::npos) return whole<Section>(line);
  }
  return false;
}

}  // namespace

int section_heading(std::string_view line) {
  // A heading has no full stop (heading_text): a numbered sentence is ruled out without the grammar.
  if (!may_start_heading(line) || line.find("。") != std::string_view::npos) return 0;
  pg::memory_input<pg::tracking_mode::lazy> in(line.data(), line.size(), "");
  if (!pg::parse<g::heading_start>(in)) return 0;
  // The numeral (three bytes in UTF-8) says which section's heading the line can be.
  const std::string_view numeral(in.current() - 3, 3);
  if (numeral == "一") return is_heading<g::section_1>(line) ? 1 : 0;
  if (numeral == "二") return is_heading<g::section_2>(line) ? 2 : 0;
  if (numeral == "三") return is_heading<g::section_3>(line) ? 3 : 0;
  if (numeral == "四") return is_heading<g::section_4>(line) ? 4 : 0;
  if (numeral == "五") return is_heading<g::section_5>(line) ? 5 : 0;
  return is_heading<g::section_6>(line) ? 6 : 0;
}

bool page_number(std::string_view line) {
  return line.size() <= 48 && whole<g::page_number>(line);  // "第 12 页 共 30 页" and blanks: a short line
}

std::optional<TitleParts> read_title(std::string_view normalised) {
  TitleState s;
  pg::memory_input<pg::tracking_mode::lazy> in(normalised.data(), normalised.size(), "");
  if (!pg::parse<t::grammar, title_action, title_control>(in, s)) return std::nullopt;
  return TitleParts{s.agency, year_value(s.year)};
}

}  // namespace xxgk::parse
