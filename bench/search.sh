#!/usr/bin/env bash
# Search benchmark (not a test). Generates synthetic review-length documents (default 2,000
# and 20,000), builds learnsite's search index and prints build time, peak memory, index size
# and file count, and the bytes a browser loads for a first query of a rare word, a common word
# and "voice of the child" (computed from the files the client loads, raw and gzipped).
#
#   bench/search.sh [N ...]                 learnsite figures only
#   BROWSER=1 bench/search.sh [N ...]       also measure in Chromium what the client really loads
#   PAGEFIND=1 bench/search.sh [N ...]      also index the same pages with Pagefind (npm) and
#                                           measure its build and its first queries in Chromium
# BROWSER and PAGEFIND need /usr/bin/chromium; they install playwright-core and pagefind from
# npm into bench/node_modules (pinned in bench/package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 20000)
out="${BENCH_OUT:-bench/out}"

write=()
if [ -n "${BROWSER:-}${PAGEFIND:-}" ]; then
  write=(--write "$out")
  (cd bench && npm install --no-audit --no-fund --loglevel=error)
fi
for n in "${sizes[@]}"; do
  cargo bench --quiet --bench search -- "$n" "${write[@]}"
  if [ -n "${PAGEFIND:-}" ]; then
    echo "-- Pagefind $(cd bench && npx pagefind --version 2>/dev/null) on the same $n pages"
    rm -rf "$out/$n/pagefind"
    /usr/bin/time -f "pagefind build: %e s, peak RSS %M KB" \
      bench/node_modules/.bin/pagefind --site "$out/$n" --quiet 2>&1 | tail -3
    echo "pagefind index: $(find "$out/$n/pagefind" -type f | wc -l) files, $(du -sk "$out/$n/pagefind" | cut -f1) KB"
  fi
  if [ -n "${BROWSER:-}${PAGEFIND:-}" ]; then
    site="$(cd "$out/$n" && pwd)" # absolute: BENCH_OUT may be either
    (cd bench && node measure.mjs "$site")
  fi
done
