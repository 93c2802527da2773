// Reporting diagnostics from the catalogue in codes.def, at byte ranges of the decoded text.
#pragma once

#include <fmt/format.h>

#include <vector>

#include "ast/ast.hpp"
#include "xxgk/record.hpp"

namespace xxgk::diag {

enum class Id {
#define XXGK_DIAG(id, sev, code, msg) id,
#include "diag/codes.def"
#undef XXGK_DIAG
};

struct Info {
  Severity severity;
  const char* code;
  const char* message;
};
const Info& info(Id id);

class Diagnostics {
 public:
  explicit Diagnostics(std::vector<Diagnostic>& out) : out_(out) {}

  template <typename... Args>
  void report(Id id, ast::Span at, const Args&... args) {
    const auto& i = info(id);
    out_.push_back({i.severity, i.code, fmt::vformat(fmt::string_view(i.message), fmt::make_format_args(args...)), 0,
                    0, at.begin, at.end - at.begin});
  }

 private:
  std::vector<Diagnostic>& out_;
};

}  // namespace xxgk::diag
