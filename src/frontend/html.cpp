// The HTML front end: a web page, decoded as it declares (or as detected), parsed by gumbo — the
// HTML5 parsing algorithm browsers follow — and read into the document tree: block elements
// become paragraphs, data tables become tables (colspan and rowspan copied: the grid pass expands
// them), a table that lays out the page is read through. What a paragraph is (title, heading,
// breadcrumb, footer, metadata) is decided by the passes every front end shares.
//
// The source text is the decoded page itself: a paragraph's or cell's span covers its element,
// so diagnostics point at page.html:LINE:COL of the element. Text that is not a slice of the page
// (entities decoded, runs joined) is kept in Document::store.
//
// Hostile pages: gumbo 0.10 has no limits of its own, so it allocates from an arena of bounded
// size (freed at once: gumbo never tears its tree down, which it does recursively), parses the
// page as the content of <body> (a <frameset> then never makes it destroy the body it replaces,
// its only other recursion), and a guard in its allocator stops it when elements nest too deep
// (its scope checks take time proportional to the depth) or a tag has too many attributes (they
// are compared pairwise). The walk over the tree is iterative and capped in depth and nodes.
#include <gumbo.h>
#include <sys/mman.h>

#include <algorithm>
#include <csetjmp>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "frontend/frontend.hpp"
#include "io/decode.hpp"
#include "parse/outline.hpp"
#include "template/template.hpp"
#include "text/normalise.hpp"

namespace xxgk::frontend {

namespace {

// ---- Limits (docs/limits.md) ----

constexpr std::size_t kMaxDepth = 512;                          // elements inside each other (Chromium's limit too)
constexpr std::size_t kMaxTags = 2'500'000;                     // start tags given to gumbo
constexpr std::size_t kMaxParserBytes = std::size_t{1} << 30;   // gumbo's memory for one page
constexpr std::size_t kMinParserBytes = std::size_t{64} << 20;  // a small page's share: 64 MiB + 128 bytes a byte
constexpr std::uint64_t kMaxAttributeWork = 50'000'000;         // attribute pairs compared, summed over tags
constexpr std::size_t kCharsetScanBytes = 16 << 10;             // bytes looked at for <meta charset>

// ---- gumbo's memory: an arena with a budget, and the guard ----

// A reservation of kMaxParserBytes of address space, one per thread, kept between pages (pages
// of memory are committed as touched; past kKeep, they are given back after each page). General
// allocations grow up from its start, GumboNode-sized ones down from its end, so that a pointer
// can be checked to be a node before it is followed; a page gets `budget` bytes of it.
class Arena {
 public:
  static constexpr std::size_t kAlign = 16;
  static constexpr std::size_t kNodeSlot = (sizeof(GumboNode) + kAlign - 1) / kAlign * kAlign;
  static constexpr std::size_t kKeep = std::size_t{16} << 20;

