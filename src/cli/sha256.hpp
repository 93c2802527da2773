// SHA-256 of a byte string, as lowercase hex (OpenSSL's libcrypto does the hashing).
#pragma once

#include <string>
#include <string_view>

namespace xxgk::cli {

// 64 lowercase hex digits. Thread-safe.
std::string sha256_hex(std::string_view bytes);

}  // namespace xxgk::cli
