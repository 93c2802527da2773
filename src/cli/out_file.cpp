#include "cli/out_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace xxgk::cli {

namespace {

constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
constexpr std::size_t kMaxPieces = 1024;  // IOV_MAX on Linux and the BSDs: one writev(2) for them all

}  // namespace

OutFile::OutFile(const std::string& path) : path_(path) {
  if (path == "-") {
    fd_ = STDOUT_FILENO;
  } else {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
    owned_ = true;
  }
  pending_.reserve(kMaxPieces);
  iov_.reserve(kMaxPieces);
}

OutFile::~OutFile() {
  if (owned_) ::close(fd_);
}

void OutFile::write(std::string piece) {
  if (piece.empty()) return;
  pending_bytes_ += piece.size();
  pending_.push_back(std::move(piece));
  if (pending_bytes_ >= kFlushBytes || pending_.size() == kMaxPieces) flush();
}

void OutFile::close() {
  flush();
  if (owned_) {
    owned_ = false;
    if (::close(fd_) != 0) fail();
  }
}

void OutFile::flush() {
  iov_.clear();
  for (auto& p : pending_) iov_.push_back({p.data(), p.size()});
  for (std::size_t i = 0; i < iov_.size();) {
    const auto count = static_cast<int>(std::min(iov_.size() - i, kMaxPieces));
    const ssize_t n = ::writev(fd_, &iov_[i], count);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail();
    // Past the pieces written whole; a piece written in part is taken up where it stopped.
    auto done = static_cast<std::size_t>(n);
    while (i < iov_.size() && done >= iov_[i].iov_len) done -= iov_[i++].iov_len;
    if (i < iov_.size()) {
      iov_[i].iov_base = static_cast<char*>(iov_[i].iov_base) + done;
      iov_[i].iov_len -= done;
    }
  }
  pending_.clear();
  pending_bytes_ = 0;
}

void OutFile::fail() const {
  throw std::runtime_error((path_ == "-" ? std::string("stdout") : path_) + ": write error: " + std::strerror(errno));
}

}  // namespace xxgk::cli
