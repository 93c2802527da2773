// Layout "glued": text taken from a web page's DOM by a crawler, every separator between the
// cells of a table lost (`…申请数量801000081二、上年结转…`), the whole report a few very long lines.
// These rules say where, inside such a line, the report's parts begin; each is tried at one
// position of the line (src/frontend/glued.cpp) and reads no further than the part it names.
//
// Rules only: no actions, no error messages.
#pragma once

#include <tao/pegtl.hpp>

namespace xxgk::grammar::glued {

namespace pg = tao::pegtl;

// clang-format off
template< char32_t... Cs > struct chars : pg::seq< pg::utf8::one< Cs >... > {};
struct blank : pg::sor< pg::one< ' ', '\t' >, pg::utf8::one< 0x3000, 0x00A0 > > {};
struct blanks : pg::star< blank > {};
struct digit : pg::digit {};
struct numeral : pg::utf8::one< U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八' > {};
struct full_stop : pg::utf8::one< U'。', U'；', U'，' > {};
struct open_paren : pg::sor< pg::one< '(' >, pg::utf8::one< U'（' > > {};
struct close_paren : pg::sor< pg::one< ')' >, pg::utf8::one< U'）' > > {};

// A section heading inside a line: 一、总体情况 … 六、其他需要报告的事项 — a numeral, 、, and a
// short title (at most 40 characters, no digit, no full stop) ending in 情况 or 事项. Its match
// is the heading. "一、本年新收政府信息公开申请数量" (a row of 表三) does not end so and is not one.
struct heading_end : pg::sor< chars< U'情', U'况' >, chars< U'事', U'项' > > {};
struct heading_char : pg::seq< pg::not_at< heading_end >, pg::not_at< digit >, pg::not_at< full_stop >, pg::utf8::any > {};
struct heading : pg::seq< numeral, blanks, pg::utf8::one< U'、', U'．' >, blanks, pg::rep_max< 40, heading_char >, heading_end > {};

// The caption of a block of 表二: 第二十条第（一）项 (第二十一条 in some reports). Its match is the caption.
struct article : pg::seq< chars< U'第', U'二', U'十' >, pg::opt< chars< U'一' > >, chars< U'条' > > {};
struct caption : pg::seq< article, pg::rep_max< 8, pg::not_at< chars< U'项' > >, pg::not_at< digit >, pg::utf8::any >, chars< U'项' > > {};

// What a table's header starts with: 信息内容 (表二), the note of 表三
// (（本列数据的勾稽关系为…）) or 申请人情况, 行政复议 (表四).
struct header_start : pg::sor< chars< U'信', U'息', U'内', U'容' >, pg::seq< open_paren, chars< U'本', U'列', U'数', U'据' > >,
                               chars< U'申', U'请', U'人', U'情', U'况' >, chars< U'行', U'政', U'复', U'议' > > {};
// Where a header of 表二 may end: after a column's name (本年制发件数, 本年处理决定数量,
// 本年收费金额（单位：万元）, 本年增/减, 采购总金额).
struct header_word_end : pg::sor< chars< U'数', U'量' >, chars< U'件', U'数' >, pg::seq< chars< U'万', U'元' >, close_paren >,
                                  chars< U'金', U'额' >, pg::seq< pg::one< '/' >, chars< U'减' > > > {};

// The numbering a row of 表三 starts with: 一、 to 四、, （一） to （七）, or 1. to 8. before
// the label's first character (not a digit: 9116.36 is a number).
struct row_numbering : pg::sor< pg::seq< numeral, pg::utf8::one< U'、' > >, pg::seq< open_paren, numeral, close_paren >,
                                pg::seq< digit, pg::sor< pg::one< '.' >, pg::utf8::one< U'．', U'、' > >, pg::not_at< digit > > > {};

// A line is surely glued when a label of 表三 is followed at once by a run of at least seven
// digits: seven cells with nothing between them.
struct glued_digits : pg::seq< pg::rep< 7, digit >, pg::star< digit > > {};
struct probe_label : pg::sor< chars< U'申', U'请', U'数', U'量' >, chars< U'继', U'续', U'办', U'理' >, chars< U'予', U'以', U'公', U'开' > > {};
struct probe : pg::seq< probe_label, pg::opt< blank >, glued_digits > {};
// clang-format on

}  // namespace xxgk::grammar::glued
