//! Writing the index out as JavaScript files (and reading postings back, for tests).

use std::fmt::Write as _;

use rayon::prelude::*;

use super::encode::{
    base64, bits_for, js_string, push_char, push_varint, BitReader, BitWriter, Reader,
};
use super::index::{dequantise, impact_range, quantise, Facet, SearchIndex, RECORDS_PER_FILE};
use super::text::{MAX_WORD_CHARS, STOP_WORDS};
use super::{asset_files, SearchFile};

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

/// Encode one posting list: `varint(count*2 + mode)`, the lowest impact level and the span to
/// the highest (one character each), then the doc ids:
/// mode 0: `varint(gap)` per posting (gap = id - previous id - 1);
/// mode 1: `varint(n)`, then n bitmap characters (6 docs each, lowest id in the high bit);
/// then the impacts as a bit stream of 4-bit steps within lowest..=highest (see
/// [`super::index::quantise`]). The shorter of the two id encodings is written.
pub(crate) fn encode_postings(list: &[(u32, u8)], n_docs: usize) -> String {
    let (lo, hi) = impact_range(list);
    let head = |mode: u32| {
        let mut s = String::new();
        push_varint(&mut s, (list.len() as u32) * 2 + mode);
        push_char(&mut s, u32::from(lo));
        push_char(&mut s, u32::from(hi - lo));
        s
    };
    let mut delta = head(0);
    let mut prev: i64 = -1;
    for &(d, _) in list {
        push_varint(&mut delta, (i64::from(d) - prev - 1) as u32);
        prev = i64::from(d);
    }
    // A bitmap only pays when the list is dense; it covers ids up to the last one.
    let last = list.last().map(|p| p.0 as usize + 1).unwrap_or(0);
    let mut ids = delta;
    if list.len() * 6 >= last && last <= n_docs.max(1) {
        let nchars = last.div_ceil(6);
        let mut bm = head(1);
        push_varint(&mut bm, nchars as u32);
        let mut bits = BitWriter::new();
        let mut it = list.iter().peekable();
        for id in 0..nchars * 6 {
            let set = matches!(it.peek(), Some(&&(d, _)) if d as usize == id);
            if set {
                it.next();
            }
            bits.write(u32::from(set), 1);
        }
        bm.push_str(&bits.finish());
        if bm.len() < ids.len() {
            ids = bm;
        }
    }
    let mut imp = BitWriter::new();
    for &(_, q) in list {
        imp.write(quantise(lo, hi, q), 4);
    }
    ids.push_str(&imp.finish());
    ids
}

/// Inverse of [`encode_postings`].
pub(crate) fn decode_postings(s: &str) -> Vec<(u32, u8)> {
    let mut r = Reader::new(s);
    let head = r.varint();
    let count = (head / 2) as usize;
    let lo = r.char() as u8;
    let hi = lo + r.char() as u8;
    let mut ids = Vec::with_capacity(count);
    if head & 1 == 0 {
        let mut prev: i64 = -1;
        for _ in 0..count {
            let d = prev + 1 + i64::from(r.varint());
            ids.push(d as u32);
            prev = d;
        }
    } else {
        let nchars = r.varint() as usize;
        let start = r.pos;
        let bytes = s.as_bytes();
        for c in 0..nchars {
            let v = super::encode::char_value(bytes[start + c]).expect("alphabet");
            for b in 0..6 {
                if v & (0x20 >> b) != 0 {
                    ids.push((c * 6 + b) as u32);
                }
            }
        }
        r.pos = start + nchars;
    }
    let mut bits = BitReader::new(&s[r.pos..]);
    ids.into_iter()
        .map(|d| (d, dequantise(lo, hi, bits.read(4))))
        .collect()
}

fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x100_0000_01b3);
    }
}

/// Binomial coefficients `C(n, k)` for `n <= max_n`, `k <= max_k` (saturating).
pub(crate) fn binomials(max_n: usize, max_k: usize) -> Vec<Vec<u64>> {
    let mut c = vec![vec![0u64; max_k + 1]; max_n + 1];
    for n in 0..=max_n {
        c[n][0] = 1;
        for k in 1..=max_k.min(n) {
            c[n][k] = c[n - 1][k - 1].saturating_add(if k < n { c[n - 1][k] } else { 0 });
        }
    }
    c
}

