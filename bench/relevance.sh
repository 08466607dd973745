#!/usr/bin/env bash
# Relevance benchmark (not a test): learnsite's search and Pagefind on the same pages, over the
# judged queries of tests/relevance/queries.yaml, on the example board site and on a region
# collated from it and the two fixture boards. Prints recall@10, MRR, nDCG@10 and precision@5
# per kind of query for: learnsite's Rust mirror, learnsite's client in Chromium, Pagefind.
#
#   bench/relevance.sh            MISSES=1 bench/relevance.sh (also each query that misses)
#   KINDS=acronym,quoted bench/relevance.sh   (only these kinds, in the browser part)
#
# Needs /usr/bin/chromium; installs playwright-core and pagefind from npm into bench/node_modules
# (pinned in bench/package-lock.json). Builds with the debug profile (the figures do not depend
# on it).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${BENCH_OUT:-bench/out}/relevance"
mkdir -p "$out"
now=2026-01-15
(cd bench && npm install --no-audit --no-fund --loglevel=error)
cargo build --quiet --bin learnsite --example relevance
target/debug/learnsite build --out "$out/site" --now "$now" --quiet
target/debug/learnsite collate "$out/site/learning-index.json" tests/fixtures/boards/fellhaven.json \
  tests/fixtures/boards/kestrelby.json --out "$out/region" --now "$now" >/dev/null
target/debug/examples/relevance "$out/site" "$out/region" --json "$out/relevance.json" ${MISSES:+--misses}
node bench/relevance.mjs "$out/relevance.json" "$out/site" "$out/region" "$out" \
  "$out/site/learning-index.json" tests/fixtures/boards/fellhaven.json tests/fixtures/boards/kestrelby.json
