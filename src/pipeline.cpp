// The whole pipeline (docs/architecture.md): sniff the bytes -> the format's front end builds
// the document tree -> outline (title, sections, furniture) -> grids of normalised cells ->
// logical tables -> template version -> rows -> record -> checks -> locations.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iconv.h>

#include "diag/diagnostics.hpp"
#include "frontend/frontend.hpp"
#include "parse/layouts.hpp"
#include "passes/checks.hpp"
#include "passes/document.hpp"
#include "passes/grid.hpp"
#include "passes/lost_cells.hpp"
#include "passes/outline.hpp"
#include "passes/reassemble.hpp"
#include "passes/record_writer.hpp"
#include "passes/rows.hpp"
#include "passes/versions.hpp"
#include "template/template.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk {

namespace {

// Sort the diagnostics by position, give them and the values their locations, set the status.
void finish(ParseResult& r, const SourceText& source, const std::vector<std::vector<doc::Span>>& value_spans = {}) {
  auto& rec = r.record;
  std::stable_sort(rec.diagnostics.begin(), rec.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.offset < b.offset; });
  // Diagnostics are sorted; the values come table by table, mostly in source order.
  std::vector<std::uint32_t> offsets;
  offsets.reserve(std::max<std::size_t>(rec.diagnostics.size(), 256));
  for (const auto& d : rec.diagnostics) offsets.push_back(d.offset);
  const auto at = source.locate(offsets);
  for (std::size_t k = 0; k < at.size(); ++k) rec.diagnostics[k].at = at[k];
  offsets.clear();
  for (const auto& spans : value_spans)
    for (const auto& s : spans)
      if (s.begin != passes::kNowhere.begin) offsets.push_back(s.begin);
  const auto value_at = source.locate(offsets);
  std::size_t k = 0;
  for (std::size_t t = 0; t < value_spans.size(); ++t) {
    if (value_spans[t].empty()) continue;
    auto& sources = rec.tables[t].sources;
    sources.assign(value_spans[t].size(), Location{});
    for (std::size_t i = 0; i < value_spans[t].size(); ++i)
      if (value_spans[t][i].begin != passes::kNowhere.begin) sources[i] = value_at[k++];
  }
  if (r.status != Status::rejected) r.status = rec.has_errors() || !rec.checks_pass() ? Status::failed : Status::ok;
}

ParseResult reject(ParseResult r, SourceText source = {}) {
  r.status = Status::rejected;
  finish(r, source);
  r.text = std::move(source.text);
  return r;
}

// A report shows itself by a template table (two rows or headers naming it: one 合计 row of a
// spreadsheet is not enough) or by its title and section headings. "" when it does.
std::string not_a_report(const passes::Outline& outline, const std::vector<passes::LogicalTable>& tables) {
  for (const auto& t : tables)
    if (t.named_rows >= 2) return {};
  const auto headings = outline.headings.size();
  if (outline.title.found && headings >= 2) return {};
  return outline.title.found ? "no template table found"
         : headings          ? "no title and no template table found"
                             : "no title, no section headings and no template table found";
}

// A table the report does not have: nulls in the shape of the report's version.
TableRecord empty_table(const tmpl::TableSpec& spec) {
  return {std::string(spec.version), std::vector<Value>(spec.record->size), {}};
}

}  // namespace

