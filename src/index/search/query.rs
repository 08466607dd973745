//! The query logic of the browser client, mirrored in Rust: parsing (phrases, hyphenated words,
//! synonyms), word expansion (as you type, related forms, one-letter misspellings), scoring
//! (every clause, then some), facet filters and counts, sorts, phrases. Tests and the benchmark use it; keep it
//! in step with the client (`assets/search/`).

use std::cmp::Ordering;

use unicode_normalization::char::is_combining_mark;

use super::files::{
    PARTIAL_BELOW, PREFIX_MAX_CHUNKS, PREFIX_MAX_WORDS, PREFIX_MIN_CHARS, RELATED_WEIGHT,
    SPELL_MAX_CHUNKS, SYNONYM_WEIGHT, TYPO_MAX_WORDS, TYPO_WEIGHT,
};
use super::index::SearchIndex;
use super::synonyms;
use super::text::{is_stop_word, one_edit, root, tokens, words, Token, RELATED_MIN_CHARS};

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
pub(crate) struct QueryTerm {
    pub(crate) word: String,
    /// The last word, still being typed: matches every dictionary word it begins.
    pub(crate) prefix: bool,
}

/// One way a clause can be met: every word, with a weight (1 for what was typed).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Alternative {
    pub(crate) words: Vec<QueryTerm>,
    pub(crate) weight: f64,
}

/// One thing the query asks for: a word, a hyphenated word (whole or by its parts) or a phrase
/// of the synonym list (as typed, or as one of its synonyms). A document meets a clause when
/// it meets one of its alternatives; its score for the clause is the best alternative's.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Clause {
    /// As typed, for messages (`co-sleeping`, `safe sleep`).
    pub(crate) text: String,
    pub(crate) alts: Vec<Alternative>,
    /// Inside quotes: the words themselves only (the phrase is checked against the text).
    pub(crate) exact: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ParsedQuery {
    pub(crate) clauses: Vec<Clause>,
    /// Quoted phrases, as folded words (stop words kept).
    pub(crate) phrases: Vec<Vec<String>>,
}

fn term(word: &str) -> QueryTerm {
    QueryTerm {
        word: word.to_string(),
        prefix: false,
    }
}

/// The ways a run of tokens is met: its words, a hyphenated word joined (`cosleeping`); and,
/// when it has a hyphenated word, its words with that word's parts (`co`, `sleeping`).
fn alternatives(toks: &[Token], weight: f64) -> Vec<Alternative> {
    let mut out = vec![Alternative {
        words: toks.iter().map(|t| term(&t.joined())).collect(),
        weight,
    }];
    if toks.iter().any(|t| t.parts.len() > 1) {
        out.push(Alternative {
            words: toks
                .iter()
                .flat_map(|t| t.parts.iter())
                .filter(|p| !is_stop_word(p))
                .map(|p| term(p))
                .collect(),
            weight,
        });
    }
    out
}

