//! Building the in-memory index: analysis, BM25F impacts, facets, term chunks.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};
use std::sync::Mutex;

use super::labels::{label_texts, Aliases};
use super::text::{fold_into, for_each_word, is_hyphen, is_stop_word, Analyzer, MAX_WORD_CHARS};
use super::SearchDoc;
use rayon::prelude::*;

/// Fields of a document: title, headings, summary, body, labels.
pub(crate) const FIELDS: usize = 5;
/// The labels field: the document's type, review type, themes, methodology and abuse types,
/// by label and by the vocabularies' other names for them (`SAR`, `MCA`, `county lines`).
pub(crate) const LABELS: usize = 4;
/// Field weights: title, headings, summary, body, labels.
pub(crate) const FIELD_WEIGHTS: [f64; FIELDS] = [10.0, 5.0, 3.0, 1.0, 4.0];
/// Length normalisation per field (BM25 `b`).
const FIELD_B: [f64; FIELDS] = [0.3, 0.5, 0.5, 0.75, 0.3];
const K1: f64 = 1.2;
/// A term chunk is closed once it reaches about this many bytes.
pub(crate) const CHUNK_TARGET: usize = 16 * 1024;
/// Documents per record file.
pub(crate) const RECORDS_PER_FILE: usize = 16;
/// A spelling chunk is closed once it reaches about this many bytes.
pub(crate) const SPELL_CHUNK_TARGET: usize = 8 * 1024;
/// Shortest word in the spelling list (a misspelling of a word of at least
/// [`super::text::RELATED_MIN_CHARS`] letters is one letter shorter at most).
pub(crate) const SPELL_MIN_CHARS: usize = 4;
/// Levels of the quantised impact (1..=63; 0 is never written).
pub(crate) const IMPACT_LEVELS: u32 = 63;

/// Per-document data kept for records, excerpts and phrase checks.
#[derive(Debug, Clone)]
pub struct DocMeta {
    pub title: String,
    pub url: String,
    pub date: Option<String>,
    /// zlib-compressed text for excerpts and phrase checks: summary, then body, at most
    /// [`TEXT_MAX_CHARS`] characters.
    pub z: Vec<u8>,
}

#[derive(Debug, Clone)]
pub(crate) struct Facet {
    /// URL parameter name.
    pub(crate) id: &'static str,
    pub(crate) label: &'static str,
    pub(crate) multi: bool,
    /// `(slug, label)`, in display order.
    pub(crate) values: Vec<(String, String)>,
    /// Per value: the vocabulary's other names for it (a quoted phrase matches them).
    pub(crate) aliases: Vec<Vec<String>>,
    /// Per doc id: indexes into `values`.
    pub(crate) doc_values: Vec<Vec<u32>>,
}

#[derive(Debug, Clone)]
pub(crate) struct Chunk {
    /// Range into [`SearchIndex::words`].
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The whole index in memory. [`SearchIndex::files`] writes it out; [`SearchIndex::search`]
/// answers a query the way the browser client does.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    pub docs: Vec<DocMeta>,
    /// Number of documents with a date (they are ids `0..dated`, newest first).
    pub(crate) dated: usize,
    /// Surface words (folded), sorted by UTF-16 code units as JavaScript compares strings,
    /// each with its stem id.
    pub(crate) words: Vec<(String, u32)>,
    /// Per stem: (doc id, quantised impact 1..=63), by doc id.
    pub(crate) postings: Vec<Vec<(u32, u8)>>,
    /// Impact level → score (index 0 unused).
    pub(crate) impact_table: Vec<f64>,
    pub(crate) facets: Vec<Facet>,
    pub(crate) chunks: Vec<Chunk>,
    /// Per chunk, the shortest prefix of its first word that sorts after the previous chunk's
    /// last word (what the manifest lists; chunk i holds the words from key i to key i+1).
    pub(crate) keys: Vec<String>,
    /// Words a misspelling is compared with (letters only, at least [`SPELL_MIN_CHARS`]), in
    /// dictionary order, each with `bits_for(document frequency)` to prefer common words.
    pub(crate) spell: Vec<(String, u8)>,
    /// Chunks of [`SearchIndex::spell`] and their keys, as for the terms.
    pub(crate) spell_chunks: Vec<Chunk>,
    pub(crate) spell_keys: Vec<String>,
    /// Doc id → index of the document in the input.
    pub(crate) order: Vec<usize>,
}

