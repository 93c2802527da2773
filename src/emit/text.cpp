// Output for a person: the three tables on the template grid, the checks, the diagnostics.
#include <fmt/format.h>

#include "xxgk/xxgk.hpp"

namespace xxgk {

namespace {

constexpr const char* kRowLabels[kApplicationRows] = {
    "一、本年新收", "二、上年结转", "(一)予以公开", "(二)部分公开", "(三)1.国家秘密", "(三)2.法律法规禁止",
    "(三)3.三安全一稳定", "(三)4.第三方权益", "(三)5.内部事务", "(三)6.过程性信息", "(三)7.执法案卷",
    "(三)8.查询事项", "(四)1.不掌握", "(四)2.需另行制作", "(四)3.补正后不明确", "(五)1.信访举报",
    "(五)2.重复申请", "(五)3.公开出版物", "(五)4.大量反复", "(五)5.确认或重新出具", "(六)1.逾期不补正",
    "(六)2.逾期未缴费", "(六)3.其他", "(七)总计", "四、结转下年度"};

std::string cell(const Value& v) { return v ? format_decimal(*v) : "-"; }

// Pad a label to `width` display columns (CJK characters take two).
int display_width(std::string_view s) {
  int w = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) == 0x80) continue;
    w += c >= 0xE0 ? 2 : 1;
  }
  return w;
}
std::string pad(std::string_view s, int width) {
  int w = display_width(s);
  return std::string(s) + std::string(w < width ? width - w : 0, ' ');
}
// Right-align to `width` display columns.
std::string rpad(std::string_view s, int width) {
  int w = display_width(s);
  return std::string(w < width ? width - w : 0, ' ') + std::string(s);
}

}  // namespace

std::string to_text(const Record& r) {
  std::string o;
  auto out = std::back_inserter(o);
  fmt::format_to(out, "{}\n", r.path);
  fmt::format_to(out, "  {} {}  (template {}, layout {}, {})\n\n", r.agency.empty() ? "(no agency)" : r.agency,
                 r.year ? std::to_string(*r.year) : "(no year)", r.template_version.empty() ? "-" : r.template_version,
                 r.layout.empty() ? "-" : r.layout, r.encoding.empty() ? "-" : r.encoding);

  const auto& a = r.active_disclosure;
  fmt::format_to(out, "表二 主动公开政府信息情况\n  {}{}{}{}\n", pad("", 22), rpad("制发", 10), rpad("废止", 10), rpad("现行有效", 10));
  fmt::format_to(out, "  {}{:>10}{:>10}{:>10}\n", pad("规章", 22), cell(a.rules.issued), cell(a.rules.repealed), cell(a.rules.in_force));
  fmt::format_to(out, "  {}{:>10}{:>10}{:>10}\n", pad("行政规范性文件", 22), cell(a.normative_documents.issued),
                 cell(a.normative_documents.repealed), cell(a.normative_documents.in_force));
  fmt::format_to(out, "  {}{:>10}\n  {}{:>10}\n  {}{:>10}\n  {}{:>10}  万元\n\n", pad("行政许可 处理决定", 22), cell(a.licensing),
                 pad("行政处罚 处理决定", 22), cell(a.penalty), pad("行政强制 处理决定", 22), cell(a.coercion),
                 pad("行政事业性收费 金额", 22), cell(a.fees));

  fmt::format_to(out, "表三 收到和处理政府信息公开申请情况\n  {}", pad("", 22));
  for (auto h : {"自然人", "商业", "科研", "公益", "法律", "其他", "总计"}) o += rpad(h, 6);
  o += '\n';
  for (int row = 0; row < kApplicationRows; ++row) {
    fmt::format_to(out, "  {}", pad(kRowLabels[row], 22));
    for (int c = 0; c < kApplicantColumns; ++c) fmt::format_to(out, "{:>6}", cell(r.applications[row][c]));
    o += '\n';
  }

  fmt::format_to(out, "\n表四 政府信息公开行政复议、行政诉讼情况\n  {}", pad("", 22));
  for (auto h : {"维持", "纠正", "其他", "未审结", "总计"}) o += rpad(h, 8);
  o += '\n';
  constexpr const char* kGroups[] = {"行政复议", "诉讼 未经复议直接起诉", "诉讼 复议后起诉"};
  for (int g = 0; g < kReviewGroups; ++g) {
    fmt::format_to(out, "  {}", pad(kGroups[g], 22));
    for (int c = 0; c < kReviewColumns; ++c) fmt::format_to(out, "{:>8}", cell(r.review_litigation[g][c]));
    o += '\n';
  }

  int passed = 0;
  for (const auto& c : r.checks) passed += c.pass;
  fmt::format_to(out, "\nchecks: {} pass, {} fail\n", passed, r.checks.size() - passed);
  // One line per rule, then every failure with its numbers.
  for (std::size_t i = 0; i < r.checks.size();) {
    std::size_t j = i, pass = 0;
    while (j < r.checks.size() && r.checks[j].rule == r.checks[i].rule) pass += r.checks[j++].pass;
    fmt::format_to(out, "  {} {}: {} of {} pass\n", pass == j - i ? "pass" : "FAIL", r.checks[i].rule, pass, j - i);
    for (std::size_t k = i; k < j; ++k)
      if (!r.checks[k].pass)
        fmt::format_to(out, "       {}: {} ≠ {}\n", r.checks[k].scope, r.checks[k].lhs, r.checks[k].rhs);
    i = j;
  }
  fmt::format_to(out, "diagnostics: {}\n", r.diagnostics.size());
  for (const auto& d : r.diagnostics)
    fmt::format_to(out, "  {}:{}: {}: {} [{}]\n", d.line, d.column, severity_name(d.severity), d.message, d.code);
  return o;
}

}  // namespace xxgk
