#include "diag/diagnostics.hpp"

namespace xxgk::diag {

namespace {
constexpr Info kInfos[] = {
#define XXGK_DIAG(id, sev, code, msg) {Severity::sev, code, msg},
#include "diag/codes.def"
#undef XXGK_DIAG
};
}  // namespace

const Info& info(Id id) { return kInfos[static_cast<int>(id)]; }

}  // namespace xxgk::diag