/// FxHash-style hasher: the index hashes tens of millions of short words.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);
impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
}
pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// Compare as JavaScript does (UTF-16 code units).
pub(crate) fn js_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// The surface-word dictionary shared by the analysing threads: sharded by hash, each shard
/// behind its own lock. Ids depend on thread timing; nothing written out depends on them.
struct Dictionary {
    shards: Vec<Mutex<FastMap<String, u32>>>,
    next: AtomicU32,
}

const SHARDS: usize = 64;

impl Dictionary {
    fn new() -> Self {
        Dictionary {
            shards: (0..SHARDS)
                .map(|_| Mutex::new(FastMap::default()))
                .collect(),
            next: AtomicU32::new(0),
        }
    }
    fn id(&self, w: &str) -> u32 {
        let mut h = FastHasher::default();
        std::hash::Hasher::write(&mut h, w.as_bytes());
        let shard = (std::hash::Hasher::finish(&h) >> 58) as usize % SHARDS;
        let mut map = self.shards[shard].lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = map.get(w) {
            return id;
        }
        let id = self.next.fetch_add(1, AtomicOrdering::Relaxed);
        map.insert(w.to_string(), id);
        id
    }
    /// Words by id.
    fn into_words(self) -> Vec<String> {
        let n = self.next.load(AtomicOrdering::Relaxed) as usize;
        let mut words = vec![String::new(); n];
        for shard in self.shards {
            for (w, id) in shard.into_inner().unwrap_or_else(|e| e.into_inner()) {
                words[id as usize] = w;
            }
        }
        words
    }
}

/// Per-document analysis: word id → counts per field, and field lengths.
struct Analysed {
    words: Vec<(u32, [u8; FIELDS])>,
    lens: [u32; FIELDS],
}

fn analyse(doc: &SearchDoc, aliases: &Aliases, dict: &Dictionary) -> Analysed {
    let mut map: FastMap<Cow<'_, str>, [u8; FIELDS]> = FastMap::default();
    let mut lens = [0u32; FIELDS];
    let mut buf = String::new();
    let fields: [(usize, &str); 3] = [(0, &doc.title), (2, &doc.summary), (3, &doc.body)];
    let headings = doc.headings.iter().map(|h| (1usize, h.as_str()));
    let labels = label_texts(doc, aliases).into_iter().map(|l| (LABELS, l));
    fn count<'a>(map: &mut FastMap<Cow<'a, str>, [u8; FIELDS]>, key: Cow<'a, str>, f: usize) {
        if let Some(c) = map.get_mut(key.as_ref()) {
            c[f] = c[f].saturating_add(1);
        } else {
            let mut c = [0u8; FIELDS];
            c[f] = 1;
            map.insert(key, c);
        }
    }
    for (f, text) in fields.into_iter().chain(headings).chain(labels) {
        let base = text.as_ptr() as usize;
        // A hyphenated word is indexed whole (parts joined) as well as by its parts.
        let mut compound = String::new();
        let mut parts = 0usize;
        let mut prev_end = usize::MAX;
        let flush = |compound: &mut String, parts: &mut usize, map: &mut FastMap<_, _>| {
            if *parts > 1 && compound.chars().count() <= MAX_WORD_CHARS {
                count(map, Cow::Owned(std::mem::take(compound)), f);
            }
            compound.clear();
            *parts = 0;
        };
        for_each_word(text, |w| {
            let start = w.as_ptr() as usize - base;
            // Folding leaves lower-case ASCII without edge apostrophes as it is.
            let plain = w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
                && !w.starts_with('\'')
                && !w.ends_with('\'');
            let word: &str = if plain {
                w
            } else {
                fold_into(w, &mut buf);
                &buf
            };
            let too_long = word.len() > MAX_WORD_CHARS && word.chars().count() > MAX_WORD_CHARS;
            let joined = prev_end != usize::MAX && {
                let mut gap = text[prev_end..start].chars();
                matches!((gap.next(), gap.next()), (Some(c), None) if is_hyphen(c))
            };
            if !joined {
                flush(&mut compound, &mut parts, &mut map);
            }
            if word.is_empty() || too_long {
                prev_end = usize::MAX;
                flush(&mut compound, &mut parts, &mut map);
                return;
            }
            compound.push_str(word);
            parts += 1;
            prev_end = start + w.len();
            if is_stop_word(word) {
                return;
            }
            lens[f] += 1;
            let key = if plain {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(buf.clone())
            };
            count(&mut map, key, f);
        });
        flush(&mut compound, &mut parts, &mut map);
    }
    Analysed {
        words: map.into_iter().map(|(w, c)| (dict.id(&w), c)).collect(),
        lens,
    }
}

