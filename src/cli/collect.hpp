// The input files of `xxgk extract`: every file named, and every file with a report extension
// under the directories named, recursively, sorted by path.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::cli {

// Extensions collected from directories (compared without case). A file named on the command
// line is taken whatever its extension.
// Reports come as text, web pages, PDF and Word files: all are taken, and one in a format xxgk
// does not read yet is reported as such, by its format.
inline constexpr std::array<std::string_view, 13> kInputExtensions{
    ".txt", ".md", ".markdown", ".tsv", ".pdf", ".html", ".htm", ".shtml", ".docx", ".doc", ".wps", ".odt", ".rtf"};

bool has_input_extension(const std::filesystem::path& path);

struct Inputs {
  std::vector<std::string> files;  // sorted by path (byte order), no duplicates
  std::size_t skipped = 0;         // files under the directories that are not inputs
  std::vector<std::string> errors; // "DIR: reason" for each directory that could not be read
};

// Each argument that is a directory is walked recursively (symbolic links to directories are not
// followed); anything else is an input as it is, so that a missing or unreadable file is
// reported by the parser like any other. Under a directory, a file is an input when its
// extension is one of kInputExtensions and it is a regular file or a symbolic link (a broken link
// is reported as unreadable); other files are counted in `skipped`.
Inputs collect_inputs(const std::vector<std::string>& args);

}  // namespace xxgk::cli
