#!/usr/bin/env bash
# Browser tests of the search. Installs nothing: needs /usr/bin/chromium (apt-get install -y
# chromium) and `npm ci` done in tests/browser. Builds the fixture site unless LEARNSITE_SITE
# names an already built site. Last line: `N passed, M failed`; non-zero exit on failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
site="${LEARNSITE_SITE:-}"
if [ -z "$site" ]; then
  site="$repo/target/search-fixture"
  (cd "$repo" && cargo run --quiet --example search_fixture -- "$site" >/dev/null)
fi
cd "$here"
exec node search.test.mjs "$site"