/// Raw postings of a word or stem: (doc id, term count per field).
type RawList = Vec<(u32, [u8; FIELDS])>;

/// Merge posting lists of several words of one stem (each sorted by doc id), adding counts.
fn merge_lists(lists: Vec<Vec<(u32, [u8; FIELDS])>>) -> Vec<(u32, [u8; FIELDS])> {
    let mut lists = lists.into_iter();
    let Some(mut acc) = lists.next() else {
        return Vec::new();
    };
    for l in lists {
        let mut out = Vec::with_capacity(acc.len() + l.len());
        let (mut i, mut j) = (0, 0);
        while i < acc.len() || j < l.len() {
            if j >= l.len() || (i < acc.len() && acc[i].0 < l[j].0) {
                out.push(acc[i]);
                i += 1;
            } else if i >= acc.len() || l[j].0 < acc[i].0 {
                out.push(l[j]);
                j += 1;
            } else {
                let mut c = acc[i].1;
                for (x, y) in c.iter_mut().zip(l[j].1) {
                    *x = x.saturating_add(y);
                }
                out.push((acc[i].0, c));
                i += 1;
                j += 1;
            }
        }
        acc = out;
    }
    acc
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

/// Text kept per document for excerpts and phrase checks (characters).
pub(crate) const TEXT_MAX_CHARS: usize = 60_000;

fn compress_text(summary: &str, body: &str) -> Vec<u8> {
    use std::io::Write as _;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(2));
    let mut budget = TEXT_MAX_CHARS;
    for part in [summary, "\n\n", body] {
        if summary.is_empty() && part == "\n\n" {
            continue;
        }
        let cut = match part.char_indices().nth(budget) {
            Some((i, _)) => i,
            None => part.len(),
        };
        z.write_all(&part.as_bytes()[..cut])
            .expect("in-memory write");
        budget = budget.saturating_sub(part[..cut].chars().count());
    }
    z.finish().expect("in-memory write")
}

/// Inflate a document's stored text. Only ever given what [`compress_text`] wrote in the
/// same process (zlib of whole UTF-8 characters), so the `expect` guards a fixed fact.
pub(crate) fn inflate_text(z: &[u8]) -> String {
    use std::io::Read as _;
    let mut s = String::new();
    flate2::read::ZlibDecoder::new(z)
        .read_to_string(&mut s)
        .expect("valid zlib");
    s
}

/// Impacts of one posting list are written as 4 bits relative to the list's lowest level:
/// snap every level to that grid so the Rust mirror holds exactly what the client decodes.
pub(crate) fn requantise(list: &mut [(u32, u8)]) {
    let (lo, hi) = impact_range(list);
    for p in list.iter_mut() {
        p.1 = dequantise(lo, hi, quantise(lo, hi, p.1));
    }
}

/// Lowest and highest impact level of a list.
pub(crate) fn impact_range(list: &[(u32, u8)]) -> (u8, u8) {
    let lo = list.iter().map(|p| p.1).min().unwrap_or(1);
    let hi = list.iter().map(|p| p.1).max().unwrap_or(1);
    (lo, hi)
}

/// Level → 4-bit step within `lo..=hi`.
pub(crate) fn quantise(lo: u8, hi: u8, q: u8) -> u32 {
    let span = u32::from(hi - lo);
    if span <= 15 {
        u32::from(q - lo)
    } else {
        (u32::from(q - lo) * 15 + span / 2) / span
    }
}

/// 4-bit step → level (mirrored in search.js).
pub(crate) fn dequantise(lo: u8, hi: u8, step: u32) -> u8 {
    let span = u32::from(hi - lo);
    if span <= 15 {
        lo + step as u8
    } else {
        lo + ((step * span + 7) / 15) as u8
    }
}

