//! Search benchmark (not a test): synthetic review-length documents, index build time and
//! peak memory, index size and file count, and the bytes a browser loads for a first query.
//!
//! cargo bench --bench search -- [N ...] [--write DIR]
//! (default N: 2000 20000; `--write DIR` also writes the index and one HTML page per document
//! under DIR/N/, for comparing with other tools such as Pagefind: see bench/search.sh).

use std::collections::HashMap;
use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::time::Instant;

use learnsite::index::search::{
    build_search_index, Query, SearchDoc, SearchFile, SearchIndex, SEARCH_TEMPLATE,
};

/// A minimal base template for the search page (the real one is the theme's `base.html`).
const BASE: &str = r##"<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{% block title %}{% endblock title %}</title>
{% block head %}{% endblock head %}</head><body><main id="main">{% block content %}{% endblock content %}</main>
{% block scripts %}{% endblock scripts %}</body></html>"##;

/// Small deterministic PRNG (xorshift64*), so runs are comparable.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const SECTOR: &str = "practitioners agencies safeguarding review adult child family mother father \
carer professional curiosity voice lived experience neglect self-neglect domestic abuse coercive control \
mental health capacity assessment referral strategy meeting multi-agency information sharing risk \
escalation supervision housing homelessness police health visitor school social worker GP hospital \
discharge substance alcohol drugs exploitation county lines missing education transition services \
chronology recommendations learning partnership board panel findings practice systems thinking \
disguised compliance think family hoarding cuckooing financial modern slavery trauma informed \
relationship engagement consent advocacy Care Act section 42 enquiry threshold early help plan \
protection conference core group legal gateway MARAC IDVA probation prison release accommodation";

const FILLER: &str = "the of and to a in was that were for with not on by as at from had this which \
be have their is it or been there would an they but all when could should about more also any other \
only after these them over into did then some there who what time than where those while during \
between because before through same both each few most such under again further once";

fn vocabulary(rng: &mut Rng) -> Vec<String> {
    let syll = [
        "ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "wa", "dre", "sto", "pla", "gri",
        "ton", "mar", "lin", "ces", "dor", "fen", "gal", "hup", "jor", "kel", "mun", "pes", "quo",
        "rix", "sul", "tev",
    ];
    let mut v: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    while v.len() < 40_000 {
        let n = 2 + rng.below(3);
        let w: String = (0..n).map(|_| syll[rng.below(syll.len())]).collect();
        if seen.insert(w.clone()) {
            v.push(w);
        }
    }
    v
}

struct Gen {
    rng: Rng,
    sector: Vec<&'static str>,
    filler: Vec<&'static str>,
    vocab: Vec<String>,
    /// Cumulative Zipf weights over `vocab`.
    zipf: Vec<f64>,
}

