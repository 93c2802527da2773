// JSON validity for the fuzz targets, in its own translation unit: compiled without coverage
// instrumentation (fuzz/CMakeLists.txt) so that the JSON parser neither slows the fuzzer down nor
// steers it.
#include <string_view>

#include <nlohmann/json.hpp>

namespace xxgk::fuzz {

bool valid_json(std::string_view text) { return nlohmann::json::accept(text); }

}  // namespace xxgk::fuzz