/// Score of one (stem, doc): BM25 saturation per field, weighted sum, times idf.
pub(crate) fn bm25f(tf: [u8; FIELDS], lens: [u32; FIELDS], avg: [f64; FIELDS], idf: f64) -> f64 {
    let mut s = 0.0;
    for f in 0..FIELDS {
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
    /// Build the index, keeping each document's compressed text (for [`SearchIndex::search`]'s
    /// phrase checks and [`SearchIndex::files`]).
    pub fn build(input: &[SearchDoc]) -> SearchIndex {
        Self::build_with(input, &Aliases::defaults())
    }

    /// [`SearchIndex::build`], with the vocabularies' other names for the labels.
    pub(crate) fn build_with(input: &[SearchDoc], aliases: &Aliases) -> SearchIndex {
        Self::build_inner(input, aliases, true)
    }

    /// Build and write out in one go: texts are compressed straight into their files, never
    /// held twice.
    pub(crate) fn build_files(input: &[SearchDoc], aliases: &Aliases) -> Vec<super::SearchFile> {
        let ix = Self::build_inner(input, aliases, false);
        let texts: Vec<Vec<u8>> = ix
            .order
            .par_iter()
            .map(|&i| compress_text(&input[i].summary, &input[i].body))
            .collect();
        ix.into_files_with(texts)
    }

    fn build_inner(input: &[SearchDoc], aliases: &Aliases, keep_text: bool) -> SearchIndex {
        let timing = std::env::var_os("LS_SEARCH_TIMING").is_some();
        let t0 = std::time::Instant::now();
        let lap = |what: &str| {
            if timing {
                eprintln!("search index: {what} at {:.2}s", t0.elapsed().as_secs_f64());
            }
        };
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

        // Analyse in parallel: words get ids from a shared dictionary; postings per word are
        // filled in doc id order, batch by batch.
        const BATCH: usize = 512;
        let dict = Dictionary::new();
        let mut by_word: Vec<Vec<(u32, [u8; FIELDS])>> = Vec::new();
        let mut lens: Vec<[u32; FIELDS]> = Vec::with_capacity(n);
        let batches: Vec<&[&SearchDoc]> = docs_in.chunks(BATCH).collect();
        let mut pending: Option<(usize, Vec<Analysed>)> = None;
        // Each batch's postings are appended (in doc id order) while the next one is analysed.
        for b in 0..=batches.len() {
            let (next, ()) = rayon::join(
                || {
                    batches.get(b).map(|batch| {
                        batch
                            .par_iter()
                            .map(|d| analyse(d, aliases, &dict))
                            .collect::<Vec<_>>()
                    })
                },
                || {
                    let Some((first, analysed)) = pending.take() else {
                        return;
                    };
                    for (i, a) in analysed.into_iter().enumerate() {
                        let id = (first + i) as u32;
                        lens.push(a.lens);
                        for (w, c) in a.words {
                            let w = w as usize;
                            if by_word.len() <= w {
                                by_word.resize_with(w + 1, Vec::new);
                            }
                            by_word[w].push((id, c));
                        }
                    }
                },
            );
            pending = next.map(|a| (b * BATCH, a));
        }
        let word_strings = dict.into_words();
        lap("analysed");

        // Stems (in parallel, one stemmer per thread), then one posting list per stem.
        let word_stems: Vec<String> = word_strings
            .par_iter()
            .map_init(Analyzer::new, |a, w| a.stem(w).to_string())
            .collect();
        let mut stems: Vec<String> = word_stems.clone();
        stems.par_sort_unstable();
        stems.dedup();
        let stem_of_word: Vec<u32> = word_stems
            .par_iter()
            .map(|s| stems.binary_search(s).expect("stem present") as u32)
            .collect();
        drop(word_stems);
        let mut words_of_stem: Vec<Vec<u32>> = vec![Vec::new(); stems.len()];
        for (w, &s) in stem_of_word.iter().enumerate() {
            words_of_stem[s as usize].push(w as u32);
        }
        let mut by_word: Vec<Option<RawList>> = by_word.into_iter().map(Some).collect();
        let grouped: Vec<Vec<RawList>> = words_of_stem
            .iter()
            .map(|ws| {
                ws.iter()
                    .map(|&w| by_word[w as usize].take().unwrap_or_default())
                    .collect()
            })
            .collect();
        drop(by_word);
        let raw: Vec<Vec<(u32, [u8; FIELDS])>> = grouped.into_par_iter().map(merge_lists).collect();
        let word_stem: Vec<(String, u32)> = word_strings.into_iter().zip(stem_of_word).collect();

        // Field length averages, then BM25F scores and their log-scale quantisation.
        let mut avg = [0f64; FIELDS];
        for l in &lens {
            for f in 0..FIELDS {
                avg[f] += f64::from(l[f]);
            }
        }
        for a in &mut avg {
            *a /= n.max(1) as f64;
        }
        let nf = n as f64;
        let idf = |df: usize| (1.0 + (nf - df as f64 + 0.5) / (df as f64 + 0.5)).ln();
        let smax = raw
            .par_iter()
            .map(|list| {
                let i = idf(list.len());
                list.iter()
                    .map(|&(d, tf)| bm25f(tf, lens[d as usize], avg, i))
                    .fold(0f64, f64::max)
            })
            .reduce(|| 0.0, f64::max);
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
        let mut postings: Vec<Vec<(u32, u8)>> = raw
            .into_par_iter()
            .map(|list| {
                let i = idf(list.len());
                let mut out: Vec<(u32, u8)> = list
                    .iter()
                    .map(|&(d, tf)| {
                        let s = bm25f(tf, lens[d as usize], avg, i);
                        let q = ((1.0 + s).ln() / lmax * f64::from(IMPACT_LEVELS)).round();
                        (d, q.clamp(1.0, f64::from(IMPACT_LEVELS)) as u8)
                    })
                    .collect();
                requantise(&mut out);
                out
            })
            .collect();

        lap("scored");
        let mut words: Vec<(String, u32)> = word_stem;
        // One posting list per synonym group, searched as one word (so a synonym costs the client
        // one term chunk, not one per entry word).
        for (word, list) in synonym_lists(&words, &postings, &impact_table, lmax) {
            words.push((word.clone(), stems.len() as u32));
            stems.push(word);
            postings.push(list);
        }
        words.par_sort_unstable_by(|a, b| js_cmp(&a.0, &b.0));

        let facets = build_facets(&docs_in, aliases);
        let docs: Vec<DocMeta> = docs_in
            .par_iter()
            .map(|d| DocMeta {
                title: d.title.clone(),
                url: d.url.clone(),
                date: d.date.clone(),
                z: if keep_text {
                    compress_text(&d.summary, &d.body)
                } else {
                    Vec::new()
                },
            })
            .collect();
        lap("texts compressed");

        let mut index = SearchIndex {
            docs,
            dated,
            words,
            postings,
            impact_table,
            facets,
            chunks: Vec::new(),
            keys: Vec::new(),
            spell: Vec::new(),
            spell_chunks: Vec::new(),
            spell_keys: Vec::new(),
            order,
        };
        lap("facets");
        index.chunks = index.make_chunks();
        index.keys = make_keys(&index.chunks, |i| index.words[i].0.as_str());
        index.spell = index.make_spell();
        index.spell_chunks = chunk_by_size(
            index.spell.iter().map(|w| w.0.len() + 2),
            SPELL_CHUNK_TARGET,
        );
        index.spell_keys = make_keys(&index.spell_chunks, |i| index.spell[i].0.as_str());
        lap("chunked");
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

    /// The spelling list: every word of letters only and at least [`SPELL_MIN_CHARS`] long.
    fn make_spell(&self) -> Vec<(String, u8)> {
        self.words
            .iter()
            .filter(|(w, _)| {
                w.chars().count() >= SPELL_MIN_CHARS && w.chars().all(char::is_alphabetic)
            })
            .map(|(w, s)| {
                let df = self.postings[*s as usize].len() as u32;
                (w.clone(), super::encode::bits_for(df).min(63) as u8)
            })
            .collect()
    }

    /// The spelling chunk that holds `word` if it is in the list.
    pub(crate) fn spell_chunk_for(&self, word: &str) -> usize {
        let p = self
            .spell_keys
            .partition_point(|k| js_cmp(k, word) != Ordering::Greater);
        p.saturating_sub(1)
    }

    /// The chunk that holds `word` if it is in the dictionary (last chunk whose key ≤ word).
    pub(crate) fn chunk_for(&self, word: &str) -> usize {
        let p = self
            .keys
            .partition_point(|k| js_cmp(k, word) != Ordering::Greater);
        p.saturating_sub(1)
    }
}

/// For each synonym group, the documents that hold one of its entries (every word of the
/// entry, by its stem), each scored as its best entry: the sum of the entry words' impacts,
/// quantised on the same scale. Named [`super::synonyms::concept_word`].
fn synonym_lists(
    words: &[(String, u32)],
    postings: &[Vec<(u32, u8)>],
    impact_table: &[f64],
    lmax: f64,
) -> Vec<(String, Vec<(u32, u8)>)> {
    let stem_of: FastMap<&str, u32> = words.iter().map(|(w, s)| (w.as_str(), *s)).collect();
    let mut out = Vec::new();
    for (gi, g) in super::synonyms::groups().iter().enumerate() {
        let mut best: FastMap<u32, f64> = FastMap::default();
        for e in g {
            let Some(stems) = super::synonyms::key(e)
                .iter()
                .map(|w| stem_of.get(w.as_str()).copied())
                .collect::<Option<Vec<u32>>>()
            else {
                continue;
            };
            let mut acc: FastMap<u32, (usize, f64)> = FastMap::default();
            for s in &stems {
                for &(d, imp) in &postings[*s as usize] {
                    let a = acc.entry(d).or_insert((0, 0.0));
                    a.0 += 1;
                    a.1 += impact_table[imp as usize];
                }
            }
            for (d, (hits, sum)) in acc {
                if hits == stems.len() {
                    let b = best.entry(d).or_insert(0.0);
                    *b = b.max(sum);
                }
            }
        }
        if best.is_empty() {
            continue;
        }
        let mut list: Vec<(u32, u8)> = best
            .into_iter()
            .map(|(d, s)| {
                let q = ((1.0 + s).ln() / lmax * f64::from(IMPACT_LEVELS)).round();
                (d, q.clamp(1.0, f64::from(IMPACT_LEVELS)) as u8)
            })
            .collect();
        list.sort_unstable();
        requantise(&mut list);
        out.push((super::synonyms::concept_word(gi), list));
    }
    out
}

/// Per chunk, the shortest prefix of its first word that sorts after the previous chunk's last
/// word (chunk i holds the words from key i to key i + 1); `word(i)` is the i-th word.
fn make_keys<'a>(chunks: &[Chunk], word: impl Fn(usize) -> &'a str) -> Vec<String> {
    chunks
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 || c.start == c.end {
                return String::new();
            }
            let first = word(c.start);
            let prev_last = word(c.start - 1);
            let mut key = String::new();
            for ch in first.chars() {
                key.push(ch);
                if js_cmp(&key, prev_last) == Ordering::Greater {
                    break;
                }
            }
            key
        })
        .collect()
}

