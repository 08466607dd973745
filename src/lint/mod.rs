//! Lint: the pseudonymisation lint and the template checks.
//!
//! Linting is a pure function from a [`Document`] to findings; the only I/O is reading
//! the private known-names file when the [`Linter`] is set up. Each rule has a stable id
//! (see [`rules::RULES`]), a severity and a fix hint. Messages never contain the flagged
//! text: it travels in [`Diagnostic::text`] so that JSON and SARIF can mask it.
//!
//! ```text
//! source ──scan──▶ masked text + blocks ──rules──▶ hits ──suppress──▶ Diagnostics
//! ```

#[cfg(test)]
mod corpus;
pub(crate) mod names;
pub(crate) mod report;
pub(crate) mod rules;
pub(crate) mod scan;
pub(crate) mod suppress;

pub(crate) use report::{to_json, to_sarif};

/// Make the lint's word lists and gazetteer ready (once a process; they are built from the
/// data files the first time the lint needs them), so that a build can have it done while it
/// reads the documents instead of before it checks them.
pub(crate) fn prepare() {
    std::sync::LazyLock::force(&names::GAZETTEER);
}

use crate::config::Config;
use crate::content::Document;
use crate::diagnostics::{self, Diagnostic, Severity};
use names::{FastSet, KnownNames, Phrases};
use rayon::prelude::*;
use rules::Hit;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why the lint could not be set up.
#[derive(Debug, thiserror::Error)]
pub(crate) enum LintSetupError {
    #[error("the known-names file {} could not be read: {source}", path.display())]
    KnownNamesUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the known-names file {} is inside the site's {folder}/ folder, where it could be published; keep it outside content/ and static/ (for example beside learnsite.yaml, listed in .gitignore)", path.display())]
    KnownNamesInPublishedFolder { path: PathBuf, folder: &'static str },
}

/// A suppression comment found in a document (one per rule it names).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Suppression {
    pub file: String,
    /// 1-based line of the comment.
    pub line: usize,
    pub rule: String,
    pub reason: String,
    /// Did it suppress at least one finding?
    pub used: bool,
    /// Identifies the suppression within a report (links [`SuppressedFinding`]s to it).
    #[serde(skip)]
    pub id: usize,
}

/// A finding that a suppression comment allowed.
#[derive(Debug, Clone)]
pub(crate) struct SuppressedFinding {
    pub(crate) finding: Diagnostic,
    /// [`Suppression::id`] of the suppression that allowed it.
    pub(crate) suppression: usize,
    pub(crate) reason: String,
}

/// What linting a set of documents found.
#[derive(Debug, Default, Clone)]
pub(crate) struct LintReport {
    /// Findings in force (errors block publication; warnings do not).
    pub(crate) findings: Vec<Diagnostic>,
    /// Every suppression comment, used or not.
    pub(crate) suppressions: Vec<Suppression>,
    /// Findings allowed by a suppression comment (listed for auditors).
    pub(crate) suppressed: Vec<SuppressedFinding>,
    /// Absolute path of each document by its site-relative path (for non-relative output).
    pub(crate) paths: BTreeMap<String, PathBuf>,
}

/// Phrases and well-known public case names that are never a re-identifying name here.
#[rustfmt::skip]
const PUBLIC_CASES: &[&str] = &[
    "Arthur Labinjo-Hughes", "Star Hobson", "Victoria Climbié", "Victoria Climbie", "Peter Connelly", "Baby P",
    "Daniel Pelka", "Winterbourne View", "Whorlton Hall", "Cawston Park", "Mid Staffordshire", "Southern Health",
    "Munro review", "Laming", "Clare's Law", "Sarah's Law", "Helen's Law", "Joanna Simpson", "Connor Sparrowhawk",
    "Oliver McGowan", "Oliver McGowan Mandatory Training", "Thomas the Tank Engine", "Peppa Pig", "Harry Potter",
    "Winnie the Pooh", "Coronation Street", "Emmerdale", "EastEnders", "Doctor Who", "Father Christmas",
    "Santa Claus", "Averil Hart", "Ignoring the alarms", "Jane Monckton Smith", "Jane Monckton-Smith", "Monckton Smith",
    "Monckton-Smith", "Eileen Munro", "Michael Preston-Shoot", "Preston-Shoot", "Suzy Braye", "Marian Brandon",
    "Brandon and colleagues", "Dame Donna Ockenden", "Donna Ockenden", "Ockenden", "Bill Kirkup", "Kirkup",
    "Alexis Jay", "Louise Casey", "Josh MacAlister", "MacAlister", "Edward Timpson", "Timpson", "Robert Francis",
    "Lord Laming", "Bichard", "Sara Ryan", "Claire Dyer", "Sarah Everard",
];

