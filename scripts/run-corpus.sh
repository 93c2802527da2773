#!/usr/bin/env bash
# Build xxgk (Release) and run it on the bundled corpus: one summary line per report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DXXGK_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target xxgk
build/xxgk extract corpus --summary "$@"
