//! Reading a written `search/` folder back into a [`SearchIndex`] (for tests and the
//! relevance benchmark).

use super::encode::Reader;
use super::facets::decode_facet;
use super::facets::facet_list;
use super::files::{facet_path, text_path};
use super::index::{Chunk, DocMeta, Facet, SearchIndex, RECORDS_PER_FILE};
use super::postings::decode_postings;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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

/// Inverse of [`super::encode::push_base64`].
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

/// A written `search/` folder being read.
struct Dir<'a>(&'a Path);

impl Dir<'_> {
    /// The text of the file `rel` and its path.
    fn read(&self, rel: &str) -> Result<(PathBuf, String), ReadError> {
        let path = self.0.join(rel);
        std::fs::read_to_string(&path)
            .map(|t| (path.clone(), t))
            .map_err(|source| ReadError::Io { path, source })
    }
    /// The arguments after the number of the numbered file `rel` (`NAME(N,ARGS);`).
    fn numbered(&self, rel: &str) -> Result<(PathBuf, String), ReadError> {
        let (p, t) = self.read(rel)?;
        let (_, rest) = numbered(&p, callback_args(&p, &t)?)?;
        let rest = rest.to_string();
        Ok((p, rest))
    }
}

fn bad(path: &Path, what: &str) -> ReadError {
    ReadError::Format {
        path: path.to_path_buf(),
        what: what.to_string(),
    }
}

/// The strings of a JSON array (none when it is not one).
fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Words of a space-separated list (none when it is empty).
fn word_list(ws: &str) -> Vec<&str> {
    if ws.is_empty() {
        Vec::new()
    } else {
        ws.split(' ').collect()
    }
}

impl SearchIndex {
    /// Read a written `search/` folder back into memory, exactly as the browser client sees it
    /// (stems are known only by their postings, as in the client). The relevance tests use it to
    /// run the Rust mirror over a real `learnsite build` or `collate` output.
    pub fn read_dir(dir: &Path) -> Result<SearchIndex, ReadError> {
        let d = Dir(dir);
        let (mp, mt) = d.read("manifest.js")?;
        let m = json(&mp, callback_args(&mp, &mt)?)?;
        let num = |k: &str| m[k].as_u64().map(|v| v as usize).ok_or_else(|| bad(&mp, k));
        let n = num("n")?;
        let dated = num("dated")?;
        let tpf = num("tpf")?.max(1);
        let keys = strings(&m["keys"]);
        let impact_table: Vec<f64> = m["impact"]
            .as_array()
            .ok_or_else(|| bad(&mp, "impact"))?
            .iter()
            .map(|v| v.as_f64().unwrap_or(0.0))
            .collect();
        let (words, chunks, postings) = read_terms(&d, keys.len())?;
        let zs = read_texts(&d, n, tpf)?;
        if zs.len() != n {
            return Err(bad(&mp, "text count differs from n"));
        }
        let (docs, record_values) = read_records(&d, n, zs)?;
        if docs.len() != n {
            return Err(bad(&mp, "record count differs from n"));
        }
        let facets = read_facets(&d, &mp, &m["facets"], n)?;
        // Each record repeats its document's facet values (for the results shown before the
        // facets' files are loaded): they must agree with them.
        for (id, vals) in record_values.iter().enumerate() {
            for (fi, f) in facets.iter().enumerate() {
                if vals.get(fi).map_or(&[][..], |v| &v[..]) != &f.doc_values[id][..] {
                    return Err(bad(
                        &mp,
                        &format!("record {id} and {} disagree", facet_path(f.id)),
                    ));
                }
            }
        }
        let spell_keys = strings(&m["spellKeys"]);
        let (spell, spell_chunks) = read_spell(&d, spell_keys.len())?;
        let order = (0..n).collect();
        Ok(SearchIndex {
            chunks,
            keys,
            spell,
            spell_chunks,
            spell_keys,
            ..SearchIndex::unchunked(docs, dated, words, postings, impact_table, facets, order)
        })
    }
}

/// Every word with its stem id, the term chunks, and each stem's postings.
type Terms = (Vec<(String, u32)>, Vec<Chunk>, Vec<Vec<(u32, u8)>>);

/// Term chunks: words in dictionary order; a stem is known by its postings string.
fn read_terms(d: &Dir, n_chunks: usize) -> Result<Terms, ReadError> {
    let mut words: Vec<(String, u32)> = Vec::new();
    let mut chunks = Vec::new();
    let mut postings: Vec<Vec<(u32, u8)>> = Vec::new();
    let mut stem_ids: HashMap<String, u32> = Default::default();
    for ci in 0..n_chunks.max(1) {
        let (p, rest) = d.numbered(&format!("terms/{ci}.js"))?;
        let c = json(&p, &rest)?;
        let ws = word_list(c["w"].as_str().ok_or_else(|| bad(&p, "w"))?);
        let lists = strings(&c["p"]);
        let mut r = Reader::new(c["s"].as_str().ok_or_else(|| bad(&p, "s"))?);
        let start = words.len();
        for w in ws {
            let li = r.varint() as usize;
            let list = lists
                .get(li)
                .ok_or_else(|| bad(&p, "posting list number"))?;
            let id = *stem_ids.entry(list.clone()).or_insert_with(|| {
                postings.push(decode_postings(list));
                (postings.len() - 1) as u32
            });
            words.push((w.to_string(), id));
        }
        chunks.push(Chunk {
            start,
            end: words.len(),
        });
    }
    Ok((words, chunks, postings))
}

