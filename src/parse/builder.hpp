// Grammar actions: build the document tree from any text layout's grammar. Actions attach to the
// tags of grammar/document.hpp, so a layout grammar that derives its rules from those tags needs
// no actions of its own. Only this header and layouts.cpp include PEGTL.
#pragma once

#include <tao/pegtl.hpp>
#include <type_traits>

#include "doc/tree.hpp"
#include "grammar/document.hpp"
#include "text/normalise.hpp"

namespace xxgk::parse {

namespace pg = tao::pegtl;
namespace tag = grammar::tag;

struct Builder {
  const char* base = nullptr;  // start of the input, for offsets
  doc::Document doc;
  std::vector<doc::Cell> cells;  // cells of the row being matched
  std::vector<doc::Row> rows;    // rows of the table being matched
  std::size_t nodes = 0;
  // Rows of a pipe table (markdown) that start with a pipe: the index of each in `rows`. Their
  // first cell, the blank text before that pipe, is dropped when the table ends unless the table
  // is written without outer pipes and the row is no wider than it with that cell.
  std::vector<std::size_t> pipe_led;
  // The table's first separator row (|---|): how many columns it has (0: none seen yet), and
  // whether it starts with a pipe.
  std::size_t separator_width = 0;
  bool separator_piped = false;

  // Count one more node; false (and the document marked truncated) past doc::kMaxNodes.
  template <typename Input>
  bool room(const Input& in) {
    if (++nodes <= doc::kMaxNodes) return true;
    if (doc.truncated_at == UINT32_MAX) doc.truncated_at = static_cast<std::uint32_t>(in.begin() - base);
    return false;
  }

  template <typename Input>
  doc::Span span(const Input& in) const {
    return {static_cast<std::uint32_t>(in.begin() - base), static_cast<std::uint32_t>(in.end() - base)};
  }
  doc::Span span(std::string_view s) const {
    const auto begin = static_cast<std::uint32_t>(s.data() - base);
    return {begin, begin + static_cast<std::uint32_t>(s.size())};
  }
};

template <typename Rule, typename = void>
struct action : pg::nothing<Rule> {};

template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::cell, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (!b.room(in)) return;
    auto& cell = b.cells.emplace_back();
    cell.span = b.span(in);
    cell.text = std::string_view(in.begin(), in.size());
  }
};

// A quoted cell: its span covers the quotes, its text is what stands between them, each "" read
// as " (a view of the source when there is none).
template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::quoted_cell, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (!b.room(in)) return;
    auto& cell = b.cells.emplace_back();
    cell.span = b.span(in);
    std::string_view inner(in.begin() + 1, in.size() - 2);
    if (inner.find("\"\"") == std::string_view::npos) {
      cell.text = inner;
      return;
    }
    std::string text;
    text.reserve(inner.size());
    for (std::size_t i = 0; i < inner.size(); ++i) {
      text += inner[i];
      if (inner[i] == '"') ++i;  // the second quote of ""
    }
    cell.text = b.doc.store.emplace_back(std::move(text));
  }
};

template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::row, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (!b.room(in)) {
      b.cells.clear();
      return;
    }
    doc::Row row;
    row.span = b.span(in);
    row.cells.assign(b.cells.begin(), b.cells.end());  // one allocation of the exact size; b.cells keeps its room
    b.cells.clear();
    // A markdown row keeps the text before its first pipe and after its last one as cells: drop
    // the last when blank (|a|b| has two cells, not four); the first is dropped or kept when the
    // table ends (`Builder::pipe_led`).
    if constexpr (requires { typename Rule::pipe_delimited; }) {
      if (!row.cells.empty() && text::trim_blanks(row.cells.back().text).empty()) row.cells.pop_back();
      if (!row.cells.empty() && text::trim_blanks(row.cells.front().text).empty()) b.pipe_led.push_back(b.rows.size());
    }
    b.rows.push_back(std::move(row));
  }
};

template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::table, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    // A row that starts with a pipe: in a table with outer pipes (| a | b |), or without a
    // separator row to say, the pipe is an outer one; in a table written without them
    // (a | b, ---|---), it ends an empty first cell, unless the row would then be wider than the
    // separator (a row written with outer pipes after all).
    const bool bare = b.separator_width > 0 && !b.separator_piped;
    for (std::size_t r : b.pipe_led)
      if (auto& cells = b.rows[r].cells; !bare || cells.size() > b.separator_width) cells.erase(cells.begin());
    b.doc.add_table({b.span(in), std::move(b.rows), true});
    b.rows.clear();
    b.pipe_led.clear();
  }
};

// A separator row (markdown's |---|:---:|): the table's width, and whether it has outer pipes.
template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::separator, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (b.separator_width > 0) return;  // the first one says
    const std::string_view line(in.begin(), in.size());
    for (std::size_t i = 0; i < line.size(); ++i)
      if (line[i] == '-' && (i == 0 || line[i - 1] != '-')) ++b.separator_width;
    b.separator_piped = text::trim_blanks(line).starts_with('|');
  }
};

template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::paragraph, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (!b.room(in)) return;
    auto text = text::trim_blanks(std::string_view(in.begin(), in.size()));
    b.doc.add_paragraph({b.span(text), text});
  }
};

// PEGTL does not undo actions when an enclosing rule fails: a row whose cells matched and which
// then failed would leave its cells to the next row. Every attempt at a row (or a table) starts
// from nothing.
template <typename Rule>
struct control : pg::normal<Rule> {
  template <typename Input>
  static void start(const Input& /*in*/, Builder& b) {
    if constexpr (std::is_base_of_v<tag::row, Rule>) b.cells.clear();
    if constexpr (std::is_base_of_v<tag::table, Rule>) {
      b.rows.clear();
      b.pipe_led.clear();
      b.separator_width = 0;
    }
  }
};

// Parse `text` with a layout's grammar into a document tree. Never throws on text input. The
// grammar reads any text to its end; should it ever stop early, doc.unparsed_at says where.
template <typename Grammar>
doc::Document build(std::string_view text) {
  Builder b;
  b.base = text.data();
  pg::memory_input<pg::tracking_mode::lazy> in(text.data(), text.size(), "");
  if (!pg::parse<Grammar, action, control>(in, b)) b.doc.unparsed_at = static_cast<std::uint32_t>(in.current() - b.base);
  return std::move(b.doc);
}

}  // namespace xxgk::parse
