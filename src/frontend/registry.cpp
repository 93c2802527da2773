// The registered front ends: one line each.
#include "frontend/frontend.hpp"

namespace xxgk::frontend {

namespace {

constexpr FrontEnd kFrontEnds[] = {
    {Format::text, &read_text},
    {Format::pdf, &read_pdf},
    {Format::docx, &read_docx},
    {Format::html, &read_html},
};

}  // namespace

std::span<const FrontEnd> front_ends() { return kFrontEnds; }

const FrontEnd* front_end_for(Format format) {
  for (const auto& f : kFrontEnds)
    if (f.format == format) return &f;
  return nullptr;
}

}  // namespace xxgk::frontend