/// The lint, set up for one site.
#[derive(Debug, Clone)]
pub struct Linter {
    /// Lower-case words never a person's name: the site's allow-list and the national bodies.
    allow_words: FastSet<String>,
    /// The site's own allow-list words (places, local services).
    site_allow_words: FastSet<String>,
    /// Lower-case words of the board and region names: the whole area, not a locating place.
    area_words: FastSet<String>,
    /// Lower-case allow-list phrases (for place and institution names).
    allow_phrases: Vec<String>,
    /// Phrases that protect every word in them (national bodies, public cases, allow-list).
    phrases: Phrases,
    known: KnownNames,
    /// A key of the settings above (what a linter was made from): two linters with the same
    /// key find the same in any document, so `serve` keeps a document's findings while it is
    /// unchanged ([`Linter::settings_key`]).
    settings_key: u128,
}

impl Default for Linter {
    fn default() -> Self {
        Linter::with_settings(&[], &[], None)
    }
}

impl Linter {
    /// Set the lint up for a site: the allow-list of `learnsite.yaml`, the board and region
    /// names, and the private known-names file (`known_names_override`, else `lint.known_names`),
    /// which must lie outside `content/` and `static/`.
    pub(crate) fn new(
        config: &Config,
        site_root: &Path,
        known_names_override: Option<&Path>,
    ) -> Result<Linter, LintSetupError> {
        // `--known-names FILE` is as typed (relative to the current folder); `lint.known_names`
        // in learnsite.yaml is relative to the site root.
        let known_path = match known_names_override {
            Some(p) => Some((p.to_path_buf(), p.to_path_buf())),
            None => config.lint.known_names.clone().map(|p| {
                let abs = if p.is_absolute() {
                    p.clone()
                } else {
                    site_root.join(&p)
                };
                (p, abs)
            }),
        };
        let known_text =
            match known_path {
                Some((p, abs)) => {
                    check_known_names_place(&abs, site_root)?;
                    Some(std::fs::read_to_string(&abs).map_err(|source| {
                        LintSetupError::KnownNamesUnreadable { path: p, source }
                    })?)
                }
                None => None,
            };
        let area: Vec<&str> = config
            .board
            .iter()
            .chain(config.region.iter())
            .map(String::as_str)
            .collect();
        Ok(Linter::with_settings(
            &config.lint.allow,
            &area,
            known_text.as_deref(),
        ))
    }

    /// A linter from explicit settings (for tests and tools): allow-list words or phrases,
    /// names of the board's area, and the text of a known-names file.
    pub fn with_settings(allow: &[String], area: &[&str], known_names: Option<&str>) -> Linter {
        let mut site_allow_words = FastSet::default();
        names::phrase_words(allow, &mut site_allow_words);
        let mut allow_words = site_allow_words.clone();
        let singles: Vec<&str> = names::NATIONAL_BODIES
            .iter()
            .copied()
            .filter(|p| !p.contains(' '))
            .collect();
        names::phrase_words(&singles, &mut allow_words);
        let mut area_words = FastSet::default();
        names::phrase_words(area, &mut area_words);
        // Generic words of a board's name ("safeguarding", "adults", "board") are not area names.
        area_words.retain(|w| names::GAZETTEER.class(w) & names::WORD == 0);
        let mut phrase_list: Vec<String> = names::NATIONAL_BODIES
            .iter()
            .map(|s| s.to_string())
            .collect();
        phrase_list.extend(PUBLIC_CASES.iter().map(|s| s.to_string()));
        phrase_list.extend(allow.iter().filter(|a| a.trim().contains(' ')).cloned());
        let phrases = Phrases::new(&phrase_list);
        let allow_phrases = allow
            .iter()
            .map(|a| a.trim().to_lowercase())
            .filter(|a| !a.is_empty())
            .collect();
        Linter {
            allow_words,
            site_allow_words,
            area_words,
            allow_phrases,
            phrases,
            known: known_names.map(KnownNames::parse).unwrap_or_default(),
            settings_key: {
                let mut h = crate::render::memo::KeyHasher::new();
                h.add(&(allow, area, known_names));
                h.finish()
            },
        }
    }

    /// What this linter was made from, as a key: see the field of that name.
    pub(crate) fn settings_key(&self) -> u128 {
        self.settings_key
    }