/// Encoding of one facet's per-document values, the smallest of:
/// `f` fixed width (value + 1, 0 = none; single-valued facets); `m` a bit mask of all values;
/// `l` a count then each value index; `c` a count k then the rank of the k-subset in the
/// combinatorial number system (`sum C(v_i, i)` over the sorted values, i from 1), written in
/// `bits_for(C(n, k) - 1)` bits.
pub(crate) fn encode_facet(f: &Facet) -> (String, String) {
    let nv = f.values.len() as u32;
    let vbits = bits_for(nv.saturating_sub(1)).max(1);
    let maxc = f.doc_values.iter().map(|v| v.len()).max().unwrap_or(0);
    let cbits = bits_for(maxc as u32);
    let ndocs = f.doc_values.len() as u64;
    let total_f = if f.multi {
        u64::MAX
    } else {
        ndocs * u64::from(bits_for(nv))
    };
    let total_m = ndocs * u64::from(nv);
    let total_l: u64 = f
        .doc_values
        .iter()
        .map(|v| u64::from(cbits) + v.len() as u64 * u64::from(vbits))
        .sum();
    let binom = binomials(nv as usize, maxc);
    let rank_bits: Vec<u32> = (0..=maxc)
        .map(|k| {
            let c = binom[nv as usize][k];
            if c >= 1 << 52 {
                u32::MAX
            } else {
                64 - c.saturating_sub(1).leading_zeros()
            }
        })
        .collect();
    let total_c: u64 = if rank_bits.contains(&u32::MAX) {
        u64::MAX
    } else {
        f.doc_values
            .iter()
            .map(|v| u64::from(cbits) + u64::from(rank_bits[v.len()]))
            .sum()
    };
    let best = total_f.min(total_m).min(total_l).min(total_c);
    let mut w = BitWriter::new();
    let meta;
    if best == total_f {
        let b = bits_for(nv);
        for v in &f.doc_values {
            w.write(v.first().map(|x| x + 1).unwrap_or(0), b);
        }
        meta = format!("\"enc\":\"f\",\"bits\":{b}");
    } else if best == total_c {
        for v in &f.doc_values {
            w.write(v.len() as u32, cbits);
            let rank: u64 = v
                .iter()
                .enumerate()
                .map(|(i, &x)| binom[x as usize][i + 1])
                .sum();
            w.write64(rank, rank_bits[v.len()]);
        }
        meta = format!("\"enc\":\"c\",\"cbits\":{cbits}");
    } else if best == total_m {
        for v in &f.doc_values {
            for i in 0..nv {
                w.write(u32::from(v.contains(&i)), 1);
            }
        }
        meta = "\"enc\":\"m\"".to_string();
    } else {
        for v in &f.doc_values {
            w.write(v.len() as u32, cbits);
            for &i in v {
                w.write(i, vbits);
            }
        }
        meta = format!("\"enc\":\"l\",\"cbits\":{cbits},\"bits\":{vbits}");
    }
    (meta, w.finish())
}

