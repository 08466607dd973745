//! Facets: which ones a search offers and each document's values (`build_facets`), and
//! how their per-document values are encoded compactly in `search/facets/ID.js`.

use super::encode::{bits_for, BitReader, BitWriter};
use super::index::Facet;
use super::labels::Aliases;
use super::SearchDoc;
use crate::vocab::VocabKind;
use std::borrow::Cow;
use std::collections::HashMap;

/// The facets of what a document is, in the order they are written: (id, label, more than
/// one value per document). The person's codes follow them ([`facet_list`]); a facet no
/// document has is not shown.
const DOCUMENT_FACETS: [(&str, &str, bool); 7] = [
    ("kind", "Type", false),
    ("review_type", "Review type", false),
    ("theme", "Theme", true),
    ("abuse_type", "Abuse type", true),
    ("methodology", "Methodology", true),
    ("board", "Board", false),
    ("year", "Year", false),
];

/// The facet id of each of the person's codes, in the order of [`VocabKind::PERSON`].
pub(crate) const PERSON_FACETS: [&str; 6] = [
    "age_band",
    "sex",
    "ethnicity",
    "disability",
    "care_needs",
    "relationship",
];

/// Every facet, in the order they are written: (id, label, more than one value per document).
/// The person's codes are labelled as pages label them; a person may have several
/// disabilities and care and support needs.
pub(crate) fn facet_list() -> impl Iterator<Item = (&'static str, &'static str, bool)> {
    let person = VocabKind::PERSON.iter().zip(PERSON_FACETS).map(|(&k, id)| {
        let multi = matches!(k, VocabKind::Disability | VocabKind::CareAndSupportNeed);
        (id, k.title(), multi)
    });
    DOCUMENT_FACETS.iter().copied().chain(person)
}

/// The facet id of a person's code.
pub(crate) fn person_facet(kind: VocabKind) -> &'static str {
    let i = VocabKind::PERSON
        .iter()
        .position(|k| *k == kind)
        .expect("a person's code");
    PERSON_FACETS[i]
}

/// A facet value: (slug, label), borrowed from the document where it can be.
type Value<'d> = (Cow<'d, str>, Cow<'d, str>);

/// A document's values of one person facet.
fn person<'d>(d: &'d SearchDoc, id: &str, out: &mut Vec<Value<'d>>) {
    out.extend(
        (d.person.iter())
            .filter(|(f, _, _)| *f == id)
            .map(|(_, s, l)| (Cow::Borrowed(s.as_str()), Cow::Borrowed(l.as_str()))),
    );
}

/// Age bands youngest first: `under-1`, `1-4`, ..., `85-plus` (by the first number).
fn band_start(slug: &str) -> i64 {
    if slug.starts_with("under") {
        return -1;
    }
    let digits: String = slug.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().unwrap_or(i64::MAX)
}

/// A document's values of facet `id`, (slug, label), into `out`; `boards` keeps the slug of
/// each board name met so far.
fn values_of<'d>(
    d: &'d SearchDoc,
    id: &str,
    boards: &mut HashMap<&'d str, String>,
    out: &mut Vec<Value<'d>>,
) {
    let pairs = |out: &mut Vec<Value<'d>>, v: &'d [(String, String)]| {
        out.extend(
            v.iter()
                .map(|(s, l)| (Cow::Borrowed(s.as_str()), Cow::Borrowed(l.as_str()))),
        );
    };
    match id {
        "kind" if d.kind.is_empty() => {}
        "kind" => {
            let label = if d.kind_label.is_empty() {
                &d.kind
            } else {
                &d.kind_label
            };
            out.push((Cow::Borrowed(&d.kind), Cow::Borrowed(label)));
        }
        "review_type" => pairs(out, d.review_type.as_slice()),
        "theme" => pairs(out, &d.themes),
        "abuse_type" => pairs(out, &d.abuse_types),
        "methodology" => pairs(out, &d.methodology),
        "board" => {
            if let Some(b) = d.board.as_deref().filter(|b| !b.is_empty()) {
                let slug = boards.entry(b).or_insert_with(|| slugify(b));
                out.push((Cow::Owned(slug.clone()), Cow::Borrowed(b)));
            }
        }
        "year" => {
            let year = (d.year).or_else(|| d.date.as_ref().and_then(|s| s.get(0..4)?.parse().ok()));
            if let Some(y) = year {
                out.push((Cow::Owned(y.to_string()), Cow::Owned(y.to_string())));
            }
        }
        _ => person(d, id, out),
    }
}

/// Every facet with its values (in display order) and each document's values. The values are
/// those of the documents in the order first met, each labelled as where first met, then
/// sorted (years and age bands by number, the others by label); facets in parallel.
pub(super) fn build_facets(docs: &[&SearchDoc], aliases: &Aliases) -> Vec<Facet> {
    use rayon::prelude::*;
    let list: Vec<_> = facet_list().collect();
    list.into_par_iter()
        .map(|(id, label, multi)| {
            // Each value's number in the order first met, per document.
            let mut found: Vec<Value> = Vec::new();
            let mut slug_ix: HashMap<Cow<str>, u32> = HashMap::new();
            let mut boards = HashMap::new();
            let mut vs: Vec<Value> = Vec::new();
            let per_doc: Vec<Vec<u32>> = docs
                .iter()
                .map(|d| {
                    vs.clear();
                    values_of(d, id, &mut boards, &mut vs);
                    vs.drain(..)
                        .map(|(s, l)| match slug_ix.get(s.as_ref()) {
                            Some(&i) => i,
                            None => {
                                let i = found.len() as u32;
                                slug_ix.insert(s.clone(), i);
                                found.push((s, l));
                                i
                            }
                        })
                        .collect()
                })
                .collect();
            // Display order: a stable sort of the values as first met.
            let mut order: Vec<usize> = (0..found.len()).collect();
            if id == "year" {
                order.sort_by_key(|&i| found[i].0.parse::<i32>().unwrap_or(0));
            } else if id == "age_band" {
                order.sort_by_key(|&i| band_start(&found[i].0));
            } else {
                let lower: Vec<String> = found.iter().map(|v| v.1.to_lowercase()).collect();
                order.sort_by(|&a, &b| lower[a].cmp(&lower[b]).then(found[a].0.cmp(&found[b].0)));
            }
            let mut pos = vec![0u32; found.len()];
            for (p, &i) in order.iter().enumerate() {
                pos[i] = p as u32;
            }
            let doc_values = per_doc
                .into_iter()
                .map(|vs| {
                    let mut ix: Vec<u32> = vs.into_iter().map(|i| pos[i as usize]).collect();
                    ix.sort_unstable();
                    ix.dedup();
                    if !multi {
                        ix.truncate(1);
                    }
                    ix
                })
                .collect();
            let values: Vec<(String, String)> = order
                .iter()
                .map(|&i| (found[i].0.to_string(), found[i].1.to_string()))
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
