// 《中华人民共和国政府信息公开工作年度报告格式（试行）》(2019), 国办公开办函〔2019〕60号: the reports for
// 2019 and 2020, and some later ones. 表二 has its own blocks and columns; 表三 writes （六）其他处理
// as one row (the 2021 sub-rows are kept in the record, always null, so that queries span both);
// 表四 is as in 2021.
#include "template/tables.hpp"

namespace xxgk::tmpl {

namespace {

using P = Pattern;

TableSpec active_2019() {
  const std::vector<std::string_view> docs = {"made", "published", "total_published"};
  const std::vector<std::string_view> items = {"previous_year", "change", "decisions"};
  TableSpec t = active_table();
  t.rows = {
      {"rules", "规章", {P{{"规章"}}}, docs, ""},
      {"normative_documents", "规范性文件", {P{{"规范性文件"}}}, docs, ""},
      {"licensing", "行政许可", {P{{"行政许可"}}}, items, ""},
      {"other_services", "其他对外管理服务事项", {P{{"对外管理服务"}}}, items, ""},
      {"penalty", "行政处罚", {P{{"行政处罚"}}}, items, ""},
      {"coercion", "行政强制", {P{{"行政强制"}}}, items, ""},
      {"fees", "行政事业性收费", {P{{"收费"}}}, {"previous_year", "change"}, ""},
      {"procurement", "政府集中采购", {P{{"集中采购"}}}, {"items", "amount"}, ""},
  };
  t.columns = {
      // A header cut short writes 本年新 | 本年新: the first is 制作, the second 公开.
      {"made", "本年新制作数量", {P{{"新制作"}}, P{{"本年新"}, true}}},
      {"published", "本年新公开数量", {P{{"新公开"}}, P{{"本年新"}, true}}},
      {"total_published", "对外公开总数量", {P{{"公开总数"}}}},
      {"previous_year", "上一年项目数量", {P{{"上一年"}}}},
      {"change", "本年增/减", {P{{"增/减"}}, P{{"增减"}}, P{{"增(减)"}}, P{{"增、减"}}}, ValueKind::signed_count},
      {"decisions", "处理决定数量", {P{{"处理决定"}}}},
      {"items", "采购项目数量", {P{{"采购项目"}}}},
      {"amount", "采购总金额", {P{{"采购总金额"}}, P{{"总金额"}}}, ValueKind::amount},
  };
  return t;
}

TableSpec applications_2019() {
  TableSpec t = applications_table();
  t.rows = applications_rows_before_other();
  const auto cols = t.rows.front().columns;
  t.rows.insert(t.rows.end(), {
      {"other_handling", "(六)其他处理", {P{{"其他处理"}}, P{{"其它处理"}}}, cols, ""},
      // The 2021 sub-rows: in the record only (no label of the 2019 template names them).
      {"other_no_correction", "(六)1.逾期不补正", {}, cols, ""},
      {"other_fee_unpaid", "(六)2.逾期未缴费", {}, cols, ""},
      {"other_other", "(六)3.其他", {}, cols, ""},
  });
  append_applications_closing_rows(t);
  t.identities = applications_identities(t);
  return t;
}

}  // namespace

TemplateSpec describe_2019() {
  return {"2019", "国办公开办函〔2019〕60号", {active_2019(), applications_2019(), review_table()}, {}};
}

}  // namespace xxgk::tmpl
