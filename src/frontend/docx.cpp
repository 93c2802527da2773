// The Word (.docx) front end: the ZIP is opened with libzip from memory, word/document.xml is
// unpacked in chunks (bounded in size and ratio) and read with libxml2's SAX2 parser (no
// network, no entity substitution, no DTD: no XXE), element by element without recursion.
//
// The body, in order: paragraphs (w:p; their runs' w:t joined, w:tab a space, w:br a line
// break) and tables (w:tbl/w:tr/w:tc; w:gridSpan a colspan, w:vMerge a rowspan on the cell that
// restarts it with the continued cells left out — the HTML table model grid.cpp expands —,
// w:gridBefore/w:gridAfter empty cells; a cell's text its paragraphs joined with a space). A
// table that holds a table is a frame around the report, not a table of it: its cells' content
// is read as body content in order, its paragraphs as paragraphs and its tables as tables.
//
// The source text is rendered: one line per paragraph (a w:br starts a line), one line per
// table row with a field per grid column (a cell's text in its first column, the columns its
// span covers empty, a continued vMerge cell empty), fields separated by tabs, and a blank line
// between two tables. Anchors give each paragraph's line {paragraph N} and each cell's field
// {table T, row R, cell C} (1-based: N counts the body's paragraphs, T every table in the order
// it starts, nested ones too, R the table's rows and C the row's w:tc elements).
#include <libxml/parser.h>
#include <zip.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/frontend.hpp"
#include "text/normalise.hpp"

namespace xxgk::frontend {

namespace {

constexpr const char* kDocumentPart = "word/document.xml";
// Limits against hostile files (docs/limits.md).
constexpr std::size_t kMaxUnpacked = kMaxInputBytes;  // 64 MiB, as a text input
constexpr std::size_t kRatioFrom = std::size_t{1} << 20;  // the ratio is checked past 1 MiB unpacked
// Real document.xml: 5 to 30 times its packed size; a long table of near-identical rows in
// LibreOffice's verbose formatting about 130; deflate's most, a bomb's, about 1 030.
constexpr std::uint64_t kMaxRatio = 400;
constexpr zip_int64_t kMaxEntries = 10'000;  // real .docx: 10 to a few hundred
constexpr int kMaxDepth = 128;                // XML element nesting (a real body: about 10)
constexpr std::uint32_t kMaxColumns = 512;    // grid columns of a row, as grid.cpp's kMaxSlots
constexpr std::uint32_t kMaxRowspan = UINT16_MAX;

// ---------------------------------------------------------------------------------------------
// Unpacking word/document.xml

struct ZipArchive {
  zip_t* za = nullptr;
  ~ZipArchive() {
    if (za) zip_discard(za);
  }
};

struct ZipFile {
  zip_file_t* f = nullptr;
  ~ZipFile() {
    if (f) zip_fclose(f);
  }
};

// word/document.xml of the archive, open for reading; false (reported) when it cannot be.
bool open_part(const std::string& bytes, ZipArchive& archive, ZipFile& file, std::uint64_t& packed,
               diag::Diagnostics& diags) {
  auto damaged = [&](const std::string& why) {
    diags.report(diag::Id::damaged_file, {0, 0}, "the Word document", why);
    return false;
  };
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return damaged("not a readable ZIP archive (" + why + ")");
  }
  archive.za = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive.za) {
    zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return damaged("not a readable ZIP archive (" + why + ")");
  }
  zip_error_fini(&error);
  const zip_int64_t entries = zip_get_num_entries(archive.za, 0);
  if (entries > kMaxEntries) {
    diags.report(diag::Id::too_many_entries, {0, 0}, entries, kMaxEntries);
    return false;
  }
  const zip_int64_t index = zip_name_locate(archive.za, kDocumentPart, 0);
  if (index < 0) return damaged(std::string("the archive has no ") + kDocumentPart);
  zip_stat_t stat;
  zip_stat_init(&stat);
  packed = 0;
  if (zip_stat_index(archive.za, static_cast<zip_uint64_t>(index), 0, &stat) == 0 && (stat.valid & ZIP_STAT_COMP_SIZE))
    packed = stat.comp_size;
  file.f = zip_fopen_index(archive.za, static_cast<zip_uint64_t>(index), 0);
  if (!file.f) return damaged(std::string("cannot unpack ") + kDocumentPart + " (" + zip_strerror(archive.za) + ")");
  return true;
}

