#!/usr/bin/env bash
# Build the libFuzzer targets (fuzz/CMakeLists.txt) into build-fuzz with clang++-14 and run each
# one for a bounded time, seeded with the corpus.
#
#   fuzz/run.sh [SECONDS_PER_TARGET]      default 60; CI runs fuzz/run.sh 40
#
# Installs nothing: needs clang-14 and libclang-rt-14-dev (scripts/setup.sh --fuzz).
# Exits 1 when any target reports a crash, a failed invariant (FUZZ_CHECK), a leak, a sanitizer
# report, an input slower than 10 s or an input using more than 2 GB; the input is saved under
# build-fuzz/artifacts/<target>/ and the log under build-fuzz/logs/<target>.log. Exits 2 when the
# fuzzers cannot be built. Inputs that found new coverage stay in build-fuzz/fuzz-corpus/<target>/
# and seed the next local run.
#
# Environment: XXGK_FUZZ_BUILD_DIR (default <repo>/build-fuzz), XXGK_FUZZ_TARGETS (space-separated
# subset of the targets to run), XXGK_FUZZ_JOBS (build parallelism, default nproc).
set -euo pipefail

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: fuzz/run.sh [SECONDS_PER_TARGET]" >&2
  exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${XXGK_FUZZ_BUILD_DIR:-$root/build-fuzz}"
jobs="${XXGK_FUZZ_JOBS:-$(nproc)}"

if ! command -v clang++-14 >/dev/null; then
  echo "fuzz/run.sh: clang++-14 not found; install it with scripts/setup.sh --fuzz" >&2
  exit 2
fi

# ---- build ----
mkdir -p "$build"
if ! cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DXXGK_FUZZ=ON -DXXGK_TESTS=OFF \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >"$build/configure.log" 2>&1; then
  cat "$build/configure.log" >&2
  echo "fuzz/run.sh: cmake configure failed" >&2
  exit 2
fi
if ! cmake --build "$build" --target fuzz -j"$jobs"; then
  echo "fuzz/run.sh: build failed" >&2
  exit 2
fi

mapfile -t targets < <(grep -v '^$' "$build/fuzz/targets.txt")
if [[ -n "${XXGK_FUZZ_TARGETS:-}" ]]; then
  read -r -a targets <<<"$XXGK_FUZZ_TARGETS"
fi

# ---- seeds: every corpus input (expected records excluded) and the encoding test data ----
seeds="$build/fuzz-seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
while IFS= read -r -d '' f; do
  rel="${f#"$root"/}"
  cp "$f" "$seeds/${rel//\//_}"
done < <(find "$root/corpus" "$root/tests/data/encoding" -type f ! -name '*.expected.json' ! -name '*.status' \
           ! -name 'README.md' -print0 2>/dev/null)

# The Word files' word/document.xml, their formatting dropped to fit -max_len: fuzz_docx puts an
# input that is not a ZIP into one as its document.xml (perl's core IO::Uncompress::Unzip).
while IFS= read -r -d '' f; do
  rel="${f#"$root"/}"
  perl -MIO::Uncompress::Unzip=unzip -e 'unzip $ARGV[0] => "-", Name => "word/document.xml" or exit 1' "$f" 2>/dev/null |
    perl -0pe 's/<w:(rPr|pPr|tblPr|tcBorders|sectPr|tblGrid)>.*?<\/w:\1>//gs; s/<w:(rPr|trPr|tcW)\b[^>]*\/>//g' \
      >"$seeds/${rel//\//_}.document.xml" || true
done < <(find "$root/corpus" -name '*.docx' -print0 2>/dev/null)

# ---- dictionary (non-ASCII bytes written \xNN): the template's labels (src/template/*.cpp, every version) and the marks the
# grammars look for, so that mutations produce report-like text ----
dict="$build/xxgk.dict"
{
  cat "$root/fuzz/xxgk.dict"
  cat "$root"/src/template/*.cpp | grep -o '"[^"\\]*"' | LC_ALL=C grep '[^ -~]' | LC_ALL=C sort -u
} | perl -pe 's/([^\x20-\x7e\n])/sprintf("\\x%02x", ord($1))/ge' >"$dict"  # libFuzzer wants ASCII

# ---- run ----
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
mkdir -p "$build/logs"
failed=()
summary=()
for t in "${targets[@]}"; do
  exe="$build/fuzz/$t"
  if [[ ! -x "$exe" ]]; then
    echo "fuzz/run.sh: no fuzz target $t" >&2
    exit 2
  fi
  work="$build/fuzz-corpus/$t"
  artifacts="$build/artifacts/$t"
  log="$build/logs/$t.log"
  mkdir -p "$work" "$artifacts"
  echo "== $t: ${seconds}s"
  status=0
  "$exe" "$work" "$seeds" -dict="$dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)"
  cov="$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -n1 || true)"
  if ((status != 0)) || grep -Eq 'ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|runtime error:|FUZZ_CHECK failed|ERROR: libFuzzer' "$log"; then
    failed+=("$t")
    summary+=("$t: FAILED (exit $status) after ${execs:-?} executions; log $log")
    grep -E 'ERROR:|runtime error:|FUZZ_CHECK failed|^    #[0-9]+ |Test unit written to|artifact_prefix' "$log" | head -n 40 >&2 || true
  else
    summary+=("$t: ok, ${execs:-?} executions, ${cov:-no coverage line}")
  fi
done

echo "== summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
  echo "fuzz/run.sh: ${#failed[@]} target(s) failed: ${failed[*]}; reproduce with: $build/fuzz/<target> <artifact>" >&2
  exit 1
fi
