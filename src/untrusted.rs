//! One entry point per parser of untrusted text, for the fuzz targets in `fuzz/` and for the
//! regression tests of the inputs that once broke them (`tests/fuzz_regressions/`).
//!
//! Each function takes any text and returns normally: bad input is a message for the user,
//! never a panic. Each also checks what a user relies on (a diagnostic names a line and column
//! that exist in the file; rendered markdown carries no script; what is read back is what was
//! written) and returns [`Broken`] when that does not hold, so a fuzzer reports it as a crash.
//!
//! | function | what it runs |
//! |---|---|
//! | [`front_matter`] | `learnsite.yaml` settings, front-matter splitting, YAML and field checks |
//! | [`document`] | one document through a whole build: load → lint → gate → render → index → write |
//! | [`lint_text`] | the pseudonymisation lint on arbitrary text, as a body and as a whole file |
//! | [`search_query`] | the search query parser and the Rust mirror of the client's search |
//! | [`learning_index`] | the learning-index reader `collate` uses, then a whole collate in memory |

use crate::config::Config;
use crate::content::{self, Kind};
use crate::diagnostics::Diagnostic;
use crate::lint::Linter;
use std::path::Path;
use std::sync::OnceLock;

/// A broken promise found in the handling of some input (a bug, not a problem with the input).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Broken(pub String);

fn broken(what: impl Into<String>) -> Result<(), Broken> {
    Err(Broken(what.into()))
}

/// The settings every function uses (a board and region name, so the lint knows its area).
fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        Config::parse(
            "title: Fuzz Board Learning\nbase_url: https://learning.fuzz.example/\nboard: Fuzzshire Safeguarding Adults Board\nregion: North West\n",
            "learnsite.yaml",
        )
        .unwrap_or_else(|d| unreachable!("the fixed settings parse: {}", d.message))
    })
}

/// Every diagnostic names `file`, a line of `text` (or the line after its end, where a missing
/// closing line belongs) and a column in it, and renders without panicking.
fn check_places(diags: &[Diagnostic], file: &str, text: &str) -> Result<(), Broken> {
    let lines: Vec<&str> = text.split('\n').collect();
    for d in diags {
        let _ = d.render(false);
        if d.file != file {
            return broken(format!("{} names file `{}`, not `{file}`", d.code, d.file));
        }
        if d.line == 0 || d.line > lines.len() + 1 {
            return broken(format!(
                "{} names line {} of a file of {} lines",
                d.code,
                d.line,
                lines.len()
            ));
        }
        let width = lines
            .get(d.line - 1)
            .map(|l| l.trim_end_matches('\r').chars().count())
            .unwrap_or(0);
        if d.column == 0 || d.column > width + 1 {
            return broken(format!(
                "{} names column {} of line {}, which has {width} characters",
                d.code, d.column, d.line
            ));
        }
    }
    Ok(())
}

/// The site-relative path of a document of `kind`.
fn rel_path(kind: Kind) -> &'static str {
    match kind {
        Kind::Review => "content/reviews/fuzz.md",
        Kind::Briefing => "content/briefings/fuzz.md",
        Kind::LearningSummary => "content/learning-summaries/fuzz.md",
        Kind::Page => "content/fuzz.md",
    }
}

/// Parse `text` as `learnsite.yaml` and as the file of a document of each kind (front-matter
/// split, YAML, field types and values). Diagnostics must point inside the text.
pub fn front_matter(text: &str) -> Result<(), Broken> {
    if let Err(d) = Config::parse(text, "learnsite.yaml") {
        check_places(&[d], "learnsite.yaml", text)?;
    }
    if let Ok(split) = content::frontmatter::split(text, "fuzz.md") {
        if split.body_offset > text.len() || !text.is_char_boundary(split.body_offset) {
            return broken(format!(
                "body offset {} is not in the text",
                split.body_offset
            ));
        }
    }
    let config = config();
    let vocab = config.vocabularies();
    let root = Path::new("/site");
    for kind in [
        Kind::Review,
        Kind::Briefing,
        Kind::LearningSummary,
        Kind::Page,
    ] {
        let rel = rel_path(kind);
        let path = root.join(rel);
        match content::load::parse_document(root, &path, rel, text.to_string(), config, &vocab) {
            Ok((doc, warnings)) => {
                check_places(&warnings, rel, text)?;
                if doc.body_offset > text.len() || !text.is_char_boundary(doc.body_offset) {
                    return broken("the document's body offset is not in the text");
                }
            }
            Err(errors) => {
                if errors.is_empty() {
                    return broken("a document was refused without a reason");
                }
                check_places(&errors, rel, text)?;
            }
        }
    }
    Ok(())
}

