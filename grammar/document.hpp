// A report as text, shared by every text layout: blank lines, paragraph lines, and the layout's
// tables. A layout supplies only its table rule (see tsv.hpp, markdown.hpp). What a paragraph
// is — title, section heading, page number, page furniture — is decided after, by the passes
// every front end shares (grammar/outline.hpp).
//
// Rules only: no actions, no error messages. Rules an action attaches to derive from a tag in
// namespace xxgk::grammar::tag, so that one set of actions (src/parse/builder.hpp) serves every
// layout.
#pragma once

#include <tao/pegtl.hpp>

#include <cstdint>
#include <cstring>

namespace xxgk::grammar {

namespace pg = tao::pegtl;

// Tags: what the tree builder listens to. A layout's rules derive from these.
namespace tag {
struct paragraph {};
struct table {};      // one physical table (a fragment, when the table is split across pages)
struct row {};        // one table row
struct cell {};       // one cell of a row
struct quoted_cell {};  // one cell written between quotes, "" for a quote (a spreadsheet's text)
struct separator {};    // a row that only separates (markdown's |---|): the table's width and style
}  // namespace tag

// pg::star< pg::not_one< Cs... > >, eight bytes at a time: the bytes up to one of Cs or the end
// of the input (a cell, the rest of a line). Matching them one by one costs several times more;
// for analysis it is that rule.
template< char... Cs >
struct until_one_of {
  using rule_t = typename pg::star< pg::not_one< Cs... > >::rule_t;
  using subs_t = typename rule_t::subs_t;
  template< typename ParseInput >
  [[nodiscard]] static bool match( ParseInput& in ) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const auto has_zero_byte = []( std::uint64_t x ) { return ( ( x - ones ) & ~x & highs ) != 0; };
    const char* p = in.current();
    const char* const end = in.end();
    for( std::uint64_t w; end - p >= 8; p += 8 ) {
      std::memcpy( &w, p, 8 );
      if( ( has_zero_byte( w ^ ( static_cast< unsigned char >( Cs ) * ones ) ) || ... ) ) break;
    }
    while( p != end && ( ( *p != Cs ) && ... ) ) ++p;
    in.bump( static_cast< std::size_t >( p - in.current() ) );
    return true;
  }
};

// clang-format off
struct eol : pg::sor< pg::string< '\r', '\n' >, pg::one< '\n', '\r' > > {};
// The end of a line or of the input. Not pg::eolf: that follows the input's eol policy (LF and
// CRLF), and a lone CR (old Mac text, damaged files) is a line end here as in LineIndex.
struct eolf : pg::sor< eol, pg::eof > {};
// Blanks inside a line (not the tab, which separates cells in the tsv layout): space, form feed,
// ideographic space, no-break space, zero-width spaces and BOM.
struct blank : pg::sor< pg::one< ' ', '\f', '\v' >, pg::utf8::one< 0x3000, 0x00A0, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF > > {};
struct blanks : pg::star< blank > {};
struct text_char : pg::not_one< '\r', '\n' > {};
struct rest_of_line : until_one_of< '\r', '\n' > {};
struct blank_line : pg::seq< pg::star< pg::sor< blank, pg::one< '\t' > > >, eol > {};

// Any other non-blank line is a paragraph line.
struct paragraph : pg::seq< pg::not_at< blanks, eolf >, text_char, rest_of_line, eolf >, tag::paragraph {};

// The whole report, given the layout's table rule. Every line is something, so the grammar never
// fails on text: what is not a report is found by the passes (no title, no template table).
template< typename Table > struct block : pg::sor< blank_line, Table, paragraph > {};
template< typename Table > struct document : pg::seq< pg::opt< pg::utf8::bom >, pg::star< block< Table > >, pg::star< pg::sor< blank, pg::one< '\t' > > >, pg::eof > {};
// clang-format on

}  // namespace xxgk::grammar
