// What a source is, from its first bytes: the stage before any front end. A PDF, a Word file, an
// HTML page and text each go to their own front end; a container no front end reads is named.
#pragma once

#include <string_view>

namespace xxgk::frontend {

enum class Format {
  text,      // plain text in any encoding (also: bytes that are nothing else)
  html,      // an HTML page
  pdf,       // a PDF document
  docx,      // a Word document (.docx: a ZIP holding word/document.xml)
  odt,       // an OpenDocument text (.odt)
  xlsx,      // a spreadsheet in a ZIP (.xlsx, .ods)
  zip,       // any other ZIP archive
  ole,       // a legacy Office container: .doc, .wps, .xls
  rtf,       // rich text format
  image,     // PNG, JPEG, GIF, TIFF
};

struct FormatInfo {
  std::string_view name;         // "pdf": the record's source.format
  std::string_view description;  // "a PDF document"
  std::string_view advice;       // what a user can do when xxgk does not read it ("" for a format it reads)
};
const FormatInfo& info(Format f);

Format sniff(std::string_view bytes);

}  // namespace xxgk::frontend