  explicit Arena(std::size_t budget) : budget_(std::min(budget, kMaxParserBytes)) {
    auto& r = reservation();
    if (r.in_use) return;  // one arena at a time per thread
    if (!r.base) {
      void* p = ::mmap(nullptr, kMaxParserBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (p == MAP_FAILED) return;
      r.base = static_cast<char*>(p);
    }
    r.in_use = true;
    base_ = r.base;
    end_ = base_ + kMaxParserBytes;
    low_ = base_;
    high_ = end_;
  }
  ~Arena() {
    if (!base_) return;
    if (static_cast<std::size_t>(low_ - base_) > kKeep) ::madvise(base_ + kKeep, static_cast<std::size_t>(low_ - base_) - kKeep, MADV_DONTNEED);
    if (static_cast<std::size_t>(end_ - high_) > kKeep) ::madvise(high_, static_cast<std::size_t>(end_ - high_) - kKeep, MADV_DONTNEED);
    reservation().in_use = false;
  }
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  bool ok() const { return base_ != nullptr; }
  void* allocate(std::size_t n) {
    if (n > budget_) return nullptr;
    n = (std::max<std::size_t>(n, 1) + kAlign - 1) / kAlign * kAlign;  // malloc(0): a block of its own
    if (n > room()) return nullptr;
    void* p = low_;
    low_ += n;
    return p;
  }
  void* allocate_node() {
    if (kNodeSlot > room()) return nullptr;
    high_ -= kNodeSlot;
    std::memset(high_, 0, kNodeSlot);  // what is read of a slot never depends on an earlier page
    return high_;
  }
  // A pointer to a node slot of this arena, or nullptr.
  const GumboNode* node_at(const void* p) const {
    const char* c = static_cast<const char*>(p);
    if (c < high_ || c >= end_ || static_cast<std::size_t>(end_ - c) % kNodeSlot != 0) return nullptr;
    return static_cast<const GumboNode*>(p);
  }
  // The n-th most recent node slot (0: the newest), or nullptr.
  const GumboNode* recent_node(std::size_t n) const {
    if (n >= static_cast<std::size_t>(end_ - high_) / kNodeSlot) return nullptr;
    return reinterpret_cast<const GumboNode*>(high_ + n * kNodeSlot);
  }

 private:
  struct Reservation {
    char* base = nullptr;  // kept for the thread's next page, unmapped when the thread ends
    bool in_use = false;
    Reservation() = default;
    Reservation(const Reservation&) = delete;
    Reservation& operator=(const Reservation&) = delete;
    ~Reservation() {
      if (base) ::munmap(base, kMaxParserBytes);
    }
  };
  static Reservation& reservation() {
    thread_local Reservation r;
    return r;
  }
  std::size_t room() const {
    const auto used = static_cast<std::size_t>(low_ - base_) + static_cast<std::size_t>(end_ - high_);
    return used >= budget_ ? 0 : std::min(budget_ - used, static_cast<std::size_t>(high_ - low_));
  }

  std::size_t budget_;
  char* base_ = nullptr;
  char* end_ = nullptr;
  char* low_ = nullptr;
  char* high_ = nullptr;
};

struct Guard {
  enum class Stop { none, memory, depth, attributes };
  explicit Guard(std::size_t budget) : arena(budget) {}
  Arena arena;
  std::jmp_buf* jump = nullptr;
  Stop stop = Stop::none;
  bool check_depth = true;
  std::uint32_t text_size = 0;
  std::uint32_t stop_at = 0;  // Stop::depth: where the element found too deep starts
  std::size_t nodes = 0;
  std::uint64_t attributes_in_tag = 0, attribute_work = 0;
};

[[noreturn]] void stop_parser(Guard& g, Guard::Stop why) {
  g.stop = why;
  std::longjmp(*g.jump, 1);
}

std::uint32_t node_offset(const GumboNode& n) {
  switch (n.type) {
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      return n.v.element.start_pos.offset;
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_COMMENT:
      return n.v.text.start_pos.offset;
    default:
      return 0;
  }
}

// Every 8th node: the depth of the newest node already in the tree (a new node goes where the
// parser is, at the top of its stack of open elements). Only node slots of the arena are followed.
void check_depth(Guard& g) {
  for (std::size_t i = 0; i < 8; ++i) {
    const GumboNode* n = g.arena.recent_node(i);
    if (!n) return;
    if (!n->parent) continue;
    std::size_t depth = 0;
    for (const GumboNode* p = n; p && depth <= kMaxDepth + 1; p = g.arena.node_at(p->parent)) ++depth;
    if (depth > kMaxDepth + 1) {  // the document node and kMaxDepth elements above it
      g.stop_at = std::min(node_offset(*n), g.text_size);
      stop_parser(g, Guard::Stop::depth);
    }
    return;
  }
}

void* gumbo_allocate(void* userdata, std::size_t size) {
  auto& g = *static_cast<Guard*>(userdata);
  void* p = nullptr;
  if (size == sizeof(GumboNode)) {
    if (g.check_depth && (++g.nodes & 7) == 0) check_depth(g);
    g.attributes_in_tag = 0;
    p = g.arena.allocate_node();
  } else {
    // A tag's attributes are allocated before its element, each compared with those before it.
    if (size == sizeof(GumboAttribute) && (g.attribute_work += ++g.attributes_in_tag) > kMaxAttributeWork)
      stop_parser(g, Guard::Stop::attributes);
    p = g.arena.allocate(size);
  }
  if (!p) stop_parser(g, Guard::Stop::memory);
  return p;
}

void gumbo_deallocate(void*, void*) {}  // the arena goes at once

// gumbo on `text`, as the content of <body>; nullptr when the guard stopped it (g.stop says why).
// Nothing with a destructor lives in this frame or in gumbo's: the guard's longjmp skips none.
GumboOutput* run_gumbo(Guard& g, const char* text, std::size_t size) {
  if (!g.arena.ok()) {
    g.stop = Guard::Stop::memory;
    return nullptr;
  }
  std::jmp_buf jump;
  g.jump = &jump;
  g.text_size = static_cast<std::uint32_t>(size);
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &gumbo_allocate;
  options.deallocator = &gumbo_deallocate;
  options.userdata = &g;
  options.max_errors = 0;  // parse errors are not kept
  options.fragment_context = GUMBO_TAG_BODY;
  if (setjmp(jump) != 0) return nullptr;
  return gumbo_parse_with_options(&options, text, size);
}

std::size_t parser_budget(std::size_t size) {
  return std::min(kMaxParserBytes, kMinParserBytes + std::min(size, kMaxParserBytes) * 128);
}

// ---- Iterating over gumbo's tree ----

bool is_element(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }
GumboTag tag_of(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_LAST; }
const GumboVector* children_of(const GumboNode* n) {
  if (is_element(n)) return &n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  return nullptr;
}

// Depth-first over the tree without recursion: enter(node, depth) says whether to go into the
// node's children; leave(node) is called after them.
template <typename Enter, typename Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack;
  if (!enter(root, std::size_t{0})) return;
  stack.push_back({root, 0});
  while (!stack.empty()) {
    auto& f = stack.back();
    const GumboVector* kids = children_of(f.node);
    if (kids && f.next < kids->length) {
      const auto* child = static_cast<const GumboNode*>(kids->data[f.next++]);
      if (enter(child, stack.size())) stack.push_back({child, 0});
      continue;
    }
    const GumboNode* done = f.node;
    stack.pop_back();
    leave(done);
  }
}

// Elements whose content is not the page's text.
bool is_skipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_BASE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_FRAME: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_MAP: case GUMBO_TAG_AREA: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK: case GUMBO_TAG_DATALIST: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_NOEMBED:
      return true;
    default:
      return false;
  }
}

