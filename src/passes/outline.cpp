#include "passes/outline.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <unordered_map>

#include "parse/outline.hpp"
#include "template/matcher.hpp"
#include "text/normalise.hpp"

namespace xxgk::passes {

namespace {

using Line = Outline::Line;

constexpr std::size_t kLongLine = 480;  // bytes: 160 Chinese characters
constexpr std::size_t kShortLine = 120;  // bytes: 40 Chinese characters, as long as a running header gets

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::size_t chars(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Page furniture: what a web page puts around the report. `t` is normalised.
bool is_furniture(std::string_view t) {
  // A breadcrumb: 首页 > 政务公开 > 年报, 当前位置：…
  const auto arrows = std::count(t.begin(), t.end(), '>') + (contains(t, "»") ? 2 : 0) + (contains(t, "›") ? 2 : 0);
  for (std::string_view start : {"当前位置", "您的位置", "您现在的位置", "所在位置", "现在位置"})
    if (t.starts_with(start)) return true;
  if (arrows >= 1 && (t.starts_with("首页") || arrows >= 2) && chars(t) <= 120) return true;
  // A navigation bar: 首页 政务公开 互动交流 … (the links of a page's menu, one line).
  if (t.starts_with("首页") && chars(t) > 2 && chars(t) <= 60 && !contains(t, "。")) return true;
  if (chars(t) > 80) return false;  // a sentence of the report, whatever it mentions
  for (std::string_view start : {"上一篇", "下一篇", "上一条", "下一条", "【上一篇】", "【下一篇】"})
    if (t.starts_with(start)) return true;
  // What a page's furniture holds anywhere in the line, all looked for in one pass.
  static const tmpl::Matcher parts = [] {
    tmpl::Matcher m;
    for (std::string_view part : {"字体:大中小", "字号:大中小", "【大】【中】【小】", "[大][中][小]", "字体:【大】", "打印本页", "关闭窗口",
                                  "关闭本页", "扫一扫在手机", "在手机打开当前页", "分享到:", "【打印】", "【关闭】", "[打印]",
                                  "[关闭]", "加入收藏", "收藏本页", "返回顶部", "网站标识码", "ICP备", "icp备", "公网安备",
                                  "版权所有", "Copyright", "copyright", "网站地图", "技术支持:"})
      m.add(part);
    return m;
  }();
  if (parts.scan(t).any()) return true;
  for (std::string_view start : {"主办单位", "承办单位", "主办:", "承办:", "联系我们"})
    if (t.starts_with(start)) return true;
  // "正文" alone, or decorated: ==== 正文 ====, 【正文】
  std::string_view core = t;
  auto strip = [&](std::string_view marks) {
    while (!core.empty() && marks.find(core.front()) != std::string_view::npos) core.remove_prefix(1);
    while (!core.empty() && marks.find(core.back()) != std::string_view::npos) core.remove_suffix(1);
  };
  strip("=-*#[]<>|");
  for (std::string_view w : {"【", "】"}) {
    if (core.starts_with(w)) core.remove_prefix(w.size());
    if (core.ends_with(w)) core.remove_suffix(w.size());
  }
  return core == "正文" || core == "全文" || core == "返回";
}

// A line of a link list (人民网, 新华网, 福建省人民政府, 附件下载): short, no punctuation, not a
// statement of the report (无其他需要报告的事项, 本年度无收费情况). `t` is normalised.
bool link_like(std::string_view t) {
  const auto n = chars(t);
  if (n < 2 || n > 16) return false;
  for (std::string_view start : {"无", "暂无", "本", "我"})
    if (t.starts_with(start)) return false;
  for (std::string_view word : {"报告", "事项", "情况"})
    if (contains(t, word)) return false;
  for (char c : std::string_view(",.;:?!()[]<>|\"'/"))
    if (t.find(c) != std::string_view::npos) return false;
  for (std::string_view mark : {"。", "、", "《", "》", "“", "”", "…", "【", "】", "·"})
    if (contains(t, mark)) return false;
  return true;
}

// From this many link-like lines in a row after the last section heading on, a page's footer:
// its link lists, 关于我们, 联系我们, browser advice. A report's own text has no such run.
constexpr std::size_t kFooterRun = 6;

// Metadata keys a page states before the report; the kind of value each gives.
enum class Meta { other, index_number, agency, date, title };
struct MetaKey {
  std::string_view key;
  Meta meta;
  int rank;  // among keys of one meta: the lower, the better
};
constexpr std::array<MetaKey, 45> kMetaKeys = {{
    {"信息索引号", Meta::index_number, 0}, {"索引号", Meta::index_number, 0},
    {"发布机构", Meta::agency, 0},       {"发文机关", Meta::agency, 1},       {"发文单位", Meta::agency, 1},
    {"发布单位", Meta::agency, 1},       {"公开责任部门", Meta::agency, 2},   {"信息来源", Meta::agency, 3},
    {"来源", Meta::agency, 4},
    {"发布日期", Meta::date, 0},         {"发布时间", Meta::date, 0},         {"成文日期", Meta::date, 1},
    {"印发日期", Meta::date, 1},         {"公开日期", Meta::date, 2},         {"生成日期", Meta::date, 2},
    {"更新时间", Meta::date, 3},         {"日期", Meta::date, 4},
    {"标题", Meta::title, 0},            {"名称", Meta::title, 1},
    {"文号", Meta::other, 0},            {"发文字号", Meta::other, 0},        {"主题分类", Meta::other, 0},
    {"主题词", Meta::other, 0},          {"公开方式", Meta::other, 0},        {"公开范围", Meta::other, 0},
    {"公开形式", Meta::other, 0},        {"公开时限", Meta::other, 0},        {"有效性", Meta::other, 0},
    {"体裁分类", Meta::other, 0},        {"组配分类", Meta::other, 0},        {"服务对象", Meta::other, 0},
    {"浏览次数", Meta::other, 0},        {"点击数", Meta::other, 0},          {"访问量", Meta::other, 0},
    {"阅读次数", Meta::other, 0},        {"栏目", Meta::other, 0},            {"所属栏目", Meta::other, 0},
    {"原文链接", Meta::other, 0},        {"本地目录", Meta::other, 0},        {"作者", Meta::other, 0},
    {"责任编辑", Meta::other, 0},        {"编辑", Meta::other, 0},            {"字号", Meta::other, 0},
    {"分类", Meta::other, 0},            {"时效", Meta::other, 0},
}};

// "key:" at `at` in normalised text; the key found, or nullptr.
const MetaKey* key_at(std::string_view t, std::size_t at) {
  const MetaKey* best = nullptr;
  for (const auto& k : kMetaKeys)
    if (t.substr(at).starts_with(k.key) && t.substr(at + k.key.size()).starts_with(":") &&
        (!best || k.key.size() > best->key.size()))
      best = &k;
  return best;
}

struct MetaValue {
  const MetaKey* key;
  std::string_view value;
};

// The key: value pairs of a metadata line ("发布日期:2024-01-20来源:某局"), when it starts with one.
std::vector<MetaValue> meta_values(std::string_view t) {
  std::vector<MetaValue> out;
  if (!key_at(t, 0)) return out;
  constexpr std::size_t longest_key =
      std::max_element(kMetaKeys.begin(), kMetaKeys.end(), [](const MetaKey& a, const MetaKey& b) {
        return a.key.size() < b.key.size();
      })->key.size();
  std::size_t value_start = 0;
  const MetaKey* current = nullptr;
  std::size_t colon = t.find(':');  // a key ends at a colon: none near, no key here
  for (std::size_t i = 0; i <= t.size(); ++i) {
    const MetaKey* k = nullptr;
    if (i < t.size()) {
      if (colon < i) colon = t.find(':', i);
      if (colon == std::string_view::npos) {
        i = t.size();  // no key after: the value runs to the end
      } else if (colon - i > longest_key) {
        i = colon - longest_key - 1;
        continue;
      } else if (!(k = key_at(t, i))) {
        continue;
      }
    }
    if (current) out.push_back({current, t.substr(value_start, i - value_start)});
    if (!k) break;
    current = k;
    value_start = i + k->key.size() + 1;
    i = value_start - 1;
  }
  return out;
}

bool clean_agency(std::string_view a) {
  if (a.empty()) return true;
  for (std::string_view bad : {"《", "》", "关于", "印发", ">", ":", "|", "http"})
    if (contains(a, bad)) return false;
  return chars(a) <= 40;
}

struct Candidate {
  std::size_t first, last;  // paragraphs
  std::string text;         // normalised, joined
};

}  // namespace

std::string iso_date(std::string_view t) {
  int parts[3] = {0, 0, 0};
  std::size_t p = 0, i = 0;
  while (i < t.size() && !(t[i] >= '0' && t[i] <= '9')) ++i;
  for (; i < t.size() && p < 3;) {
    std::size_t j = i;
    int v = 0;
    while (j < t.size() && t[j] >= '0' && t[j] <= '9' && j - i < 4) v = v * 10 + (t[j++] - '0');
    if (j == i) break;
    parts[p++] = v;
    i = j;
    // a separator: - / . 年 月
    if (i < t.size() && (t[i] == '-' || t[i] == '/' || t[i] == '.')) ++i;
    else if (t.substr(i).starts_with("年") || t.substr(i).starts_with("月")) i += 3;
    else break;
  }
  if (p < 3 || parts[0] < 1990 || parts[0] > 2100 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31) return {};
  char buf[11];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
  return buf;
}

Outline read_outline(const doc::Document& doc) {
  Outline out;
  out.lines.assign(doc.paragraphs.size(), Line::text);
  out.paragraph_section.assign(doc.paragraphs.size(), 0);
  out.table_section.assign(doc.tables.size(), 0);
  out.page_table.assign(doc.tables.size(), false);

  std::deque<std::string> norms;  // normalised text of the preamble's lines, for the title
  std::vector<std::string_view> norm(doc.paragraphs.size());
  std::vector<std::pair<std::string, doc::Span>> meta_titles;  // a 标题 line's or cell's value, and where
  int agency_rank = 99, date_rank = 99;
  auto take_meta = [&](const MetaValue& mv, doc::Span span) {
    const auto value = text::trim_blanks(mv.value);
    if (value.empty()) return;
    switch (mv.key->meta) {
      case Meta::index_number:
        if (out.index_number.empty()) out.index_number = std::string(value);
        break;
      case Meta::agency:
        if (mv.key->rank < agency_rank && clean_agency(value)) {
          agency_rank = mv.key->rank;
          out.agency = std::string(value);
          out.agency_span = span;
          out.agency_key = mv.key->key;
        }
        break;
      case Meta::date:
        if (auto d = iso_date(value); !d.empty() && mv.key->rank < date_rank) {
          date_rank = mv.key->rank;
          out.published = d;
        }
        break;
      case Meta::title:
        meta_titles.emplace_back(std::string(value), span);
        break;
      case Meta::other:
        break;
    }
  };

  int section = 0;
  for (const auto& block : doc.blocks) {
    if (block.kind == doc::Block::Kind::table) {
      out.table_section[block.index] = section;
      if (section != 0) continue;
      // A table of the page's metadata: cells "索引号：" and its value, or "索引号：xxx".
      const auto& table = doc.tables[block.index];
      int keys = 0;
      for (const auto& row : table.rows)
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
          auto t = text::normalise_text(row.cells[c].text);
          if (!t.empty() && t.back() != ':' && key_at(t + ":", 0) && c + 1 < row.cells.size()) t += ':';
          auto values = meta_values(t);
          if (values.empty()) continue;
          ++keys;
          if (values.size() == 1 && values[0].value.empty() && c + 1 < row.cells.size()) {
            auto next = text::normalise_text(row.cells[c + 1].text);
            take_meta({values[0].key, next}, row.span);
          } else {
            for (const auto& v : values) take_meta(v, row.span);
          }
        }
      out.page_table[block.index] = keys >= 2;
      continue;
    }
    if (block.kind != doc::Block::Kind::paragraph) continue;
    const auto i = block.index;
    const auto& p = doc.paragraphs[i];
    out.paragraph_section[i] = section;
    if (parse::page_number(p.text)) {
      out.lines[i] = Line::page_number;
      continue;
    }
    if (int n = parse::section_heading(p.text)) {
      out.lines[i] = Line::heading;
      const auto text = text::trim_blanks(text::strip_markdown_marks(p.text));
      // Where the heading's text is in the paragraph's span; never past it (a front end's text may
      // be decoded from more or fewer bytes than it spans: HTML entities).
      const auto begin = std::min(p.span.begin + static_cast<std::uint32_t>(text.data() - p.text.data()), p.span.end);
      const auto end = std::min(begin + static_cast<std::uint32_t>(text.size()), p.span.end);
      out.headings.push_back({n, i, text, {begin, end}});
      section = n;
      out.paragraph_section[i] = n;
      continue;
    }
  }

