#!/usr/bin/env bash
# The speed benchmark, in one command (not a test): `bench/all.sh [N ...]` (default 1000 5000
# 20000). For each N it generates N review-length documents with a realistic theme skew
# (bench/gen_site.rs), builds them with learnsite (lint, search and learning index) and with
# Hugo (Debian's `hugo`, minimal templates: pages, section and taxonomy lists, paginated at 50;
# see bench/hugo.sh), alternating run by run on the same documents, and prints median wall
# time, documents per second, CPU, peak memory, learnsite's stage split and the ratio to Hugo.
# Then the one-file update latency of `learnsite serve` on the 5,000-document site (save a
# document, poll the page until the change is served) and the 150 × 200 `collate` time.
# Everything is written under $BENCH_DIR (default: a folder in /dev/shm, so the disk is not
# measured). The machine's load is printed with every figure: on a shared machine, compare
# runs made under the same load.
# Finer timings of one build, to find where the time goes: LEARNSITE_TIMINGS=2 learnsite build
# (each kind of page, the taxonomies and bodies; with `serve`, what comes before a saved page).
set -euo pipefail
cd "$(dirname "$0")/.."
# `bench/all.sh serve` measures the serve update latency alone (SAVES=n saves, default 5).
only_serve=0; [ "${1:-}" = serve ] && { only_serve=1; shift; }
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && [ $only_serve = 0 ] && sizes=(1000 5000 20000)
BENCH_DIR=${BENCH_DIR:-/dev/shm/learnsite-bench}
RUNS=${RUNS:-3}
mkdir -p "$BENCH_DIR"
# LEARNSITE_BIN=path: measure that binary (and the gen_site already built) instead of building.
if [ -z "${LEARNSITE_BIN:-}" ]; then
  cargo build --release --quiet --example gen_site
  cargo build --release --quiet
fi
ls=${LEARNSITE_BIN:-$PWD/target/release/learnsite}
load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
have_hugo=1; command -v hugo >/dev/null || { have_hugo=0; echo "(hugo is not installed: apt-get install hugo; no ratio)"; }
echo "learnsite $(git rev-parse --short HEAD) (binary: $ls), $(nproc) cores, load $(load)"

hugo_site() { # DIR HDIR: Hugo's copy of the same documents, with minimal templates
  rm -rf "$2"; mkdir -p "$2/layouts/_default"; cp -r "$1/content" "$2/content"
  printf 'baseURL: https://bench.example/\ntitle: Synthetic Learning\npaginate: 50\ntaxonomies:\n  theme: themes\n  review_type: review_type\n' > "$2/hugo.yaml"
  cat > "$2/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><a href="#main">Skip to main content</a><main id="main">{{ block "main" . }}{{ end }}</main></body></html>
HTML
  cat > "$2/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><dl>{{ with .Params.themes }}<dt>Themes</dt><dd>{{ range . }}<a href="/themes/{{ . | urlize }}/">{{ . }}</a> {{ end }}</dd>{{ end }}</dl>{{ .Content }}{{ end }}
HTML
  cat > "$2/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}
HTML
}

timed() { # OUTFILE CMD...: wall, user+sys CPU and peak KB of one run
  local f=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$f" "$@" >/dev/null 2>"$f.err" || { cat "$f.err"; exit 1; }
}

for n in "${sizes[@]+"${sizes[@]}"}"; do
  dir=$BENCH_DIR/site-$n hdir=$BENCH_DIR/hugo-$n
  [ -d "$dir/content" ] || ./target/release/examples/gen_site "$dir" "$n" 2>/dev/null
  [ $have_hugo = 1 ] && hugo_site "$dir" "$hdir"
  runs=$RUNS; [ "$n" -ge 20000 ] && runs=$(( RUNS < 2 ? RUNS : 2 ))
  : > "$BENCH_DIR/l.txt"; : > "$BENCH_DIR/h.txt"
  for i in $(seq "$runs"); do
    LEARNSITE_TIMINGS=1 timed "$BENCH_DIR/t" "$ls" --site "$dir" build --quiet --out "$BENCH_DIR/out-$n"
    cat "$BENCH_DIR/t" >> "$BENCH_DIR/l.txt"; cp "$BENCH_DIR/t.err" "$BENCH_DIR/stages.txt"
    if [ $have_hugo = 1 ]; then
      (cd "$hdir" && timed "$BENCH_DIR/t" hugo --quiet --cleanDestinationDir -d "$BENCH_DIR/hout-$n")
      cat "$BENCH_DIR/t" >> "$BENCH_DIR/h.txt"
    fi
  done
  lw=$(cut -d' ' -f1 "$BENCH_DIR/l.txt" | median)
  lc=$(awk '{print $2+$3}' "$BENCH_DIR/l.txt" | median)
  lm=$(cut -d' ' -f4 "$BENCH_DIR/l.txt" | sort -n | tail -1)
  files=$(find "$BENCH_DIR/out-$n" -type f | wc -l)
  echo
  echo "== $n documents ($runs runs, load $(load))"
  printf '  learnsite: %ss wall (median), %s documents/s, %ss CPU, peak %d MB (%d KB a document), %d files\n' \
    "$lw" "$(echo "$n / $lw" | bc)" "$lc" $((lm / 1024)) $((lm / n)) "$files"
  echo "  stages (last run):"; sed -n 's/^ *\([0-9.]*s\) \+/    \1  /p' "$BENCH_DIR/stages.txt"
  if [ $have_hugo = 1 ]; then
    hw=$(cut -d' ' -f1 "$BENCH_DIR/h.txt" | median)
    hc=$(awk '{print $2+$3}' "$BENCH_DIR/h.txt" | median)
    hm=$(cut -d' ' -f4 "$BENCH_DIR/h.txt" | sort -n | tail -1)
    printf '  hugo %s: %ss wall, %ss CPU, peak %d MB; learnsite/Hugo: wall %s, CPU %s\n' \
      "$(hugo version | cut -d' ' -f2)" "$hw" "$hc" $((hm / 1024)) \
      "$(echo "scale=2; $lw / $hw" | bc)" "$(echo "scale=2; $lc / $hc" | bc)"
  fi