// Elements that start and end a paragraph.
bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_TITLE: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_UL: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_MARQUEE:
      return true;
    default:
      return false;
  }
}

bool is_heading(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }
bool is_cell(GumboTag t) { return t == GUMBO_TAG_TD || t == GUMBO_TAG_TH; }

std::string_view attribute(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view();
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string lowered(std::string_view s) {
  std::string r(s);
  std::transform(r.begin(), r.end(), r.begin(), lower);
  return r;
}
bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// A colspan or rowspan: its leading digits, 1 when none or 0, at most `max`.
std::uint16_t span_attribute(const GumboNode* n, const char* name, std::uint32_t max) {
  auto v = attribute(n, name);
  std::size_t i = 0;
  while (i < v.size() && is_html_space(v[i])) ++i;
  std::uint32_t value = 0;
  for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) value = std::min<std::uint32_t>(value * 10 + (v[i] - '0'), max);
  return static_cast<std::uint16_t>(std::max<std::uint32_t>(value, 1));
}

// ---- The character set ----

// The encoding iconv reads a declared charset label in (the WHATWG Encoding Standard's aliases
// for the ones Chinese pages use: GBK and GB2312 are read as GB18030, their superset).
std::string encoding_of_label(std::string_view label) {
  const auto l = lowered(text::trim_blanks(label));
  for (std::string_view u : {"utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
                             // a page that says UTF-16 in a <meta> is ASCII-compatible: the standard reads UTF-8
                             "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "unicodefffe", "unicodefeff"})
    if (l == u) return "UTF-8";
  for (std::string_view g : {"gbk", "gb2312", "gb_2312", "gb_2312-80", "gb18030", "x-gbk", "cp936", "ms936",
                             "windows-936", "csgb2312", "chinese", "csiso58gb231280", "iso-ir-58", "euc-cn"})
    if (l == g) return "GB18030";
  for (std::string_view b : {"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"})
    if (l == b) return "BIG5-HKSCS";
  for (std::string_view w : {"iso-8859-1", "latin1", "l1", "ascii", "us-ascii", "windows-1252", "cp1252", "x-cp1252",
                             "iso_8859-1", "iso8859-1", "cp819", "ibm819", "csisolatin1", "ansi_x3.4-1968"})
    if (l == w) return "WINDOWS-1252";
  std::string up(l);
  std::transform(up.begin(), up.end(), up.begin(), [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  return up;
}

// The charset a Content-Type value names ("text/html; charset=gb2312"), as the HTML standard
// extracts it; "" when none.
std::string_view charset_in_content(std::string_view content) {
  const auto l = lowered(content);
  std::size_t at = 0;
  while ((at = l.find("charset", at)) != std::string::npos) {
    std::size_t i = at + 7;
    while (i < l.size() && is_html_space(l[i])) ++i;
    if (i >= l.size() || l[i] != '=') {
      at = i;
      continue;
    }
    ++i;
    while (i < l.size() && is_html_space(l[i])) ++i;
    if (i < l.size() && (l[i] == '"' || l[i] == '\'')) {
      const char q = l[i++];
      const auto end = l.find(q, i);
      return end == std::string::npos ? std::string_view() : content.substr(i, end - i);
    }
    std::size_t end = i;
    while (end < l.size() && !is_html_space(l[end]) && l[end] != ';') ++end;
    return content.substr(i, end - i);
  }
  return {};
}

// The charset a <meta> element declares; "" when it declares none.
std::string_view declared_charset(const GumboNode* meta) {
  if (auto cs = attribute(meta, "charset"); !cs.empty()) return cs;
  if (lowered(text::trim_blanks(attribute(meta, "http-equiv"))) == "content-type")
    return charset_in_content(attribute(meta, "content"));
  return {};
}

// The first charset a <meta> of the page's start declares, read by gumbo itself (the bytes are
// not decoded yet: gumbo replaces what is not UTF-8, and the markup is ASCII).
std::string prescan_charset(std::string_view bytes) {
  const auto head = bytes.substr(0, kCharsetScanBytes);
  Guard guard(parser_budget(head.size()));
  const GumboOutput* out = run_gumbo(guard, head.data(), head.size());
  if (!out) return {};
  std::string found;
  walk(
      out->root,
      [&](const GumboNode* n, std::size_t depth) {
        if (!found.empty() || !is_element(n) || depth > kMaxDepth) return false;
        if (n->v.element.tag == GUMBO_TAG_META) found = std::string(declared_charset(n));
        return true;
      },
      [](const GumboNode*) {});
  return found;
}

bool has_bom(std::string_view b) {
  return b.starts_with("\xEF\xBB\xBF") || b.starts_with("\xFF\xFE") || b.starts_with("\xFE\xFF") ||
         b.starts_with("\x84\x31\x95\x33");
}

// " (invalid at byte N)" from a decoding error, or "".
std::string where_invalid(std::string_view error) {
  const auto at = error.find("at byte ");
  return at == std::string_view::npos ? std::string() : " (invalid " + std::string(error.substr(at)) + ")";
}

struct PageText {
  io::Decoded decoded;
  std::string declared;  // the charset the page declares, when it is not what the bytes are
  std::string problem;   // why it was not used
};

// Decode as ParseOptions::encoding says, else as a BOM says, else as the page declares — unless
// the bytes are not that (then as detected, and `problem` says why) —, else as detected.
PageText decode_page(std::string_view bytes, const ParseOptions& options) {
  if (!options.encoding.empty()) return {io::decode(bytes, options.encoding), {}, {}};
  if (has_bom(bytes)) return {io::decode(bytes), {}, {}};
  const auto declared = prescan_charset(bytes);
  if (declared.empty()) return {io::decode(bytes), {}, {}};
  const auto encoding = encoding_of_label(declared);
  std::string problem;
  auto as_utf8 = io::decode(bytes, "UTF-8");
  if (encoding == "UTF-8") {
    if (as_utf8.ok) return {std::move(as_utf8), {}, {}};
    problem = "but is not UTF-8" + where_invalid(as_utf8.error);
  } else if (as_utf8.ok && std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    problem = "but is UTF-8";  // Chinese text in GBK is never valid UTF-8 as well
  } else {
    auto d = io::decode(bytes, encoding);
    if (d.ok) return {std::move(d), {}, {}};
    problem = d.error.starts_with("unknown encoding") ? "which xxgk does not know" : "but is not " + encoding + where_invalid(d.error);
  }
  return {io::decode(bytes), declared, problem};
}

// ---- From gumbo's tree to the document tree ----

// Where an element is: from its start tag to the end of its end tag (or where it was closed).
doc::Span element_span(const GumboNode* n, std::uint32_t size) {
  const auto& e = n->v.element;
  std::uint32_t begin = std::min<std::uint32_t>(e.start_pos.offset, size);
  std::uint32_t end = std::min<std::uint32_t>(e.end_pos.offset + static_cast<std::uint32_t>(e.original_end_tag.length), size);
  if (end < begin) end = begin;
  return {begin, end};
}

doc::Span text_span(const GumboNode* n, std::string_view source) {
  const auto& t = n->v.text;
  const auto size = static_cast<std::uint32_t>(source.size());
  std::uint32_t begin = std::min<std::uint32_t>(t.start_pos.offset, size);
  std::uint32_t end = begin;
  if (t.original_text.data >= source.data() && t.original_text.data <= source.data() + source.size())
    end = static_cast<std::uint32_t>(std::min<std::size_t>(t.original_text.data - source.data() + t.original_text.length, size));
  return {begin, std::max(begin, end)};
}

// What a table is for: the report's tables are data tables; a table whose cells hold other tables,
// headings or long runs of paragraphs lays out the page, and is read through.
struct TableInfo {
  std::size_t cells = 0;
  bool layout = false;
};

struct CellStats {
  TableInfo* table;
  std::size_t blocks = 0, bytes = 0;
};

std::unordered_map<const GumboNode*, TableInfo> classify_tables(const GumboNode* root) {
  std::unordered_map<const GumboNode*, TableInfo> tables;
  std::vector<TableInfo*> open_tables;
  std::vector<CellStats> open_cells;
  walk(
      root,
      [&](const GumboNode* n, std::size_t depth) {
        if (n->type == GUMBO_NODE_TEXT) {
          if (!open_cells.empty()) open_cells.back().bytes += std::strlen(n->v.text.text);
          return false;
        }
        if (!is_element(n) || depth > kMaxDepth) return false;
        const auto t = n->v.element.tag;
        if (is_skipped(t)) return false;
        const bool in_cell = !open_cells.empty() && !open_tables.empty() && open_cells.back().table == open_tables.back();
        if (t == GUMBO_TAG_TABLE) {
          if (in_cell) open_tables.back()->layout = true;
          open_tables.push_back(&tables[n]);
        } else if (is_cell(t) && !open_tables.empty()) {
          ++open_tables.back()->cells;
          open_cells.push_back({open_tables.back()});
        } else if (in_cell && is_block(t)) {
          ++open_cells.back().blocks;
          if (is_heading(t)) open_tables.back()->layout = true;
        }
        return true;
      },
      [&](const GumboNode* n) {
        const auto t = tag_of(n);
        if (t == GUMBO_TAG_TABLE && !open_tables.empty()) {
          if (open_tables.back()->cells <= 1) open_tables.back()->layout = true;  // a box around some text
          open_tables.pop_back();
        } else if (is_cell(t) && !open_cells.empty() && !open_tables.empty() && open_cells.back().table == open_tables.back()) {
          const auto& c = open_cells.back();
          if (c.blocks >= 2 && c.bytes > 400) c.table->layout = true;  // paragraphs of the report
          open_cells.pop_back();
        }
      });
  return tables;
}

struct Image {
  int section;
  doc::Span span;
  std::string src;
};

class TreeReader {
 public:
  TreeReader(std::string_view source, doc::Document& doc, std::unordered_map<const GumboNode*, TableInfo> tables)
      : src_(source), size_(static_cast<std::uint32_t>(source.size())), doc_(doc), tables_(std::move(tables)) {}

  void read(const GumboNode* root) {
    blocks_.push_back({0, true});
    walk(
        root, [&](const GumboNode* n, std::size_t depth) { return enter(n, depth); },
        [&](const GumboNode* n) { leave(n); });
    flush(UINT32_MAX);
  }

  std::uint32_t too_deep_at = UINT32_MAX;  // the first element deeper than kMaxDepth
  doc::Span charset_meta{0, 0};            // the first <meta> that declares a charset
  std::vector<Image> images;
  std::vector<bool> section_has_table = std::vector<bool>(7, false);

 private:
  struct Block {
    std::uint32_t begin;
    bool touched;  // a paragraph or a block inside it began since it did
  };
  struct Run {
    std::string text;
    bool space = false;                  // a blank is pending between words
    std::uint32_t first = UINT32_MAX, last = 0;  // the text nodes it came from
    std::size_t nodes = 0;
    const GumboNode* only = nullptr;     // its one text node, while it has one
  };

  bool stopped() const { return doc_.truncated_at != UINT32_MAX; }

  // One more node of the document tree; false past doc::kMaxNodes (the document is truncated there).
  bool room(std::uint32_t at) {
    if (stopped()) return false;
    if (++nodes_ <= doc::kMaxNodes) return true;
    doc_.truncated_at = at;
    return false;
  }

  bool enter(const GumboNode* n, std::size_t depth) {
    if (stopped()) return false;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      append(run_, n, pre_ > 0);
      return false;
    }
    if (!is_element(n)) return false;  // comments, CDATA
    const auto t = n->v.element.tag;
    if (depth > kMaxDepth) {
      too_deep_at = std::min(too_deep_at, element_span(n, size_).begin);
      return false;
    }
    if (t == GUMBO_TAG_META) {
      if (charset_meta.end == 0 && !declared_charset(n).empty()) charset_meta = element_span(n, size_);
      return false;
    }
    if (is_skipped(t)) return false;
    if (t == GUMBO_TAG_BR) {
      flush(UINT32_MAX);
      return false;
    }
    if (t == GUMBO_TAG_IMG || t == GUMBO_TAG_IMAGE) {
      const int heading = parse::section_heading(run_.text);  // an image in its heading's paragraph
      images.push_back({heading ? heading : section_, element_span(n, size_), std::string(attribute(n, "src").substr(0, 200))});
      return false;
    }
    if (t == GUMBO_TAG_TABLE) {
      const auto it = tables_.find(n);
      if (it != tables_.end() && !it->second.layout) {
        flush(UINT32_MAX);
        blocks_.back().touched = true;
        read_table(n);
        return false;
      }
    }
    if (is_block(t)) {
      flush(UINT32_MAX);
      blocks_.back().touched = true;
      blocks_.push_back({element_span(n, size_).begin, false});
      if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING || t == GUMBO_TAG_PLAINTEXT) ++pre_;
    }
    return true;
  }

  void leave(const GumboNode* n) {
    const auto t = tag_of(n);
    if (!is_block(t) || blocks_.size() <= 1) return;
    flush(element_span(n, size_).end);
    blocks_.pop_back();
    if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING || t == GUMBO_TAG_PLAINTEXT) --pre_;
  }

  // Text into a run: blanks (and no-break spaces) collapse into one space; in <pre>, a line end
  // ends the paragraph.
  void append(Run& run, const GumboNode* n, bool pre) {
    const std::string_view t = n->v.text.text;
    if (t.empty()) return;
    const auto span = text_span(n, src_);
    bool any = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
      const char c = t[i];
      if (pre && (c == '\n' || c == '\r') && &run == &run_) {
        flush(UINT32_MAX);
        continue;
      }
      if (is_html_space(c)) {
        run.space = true;
        continue;
      }
      if (c == '\xC2' && i + 1 < t.size() && t[i + 1] == '\xA0') {  // &nbsp;
        run.space = true;
        ++i;
        continue;
      }
      if (run.space && !run.text.empty()) run.text += ' ';
      run.space = false;
      run.text += c;
      any = true;
    }
    if (!any) return;
    if (run.first == UINT32_MAX) run.first = span.begin;
    run.last = std::max(run.last, span.end);
    run.only = ++run.nodes == 1 ? n : nullptr;
  }

  // The run's text: a view of the source when it is its one text node as written, else stored.
  std::string_view keep(Run& run) {
    auto text = text::trim_blanks(run.text);
    if (run.only) {
      const auto& o = run.only->v.text.original_text;
      std::string_view written(o.data, o.length);
      std::size_t b = 0, e = written.size();
      while (b < e && is_html_space(written[b])) ++b;
      while (e > b && is_html_space(written[e - 1])) --e;
      written = written.substr(b, e - b);
      if (written == text && written.data() >= src_.data() && written.data() + written.size() <= src_.data() + src_.size())
        return written;
    }
    return doc_.store.emplace_back(text);
  }

  // The pending run becomes a paragraph; `end` is its block's end when the block ends here.
  void flush(std::uint32_t end) {
    Run run = std::move(run_);
    run_ = Run{};
    if (run.first == UINT32_MAX || stopped()) return;
    auto& block = blocks_.back();
    const std::uint32_t begin = block.touched ? run.first : std::min(block.begin, run.first);
    block.touched = true;
    if (end == UINT32_MAX || end < run.last) end = run.last;
    if (!room(begin)) return;
    const auto text = keep(run);
    if (text.empty()) return;
    doc_.add_paragraph({{begin, std::max(begin, end)}, text});
    if (int s = parse::section_heading(text)) section_ = s;
  }

  // A data table: its rows (tr of the table itself, not of a table inside it) and their cells.
  void read_table(const GumboNode* table) {
    doc::Table out;
    out.span = element_span(table, size_);
    const GumboNode* current_row = nullptr;
    walk(
        table,
        [&](const GumboNode* n, std::size_t) {
          if (stopped() || !is_element(n)) return false;
          const auto t = n->v.element.tag;
          if (n == table || t == GUMBO_TAG_TBODY || t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TFOOT) return true;
          if (t == GUMBO_TAG_TR) {
            if (!room(element_span(n, size_).begin)) return false;
            out.rows.push_back({element_span(n, size_), {}});
            current_row = n;
            return true;
          }
          if (is_cell(t) && current_row && n->parent == current_row) {
            if (!room(element_span(n, size_).begin)) return false;
            out.rows.back().cells.push_back(read_cell(n));
          }
          return false;  // captions, colgroups
        },
        [](const GumboNode*) {});
    if (section_ >= 0 && section_ < 7) section_has_table[section_] = true;
    doc_.add_table(std::move(out));
  }

  // A cell: all its text, blocks and line breaks inside it as one space.
  doc::Cell read_cell(const GumboNode* cell) {
    Run run;
    walk(
        cell,
        [&](const GumboNode* n, std::size_t depth) {
          if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
            append(run, n, false);
            return false;
          }
          if (!is_element(n) || depth > kMaxDepth) return false;
          const auto t = n->v.element.tag;
          if (is_skipped(t)) return false;
          if (t == GUMBO_TAG_BR || (is_block(t) && n != cell)) run.space = true;
          return t != GUMBO_TAG_BR;
        },
        [&](const GumboNode* n) {
          if (n != cell && is_block(tag_of(n))) run.space = true;
        });
    doc::Cell c;
    c.span = element_span(cell, size_);
    c.colspan = span_attribute(cell, "colspan", 1000);    // the HTML standard's limits
    c.rowspan = span_attribute(cell, "rowspan", 65534);
    c.text = run.nodes == 0 ? std::string_view() : keep(run);
    if (c.text.empty()) c.text = src_.substr(c.span.begin, 0);
    return c;
  }

  std::string_view src_;
  std::uint32_t size_;
  doc::Document& doc_;
  std::unordered_map<const GumboNode*, TableInfo> tables_;
  std::vector<Block> blocks_;
  Run run_;
  std::size_t nodes_ = 0;
  int pre_ = 0;
  int section_ = 0;
};