// ---------------------------------------------------------------------------------------------
// Reading the body: what the XML says, tables kept whole until they end (their spans and
// whether they are frames are known only then).

enum class VMerge : std::uint8_t { none, restart, cont };

struct Item {  // one piece of a cell's content: a paragraph, or a nested table
  std::uint32_t table = UINT32_MAX;  // index into BodyReader::tables_, or UINT32_MAX: a paragraph
  std::string text;                  // the paragraph's text, w:br as '\n'
};

struct XCell {
  std::uint32_t span = 1;
  VMerge vmerge = VMerge::none;
  std::vector<Item> items;
};

struct XRow {
  std::uint32_t before = 0, after = 0;
  std::vector<XCell> cells;
};

struct XTable {
  std::uint32_t number = 0;  // 1-based, in the order tables start
  bool frame = false;        // holds a table: read as body content
  std::vector<XRow> rows;
};

// ---------------------------------------------------------------------------------------------
// Rendering: the source text, its anchors and the tree.

class Renderer {
 public:
  Renderer(Output& out, std::vector<XTable>& tables) : out_(out), text_(out.source.text), tables_(tables) {}

  void paragraph(std::string_view para, Location at) {
    last_was_row_ = false;
    anchor(at);
    std::size_t pos = 0;
    for (;;) {  // a line per w:br
      const auto nl = para.find('\n', pos);
      const auto line = para.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      const auto trimmed = text::trim_blanks(line);
      const auto begin = offset() + static_cast<std::uint32_t>(trimmed.data() - line.data());
      text_ += line;
      text_ += '\n';
      if (!trimmed.empty()) out_.doc.add_paragraph({{begin, begin + static_cast<std::uint32_t>(trimmed.size())}, {}});
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
  }

  // Table `index` and the tables it holds; `depth` bounds the recursion (a table nests in a
  // table at most kMaxDepth / 3 deep: each level is three elements).
  void table(std::uint32_t index, int depth) {
    const XTable& t = tables_[index];
    if (t.frame && depth < kMaxDepth) {
      for (std::size_t r = 0; r < t.rows.size(); ++r)
        for (std::size_t c = 0; c < t.rows[r].cells.size(); ++c) {
          const Location at{.table = t.number, .row = static_cast<std::uint32_t>(r + 1), .cell = static_cast<std::uint32_t>(c + 1)};
          for (const auto& item : t.rows[r].cells[c].items) {
            if (item.table == UINT32_MAX) paragraph(item.text, at);
            else table(item.table, depth + 1);
          }
        }
      return;
    }
    data_table(t);
  }

  // The views of the tree into the source text, now that it no longer grows.
  void finish() {
    const std::string_view all(text_);
    for (auto& p : out_.doc.paragraphs) p.text = all.substr(p.span.begin, p.span.end - p.span.begin);
    for (auto& t : out_.doc.tables)
      for (auto& r : t.rows)
        for (auto& c : r.cells) c.text = all.substr(c.span.begin, c.span.end - c.span.begin);
  }

  std::uint32_t offset() const { return static_cast<std::uint32_t>(text_.size()); }

 private:
  void anchor(Location at) { out_.source.anchors.push_back({offset(), at, false}); }

  // A cell's text: its paragraphs joined with a space, every line break a space.
  void cell_text(const XCell& cell) {
    bool first = true;
    for (const auto& item : cell.items) {
      if (item.table != UINT32_MAX || text::trim_blanks(item.text).empty()) continue;
      if (!first) text_ += ' ';
      first = false;
      for (char c : item.text) text_ += c == '\n' ? ' ' : c;
    }
  }

  void data_table(const XTable& t) {
    // The grid columns the table's rows reach (at most kMaxColumns): the merges kept open.
    std::uint32_t columns = 0;
    for (const auto& row : t.rows) {
      std::uint64_t width = std::uint64_t{row.before} + row.after;
      for (const auto& cell : row.cells) width += std::max(cell.span, 1u);
      columns = static_cast<std::uint32_t>(std::min<std::uint64_t>(std::max<std::uint64_t>(columns, width), kMaxColumns));
    }
    if (columns == 0) return;  // no cell
    if (last_was_row_) text_ += '\n';  // two tables in a row stay two tables
    doc::Table out;
    out.span.begin = offset();
    open_.assign(columns, Open{});
    auto& open = open_;
    for (std::uint32_t r = 0; r < t.rows.size(); ++r) {
      const XRow& row = t.rows[r];
      if (row.cells.empty()) continue;
      doc::Row out_row;
      out_row.span.begin = offset();
      std::uint32_t column = 0;
      bool first_field = true;
      auto field = [&] {  // start the next field
        if (!first_field) text_ += '\t';
        first_field = false;
      };
      auto empty_fields = [&](std::uint32_t n) {
        for (std::uint32_t k = 0; k < n; ++k) text_ += '\t';
      };
      const Location row_at{.table = t.number, .row = r + 1, .cell = 1};
      if (row.before) {  // empty slots before the first cell: located at the first cell
        const std::uint32_t n = std::min(row.before, columns);
        anchor(row_at);
        field();
        out_row.cells.push_back({{}, {offset(), offset()}, static_cast<std::uint16_t>(n), 1, 0, {}});
        empty_fields(n - 1);
        for (std::uint32_t k = 0; k < n; ++k) open[column + k].row = UINT32_MAX;
        column += n;
      }
      for (std::uint32_t c = 0; c < row.cells.size() && column < columns; ++c) {
        const XCell& cell = row.cells[c];
        const std::uint32_t width = std::min(std::max(cell.span, 1u), columns - column);
        field();
        anchor({.table = t.number, .row = r + 1, .cell = c + 1});
        Open& o = open[column];
        if (cell.vmerge == VMerge::cont && o.row != UINT32_MAX && o.row + 1 == r) {
          // A continued merge: covered by the cell above, left out of the tree.
          auto& above = out.rows[o.out_row].cells[o.out_cell];
          if (above.rowspan < kMaxRowspan) ++above.rowspan;
          o.row = r;
        } else {
          const auto begin = offset();
          cell_text(cell);
          out_row.cells.push_back({{}, {begin, offset()}, static_cast<std::uint16_t>(width), 1, 0, {}});
          for (std::uint32_t k = 0; k < width; ++k) open[column + k].row = UINT32_MAX;
          if (cell.vmerge != VMerge::none) o = {r, out.rows.size(), out_row.cells.size() - 1};
        }
        empty_fields(width - 1);
        column += width;
      }
      if (row.after && column < columns) {  // empty slots after the last cell
        const std::uint32_t n = std::min(row.after, columns - column);
        field();
        out_row.cells.push_back({{}, {offset(), offset()}, static_cast<std::uint16_t>(n), 1, 0, {}});
        empty_fields(n - 1);
        for (std::uint32_t k = 0; k < n; ++k) open[column + k].row = UINT32_MAX;
        column += n;
      }
      for (std::uint32_t k = column; k < columns; ++k) open[k].row = UINT32_MAX;  // a short row ends merges
      out_row.span.end = offset();
      text_ += '\n';
      out.rows.push_back(std::move(out_row));
    }
    if (out.rows.empty()) return;
    out.span.end = out.rows.back().span.end;
    out_.doc.add_table(std::move(out));
    last_was_row_ = true;
  }

  struct Open {  // a vertical merge open in a grid column: the cell that restarted it
    std::uint32_t row = UINT32_MAX;  // the last row it covers (index in the table's rows)
    std::size_t out_row = 0, out_cell = 0;
  };

  Output& out_;
  std::string& text_;
  std::vector<XTable>& tables_;
  std::vector<Open> open_;  // per grid column of the table being rendered
  bool last_was_row_ = false;
};

// ---------------------------------------------------------------------------------------------
// The XML reader: libxml2's SAX2 parser, its events handled with an explicit stack of elements.

constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kMc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

std::string_view view(const xmlChar* s) { return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view(); }

// What an element is to the reader.
enum class Kind : std::uint8_t {
  other,  // read through: w:body, w:hyperlink, w:sdt, w:ins, …
  skip,   // not read: properties, deleted text, field codes, drawings
  p, r, t, tbl, tr, tc, tcPr, trPr,
  tab, br, hyphen,  // in a run
  gridSpan, vMerge, gridBefore, gridAfter,
};

Kind kind_of_w(std::string_view name) {
  struct Entry {
    std::string_view name;
    Kind kind;
  };
  static constexpr Entry kEntries[] = {
      {"p", Kind::p}, {"r", Kind::r}, {"t", Kind::t}, {"tbl", Kind::tbl}, {"tr", Kind::tr}, {"tc", Kind::tc},
      {"tcPr", Kind::tcPr}, {"trPr", Kind::trPr}, {"tab", Kind::tab}, {"ptab", Kind::tab}, {"br", Kind::br},
      {"cr", Kind::br}, {"noBreakHyphen", Kind::hyphen}, {"gridSpan", Kind::gridSpan}, {"vMerge", Kind::vMerge},
      {"gridBefore", Kind::gridBefore}, {"gridAfter", Kind::gridAfter},
      // Not read: paragraph, run and table properties (their w:tab are tab stops), revisions'
      // old properties and deleted or moved-away text, field codes, drawings and text boxes,
      // ruby pronunciation, section properties.
      {"pPr", Kind::skip}, {"rPr", Kind::skip}, {"tblPr", Kind::skip}, {"tblGrid", Kind::skip},
      {"tblPrEx", Kind::skip}, {"sectPr", Kind::skip}, {"tcPrChange", Kind::skip}, {"trPrChange", Kind::skip},
      {"del", Kind::skip}, {"moveFrom", Kind::skip}, {"delText", Kind::skip}, {"delInstrText", Kind::skip},
      {"instrText", Kind::skip}, {"drawing", Kind::skip}, {"pict", Kind::skip}, {"object", Kind::skip},
      {"rt", Kind::skip}, {"fldData", Kind::skip},
  };
  if (name.empty()) return Kind::other;
  for (const auto& e : kEntries)  // the size and first letter rule out most at once
    if (e.name.size() == name.size() && e.name[0] == name[0] && e.name == name) return e.kind;
  return Kind::other;
}

std::uint32_t number(std::string_view v, std::uint32_t fallback) {
  if (v.empty()) return fallback;
  std::uint32_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return fallback;
    n = std::min<std::uint32_t>(n * 10 + static_cast<std::uint32_t>(c - '0'), 1'000'000);
  }
  return n;
}

