#!/usr/bin/env bash
# Install what xxgk needs to build on Debian 12, when it is missing. Safe to run again.
#   scripts/setup.sh          build and test dependencies
#   scripts/setup.sh --fuzz   also clang and its fuzzer runtime (for fuzz/run.sh)
set -euo pipefail

packages=(build-essential cmake pkg-config tao-pegtl-dev libfmt-dev doctest-dev libuchardet-dev libsimdjson-dev libsqlite3-dev nlohmann-json3-dev libssl-dev libmimalloc-dev libpoppler-cpp-dev libzip-dev libxml2-dev libgumbo-dev libcli11-dev pybind11-dev python3-dev python3-pytest)
if [[ "${1:-}" == "--fuzz" ]]; then packages+=(clang-14 libclang-rt-14-dev); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