// Where gumbo's input ends: before the start tag after kMaxTags of them ("<" and a letter).
std::size_t tags_end(std::string_view text) {
  std::size_t tags = 0;
  for (std::size_t at = 0; (at = text.find('<', at)) != std::string_view::npos; ++at) {
    if (at + 1 < text.size() && ((text[at + 1] | 0x20) >= 'a' && (text[at + 1] | 0x20) <= 'z') && ++tags > kMaxTags)
      return at;
  }
  return text.size();
}

// Sections 二, 三, 四 that show their template table only as images: no table text to read.
void report_images(const TreeReader& reader, diag::Diagnostics& diags) {
  const auto& spec = *tmpl::versions().front();
  for (const auto& table : spec.tables) {
    const int s = table.section;
    if (s < 0 || s >= 7 || reader.section_has_table[s]) continue;
    for (const auto& image : reader.images)
      if (image.section == s) {
        diags.report(diag::Id::table_image, image.span, table.name, table.title, image.src);
        break;
      }
  }
}

}  // namespace

bool read_html(std::string bytes, const ParseOptions& options, Output& out, diag::Diagnostics& diags) {
  auto page = decode_page(bytes, options);
  bytes = std::string();
  if (!page.decoded.ok) {
    diags.report(diag::Id::undecodable, {0, 0}, page.decoded.error);
    return false;
  }
  out.encoding = page.decoded.encoding;
  out.source.text = std::move(page.decoded.text);
  const std::string_view text = out.source.text;
  const auto size = static_cast<std::uint32_t>(text.size());
  if (page.decoded.removed_nul) diags.report(diag::Id::nul_removed, {0, 0}, page.decoded.removed_nul);
  if (page.decoded.cut_bytes) diags.report(diag::Id::cut_character, {size, size}, page.decoded.encoding, page.decoded.cut_bytes);

  // gumbo reads at most kMaxTags start tags; elements nested deeper than kMaxDepth stop it, and
  // it reads the page again up to there.
  const std::size_t parsed = tags_end(text);
  std::uint32_t too_deep_at = UINT32_MAX;
  auto guard = std::make_unique<Guard>(parser_budget(parsed));
  const GumboOutput* tree = run_gumbo(*guard, text.data(), parsed);
  if (!tree && guard->stop == Guard::Stop::depth) {
    too_deep_at = guard->stop_at;
    guard.reset();
    guard = std::make_unique<Guard>(parser_budget(too_deep_at));
    guard->check_depth = false;
    tree = run_gumbo(*guard, text.data(), too_deep_at);
  }
  if (!tree) {
    if (guard->stop == Guard::Stop::attributes)
      diags.report(diag::Id::html_too_complex, {0, 0}, "its tags have too many attributes to compare");
    else
      diags.report(diag::Id::html_too_complex, {0, 0},
                   "reading its markup needs more than " + std::to_string(parser_budget(parsed) >> 20) +
                       " MiB (elements reopened over and over?)");
    return false;
  }

  TreeReader reader(text, out.doc, classify_tables(tree->root));
  reader.read(tree->root);
  too_deep_at = std::min(too_deep_at, reader.too_deep_at);
  const auto stopped = out.doc.truncated_at;
  if (too_deep_at != UINT32_MAX && too_deep_at < stopped)
    diags.report(diag::Id::html_too_deep, {too_deep_at, too_deep_at}, kMaxDepth);
  if (parsed < text.size() && parsed < stopped && parsed < too_deep_at)
    diags.report(diag::Id::html_too_many_tags, {static_cast<std::uint32_t>(parsed), static_cast<std::uint32_t>(parsed)}, kMaxTags);
  if (!page.problem.empty())
    diags.report(diag::Id::charset_mismatch, reader.charset_meta, page.declared, page.problem, out.encoding);
  report_images(reader, diags);
  return true;
}

}  // namespace xxgk::frontend
