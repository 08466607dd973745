//! Building the in-memory index: analysis, BM25F impacts, facets, term chunks.

use std::cmp::Ordering;
use std::collections::HashMap;

use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::text::{fold_into, is_stop_word, Analyzer, MAX_WORD_CHARS};
use super::SearchDoc;

/// Field weights: title, headings, summary, body.
pub const FIELD_WEIGHTS: [f64; 4] = [10.0, 5.0, 3.0, 1.0];
/// Length normalisation per field (BM25 `b`).
const FIELD_B: [f64; 4] = [0.3, 0.5, 0.5, 0.75];
const K1: f64 = 1.2;
/// A term chunk is closed once it reaches about this many bytes.
pub const CHUNK_TARGET: usize = 16 * 1024;
/// Documents per record file.
pub const RECORDS_PER_FILE: usize = 16;
/// Levels of the quantised impact (1..=63; 0 is never written).
pub const IMPACT_LEVELS: u32 = 63;

/// Per-document data kept for records, excerpts and phrase checks.
#[derive(Debug, Clone)]
pub struct DocMeta {
    pub title: String,
    pub url: String,
    pub date: Option<String>,
    /// Text for excerpts and phrase checks: summary, then body.
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Facet {
    /// URL parameter name.
    pub id: &'static str,
    pub label: &'static str,
    pub multi: bool,
    /// `(slug, label)`, in display order.
    pub values: Vec<(String, String)>,
    /// Per doc id: indexes into `values`.
    pub doc_values: Vec<Vec<u32>>,
}

#[derive(Debug, Clone)]
pub struct Chunk {
    /// Range into [`SearchIndex::words`].
    pub start: usize,
    pub end: usize,
}

/// The whole index in memory. [`SearchIndex::files`] writes it out; [`SearchIndex::search`]
/// answers a query the way the browser client does.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    pub docs: Vec<DocMeta>,
    /// Number of documents with a date (they are ids `0..dated`, newest first).
    pub dated: usize,
    /// Surface words (folded), sorted by UTF-16 code units as JavaScript compares strings,
    /// each with its stem id.
    pub words: Vec<(String, u32)>,
    pub stems: Vec<String>,
    /// Per stem: (doc id, quantised impact 1..=63), by doc id.
    pub postings: Vec<Vec<(u32, u8)>>,
    /// Impact level → score (index 0 unused).
    pub impact_table: Vec<f64>,
    pub facets: Vec<Facet>,
    pub chunks: Vec<Chunk>,
}

/// Compare as JavaScript does (UTF-16 code units).
pub fn js_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Per-document analysis: surface word → counts per field, and field lengths.
struct Analysed {
    words: Vec<(String, [u8; 4])>,
    lens: [u32; 4],
}

fn analyse(doc: &SearchDoc) -> Analysed {
    let mut map: HashMap<String, [u8; 4]> = HashMap::new();
    let mut lens = [0u32; 4];
    let mut buf = String::new();
    let headings = doc.headings.join("\n");
    let fields: [&str; 4] = [&doc.title, &headings, &doc.summary, &doc.body];
    for (f, text) in fields.iter().enumerate() {
        for w in text.unicode_words() {
            fold_into(w, &mut buf);
            if buf.is_empty() || is_stop_word(&buf) {
                continue;
            }
            if buf.len() > MAX_WORD_CHARS && buf.chars().count() > MAX_WORD_CHARS {
                continue;
            }
            lens[f] += 1;
            if let Some(c) = map.get_mut(buf.as_str()) {
                c[f] = c[f].saturating_add(1);
            } else {
                let mut c = [0u8; 4];
                c[f] = 1;
                map.insert(buf.clone(), c);
            }
        }
    }
    Analysed {
        words: map.into_iter().collect(),
        lens,
    }
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for w in super::text::words(s) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w.replace('\'', ""));
    }
    out
}

/// Score of one (stem, doc): BM25 saturation per field, weighted sum, times idf.
pub fn bm25f(tf: [u8; 4], lens: [u32; 4], avg: [f64; 4], idf: f64) -> f64 {
    let mut s = 0.0;
    for f in 0..4 {
        if tf[f] == 0 || avg[f] <= 0.0 {
            continue;
        }
        let norm = 1.0 - FIELD_B[f] + FIELD_B[f] * f64::from(lens[f]) / avg[f];
        let t = f64::from(tf[f]) / norm;
        s += FIELD_WEIGHTS[f] * t * (K1 + 1.0) / (t + K1);
    }
    s * idf
}

