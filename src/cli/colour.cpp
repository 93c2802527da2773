#include "cli/colour.hpp"

#include <unistd.h>

#include <cstdlib>

namespace xxgk::cli {

bool parse_colour_mode(std::string_view name, ColourMode& mode) {
  if (name == "auto") mode = ColourMode::auto_;
  else if (name == "always") mode = ColourMode::always;
  else if (name == "never") mode = ColourMode::never;
  else return false;
  return true;
}

bool use_colour(ColourMode mode, std::FILE* stream) {
  if (mode != ColourMode::auto_) return mode == ColourMode::always;
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour && *no_colour) return false;
  return ::isatty(::fileno(stream)) == 1;
}

namespace {

constexpr std::string_view kReset = "\033[0m";

// A caret line: a blank, then blanks, '^' and '~' only, with at least one '^'.
bool is_caret_line(std::string_view line) {
  if (line.empty() || line[0] != ' ' || line.find('^') == std::string_view::npos) return false;
  return line.find_first_not_of(" ^~") == std::string_view::npos;
}

}  // namespace

std::string colourise_diagnostics(std::string_view text) {
  static constexpr struct {
    std::string_view word, colour;
  } kSeverities[] = {{": error: ", "\033[1;31m"}, {": warning: ", "\033[1;35m"}, {": note: ", "\033[1;36m"}};
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    const bool newline = end != std::string_view::npos;
    if (!newline) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    if (is_caret_line(line)) {
      const auto first = line.find('^');
      out.append(line.substr(0, first)).append("\033[1;32m").append(line.substr(first)).append(kReset);
    } else if (!line.empty() && line[0] != ' ') {
      std::size_t best = std::string_view::npos;
      std::string_view colour, word;
      for (const auto& s : kSeverities) {
        const auto p = line.find(s.word);
        if (p < best) best = p, colour = s.colour, word = s.word;
      }
      if (best == std::string_view::npos) {
        out.append(line);
      } else {
        // "PATH:LINE:COL: " bold, the severity word in its colour.
        out.append("\033[1m").append(line.substr(0, best + 1)).append(kReset).append(" ");
        out.append(colour).append(word.substr(2, word.size() - 4)).append(kReset);
        out.append(line.substr(best + word.size() - 2));
      }
    } else {
      out.append(line);
    }
    if (newline) out += '\n';
    at = end + 1;
  }
  return out;
}

}  // namespace xxgk::cli