/// Cut a list into chunks of about `target` bytes, given each item's size.
fn chunk_by_size(sizes: impl Iterator<Item = usize>, target: usize) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let (mut start, mut size, mut n) = (0, 0, 0);
    for (i, s) in sizes.enumerate() {
        if i > start && size + s > target {
            chunks.push(Chunk { start, end: i });
            start = i;
            size = 0;
        }
        size += s;
        n = i + 1;
    }
    if start < n || chunks.is_empty() {
        chunks.push(Chunk { start, end: n });
    }
    chunks
}

/// The facets, in the order they are written: (id, label, more than one value per document).
pub(crate) const FACETS: [(&str, &str, bool); 7] = [
    ("kind", "Type", false),
    ("review_type", "Review type", false),
    ("theme", "Theme", true),
    ("abuse_type", "Abuse type", true),
    ("methodology", "Methodology", true),
    ("board", "Board", false),
    ("year", "Year", false),
];

fn build_facets(docs: &[&SearchDoc], aliases: &Aliases) -> Vec<Facet> {
    type Getter = fn(&SearchDoc) -> Vec<(String, String)>;
    // In the order of [`FACETS`].
    let getters: [Getter; 7] = [
        |d| {
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
        },
        |d| d.review_type.iter().cloned().collect(),
        |d| d.themes.clone(),
        |d| d.abuse_types.clone(),
        |d| d.methodology.clone(),
        |d| {
            d.board
                .iter()
                .filter(|b| !b.is_empty())
                .map(|b| (slugify(b), b.clone()))
                .collect()
        },
        |d| {
            let y = d
                .year
                .or_else(|| d.date.as_ref().and_then(|s| s.get(0..4)?.parse().ok()));
            y.map(|y| vec![(y.to_string(), y.to_string())])
                .unwrap_or_default()
        },
    ];
    FACETS
        .iter()
        .zip(getters)
        .map(|(&(id, label, multi), get)| {
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
            let value_aliases = values
                .iter()
                .map(|(slug, _)| aliases.of(id, slug).to_vec())
                .collect();
            Facet {
                id,
                label,
                multi,
                values,
                aliases: value_aliases,
                doc_values,
            }
        })
        .collect()
}