impl SearchIndex {
    pub fn build(input: &[SearchDoc]) -> SearchIndex {
        // Doc ids: dated first, newest first; then undated; ties by title and url.
        let mut order: Vec<usize> = (0..input.len()).collect();
        order.sort_by(|&a, &b| {
            let (da, db) = (&input[a].date, &input[b].date);
            match (da, db) {
                (Some(x), Some(y)) => y.cmp(x),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then_with(|| input[a].title.cmp(&input[b].title))
            .then_with(|| input[a].url.cmp(&input[b].url))
        });
        let docs_in: Vec<&SearchDoc> = order.iter().map(|&i| &input[i]).collect();
        let n = docs_in.len();
        let dated = docs_in.iter().filter(|d| d.date.is_some()).count();

        // Analyse in parallel batches, merge in doc id order.
        let mut analyzer = Analyzer::new();
        let mut word_stem: HashMap<String, u32> = HashMap::new();
        let mut stem_ids: HashMap<String, u32> = HashMap::new();
        let mut stems: Vec<String> = Vec::new();
        let mut raw: Vec<Vec<(u32, [u8; 4])>> = Vec::new();
        let mut lens: Vec<[u32; 4]> = Vec::with_capacity(n);
        const BATCH: usize = 256;
        for (b, batch) in docs_in.chunks(BATCH).enumerate() {
            let analysed: Vec<Analysed> = batch.par_iter().map(|d| analyse(d)).collect();
            for (i, a) in analysed.into_iter().enumerate() {
                let id = (b * BATCH + i) as u32;
                lens.push(a.lens);
                for (w, c) in a.words {
                    let sid = match word_stem.get(&w) {
                        Some(&s) => s,
                        None => {
                            let st = analyzer.stem(&w).to_string();
                            let sid = *stem_ids.entry(st.clone()).or_insert_with(|| {
                                stems.push(st);
                                raw.push(Vec::new());
                                (stems.len() - 1) as u32
                            });
                            word_stem.insert(w, sid);
                            sid
                        }
                    };
                    let list = &mut raw[sid as usize];
                    match list.last_mut() {
                        Some((d, cs)) if *d == id => {
                            for f in 0..4 {
                                cs[f] = cs[f].saturating_add(c[f]);
                            }
                        }
                        _ => list.push((id, c)),
                    }
                }
            }
        }
        drop(analyzer);

        // Field length averages, then BM25F scores and their log-scale quantisation.
        let mut avg = [0f64; 4];
        for l in &lens {
            for f in 0..4 {
                avg[f] += f64::from(l[f]);
            }
        }
        for a in &mut avg {
            *a /= n.max(1) as f64;
        }
        let nf = n as f64;
        let scores: Vec<Vec<f32>> = raw
            .par_iter()
            .map(|list| {
                let df = list.len() as f64;
                let idf = (1.0 + (nf - df + 0.5) / (df + 0.5)).ln();
                list.iter()
                    .map(|&(d, tf)| bm25f(tf, lens[d as usize], avg, idf) as f32)
                    .collect()
            })
            .collect();
        let smax = scores.iter().flatten().fold(0f32, |m, &s| m.max(s)) as f64;
        let lmax = (1.0 + smax.max(1e-9)).ln();
        let impact_table: Vec<f64> = (0..=IMPACT_LEVELS)
            .map(|q| {
                if q == 0 {
                    0.0
                } else {
                    (f64::from(q) / f64::from(IMPACT_LEVELS) * lmax).exp() - 1.0
                }
            })
            // Rounded as written to the manifest, so the Rust mirror ranks exactly as the client.
            .map(|v| (v * 10_000.0).round() / 10_000.0)
            .collect();
        let postings: Vec<Vec<(u32, u8)>> = raw
            .par_iter()
            .zip(scores.par_iter())
            .map(|(list, sc)| {
                list.iter()
                    .zip(sc)
                    .map(|(&(d, _), &s)| {
                        let q =
                            ((1.0 + f64::from(s)).ln() / lmax * f64::from(IMPACT_LEVELS)).round();
                        (d, q.clamp(1.0, f64::from(IMPACT_LEVELS)) as u8)
                    })
                    .collect()
            })
            .collect();
        drop(raw);
        drop(scores);

        let mut words: Vec<(String, u32)> = word_stem.into_iter().collect();
        words.par_sort_unstable_by(|a, b| js_cmp(&a.0, &b.0));

        let facets = build_facets(&docs_in);
        let docs: Vec<DocMeta> = docs_in
            .iter()
            .map(|d| DocMeta {
                title: d.title.clone(),
                url: d.url.clone(),
                date: d.date.clone(),
                text: if d.summary.is_empty() {
                    d.body.clone()
                } else {
                    format!("{}\n\n{}", d.summary, d.body)
                },
            })
            .collect();

        let mut index = SearchIndex {
            docs,
            dated,
            words,
            stems,
            postings,
            impact_table,
            facets,
            chunks: Vec::new(),
        };
        index.chunks = index.make_chunks();
        index
    }

    /// Greedy chunking of the sorted dictionary: a chunk closes before the word that would take
    /// it past [`CHUNK_TARGET`] bytes. A stem's postings are stored in every chunk holding one of
    /// its surface words (almost always one: words of a stem share their first letters).
    fn make_chunks(&self) -> Vec<Chunk> {
        let mut chunks = Vec::new();
        let mut start = 0;
        let mut size = 0;
        let mut seen: Vec<u32> = Vec::new();
        let posting_size: Vec<usize> = self
            .postings
            .par_iter()
            .map(|p| super::files::encode_postings(p, self.docs.len()).len() + 3)
            .collect();
        for (i, (w, s)) in self.words.iter().enumerate() {
            let mut add = w.len() + 2;
            if !seen.contains(s) {
                add += posting_size[*s as usize];
            }
            if i > start && size + add > CHUNK_TARGET {
                chunks.push(Chunk { start, end: i });
                start = i;
                size = 0;
                seen.clear();
                add = w.len() + 2 + posting_size[*s as usize];
            }
            if !seen.contains(s) {
                seen.push(*s);
            }
            size += add;
        }
        if start < self.words.len() || chunks.is_empty() {
            chunks.push(Chunk {
                start,
                end: self.words.len(),
            });
        }
        chunks
    }

    /// The chunk that holds `word` if it is in the dictionary (last chunk whose first word ≤ word).
    pub fn chunk_for(&self, word: &str) -> usize {
        let firsts: Vec<&str> = self.chunk_keys();
        let p = firsts.partition_point(|k| js_cmp(k, word) != Ordering::Greater);
        p.saturating_sub(1)
    }

    /// First word of every chunk (what the manifest lists).
    pub fn chunk_keys(&self) -> Vec<&str> {
        self.chunks
            .iter()
            .map(|c| self.words.get(c.start).map(|w| w.0.as_str()).unwrap_or(""))
            .collect()
    }

    pub fn stem_of(&self, word: &str) -> Option<u32> {
        self.words
            .binary_search_by(|(w, _)| js_cmp(w, word))
            .ok()
            .map(|i| self.words[i].1)
    }
}

fn build_facets(docs: &[&SearchDoc]) -> Vec<Facet> {
    type Getter = fn(&SearchDoc) -> Vec<(String, String)>;
    let defs: [(&'static str, &'static str, bool, Getter); 7] = [
        ("kind", "Type", false, |d| {
            if d.kind.is_empty() {
                vec![]
            } else {
                let label = if d.kind_label.is_empty() {
                    d.kind.clone()
                } else {
                    d.kind_label.clone()
                };
                vec![(d.kind.clone(), label)]
            }
        }),
        ("review_type", "Review type", false, |d| {
            d.review_type.iter().cloned().collect()
        }),
        ("theme", "Theme", true, |d| d.themes.clone()),
        ("abuse_type", "Abuse type", true, |d| d.abuse_types.clone()),
        ("methodology", "Methodology", true, |d| {
            d.methodology.clone()
        }),
        ("board", "Board", false, |d| {
            d.board
                .iter()
                .filter(|b| !b.is_empty())
                .map(|b| (slugify(b), b.clone()))
                .collect()
        }),
        ("year", "Year", false, |d| {
            let y = d
                .year
                .or_else(|| d.date.as_ref().and_then(|s| s.get(0..4)?.parse().ok()));
            y.map(|y| vec![(y.to_string(), y.to_string())])
                .unwrap_or_default()
        }),
    ];
    defs.iter()
        .map(|&(id, label, multi, get)| {
            let per_doc: Vec<Vec<(String, String)>> = docs.iter().map(|d| get(d)).collect();
            let mut values: Vec<(String, String)> = Vec::new();
            let mut slug_ix: HashMap<String, usize> = HashMap::new();
            for vs in &per_doc {
                for (s, l) in vs {
                    if !slug_ix.contains_key(s) {
                        slug_ix.insert(s.clone(), values.len());
                        values.push((s.clone(), l.clone()));
                    }
                }
            }
            if id == "year" {
                values.sort_by_key(|v| v.0.parse::<i32>().unwrap_or(0));
            } else {
                values.sort_by(|a, b| {
                    a.1.to_lowercase()
                        .cmp(&b.1.to_lowercase())
                        .then(a.0.cmp(&b.0))
                });
            }
            let pos: HashMap<&str, u32> = values
                .iter()
                .enumerate()
                .map(|(i, v)| (v.0.as_str(), i as u32))
                .collect();
            let doc_values = per_doc
                .iter()
                .map(|vs| {
                    let mut ix: Vec<u32> = vs.iter().map(|(s, _)| pos[s.as_str()]).collect();
                    ix.sort_unstable();
                    ix.dedup();
                    if !multi {
                        ix.truncate(1);
                    }
                    ix
                })
                .collect();
            Facet {
                id,
                label,
                multi,
                values,
                doc_values,
            }
        })
        .collect()
}