  // A running header or footer: a short line at the edge of its page that recurs at the edge of
  // another (淮安市人民政府办公室 atop every other page); page numbers are read above.
  std::unordered_map<std::string, std::vector<std::size_t>> at_edges;
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i)
    if (doc.paragraphs[i].page_edge && out.lines[i] == Line::text && doc.paragraphs[i].text.size() <= kShortLine)
      at_edges[text::normalise_text(doc.paragraphs[i].text)].push_back(i);
  for (const auto& [t, where] : at_edges)
    if (where.size() >= 2 && !t.empty())
      for (auto i : where) out.lines[i] = Line::furniture;

  // Page furniture, metadata and the title stand before the first heading and after the last
  // (a web page's header and footer); the sections between hold the report's own text.
  const std::size_t last_heading = out.headings.empty() ? 0 : out.headings.back().paragraph;
  if (!out.headings.empty()) {
    std::size_t run = 0, footer = doc.paragraphs.size();
    for (std::size_t i = last_heading + 1; i < doc.paragraphs.size() && footer == doc.paragraphs.size(); ++i) {
      run = out.lines[i] == Line::text && link_like(text::normalise_text(doc.paragraphs[i].text)) ? run + 1 : 0;
      if (run == kFooterRun) footer = i + 1 - run;
    }
    for (std::size_t i = footer; i < doc.paragraphs.size(); ++i)
      if (out.lines[i] == Line::text) out.lines[i] = Line::furniture;
  }
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const int section = out.paragraph_section[i];
    if (out.lines[i] != Line::text || (section != 0 && i < last_heading)) continue;
    const auto& p = doc.paragraphs[i];
    // A long line is the report's own text: no furniture, metadata or title is that long.
    if (p.text.size() > kLongLine) continue;
    const auto t = text::normalise_into(text::strip_markdown_marks(p.text), norms);
    if (is_furniture(t)) {
      out.lines[i] = Line::furniture;
      continue;
    }
    if (section != 0) continue;
    auto values = meta_values(t);
    if (!values.empty()) {
      out.lines[i] = Line::metadata;
      for (const auto& v : values) {
        take_meta(v, p.span);
      }
      continue;
    }
    norm[i] = t;
  }

  // The title: among the lines before the first heading, a line that gives agency and year,
  // else two or three lines that do together; else lines that give the year only (the agency
  // then from the metadata); a metadata 标题 line counts as a line.
  std::vector<std::size_t> preamble;
  for (std::size_t i = 0; i < doc.paragraphs.size() && preamble.size() < 30; ++i)
    if (out.paragraph_section[i] == 0 && out.lines[i] == Line::text && !norm[i].empty()) preamble.push_back(i);
  auto try_title = [&](const std::string& joined, bool need_agency) -> std::optional<parse::TitleParts> {
    if (joined.empty() || joined.size() > 300 || contains(joined, "。")) return std::nullopt;
    auto parts = parse::read_title(joined);
    if (!parts || parts->year < 2000 || parts->year > 2099 || !clean_agency(parts->agency)) return std::nullopt;
    if (need_agency && parts->agency.empty()) return std::nullopt;
    return parts;
  };
  auto accept = [&](doc::Span span, const parse::TitleParts& parts) {
    out.title.found = true;
    out.title.span = span;
    out.title.agency = std::string(parts.agency);
    out.title.year = parts.year;
  };
  for (bool need_agency : {true, false}) {
    // One line first; then three before two, so that a title over three lines is not read from
    // its last two.
    for (std::size_t len : {1, 3, 2})
      for (std::size_t k = 0; k + len <= preamble.size() && !out.title.found; ++k) {
        std::string joined;
        for (std::size_t j = k; j < k + len; ++j) joined += norm[preamble[j]];
        const doc::Span span{doc.paragraphs[preamble[k]].span.begin, doc.paragraphs[preamble[k + len - 1]].span.end};
        if (auto parts = try_title(joined, need_agency)) {
          accept(span, *parts);
        } else if (const auto cut = joined.find_first_of("_|"); len == 1 && cut != std::string::npos && cut > 0) {
          // A web page's <title>: the report's title, then its column and site (标题_栏目_网站).
          const std::string head = joined.substr(0, cut);
          if (auto cut_parts = try_title(head, need_agency)) accept(span, *cut_parts);
        }
      }
    for (std::size_t m = 0; m < meta_titles.size() && !out.title.found; ++m)
      if (auto parts = try_title(meta_titles[m].first, need_agency)) accept(meta_titles[m].second, *parts);
    if (out.title.found) break;
  }
  if (out.title.found) {
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i)
      if (out.lines[i] == Line::text && doc.paragraphs[i].span.begin >= out.title.span.begin &&
          doc.paragraphs[i].span.end <= out.title.span.end)
        out.lines[i] = Line::title;
  } else {
    // The line most like a title: the first that names a report, else the first line.
    for (auto i : preamble)
      if (contains(norm[i], "报告") || contains(norm[i], "年度") || contains(norm[i], "信息公开")) {
        out.title_like = doc.paragraphs[i].span;
        break;
      }
    if (out.title_like.end == 0 && !preamble.empty()) out.title_like = doc.paragraphs[preamble.front()].span;
  }
  return out;
}

}  // namespace xxgk::passes
