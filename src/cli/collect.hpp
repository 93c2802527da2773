// The input files of `xxgk extract`: every file named, and every file with a report extension
// under the directories named, recursively, sorted by path.
#pragma once

#include <array>
#include <filesystem>
#include <map>
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

// A file plainly not a report, left out of a directory walk (by `extract` and `test`) and listed
// as skipped: README, README.md, readme.txt, … (any case), and dotfiles.
bool is_not_report_name(std::string_view filename);

struct Inputs {
  std::vector<std::string> files;  // sorted by path (byte order), no duplicates
  std::size_t skipped = 0;         // files under the directories that are not inputs
  std::map<std::string, std::size_t> skipped_kinds;  // the skipped files by extension
                                                     // (lower case, "" for none)
  std::vector<std::string> not_reports;  // files under the directories that are plainly not
                                         // reports (is_not_report_name), sorted; not in `skipped`
  std::vector<std::string> errors; // "DIR: reason" for each directory that could not be read
};

// Each argument that is a directory is walked recursively (symbolic links to directories are not
// followed); anything else is an input as it is, so that a missing or unreadable file is
// reported by the parser like any other. Under a directory, a file is an input when its
// extension is one of kInputExtensions and it is a regular file or a symbolic link (a broken link
// is reported as unreadable) and its name is not that of a README or a dotfile (those are listed
// in `not_reports`); other files are counted in `skipped`.
Inputs collect_inputs(const std::vector<std::string>& args);

}  // namespace xxgk::cli