/// Decode one facet's data (as the client does); for tests.
pub(crate) fn decode_facet(f: &Facet, meta: &str, data: &str) -> Vec<Vec<u32>> {
    let nv = f.values.len() as u32;
    let num = |key: &str| -> u32 {
        let at = meta.find(&format!("\"{key}\":")).expect("key") + key.len() + 3;
        meta[at..]
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let mut r = BitReader::new(data);
    let n = f.doc_values.len();
    if meta.contains("\"f\"") {
        let b = num("bits");
        (0..n)
            .map(|_| match r.read(b) {
                0 => vec![],
                x => vec![x - 1],
            })
            .collect()
    } else if meta.contains("\"m\"") {
        (0..n)
            .map(|_| (0..nv).filter(|_| r.read(1) == 1).collect())
            .collect()
    } else if meta.contains("\"l\"") {
        let (cb, b) = (num("cbits"), num("bits"));
        (0..n)
            .map(|_| {
                let k = r.read(cb);
                (0..k).map(|_| r.read(b)).collect()
            })
            .collect()
    } else {
        let cb = num("cbits");
        let maxc = (1usize << cb) - 1;
        let binom = binomials(nv as usize, maxc.min(nv as usize));
        (0..n)
            .map(|_| {
                let k = r.read(cb) as usize;
                let c = binom[nv as usize][k];
                let mut rank = r.read64(64 - c.saturating_sub(1).leading_zeros());
                let mut out = vec![0u32; k];
                for i in (1..=k).rev() {
                    let mut x = nv as usize - 1;
                    while binom[x][i] > rank {
                        x -= 1;
                    }
                    rank -= binom[x][i];
                    out[i - 1] = x as u32;
                }
                out
            })
            .collect()
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

        // Term chunks.
        let chunk_files: Vec<SearchFile> = self
            .chunks
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
            .collect();
        out.extend(chunk_files);
        lap("terms");

        // Facets.
        let mut fj = String::from("__ls_f({\"facets\":[");
        for (i, f) in self.facets.iter().enumerate() {
            if i > 0 {
                fj.push(',');
            }
            let (meta, data) = encode_facet(f);
            // [slug, label] or [slug, label, [other names]]
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
            let _ = write!(
                fj,
                "{{\"id\":\"{}\",\"label\":{},\"multi\":{},\"values\":{},{meta},\"d\":\"{data}\"}}",
                f.id,
                js_string(f.label),
                f.multi,
                serde_json::to_string(&values).expect("json")
            );
        }
        fj.push_str("]});\n");
        out.push(SearchFile {
            path: "search/facets.js".into(),
            bytes: fj.into_bytes(),
        });

        // Records.
        for (ri, docs) in self.docs.chunks(RECORDS_PER_FILE).enumerate() {
            let recs: Vec<serde_json::Value> = docs
                .iter()
                .map(|d| serde_json::json!([d.title, d.url, d.date]))
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

        // Texts, zlib-compressed (the client inflates with DecompressionStream), `tpf`
        // consecutive documents a file.
        let tpf = texts_per_file(zs.iter());
        let texts: Vec<SearchFile> = zs
            .par_chunks(tpf)
            .enumerate()
            .map(|(k, bundle)| {
                let len: usize = bundle.iter().map(|z| z.len().div_ceil(3) * 4 + 3).sum();
                let mut body = String::with_capacity(len + 24);
                let _ = write!(body, "__ls_x({k},[");
                for (i, z) in bundle.iter().enumerate() {
                    if i > 0 {
                        body.push(',');
                    }
                    body.push('"');
                    body.push_str(&base64(z));
                    body.push('"');
                }
                body.push_str("]);\n");
                SearchFile {
                    path: text_path(k * tpf, tpf),
                    bytes: body.into_bytes(),
                }
            })
            .collect();
        out.extend(texts);
        lap("texts");

        // Spelling list, for one-letter misspellings: words, then one character per word for
        // how common it is.
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

        // Manifest last: its version is a hash of everything else.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for f in &out {
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
        });
        out.push(SearchFile {
            path: "search/manifest.js".into(),
            bytes: format!("__ls_m({manifest});\n").into_bytes(),
        });
        out.extend(asset_files());
        out
    }
}

/// The file holding document `id`'s text, when each holds `tpf` documents.
pub(crate) fn text_path(id: usize, tpf: usize) -> String {
    format!("search/text/{}.js", id / tpf.max(1))
}

pub(crate) fn record_path(id: usize) -> String {
    format!("search/records/{}.js", id / RECORDS_PER_FILE)
}

/// Why a written `search/` folder could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a search index file learnsite wrote ({what})")]
    Format {
        path: std::path::PathBuf,
        what: String,
    },
}

/// The arguments of the one callback a written index file makes: `NAME(ARGS);`.
fn callback_args<'a>(path: &std::path::Path, text: &'a str) -> Result<&'a str, ReadError> {
    let bad = |what: &str| ReadError::Format {
        path: path.to_path_buf(),
        what: what.to_string(),
    };
    let open = text.find('(').ok_or_else(|| bad("no callback"))?;
    let close = text
        .rfind(')')
        .ok_or_else(|| bad("no closing parenthesis"))?;
    if close < open {
        return Err(bad("no callback"));
    }
    Ok(&text[open + 1..close])
}

