// Input decoding: detect the encoding of a report's bytes and convert them to UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace xxgk::io {

struct Decoded {
  bool ok = false;
  std::string text;      // UTF-8, BOM removed, NUL bytes removed; line ends left as written
  std::string encoding;  // what the bytes were decoded from: "UTF-8", "GB18030", "UTF-16LE", ...
  std::string error;     // when !ok: why (lowercase, no final period)
  std::size_t removed_nul = 0;  // NUL characters dropped from the text
  // Bytes at the very end that begin a character the input cuts off (a truncated download):
  // dropped, the text before them kept.
  std::size_t cut_bytes = 0;
};

// `forced` names an encoding (as iconv knows it) to use instead of detection; empty = detect.
Decoded decode(std::string_view bytes, std::string_view forced = {});

}  // namespace xxgk::io
