//! Writing the index out as JavaScript files (read back by `read.rs`, for tests).

use rayon::prelude::*;

use super::encode::{js_string, push_base64, push_char, push_varint};
use super::facets::encode_facet;
use super::index::{SearchIndex, RECORDS_PER_FILE};
use super::postings::encode_postings;
use super::text::{MAX_WORD_CHARS, STOP_WORDS};
use super::{asset_files, Query, SearchFile};

/// Prefix search: minimum length of the last word, most chunks and most words it expands to.
pub(crate) const PREFIX_MIN_CHARS: usize = 3;
pub(crate) const PREFIX_MAX_CHUNKS: usize = 3;
pub(crate) const PREFIX_MAX_WORDS: usize = 30;
/// Weight of a word that only begins with what was typed (as you type), or shares a typed
/// word's root (`curious` → `curiosity`): below the word itself (1).
pub(crate) const RELATED_WEIGHT: f64 = 0.5;
/// Weight of a word one letter away from a typed word that matches nothing (`hording`).
pub(crate) const TYPO_WEIGHT: f64 = 0.4;
/// Most misspelling candidates tried per word (the most common first), and most spelling
/// chunks read for one word.
pub(crate) const TYPO_MAX_WORDS: usize = 3;
pub(crate) const SPELL_MAX_CHUNKS: usize = 4;
/// Weight of a synonym of what was typed (`safer sleep` for `safe sleep`).
pub(crate) const SYNONYM_WEIGHT: f64 = 0.8;
/// While fewer documents than this contain every word, documents with some of the words follow.
pub(crate) const PARTIAL_BELOW: usize = 10;
/// About how many bytes one text bundle (`search/text/K.js`) holds: the texts of consecutive
/// documents are bundled so a build writes a few hundred files, not one per document, while the
/// excerpts of the five results on screen still cost at most five bundles (≤ 5 × this) on a
/// first query.
pub(crate) const TEXT_FILE_BYTES: usize = 24 * 1024;
/// Most documents in one text bundle (short texts would otherwise make very long bundles).
pub(crate) const TEXT_FILE_MAX_DOCS: usize = 64;

/// How many documents' texts one bundle holds, given each document's compressed text: as many
/// as fit in [`TEXT_FILE_BYTES`] on average (base64 makes 4 characters of 3 bytes), at least 1.
pub(crate) fn texts_per_file<'a>(zs: impl Iterator<Item = &'a Vec<u8>>) -> usize {
    let (mut n, mut total) = (0, 0);
    for z in zs {
        n += 1;
        total += z.len().div_ceil(3) * 4 + 3;
    }
    if n == 0 {
        return 1;
    }
    (TEXT_FILE_BYTES / total.div_ceil(n).max(1)).clamp(1, TEXT_FILE_MAX_DOCS)
}

fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x100_0000_01b3);
    }
}

impl SearchIndex {
    /// How many documents' texts one `search/text/K.js` file holds.
    pub(crate) fn texts_per_file(&self) -> usize {
        texts_per_file(self.docs.iter().map(|d| &d.z))
    }

    #[cfg(test)]
    /// Every file: manifest, facets, term chunks, records, texts, and the client assets.
    pub(crate) fn files(&self) -> Vec<SearchFile> {
        self.clone().into_files()
    }

    #[cfg(test)]
    /// [`SearchIndex::files`], consuming the index so texts are not held twice.
    pub(crate) fn into_files(mut self) -> Vec<SearchFile> {
        let zs: Vec<Vec<u8>> = self
            .docs
            .iter_mut()
            .map(|d| std::mem::take(&mut d.z))
            .collect();
        self.into_files_with(zs)
    }

    /// Write out with the given compressed texts (by doc id).
    pub(crate) fn into_files_with(self, zs: Vec<Vec<u8>>) -> Vec<SearchFile> {
        let n = self.docs.len();
        let mut out: Vec<SearchFile> = Vec::new();
        let timing = std::env::var_os("LS_SEARCH_TIMING").is_some();
        let t0 = std::time::Instant::now();
        let lap = |what: &str| {
            if timing {
                eprintln!("search files: {what} at {:.2}s", t0.elapsed().as_secs_f64());
            }
        };
        out.extend(self.term_files(n));
        lap("terms");
        out.extend(self.facet_files());
        out.extend(self.record_files());
        // Texts, zlib-compressed (the client inflates with DecompressionStream), `tpf`
        // consecutive documents a file.
        let tpf = texts_per_file(zs.iter());
        out.extend(text_files(&zs, tpf));
        lap("texts");
        out.extend(self.spell_files());
        // Manifest last: its version is a hash of everything else.
        let manifest = self.manifest_file(&out, n, tpf);
        out.push(manifest);
        out.extend(asset_files());
        out
    }