done

# serve: save one document of the 5,000-document site, poll its page until the change is there.
dir=$BENCH_DIR/site-5000
[ -d "$dir/content" ] || ./target/release/examples/gen_site "$dir" 5000 2>/dev/null
port=$((20000 + RANDOM % 20000))
"$ls" --site "$dir" serve --port "$port" >"$BENCH_DIR/serve.log" 2>&1 &
serve_pid=$!
trap 'kill $serve_pid 2>/dev/null || true' EXIT
python3 - "$dir" "$port" "$serve_pid" "${SAVES:-5}" <<'PY'
import os, sys, time, urllib.request, pathlib
site, port, pid, saves = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
doc = site / "content/reviews/doc-0.md"
url = f"http://127.0.0.1:{port}/reviews/doc-0/index.html"
def get(u=url):
    try:
        return urllib.request.urlopen(u, timeout=5).read().decode()
    except Exception:
        return ""
def build():
    t = get(f"http://127.0.0.1:{port}/__learnsite/build").strip()
    return int(t) if t.isdigit() else -1
def cpu():
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
deadline = time.time() + 600
while "Synthetic" not in get():
    if time.time() > deadline: sys.exit("serve did not start")
    time.sleep(0.2)
time.sleep(2)
text = doc.read_text()
page, whole, used = [], [], []
for i in range(saves):
    mark = f"edited{time.time_ns()}"
    new = text.replace('title: "Synthetic review 0', f'title: "Synthetic review 0 {mark}', 1)
    before, c0 = build(), cpu()
    t0 = time.perf_counter()
    doc.write_text(new)
    while mark not in get():
        if time.perf_counter() - t0 > 300: sys.exit("the change never appeared")
        time.sleep(0.002)
    page.append((time.perf_counter() - t0) * 1000)
    # The rest of the site (listings, tracker, search, feeds) follows the page: wait for it
    # before the next save.
    while build() == before:
        if time.perf_counter() - t0 > 300: sys.exit("the update never finished")
        time.sleep(0.01)
    whole.append((time.perf_counter() - t0) * 1000)
    used.append((cpu() - c0) * 1000)
    time.sleep(1)
doc.write_text(text)
med = lambda v: sorted(v)[len(v) // 2]
show = lambda v: ", ".join(f"{x:.0f}" for x in v)
print(f"\n== serve, 5000 documents: one saved document's page served after {med(page):.0f} ms (median of {saves}: {show(page)} ms)")
print(f"   the whole site updated after {med(whole):.0f} ms ({show(whole)} ms), {med(used):.0f} ms CPU")
PY
echo "   (load $(load)); serve's own figure, from the start of each update to the saved page written: $(sed -n 's/.*(the saved page in \([0-9]*\) ms).*/\1/p' "$BENCH_DIR/serve.log" | tr '\n' ' ')ms"
kill $serve_pid 2>/dev/null || true
[ $only_serve = 1 ] && exit 0

echo
echo "== collate, 150 boards x 200 records, with search (load $(load)), written under $BENCH_DIR"
# Like the builds above, into $BENCH_DIR (tmpfs by default): the disk is not measured.
export TMPDIR=$BENCH_DIR
if [ -n "${COLLATE_BIN:-}" ]; then "$COLLATE_BIN"; else cargo bench --quiet --bench collate 2>/dev/null; fi | sed 's/^/  /'