/// A linter with the fixed settings and a small known-names file.
fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        Linter::with_settings(
            &["Fuzzshire Hospital".to_string()],
            &["Fuzzshire", "North West"],
            Some("Jane Fuzzington\n"),
        )
    })
}

/// Lint `text` as the body of a review summary, and as a whole file when it is one. Findings
/// must point inside the file.
pub fn lint_text(text: &str) -> Result<(), Broken> {
    let rel = rel_path(Kind::Review);
    let as_body = format!("---\ntitle: \"Review of Adult F\"\n---\n{text}");
    for source in [as_body.as_str(), text] {
        if let Ok(doc) = crate::lint::document_from_source(rel, source) {
            let (findings, _) = linter().lint_document(&doc);
            check_places(&findings, rel, source)?;
        }
    }
    Ok(())
}

/// Markup a sanitised page body never carries, whatever the author wrote.
const UNSAFE_MARKUP: [&str; 5] = ["<script", "<iframe", "javascript:", " onerror=", " onload="];

/// Build a one-document site whose document is `text` (as a review summary, a briefing, a
/// learning summary or a page, chosen by the text's length) into a scratch folder: every stage
/// of a real build. The build must succeed or refuse with diagnostics that point inside the
/// file, and a page made from the document carries no script.
pub fn document(text: &str) -> Result<(), Broken> {
    // A scratch site for this call only, removed after it.
    let site = std::env::temp_dir().join(format!("learnsite-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    let result = build_one(&site, text);
    let _ = std::fs::remove_dir_all(&site);
    result
}

fn build_one(site: &Path, text: &str) -> Result<(), Broken> {
    let settings = "title: Fuzz Board Learning\nbase_url: https://learning.fuzz.example/\nboard: Fuzzshire Safeguarding Adults Board\n";
    let made = std::fs::create_dir_all(site)
        .and_then(|()| std::fs::write(site.join(crate::config::CONFIG_FILE), settings));
    if made.is_err() {
        return broken("cannot make a scratch site in the temporary folder");
    }
    let kind = [
        Kind::Review,
        Kind::Briefing,
        Kind::LearningSummary,
        Kind::Page,
    ][text.len() % 4];
    let rel = rel_path(kind);
    let file = site.join(rel);
    let written = file
        .parent()
        .map(std::fs::create_dir_all)
        .and_then(Result::ok)
        .and_then(|()| std::fs::write(&file, text).ok());
    if written.is_none() {
        return broken(format!("cannot write {}", file.display()));
    }
    let mut opts = crate::site::BuildOptions::new(site);
    opts.out = Some(site.join("public"));
    opts.today = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default();
    match crate::site::build(&opts) {
        Ok(report) => {
            check_places(&report.diagnostics, rel, text)?;
            for e in walkdir::WalkDir::new(&report.out).into_iter().flatten() {
                let page = e.path().to_string_lossy();
                if !page.contains("fuzz") || !page.ends_with(".html") {
                    continue;
                }
                let html = std::fs::read_to_string(e.path()).unwrap_or_default();
                // The theme's own scripts sit outside <main>; the document's text inside it.
                let main = html
                    .split_once("<main")
                    .and_then(|(_, m)| m.split_once("</main>"))
                    .map(|(m, _)| m.to_ascii_lowercase())
                    .unwrap_or_default();
                if let Some(bad) = UNSAFE_MARKUP.iter().find(|m| main.contains(*m)) {
                    return broken(format!("{page} carries `{bad}` from the document"));
                }
            }
        }
        Err(crate::site::BuildError::Refused { diagnostics, .. }) => {
            let mine: Vec<Diagnostic> = diagnostics
                .into_iter()
                .filter(|d| d.file.starts_with("content/"))
                .collect();
            check_places(&mine, rel, text)?;
        }
        Err(e) => return broken(format!("the build failed outside the content: {e}")),
    }
    Ok(())
}

/// A small fixed search index of three documents.
fn search_index() -> &'static crate::index::search::SearchIndex {
    use crate::index::search::{SearchDoc, SearchIndex};
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let pair = |s: &str, l: &str| (s.to_string(), l.to_string());
        let docs = [
            ("reviews/adult-f/index.html", "Review of Adult F: self-neglect", "sar", "2024-03-01"),
            ("briefings/child-g/index.html", "7-minute briefing: the voice of the child", "cspr", "2023-11-20"),
            ("reviews/mr-h/index.html", "Domestic homicide review: Mr H", "dhr", "2022-07-09"),
        ]
        .map(|(url, title, rt, date)| SearchDoc {
            url: url.into(),
            title: title.into(),
            kind: "review".into(),
            kind_label: "Review summary".into(),
            summary: "Practitioners' professional curiosity and information sharing.".into(),
            headings: vec!["Findings".into(), "Areas for learning".into()],
            body: "The review found that agencies did not share risk; café naïve self-neglect hoarding co-sleeping.".into(),
            date: Some(date.into()),
            year: date.get(..4).and_then(|y| y.parse().ok()),
            board: Some("Fuzzshire Safeguarding Adults Board".into()),
            review_type: Some(pair(rt, rt)),
            themes: vec![pair("self-neglect", "Self-neglect"), pair("voice-of-the-child", "Voice of the child")],
            methodology: vec![pair("silp", "SILP")],
            abuse_types: vec![],
            person: vec![],
            reference: Some(format!("FZ-{}-{}", rt.to_uppercase(), &date[..4])),
        });
        SearchIndex::build(&docs)
    })
}