    /// Term chunks: each chunk's words, their stems, and the stems' postings.
    fn term_files(&self, n: usize) -> Vec<SearchFile> {
        self.chunks
            .par_iter()
            .enumerate()
            .map(|(ci, c)| {
                let words = &self.words[c.start..c.end];
                let mut local: Vec<u32> = Vec::new();
                let mut refs = String::new();
                let mut ws = String::new();
                for (i, (w, s)) in words.iter().enumerate() {
                    if i > 0 {
                        ws.push(' ');
                    }
                    ws.push_str(w);
                    let li = match local.iter().position(|x| x == s) {
                        Some(p) => p,
                        None => {
                            local.push(*s);
                            local.len() - 1
                        }
                    };
                    push_varint(&mut refs, li as u32);
                }
                let mut body = format!(
                    "__ls_t({ci},{{\"w\":{},\"s\":\"{refs}\",\"p\":[",
                    js_string(&ws)
                );
                for (i, s) in local.iter().enumerate() {
                    if i > 0 {
                        body.push(',');
                    }
                    body.push('"');
                    body.push_str(&encode_postings(&self.postings[*s as usize], n));
                    body.push('"');
                }
                body.push_str("]});\n");
                SearchFile {
                    path: format!("search/terms/{ci}.js"),
                    bytes: body.into_bytes(),
                }
            })
            .collect()
    }

    /// Each document's values of each facet, bit-packed, a file a facet with values
    /// (`search/facets/theme.js`, [`facet_path`]). The client loads a facet's file when a
    /// search filters by it, and all of them when it shows the filter panel (their counts),
    /// after the first results are on screen; the values' names are in the manifest
    /// ([`SearchIndex::facet_values`]) and each result's own values in its record.
    fn facet_files(&self) -> Vec<SearchFile> {
        self.facets
            .iter()
            .filter(|f| !f.values.is_empty())
            .map(|f| {
                let (meta, data) = encode_facet(f);
                SearchFile {
                    path: facet_path(f.id),
                    bytes: format!("__ls_f(\"{}\",{{{meta},\"d\":\"{data}\"}});\n", f.id)
                        .into_bytes(),
                }
            })
            .collect()
    }

    /// The facets and their values for the manifest: `[{id, label, multi, values}]`, each value
    /// `[slug, label]` or `[slug, label, [other names]]`.
    fn facet_values(&self) -> serde_json::Value {
        let facets: Vec<serde_json::Value> = self
            .facets
            .iter()
            .map(|f| {
                let values: Vec<serde_json::Value> = f
                    .values
                    .iter()
                    .zip(&f.aliases)
                    .map(|((s, l), a)| {
                        if a.is_empty() {
                            serde_json::json!([s, l])
                        } else {
                            serde_json::json!([s, l, a])
                        }
                    })
                    .collect();
                serde_json::json!({"id": f.id, "label": f.label, "multi": f.multi, "values": values})
            })
            .collect();
        serde_json::Value::Array(facets)
    }

