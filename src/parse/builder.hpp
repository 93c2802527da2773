// Grammar actions: build the AST from any layout's grammar. Actions attach to the tags of
// grammar/document.hpp, so a layout grammar that derives its rules from those tags needs no
// actions of its own. Only this header and layouts.cpp include PEGTL.
#pragma once

#include <tao/pegtl.hpp>
#include <type_traits>

#include "ast/ast.hpp"
#include "grammar/document.hpp"

namespace xxgk::parse {

namespace pg = tao::pegtl;
namespace tag = grammar::tag;

struct Builder {
  const char* base = nullptr;  // start of the input, for offsets
  ast::Document doc;
  std::vector<ast::Cell> cells;  // cells of the row being matched
  std::vector<ast::Row> rows;    // rows of the table being matched
  int separators = 0;
  std::size_t nodes = 0;

  // Count one more node; false (and the document marked truncated) past ast::kMaxNodes.
  template <typename Input>
  bool room(const Input& in) {
    if (++nodes <= ast::kMaxNodes) return true;
    if (doc.truncated_at == UINT32_MAX) doc.truncated_at = static_cast<std::uint32_t>(in.begin() - base);
    return false;
  }

  template <typename Input>
  ast::Span span(const Input& in) const {
    return {static_cast<std::uint32_t>(in.begin() - base), static_cast<std::uint32_t>(in.end() - base)};
  }
  ast::Section& section() { return doc.sections.back(); }
};

// Trim blanks (ASCII space, tab, form feed, ideographic and no-break space) from both ends.
std::string_view trim_blanks(std::string_view s);
// Drop leading markdown '#' marks, and ** or __ emphasis around the text.
std::string_view strip_markdown_marks(std::string_view s);

template <typename Rule, typename = void>
struct action : pg::nothing<Rule> {};

template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::cell, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (!b.room(in)) return;
    auto& cell = b.cells.emplace_back();
    cell.span = b.span(in);
    cell.raw = std::string_view(in.begin(), in.size());
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
    ast::Row row;
    row.span = b.span(in);
    row.cells.assign(b.cells.begin(), b.cells.end());  // one allocation of the exact size; b.cells keeps its room
    b.cells.clear();
    // A markdown row keeps the text before its first pipe and after its last one as cells: drop
    // them when blank (|a|b| has two cells, not four).
    if constexpr (requires { typename Rule::pipe_delimited; }) {
      if (!row.cells.empty() && trim_blanks(row.cells.front().raw).empty()) row.cells.erase(row.cells.begin());
      if (!row.cells.empty() && trim_blanks(row.cells.back().raw).empty()) row.cells.pop_back();
    }
    b.rows.push_back(std::move(row));
  }
};

template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::separator, Rule>>> {
  static void apply0(Builder& b) { ++b.separators; }
};

template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::table, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    auto& s = b.section();
    s.blocks.push_back({ast::Block::Kind::table, s.tables.size()});
    s.tables.push_back({b.span(in), std::move(b.rows), b.separators});
    b.rows.clear();
    b.separators = 0;
  }
};

template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::paragraph, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (!b.room(in)) return;
    auto& s = b.section();
    auto text = trim_blanks(std::string_view(in.begin(), in.size()));
    auto begin = static_cast<std::uint32_t>(text.data() - b.base);
    s.blocks.push_back({ast::Block::Kind::paragraph, s.paragraphs.size()});
    s.paragraphs.push_back({{begin, begin + static_cast<std::uint32_t>(text.size())}, text});
  }
};

template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::page_number, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (b.room(in)) b.section().blocks.push_back({ast::Block::Kind::page_break, 0});
  }
};

template <int N>
constexpr int section_number_of(const tag::section_heading<N>*) { return N; }
constexpr int section_number_of(const void*) { return 0; }
template <typename Rule>
inline constexpr int section_number_v = section_number_of(static_cast<const Rule*>(nullptr));

template <typename Rule>
struct action<Rule, std::enable_if_t<(section_number_v<Rule> > 0)>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (!b.room(in)) return;
    auto text = trim_blanks(strip_markdown_marks(trim_blanks(std::string_view(in.begin(), in.size()))));
    ast::Section s;
    s.number = section_number_v<Rule>;
    auto begin = static_cast<std::uint32_t>(text.data() - b.base);
    s.heading_span = {begin, begin + static_cast<std::uint32_t>(text.size())};
    s.heading = text;
    b.doc.sections.push_back(std::move(s));
  }
};

template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::agency, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    auto text = trim_blanks(strip_markdown_marks(std::string_view(in.begin(), in.size())));
    auto begin = static_cast<std::uint32_t>(text.data() - b.base);
    b.doc.title.agency = text;
    b.doc.title.agency_span = {begin, begin + static_cast<std::uint32_t>(text.size())};
  }
};

template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::year, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.doc.title.year = std::string_view(in.begin(), in.size());
    b.doc.title.year_span = b.span(in);
  }
};

template <typename Rule>
struct action<Rule, std::enable_if_t<std::is_base_of_v<tag::title, Rule>>> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.doc.title.present = true;
    b.doc.title.span = b.span(in);
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
      b.separators = 0;
    }
  }
};

// Parse `text` with a layout's grammar into a Document. Never throws on text input. The grammar
// reads any text to its end; should it ever stop early, doc.unparsed_at says where.
template <typename Grammar>
ast::Document build(std::string_view text) {
  Builder b;
  b.base = text.data();
  b.doc.sections.emplace_back();  // the preamble
  pg::memory_input<pg::tracking_mode::lazy> in(text.data(), text.size(), "");
  if (!pg::parse<Grammar, action, control>(in, b)) b.doc.unparsed_at = static_cast<std::uint32_t>(in.current() - b.base);
  return std::move(b.doc);
}

}  // namespace xxgk::parse
