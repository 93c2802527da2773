#include "frontend/sniff.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace xxgk::frontend {

namespace {

constexpr std::array<FormatInfo, 10> kInfos = {{
    {"text", "text", ""},
    {"html", "an HTML page", ""},
    {"pdf", "a PDF document", ""},
    {"docx", "a Word document (.docx)", ""},
    {"odt", "an OpenDocument text (.odt)", "save it as .docx or as text"},
    {"xlsx", "a spreadsheet (.xlsx, .ods)", "export the report's text, not a spreadsheet"},
    {"zip", "a ZIP archive that is not a Word document", "unpack it and parse the reports inside"},
    {"ole", "a legacy Word, WPS or Excel file (.doc, .wps, .xls)", "save it as .docx or as text"},
    {"rtf", "a rich text document (.rtf)", "save it as .docx or as text"},
    {"image", "an image", "a report in an image has no text to read; OCR it first"},
}};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool contains(std::string_view hay, std::string_view needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

// A ZIP's member names are stored as written, in its local headers and its central directory.
Format zip_kind(std::string_view bytes) {
  if (contains(bytes, "word/document.xml")) return Format::docx;
  if (contains(bytes, "application/vnd.oasis.opendocument.text")) return Format::odt;
  if (contains(bytes, "xl/workbook.xml") || contains(bytes, "application/vnd.oasis.opendocument.spreadsheet"))
    return Format::xlsx;
  return Format::zip;
}

// Markup at the start (after a BOM and blanks) that only an HTML page begins with.
bool looks_like_html(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::size_t i = 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) ++i;
  if (i >= bytes.size() || bytes[i] != '<') return false;
  std::string head(bytes.substr(i, 4096));
  std::transform(head.begin(), head.end(), head.begin(), lower);
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<table", "<div", "<p>",
                               "<p ", "<span", "<style", "<script"})
    if (contains(head, tag)) return true;
  return false;
}

}  // namespace

const FormatInfo& info(Format f) { return kInfos[static_cast<std::size_t>(f)]; }

Format sniff(std::string_view bytes) {
  if (contains(bytes.substr(0, 1024), "%PDF-")) return Format::pdf;
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) return zip_kind(bytes);
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Format::ole;
  if (bytes.starts_with("{\\rtf")) return Format::rtf;
  if (bytes.starts_with("\x89PNG") || bytes.starts_with("\xFF\xD8\xFF") || bytes.starts_with("GIF8") ||
      bytes.starts_with(std::string_view("II*\0", 4)) || bytes.starts_with(std::string_view("MM\0*", 4)))
    return Format::image;
  if (looks_like_html(bytes)) return Format::html;
  return Format::text;
}

}  // namespace xxgk::frontend
