//! A stem's postings: each document's BM25F score, quantised to an impact level, and the
//! compact encoding of a posting list in `search/terms/N.js`.

use super::analyse::RawList;
use super::encode::{push_char, push_varint, BitReader, BitWriter, Reader};
use super::index::{FIELDS, FIELD_B, FIELD_WEIGHTS, IMPACT_LEVELS, K1};
use rayon::prelude::*;

/// Every stem's postings, scored.
pub(super) struct Scored {
    /// Per stem: (doc id, impact level 1..=63), by doc id.
    pub(super) postings: Vec<Vec<(u32, u8)>>,
    /// Impact level → score (index 0 unused).
    pub(super) impact_table: Vec<f64>,
    /// The log of one more than the highest score: the top of the impact scale.
    pub(super) lmax: f64,
}

/// Each stem's postings scored: field length averages, then BM25F scores quantised on a log
/// scale.
pub(super) fn score(raw: Vec<RawList>, lens: &[[u32; FIELDS]], n: usize) -> Scored {
    let mut avg = [0f64; FIELDS];
    for l in lens {
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
    let postings: Vec<Vec<(u32, u8)>> = raw
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
    Scored {
        postings,
        impact_table,
        lmax,
    }
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

/// 4-bit step → level (mirrored in the client, `assets/search/decode.js`).
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

/// Encode one posting list: `varint(count*2 + mode)`, the lowest impact level and the span to
/// the highest (one character each), then the doc ids:
/// mode 0: `varint(gap)` per posting (gap = id - previous id - 1);
/// mode 1: `varint(n)`, then n bitmap characters (6 docs each, lowest id in the high bit);
/// then the impacts as a bit stream of 4-bit steps within lowest..=highest (see
/// [`quantise`]). The shorter of the two id encodings is written.
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
