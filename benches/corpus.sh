#!/usr/bin/env bash
# A corpus benchmark: N files made from the seed and the fixtures (cycled) in a temporary
# folder; times `cat` over them and `extract` (everything on, JSON Lines to a file), and
# reports extract's peak memory. Each is run RUNS times (default 5) and the fastest run kept,
# as this machine's timings vary from run to run. Usage: benches/corpus.sh [N] (default 20000).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
cargo build --release --quiet --bin extract
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sources=(seeds/*.txt fixtures/*.txt)
mkdir -p "$dir/in"
for ((i = 0; i < n; i++)); do
    cp "${sources[i % ${#sources[@]}]}" "$dir/in/$(printf '%06d' "$i").txt"
done
bytes=$(du -sb "$dir/in" | cut -f1)
sync
now() { date +%s.%N; }
runs=${RUNS:-5}
c=; e=; rss=0
for ((r = 0; r < runs; r++)); do
    rm -f "$dir/out.jsonl"
    sync
    t0=$(now); find "$dir/in" -type f -print0 | xargs -0 cat > /dev/null; t1=$(now)
    /usr/bin/time -f '%M' -o "$dir/rss" ./target/release/extract -q --format jsonl -o "$dir/out.jsonl" "$dir/in" || true
    t2=$(now)
    c=$(awk -v a="$t0" -v b="$t1" -v m="$c" 'BEGIN { d = b - a; print (m == "" || d < m) ? d : m }')
    e=$(awk -v a="$t1" -v b="$t2" -v m="$e" 'BEGIN { d = b - a; print (m == "" || d < m) ? d : m }')
    rss=$(awk -v a="$(cat "$dir/rss")" -v m="$rss" 'BEGIN { print (a > m) ? a : m }')
done
records=$(wc -l < "$dir/out.jsonl")
awk -v n="$n" -v bytes="$bytes" -v c="$c" -v e="$e" -v rss="$rss" -v rec="$records" -v runs="$runs" 'BEGIN {
    printf "files %d (%.1f MB), records %d\n", n, bytes / 1e6, rec
    printf "fastest of %d runs; peak memory is the largest of them\n", runs
    printf "cat      %7.2f s\n", c
    printf "extract  %7.2f s  (%.2fx cat, %.1f MB/s), peak memory %.1f MB\n", e, e / c, bytes / 1e6 / e, rss / 1024
}'
