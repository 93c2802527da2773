#!/usr/bin/env bash
# The installed library works outside the tree: `cmake --install` into a temporary prefix, then
# examples/consumer built against it with find_package(xxgk) and with pkg-config, and run.
#   tests/install_test.sh BUILD_DIR SOURCE_DIR CXX
set -euo pipefail
build=$1 src=$2 cxx=$3
tmp=$(mktemp -d /tmp/xxgk-install-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
report="$src/corpus/000_a411e0a1c57d9535.txt"
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
for f in bin/xxgk include/xxgk/xxgk.hpp include/xxgk/record.hpp; do
  [[ -e "$tmp/prefix/$f" ]] || { echo "install: $f not installed" >&2; exit 1; }
done
libdir=$(dirname "$(find "$tmp/prefix" -name libxxgk.a | head -1)")
[[ -f "$libdir/libxxgk.a" && -f "$libdir/cmake/xxgk/xxgkConfig.cmake" && -f "$libdir/pkgconfig/xxgk.pc" ]] ||
  { echo "install: library, CMake package or pkg-config file missing" >&2; exit 1; }

check() {  # the example's output for the seed report
  local out=$1
  grep -qx "agency: 三门峡市科学技术局" <<<"$out" && grep -qx "year: 2025" <<<"$out" && grep -qx "template: 2021" <<<"$out" &&
    grep -qx "applications.new_received.total: 1" <<<"$out" ||
    { echo "install: unexpected output:"; echo "$out"; exit 1; } >&2
}

# CMake: find_package(xxgk)
cmake -S "$src/examples/consumer" -B "$tmp/cmake-build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/cmake-build" >/dev/null
out=$("$tmp/cmake-build/xxgk-example" "$report" || true)
check "$out"

# pkg-config
export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046
"$cxx" -o "$tmp/pc-example" "$src/examples/consumer/main.cpp" $(pkg-config --cflags --libs xxgk)
out=$("$tmp/pc-example" "$report" || true)
check "$out"
echo "install: find_package(xxgk) and pkg-config xxgk both build and run the example"
