// 《中华人民共和国政府信息公开工作年度报告格式》(2021): 表二, 表三, 表四.
#include <array>

#include "template/template.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk {

const std::array<const char*, kApplicationRows> kApplicationRowKeys = {
    "new_received",           "carried_over",           "granted",
    "partially_granted",      "denied_state_secret",    "denied_prohibited_by_law",
    "denied_security_stability", "denied_third_party",  "denied_internal_affairs",
    "denied_process_information", "denied_enforcement_files", "denied_administrative_query",
    "unable_not_held",        "unable_needs_creation",  "unable_unclear",
    "rejected_petition",      "rejected_duplicate",     "rejected_publication",
    "rejected_excessive",     "rejected_confirmation",  "other_no_correction",
    "other_fee_unpaid",       "other_other",            "total_processed",
    "carried_forward"};
const std::array<const char*, kApplicantColumns> kApplicantColumnKeys = {
    "natural_person", "commercial", "research", "social_welfare", "legal_services", "other", "total"};
const std::array<const char*, kReviewGroups> kReviewGroupKeys = {"review", "litigation_direct",
                                                                 "litigation_after_review"};
const std::array<const char*, kReviewColumns> kReviewColumnKeys = {"upheld", "corrected", "other", "pending",
                                                                   "total"};

}  // namespace xxgk

