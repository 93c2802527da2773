// 《中华人民共和国政府信息公开工作年度报告格式》(2021), 国办公开办函〔2021〕30号: the reports for
// 2021 on. 表二 主动公开, 表三 依申请, 表四 复议诉讼, with the label variants reports write.
#include "template/tables.hpp"

namespace xxgk::tmpl {

namespace {

using P = Pattern;

TableSpec active_2021() {
  const std::vector<std::string_view> docs = {"issued", "repealed", "in_force"};
  TableSpec t = active_table();
  t.rows = {
      {"rules", "规章", {P{{"规章"}}}, docs, ""},
      {"normative_documents", "行政规范性文件", {P{{"规范性文件"}}}, docs, ""},
      {"licensing", "行政许可", {P{{"行政许可"}}}, {"decisions"}, ""},
      {"penalty", "行政处罚", {P{{"行政处罚"}}}, {"decisions"}, ""},
      {"coercion", "行政强制", {P{{"行政强制"}}}, {"decisions"}, ""},
      {"fees", "行政事业性收费", {P{{"收费"}}}, {"amount"}, ""},
  };
  t.columns = {
      {"issued", "本年制发件数", {P{{"制发"}}}},
      {"repealed", "本年废止件数", {P{{"废止"}}, P{{"度止"}}}},  // 本年度止件数: a common typo
      {"in_force", "现行有效件数", {P{{"现行有效"}}}},
      {"decisions", "本年处理决定数量", {P{{"处理决定"}}}},
      {"amount", "本年收费金额", {P{{"收费金额"}}}, ValueKind::amount, "万元"},
  };
  return t;
}

TableSpec applications_2021() {
  TableSpec t = applications_table();
  t.rows = applications_rows_before_other();
  const auto cols = t.rows.front().columns;
  t.rows.insert(t.rows.end(), {
      {"other_no_correction", "(六)1.逾期不补正", {P{{"不补正"}}}, cols, "other"},
      {"other_fee_unpaid", "(六)2.逾期未缴费", {P{{"收费通知"}}, P{{"缴纳费用"}}}, cols, "other"},
      {"other_other", "(六)3.其他", {P{{"其他"}, true}, P{{"其它"}, true}}, cols, "other"},
  });
  append_applications_closing_rows(t);
  t.subtotals.insert(t.subtotals.begin() + 3, {"other", {P{{"其他处理"}}, P{{"其它处理"}}}});
  t.identities = applications_identities(t);
  return t;
}

}  // namespace

TemplateSpec describe_2021() {
  return {"2021", "国办公开办函〔2021〕30号", {active_2021(), applications_2021(), review_table()}, {}};
}

}  // namespace xxgk::tmpl
