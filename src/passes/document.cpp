#include "passes/document.hpp"

#include "text/normalise.hpp"

namespace xxgk::passes {

namespace {

constexpr const char* kSectionNames[] = {"", "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                         "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                         "六、其他需要报告的事项"};

}  // namespace

void read_document(const doc::Document& doc, const Outline& outline, Record& record, diag::Diagnostics& diags) {
  const auto& title = outline.title;
  if (title.found) {
    record.agency = title.agency;
    record.year = title.year;
  } else {
    diags.report(diag::Id::missing_title, outline.title_like);
  }
  if (record.agency.empty() && !outline.agency.empty()) {
    record.agency = text::normalise_text(outline.agency);
    diags.report(diag::Id::agency_from_metadata, outline.agency_span, record.agency, outline.agency_key);
  } else if (record.agency.empty() && title.found) {
    diags.report(diag::Id::title_without_agency, title.span);
  }
  record.published = outline.published;
  record.index_number = outline.index_number;

  bool seen[7] = {};
  int last = 0;
  for (std::size_t h = 0; h < outline.headings.size(); ++h) {
    const auto& heading = outline.headings[h];
    if (seen[heading.number] || heading.number < last)
      diags.report(diag::Id::section_order, heading.span, heading.number, last);
    seen[heading.number] = true;
    last = heading.number;
    Section out{heading.number, std::string(heading.text), {}};
    const std::size_t end = h + 1 < outline.headings.size() ? outline.headings[h + 1].paragraph : doc.paragraphs.size();
    for (std::size_t p = heading.paragraph + 1; p < end; ++p) {
      if (outline.lines[p] != Outline::Line::text) continue;
      if (!out.text.empty()) out.text += '\n';
      out.text += doc.paragraphs[p].text;
    }
    record.sections.push_back(std::move(out));
  }
  for (int n = 1; n <= 6; ++n)
    if (!seen[n]) diags.report(diag::Id::missing_section, {0, 0}, n, kSectionNames[n]);
}

}  // namespace xxgk::passes
