#!/usr/bin/env bash
# Where the time goes: callgrind over `xxgk extract -j1 -o out.ndjson` on N copies of the corpus's
# reports; prints the functions with the most instructions per report, inclusive and self.
# Instruction counts do not depend on what else the machine runs, unlike timings.
#   bench/profile.sh [BUILD_DIR] [N]        (defaults: build 1000; Release build; valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-1000}
xxgk="$build/xxgk"
[[ -x "$xxgk" ]] || { echo "profile: no $xxgk (cmake --build $build first)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "profile: valgrind is not installed" >&2; exit 2; }

tmp=$(mktemp -d /tmp/xxgk-profile-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mapfile -t inputs < <(find corpus -type f \( -name '*.txt' -o -name '*.md' -o -name '*.tsv' -o -name '*.markdown' \) ! -iname 'README*' | sort)
mkdir -p "$tmp/in"
for ((i = 0; i < n; i++)); do
  f=${inputs[i % ${#inputs[@]}]}
  cp "$f" "$tmp/in/$(printf %06d $i)_$(basename "$f")"
done

valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$xxgk" extract "$tmp/in" -o "$tmp/out.ndjson" -j1 -q \
  >/dev/null 2>"$tmp/valgrind.log" || true
total=$(grep -oP '^summary: \K[0-9]+' "$tmp/cg.out" || grep -oP '^totals: \K[0-9]+' "$tmp/cg.out")
echo "xxgk extract -j1 -o out.ndjson, $n reports: $((total / n)) instructions per report"
for mode in yes no; do
  [[ $mode == yes ]] && echo && echo "inclusive (the function and what it calls), instructions per report:"
  [[ $mode == no ]] && echo && echo "self, instructions per report:"
  callgrind_annotate --inclusive=$mode "$tmp/cg.out" 2>/dev/null |
    awk -v n="$n" -v total="$total" '
      /^-+$/ { rule++; next }
      /file:function/ { body = 1; next }
      body && rule >= 1 && /^ *[0-9,]+ / {
        ir = $1; gsub(",", "", ir);
        $1 = ""; $2 = ""; sub(/^ +/, "");
        name = $0; sub(/ \[.*$/, "", name); sub(/^[^:]*:/, "", name);
        gsub(/\(anonymous namespace\)/, "{anon}", name);
        gsub(/\(.*/, "", name);
        if (name ~ /^(0x|\(below|_start|__libc_start|start_thread|std::thread|clone)/) next;
        if (++shown > 25) exit;
        printf "  %9.0f  %5.1f%%  %s\n", ir / n, 100 * ir / total, substr(name, 1, 90);
      }'
done
