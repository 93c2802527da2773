// Colour for diagnostics on a terminal: --color=auto|always|never, NO_COLOR (no-color.org).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace xxgk::cli {

enum class ColourMode { auto_, always, never };

// "auto", "always", "never"; false for anything else.
bool parse_colour_mode(std::string_view name, ColourMode& mode);

// Whether to colour what is written to `stream`: always; never; auto: when the stream is a
// terminal and NO_COLOR is unset or empty.
bool use_colour(ColourMode mode, std::FILE* stream);

// Diagnostics as render_diagnostics writes them, with ANSI colours: the severity word of each
// diagnostic's first line (error red, warning magenta, note cyan, all bold) and the caret line
// (green). Any other text is returned as it is.
std::string colourise_diagnostics(std::string_view text);

}  // namespace xxgk::cli