// libxml2 reports some errors (a wrong encoding, I/O) through its generic handler, which prints
// them on stderr whatever the parser's options: silenced while a document is read (the handler is
// per thread), then given back.
void ignore(void* /*context*/, const char* /*message*/, ...) {}

struct QuietErrors {
  xmlGenericErrorFunc handler = xmlGenericError;
  void* context = xmlGenericErrorContext;
  QuietErrors() { xmlSetGenericErrorFunc(nullptr, &ignore); }
  ~QuietErrors() { xmlSetGenericErrorFunc(context, handler); }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;
};

// What encloses the current position: a table, a row or a cell (indices into the tables, their
// rows and cells), or something no row or cell can hang from (a w:tr outside a table).
struct Container {
  enum class Kind : std::uint8_t { table, row, cell, ignored } kind;
  std::uint32_t table = 0;
};

class BodyReader {
 public:
  BodyReader(Output& out) : renderer_(out, tables_) {}

  ~BodyReader() {
    if (ctxt_) xmlFreeParserCtxt(ctxt_);
  }
  BodyReader(const BodyReader&) = delete;
  BodyReader& operator=(const BodyReader&) = delete;

  // Parse the next bytes of the XML; false when parsing has stopped (an error, a refusal, the node
  // limit): the rest need not be unpacked.
  bool feed(const char* data, std::size_t size) {
    if (stopped()) return false;
    if (!ctxt_) {
      // Only these events; no document is built. No network, no entity substitution
      // (XML_PARSE_NOENT), no DTD loading (XML_PARSE_DTDLOAD): no XXE; a DOCTYPE, which no Word
      // document has, stops the parse (internalSubset). The first bytes tell the encoding.
      static std::once_flag init;
      std::call_once(init, [] { xmlInitParser(); });
      xmlSAXHandler sax{};
      sax.initialized = XML_SAX2_MAGIC;
      sax.startElementNs = &on_start;
      sax.endElementNs = &on_end;
      sax.characters = &on_text;
      sax.cdataBlock = &on_text;
      sax.ignorableWhitespace = &on_text;
      sax.internalSubset = &on_doctype;
      const int first = static_cast<int>(std::min<std::size_t>(size, 4));
      ctxt_ = xmlCreatePushParserCtxt(&sax, this, data, first, kDocumentPart);
      if (!ctxt_) {
        error_ = "out of memory";
        return false;
      }
      xmlCtxtUseOptions(ctxt_, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      data += first;
      size -= static_cast<std::size_t>(first);
    }
    xmlParseChunk(ctxt_, data, static_cast<int>(size), 0);
    return !stopped();
  }

  // The end of the XML: false with `error` set when it is not read.
  bool finish(std::string& error) {
    if (!ctxt_) {
      error = std::string(kDocumentPart) + " is empty";
      return false;
    }
    if (!stopped()) xmlParseChunk(ctxt_, nullptr, 0, 1);
    if (!error_.empty()) {
      error = std::move(error_);
      return false;
    }
    if (!ctxt_->wellFormed && !truncated_) {
      error = std::string(kDocumentPart) + " is not well-formed XML";
      if (const xmlError* e = xmlCtxtGetLastError(ctxt_); e && e->message) {
        std::string message = e->message;
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        error += " (line " + std::to_string(e->line) + ": " + message + ")";
      }
      return false;
    }
    // Truncated: what is open is closed.
    while (!paragraphs_.empty()) end_paragraph();
    if (!tables_.empty()) renderer_.table(0, 0);
    renderer_.finish();
    return true;
  }

  bool truncated() const { return truncated_; }
  std::uint32_t end_offset() const { return renderer_.offset(); }

 private:
  static void on_start(void* ctx, const xmlChar* name, const xmlChar* /*prefix*/, const xmlChar* uri,
                       int /*nb_namespaces*/, const xmlChar** /*namespaces*/, int nb_attributes, int /*nb_defaulted*/,
                       const xmlChar** attributes) {
    static_cast<BodyReader*>(ctx)->start(name, uri, nb_attributes, attributes);
  }
  static void on_end(void* ctx, const xmlChar* /*name*/, const xmlChar* /*prefix*/, const xmlChar* /*uri*/) {
    static_cast<BodyReader*>(ctx)->end();
  }
  static void on_text(void* ctx, const xmlChar* text, int length) {
    static_cast<BodyReader*>(ctx)->text(std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length)));
  }
  static void on_doctype(void* ctx, const xmlChar* /*name*/, const xmlChar* /*external_id*/, const xmlChar* /*system_id*/) {
    static_cast<BodyReader*>(ctx)->fail(std::string(kDocumentPart) +
                                        " declares a document type (DOCTYPE), which no Word document does");
  }

  bool stopped() const { return !error_.empty() || truncated_ || (ctxt_ && !ctxt_->wellFormed); }

  void fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
    xmlStopParser(ctxt_);
  }

  Kind kind_of(std::string_view name, const xmlChar* uri) {
    if (uri != w_uri_) {  // the namespace's name comes from the parser's dictionary: one pointer
      const auto ns = view(uri);
      if (ns == kW || ns == kWStrict) w_uri_ = uri;
      else return ns == kMc && name == "Fallback" ? Kind::skip : Kind::other;  // mc:Choice is read
    }
    return kind_of_w(name);
  }

  void start(const xmlChar* name, const xmlChar* uri, int nb_attributes, const xmlChar** attributes) {
    if (++depth_ > kMaxDepth) {
      fail(std::string(kDocumentPart) + " nests elements more than " + std::to_string(kMaxDepth) + " deep");
      return;
    }
    if (skipping_) {
      ++skipping_;
      return;
    }
    const Kind kind = kind_of(view(name), uri);
    if (kind == Kind::skip) {
      skipping_ = 1;
      return;
    }
    frames_.push_back(kind);
    // w:val, the one attribute read (attributes come as localname, prefix, URI, value, end).
    std::string_view val;
    for (int a = 0; a < nb_attributes; ++a)
      if (const xmlChar* n = attributes[a * 5]; n[0] == 'v' && n[1] == 'a' && n[2] == 'l' && n[3] == 0)
        val = std::string_view(reinterpret_cast<const char*>(attributes[a * 5 + 3]),
                               static_cast<std::size_t>(attributes[a * 5 + 4] - attributes[a * 5 + 3]));
    const Kind parent = frames_.size() >= 2 ? frames_[frames_.size() - 2] : Kind::other;
    switch (kind) {
      case Kind::p:
        paragraphs_.emplace_back();
        break;
      case Kind::tab:
      case Kind::br:
      case Kind::hyphen:
        if (parent == Kind::r && !paragraphs_.empty())
          paragraphs_.back() += kind == Kind::tab ? ' ' : kind == Kind::br ? '\n' : '-';
        break;
      case Kind::tbl: {
        // A table in a cell is nested (its table becomes a frame); a table where no table can
        // be (in a row outside its cells) is not read.
        if (!containers_.empty() && containers_.back().kind != Container::Kind::cell) {
          containers_.push_back({Container::Kind::ignored});
          break;
        }
        count(1);  // a table is a node too: millions of empty nested tables stop at the limit
        const auto index = static_cast<std::uint32_t>(tables_.size());
        if (!containers_.empty()) {
          XTable& outer = tables_[containers_.back().table];
          outer.frame = true;
          outer.rows.back().cells.back().items.push_back({index, {}});
        }
        tables_.push_back({++table_number_, false, {}});
        containers_.push_back({Container::Kind::table, index});
        break;
      }
      case Kind::tr:
        if (XTable* t = table_of(Container::Kind::table)) {
          count(1);
          t->rows.emplace_back();
          containers_.push_back({Container::Kind::row, containers_.back().table});
        } else {
          containers_.push_back({Container::Kind::ignored});
        }
        break;
      case Kind::tc:
        if (XTable* t = table_of(Container::Kind::row)) {
          count(1);
          t->rows.back().cells.emplace_back();
          containers_.push_back({Container::Kind::cell, containers_.back().table});
        } else {
          containers_.push_back({Container::Kind::ignored});
        }
        break;
      case Kind::gridSpan:
      case Kind::vMerge:
        if (parent == Kind::tcPr)
          if (XTable* t = table_of(Container::Kind::cell)) {
            XCell& cell = t->rows.back().cells.back();
            if (kind == Kind::gridSpan) {
              cell.span = std::clamp<std::uint32_t>(number(val, 1), 1, kMaxColumns);
              count(cell.span - 1);
            } else {
              cell.vmerge = val == "restart" ? VMerge::restart : VMerge::cont;  // no value: continue
            }
          }
        break;
      case Kind::gridBefore:
      case Kind::gridAfter:
        if (parent == Kind::trPr)
          if (XTable* t = table_of(Container::Kind::row)) {
            const auto n = std::min(number(val, 0), kMaxColumns);
            (kind == Kind::gridBefore ? t->rows.back().before : t->rows.back().after) = n;
            count(n);
          }
        break;
      default:
        break;
    }
    if (truncated_) xmlStopParser(ctxt_);
  }

  void end() {
    --depth_;
    if (skipping_) {
      --skipping_;
      return;
    }
    if (frames_.empty()) return;
    const Kind kind = frames_.back();
    frames_.pop_back();
    switch (kind) {
      case Kind::p:
        end_paragraph();
        if (truncated_) xmlStopParser(ctxt_);
        break;
      case Kind::tbl:
      case Kind::tr:
      case Kind::tc:
        if (containers_.empty()) break;
        if (kind == Kind::tbl && containers_.back().kind == Container::Kind::table && containers_.size() == 1) {
          containers_.pop_back();
          renderer_.table(0, 0);
          tables_.clear();
          break;
        }
        containers_.pop_back();
        break;
      default:
        break;
    }
  }

  void text(std::string_view s) {
    if (skipping_ || frames_.empty() || frames_.back() != Kind::t || paragraphs_.empty()) return;
    auto& p = paragraphs_.back();
    for (char c : s) p += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
  }

  // Count nodes of the tree (paragraphs, rows, cells' grid columns) against doc::kMaxNodes.
  void count(std::size_t n) {
    nodes_ += n;
    if (nodes_ > doc::kMaxNodes) truncated_ = true;
  }

  XTable* table_of(Container::Kind want) {
    if (containers_.empty() || containers_.back().kind != want) return nullptr;
    return &tables_[containers_.back().table];
  }

  void end_paragraph() {
    std::string text = std::move(paragraphs_.back());
    paragraphs_.pop_back();
    count(1);
    if (containers_.empty()) {
      renderer_.paragraph(text, {.paragraph = ++paragraph_number_});
    } else if (XTable* t = table_of(Container::Kind::cell)) {
      t->rows.back().cells.back().items.push_back({UINT32_MAX, std::move(text)});
    }  // else: a paragraph in a table outside its cells is not read
  }

  std::vector<XTable> tables_;  // the top-level table being read and the tables it holds
  Renderer renderer_;
  xmlParserCtxtPtr ctxt_ = nullptr;
  const xmlChar* w_uri_ = nullptr;  // WordprocessingML's namespace, as the parser's dictionary has it
  std::string error_;
  std::vector<Kind> frames_;  // the elements open (but those skipped)
  std::vector<Container> containers_;
  std::vector<std::string> paragraphs_;  // open paragraphs (a text box's in its anchor's)
  int depth_ = 0;
  int skipping_ = 0;  // depth inside an element not read
  std::uint32_t table_number_ = 0, paragraph_number_ = 0;
  std::size_t nodes_ = 0;
  bool truncated_ = false;
};

}  // namespace

