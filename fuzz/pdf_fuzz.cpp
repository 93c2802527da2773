// Fuzz the PDF front end through the whole pipeline: arbitrary bytes after a PDF signature
// (added when the input has none, so that every input reaches poppler and the geometry that
// rebuilds lines and tables from its boxes), then the checks of fuzz/record_check.hpp. poppler
// itself is not instrumented: a crash or hang inside it is still found, and is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/record_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.rfind("%PDF-", 0) != 0) bytes.insert(0, "%PDF-1.4\n");
  xxgk::fuzz::check_parse(bytes, {}, "fuzz.pdf");
  xxgk::fuzz::check_parse(bytes, {{}, {}, true}, "fuzz.pdf");  // with the values' positions
  return 0;
}