    #[cfg(test)]
    /// Number of names in the known-names file (0 when there is none).
    pub(crate) fn known_name_count(&self) -> usize {
        self.known.count
    }

    /// Lint every document (in parallel). Findings are sorted by file, line, column.
    /// Takes documents or references to them, so a build can lint what it would publish
    /// without copying it.
    pub(crate) fn lint_all<D: std::borrow::Borrow<Document> + Sync>(
        &self,
        docs: &[D],
    ) -> LintReport {
        let per_doc: Vec<(Vec<Diagnostic>, Vec<Suppression>, Vec<SuppressedFinding>)> = docs
            .par_iter()
            .map(|d| self.lint_document_full(d.borrow()))
            .collect();
        let mut report = LintReport::default();
        for d in docs {
            let d = d.borrow();
            report.paths.insert(d.rel_path.clone(), d.path.clone());
        }
        for (f, s, sf) in per_doc {
            let base = report.suppressions.len();
            report.findings.extend(f);
            report.suppressions.extend(s.into_iter().map(|mut x| {
                x.id += base;
                x
            }));
            report.suppressed.extend(sf.into_iter().map(|mut x| {
                x.suppression += base;
                x
            }));
        }
        diagnostics::sort(&mut report.findings);
        report
    }

    /// Lint one document: findings in force and the suppression comments.
    pub fn lint_document(&self, doc: &Document) -> (Vec<Diagnostic>, Vec<Suppression>) {
        let (f, s, _) = self.lint_document_full(doc);
        (f, s)
    }

    /// Lint one document: findings in force, suppression comments, and the findings they allowed.
    pub(crate) fn lint_document_full(
        &self,
        doc: &Document,
    ) -> (Vec<Diagnostic>, Vec<Suppression>, Vec<SuppressedFinding>) {
        let src = doc.source.as_str();
        let fm = if doc.front_matter_lines.0 >= 1
            && doc.front_matter_lines.1 >= doc.front_matter_lines.0
        {
            Some(doc.front_matter_lines)
        } else {
            None
        };
        let sc = scan::scan(src, fm, doc.body_offset);
        let mut pseudonym_words = FastSet::default();
        names::phrase_words(&doc.meta.pseudonyms, &mut pseudonym_words);
        let mut doc_words = pseudonym_words.clone();
        names::phrase_words(&doc.meta.agencies, &mut doc_words);
        let doc_phrases = Phrases::new(doc.meta.pseudonyms.iter().chain(doc.meta.agencies.iter()));
        let mut allowed_phrases = self.allow_phrases.clone();
        allowed_phrases.extend(doc.meta.agencies.iter().map(|a| a.trim().to_lowercase()));
        let ctx = DocCtx {
            text: &sc.text,
            scanned: &sc,
            allow_words: &self.allow_words,
            site_allow_words: &self.site_allow_words,
            area_words: &self.area_words,
            doc_words,
            pseudonym_words,
            allowed_phrases,
            phrases: &self.phrases,
            doc_phrases,
            known: &self.known,
        };
        let mut hits = Vec::new();
        rules::check(doc, &ctx, &mut hits);
        file_name(self, doc, &ctx, &mut hits);
        let hits = dedup(hits);
        self.place(doc, &sc, hits)
    }

