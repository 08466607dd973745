#!/usr/bin/env bash
# Build-speed benchmark: generates a synthetic site of N documents (default 5000) and times
# `learnsite build` on it (best of 3), printing documents per second and peak memory.
# Hugo, for comparison, takes about 3.7 s for 5,000 pages on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
DIR=bench/out/site-$N
cargo build --release --quiet --example gen_site
cargo build --release --quiet
rm -rf "$DIR"
./target/release/examples/gen_site "$DIR" "$N"
best=""
for i in 1 2 3; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o bench/out/mem.txt ./target/release/learnsite --site "$DIR" build --quiet --out "$DIR/public" >/dev/null 2>bench/out/build.log || { cat bench/out/build.log; exit 1; }
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  mem=$(cat bench/out/mem.txt)
  echo "run $i: ${t}s, peak ${mem} KB"
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; bestmem=$mem; fi
done
files=$(find "$DIR/public" -type f | wc -l)
echo "learnsite build: $N documents, $files files, best ${best}s ($(echo "$N / $best" | bc) documents/s), peak memory $((bestmem / 1024)) MB"
# Where the time goes (last run), and the same build onto tmpfs, which separates the CPU work
# from the disk (on a shared or slow disk, writing thousands of small files dominates).
echo "stage times (disk):"
LEARNSITE_TIMINGS=1 ./target/release/learnsite --site "$DIR" build --quiet --out "$DIR/public" 2>&1 | sed -n '/s  /p'
if [ -d /dev/shm ]; then
  shm=$(mktemp -d /dev/shm/learnsite-bench.XXXXXX)
  echo "stage times (tmpfs):"
  LEARNSITE_TIMINGS=1 ./target/release/learnsite --site "$DIR" build --quiet --out "$shm/public" 2>&1 | sed -n '/s  /p'
  rm -rf "$shm"
fi
