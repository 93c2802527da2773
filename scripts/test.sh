#!/usr/bin/env bash
# Build xxgk with AddressSanitizer and UndefinedBehaviorSanitizer and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The Python module is built for, and tested with, an interpreter that has pytest (Debian's).
python=/usr/bin/python3
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c 'import pytest' 2>/dev/null; then python=$(command -v "$p"); break; fi
done
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DXXGK_SANITIZE=ON -DPython_EXECUTABLE="$python" >/dev/null
cmake --build build-asan -j"$(nproc)"
cd build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$(nproc)"
