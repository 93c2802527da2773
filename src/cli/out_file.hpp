// A CSV or NDJSON output of `xxgk extract`: a file, or stdout.
#pragma once

#include <sys/uio.h>

#include <string>
#include <vector>

namespace xxgk::cli {

// The pieces written are kept as they are (moved in, not copied) until about a megabyte of them
// is pending, then written with one writev(2): no copy into a stdio buffer. Write errors throw
// std::runtime_error ("PATH: write error: ...").
class OutFile {
 public:
  explicit OutFile(const std::string& path);  // "-" is stdout
  OutFile(const OutFile&) = delete;
  OutFile& operator=(const OutFile&) = delete;
  ~OutFile();
  void write(std::string piece);
  void close();  // writes what is pending, and closes a file

 private:
  void flush();
  [[noreturn]] void fail() const;
  std::string path_;
  int fd_ = -1;
  bool owned_ = false;
  std::vector<std::string> pending_;
  std::size_t pending_bytes_ = 0;
  std::vector<iovec> iov_;
};

}  // namespace xxgk::cli
