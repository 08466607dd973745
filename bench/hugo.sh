#!/usr/bin/env bash
# Side-by-side with Hugo: the same N synthetic documents (default 5000) built by learnsite and by
# Hugo (Debian's `hugo`: apt-get install hugo) with a minimal theme that makes comparable pages:
# one page per document, section lists and taxonomy pages (themes, review types) paginated at 50.
# Hugo does no validation, lint, search index or learning index, so learnsite does more work.
# BENCH_DIR=/dev/shm/x puts both on tmpfs, to compare the CPU work without the disk.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
command -v hugo >/dev/null || { echo "hugo is not installed: apt-get install hugo"; exit 2; }
OUT=${BENCH_DIR:-bench/out}
DIR=$OUT/site-$N
HDIR=$OUT/hugo-$N
cargo build --release --quiet --example gen_site
cargo build --release --quiet
rm -rf "$DIR" "$HDIR"
./target/release/examples/gen_site "$DIR" "$N" 2>/dev/null
mkdir -p "$HDIR/layouts/_default"
cp -r "$DIR/content" "$HDIR/content"
cat > "$HDIR/hugo.yaml" <<'YAML'
baseURL: https://bench.example/
title: Synthetic Learning
disableKinds: [RSS]
paginate: 50
taxonomies:
  theme: themes
  review_type: review_type
YAML
cat > "$HDIR/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><a href="#main">Skip to main content</a><main id="main">{{ block "main" . }}{{ end }}</main></body></html>
HTML
cat > "$HDIR/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><dl>{{ with .Params.themes }}<dt>Themes</dt><dd>{{ range . }}<a href="/themes/{{ . | urlize }}/">{{ . }}</a> {{ end }}</dd>{{ end }}</dl>{{ .Content }}{{ end }}
HTML
cat > "$HDIR/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}
HTML
best_l=""; best_h=""
for i in 1 2 3; do
  s=$(date +%s.%N); ./target/release/learnsite --site "$DIR" build --quiet --out "$DIR/public" >/dev/null 2>&1; e=$(date +%s.%N)
  l=$(echo "$e - $s" | bc)
  s=$(date +%s.%N); (cd "$HDIR" && hugo --quiet --cleanDestinationDir -d public >/dev/null 2>&1); e=$(date +%s.%N)
  h=$(echo "$e - $s" | bc)
  echo "run $i: learnsite ${l}s, hugo ${h}s"
  if [ -z "$best_l" ] || [ "$(echo "$l < $best_l" | bc)" = 1 ]; then best_l=$l; fi
  if [ -z "$best_h" ] || [ "$(echo "$h < $best_h" | bc)" = 1 ]; then best_h=$h; fi
done
echo "best of 3, $N documents: learnsite ${best_l}s ($(find "$DIR/public" -type f | wc -l) files), hugo $(hugo version | cut -d' ' -f2) ${best_h}s ($(find "$HDIR/public" -type f | wc -l) files); learnsite is $(echo "scale=1; $best_h / $best_l" | bc)x Hugo's speed"
