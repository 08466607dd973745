//! The query logic of the browser client, mirrored in Rust: parsing, prefix expansion, AND,
//! scoring, facet filters and counts, sorts, phrases. Tests and the benchmark use it; keep it
//! in step with `assets/search.js`.

use std::cmp::Ordering;

use unicode_normalization::char::is_combining_mark;

use super::files::{record_path, text_path, PREFIX_MAX_CHUNKS, PREFIX_MAX_WORDS, PREFIX_MIN_CHARS};
use super::index::SearchIndex;
use super::text::{is_stop_word, words};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Relevance with a query; newest without one.
    #[default]
    Default,
    Relevance,
    Newest,
    Oldest,
}

/// What the search page's URL holds.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub text: String,
    /// Facet id (`kind`, `review_type`, `theme`, `abuse_type`, `methodology`, `board`) → slugs.
    pub filters: Vec<(String, Vec<String>)>,
    pub year_from: Option<i32>,
    pub year_to: Option<i32>,
    pub sort: Sort,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    pub word: String,
    /// The last word, still being typed: matches every dictionary word it begins.
    pub prefix: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    pub terms: Vec<QueryTerm>,
    /// Quoted phrases, as folded words (stop words kept).
    pub phrases: Vec<Vec<String>>,
}

/// Split the query: quoted phrases (closed quotes only), words without stop words, and whether
/// the last word is a prefix (the query ends in a letter or digit outside quotes).
pub fn parse_query(text: &str) -> ParsedQuery {
    let mut pq = ParsedQuery::default();
    let segments: Vec<&str> = text.split('"').collect();
    let closed = if segments.len() % 2 == 1 {
        segments.len()
    } else {
        segments.len() - 1
    };
    let ends_in_word = text
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || is_combining_mark(c));
    let mut last_outside_word: Option<usize> = None;
    for (i, seg) in segments.iter().enumerate() {
        let inside = i % 2 == 1 && i < closed;
        let ws: Vec<String> = words(seg);
        if inside {
            if !ws.is_empty() {
                pq.phrases.push(ws.clone());
            }
            last_outside_word = None;
        }
        for w in ws {
            if is_stop_word(&w) {
                if !inside {
                    last_outside_word = None;
                }
                continue;
            }
            if !pq.terms.iter().any(|t| t.word == w) {
                pq.terms.push(QueryTerm {
                    word: w,
                    prefix: false,
                });
                if !inside {
                    last_outside_word = Some(pq.terms.len() - 1);
                }
            } else if !inside {
                last_outside_word = None;
            }
        }
    }
    // The last segment is always outside quotes (an unclosed quote counts as outside).
    if ends_in_word {
        if let Some(i) = last_outside_word {
            if i == pq.terms.len() - 1 && pq.terms[i].word.chars().count() >= PREFIX_MIN_CHARS {
                pq.terms[i].prefix = true;
            }
        }
    }
    pq
}

#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    /// Doc ids in result order.
    pub ids: Vec<u32>,
    /// Score per result (same order as `ids`).
    pub scores: Vec<f64>,
    /// Per facet (same order as [`SearchIndex::facets`]): count per value.
    pub facet_counts: Vec<Vec<u32>>,
    /// Query words that match nothing.
    pub unmatched: Vec<String>,
    /// When nothing matches: facet id → results if that facet's filter were removed.
    pub relax: Vec<(String, usize)>,
    /// Term chunks the client loads for this query.
    pub chunks: Vec<usize>,
    /// Surface words to highlight.
    pub highlight: Vec<String>,
}

struct Resolved {
    /// (stem, weight)
    stems: Vec<(u32, f64)>,
}

impl SearchIndex {
    /// Stems a query word stands for. A finished word that is not in the dictionary (the
    /// client has no stemmer) is tried as a prefix, then without a common English ending.
    fn resolve(&self, t: &QueryTerm, chunks: &mut Vec<usize>, hl: &mut Vec<String>) -> Resolved {
        let r = self.resolve_one(t, chunks, hl);
        if !r.stems.is_empty() || t.prefix {
            return r;
        }
        for fallback in fallbacks(&t.word) {
            let r = self.resolve_one(
                &QueryTerm {
                    word: fallback,
                    prefix: true,
                },
                chunks,
                hl,
            );
            if !r.stems.is_empty() {
                return r;
            }
        }
        r
    }

