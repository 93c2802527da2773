// The whole pipeline: decode -> choose layout -> grammar builds the AST -> passes -> record.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "diag/diagnostics.hpp"
#include "io/decode.hpp"
#include "parse/layouts.hpp"
#include "passes/checks.hpp"
#include "passes/document.hpp"
#include "passes/extract.hpp"
#include "passes/normalise.hpp"
#include "passes/reassemble.hpp"
#include "source.hpp"
#include "template/template.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk {

namespace {


void locate(Record& record, std::string_view text) {
  LineIndex index(text);
  for (auto& d : record.diagnostics) {
    auto p = index.position(d.offset);
    d.line = p.line;
    d.column = p.column;
  }
}

ParseResult finish(ParseResult r) {
  std::stable_sort(r.record.diagnostics.begin(), r.record.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.offset < b.offset; });
  locate(r.record, r.text);
  if (r.status != Status::rejected) r.status = r.record.has_errors() || !r.record.checks_pass() ? Status::failed : Status::ok;
  return r;
}

}  // namespace

bool Record::has_errors() const {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::error) return true;
  return false;
}

bool Record::checks_pass() const {
  for (const auto& c : checks)
    if (!c.pass) return false;
  return true;
}

ParseResult parse_bytes(std::string bytes, std::string path, const ParseOptions& options) {
  ParseResult r;
  r.record.path = std::move(path);
  diag::Diagnostics diags(r.record.diagnostics);
  if (bytes.size() > kMaxInputBytes) {
    diags.report(diag::Id::too_large, {0, 0}, bytes.size(), kMaxInputBytes);
    r.status = Status::rejected;
    return finish(std::move(r));
  }
  auto decoded = io::decode(bytes, options.encoding);
  bytes = std::string();
  if (!decoded.ok) {
    diags.report(diag::Id::undecodable, {0, 0}, decoded.error);
    r.status = Status::rejected;
    return finish(std::move(r));
  }
  r.record.encoding = decoded.encoding;
  r.text = std::move(decoded.text);
  if (decoded.removed_nul) diags.report(diag::Id::nul_removed, {0, 0}, decoded.removed_nul);
  if (decoded.cut_bytes) {
    const auto end = static_cast<std::uint32_t>(r.text.size());
    diags.report(diag::Id::cut_character, {end, end}, decoded.encoding, decoded.cut_bytes);
  }

  const parse::Layout* layout = options.layout.empty() ? &parse::detect_layout(r.text) : parse::find_layout(options.layout);
  if (!layout) {
    diags.report(diag::Id::not_a_report, {0, 0}, "unknown layout '" + options.layout + "'");
    r.status = Status::rejected;
    return finish(std::move(r));
  }
  r.record.layout = std::string(layout->name);

  ast::Document doc = layout->parse(r.text);
  if (doc.truncated_at != UINT32_MAX) diags.report(diag::Id::too_many_cells, {doc.truncated_at, doc.truncated_at}, ast::kMaxNodes);
  if (doc.unparsed_at != UINT32_MAX)
    diags.report(diag::Id::internal_error, {doc.unparsed_at, doc.unparsed_at},
                 "the " + r.record.layout + " grammar stopped here; the rest of the input is not read");
  const auto& spec = tmpl::template_2021();
  passes::normalise(doc, spec.matcher);
  auto tables = passes::reassemble(doc, spec, diags);

  // A report shows itself by a template table (two rows or headers naming it: one 合计 row of a
  // spreadsheet is not enough) or by its title and section headings.
  bool any_table = false, table_evidence = false;
  for (const auto& t : tables) {
    any_table = any_table || !t.rows.empty();
    table_evidence = table_evidence || t.named_rows >= 2;
  }
  int headings = 0;
  for (const auto& s : doc.sections) headings += s.number != 0;
  if (!table_evidence && (!doc.title.present || headings < 2)) {
    std::string why = doc.title.present ? "no template table found" : headings ? "no title and no template table found" : "no title, no section headings and no template table found";
    r.record.diagnostics.clear();
    diags.report(diag::Id::not_a_report, {0, 0}, why);
    r.status = Status::rejected;
    return finish(std::move(r));
  }

  passes::read_document(doc, r.record, diags);
  auto ex = passes::extract(tables, r.record, diags);
  for (int t = 0; t < 3; ++t)
    if (!ex.table_found[t] && tables[t].rows.empty()) {
      const auto& ts = spec.tables[t];
      ast::Span at{0, 0};
      for (const auto& s : doc.sections)
        if (s.number == ts.section) at = s.heading_span;
      diags.report(diag::Id::missing_table, at, ts.name, ts.title);
    }
  if (!ex.other_version.empty())
    r.record.template_version = std::string(ex.other_version);
  else if (any_table)
    r.record.template_version = std::string(spec.version);
  passes::run_checks(r.record, ex, diags);
  diags.report_dropped();
  return finish(std::move(r));
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
    r.status = Status::rejected;
    return finish(std::move(r));
  }
  return parse_bytes(std::move(bytes), path, options);
}

}  // namespace xxgk
