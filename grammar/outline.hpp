// What one paragraph of a report is, whatever the front end that read it: a section heading, a
// page number, or (part of) the title. Each rule reads one paragraph's whole text; the outline
// pass (src/passes/outline.cpp) applies them through src/parse/outline.cpp.
//
// Rules only: no actions, no error messages.
#pragma once

#include <tao/pegtl.hpp>

namespace xxgk::grammar::outline {

namespace pg = tao::pegtl;

// Characters may be written with optional blanks between them: "年度 报告", "第 3 页".
template <char32_t... Cs>
struct spaced;

// clang-format off
struct blank : pg::sor< pg::one< ' ', '\t', '\f', '\v' >, pg::utf8::one< 0x3000, 0x00A0, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF > > {};
struct blanks : pg::star< blank > {};
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
struct page_number : pg::seq< blanks, pg::sor< page_dashed, page_of, page_slash, page_digits >, blanks, pg::eof > {};

// Section headings 一、总体情况 … 六、其他需要报告的事项, optionally as markdown headings or in
// emphasis. A heading names its section: "四、结转下年度继续办理" (a 表三 row) is not section 四,
// and a sentence ("二、主动公开了很多信息。") is not a heading.
struct heading_separator : pg::sor< pg::utf8::one< 0x3001, 0xFF0E, 0xFF0C >, pg::one< '.', ',' > > {};
struct full_stop : pg::utf8::one< 0x3002 > {};
template< typename Keyword > struct heading_text : pg::seq< pg::star< pg::not_at< Keyword >, pg::not_at< full_stop >, pg::utf8::any >, Keyword, pg::star< pg::not_at< full_stop >, pg::utf8::any >, pg::eof > {};
template< char32_t Numeral, typename Keyword > struct heading : pg::seq< pg::opt< markdown_marks >, blanks, pg::opt< emphasis >, blanks, pg::utf8::one< Numeral >, blanks, heading_separator, blanks, heading_text< Keyword > > { using keyword = Keyword; };
struct section_1 : heading< U'一', spaced< U'总', U'体' > > {};
struct section_2 : heading< U'二', spaced< U'主', U'动', U'公', U'开' > > {};
struct section_3 : heading< U'三', spaced< U'申', U'请' > > {};
struct section_4 : heading< U'四', pg::sor< spaced< U'复', U'议' >, spaced< U'诉', U'讼' > > > {};
struct section_5 : heading< U'五', pg::sor< spaced< U'问', U'题' >, spaced< U'改', U'进' > > > {};
struct section_6 : heading< U'六', pg::sor< spaced< U'其', U'他' >, spaced< U'其', U'它' > > > {};
// What every heading starts with; its numeral says which of the six to try.
struct heading_start : pg::seq< pg::opt< markdown_marks >, blanks, pg::opt< emphasis >, blanks, pg::utf8::one< U'一', U'二', U'三', U'四', U'五', U'六' > > {};

template< char32_t... Cs > struct spaced : pg::seq< pg::seq< pg::utf8::one< Cs >, blanks >... > {};

// The characters a heading's keyword can start with (heading< N, K >::keyword): a line holding
// none of them is no such heading, which is known without the rule (it scans the whole line).
template< typename Keyword > struct keyword_starts;
template< char32_t C, char32_t... Cs > struct keyword_starts< spaced< C, Cs... > > { static constexpr char32_t first = C; static constexpr char32_t chars[] = { C }; };
template< typename... Ks > struct keyword_starts< pg::sor< Ks... > > { static constexpr char32_t chars[] = { keyword_starts< Ks >::first... }; };
// clang-format on

// The title, read from the normalised text (no blanks, half-width punctuation) of one to three
// lines joined. Its forms:
//   三门峡市科学技术局2024年政府信息公开工作年度报告      agency, year, report words
//   2023年度安阳市科学技术局政府信息公开工作年度报告      year first
//   某局政府信息公开工作年度报告(2024年度)               the year after, in brackets
//   某局关于2023年度政府信息公开工作情况的报告           关于 … 的报告
//   关于印发《某局2024年政府信息公开工作年度报告》的通知  any of these inside 《》
// with years written 2024, 二〇二四; 年 or 年度; …工作年度报告, …工作报告, …年报.
namespace title {
// clang-format off
template< char32_t... Cs > struct chars : pg::seq< pg::utf8::one< Cs >... > {};
struct ascii_year : pg::rep< 4, pg::digit > {};
struct chinese_digit : pg::utf8::one< U'〇', U'零', U'○', U'O', U'o', U'0', U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九' > {};
struct chinese_year : pg::rep< 4, chinese_digit > {};
struct year : pg::sor< ascii_year, chinese_year > {};
struct year_part : pg::seq< year, chars< U'年' >, pg::opt< chars< U'度' > > > {};
struct report_words : pg::seq< pg::opt< chars< U'政', U'府' > >, pg::sor< chars< U'信', U'息', U'公', U'开' >, chars< U'政', U'务', U'公', U'开' > >,
                               pg::opt< chars< U'工', U'作' > >, pg::opt< chars< U'情', U'况' > >,
                               pg::sor< chars< U'年', U'度', U'报', U'告' >, chars< U'年', U'报' >, chars< U'报', U'告' > > > {};
struct about : chars< U'关', U'于' > {};
struct report : chars< U'报', U'告' > {};
struct stop : pg::sor< year_part, report_words, about, pg::utf8::one< U'《', U'》' > > {};
struct agency : pg::plus< pg::not_at< stop >, pg::utf8::any > {};
struct note : pg::seq< pg::one< '(' >, pg::star< pg::not_one< ')' > >, pg::one< ')' > > {};  // (全文), (摘要)

template< typename End > struct agency_year : pg::seq< pg::opt< agency >, year_part, report_words, pg::opt< note >, End > {};
template< typename End > struct year_agency : pg::seq< year_part, agency, report_words, pg::opt< note >, End > {};
template< typename End > struct year_after : pg::seq< pg::opt< agency >, report_words, pg::one< '(' >, year_part, pg::one< ')' >, End > {};
template< typename End > struct about_report : pg::seq< agency, about, year_part, pg::star< pg::not_at< report, End >, pg::utf8::any >, report, End > {};
template< typename End > struct form : pg::sor< agency_year< End >, year_agency< End >, year_after< End >, about_report< End > > {};

struct close : pg::at< pg::utf8::one< U'》' > > {};
struct open : pg::utf8::one< U'《' > {};
struct wrapped : pg::seq< pg::star< pg::not_at< open, form< close > >, pg::utf8::any >, open, form< close >, pg::utf8::one< U'》' >, pg::star< pg::utf8::any >, pg::eof > {};
struct grammar : pg::sor< form< pg::eof >, wrapped > {};
// clang-format on
}  // namespace title

}  // namespace xxgk::grammar::outline