    fn resolve_one(
        &self,
        t: &QueryTerm,
        chunks: &mut Vec<usize>,
        hl: &mut Vec<String>,
    ) -> Resolved {
        let keys = self.chunk_keys();
        let i0 = self.chunk_for(&t.word);
        if !t.prefix {
            push_unique(chunks, i0);
            let c = &self.chunks[i0];
            let found = self.words[c.start..c.end]
                .iter()
                .find(|(w, _)| *w == t.word)
                .map(|x| x.1);
            return match found {
                Some(s) => {
                    for (w, ws) in &self.words[c.start..c.end] {
                        if *ws == s {
                            hl.push(w.clone());
                        }
                    }
                    Resolved {
                        stems: vec![(s, 1.0)],
                    }
                }
                None => Resolved { stems: vec![] },
            };
        }
        let mut i1 = i0;
        while i1 + 1 < keys.len()
            && keys[i1 + 1].starts_with(t.word.as_str())
            && i1 + 1 < i0 + PREFIX_MAX_CHUNKS
        {
            i1 += 1;
        }
        let mut cands: Vec<(&str, u32)> = Vec::new();
        for ci in i0..=i1 {
            push_unique(chunks, ci);
            let c = &self.chunks[ci];
            for (w, s) in &self.words[c.start..c.end] {
                if w.starts_with(t.word.as_str()) {
                    cands.push((w, *s));
                }
            }
        }
        let exact = cands.iter().find(|c| c.0 == t.word).map(|c| c.1);
        // Most frequent words first (document frequency, then dictionary order).
        cands.sort_by(|a, b| {
            let (da, db) = (
                self.postings[a.1 as usize].len(),
                self.postings[b.1 as usize].len(),
            );
            db.cmp(&da).then_with(|| super::index::js_cmp(a.0, b.0))
        });
        cands.truncate(PREFIX_MAX_WORDS);
        let mut stems: Vec<(u32, f64)> = Vec::new();
        if let Some(e) = exact {
            stems.push((e, 1.0));
        }
        for (w, s) in cands {
            hl.push(w.to_string());
            if !stems.iter().any(|x| x.0 == s) {
                stems.push((s, if Some(s) == exact { 1.0 } else { 0.5 }));
            }
        }
        Resolved { stems }
    }

    /// Run a query as the client does (phrases checked against every candidate's text here;
    /// the client checks them as it shows results).
    pub fn search(&self, q: &Query) -> SearchResults {
        let n = self.docs.len();
        let pq = parse_query(&q.text);
        let mut res = SearchResults::default();
        let has_query = !pq.terms.is_empty();

        // Text match: score per doc, or None.
        let mut score: Vec<Option<f64>> = vec![if has_query { None } else { Some(0.0) }; n];
        if has_query {
            let mut acc = vec![0.0f64; n];
            let mut hits = vec![0usize; n];
            for t in &pq.terms {
                let r = self.resolve(t, &mut res.chunks, &mut res.highlight);
                if r.stems.is_empty() {
                    res.unmatched.push(t.word.clone());
                    continue;
                }
                let mut best = vec![0.0f64; n];
                for &(s, wgt) in &r.stems {
                    for &(d, imp) in &self.postings[s as usize] {
                        let v = wgt * self.impact_table[imp as usize];
                        if v > best[d as usize] {
                            best[d as usize] = v;
                        }
                    }
                }
                for d in 0..n {
                    if best[d] > 0.0 {
                        acc[d] += best[d];
                        hits[d] += 1;
                    }
                }
            }
            if res.unmatched.is_empty() {
                for d in 0..n {
                    if hits[d] == pq.terms.len() {
                        score[d] = Some(acc[d]);
                    }
                }
            }
            if !pq.phrases.is_empty() {
                for (d, s) in score.iter_mut().enumerate() {
                    if s.is_some() && !pq.phrases.iter().all(|p| self.has_phrase(d, p)) {
                        *s = None;
                    }
                }
            }
        }

        // Filters: per facet, the selected value indexes (None = no filter on that facet).
        let mut sel: Vec<Option<Vec<u32>>> = vec![None; self.facets.len()];
        for (fi, f) in self.facets.iter().enumerate() {
            if f.id == "year" {
                continue;
            }
            if let Some((_, slugs)) = q.filters.iter().find(|(id, _)| id == f.id) {
                let ix: Vec<u32> = slugs
                    .iter()
                    .filter_map(|s| f.values.iter().position(|v| &v.0 == s).map(|p| p as u32))
                    .collect();
                // Values this index does not know (an old shared link) are ignored.
                if !ix.is_empty() {
                    sel[fi] = Some(ix);
                }
            }
        }
        let year_fi = self.facets.iter().position(|f| f.id == "year");
        let year_range = q.year_from.is_some() || q.year_to.is_some();
        let passes = |fi: usize, d: usize| -> bool {
            let f = &self.facets[fi];
            if Some(fi) == year_fi {
                if !year_range {
                    return true;
                }
                let y = f.doc_values[d]
                    .first()
                    .and_then(|&i| f.values[i as usize].0.parse::<i32>().ok());
                return match y {
                    None => false,
                    Some(y) => {
                        q.year_from.is_none_or(|a| y >= a) && q.year_to.is_none_or(|b| y <= b)
                    }
                };
            }
            match &sel[fi] {
                None => true,
                Some(ix) => f.doc_values[d].iter().any(|v| ix.contains(v)),
            }
        };
        let nf = self.facets.len();
        res.facet_counts = self
            .facets
            .iter()
            .map(|f| vec![0u32; f.values.len()])
            .collect();
        let mut relax_counts = vec![0usize; nf];
        let mut matched: Vec<u32> = Vec::new();
        for (d, s) in score.iter().enumerate() {
            if s.is_none() {
                continue;
            }
            let failing: Vec<usize> = (0..nf).filter(|&fi| !passes(fi, d)).collect();
            match failing.len() {
                0 => {
                    matched.push(d as u32);
                    for (fi, f) in self.facets.iter().enumerate() {
                        for &v in &f.doc_values[d] {
                            res.facet_counts[fi][v as usize] += 1;
                        }
                    }
                }
                1 => {
                    let fi = failing[0];
                    relax_counts[fi] += 1;
                    for &v in &self.facets[fi].doc_values[d] {
                        res.facet_counts[fi][v as usize] += 1;
                    }
                }
                _ => {}
            }
        }
        if matched.is_empty() {
            for (fi, c) in relax_counts.iter().enumerate() {
                if *c > 0 {
                    res.relax.push((self.facets[fi].id.to_string(), *c));
                }
            }
        }

        let sort = match q.sort {
            Sort::Default if has_query => Sort::Relevance,
            Sort::Default => Sort::Newest,
            s => s,
        };
        let dated = self.dated as u32;
        match sort {
            Sort::Relevance => matched.sort_by(|&a, &b| {
                score[b as usize]
                    .partial_cmp(&score[a as usize])
                    .unwrap_or(Ordering::Equal)
                    .then(a.cmp(&b))
            }),
            Sort::Newest | Sort::Default => matched.sort_unstable(),
            Sort::Oldest => {
                matched.sort_by_key(|&d| if d < dated { (0, dated - d) } else { (1, d) })
            }
        }
        res.scores = matched
            .iter()
            .map(|&d| score[d as usize].unwrap_or(0.0))
            .collect();
        res.ids = matched;
        res
    }