/// `N,REST` → (N, REST).
fn numbered<'a>(path: &std::path::Path, args: &'a str) -> Result<(usize, &'a str), ReadError> {
    let (n, rest) = args.split_once(',').ok_or_else(|| ReadError::Format {
        path: path.to_path_buf(),
        what: "no file number".into(),
    })?;
    let n = n.trim().parse().map_err(|_| ReadError::Format {
        path: path.to_path_buf(),
        what: format!("file number {n:?}"),
    })?;
    Ok((n, rest))
}

fn json(path: &std::path::Path, s: &str) -> Result<serde_json::Value, ReadError> {
    serde_json::from_str(s).map_err(|e| ReadError::Format {
        path: path.to_path_buf(),
        what: e.to_string(),
    })
}

/// Inverse of [`base64`].
fn unbase64(s: &str) -> Option<Vec<u8>> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let b = s.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(b.len() * 3 / 4);
    for chunk in b.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= val(c)? << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

impl SearchIndex {
    /// Read a written `search/` folder back into memory, exactly as the browser client sees it
    /// (stems are known only by their postings, as in the client). The relevance tests use it to
    /// run the Rust mirror over a real `learnsite build` or `collate` output.
    pub fn read_dir(dir: &std::path::Path) -> Result<SearchIndex, ReadError> {
        use super::index::{Chunk, DocMeta, FACETS};
        let read = |rel: &str| -> Result<(std::path::PathBuf, String), ReadError> {
            let path = dir.join(rel);
            std::fs::read_to_string(&path)
                .map(|t| (path.clone(), t))
                .map_err(|source| ReadError::Io { path, source })
        };
        let bad = |path: &std::path::Path, what: &str| ReadError::Format {
            path: path.to_path_buf(),
            what: what.to_string(),
        };
        let (mp, mt) = read("manifest.js")?;
        let m = json(&mp, callback_args(&mp, &mt)?)?;
        let num = |k: &str| m[k].as_u64().map(|v| v as usize).ok_or_else(|| bad(&mp, k));
        let n = num("n")?;
        let dated = num("dated")?;
        let tpf = num("tpf")?.max(1);
        let strings = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        let keys = strings(&m["keys"]);
        let impact_table: Vec<f64> = m["impact"]
            .as_array()
            .ok_or_else(|| bad(&mp, "impact"))?
            .iter()
            .map(|v| v.as_f64().unwrap_or(0.0))
            .collect();

        // Term chunks: words in dictionary order; a stem is known by its postings string.
        let mut words: Vec<(String, u32)> = Vec::new();
        let mut chunks = Vec::new();
        let mut stems: Vec<String> = Vec::new();
        let mut postings: Vec<Vec<(u32, u8)>> = Vec::new();
        let mut stem_ids: std::collections::HashMap<String, u32> = Default::default();
        for ci in 0..keys.len().max(1) {
            let (p, t) = read(&format!("terms/{ci}.js"))?;
            let (_, rest) = numbered(&p, callback_args(&p, &t)?)?;
            let c = json(&p, rest)?;
            let ws = c["w"].as_str().ok_or_else(|| bad(&p, "w"))?;
            let ws: Vec<&str> = if ws.is_empty() {
                Vec::new()
            } else {
                ws.split(' ').collect()
            };
            let lists = strings(&c["p"]);
            let mut r = Reader::new(c["s"].as_str().ok_or_else(|| bad(&p, "s"))?);
            let start = words.len();
            for w in ws {
                let li = r.varint() as usize;
                let list = lists
                    .get(li)
                    .ok_or_else(|| bad(&p, "posting list number"))?;
                let id = *stem_ids.entry(list.clone()).or_insert_with(|| {
                    stems.push(w.to_string());
                    postings.push(decode_postings(list));
                    (stems.len() - 1) as u32
                });
                words.push((w.to_string(), id));
            }
            chunks.push(Chunk {
                start,
                end: words.len(),
            });
        }

        // Texts, `tpf` documents a file.
        let mut zs: Vec<Vec<u8>> = Vec::with_capacity(n);
        for k in 0..n.div_ceil(tpf) {
            let (tp, tt) = read(text_path(k * tpf, tpf).trim_start_matches("search/"))?;
            let (_, list) = numbered(&tp, callback_args(&tp, &tt)?)?;
            let list = json(&tp, list)?;
            for b64 in list.as_array().ok_or_else(|| bad(&tp, "texts"))? {
                let b64 = b64.as_str().ok_or_else(|| bad(&tp, "text"))?;
                zs.push(unbase64(b64).ok_or_else(|| bad(&tp, "base64"))?);
            }
        }
        if zs.len() != n {
            return Err(bad(&mp, "text count differs from n"));
        }
        let mut zs = zs.into_iter();

        // Records.
        let mut docs: Vec<DocMeta> = Vec::with_capacity(n);
        for ri in 0..n.div_ceil(RECORDS_PER_FILE) {
            let (p, t) = read(&format!("records/{ri}.js"))?;
            let (_, rest) = numbered(&p, callback_args(&p, &t)?)?;
            for r in json(&p, rest)?
                .as_array()
                .ok_or_else(|| bad(&p, "records"))?
            {
                let z = zs.next().unwrap_or_default();
                docs.push(DocMeta {
                    title: r[0].as_str().unwrap_or_default().to_string(),
                    url: r[1].as_str().unwrap_or_default().to_string(),
                    date: r[2].as_str().map(String::from),
                    z,
                });
            }
        }
        if docs.len() != n {
            return Err(bad(&mp, "record count differs from n"));
        }

        // Facets.
        let (fp, ft) = read("facets.js")?;
        let fj = json(&fp, callback_args(&fp, &ft)?)?;
        let mut facets = Vec::new();
        for f in fj["facets"].as_array().ok_or_else(|| bad(&fp, "facets"))? {
            let id = f["id"].as_str().unwrap_or_default();
            let &(id, label, multi) = FACETS
                .iter()
                .find(|d| d.0 == id)
                .ok_or_else(|| bad(&fp, &format!("unknown facet {id:?}")))?;
            let raw_values = f["values"].as_array().ok_or_else(|| bad(&fp, "values"))?;
            let values: Vec<(String, String)> = raw_values
                .iter()
                .map(|v| {
                    (
                        v[0].as_str().unwrap_or_default().to_string(),
                        v[1].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect();
            let aliases = raw_values.iter().map(|v| strings(&v[2])).collect();
            let mut facet = super::index::Facet {
                id,
                label,
                multi,
                values,
                aliases,
                doc_values: vec![Vec::new(); n],
            };
            let mut meta = serde_json::Map::new();
            for k in ["enc", "bits", "cbits"] {
                if let Some(v) = f.get(k) {
                    meta.insert(k.to_string(), v.clone());
                }
            }
            let meta = serde_json::Value::Object(meta).to_string();
            let data = f["d"].as_str().unwrap_or_default();
            facet.doc_values = decode_facet(&facet, &meta, data);
            facets.push(facet);
        }

        // Spelling list.
        let spell_keys = strings(&m["spellKeys"]);
        let mut spell: Vec<(String, u8)> = Vec::new();
        let mut spell_chunks = Vec::new();
        for si in 0..spell_keys.len() {
            let (p, t) = read(&format!("spell/{si}.js"))?;
            let (_, rest) = numbered(&p, callback_args(&p, &t)?)?;
            let parts = json(&p, &format!("[{rest}]"))?;
            let ws = parts[0].as_str().ok_or_else(|| bad(&p, "words"))?;
            let df = parts[1].as_str().ok_or_else(|| bad(&p, "frequencies"))?;
            let start = spell.len();
            let ws: Vec<&str> = if ws.is_empty() {
                Vec::new()
            } else {
                ws.split(' ').collect()
            };
            for (w, c) in ws.iter().zip(df.bytes()) {
                let b = super::encode::char_value(c).ok_or_else(|| bad(&p, "frequency"))?;
                spell.push((w.to_string(), b as u8));
            }
            spell_chunks.push(Chunk {
                start,
                end: spell.len(),
            });
        }

        Ok(SearchIndex {
            docs,
            dated,
            words,
            postings,
            impact_table,
            facets,
            chunks,
            keys,
            spell,
            spell_chunks,
            spell_keys,
            order: (0..n).collect(),
        })
    }
}