bool read_docx(std::string bytes, const ParseOptions& /*options*/, Output& out, diag::Diagnostics& diags) {
  ZipArchive archive;
  ZipFile file;
  std::uint64_t packed = 0;
  if (!open_part(bytes, archive, file, packed, diags)) return false;
  // Unpacked in chunks and parsed as they come: the sizes the archive states are not trusted,
  // what is unpacked is counted, and the XML is never held whole.
  auto refuse = [&](diag::Id id, const auto&... args) {
    out = Output();  // a refused file has no text and no positions
    diags.report(id, {0, 0}, args...);
    return false;
  };
  QuietErrors quiet;
  BodyReader body(out);
  std::uint64_t unpacked = 0;
  char buffer[1 << 16];
  for (;;) {
    const zip_int64_t n = zip_fread(file.f, buffer, sizeof buffer);
    if (n < 0)
      return refuse(diag::Id::damaged_file, "the Word document",
                    std::string(kDocumentPart) + " is damaged (" + zip_file_strerror(file.f) + ")");
    if (n == 0) break;
    unpacked += static_cast<std::uint64_t>(n);
    if (unpacked > kMaxUnpacked) return refuse(diag::Id::too_large_unpacked, kDocumentPart, kMaxUnpacked);
    if (unpacked > kRatioFrom && unpacked / std::max<std::uint64_t>(packed, 1) > kMaxRatio)
      return refuse(diag::Id::compression_ratio, kDocumentPart, kMaxRatio, unpacked, packed);
    if (!body.feed(buffer, static_cast<std::size_t>(n))) break;
  }
  std::string error;
  if (!body.finish(error)) return refuse(diag::Id::damaged_file, "the Word document", error);
  if (body.truncated()) out.doc.truncated_at = body.end_offset();
  return true;
}

}  // namespace xxgk::frontend