impl Gen {
    fn new() -> Gen {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let vocab = vocabulary(&mut rng);
        let mut acc = 0.0;
        let zipf = (0..vocab.len())
            .map(|i| {
                acc += 1.0 / (i as f64 + 10.0);
                acc
            })
            .collect();
        Gen {
            rng,
            sector: SECTOR.split_whitespace().collect(),
            filler: FILLER.split_whitespace().collect(),
            vocab,
            zipf,
        }
    }
    fn word(&mut self) -> String {
        let r = self.rng.unit();
        if r < 0.40 {
            self.filler[self.rng.below(self.filler.len())].to_string()
        } else if r < 0.65 {
            self.sector[self.rng.below(self.sector.len())].to_string()
        } else {
            let total = *self.zipf.last().unwrap();
            let x = self.rng.unit() * total;
            let i = self
                .zipf
                .partition_point(|&c| c < x)
                .min(self.vocab.len() - 1);
            self.vocab[i].clone()
        }
    }
    fn sentence(&mut self, words: usize) -> String {
        let mut s = String::new();
        for i in 0..words {
            let w = self.word();
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    s.extend(f.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push(' ');
                s.push_str(&w);
            }
        }
        s.push('.');
        s
    }
    fn doc(&mut self, i: usize, boards: &[String], vocab: &Vocab) -> SearchDoc {
        let words = 1500 + self.rng.below(2500);
        let mut body = String::with_capacity(words * 8);
        let mut headings = Vec::new();
        let mut n = 0;
        while n < words {
            if n % 400 == 0 {
                let h = self.sentence(3);
                headings.push(h.trim_end_matches('.').to_string());
                body.push_str(headings.last().unwrap());
                body.push('\n');
            }
            let len = 8 + self.rng.below(20);
            body.push_str(&self.sentence(len));
            body.push(' ');
            if self.rng.below(100) < 2 {
                body.push_str("Hearing the voice of the child was hard. ");
            }
            n += len;
        }
        // A rare word in a handful of documents.
        if i % 997 == 5 {
            body.push_str(" The zebrafish note was unusual.");
        }
        let year = 2012 + self.rng.below(15) as i32;
        let date = format!(
            "{year}-{:02}-{:02}",
            1 + self.rng.below(12),
            1 + self.rng.below(28)
        );
        let pick = |rng: &mut Rng, list: &[(String, String)], lo: usize, hi: usize| {
            let k = lo + rng.below(hi - lo + 1);
            let mut out: Vec<(String, String)> = Vec::new();
            while out.len() < k.min(list.len()) {
                let v = list[rng.below(list.len())].clone();
                if !out.contains(&v) {
                    out.push(v);
                }
            }
            out
        };
        SearchDoc {
            url: format!("reviews/r{i}/index.html"),
            title: format!(
                "{} {}",
                ["Adult", "Child", "Family", "Mr", "Ms"][i % 5],
                self.sentence(5).trim_end_matches('.')
            ),
            kind: "review".into(),
            kind_label: "Review summary".into(),
            summary: self.sentence(40),
            headings,
            body,
            date: Some(date),
            year: Some(year),
            board: Some(boards[self.rng.below(boards.len())].clone()),
            review_type: Some(vocab.review_types[self.rng.below(vocab.review_types.len())].clone()),
            themes: pick(&mut self.rng, &vocab.themes, 2, 5),
            methodology: pick(&mut self.rng, &vocab.methodologies, 1, 1),
            abuse_types: pick(&mut self.rng, &vocab.abuse, 1, 3),
            person: vec![],
            // A board's reference, shaped as boards write them (`SR-2023-07`).
            reference: Some(format!("SR-{year}-{:02}", i % 40 + 1)),
        }
    }
}

struct Vocab {
    review_types: Vec<(String, String)>,
    themes: Vec<(String, String)>,
    methodologies: Vec<(String, String)>,
    abuse: Vec<(String, String)>,
}

fn list(prefix: &str, n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| (format!("{prefix}-{i}"), format!("{prefix} {i}")))
        .collect()
}

/// Peak resident memory (VmHWM) in KiB.
fn peak_kib() -> u64 {
    let s = fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}
/// CPU time of this process (user + system), in seconds.
fn cpu_secs() -> f64 {
    let s = fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime is field 14, stime 15.
    let rest = s.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11).and_then(|x| x.parse().ok()).unwrap_or(0.0)
        + f.get(12).and_then(|x| x.parse().ok()).unwrap_or(0.0);
    ticks / 100.0
}

fn reset_peak() {
    let _ = fs::write("/proc/self/clear_refs", "5");
}

fn gzip_len(b: &[u8]) -> usize {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(b).unwrap();
    z.finish().unwrap().len()
}

