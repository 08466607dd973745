#!/usr/bin/env bash
# Browser tests, in Debian's Chromium driven by playwright-core. Installs nothing: needs
# /usr/bin/chromium (apt-get install -y chromium) and `npm ci` done in tests/browser.
#  - search.test.mjs: the search client on a fixture site with known answers;
#  - site.test.mjs: the example site as built by `learnsite build` and its annual report section
#    (`learnsite report`) (accessibility with axe-core,
#    search from http:// and file://, quick exit);
#  - relevance.test.mjs: the practitioners' query set (tests/relevance) on the example site and a
#    collated region, built on a fixed date; the client must rank as the Rust mirror does;
#  - phone.test.mjs: the example site and the region at 320 and 375 px: no page scrolls sideways,
#    tables stack or scroll in their own labelled box, charts stay readable, the Filter and Menu
#    buttons open what they hide;
#  - patterns.test.mjs: the components against GOV.UK Frontend's: focus visible at every Tab stop,
#    24 px targets (WCAG 2.2), the summary list on a phone, numeric columns, pagination;
#  - print.test.mjs: every briefing and action sheet of the example site, and a briefing written
#    to the `briefing/too-long` word limit (tests/fixtures/print-limit), print on one A4 page.
# Last line: `N passed, M failed`; non-zero exit on any failure.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
fixture="$repo/target/search-fixture"
example="$repo/target/example-site"
(cd "$repo" && cargo run --quiet --example search_fixture -- "$fixture" >/dev/null) || { echo "0 passed, 1 failed"; exit 1; }
(cd "$repo" && cargo run --quiet -- build --out "$example" --quiet) || { echo "0 passed, 1 failed"; exit 1; }
report="$repo/target/example-report"
(cd "$repo" && cargo run --quiet -- report --year 2024-25 --now 2026-01-15 --out "$report" >/dev/null 2>&1) || { echo "0 passed, 1 failed"; exit 1; }
region="$repo/target/example-region"
(cd "$repo" && cargo run --quiet -- collate "$example/learning-index.json" tests/fixtures/boards/fellhaven.json tests/fixtures/boards/kestrelby.json --out "$region" >/dev/null) || { echo "0 passed, 1 failed"; exit 1; }
rel="$repo/target/relevance"
(cd "$repo" && cargo run --quiet -- build --out "$rel/site" --now 2026-01-15 --quiet \
  && cargo run --quiet -- collate "$rel/site/learning-index.json" tests/fixtures/boards/fellhaven.json \
     tests/fixtures/boards/kestrelby.json --out "$rel/region" --now 2026-01-15 >/dev/null \
  && cargo run --quiet --example relevance -- "$rel/site" "$rel/region" --json "$rel/relevance.json" >/dev/null) \
  || { echo "0 passed, 1 failed"; exit 1; }
# A site whose briefings listing runs to six pages, for the pagination (patterns.test.mjs).
paged="$repo/target/paged-site"
rm -rf "$paged" && mkdir -p "$paged/content/briefings"
printf 'title: Paged Learning (fictional)\nbase_url: https://learning.paged.example/\nboard: Testshire Safeguarding Adults Board\nregion: North West\n' > "$paged/learnsite.yaml"
for i in $(seq -w 1 260); do
  { printf -- '---\ntitle: "Briefing %s (fictional)"\nthemes: [self-neglect]\npublished: 2025-01-01\n---\n' "$i"
    for h in "1. Background" "2. Why it matters" "3. Information" "4. Key points" "5. Key points (continued)" "6. Questions to reflect on" "7. What to do"; do
      printf '## %s\n\nPractitioners discuss this part.\n\n' "$h"; done; } > "$paged/content/briefings/b$i.md"
done
(cd "$repo" && cargo run --quiet -- --site "$paged" build --out "$paged/public" --quiet) || { echo "0 passed, 1 failed"; exit 1; }
printlimit="$repo/target/print-limit"
(cd "$repo" && cargo run --quiet -- --site tests/fixtures/print-limit build --out "$printlimit" --quiet) || { echo "0 passed, 1 failed"; exit 1; }
cd "$here"
total_p=0; total_f=0; status=0
for t in "search.test.mjs $fixture" "site.test.mjs $example $region $report" "relevance.test.mjs $rel/site $rel/region $rel/relevance.json" "phone.test.mjs $example $region" "patterns.test.mjs $example $region $paged/public" "print.test.mjs $example $printlimit"; do
  out=$(node $t 2>&1); rc=$?
  echo "$out" | sed '$d'
  last=$(echo "$out" | tail -1)
  p=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  f=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  if [ -z "$p" ]; then echo "$last"; p=0; f=1; fi
  total_p=$((total_p + p)); total_f=$((total_f + f))
  [ $rc -ne 0 ] && status=1
done
echo "${total_p} passed, ${total_f} failed"
[ $total_f -eq 0 ] && exit $status || exit 1
