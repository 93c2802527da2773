// What the template versions share, so that each version's file states only what is its own:
// 表三's rows and columns (the versions differ in （六）其他处理 only), 表四 whole, and the
// frame of 表二 (its captions and header words; its rows and columns differ).
#pragma once

#include "template/template.hpp"

namespace xxgk::tmpl {

// 表二 without rows or columns.
TableSpec active_table();
// 表三 with its columns, header words, captions and the subtotal groups (三)(四)(五), no rows.
TableSpec applications_table();
// 表三's rows from 一、本年新收 to （五）5.要求行政机关确认或重新出具已获取信息.
std::vector<RowSpec> applications_rows_before_other();
// Adds 表三's rows after （六）: （七）总计, 四、结转下年度继续办理.
void append_applications_closing_rows(TableSpec& t);
// 表三's identities; the outcomes are the labelled rows between 予以公开 and 总计 in `t`.
std::vector<Identity> applications_identities(const TableSpec& t);
// 表四 whole (the same in both versions).
TableSpec review_table();

}  // namespace xxgk::tmpl
