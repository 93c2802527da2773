// How every command reads its arguments: "--name VALUE", "--name=VALUE", "-xVALUE" for the
// short options that take a value, "--" before operands only, "-" an operand (standard input).
#pragma once

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::cli {

class ArgReader {
 public:
  // `short_with_value`: the letters of the short options that take a value ("oj": -o, -j).
  ArgReader(const std::vector<std::string>& args, std::string_view short_with_value)
      : args_(args), short_with_value_(short_with_value) {}

  // The next argument; false after the last.
  bool next() {
    if (++i_ >= args_.size()) return false;
    const std::string& a = args_[i_];
    name_ = a;
    inline_value_.reset();
    if (a == "--" && !only_operands_) {
      only_operands_ = true;
      return next();
    }
    if (only_operands_) return true;
    if (a.starts_with("--") && a.find('=') != std::string::npos) {
      name_ = a.substr(0, a.find('='));
      inline_value_ = a.substr(a.find('=') + 1);
    } else if (a.size() > 2 && a[0] == '-' && a[1] != '-' && short_with_value_.find(a[1]) != std::string_view::npos) {
      name_ = a.substr(0, 2);
      inline_value_ = a.substr(2);
    }
    return true;
  }
  bool operand() const { const auto& a = args_[i_]; return only_operands_ || a == "-" || a.empty() || a[0] != '-'; }
  const std::string& arg() const { return args_[i_]; }    // as written
  const std::string& name() const { return name_; }       // the option: "--format", "-o"
  bool is(std::string_view n) const { return name_ == n; }
  // The option's value: after '=', after its letter, or the next argument.
  std::optional<std::string> value() {
    if (inline_value_) return inline_value_;
    if (i_ + 1 >= args_.size()) return std::nullopt;
    return args_[++i_];
  }

 private:
  const std::vector<std::string>& args_;
  std::string_view short_with_value_;
  std::size_t i_ = static_cast<std::size_t>(-1);
  bool only_operands_ = false;
  std::string name_;
  std::optional<std::string> inline_value_;
};

// A -j/--jobs value: a number of threads from 1 to 1024.
inline std::optional<unsigned> jobs_value(const std::optional<std::string>& v) {
  if (!v || v->empty()) return std::nullopt;
  char* end = nullptr;
  const long n = std::strtol(v->c_str(), &end, 10);
  if (*end != '\0' || n < 1 || n > 1024) return std::nullopt;
  return static_cast<unsigned>(n);
}

}  // namespace xxgk::cli