    /// Turn hits into diagnostics and apply suppressions.
    fn place(
        &self,
        doc: &Document,
        sc: &scan::Scanned,
        hits: Vec<Hit>,
    ) -> (Vec<Diagnostic>, Vec<Suppression>, Vec<SuppressedFinding>) {
        let src = doc.source.as_str();
        let file = doc.rel_path.as_str();
        let parsed = suppress::parse(src, sc);
        let mut sups: Vec<Suppression> = Vec::new();
        let mut by_parsed: Vec<Vec<usize>> = Vec::new();
        let mut findings = Vec::new();
        for p in &parsed {
            let mut ids = Vec::new();
            if let Some(reason) = &p.reason {
                for r in &p.rules {
                    ids.push(sups.len());
                    sups.push(Suppression {
                        file: file.to_string(),
                        line: p.line,
                        rule: r.clone(),
                        reason: reason.clone(),
                        used: false,
                        id: sups.len(),
                    });
                }
            } else {
                let (l, c) = sc.line_col(src, p.start);
                let len = src[p.start..p.end].chars().count();
                findings.push(diag(
                    "lint/suppression-without-reason",
                    file,
                    l,
                    c,
                    len,
                    "this learnsite-allow comment gives no reason, so it does not allow anything",
                    None,
                    sc.line_text(src, l),
                ));
            }
            by_parsed.push(ids);
        }
        let mut suppressed = Vec::new();
        for h in hits {
            let (line, col) = sc.line_col(src, h.start);
            let end_byte = h.end.min(src.len());
            // Keep the span on one line.
            let line_end = src[h.start.min(end_byte)..end_byte]
                .find('\n')
                .map(|i| h.start + i)
                .unwrap_or(end_byte);
            let text = src.get(h.start..line_end).unwrap_or("").to_string();
            let len = text.chars().count();
            let d = diag(
                h.rule,
                file,
                line,
                col,
                len,
                &h.message,
                Some(text),
                sc.line_text(src, line),
            );
            let mut hit_sup = None;
            for (pi, p) in parsed.iter().enumerate() {
                if p.target == line
                    && p.reason.is_some()
                    && p.rules.iter().any(|r| suppress::covers(r, h.rule))
                {
                    if let Some(&sid) = by_parsed[pi]
                        .iter()
                        .find(|&&sid| suppress::covers(&sups[sid].rule, h.rule))
                    {
                        hit_sup = Some(sid);
                        break;
                    }
                }
            }
            match hit_sup {
                Some(sid) => {
                    sups[sid].used = true;
                    suppressed.push(SuppressedFinding {
                        finding: d,
                        suppression: sid,
                        reason: sups[sid].reason.clone(),
                    });
                }
                None => findings.push(d),
            }
        }
        for s in &sups {
            if !s.used {
                findings.push(diag(
                    "lint/unused-suppression",
                    file,
                    s.line,
                    1,
                    sc.line_text(src, s.line).chars().count(),
                    &format!(
                        "this learnsite-allow comment for {} suppresses nothing on the next line",
                        s.rule
                    ),
                    None,
                    sc.line_text(src, s.line),
                ));
            }
        }
        diagnostics::sort(&mut findings);
        (findings, sups, suppressed)
    }
}

#[allow(clippy::too_many_arguments)]
fn diag(
    rule: &str,
    file: &str,
    line: usize,
    col: usize,
    len: usize,
    message: &str,
    text: Option<String>,
    source_line: &str,
) -> Diagnostic {
    let info = rules::rule(rule);
    let sev = info.map(|r| r.severity).unwrap_or(Severity::Error);
    let mut d = Diagnostic::error(rule, file, line, col, message).with_len(len);
    d.source_line = Some(source_line.to_string());
    d.severity = sev;
    if let Some(i) = info {
        d = d.with_hint(i.hint);
    }
    d.text = text;
    d
}

/// Drop hits inside a wider hit of a more specific rule, and exact duplicates.
fn dedup(mut hits: Vec<Hit>) -> Vec<Hit> {
    fn rank(rule: &str) -> u8 {
        match rule {
            "pii/known-name" => 0,
            "pii/date-of-birth" => 1,
            "pii/nhs-number" | "pii/ni-number" | "pii/email" | "pii/phone" | "pii/postcode" => 2,
            "pii/address" | "pii/named-institution" => 3,
            "pii/jigsaw" => 4,
            "pii/age-with-place" => 5,
            "pii/exact-date" => 6,
            "pii/person-name" => 7,
            _ => 8,
        }
    }
    hits.sort_by(|a, b| {
        (a.start, rank(a.rule), std::cmp::Reverse(a.end)).cmp(&(
            b.start,
            rank(b.rule),
            std::cmp::Reverse(b.end),
        ))
    });
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    'next: for h in hits {
        if !h.rule.starts_with("pii/") {
            out.push(h);
            continue;
        }
        for o in out.iter_mut().rev().take(8) {
            if !o.rule.starts_with("pii/") {
                continue;
            }
            let overlap = h.start < o.end && o.start < h.end;
            if !overlap {
                continue;
            }
            if rank(o.rule) <= rank(h.rule) {
                continue 'next;
            }
            // The new hit is more specific: it replaces the older one.
            *o = h;
            continue 'next;
        }
        out.push(h);
    }
    out
}

