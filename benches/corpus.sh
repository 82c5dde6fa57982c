#!/usr/bin/env bash
# A corpus benchmark: N files made from the seed and the fixtures (cycled) in a temporary
# folder; times `cat` over them and `extract` (everything on, JSON Lines to a file), and
# reports extract's peak memory. EXTRA=--facts adds the facts pass. Each is run RUNS times (default 5) and the fastest run kept,
# as this machine's timings vary from run to run. Usage: benches/corpus.sh [N] (default 20000).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
cargo build --release --quiet --bin extract
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sources=(seeds/*.txt fixtures/*.txt)
mkdir -p "$dir/in"
# file i is a copy of source i mod (number of sources); one `tee` per source writes its copies
for ((k = 0; k < ${#sources[@]}; k++)); do
    for ((i = k; i < n; i += ${#sources[@]})); do
        printf '%s/in/%06d.txt\n' "$dir" "$i"
    done > "$dir/names"
    xargs -a "$dir/names" sh -c 'tee "$@" < "$0" > /dev/null' "${sources[k]}"
done
rm "$dir/names"
bytes=$(du -sb "$dir/in" | cut -f1)
sync
now() { date +%s.%N; }
runs=${RUNS:-5}
EXTRA=${EXTRA:-}
c=; e=; rss=0
for ((r = 0; r < runs; r++)); do
    rm -f "$dir/out.jsonl"
    sync
    t0=$(now); find "$dir/in" -type f -print0 | xargs -0 cat > /dev/null; t1=$(now)
    /usr/bin/time -f '%M' -o "$dir/rss" ./target/release/extract -q $EXTRA --format jsonl -o "$dir/out.jsonl" "$dir/in" || true
    t2=$(now)
    c=$(awk -v a="$t0" -v b="$t1" -v m="$c" 'BEGIN { d = b - a; print (m == "" || d < m) ? d : m }')
    e=$(awk -v a="$t1" -v b="$t2" -v m="$e" 'BEGIN { d = b - a; print (m == "" || d < m) ? d : m }')
    rss=$(awk -v a="$(tail -n 1 "$dir/rss")" -v m="$rss" 'BEGIN { print (a > m) ? a : m }')
done
records=$(wc -l < "$dir/out.jsonl")
awk -v n="$n" -v bytes="$bytes" -v c="$c" -v e="$e" -v rss="$rss" -v rec="$records" -v runs="$runs" -v extra="${EXTRA:+ $EXTRA}" 'BEGIN {
    printf "files %d (%.1f MB), records %d\n", n, bytes / 1e6, rec
    printf "fastest of %d runs; peak memory is the largest of them\n", runs
    printf "cat      %7.2f s\n", c
    printf "extract%s %7.2f s  (%.2fx cat, %.1f MB/s), peak memory %.1f MB\n", extra, e, e / c, bytes / 1e6 / e, rss / 1024
}'