    /// Records: title, url, date and facet values of [`RECORDS_PER_FILE`] documents a file
    /// (`[title, url, date, [[value, ...] per facet]]`, the facets in the manifest's order with
    /// the empty ones at the end left out), so a result shows its type, board and themes and a
    /// quoted phrase is checked against its labels without the facets file.
    fn record_files(&self) -> Vec<SearchFile> {
        let mut out = Vec::new();
        for (ri, docs) in self.docs.chunks(RECORDS_PER_FILE).enumerate() {
            let recs: Vec<serde_json::Value> = docs
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let id = ri * RECORDS_PER_FILE + i;
                    let mut vals: Vec<&Vec<u32>> =
                        self.facets.iter().map(|f| &f.doc_values[id]).collect();
                    while vals.last().is_some_and(|v| v.is_empty()) {
                        vals.pop();
                    }
                    serde_json::json!([d.title, d.url, d.date, vals])
                })
                .collect();
            let body = format!(
                "__ls_r({ri},{});\n",
                serde_json::to_string(&recs)
                    .expect("json")
                    .replace('\u{2028}', "\\u2028")
                    .replace('\u{2029}', "\\u2029")
            );
            out.push(SearchFile {
                path: format!("search/records/{ri}.js"),
                bytes: body.into_bytes(),
            });
        }
        out
    }

    /// Spelling list, for one-letter misspellings: words, then one character per word for
    /// how common it is.
    fn spell_files(&self) -> Vec<SearchFile> {
        let mut out = Vec::new();
        for (si, c) in self.spell_chunks.iter().enumerate() {
            let list = &self.spell[c.start..c.end];
            let ws: Vec<&str> = list.iter().map(|w| w.0.as_str()).collect();
            let mut df = String::with_capacity(list.len());
            for w in list {
                push_char(&mut df, u32::from(w.1));
            }
            out.push(SearchFile {
                path: format!("search/spell/{si}.js"),
                bytes: format!("__ls_s({si},{},\"{df}\");\n", js_string(&ws.join(" ")))
                    .into_bytes(),
            });
        }
        out
    }

    /// The manifest: what the client needs first, with a version that is a hash of `files`.
    fn manifest_file(&self, files: &[SearchFile], n: usize, tpf: usize) -> SearchFile {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for f in files {
            fnv(&mut h, f.path.as_bytes());
            fnv(&mut h, &f.bytes);
        }
        let manifest = serde_json::json!({
            "format": 1,
            "v": format!("{:08x}", h as u32),
            "n": n,
            "dated": self.dated,
            "keys": self.keys,
            "spellKeys": self.spell_keys,
            "stop": STOP_WORDS,
            "impact": self.impact_table,
            "rpf": RECORDS_PER_FILE,
            "tpf": tpf,
            "maxWord": MAX_WORD_CHARS,
            "prefixMin": PREFIX_MIN_CHARS,
            "prefixChunks": PREFIX_MAX_CHUNKS,
            "prefixWords": PREFIX_MAX_WORDS,
            "related": RELATED_WEIGHT,
            "typo": TYPO_WEIGHT,
            "typoWords": TYPO_MAX_WORDS,
            "spellChunks": SPELL_MAX_CHUNKS,
            "relatedMin": super::text::RELATED_MIN_CHARS,
            "synonym": SYNONYM_WEIGHT,
            "partialBelow": PARTIAL_BELOW,
            "syn": super::synonyms::manifest_groups(),
            "facets": self.facet_values(),
        });
        SearchFile {
            path: "search/manifest.js".into(),
            bytes: format!("__ls_m({manifest});\n").into_bytes(),
        }
    }
}

impl SearchIndex {
    /// Every file the client loads to show the first page of a query from a cold cache:
    /// manifest, term chunks, the records of the first `records` results and the texts
    /// (excerpts) of the first `texts` results (the client loads texts as results come into
    /// view), and the files of the facets the query filters by (the others load after the
    /// results, for the filter panel).
    pub fn first_query_files(&self, q: &Query, records: usize, texts: usize) -> Vec<String> {
        let r = self.search(q);
        let mut files = vec!["search/manifest.js".to_string()];
        for f in &self.facets {
            let filters = if f.id == "year" {
                q.year_from.is_some() || q.year_to.is_some()
            } else {
                q.filters.iter().any(|(id, v)| id == f.id && !v.is_empty())
            };
            if filters && !f.values.is_empty() {
                files.push(facet_path(f.id));
            }
        }
        for c in &r.chunks {
            files.push(format!("search/terms/{c}.js"));
        }
        for c in &r.spell_chunks {
            files.push(format!("search/spell/{c}.js"));
        }
        for (i, &d) in r.ids.iter().take(records).enumerate() {
            let rp = record_path(d as usize);
            if !files.contains(&rp) {
                files.push(rp);
            }
            if i < texts {
                let tp = text_path(d as usize, self.texts_per_file());
                if !files.contains(&tp) {
                    files.push(tp);
                }
            }
        }
        files
    }
}

/// The texts' files: `tpf` documents' compressed texts a file.
fn text_files(zs: &[Vec<u8>], tpf: usize) -> Vec<SearchFile> {
    zs.par_chunks(tpf)
        .enumerate()
        .map(|(k, bundle)| {
            let len: usize = bundle.iter().map(|z| z.len().div_ceil(3) * 4 + 3).sum();
            let mut body = Vec::with_capacity(len + 24);
            body.extend_from_slice(format!("__ls_x({k},[").as_bytes());
            for (i, z) in bundle.iter().enumerate() {
                if i > 0 {
                    body.push(b',');
                }
                body.push(b'"');
                push_base64(&mut body, z);
                body.push(b'"');
            }
            body.extend_from_slice(b"]);\n");
            SearchFile {
                path: text_path(k * tpf, tpf),
                bytes: body,
            }
        })
        .collect()
}

/// The file holding document `id`'s text, when each holds `tpf` documents.
pub(crate) fn text_path(id: usize, tpf: usize) -> String {
    format!("search/text/{}.js", id / tpf.max(1))
}

/// The file of one facet's values of every document (none when the facet has no values).
pub(crate) fn facet_path(id: &str) -> String {
    format!("search/facets/{id}.js")
}

pub(crate) fn record_path(id: usize) -> String {
    format!("search/records/{}.js", id / RECORDS_PER_FILE)
}
