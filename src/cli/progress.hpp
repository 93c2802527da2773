// Progress of a batch on stderr: a redrawn bar on a terminal (count, rate, ETA), plain lines
// every few seconds otherwise (a log, a pipe), nothing when off.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace xxgk::cli {

class Progress {
 public:
  enum class Mode { off, bar, lines };
  // bar when `out` is a terminal, lines otherwise.
  static Mode detect(std::FILE* out);

  Progress(Mode mode, std::size_t total, std::FILE* out = stderr);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress() { finish(); }

  // `done` items of `total`; cheap enough to call after every item (redraws at most 10 times a
  // second, or writes a line every 5 seconds).
  void update(std::size_t done);
  // A message line (ending in '\n'), printed above the bar; on `to` (default: the progress
  // stream), for a terminal that shows both stdout and stderr.
  void print(std::string_view line, std::FILE* to = nullptr);
  // Clears the bar; later calls to update() do nothing.
  void finish();

  double elapsed_seconds() const;

  // "1.2 s", "3 min 04 s", "1 h 02 min".
  static std::string format_duration(double seconds);

 private:
  void draw();
  void clear();

  Mode mode_;
  std::size_t total_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_, last_;
  std::size_t done_ = 0;
  bool drawn_ = false;
  bool finished_ = false;
};

}  // namespace xxgk::cli