    /// True when the document's title or text holds the phrase's words in a row (a phrase word
    /// also matches its possessive, `child` ~ `child's`).
    pub fn has_phrase(&self, doc: usize, phrase: &[String]) -> bool {
        let d = &self.docs[doc];
        let mut toks = words(&d.title);
        toks.extend(words(&super::index::inflate_text(&d.z)));
        if phrase.is_empty() {
            return true;
        }
        toks.windows(phrase.len()).any(|win| {
            win.iter().zip(phrase).all(|(t, p)| {
                t == p || (t.len() == p.len() + 2 && t.starts_with(p.as_str()) && t.ends_with("'s"))
            })
        })
    }

    /// Every file the client loads to show the first page of a query from a cold cache:
    /// manifest, facets, term chunks, the records of the first `records` results and the texts
    /// (excerpts) of the first `texts` results (the client loads texts as results come into view).
    pub fn first_query_files(&self, q: &Query, records: usize, texts: usize) -> Vec<String> {
        let r = self.search(q);
        let mut files = vec![
            "search/manifest.js".to_string(),
            "search/facets.js".to_string(),
        ];
        for c in &r.chunks {
            files.push(format!("search/terms/{c}.js"));
        }
        for (i, &d) in r.ids.iter().take(records).enumerate() {
            let rp = record_path(d as usize);
            if !files.contains(&rp) {
                files.push(rp);
            }
            if i < texts {
                files.push(text_path(d as usize));
            }
        }
        files
    }
}

/// Prefixes to try for a finished word missing from the dictionary: the word itself, then the
/// word without `'s`, `es`, `s`, `ed`, `ing` (at least [`PREFIX_MIN_CHARS`] left).
pub fn fallbacks(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if word.chars().count() >= PREFIX_MIN_CHARS {
        out.push(word.to_string());
    }
    for suffix in ["'s", "es", "s", "ed", "ing"] {
        if let Some(stripped) = word.strip_suffix(suffix) {
            if stripped.chars().count() >= PREFIX_MIN_CHARS {
                out.push(stripped.to_string());
            }
        }
    }
    out
}

fn push_unique(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}