/// Parse `text` as a search query and run it, with and without filters and years taken from
/// it, against a small index. Results are documents of the index, each once.
pub fn search_query(text: &str) -> Result<(), Broken> {
    use crate::index::search::{parse_query, Query, Sort};
    let _ = parse_query(text);
    let ix = search_index();
    let year = |s: &str| {
        s.chars()
            .filter(char::is_ascii_digit)
            .take(4)
            .collect::<String>()
            .parse()
            .ok()
    };
    let queries = [
        Query {
            text: text.to_string(),
            ..Default::default()
        },
        Query {
            text: text.to_string(),
            filters: vec![(
                "theme".into(),
                text.split(' ').map(str::to_string).collect(),
            )],
            year_from: year(text),
            year_to: year(text).map(|y: i32| y.saturating_add(1)),
            sort: Sort::Oldest,
        },
    ];
    for q in &queries {
        let r = ix.search(q);
        let mut seen = std::collections::HashSet::new();
        for &id in &r.ids {
            if id as usize >= ix.docs.len() || !seen.insert(id) {
                return broken(format!(
                    "result {id} is not one document of the index, once"
                ));
            }
        }
        if r.scores.len() != r.ids.len() {
            return broken("a result without a score");
        }
    }
    Ok(())
}

/// Read `text` as a learning index as `collate` does. An index that is read must write back
/// to the same index, and collate into a regional site in memory.
pub fn learning_index(text: &str) -> Result<(), Broken> {
    use crate::index::learning::{parse_index, recommendations_csv, to_csv, to_json};
    let Ok(index) = parse_index(text) else {
        return Ok(());
    };
    let again = match parse_index(&to_json(&index)) {
        Ok(i) => i,
        Err(e) => return broken(format!("an index that was read does not read back: {e}")),
    };
    if again != index {
        return broken("an index written back reads differently");
    }
    let _ = to_csv(&index);
    let _ = recommendations_csv(&index);
    let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default();
    crate::collate::collate_in_memory(index, today)
        .map(|_| ())
        .or_else(|e| match e {
            crate::collate::CollateError::Template { .. } => {
                broken(format!("a regional page could not be made: {e}"))
            }
            _ => Ok(()),
        })
}
