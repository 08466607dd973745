//! What a build tells its user: the end-of-build table of what was published and what was
//! held back and why, and the errors that refuse a build.

use super::publish::Held;
use crate::config::LoadConfigError;
use crate::content::{self, Site};
use crate::diagnostics::Diagnostic;
use crate::render::templates;
use crate::write::WriteError;
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;

/// One line of the end-of-build table.
#[derive(Debug, Clone, Serialize)]
pub struct DocStatus {
    pub file: String,
    pub kind: &'static str,
    pub title: String,
    pub url: String,
    /// `None` when published.
    pub held: Option<Held>,
}

/// What a build did.
#[derive(Debug, Clone, Serialize)]
pub struct BuildReport {
    pub out: PathBuf,
    pub audience: &'static str,
    pub documents: Vec<DocStatus>,
    /// Warnings (errors make the build fail).
    pub diagnostics: Vec<Diagnostic>,
    pub files_written: usize,
}

impl BuildReport {
    /// The report of a build of `site` to `out`, before anything is written: every
    /// document's status (sorted by file), and the warnings among `diagnostics`.
    pub(crate) fn new(
        site: &Site,
        held: &HashMap<usize, Held>,
        out: PathBuf,
        audience: &'static str,
        diagnostics: &[Diagnostic],
    ) -> BuildReport {
        let mut documents: Vec<DocStatus> = site
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| DocStatus {
                file: d.rel_path.clone(),
                kind: d.kind.as_str(),
                title: d.title.clone(),
                url: d.url.clone(),
                held: held.get(&i).cloned(),
            })
            .collect();
        documents.sort_by(|a, b| a.file.cmp(&b.file));
        BuildReport {
            out,
            audience,
            documents,
            diagnostics: diagnostics
                .iter()
                .filter(|d| !d.is_error())
                .cloned()
                .collect(),
            files_written: 0,
        }
    }

    pub fn published(&self) -> impl Iterator<Item = &DocStatus> {
        self.documents.iter().filter(|d| d.held.is_none())
    }
    pub fn held(&self) -> impl Iterator<Item = &DocStatus> {
        self.documents.iter().filter(|d| d.held.is_some())
    }
    /// The table printed at the end of a build: what was published, held back and why.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let published: Vec<_> = self.published().collect();
        let held: Vec<_> = self.held().collect();
        s.push_str(&format!(
            "Published for {} readers: {} document{}\n",
            self.audience,
            published.len(),
            plural(published.len())
        ));
        let w = self
            .documents
            .iter()
            .map(|d| d.file.len())
            .max()
            .unwrap_or(0)
            .min(60);
        for d in &published {
            s.push_str(&format!("  published  {:w$}  {}\n", d.file, d.kind));
        }
        push_held(&mut s, &held, w);
        s
    }

    /// The table printed when a build is refused for `diagnostics`' errors: nothing was
    /// published, so it says what would be once they are fixed, and names every file with an
    /// error, including those whose front-matter could not be read (they are not documents
    /// of the site, so `table` would leave them out).
    pub fn refused_table(&self, diagnostics: &[Diagnostic]) -> String {
        let ready: Vec<_> = self.published().collect();
        let held: Vec<_> = self.held().collect();
        let mut with_errors: Vec<(&str, usize)> = Vec::new();
        for d in diagnostics.iter().filter(|d| d.is_error()) {
            match with_errors.iter_mut().find(|(f, _)| *f == d.file) {
                Some((_, n)) => *n += 1,
                None => with_errors.push((&d.file, 1)),
            }
        }
        with_errors.sort();
        let w = self
            .documents
            .iter()
            .map(|d| d.file.len())
            .chain(with_errors.iter().map(|(f, _)| f.len()))
            .max()
            .unwrap_or(0)
            .min(60);
        let mut s = String::new();
        if !with_errors.is_empty() {
            s.push_str(&format!(
                "To fix before anything is published: {} file{}\n",
                with_errors.len(),
                plural(with_errors.len())
            ));
            for (f, n) in &with_errors {
                s.push_str(&format!("  fix        {f:w$}  {n} error{}\n", plural(*n)));
            }
        }
        s.push_str(&format!(
            "Nothing was published. Once the errors are fixed, {} document{} would be published for {} readers\n",
            ready.len(),
            plural(ready.len()),
            self.audience,
        ));
        for d in &ready {
            s.push_str(&format!("  ready      {:w$}  {}\n", d.file, d.kind));
        }
        push_held(&mut s, &held, w);
        s
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Config(#[from] LoadConfigError),
    #[error(transparent)]
    Load(#[from] content::load::LoadError),
    #[error("the theme could not be loaded: {0}")]
    Templates(#[from] templates::TemplateError),
    #[error("{0}")]
    Setup(String),
    #[error(transparent)]
    Write(#[from] WriteError),
    /// Content errors: the build is refused and nothing is written.
    #[error("the build found {} error{}; nothing was published and the previous output is unchanged", errors(.diagnostics), plural(errors(.diagnostics)))]
    Refused {
        diagnostics: Vec<Diagnostic>,
        report: Box<BuildReport>,
    },
}

/// How many of `d` are errors.
pub(crate) fn errors(d: &[Diagnostic]) -> usize {
    d.iter().filter(|x| x.is_error()).count()
}

/// The "Held back" lines of both tables: each held document with why, its file name padded to `w`.
fn push_held(s: &mut String, held: &[&DocStatus], w: usize) {
    if held.is_empty() {
        return;
    }
    s.push_str(&format!(
        "Held back: {} document{}\n",
        held.len(),
        plural(held.len())
    ));
    for d in held {
        s.push_str(&format!(
            "  held       {:w$}  {}\n",
            d.file,
            d.held.as_ref().map(Held::describe).unwrap_or_default()
        ));
    }
}

impl BuildError {
    /// Exit code: 1 for findings/content errors, 2 for usage and I/O.
    pub fn exit_code(&self) -> i32 {
        match self {
            BuildError::Refused { .. }
            | BuildError::Config(LoadConfigError::Invalid(_))
            | BuildError::Templates(_) => 1,
            _ => 2,
        }
    }
}
