#!/usr/bin/env bash
# A corpus benchmark: N files made from the seed and the fixtures (cycled) in a temporary
# folder; times `cat` over them and `extract` (everything on, JSON Lines to a file), and
# reports extract's peak memory. Usage: benches/corpus.sh [N] (default 20000).
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
t0=$(now); find "$dir/in" -type f -print0 | xargs -0 cat > /dev/null; t1=$(now)
/usr/bin/time -f '%M' -o "$dir/rss" ./target/release/extract -q --format jsonl -o "$dir/out.jsonl" "$dir/in" || true
t2=$(now)
records=$(wc -l < "$dir/out.jsonl")
awk -v n="$n" -v bytes="$bytes" -v c="$(echo "$t1 - $t0" | awk '{print $1 - $3}')" \
    -v e="$(echo "$t2 - $t1" | awk '{print $1 - $3}')" -v rss="$(cat "$dir/rss")" -v rec="$records" 'BEGIN {
    printf "files %d (%.1f MB), records %d\n", n, bytes / 1e6, rec
    printf "cat      %7.2f s\n", c
    printf "extract  %7.2f s  (%.2fx cat, %.1f MB/s), peak memory %.1f MB\n", e, e / c, bytes / 1e6 / e, rss / 1024
}'