fn main() {
    let mut sizes: Vec<usize> = Vec::new();
    let mut write: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--write" {
            write = args.next();
        } else if a == "--bench" {
            // Added by `cargo bench`.
        } else {
            sizes.push(a.parse().expect("a number of documents"));
        }
    }
    if sizes.is_empty() {
        sizes = vec![2000, 20000];
    }
    let vocab = Vocab {
        review_types: list("review-type", 19),
        themes: list("theme", 37),
        methodologies: list("methodology", 11),
        abuse: list("abuse", 10),
    };
    let boards: Vec<String> = (0..60)
        .map(|i| format!("Board {i} Safeguarding Partnership"))
        .collect();
    // (label, text, a theme filter as a shared link with one carries it).
    let queries = [
        ("rare word", "zebrafish", None),
        ("common word", "practitioners", None),
        ("phrase words", "voice of the child", None),
        ("misspelt", "practitoners", None),
        ("related form", "curious", None),
        ("synonym", "safe sleep", None),
        ("question", "how do I escalate concerns", None),
        ("filtered", "practitioners", Some("theme-3")),
    ];
    /// The first-query budget (issue 15): raw KB of index files at 20,000 documents.
    const BUDGET_KB: f64 = 300.0;

    for &n in &sizes {
        let t = Instant::now();
        let mut g = Gen::new();
        let docs: Vec<SearchDoc> = (0..n).map(|i| g.doc(i, &boards, &vocab)).collect();
        let corpus: usize = docs
            .iter()
            .map(|d| d.body.len() + d.summary.len() + d.title.len())
            .sum();
        let words: usize = docs.iter().map(|d| d.body.split_whitespace().count()).sum();
        println!(
            "\n== {n} documents: {:.1} MB of text, {} words on average (generated in {:.1}s)",
            corpus as f64 / 1e6,
            words / n.max(1),
            t.elapsed().as_secs_f64()
        );

        reset_peak();
        let before = peak_kib();
        let t = Instant::now();
        let cpu = cpu_secs();
        let files = build_search_index(&docs);
        let secs = t.elapsed().as_secs_f64();
        let cpu = cpu_secs() - cpu;
        let peak = peak_kib();
        println!(
            "index build: {secs:.2} s wall, {cpu:.1} s CPU on {} threads; peak RSS {:.0} MB \
             (the whole process, {:.0} MB of it the generated documents held before the build)",
            rayon::current_num_threads(),
            peak as f64 / 1024.0,
            before as f64 / 1024.0
        );

        let total: usize = files.iter().map(|f| f.bytes.len()).sum();
        let by_kind = |p: &str| {
            let fs: Vec<&SearchFile> = files.iter().filter(|f| f.path.starts_with(p)).collect();
            (fs.len(), fs.iter().map(|f| f.bytes.len()).sum::<usize>())
        };
        println!(
            "index: {} files, {:.1} MB in all",
            files.len(),
            total as f64 / 1e6
        );
        for (label, p) in [
            ("term chunks", "search/terms/"),
            ("records", "search/records/"),
            ("texts", "search/text/"),
            ("facets", "search/facets/"),
            ("manifest", "search/manifest.js"),
            ("spelling", "search/spell/"),
        ] {
            let (c, b) = by_kind(p);
            println!("  {label:<12} {c:>6} files {:>10.1} KB", b as f64 / 1024.0);
        }
        let assets: usize = files
            .iter()
            .filter(|f| f.path == "search/search.js" || f.path == "search/search.css")
            .map(|f| f.bytes.len())
            .sum();
        let sizes_map: HashMap<&str, &[u8]> = files
            .iter()
            .map(|f| (f.path.as_str(), f.bytes.as_slice()))
            .collect();

        let ix = SearchIndex::build(&docs);
        println!("first query, cold cache: index files for 10 results with the excerpts of the first 5 (on screen),");
        println!(
            "and [with all 10 excerpts]; + {:.1} KB for search.js and search.css, cached after;",
            assets as f64 / 1024.0
        );
        let (facet_files, facets_raw, facets_gz) = files
            .iter()
            .filter(|f| f.path.starts_with("search/facets/"))
            .fold((0, 0.0, 0.0), |(c, r, g), f| {
                (
                    c + 1,
                    r + f.bytes.len() as f64 / 1024.0,
                    g + gzip_len(&f.bytes) as f64 / 1024.0,
                )
            });
        let theme_kb = sizes_map["search/facets/theme.js"].len() as f64 / 1024.0;
        println!(
            "the facets ({facet_files} files, {facets_raw:.1} KB raw, {facets_gz:.1} KB gzip) load after the \
             results, for the filter panel, except those a query filters by (theme {theme_kb:.1} KB); budget {BUDGET_KB:.0} KB raw:"
        );
        println!(
            "  {:<12} {:<19} {:>7} {:>6} {:>9} {:>9}   {:>9} {:>9}  budget",
            "query", "text", "results", "files", "raw KB", "gzip KB", "[raw KB", "gzip KB]"
        );
        for (label, text, theme) in queries {
            let q = Query {
                text: text.into(),
                filters: theme
                    .map(|t| vec![("theme".to_string(), vec![t.to_string()])])
                    .unwrap_or_default(),
                ..Default::default()
            };
            let r = ix.search(&q);
            let kb = |files: &[String], gz: bool| -> f64 {
                files
                    .iter()
                    .map(|p| {
                        if gz {
                            gzip_len(sizes_map[p.as_str()])
                        } else {
                            sizes_map[p.as_str()].len()
                        }
                    })
                    .sum::<usize>() as f64
                    / 1024.0
            };
            let five = ix.first_query_files(&q, 10, 5);
            let ten = ix.first_query_files(&q, 10, 10);
            let raw = kb(&five, false);
            println!(
                "  {label:<12} {text:<19} {:>7} {:>6} {:>9.1} {:>9.1}   {:>9.1} {:>9.1}  {}",
                r.ids.len(),
                five.len(),
                raw,
                kb(&five, true),
                kb(&ten, false),
                kb(&ten, true),
                if raw <= BUDGET_KB { "met" } else { "NOT MET" }
            );
            // Where the bytes of the five-excerpt first query go, raw KB by kind of file.
            let parts: Vec<String> = [
                ("manifest", "search/manifest.js"),
                ("facets", "search/facets/"),
                ("terms", "search/terms/"),
                ("spelling", "search/spell/"),
                ("records", "search/records/"),
                ("texts", "search/text/"),
            ]
            .iter()
            .filter_map(|(name, prefix)| {
                let part: Vec<String> = five
                    .iter()
                    .filter(|p| p.starts_with(prefix))
                    .cloned()
                    .collect();
                (!part.is_empty()).then(|| format!("{name} {:.1}", kb(&part, false)))
            })
            .collect();
            println!("  {:<12} {}", "", parts.join(", "));
        }

        if let Some(dir) = &write {
            let out = Path::new(dir).join(n.to_string());
            let _ = fs::remove_dir_all(&out);
            for f in &files {
                let p = out.join(&f.path);
                fs::create_dir_all(p.parent().unwrap()).unwrap();
                fs::write(p, &f.bytes).unwrap();
            }
            for d in &docs {
                let p = out.join(&d.url);
                fs::create_dir_all(p.parent().unwrap()).unwrap();
                let body: String = d.body.lines().map(|l| format!("<p>{l}</p>\n")).collect();
                fs::write(p, format!("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title></head><body><main data-pagefind-body><h1>{t}</h1><p>{s}</p>{body}</main></body></html>", t = d.title, s = d.summary)).unwrap();
            }
            let mut tera = tera::Tera::default();
            tera.add_raw_template("base.html", BASE).unwrap();
            tera.add_raw_template("search.html", SEARCH_TEMPLATE)
                .unwrap();
            let mut ctx = tera::Context::new();
            ctx.insert("root", "../");
            ctx.insert("site", &serde_json::json!({"title": "Benchmark"}));
            fs::write(
                out.join("search/index.html"),
                tera.render("search.html", &ctx).unwrap(),
            )
            .unwrap();
            println!("site written to {}", out.display());
        }
    }
}
