#include "cli/progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace xxgk::cli {

namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kBarInterval = std::chrono::milliseconds(100);
constexpr auto kLineInterval = std::chrono::seconds(5);

int terminal_columns(std::FILE* out) {
  winsize ws{};
  if (::ioctl(::fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
  return 80;
}

}  // namespace

Progress::Mode Progress::detect(std::FILE* out) { return ::isatty(::fileno(out)) ? Mode::bar : Mode::lines; }

Progress::Progress(Mode mode, std::size_t total, std::FILE* out)
    : mode_(mode), total_(total), out_(out), start_(Clock::now()), last_(start_) {}

double Progress::elapsed_seconds() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

std::string Progress::format_duration(double s) {
  char buf[64];
  if (!(s >= 0) || s > 1e9) return "?";
  if (s < 60) std::snprintf(buf, sizeof buf, "%.1f s", s);
  else if (s < 3600) std::snprintf(buf, sizeof buf, "%d min %02d s", static_cast<int>(s) / 60, static_cast<int>(s) % 60);
  else std::snprintf(buf, sizeof buf, "%d h %02d min", static_cast<int>(s) / 3600, static_cast<int>(s) / 60 % 60);
  return buf;
}

void Progress::update(std::size_t done) {
  if (mode_ == Mode::off || finished_) return;
  done_ = done;
  const auto now = Clock::now();
  if (now - last_ < (mode_ == Mode::bar ? std::chrono::duration_cast<Clock::duration>(kBarInterval)
                                         : std::chrono::duration_cast<Clock::duration>(kLineInterval)))
    return;
  last_ = now;
  draw();
}

void Progress::draw() {
  const double secs = elapsed_seconds();
  const double rate = secs > 0 ? static_cast<double>(done_) / secs : 0;
  const double pct = total_ ? 100.0 * static_cast<double>(done_) / static_cast<double>(total_) : 100.0;
  std::string eta = rate > 0 ? format_duration(static_cast<double>(total_ - std::min(done_, total_)) / rate) : "?";
  char stats[160];
  std::snprintf(stats, sizeof stats, "%zu/%zu %3.0f%%  %.0f reports/s  ETA %s", done_, total_, pct, rate, eta.c_str());
  if (mode_ == Mode::lines) {
    std::fprintf(out_, "xxgk extract: %s\n", stats);
    std::fflush(out_);
    return;
  }
  const int columns = terminal_columns(out_);
  const int width = std::clamp(columns - static_cast<int>(std::string_view(stats).size()) - 4, 0, 50);
  std::string line = "\r";
  if (width >= 10) {
    const int fill = total_ ? static_cast<int>(static_cast<double>(width) * static_cast<double>(done_) / static_cast<double>(total_)) : width;
    line += '[';
    line.append(static_cast<std::size_t>(fill), '#');
    line.append(static_cast<std::size_t>(width - fill), '.');
    line += "] ";
  }
  line += stats;
  line += "\x1b[K";  // clear to the end of the line
  std::fputs(line.c_str(), out_);
  std::fflush(out_);
  drawn_ = true;
}

void Progress::clear() {
  if (drawn_) {
    std::fputs("\r\x1b[K", out_);
    drawn_ = false;
  }
}

void Progress::print(std::string_view line, std::FILE* to) {
  if (!to) to = out_;
  clear();
  std::fflush(out_);
  std::fwrite(line.data(), 1, line.size(), to);
  if (to != out_) std::fflush(to);
  if (mode_ == Mode::bar && !finished_) draw();
  std::fflush(out_);
}

void Progress::finish() {
  if (finished_) return;
  finished_ = true;
  clear();
  std::fflush(out_);
}

}  // namespace xxgk::cli
