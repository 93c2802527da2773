// The parts of the template both versions share (see tables.hpp).
#include "template/tables.hpp"

namespace xxgk::tmpl {

namespace {

using P = Pattern;
const std::vector<std::string_view> kApplicant = {"natural_person", "commercial", "research", "social_welfare",
                                                  "legal_services", "other",      "total"};

}  // namespace

TableSpec active_table() {
  TableSpec t{.key = "active_disclosure", .name = "表二", .title = "主动公开政府信息情况", .section = 2};
  t.captions = {{"article", {P{{"第二十条"}}, P{{"第二十一条"}}}}};
  t.header_words = {{"content", {P{{"信息内容"}}}}};
  t.blocks_with_headers = true;
  return t;
}

TableSpec applications_table() {
  TableSpec t{.key = "applications", .name = "表三", .title = "收到和处理政府信息公开申请情况", .section = 3};
  t.subtotals = {
      {"denied", {P{{"不予公开"}}}},
      {"unable", {P{{"无法提供"}}}},
      {"rejected", {P{{"不予处理"}}}},
      {"", {P{{"小计"}, true}, P{{"合计"}, true}}},  // a 小计 row closing the group above it
  };
  t.captions = {{"results", {P{{"办理结果"}}}}};
  t.columns = {
      {"natural_person", "自然人", {P{{"自然人"}}}},
      {"commercial", "商业企业", {P{{"商业企业"}}}},
      {"research", "科研机构", {P{{"科研机构"}}}},
      {"social_welfare", "社会公益组织", {P{{"公益组织"}}}},
      {"legal_services", "法律服务机构", {P{{"法律服务"}}}},
      {"other", "其他", {P{{"其他"}, true}, P{{"其它"}, true}}},
      {"total", "总计", {P{{"总计"}}, P{{"合计"}}}},
      {"legal_subtotal", "小计", {P{{"小计"}}}, ValueKind::count, "", false},
  };
  t.header_words = {{"applicants", {P{{"申请人情况"}}}},
                    {"legal_persons", {P{{"法人或其他组织"}}, P{{"法人或其它组织"}}}},
                    {"identity_note", {P{{"勾稽关系"}}}}};
  return t;
}

std::vector<RowSpec> applications_rows_before_other() {
  auto row = [](std::string_view key, std::string_view label, std::vector<Pattern> ps, std::string_view group = "") {
    return RowSpec{key, label, std::move(ps), kApplicant, group};
  };
  return {
      row("new_received", "一、本年新收", {P{{"本年新收"}}}),
      row("carried_over", "二、上年结转", {P{{"上年结转"}}}),
      row("granted", "(一)予以公开", {P{{"予以公开"}}}),
      row("partially_granted", "(二)部分公开", {P{{"部分公开"}}}),
      row("denied_state_secret", "(三)1.国家秘密", {P{{"国家秘密"}}}, "denied"),
      // 其他法律(行政)法规禁止公开; also cut short: 其他法律行政止公开
      row("denied_prohibited_by_law", "(三)2.法律法规禁止", {P{{"禁止公开"}}, P{{"其他法律"}}}, "denied"),
      row("denied_security_stability", "(三)3.三安全一稳定", {P{{"三安全一稳定"}}, P{{"危及"}}}, "denied"),
      row("denied_third_party", "(三)4.第三方权益", {P{{"第三方"}}}, "denied"),
      row("denied_internal_affairs", "(三)5.内部事务", {P{{"内部事务"}}}, "denied"),
      row("denied_process_information", "(三)6.过程性信息", {P{{"过程性"}}}, "denied"),
      row("denied_enforcement_files", "(三)7.执法案卷", {P{{"执法案卷"}}}, "denied"),
      row("denied_administrative_query", "(三)8.查询事项", {P{{"查询事项"}}}, "denied"),
      row("unable_not_held", "(四)1.不掌握", {P{{"不掌握"}}}, "unable"),
      row("unable_needs_creation", "(四)2.需另行制作", {P{{"另行制作"}}, P{{"没有现成"}}}, "unable"),
      row("unable_unclear", "(四)3.补正后不明确", {P{{"仍不明确"}}, P{{"补正后"}}}, "unable"),
      row("rejected_petition", "(五)1.信访举报", {P{{"信访"}}}, "rejected"),
      row("rejected_duplicate", "(五)2.重复申请", {P{{"重复申请"}}}, "rejected"),
      row("rejected_publication", "(五)3.公开出版物", {P{{"出版物"}}}, "rejected"),
      row("rejected_excessive", "(五)4.大量反复", {P{{"大量反复"}}}, "rejected"),
      row("rejected_confirmation", "(五)5.确认或重新出具", {P{{"重新出具"}}, P{{"确认或"}}}, "rejected"),
  };
}

void append_applications_closing_rows(TableSpec& t) {
  t.rows.push_back({"total_processed", "(七)总计", {P{{"总计"}}, P{{"合计"}}}, kApplicant, ""});
  t.rows.push_back({"carried_forward", "四、结转下年度", {P{{"结转下年度"}}, P{{"下年度继续"}}}, kApplicant, ""});
}

std::vector<Identity> applications_identities(const TableSpec& t) {
  std::vector<std::string_view> outcomes;
  bool in = false;
  for (const auto& r : t.rows) {
    if (r.key == "total_processed") break;
    in = in || r.key == "granted";
    if (in && !r.patterns.empty()) outcomes.push_back(r.key);
  }
  using O = Identity::Over;
  return {
      {"applications.balance", O::columns, {"new_received", "carried_over"}, {"total_processed", "carried_forward"},
       "一+二", "(七)总计+四"},
      {"applications.outcomes", O::columns, {"total_processed"}, outcomes, "(七)总计", "(一)至(六)之和"},
      {"applications.row_total", O::rows, {"total"}, {"natural_person", "commercial", "research", "social_welfare",
                                                      "legal_services", "other"}, "总计", "各类申请人之和"},
      {"applications.subtotal", O::subtotals, {}, {}, "小计", "该组各行之和"},
      {"applications.legal_subtotal", O::rows, {"legal_subtotal"},
       {"commercial", "research", "social_welfare", "legal_services", "other"}, "法人或其他组织小计", "商业企业至其他之和"},
  };
}

TableSpec review_table() {
  TableSpec t{.key = "review_litigation", .name = "表四", .title = "政府信息公开行政复议、行政诉讼情况", .section = 4};
  // One row of fifteen values: the groups are column groups, each with the same five columns.
  const std::vector<std::string_view> cols = {
      "review.upheld",                  "review.corrected",
      "review.other",                   "review.pending",
      "review.total",                   "litigation_direct.upheld",
      "litigation_direct.corrected",    "litigation_direct.other",
      "litigation_direct.pending",      "litigation_direct.total",
      "litigation_after_review.upheld", "litigation_after_review.corrected",
      "litigation_after_review.other",  "litigation_after_review.pending",
      "litigation_after_review.total"};
  t.rows = {{"counts", "", {}, cols, ""}};
  t.unlabeled_row = "counts";
  t.columns = {
      {"upheld", "结果维持", {P{{"维持"}}}},
      {"corrected", "结果纠正", {P{{"纠正"}}}},
      {"other", "其他结果", {P{{"其他结果"}}, P{{"其它结果"}}}},
      {"pending", "尚未审结", {P{{"审结"}}}},
      {"total", "总计", {P{{"总计"}}, P{{"合计"}}}},
  };
  t.column_groups = {
      {"review", {P{{"行政复议"}}}, "行政复议"},
      {"litigation_direct", {P{{"未经复议"}}, P{{"直接起诉"}}}, "行政诉讼(未经复议直接起诉)"},
      {"litigation_after_review", {P{{"复议后起诉"}}}, "行政诉讼(复议后起诉)"},
  };
  t.header_words = {{"litigation", {P{{"行政诉讼"}}}}};
  t.identities = {{"review_litigation.total", Identity::Over::rows, {"total"}, {"upheld", "corrected", "other", "pending"},
                   "总计", "维持+纠正+其他+尚未审结"}};
  return t;
}

}  // namespace xxgk::tmpl
