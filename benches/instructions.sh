#!/usr/bin/env bash
# What the citation pass adds to parsing a decision, in instructions counted by valgrind's
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
printf '%-14s %14s %22s %10s\n' set structure structure+citations added
for set in seed all "$@"; do
    s=$(per_parse structure "$set")
    b=$(per_parse both "$set")
    printf "%-14s %14d %22d %9s\n" "$set" "$s" "$b" "$(awk -v s="$s" -v b="$b" 'BEGIN { printf "%.1f%%", 100 * (b - s) / s }')"
done