ParseResult parse_bytes(std::string bytes, std::string path, const ParseOptions& options) {
  ParseResult r;
  r.record.path = std::move(path);
  diag::Diagnostics diags(r.record.diagnostics);
  if (bytes.size() > kMaxInputBytes) {
    diags.report(diag::Id::too_large, {0, 0}, bytes.size(), kMaxInputBytes);
    return reject(std::move(r));
  }
  const auto format = frontend::sniff(bytes);
  r.record.format = std::string(frontend::info(format).name);
  const auto* front_end = frontend::front_end_for(format);
  if (!front_end) {
    diags.report(diag::Id::unsupported_format, {0, 0}, frontend::info(format).description, frontend::info(format).advice);
    return reject(std::move(r));
  }
  frontend::Output in;
  if (!front_end->read(std::move(bytes), options, in, diags)) return reject(std::move(r), std::move(in.source));
  r.record.layout = std::move(in.layout);
  r.record.encoding = std::move(in.encoding);
  const auto& doc = in.doc;
  if (doc.truncated_at != UINT32_MAX) diags.report(diag::Id::too_many_cells, {doc.truncated_at, doc.truncated_at}, doc::kMaxNodes);

  const auto outline = passes::read_outline(doc);
  auto grids = passes::build_grids(doc, outline.table_section, outline.page_table, tmpl::matcher());
  auto tables = passes::reassemble(grids, diags);
  const auto version = passes::choose_versions(tables);
  if (auto why = not_a_report(outline, tables); !why.empty()) {
    r.record.diagnostics.clear();
    diags.report(diag::Id::not_a_report, {0, 0}, why);
    return reject(std::move(r), std::move(in.source));
  }

  passes::read_document(doc, outline, r.record, diags);
  r.record.template_version = std::string(version);
  const auto& report_version = *(version.empty() ? tmpl::versions().front() : tmpl::find_version(version));
  std::vector<std::vector<doc::Span>> value_spans(tables.size());
  r.record.tables.resize(tables.size());
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const auto& lt = tables[t];
    const auto& spec = lt.spec ? *lt.spec : report_version.tables[t];
    if (lt.rows.empty()) {
      r.record.tables[t] = empty_table(spec);
      if (options.positions) value_spans[t].assign(spec.record->size, passes::kNowhere);  // every value: not read
      doc::Span at{0, 0};
      for (const auto& h : outline.headings)
        if (h.number == spec.section) at = h.span;
      diags.report(diag::Id::missing_table, at, spec.name, spec.title);
      continue;
    }
    if (spec.version != version) diags.report(diag::Id::table_template, lt.span, spec.name, spec.version, version);
    const auto read = passes::read_rows(lt, diags);
    auto facts = passes::write_table(read, r.record.tables[t], diags);
    passes::settle_lost_cells(read, facts, r.record.tables[t], diags);
    passes::run_checks(facts, r.record.tables[t], r.record.checks, diags);
    if (options.positions) value_spans[t] = std::move(facts.value_spans);
  }
  diags.report_dropped();
  finish(r, in.source, value_spans);
  r.text = std::move(in.source.text);
  return r;
}

ParseResult parse_file(const std::string& path, const ParseOptions& options) {
  std::string bytes;
  std::string error;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "it is a directory";
  } else if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
      bytes.append(buf, n);
      if (bytes.size() > kMaxInputBytes) break;  // parse_bytes reports it
    }
    if (std::ferror(f)) error = std::strerror(errno);
    std::fclose(f);
  } else {
    error = std::strerror(errno);
  }
  if (!error.empty()) {
    ParseResult r;
    r.record.path = path;
    diag::Diagnostics diags(r.record.diagnostics);
    diags.report(diag::Id::unreadable, {0, 0}, error);
    return reject(std::move(r));
  }
  return parse_bytes(std::move(bytes), path, options);
}

std::string check_options(const ParseOptions& options) {
  if (!options.layout.empty() && !parse::find_layout(options.layout)) {
    std::string known;
    for (const auto& l : parse::layouts()) known += (known.empty() ? "" : ", ") + std::string(l.name);
    return "unknown layout '" + options.layout + "' (the layouts: " + known + ")";
  }
  if (!options.encoding.empty()) {
    const iconv_t cd = iconv_open("UTF-8", options.encoding.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return "unknown encoding '" + options.encoding + "' (an iconv name: GB18030, UTF-16LE, …)";
    iconv_close(cd);
  }
  return {};
}

}  // namespace xxgk
