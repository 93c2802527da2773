#include "passes/document.hpp"

#include "passes/normalise.hpp"

namespace xxgk::passes {

namespace {

constexpr const char* kSectionNames[] = {"", "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                         "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                         "六、其他需要报告的事项"};

}  // namespace

void read_document(const ast::Document& doc, Record& record, diag::Diagnostics& diags) {
  const auto& title = doc.title;
  if (title.present) {
    record.agency = normalise_text(title.agency);
    auto y = normalise_text(title.year);
    record.year = std::stoi(y);
  } else {
    diags.report(diag::Id::missing_title, {0, 0});
  }

  bool seen[7] = {};
  int last = 0;
  for (const auto& s : doc.sections) {
    if (s.number == 0) continue;
    if (seen[s.number] || s.number < last) diags.report(diag::Id::section_order, s.heading_span, s.number, last);
    seen[s.number] = true;
    last = s.number;
    Section out{s.number, std::string(s.heading), {}};
    for (const auto& p : s.paragraphs) {
      if (!out.text.empty()) out.text += '\n';
      out.text += p.raw;
    }
    record.sections.push_back(std::move(out));
  }
  ast::Span end{0, 0};
  for (int n = 1; n <= 6; ++n)
    if (!seen[n]) diags.report(diag::Id::missing_section, end, n, kSectionNames[n]);
}

}  // namespace xxgk::passes