/// Texts, `tpf` documents a file.
fn read_texts(d: &Dir, n: usize, tpf: usize) -> Result<Vec<Vec<u8>>, ReadError> {
    let mut zs: Vec<Vec<u8>> = Vec::with_capacity(n);
    for k in 0..n.div_ceil(tpf) {
        let (tp, list) = d.numbered(text_path(k * tpf, tpf).trim_start_matches("search/"))?;
        let list = json(&tp, &list)?;
        for b64 in list.as_array().ok_or_else(|| bad(&tp, "texts"))? {
            let b64 = b64.as_str().ok_or_else(|| bad(&tp, "text"))?;
            zs.push(unbase64(b64).ok_or_else(|| bad(&tp, "base64"))?);
        }
    }
    Ok(zs)
}

/// Each record's facet values: per facet, indexes into its values.
type RecordValues = Vec<Vec<Vec<u32>>>;

/// Records: title, url and date of each document, with its text from `zs`, and its facet
/// values.
fn read_records(
    d: &Dir,
    n: usize,
    zs: Vec<Vec<u8>>,
) -> Result<(Vec<DocMeta>, RecordValues), ReadError> {
    let mut zs = zs.into_iter();
    let mut docs: Vec<DocMeta> = Vec::with_capacity(n);
    let mut values: RecordValues = Vec::with_capacity(n);
    for ri in 0..n.div_ceil(RECORDS_PER_FILE) {
        let (p, rest) = d.numbered(&format!("records/{ri}.js"))?;
        for r in json(&p, &rest)?
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
            let per_facet = r[3].as_array().map(Vec::as_slice).unwrap_or_default();
            values.push(
                per_facet
                    .iter()
                    .map(|v| {
                        v.as_array()
                            .map(|a| a.iter().filter_map(|x| x.as_u64()).map(|x| x as u32))
                            .into_iter()
                            .flatten()
                            .collect()
                    })
                    .collect(),
            );
        }
    }
    Ok((docs, values))
}

/// Facets: their values (from the manifest's `facets`) and each document's values (from
/// `facets/ID.js`, written for a facet with values).
fn read_facets(
    d: &Dir,
    mp: &Path,
    listed: &serde_json::Value,
    n: usize,
) -> Result<Vec<Facet>, ReadError> {
    let listed = listed.as_array().ok_or_else(|| bad(mp, "facets"))?;
    let mut facets = Vec::new();
    for f in listed {
        let id = f["id"].as_str().unwrap_or_default();
        let (id, label, multi) = facet_list()
            .find(|d| d.0 == id)
            .ok_or_else(|| bad(mp, &format!("unknown facet {id:?}")))?;
        let raw_values = f["values"].as_array().ok_or_else(|| bad(mp, "values"))?;
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
        let mut facet = Facet {
            id,
            label,
            multi,
            values,
            aliases,
            doc_values: vec![Vec::new(); n],
        };
        if !facet.values.is_empty() {
            let rel = facet_path(id);
            let (fp, ft) = d.read(rel.trim_start_matches("search/"))?;
            let args = callback_args(&fp, &ft)?;
            let (named, rest) = args
                .split_once(',')
                .ok_or_else(|| bad(&fp, "no facet id"))?;
            if named.trim() != format!("\"{id}\"") {
                return Err(bad(&fp, &format!("not the values of {id}")));
            }
            let fd = json(&fp, rest)?;
            let mut meta = serde_json::Map::new();
            for k in ["enc", "bits", "cbits"] {
                if let Some(v) = fd.get(k) {
                    meta.insert(k.to_string(), v.clone());
                }
            }
            let meta = serde_json::Value::Object(meta).to_string();
            facet.doc_values = decode_facet(&facet, &meta, fd["d"].as_str().unwrap_or_default());
        }
        facets.push(facet);
    }
    Ok(facets)
}

/// The spelling list (each word and how common it is) and its chunks.
type Spelling = (Vec<(String, u8)>, Vec<Chunk>);

/// Spelling list: the words and how common each is, and its chunks.
fn read_spell(d: &Dir, n_chunks: usize) -> Result<Spelling, ReadError> {
    let mut spell: Vec<(String, u8)> = Vec::new();
    let mut spell_chunks = Vec::new();
    for si in 0..n_chunks {
        let (p, rest) = d.numbered(&format!("spell/{si}.js"))?;
        let parts = json(&p, &format!("[{rest}]"))?;
        let ws = parts[0].as_str().ok_or_else(|| bad(&p, "words"))?;
        let df = parts[1].as_str().ok_or_else(|| bad(&p, "frequencies"))?;
        let start = spell.len();
        for (w, c) in word_list(ws).iter().zip(df.bytes()) {
            let b = super::encode::char_value(c).ok_or_else(|| bad(&p, "frequency"))?;
            spell.push((w.to_string(), b as u8));
        }
        spell_chunks.push(Chunk {
            start,
            end: spell.len(),
        });
    }
    Ok((spell, spell_chunks))
}
