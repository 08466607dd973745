//! Writing the index out as JavaScript files (and reading postings back, for tests).

use std::fmt::Write as _;
use std::io::Write as _;

use rayon::prelude::*;

use super::encode::{base64, bits_for, js_string, push_char, push_varint, BitWriter, Reader};
use super::index::{Facet, SearchIndex, RECORDS_PER_FILE};
use super::text::{MAX_WORD_CHARS, STOP_WORDS};
use super::{asset_files, SearchFile};

/// Prefix search: minimum length of the last word, most chunks and most words it expands to.
pub const PREFIX_MIN_CHARS: usize = 3;
pub const PREFIX_MAX_CHUNKS: usize = 3;
pub const PREFIX_MAX_WORDS: usize = 30;
/// Documents per text directory (`search/text/K/N.js`, K = N / this).
pub const TEXT_PER_DIR: usize = 1000;
/// Text kept per document for excerpts and phrase checks (characters).
pub const TEXT_MAX_CHARS: usize = 60_000;

/// Encode one posting list: `varint(count*2 + mode)`, then
/// mode 0: per posting `varint(gap)` and one impact character (gap = id - previous id - 1);
/// mode 1: `varint(n)`, n bitmap characters (6 docs each, lowest id in the high bit), then one
/// impact character per posting. The shorter of the two is written.
pub fn encode_postings(list: &[(u32, u8)], n_docs: usize) -> String {
    let mut delta = String::new();
    push_varint(&mut delta, (list.len() as u32) * 2);
    let mut prev: i64 = -1;
    for &(d, q) in list {
        push_varint(&mut delta, (i64::from(d) - prev - 1) as u32);
        push_char(&mut delta, u32::from(q));
        prev = i64::from(d);
    }
    // A bitmap only pays when the list is dense; it covers ids up to the last one.
    let last = list.last().map(|p| p.0 as usize + 1).unwrap_or(0);
    if list.len() * 6 < last || last > n_docs.max(1) {
        return delta;
    }
    let nchars = last.div_ceil(6);
    let mut bm = String::new();
    push_varint(&mut bm, (list.len() as u32) * 2 + 1);
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
    for &(_, q) in list {
        push_char(&mut bm, u32::from(q));
    }
    if bm.len() < delta.len() {
        bm
    } else {
        delta
    }
}

/// Inverse of [`encode_postings`].
pub fn decode_postings(s: &str) -> Vec<(u32, u8)> {
    let mut r = Reader::new(s);
    let head = r.varint();
    let count = (head / 2) as usize;
    let mut out = Vec::with_capacity(count);
    if head & 1 == 0 {
        let mut prev: i64 = -1;
        for _ in 0..count {
            let d = prev + 1 + i64::from(r.varint());
            let q = r.char() as u8;
            out.push((d as u32, q));
            prev = d;
        }
    } else {
        let nchars = r.varint() as usize;
        let start = r.pos;
        let bytes = s.as_bytes();
        let mut ids = Vec::with_capacity(count);
        for c in 0..nchars {
            let v = super::encode::char_value(bytes[start + c]).expect("alphabet");
            for b in 0..6 {
                if v & (0x20 >> b) != 0 {
                    ids.push((c * 6 + b) as u32);
                }
            }
        }
        r.pos = start + nchars;
        for id in ids {
            out.push((id, r.char() as u8));
        }
    }
    out
}

fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x100_0000_01b3);
    }
}

/// Encoding of one facet's per-document values: `f` fixed width (value + 1, 0 = none),
/// `m` bit mask of all values, `l` count then each value index. The smallest is chosen.
fn encode_facet(f: &Facet) -> (String, String) {
    let nv = f.values.len() as u32;
    let vbits = bits_for(nv.saturating_sub(1)).max(1);
    let maxc = f.doc_values.iter().map(|v| v.len()).max().unwrap_or(0) as u32;
    let cbits = bits_for(maxc);
    let total_f = f.doc_values.len() as u64 * u64::from(bits_for(nv));
    let total_m = f.doc_values.len() as u64 * u64::from(nv);
    let total_l: u64 = f
        .doc_values
        .iter()
        .map(|v| u64::from(cbits) + v.len() as u64 * u64::from(vbits))
        .sum();
    let mut w = BitWriter::new();
    let meta;
    if !f.multi && total_f <= total_l {
        let b = bits_for(nv);
        for v in &f.doc_values {
            w.write(v.first().map(|x| x + 1).unwrap_or(0), b);
        }
        meta = format!("\"enc\":\"f\",\"bits\":{b}");
    } else if total_m <= total_l {
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

impl SearchIndex {
    /// Every file: manifest, facets, term chunks, records, texts, and the client assets.
    pub fn files(&self) -> Vec<SearchFile> {
        let n = self.docs.len();
        let mut out: Vec<SearchFile> = Vec::new();

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

        // Facets.
        let mut fj = String::from("__ls_f({\"facets\":[");
        for (i, f) in self.facets.iter().enumerate() {
            if i > 0 {
                fj.push(',');
            }
            let (meta, data) = encode_facet(f);
            let values: Vec<[&str; 2]> = f
                .values
                .iter()
                .map(|(s, l)| [s.as_str(), l.as_str()])
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

        // Texts, zlib-compressed (the client inflates with DecompressionStream).
        let texts: Vec<SearchFile> = self
            .docs
            .par_iter()
            .enumerate()
            .map(|(id, d)| {
                let text = match d.text.char_indices().nth(TEXT_MAX_CHARS) {
                    Some((cut, _)) => &d.text[..cut],
                    None => d.text.as_str(),
                };
                let mut z =
                    flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
                z.write_all(text.as_bytes()).expect("in-memory write");
                let bytes = z.finish().expect("in-memory write");
                SearchFile {
                    path: text_path(id),
                    bytes: format!("__ls_x({id},\"{}\");\n", base64(&bytes)).into_bytes(),
                }
            })
            .collect();
        out.extend(texts);

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
            "keys": self.chunk_keys(),
            "stop": STOP_WORDS,
            "impact": self.impact_table,
            "rpf": RECORDS_PER_FILE,
            "tpd": TEXT_PER_DIR,
            "maxWord": MAX_WORD_CHARS,
            "prefixMin": PREFIX_MIN_CHARS,
            "prefixChunks": PREFIX_MAX_CHUNKS,
            "prefixWords": PREFIX_MAX_WORDS,
        });
        out.push(SearchFile {
            path: "search/manifest.js".into(),
            bytes: format!("__ls_m({manifest});\n").into_bytes(),
        });
        out.extend(asset_files());
        out
    }
}

pub fn text_path(id: usize) -> String {
    format!("search/text/{}/{id}.js", id / TEXT_PER_DIR)
}

pub fn record_path(id: usize) -> String {
    format!("search/records/{}.js", id / RECORDS_PER_FILE)
}