namespace xxgk::tmpl {

namespace {

using P = Pattern;
const std::vector<std::string_view> kApplicant = {"natural_person", "commercial", "research", "social_welfare",
                                                  "legal_services", "other",      "total"};

TableSpec active_2021() {
  const std::vector<std::string_view> docs = {"issued", "repealed", "in_force"};
  TableSpec t{.id = TableId::active, .name = "表二", .title = "主动公开政府信息情况", .section = 2};
  t.rows = {
      {"rules", {P{{"规章"}}}, docs, ""},
      {"normative_documents", {P{{"规范性文件"}}}, docs, ""},
      {"licensing", {P{{"行政许可"}}}, {"decisions"}, ""},
      {"penalty", {P{{"行政处罚"}}}, {"decisions"}, ""},
      {"coercion", {P{{"行政强制"}}}, {"decisions"}, ""},
      {"fees", {P{{"收费"}}}, {"amount"}, ""},
  };
  t.captions = {{"article", {P{{"第二十条"}}, P{{"第二十一条"}}}}};
  t.columns = {
      {"issued", {P{{"制发"}}}},
      {"repealed", {P{{"废止"}}, P{{"度止"}}}},  // 本年度止件数: a common typo
      {"in_force", {P{{"现行有效"}}}},
      {"decisions", {P{{"处理决定"}}}},
      {"amount", {P{{"收费金额"}}}},
  };
  t.header_words = {{"content", {P{{"信息内容"}}}}};
  t.other_versions = {{"2019", {P{{"新制作"}}, P{{"新公开"}}, P{{"对外公开总数量"}}, P{{"上一年项目数量"}},
                                P{{"集中采购"}}}}};
  return t;
}

TableSpec applications_2021() {
  TableSpec t{.id = TableId::applications, .name = "表三", .title = "收到和处理政府信息公开申请情况", .section = 3};
  auto row = [](std::string_view key, std::vector<Pattern> ps, std::string_view group = "") {
    return RowSpec{key, std::move(ps), kApplicant, group};
  };
  t.rows = {
      row("new_received", {P{{"本年新收"}}}),
      row("carried_over", {P{{"上年结转"}}}),
      row("granted", {P{{"予以公开"}}}),
      row("partially_granted", {P{{"部分公开"}}}),
      row("denied_state_secret", {P{{"国家秘密"}}}, "denied"),
      row("denied_prohibited_by_law", {P{{"禁止公开"}}}, "denied"),  // 其他法律(行政)法规禁止公开
      row("denied_security_stability", {P{{"三安全一稳定"}}, P{{"危及"}}}, "denied"),
      row("denied_third_party", {P{{"第三方"}}}, "denied"),
      row("denied_internal_affairs", {P{{"内部事务"}}}, "denied"),
      row("denied_process_information", {P{{"过程性"}}}, "denied"),
      row("denied_enforcement_files", {P{{"执法案卷"}}}, "denied"),
      row("denied_administrative_query", {P{{"查询事项"}}}, "denied"),
      row("unable_not_held", {P{{"不掌握"}}}, "unable"),
      row("unable_needs_creation", {P{{"另行制作"}}, P{{"没有现成"}}}, "unable"),
      row("unable_unclear", {P{{"仍不明确"}}, P{{"补正后"}}}, "unable"),
      row("rejected_petition", {P{{"信访"}}}, "rejected"),
      row("rejected_duplicate", {P{{"重复申请"}}}, "rejected"),
      row("rejected_publication", {P{{"出版物"}}}, "rejected"),
      row("rejected_excessive", {P{{"大量反复"}}}, "rejected"),
      row("rejected_confirmation", {P{{"重新出具"}}, P{{"确认或"}}}, "rejected"),
      row("other_no_correction", {P{{"不补正"}}}, "other"),
      row("other_fee_unpaid", {P{{"收费通知"}}, P{{"缴纳费用"}}}, "other"),
      row("other_other", {P{{"其他"}, true}, P{{"其它"}, true}}, "other"),
      row("total_processed", {P{{"总计"}}, P{{"合计"}}}),
      row("carried_forward", {P{{"结转下年度"}}, P{{"下年度继续"}}}),
  };
  t.subtotals = {
      {"denied", {P{{"不予公开"}}}},
      {"unable", {P{{"无法提供"}}}},
      {"rejected", {P{{"不予处理"}}}},
      {"other", {P{{"其他处理"}}, P{{"其它处理"}}}},
      {"", {P{{"小计"}, true}, P{{"合计"}, true}}},  // a 小计 row closing the group above it
  };
  t.captions = {{"results", {P{{"办理结果"}}}}};
  t.columns = {
      {"natural_person", {P{{"自然人"}}}},
      {"commercial", {P{{"商业企业"}}}},
      {"research", {P{{"科研机构"}}}},
      {"social_welfare", {P{{"公益组织"}}}},
      {"legal_services", {P{{"法律服务"}}}},
      {"other", {P{{"其他"}, true}, P{{"其它"}, true}}},
      {"total", {P{{"总计"}}, P{{"合计"}}}},
      {"legal_subtotal", {P{{"小计"}}}, false},
  };
  t.header_words = {{"applicants", {P{{"申请人情况"}}}},
                    {"legal_persons", {P{{"法人或其他组织"}}, P{{"法人或其它组织"}}}},
                    {"identity_note", {P{{"勾稽关系"}}}}};
  return t;
}

TableSpec review_2021() {
  TableSpec t{.id = TableId::review, .name = "表四", .title = "政府信息公开行政复议、行政诉讼情况", .section = 4};
  std::vector<std::string_view> cols;
  static const std::array<const char*, 15> kCols = {
      "review.upheld",
      "review.corrected",
      "review.other",
      "review.pending",
      "review.total",
      "litigation_direct.upheld",
      "litigation_direct.corrected",
      "litigation_direct.other",
      "litigation_direct.pending",
      "litigation_direct.total",
      "litigation_after_review.upheld",
      "litigation_after_review.corrected",
      "litigation_after_review.other",
      "litigation_after_review.pending",
      "litigation_after_review.total"};
  for (auto c : kCols) cols.push_back(c);
  t.rows = {{"counts", {}, cols, ""}};
  t.unlabeled_row = "counts";
  t.columns = {
      {"upheld", {P{{"维持"}}}},
      {"corrected", {P{{"纠正"}}}},
      {"other", {P{{"其他结果"}}, P{{"其它结果"}}}},
      {"pending", {P{{"审结"}}}},
      {"total", {P{{"总计"}}, P{{"合计"}}}},
  };
  t.column_groups = {
      {"review", {P{{"行政复议"}}}},
      {"litigation_direct", {P{{"未经复议"}}, P{{"直接起诉"}}}},
      {"litigation_after_review", {P{{"复议后起诉"}}}},
  };
  t.header_words = {{"litigation", {P{{"行政诉讼"}}}}};
  return t;
}

void index_patterns(Matcher& m, std::vector<Pattern>& ps) {
  for (auto& p : ps)
    for (auto s : p.all_of) p.fragments.set(static_cast<std::size_t>(m.add(s)));
}

template <typename Labels>
void index_labels(Matcher& m, Labels& labels) {
  for (auto& l : labels) index_patterns(m, l.patterns);
}

TemplateSpec build_2021() {
  TemplateSpec spec{"2021", {active_2021(), applications_2021(), review_2021()}, {}};
  for (auto& t : spec.tables) {
    index_labels(spec.matcher, t.rows);
    index_labels(spec.matcher, t.subtotals);
    index_labels(spec.matcher, t.captions);
    index_labels(spec.matcher, t.columns);
    index_labels(spec.matcher, t.column_groups);
    index_labels(spec.matcher, t.header_words);
    index_labels(spec.matcher, t.other_versions);
    auto add_fragments = [](Hits& to, const auto& labels) {
      for (const auto& l : labels)
        for (const auto& p : l.patterns) to |= p.fragments;
    };
    add_fragments(t.header_fragments, t.columns);
    add_fragments(t.header_fragments, t.column_groups);
    add_fragments(t.header_fragments, t.header_words);
    add_fragments(t.row_fragments, t.rows);
  }
  return spec;
}

}  // namespace

const TemplateSpec& template_2021() {
  static const TemplateSpec* spec = [] {
    static TemplateSpec s = build_2021();
    for (auto& t : s.tables) t.matcher = &s.matcher;  // tables find their labels with it
    return &s;
  }();
  return *spec;
}

std::string_view strip_numbering(std::string_view t) {
  // Repeatedly drop "(三)", "三、", "1.", "1、" and "(六)1." style prefixes.
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (bool again = true; again;) {
    again = false;
    if (!t.empty() && t.front() == '(') {
      auto close = t.find(')');
      if (close != std::string_view::npos && close <= 10) {
        t.remove_prefix(close + 1);
        again = true;
        continue;
      }
    }
    std::size_t n = 0;
    while (n < t.size() && t[n] >= '0' && t[n] <= '9') ++n;
    if (n == 0)
      for (auto num : kNumerals)
        if (t.starts_with(num)) {
          n = num.size();
          break;
        }
    if (n > 0 && n < t.size()) {
      auto rest = t.substr(n);
      for (std::string_view sep : {".", "、", ","})
        if (rest.starts_with(sep)) {
          t = rest.substr(sep.size());
          again = true;
          break;
        }
    }
  }
  return t;
}

}  // namespace xxgk::tmpl
