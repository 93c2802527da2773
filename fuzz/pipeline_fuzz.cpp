// Fuzz the whole pipeline: xxgk::parse_bytes on arbitrary bytes, then every emitter
// (to_json compact and pretty, to_text, render_diagnostics).
// Checks, besides the sanitizers: fuzz/record_check.hpp.
// Each input is parsed with layout detection and once more with a layout forced.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.hpp"
#include "fuzz/record_check.hpp"
#include "parse/layouts.hpp"

#ifndef XXGK_FUZZ_LAYOUT_COUNT
#error "define XXGK_FUZZ_LAYOUT_COUNT to the number of layout fuzz targets"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool registry_ok = [] {
    FUZZ_CHECK(xxgk::parse::layouts().size() == XXGK_FUZZ_LAYOUT_COUNT,
               "%zu layouts are registered but fuzz/CMakeLists.txt builds %d layout targets: add the new layout "
               "to XXGK_FUZZ_LAYOUTS",
               xxgk::parse::layouts().size(), XXGK_FUZZ_LAYOUT_COUNT);
    return true;
  }();
  (void)registry_ok;

  const std::string bytes(reinterpret_cast<const char*>(data), size);
  xxgk::fuzz::check_parse(bytes, {}, "fuzz.txt");
  // One forced layout per input, chosen by its size, so that each layout's tables go through
  // the passes whatever the text looks like; with the values' positions.
  const auto& all = xxgk::parse::layouts();
  xxgk::fuzz::check_parse(bytes, {std::string(all[size % all.size()].name), {}, true}, "fuzz.txt");
  return 0;
}
