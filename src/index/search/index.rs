//! Building the in-memory index: analysis, BM25F impacts, facets, term chunks.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::analyse::{analyse_all, merge_lists, RawList};
use super::facets::build_facets;
use super::labels::Aliases;
use super::postings::{requantise, score, Scored};
use super::text::Analyzer;
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
pub(super) const FIELD_B: [f64; FIELDS] = [0.3, 0.5, 0.5, 0.75, 0.3];
pub(super) const K1: f64 = 1.2;
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

/// FxHash-style hasher: the index hashes tens of millions of short words. A word of up to 8
/// bytes is one or two loads and one multiplication.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);
impl FastHasher {
    #[inline]
    fn mix(&mut self, v: u64) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
    }
}
impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        let u32_at = |i: usize| {
            u64::from(u32::from_le_bytes(
                bytes[i..i + 4].try_into().expect("4 bytes"),
            ))
        };
        if n >= 8 {
            let mut chunks = bytes.chunks_exact(8);
            for c in &mut chunks {
                self.mix(u64::from_le_bytes(c.try_into().expect("8 bytes")));
            }
            if !chunks.remainder().is_empty() {
                // The last 8 bytes, overlapping the last whole chunk.
                self.mix(u64::from_le_bytes(
                    bytes[n - 8..].try_into().expect("8 bytes"),
                ));
            }
        } else if n >= 4 {
            // Two overlapping loads cover every byte.
            self.mix(u32_at(0) | (u32_at(n - 4) << 32));
        } else if n > 0 {
            let b = |i: usize| u64::from(bytes[i]);
            self.mix(b(0) | (b(n / 2) << 8) | (b(n - 1) << 16) | ((n as u64) << 24));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.mix(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.mix(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.mix(i as u64);
    }
}
pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// Compare as JavaScript does (UTF-16 code units).
pub(crate) fn js_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Text kept per document for excerpts and phrase checks (characters).
pub(crate) const TEXT_MAX_CHARS: usize = 60_000;

/// A zlib encoder kept by each thread and reset between documents: making one allocates and
/// clears about half a megabyte of tables, more work than compressing a 600-word document.
/// A reset encoder writes the same bytes as a new one.
type TextEncoder = flate2::write::ZlibEncoder<Vec<u8>>;

fn text_encoder() -> TextEncoder {
    flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(2))
}

fn compress_text(z: &mut TextEncoder, summary: &str, body: &str) -> Vec<u8> {
    use std::io::Write as _;
    let mut budget = TEXT_MAX_CHARS;
    for part in [summary, "\n\n", body] {
        if summary.is_empty() && part == "\n\n" {
            continue;
        }
        // No more bytes than the budget: no more characters either, so nothing is cut.
        let cut = if part.len() <= budget {
            part.len()
        } else {
            part.char_indices()
                .nth(budget)
                .map_or(part.len(), |(i, _)| i)
        };
        z.write_all(&part.as_bytes()[..cut])
            .expect("in-memory write");
        budget = budget.saturating_sub(part[..cut].chars().count());
    }
    z.reset(Vec::new()).expect("in-memory write")
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

impl SearchIndex {
    /// An index of scored words and facets whose term and spelling chunks are still to come:
    /// [`SearchIndex::build`] makes them from the words, [`SearchIndex::read_dir`] reads them.
    pub(crate) fn unchunked(
        docs: Vec<DocMeta>,
        dated: usize,
        words: Vec<(String, u32)>,
        postings: Vec<Vec<(u32, u8)>>,
        impact_table: Vec<f64>,
        facets: Vec<Facet>,
        order: Vec<usize>,
    ) -> SearchIndex {
        SearchIndex {
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
        }
    }

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
            .map_init(text_encoder, |z, &i| {
                compress_text(z, &input[i].summary, &input[i].body)
            })
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
        let order = doc_order(input);
        let docs_in: Vec<&SearchDoc> = order.iter().map(|&i| &input[i]).collect();
        let n = docs_in.len();
        let dated = docs_in.iter().filter(|d| d.date.is_some()).count();

        let (word_strings, by_word, lens) = analyse_all(&docs_in, aliases);
        lap("analysed");

        let (mut stems, raw, mut words) = group_by_stem(word_strings, by_word);
        let Scored {
            mut postings,
            impact_table,
            lmax,
        } = score(raw, &lens, n);
        lap("scored");
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
            .map_init(
                || None,
                |z: &mut Option<TextEncoder>, d| DocMeta {
                    title: d.title.clone(),
                    url: d.url.clone(),
                    date: d.date.clone(),
                    z: if keep_text {
                        compress_text(z.get_or_insert_with(text_encoder), &d.summary, &d.body)
                    } else {
                        Vec::new()
                    },
                },
            )
            .collect();
        lap("texts compressed");

        let mut index =
            SearchIndex::unchunked(docs, dated, words, postings, impact_table, facets, order);
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
            .map(|p| super::postings::encode_postings(p, self.docs.len()).len() + 3)
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

/// Doc ids: dated first, newest first; then undated; ties by title and url. Returns the
/// input index of each doc id.
fn doc_order(input: &[SearchDoc]) -> Vec<usize> {
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
    order
}

/// Stems (in parallel, one stemmer per thread), then one posting list per stem. Returns the
/// stems (sorted), each stem's raw postings, and every surface word with its stem id.
fn group_by_stem(
    word_strings: Vec<String>,
    by_word: Vec<RawList>,
) -> (Vec<String>, Vec<RawList>, Vec<(String, u32)>) {
    let word_stems: Vec<String> = word_strings
        .par_iter()
        .map_init(Analyzer::new, |a, w| a.stem(w))
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
    let raw: Vec<RawList> = grouped.into_par_iter().map(merge_lists).collect();
    let word_stem: Vec<(String, u32)> = word_strings.into_iter().zip(stem_of_word).collect();
    (stems, raw, word_stem)
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
