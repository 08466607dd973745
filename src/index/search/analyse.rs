//! Analysing documents for the index: each document's words, counted per field, in one
//! dictionary shared by the analysing threads.

use super::index::{FastHasher, FastMap, FIELDS, LABELS};
use super::labels::{label_texts, Aliases};
use super::text::{fold_into, for_each_word_folded, is_stop_word, MAX_WORD_CHARS};
use super::SearchDoc;
use rayon::prelude::*;
use std::borrow::Cow;
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};
use std::sync::Mutex;

/// The surface-word dictionary shared by the analysing threads: sharded by hash, each shard
/// behind its own lock. Ids depend on thread timing; nothing written out depends on them.
pub(super) struct Dictionary {
    shards: Vec<Mutex<FastMap<String, u32>>>,
    next: AtomicU32,
}

const SHARDS: usize = 64;

impl Dictionary {
    pub(super) fn new() -> Self {
        Dictionary {
            shards: (0..SHARDS)
                .map(|_| Mutex::new(FastMap::default()))
                .collect(),
            next: AtomicU32::new(0),
        }
    }
    pub(super) fn id(&self, w: &str) -> u32 {
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
    pub(super) fn into_words(self) -> Vec<String> {
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
pub(super) struct Analysed {
    pub(super) words: Vec<(u32, [u8; FIELDS])>,
    pub(super) lens: [u32; FIELDS],
}

pub(super) fn analyse(doc: &SearchDoc, aliases: &Aliases, dict: &Dictionary) -> Analysed {
    let mut map: FastMap<Cow<'_, str>, [u8; FIELDS]> = FastMap::default();
    let mut lens = [0u32; FIELDS];
    let mut buf = String::new();
    let fields: [(usize, &str); 3] = [(0, &doc.title), (2, &doc.summary), (3, &doc.body)];
    let headings = doc.headings.iter().map(|h| (1usize, h.as_str()));
    let labels = label_texts(doc, aliases).into_iter().map(|l| (LABELS, l));
    /// Count `word` in field `f`; `text` is the word as it is in the text when that is
    /// already folded (kept borrowed), else the word is copied only if it is new.
    fn count<'a>(
        map: &mut FastMap<Cow<'a, str>, [u8; FIELDS]>,
        word: &str,
        text: Option<&'a str>,
        f: usize,
    ) {
        if let Some(c) = map.get_mut(word) {
            c[f] = c[f].saturating_add(1);
        } else {
            let mut c = [0u8; FIELDS];
            c[f] = 1;
            map.insert(
                text.map_or_else(|| Cow::Owned(word.to_string()), Cow::Borrowed),
                c,
            );
        }
    }
    for (f, text) in fields.into_iter().chain(headings).chain(labels) {
        let bytes = text.as_bytes();
        let base = text.as_ptr() as usize;
        // A hyphenated word is indexed whole (parts joined) as well as by its parts: the parts
        // so far, written together. The first part is only copied once a second one joins it.
        let mut compound = String::new();
        let mut first: &str = "";
        let mut parts = 0usize;
        let mut prev_end = usize::MAX;
        let flush = |compound: &mut String, parts: &mut usize, map: &mut FastMap<_, _>| {
            if *parts > 1 && compound.chars().count() <= MAX_WORD_CHARS {
                count(map, compound, None, f);
            }
            compound.clear();
            *parts = 0;
        };
        for_each_word_folded(text, |w, plain| {
            let start = w.as_ptr() as usize - base;
            let word: &str = if plain {
                w
            } else {
                fold_into(w, &mut buf);
                &buf
            };
            let too_long = word.len() > MAX_WORD_CHARS && word.chars().count() > MAX_WORD_CHARS;
            // Joined to the word before by exactly one hyphen character.
            // (U+2010 and U+2011 are E2 80 90 and E2 80 91 in UTF-8.)
            let joined = prev_end != usize::MAX
                && matches!(bytes[prev_end..start], [b'-'] | [0xE2, 0x80, 0x90 | 0x91]);
            if !joined {
                flush(&mut compound, &mut parts, &mut map);
            }
            if word.is_empty() || too_long {
                prev_end = usize::MAX;
                flush(&mut compound, &mut parts, &mut map);
                return;
            }
            match parts {
                // Kept borrowed: most words start no compound (`compound` is empty here).
                0 if plain => first = w,
                0 => {
                    first = "";
                    compound.push_str(word);
                }
                1 if !first.is_empty() => {
                    compound.push_str(first);
                    compound.push_str(word);
                    first = "";
                }
                _ => compound.push_str(word),
            }
            parts += 1;
            prev_end = start + w.len();
            if is_stop_word(word) {
                return;
            }
            lens[f] += 1;
            count(&mut map, word, plain.then_some(w), f);
        });
        flush(&mut compound, &mut parts, &mut map);
    }
    Analysed {
        words: map.into_iter().map(|(w, c)| (dict.id(&w), c)).collect(),
        lens,
    }
}

/// Raw postings of a word or stem: (doc id, term count per field).
pub(super) type RawList = Vec<(u32, [u8; FIELDS])>;

/// Merge posting lists of several words of one stem (each sorted by doc id), adding counts.
pub(super) fn merge_lists(lists: Vec<Vec<(u32, [u8; FIELDS])>>) -> Vec<(u32, [u8; FIELDS])> {
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

/// Analyse the documents (in doc id order) in parallel: words get ids from a shared
/// dictionary; postings per word are filled in doc id order, batch by batch. Returns the words
/// by id, each word's raw postings, and each document's field lengths.
pub(super) fn analyse_all(
    docs_in: &[&SearchDoc],
    aliases: &Aliases,
) -> (Vec<String>, Vec<RawList>, Vec<[u32; FIELDS]>) {
    const BATCH: usize = 512;
    let dict = Dictionary::new();
    let mut by_word: Vec<Vec<(u32, [u8; FIELDS])>> = Vec::new();
    let mut lens: Vec<[u32; FIELDS]> = Vec::with_capacity(docs_in.len());
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
    (dict.into_words(), by_word, lens)
}
