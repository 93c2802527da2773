// xxgk debug tree FILE: the document tree a front end builds of FILE (paragraphs, tables with
// their cells), before any pass — for whoever writes a front end or a layout.
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "frontend/frontend.hpp"

namespace xxgk::cli {

namespace {

int tree(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "xxgk debug: cannot read %s\n", file.c_str());
    return 2;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  const auto format = frontend::sniff(bytes);
  const auto* front_end = frontend::front_end_for(format);
  if (!front_end) {
    std::fprintf(stderr, "xxgk debug: %s is %s, which xxgk does not read\n", file.c_str(),
                 std::string(frontend::info(format).description).c_str());
    return 2;
  }
  std::vector<Diagnostic> list;
  diag::Diagnostics diags(list);
  frontend::Output out;
  const bool ok = front_end->read(std::move(bytes), {}, out, diags);
  std::printf("format %s, layout %s, encoding %s\n", std::string(frontend::info(format).name).c_str(),
              out.layout.empty() ? "-" : out.layout.c_str(), out.encoding.empty() ? "-" : out.encoding.c_str());
  for (const auto& d : list) std::printf("diagnostic: %s %s\n", d.code.c_str(), d.message.c_str());
  for (const auto& b : out.doc.blocks) {
    if (b.kind == doc::Block::Kind::paragraph) {
      std::printf("P %s\n", std::string(out.doc.paragraphs[b.index].text).c_str());
      continue;
    }
    const auto& t = out.doc.tables[b.index];
    std::printf("T %zu rows%s\n", t.rows.size(), t.header_aligned ? "" : " (header placed roughly)");
    for (const auto& r : t.rows) {
      std::string line = "  |";
      for (const auto& c : r.cells) {
        line += ' ';
        line += c.text;
        if (c.colspan > 1 || c.rowspan > 1)
          line.append("{").append(std::to_string(c.colspan)).append("x").append(std::to_string(c.rowspan)).append("}");
        line += " |";
      }
      std::puts(line.c_str());
    }
  }
  return ok ? 0 : 2;
}

}  // namespace

Run add_debug(CLI::App& xxgk) {
  auto file = std::make_shared<std::string>();
  auto* app = xxgk.add_subcommand("debug", "the document tree a front end builds of a report (for writing front ends)");
  app->require_subcommand(1);
  auto* tree_app = app->add_subcommand(
      "tree", "the tree the front end built of FILE, before any pass: P a paragraph, T a table and its rows");
  tree_app->add_option("FILE", *file, "a report")->required();
  return [file] { return tree(*file); };
}

}  // namespace xxgk::cli
