#!/usr/bin/env bash
# What the citation pass (and the facts pass) add to parsing a decision, in instructions counted by valgrind's
# callgrind (the same count on every run, whatever else the machine is doing), on the seed,
# on the seed with every fixture, and on any folders of decisions given as arguments.
# Needs valgrind. Usage: benches/instructions.sh [DIR...]
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$(cargo bench --bench parse_loop --no-run --message-format=json 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "parse_loop":
        print(m["executable"])' | tail -n 1)
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$exe" "$@" 2>&1 |
        awk '/refs:/ { gsub(",", "", $4); print $4 }'
}
per_parse() { # instructions per pass over the set: (101 runs - 1 run) / 100
    echo $(( ($(count "$1" 101 "$2") - $(count "$1" 1 "$2")) / 100 ))
}
printf '%-14s %12s %20s %10s %22s %10s\n' set structure +citations added +facts added
for set in seed all "$@"; do
    s=$(per_parse structure "$set")
    b=$(per_parse both "$set")
    a=$(per_parse all "$set")
    pct() { awk -v s="$1" -v b="$2" 'BEGIN { printf "%.1f%%", 100 * (b - s) / s }'; }
    printf "%-14s %12d %20d %10s %22d %10s\n" "$(basename "$set")" "$s" "$b" "$(pct "$s" "$b")" "$a" "$(pct "$s" "$((a - b + s))")"
done
