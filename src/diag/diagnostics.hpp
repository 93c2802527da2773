// Reporting diagnostics from the catalogue in codes.def, at byte ranges of the source text
// (located when the record is finished: source.hpp).
#pragma once

#include <fmt/format.h>

#include <vector>

#include "doc/tree.hpp"
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

  // Past this many, diagnostics are counted, not kept (a hostile input cannot exhaust memory).
  static constexpr std::size_t kMaxDiagnostics = 10000;

  template <typename... Args>
  void report(Id id, doc::Span at, const Args&... args) {
    if (out_.size() >= kMaxDiagnostics) {
      ++dropped_;
      return;
    }
    const auto& i = info(id);
    out_.push_back({i.severity, i.code, fmt::vformat(fmt::string_view(i.message), fmt::make_format_args(args...)), {},
                    at.begin, at.end - at.begin});
  }

  // Rewrite diagnostic `index` (an index into list(), taken before reporting it) in place: what a
  // later pass learnt about the same cell, at the same position and place in the order.
  template <typename... Args>
  void replace(std::size_t index, Id id, const Args&... args) {
    if (index >= out_.size()) return;
    const auto& i = info(id);
    auto& d = out_[index];
    d.severity = i.severity;
    d.code = i.code;
    d.message = fmt::vformat(fmt::string_view(i.message), fmt::make_format_args(args...));
  }

  std::size_t dropped() const { return dropped_; }
  const std::vector<Diagnostic>& list() const { return out_; }
  // Say how many were dropped, if any (call once, at the end).
  void report_dropped() {
    if (!dropped_) return;
    const auto& i = info(Id::diagnostics_dropped);
    out_.push_back({i.severity, i.code, fmt::format("{} more diagnostics not shown", dropped_), {}, 0, 0});
  }

 private:
  std::vector<Diagnostic>& out_;
  std::size_t dropped_ = 0;
};

}  // namespace xxgk::diag