fn token_text(toks: &[Token]) -> String {
    toks.iter()
        .map(|t| t.parts.join("-"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Split the query as the client does: quoted phrases (closed quotes only); outside quotes, the
/// words without stop words, the longest run of them that is an entry of the synonym list
/// becoming one clause with that entry's synonyms as alternatives, and a hyphenated word one
/// clause found whole or by its parts; the last word is a prefix while it is being typed (the
/// query ends in a letter or digit outside quotes and the word has 3 letters or more).
pub(crate) fn parse_query(text: &str) -> ParsedQuery {
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
    // The clause made from the last token outside quotes, while nothing follows it.
    let mut last: Option<usize> = None;
    let add = |pq: &mut ParsedQuery, c: Clause| -> Option<usize> {
        if pq.clauses.iter().any(|x| x.text == c.text) {
            return None;
        }
        pq.clauses.push(c);
        Some(pq.clauses.len() - 1)
    };
    for (i, seg) in segments.iter().enumerate() {
        let inside = i % 2 == 1 && i < closed;
        if inside {
            let ws: Vec<String> = words(seg);
            if !ws.is_empty() {
                pq.phrases.push(ws.clone());
            }
            for w in ws.iter().filter(|w| !is_stop_word(w)) {
                add(
                    &mut pq,
                    Clause {
                        text: w.clone(),
                        alts: vec![Alternative {
                            words: vec![term(w)],
                            weight: 1.0,
                        }],
                        exact: true,
                    },
                );
            }
            last = None;
            continue;
        }
        let all = tokens(seg);
        let ends_in_stop = all
            .last()
            .is_some_and(|t| t.parts.len() == 1 && is_stop_word(&t.parts[0]));
        let toks: Vec<Token> = all
            .into_iter()
            .filter(|t| !(t.parts.len() == 1 && is_stop_word(&t.parts[0])))
            .collect();
        last = None;
        let mut j = 0;
        while j < toks.len() {
            let (len, groups) = synonym_at(&toks[j..]).unwrap_or((1, Vec::new()));
            let typed = &toks[j..j + len];
            let mut alts = alternatives(typed, 1.0);
            for gi in groups {
                alts.push(Alternative {
                    words: vec![term(&synonyms::concept_word(gi))],
                    weight: SYNONYM_WEIGHT,
                });
            }
            let clause = Clause {
                text: token_text(typed),
                alts,
                exact: false,
            };
            last = add(&mut pq, clause);
            j += len;
        }
        if ends_in_stop {
            last = None;
        }
    }
    // The last segment is always outside quotes (an unclosed quote counts as outside).
    if ends_in_word {
        if let Some(ci) = last.filter(|&ci| ci + 1 == pq.clauses.len()) {
            for alt in pq.clauses[ci].alts.iter_mut().filter(|a| a.weight == 1.0) {
                if let Some(w) = alt.words.last_mut() {
                    if w.word.chars().count() >= PREFIX_MIN_CHARS {
                        w.prefix = true;
                    }
                }
            }
        }
    }
    pq
}

/// The longest entry of the synonym list that `toks` starts with: its length in tokens and the
/// groups that hold it.
fn synonym_at(toks: &[Token]) -> Option<(usize, Vec<usize>)> {
    let mut best: Option<(usize, Vec<usize>)> = None;
    for (gi, g) in synonyms::groups().iter().enumerate() {
        for e in g {
            let k = e.len();
            if k > toks.len() || best.as_ref().is_some_and(|b| b.0 > k) {
                continue;
            }
            if synonyms::key(e) != synonyms::key(&toks[..k]) {
                continue;
            }
            if best.as_ref().is_none_or(|b| b.0 < k) {
                best = Some((k, Vec::new()));
            }
            let groups = &mut best.as_mut().expect("set above").1;
            if !groups.contains(&gi) {
                groups.push(gi);
            }
        }
    }
    best
}

#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    /// Doc ids in result order: first those that meet every clause, then (while fewer than
    /// [`PARTIAL_BELOW`] do) those that meet some.
    pub ids: Vec<u32>,
    /// Score per result (same order as `ids`).
    pub scores: Vec<f64>,
    /// How many of `ids` meet every clause (the rest meet some).
    pub full: usize,
    /// Per facet (same order as [`SearchIndex::facets`]): count per value.
    pub facet_counts: Vec<Vec<u32>>,
    /// Clauses (as typed) that match nothing: left out of the search and named.
    pub unmatched: Vec<String>,
    /// When nothing matches: facet id → results if that facet's filter were removed.
    pub relax: Vec<(String, usize)>,
    /// Term chunks the client loads for this query.
    pub chunks: Vec<usize>,
    /// Spelling chunks the client loads for this query.
    pub spell_chunks: Vec<usize>,
    /// Surface words to highlight.
    pub highlight: Vec<String>,
}

/// What one query word stands for: (stem, weight) pairs.
type Resolved = Vec<(u32, f64)>;

impl SearchIndex {
    /// The stems a query word stands for: the word itself (weight 1); while it is typed, the
    /// words it begins; the words sharing its root ([`root`]), below it; and when nothing at
    /// all is found, the most common words one letter away ([`one_edit`]).
    fn resolve(&self, t: &QueryTerm, exact_only: bool, res: &mut SearchResults) -> Resolved {
        let mut stems: Resolved = Vec::new();
        let (found, hl) = self.lookup(&t.word, &mut res.chunks);
        if let Some(s) = found {
            stems.push((s, 1.0));
            res.highlight.extend(hl);
        }
        if exact_only {
            return stems;
        }
        let mut more: Vec<(&str, u32)> = Vec::new();
        if t.prefix {
            more.extend(self.with_prefix(&t.word, &mut res.chunks));
        }
        if let Some(r) = root(&t.word) {
            for c in self.with_prefix(&r, &mut res.chunks) {
                if !more.contains(&c) {
                    more.push(c);
                }
            }
        }
        self.add_candidates(more, RELATED_WEIGHT, &mut stems, res);
        if stems.is_empty() {
            for w in self.typos(&t.word, &mut res.spell_chunks) {
                let (found, hl) = self.lookup(&w, &mut res.chunks);
                if let Some(s) = found {
                    if !stems.iter().any(|x| x.0 == s) {
                        stems.push((s, TYPO_WEIGHT));
                    }
                    res.highlight.extend(hl);
                }
            }
        }
        stems
    }

    /// Add prefix candidates, most frequent first, at `weight` (stems not already there).
    fn add_candidates<'a>(
        &'a self,
        mut cands: Vec<(&'a str, u32)>,
        weight: f64,
        stems: &mut Resolved,
        res: &mut SearchResults,
    ) {
        // Most frequent words first (document frequency, then dictionary order).
        cands.sort_by(|a, b| {
            let (da, db) = (
                self.postings[a.1 as usize].len(),
                self.postings[b.1 as usize].len(),
            );
            db.cmp(&da).then_with(|| super::index::js_cmp(a.0, b.0))
        });
        cands.truncate(PREFIX_MAX_WORDS);
        for (w, s) in cands {
            res.highlight.push(w.to_string());
            if !stems.iter().any(|x| x.0 == s) {
                stems.push((s, weight));
            }
        }
    }

    /// The word's stem if the dictionary holds it, and the surface words of that stem in its
    /// chunk (to highlight).
    fn lookup(&self, word: &str, chunks: &mut Vec<usize>) -> (Option<u32>, Vec<String>) {
        let i0 = self.chunk_for(word);
        push_unique(chunks, i0);
        let c = &self.chunks[i0];
        let found = self.words[c.start..c.end]
            .iter()
            .find(|(w, _)| w == word)
            .map(|x| x.1);
        let hl = match found {
            // A synonym group: the words of its entries (`safer sleep` for `safe sleep`).
            Some(_) if word.starts_with('\u{1}') => {
                synonyms::concept_highlights(word).unwrap_or_default()
            }
            Some(s) => self.words[c.start..c.end]
                .iter()
                .filter(|(_, ws)| *ws == s)
                .map(|(w, _)| w.clone())
                .collect(),
            None => Vec::new(),
        };
        (found, hl)
    }

    /// Dictionary words that begin with `prefix` (within [`PREFIX_MAX_CHUNKS`] chunks).
    fn with_prefix(&self, prefix: &str, chunks: &mut Vec<usize>) -> Vec<(&str, u32)> {
        let keys = &self.keys;
        let i0 = self.chunk_for(prefix);
        let mut i1 = i0;
        while i1 + 1 < keys.len()
            && keys[i1 + 1].starts_with(prefix)
            && i1 + 1 < i0 + PREFIX_MAX_CHUNKS
        {
            i1 += 1;
        }
        let mut out = Vec::new();
        for ci in i0..=i1 {
            push_unique(chunks, ci);
            let c = &self.chunks[ci];
            for (w, s) in &self.words[c.start..c.end] {
                if w.starts_with(prefix) {
                    out.push((w.as_str(), *s));
                }
            }
        }
        out
    }

    /// Words of the spelling list one letter away from `word` (same first two letters), the
    /// most common first, at most [`TYPO_MAX_WORDS`].
    fn typos(&self, word: &str, spell_chunks: &mut Vec<usize>) -> Vec<String> {
        if word.chars().count() < RELATED_MIN_CHARS || !word.chars().all(char::is_alphabetic) {
            return Vec::new();
        }
        let head: String = word.chars().take(2).collect();
        let keys = &self.spell_keys;
        let i0 = self.spell_chunk_for(&head);
        let mut i1 = i0;
        while i1 + 1 < keys.len()
            && keys[i1 + 1].starts_with(&head)
            && i1 + 1 < i0 + SPELL_MAX_CHUNKS
        {
            i1 += 1;
        }
        let mut cands: Vec<(&str, u8)> = Vec::new();
        for ci in i0..=i1 {
            push_unique(spell_chunks, ci);
            let c = &self.spell_chunks[ci];
            for (w, df) in &self.spell[c.start..c.end] {
                if w.starts_with(&head) && one_edit(word, w) {
                    cands.push((w, *df));
                }
            }
        }
        cands.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| super::index::js_cmp(a.0, b.0)));
        cands
            .into_iter()
            .take(TYPO_MAX_WORDS)
            .map(|c| c.0.to_string())
            .collect()
    }

    /// Each document's best score for one word: its best stem's impact times that stem's weight.
    fn word_scores(&self, stems: &Resolved) -> Vec<f64> {
        let mut best = vec![0.0f64; self.docs.len()];
        for &(s, wgt) in stems {
            for &(d, imp) in &self.postings[s as usize] {
                let v = wgt * self.impact_table[imp as usize];
                if v > best[d as usize] {
                    best[d as usize] = v;
                }
            }
        }
        best
    }

    /// Each document's score for a clause (0 when it does not meet the clause): its best
    /// alternative's, an alternative scoring its weight times the sum of its words' scores
    /// when every word is there.
    fn clause_scores(
        &self,
        c: &Clause,
        cache: &mut Vec<((QueryTerm, bool), Vec<f64>)>,
        res: &mut SearchResults,
    ) -> Vec<f64> {
        let n = self.docs.len();
        let mut out = vec![0.0f64; n];
        for alt in &c.alts {
            let mut sum = vec![0.0f64; n];
            let mut all = vec![true; n];
            for w in &alt.words {
                let pos = match cache.iter().position(|x| x.0 .0 == *w && x.0 .1 == c.exact) {
                    Some(p) => p,
                    None => {
                        let stems = self.resolve(w, c.exact, res);
                        cache.push(((w.clone(), c.exact), self.word_scores(&stems)));
                        cache.len() - 1
                    }
                };
                let ws = &cache[pos].1;
                for d in 0..n {
                    if ws[d] > 0.0 {
                        sum[d] += ws[d];
                    } else {
                        all[d] = false;
                    }
                }
            }
            for d in 0..n {
                if all[d] && !alt.words.is_empty() {
                    let v = alt.weight * sum[d];
                    if v > out[d] {
                        out[d] = v;
                    }
                }
            }
        }
        out
    }

    /// Run a query as the client does (phrases checked against every candidate's text here;
    /// the client checks them as it shows results).
    pub fn search(&self, q: &Query) -> SearchResults {
        let pq = parse_query(&q.text);
        let mut res = SearchResults::default();
        let has_query = !pq.clauses.is_empty();
        let (score, full) = self.text_match(&pq, &mut res);
        let mut matched = self.filtered(q, &score, &mut res);

        let sort = match q.sort {
            Sort::Default if has_query => Sort::Relevance,
            Sort::Default => Sort::Newest,
            s => s,
        };
        let dated = self.dated as u32;
        // Documents that meet every clause first, then those that meet some.
        let group = |d: u32| u8::from(!full[d as usize]);
        match sort {
            Sort::Relevance => matched.sort_by(|&a, &b| {
                group(a).cmp(&group(b)).then(
                    score[b as usize]
                        .partial_cmp(&score[a as usize])
                        .unwrap_or(Ordering::Equal)
                        .then(a.cmp(&b)),
                )
            }),
            Sort::Newest | Sort::Default => matched.sort_by_key(|&d| (group(d), d)),
            Sort::Oldest => matched
                .sort_by_key(|&d| (group(d), if d < dated { (0, dated - d) } else { (1, d) })),
        }
        res.full = matched.iter().filter(|&&d| full[d as usize]).count();
        res.scores = matched
            .iter()
            .map(|&d| score[d as usize].unwrap_or(0.0))
            .collect();
        res.ids = matched;
        res
    }

    /// Text match: score per doc, or None; and whether it meets every clause.
    fn text_match(
        &self,
        pq: &ParsedQuery,
        res: &mut SearchResults,
    ) -> (Vec<Option<f64>>, Vec<bool>) {
        let n = self.docs.len();
        let has_query = !pq.clauses.is_empty();
        let mut score: Vec<Option<f64>> = vec![if has_query { None } else { Some(0.0) }; n];
        let mut full = vec![!has_query; n];
        if has_query {
            let mut cache: Vec<((QueryTerm, bool), Vec<f64>)> = Vec::new();
            let mut acc = vec![0.0f64; n];
            let mut hits = vec![0usize; n];
            let mut live = 0usize;
            for c in &pq.clauses {
                let cs = self.clause_scores(c, &mut cache, res);
                if cs.iter().all(|&v| v == 0.0) {
                    res.unmatched.push(c.text.clone());
                    continue;
                }
                live += 1;
                for d in 0..n {
                    if cs[d] > 0.0 {
                        acc[d] += cs[d];
                        hits[d] += 1;
                    }
                }
            }
            let nfull = hits.iter().filter(|&&h| live > 0 && h == live).count();
            let with_partial = nfull < PARTIAL_BELOW;
            for d in 0..n {
                if live > 0 && hits[d] == live {
                    score[d] = Some(acc[d]);
                    full[d] = true;
                } else if with_partial && hits[d] > 0 {
                    score[d] = Some(acc[d]);
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
        (score, full)
    }

    /// The documents with a text match that pass every filter, in doc id order; the facet
    /// counts, and (when none pass) how many each filter's removal would bring back.
    fn filtered(&self, q: &Query, score: &[Option<f64>], res: &mut SearchResults) -> Vec<u32> {
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
        matched
    }

    /// True when the document's title or text, or one of its labels or their other names,
    /// holds the phrase's words in a row (a phrase word also matches its possessive, `child` ~
    /// `child's`).
    pub(crate) fn has_phrase(&self, doc: usize, phrase: &[String]) -> bool {
        if phrase.is_empty() {
            return true;
        }
        for f in &self.facets {
            for &v in &f.doc_values[doc] {
                let (_, label) = &f.values[v as usize];
                let names = std::iter::once(label).chain(&f.aliases[v as usize]);
                if names.into_iter().any(|l| phrase_in(&words(l), phrase)) {
                    return true;
                }
            }
        }
        let d = &self.docs[doc];
        let mut toks = words(&d.title);
        toks.extend(words(&super::index::inflate_text(&d.z)));
        phrase_in(&toks, phrase)
    }
}

/// True when `toks` holds the phrase's words in a row (a phrase word also matches its
/// possessive).
fn phrase_in(toks: &[String], phrase: &[String]) -> bool {
    toks.windows(phrase.len()).any(|win| {
        win.iter().zip(phrase).all(|(t, p)| {
            t == p || (t.len() == p.len() + 2 && t.starts_with(p.as_str()) && t.ends_with("'s"))
        })
    })
}

fn push_unique(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}
