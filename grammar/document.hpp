// The report's document structure, shared by every layout: title, section headings, page
// numbers, paragraphs. A layout supplies only its table rule (see tsv.hpp, markdown.hpp).
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

// Tags: what the AST builder listens to. A layout's rules derive from these.
namespace tag {
struct title {};
struct agency {};
struct year {};
template <int N>
struct section_heading {};  // N = 1..6
struct page_number {};
struct paragraph {};
struct table {};      // one physical table (a fragment, when the table is split across pages)
struct row {};        // one table row
struct cell {};       // one cell of a row
struct separator {};  // a markdown |---| row
}  // namespace tag

// Characters may be written with optional blanks between them: "年度 报告", "第 3 页".
template <char32_t... Cs>
struct spaced;

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
struct markdown_marks : pg::seq< pg::plus< pg::one< '#' > >, blanks > {};
struct emphasis : pg::sor< pg::two< '*' >, pg::two< '_' > > {};

// Digits, ASCII or full-width.
struct digit : pg::sor< pg::digit, pg::utf8::range< 0xFF10, 0xFF19 > > {};

// Page numbers between pages: "- 3 -", "— 3 —", "-3-", "第 3 页", "第3页 共9页", "3 / 9".
struct dash : pg::sor< pg::one< '-' >, pg::utf8::one< 0x2014, 0x2013, 0x2012, 0x2015, 0xFF0D, 0x2500 > > {};
struct page_digits : pg::plus< digit > {};
struct page_dashed : pg::seq< pg::plus< dash >, blanks, page_digits, blanks, pg::plus< dash > > {};
struct page_of : pg::seq< spaced< U'第' >, page_digits, blanks, spaced< U'页' >, pg::opt< spaced< U'共' >, page_digits, blanks, spaced< U'页' > > > {};
struct page_slash : pg::seq< page_digits, blanks, pg::one< '/' >, blanks, page_digits > {};
struct page_number : pg::seq< blanks, pg::sor< page_dashed, page_of, page_slash, page_digits >, blanks, eolf >, tag::page_number {};

// Title: agency and year, on one line or two, optionally a markdown heading.
//   三门峡市科学技术局 2025 年政府信息公开工作年度报告
//   # 偃师区科学技术局 2024 年政府信息公开工作年度报告
//   攀枝花市东区科学技术局 ⏎ 2025 年政府信息公开工作年度报告
struct year : pg::rep< 4, digit >, tag::year {};
struct report_words : pg::seq< pg::opt< spaced< U'政', U'府' > >, pg::sor< spaced< U'信', U'息', U'公', U'开' >, spaced< U'政', U'务', U'公', U'开' > >, pg::opt< spaced< U'工', U'作' > >, spaced< U'年', U'度', U'报', U'告' > > {};
struct year_and_report : pg::seq< year, blanks, spaced< U'年' >, pg::opt< spaced< U'度' > >, report_words > {};
struct title_char : pg::seq< pg::not_at< year_and_report >, pg::not_one< '\r', '\n', '\t', '|' > > {};
struct agency : pg::plus< title_char >, tag::agency {};
struct title_one_line : pg::seq< pg::opt< markdown_marks >, blanks, agency, year_and_report, rest_of_line, eolf > {};
struct agency_line : pg::seq< pg::opt< markdown_marks >, blanks, agency, eol > {};
struct year_line : pg::seq< pg::opt< markdown_marks >, blanks, year_and_report, rest_of_line, eolf > {};
struct title_two_lines : pg::seq< agency_line, pg::star< blank_line >, year_line > {};
struct title : pg::sor< title_one_line, title_two_lines >, tag::title {};

// Section headings 一、总体情况 … 六、其他需要报告的事项, optionally as markdown headings. A
// heading names its section: "四、结转下年度继续办理" (a 表三 row) is not section 四.
struct heading_separator : pg::sor< pg::utf8::one< 0x3001, 0xFF0E, 0xFF0C >, pg::one< '.', ',' > > {};
struct heading_char : pg::not_one< '\r', '\n', '\t', '|' > {};
template< typename Keyword > struct heading_text : pg::seq< pg::star< pg::not_at< Keyword >, pg::not_at< pg::utf8::one< 0x3002 > >, heading_char >, Keyword, pg::star< pg::not_at< pg::utf8::one< 0x3002 > >, heading_char >, eolf > {};
template< char32_t Numeral, typename Keyword > struct heading : pg::seq< pg::opt< markdown_marks >, blanks, pg::opt< emphasis >, blanks, pg::utf8::one< Numeral >, blanks, heading_separator, blanks, heading_text< Keyword > > {};
struct section_1 : heading< U'一', spaced< U'总', U'体' > >, tag::section_heading< 1 > {};
struct section_2 : heading< U'二', spaced< U'主', U'动', U'公', U'开' > >, tag::section_heading< 2 > {};
struct section_3 : heading< U'三', spaced< U'申', U'请' > >, tag::section_heading< 3 > {};
struct section_4 : heading< U'四', pg::sor< spaced< U'复', U'议' >, spaced< U'诉', U'讼' > > >, tag::section_heading< 4 > {};
struct section_5 : heading< U'五', pg::sor< spaced< U'问', U'题' >, spaced< U'改', U'进' > > >, tag::section_heading< 5 > {};
struct section_6 : heading< U'六', pg::sor< spaced< U'其', U'他' >, spaced< U'其', U'它' > > >, tag::section_heading< 6 > {};
// What every heading starts with: tested once before the six are tried.
struct heading_start : pg::seq< pg::opt< markdown_marks >, blanks, pg::opt< emphasis >, blanks, pg::utf8::one< U'一', U'二', U'三', U'四', U'五', U'六' > > {};
struct section_heading : pg::seq< pg::at< heading_start >, pg::sor< section_1, section_2, section_3, section_4, section_5, section_6 > > {};

// Any other non-blank line is a paragraph line.
struct paragraph : pg::seq< pg::not_at< blanks, eolf >, text_char, rest_of_line, eolf >, tag::paragraph {};

// The whole report, given the layout's table rule. Every line is something, so the grammar never
// fails on text: what is not a report is found by the passes (no title, no template table).
template< typename Table > struct block : pg::sor< blank_line, Table, page_number, section_heading, paragraph > {};
template< typename Table > struct document : pg::seq< pg::opt< pg::utf8::bom >, pg::star< blank_line >, pg::opt< title >, pg::star< block< Table > >, pg::star< pg::sor< blank, pg::one< '\t' > > >, pg::eof > {};

template< char32_t... Cs > struct spaced : pg::seq< pg::seq< pg::utf8::one< Cs >, blanks >... > {};
// clang-format on

}  // namespace xxgk::grammar