/// A file name that holds a person's name (`content/reviews/karen-walsh.md`).
fn file_name(linter: &Linter, doc: &Document, ctx: &DocCtx, hits: &mut Vec<Hit>) {
    let _ = linter;
    let stem = doc
        .rel_path
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".md");
    let gz = &*names::GAZETTEER;
    // The page address is the slug when one is set, else the file name: read both.
    let slug = doc.meta.slug.as_deref().unwrap_or("");
    let split = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() >= 2)
            .map(str::to_lowercase)
            .collect()
    };
    let clear = |w: &str, bit: names::Class| {
        let c = gz.class(w);
        c & bit != 0
            && c & (names::WORD | names::AMBIGUOUS | names::NOT_NAME) == 0
            && !ctx.is_doc_word(w)
            && !ctx.allow_words.contains(w)
    };
    let mut flagged = None;
    for words in [split(stem), split(slug)] {
        for w in words.windows(2) {
            if clear(&w[0], names::FIRST_NAME) && clear(&w[1], names::SURNAME) {
                flagged = Some("pii/person-name");
            }
        }
    }
    if flagged.is_none() && !ctx.known.is_empty() {
        for w in split(stem).iter().chain(split(slug).iter()) {
            let is_word = gz.class(w) & (names::WORD | names::NOT_NAME) != 0;
            if let Some((exact, common)) = ctx.known.lookup(w, is_word) {
                if !exact || !common {
                    flagged = Some("pii/known-name");
                }
            }
        }
    }
    if let Some(rule) = flagged {
        // Point at the title line: the file name itself is not in the text.
        let s = doc.source.find("title:").unwrap_or(0);
        let e = (s + "title".len()).min(doc.source.len());
        hits.push(Hit::new(rule, s, e, "the file name or slug of this document looks like it contains a person's name (it appears in the page address)"));
    }
}

/// Where the known-names file may not be.
fn check_known_names_place(path: &Path, site_root: &Path) -> Result<(), LintSetupError> {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let p = canon(path);
    for folder in ["content", "static"] {
        let dir = canon(&site_root.join(folder));
        if p.starts_with(&dir) {
            return Err(LintSetupError::KnownNamesInPublishedFolder {
                path: path.to_path_buf(),
                folder,
            });
        }
    }
    Ok(())
}

/// What the rules see of one document.
pub(crate) struct DocCtx<'a> {
    /// The masked source (see [`scan`]).
    pub(crate) text: &'a str,
    pub(crate) scanned: &'a scan::Scanned,
    pub(crate) allow_words: &'a FastSet<String>,
    pub(crate) site_allow_words: &'a FastSet<String>,
    pub(crate) area_words: &'a FastSet<String>,
    /// Words of the document's pseudonyms and agencies.
    pub(crate) doc_words: FastSet<String>,
    /// Words of the document's pseudonyms only.
    pub(crate) pseudonym_words: FastSet<String>,
    /// Lower-case allow-list and agency phrases.
    pub(crate) allowed_phrases: Vec<String>,
    /// Phrases whose words are never a name: the site's and the document's.
    pub(crate) phrases: &'a Phrases,
    pub(crate) doc_phrases: Phrases,
    pub(crate) known: &'a KnownNames,
}

impl DocCtx<'_> {
    pub(crate) fn is_doc_word(&self, lower: &str) -> bool {
        self.doc_words.contains(lower)
    }
    pub(crate) fn is_pseudonym_word(&self, lower: &str) -> bool {
        self.pseudonym_words.contains(lower)
    }
}

/// Build a [`Document`] from the text of a file (front-matter and body), for tests, the
/// benchmark and tools that lint text outside a site. `rel_path` decides the kind
/// (`content/reviews/…` is a review summary).
pub fn document_from_source(rel_path: &str, source: &str) -> Result<Document, String> {
    use crate::content::{frontmatter, Kind, Meta};
    let split = frontmatter::split(source, rel_path).map_err(|d| d.message)?;
    let meta: Meta = serde_norway::from_str(split.yaml).map_err(|e| e.to_string())?;
    let mut parts = rel_path.split('/');
    let kind = match (parts.next(), parts.next(), parts.next()) {
        (Some("content"), Some(folder), Some(_)) => Kind::from_folder(folder),
        _ => Kind::Page,
    };
    let slug = rel_path
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".md")
        .to_string();
    Ok(Document {
        kind,
        slug: slug.clone(),
        rel_path: rel_path.to_string(),
        path: PathBuf::from(rel_path),
        source: source.to_string(),
        front_matter_lines: (split.yaml_line, split.yaml_end_line),
        body_offset: split.body_offset,
        body_line: split.body_line,
        title: meta.title.clone().unwrap_or_default(),
        meta,
        url: format!("{}/{slug}/", kind.section()),
    })
}

#[cfg(test)]
mod tests;
