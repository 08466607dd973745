//! Walk `content/`, parse every document in parallel, validate, and collect every error.
//!
//! Reading is here (walking `content/` and `static/`, a document read as far as it can be
//! for the lint); what `serve` keeps of it between loads is in `cache.rs`. One file's checks are in `document.rs` (its YAML, keys, types, slug and
//! web address) and `values.rs` (its values); checks across documents (duplicate web
//! addresses, `review:` links) in `cross_checks.rs`.

mod cache;
mod cross_checks;
mod document;
mod values;

use super::frontmatter;
use super::model::*;
use crate::config::Config;
use crate::diagnostics::{self, Diagnostic};
pub(crate) use cache::LoadCache;
use cross_checks::check_site;
pub(crate) use document::parse_document;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// What loading a site gives: the documents that loaded, and every problem found.
/// Documents with an error are left out of `site.documents`.
#[derive(Debug)]
pub struct LoadOutcome {
    pub site: Site,
    pub diagnostics: Vec<Diagnostic>,
    /// The documents left out because of an error, read as far as they could be: for the
    /// pseudonymisation lint only (so that one run reports every problem of every document),
    /// never for publishing.
    pub unpublishable: Vec<Document>,
}

impl LoadOutcome {
    #[cfg(test)]
    pub(crate) fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("there is no content folder at {}: put the site's markdown files in `content/` (or run `learnsite init` to start a site)", .0.display())]
    NoContent(PathBuf),
}

/// One file's result: the document and its warnings, or its errors.
type Parsed = Result<(Document, Vec<Diagnostic>), Vec<Diagnostic>>;

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Load the site at `root` with configuration `config`.
pub fn load_site(root: &Path, config: Config) -> Result<LoadOutcome, LoadError> {
    load_site_cached(root, config, None)
}

/// [`load_site`], reading only the files that changed since they went into `cache` (which
/// must have been filled with the same configuration).
pub(crate) fn load_site_cached(
    root: &Path,
    config: Config,
    cache: Option<&mut LoadCache>,
) -> Result<LoadOutcome, LoadError> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(LoadError::NoContent(content));
    }
    let vocab = config.vocabularies();
    let mut diags = Vec::new();
    let mut cache = cache;
    let (files, results) = match cache.as_deref_mut() {
        Some(c) => c.read(root, &content, &config, &vocab, &mut diags)?,
        None => {
            let files = walk_content(root, &content, &mut diags)?;
            let results = files
                .par_iter()
                .map(|path| read_document(root, path, &config, &vocab))
                .collect();
            (files, results)
        }
    };
    let mut documents = Vec::new();
    let mut failed = Vec::new();
    for (r, path) in results.into_iter().zip(&files) {
        match r {
            Ok((d, w)) => {
                diags.extend(w);
                documents.push(d);
            }
            Err(e) => {
                diags.extend(e);
                failed.push(path);
            }
        }
    }
    // Documents with errors are still read for the lint, as far as they can be.
    let mut unpublishable: Vec<Document> = failed
        .par_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).ok()?;
            Some(readable_document(root, path, &rel(root, path), text))
        })
        .collect();

    check_site(&mut documents, &mut diags, &mut unpublishable);
    let (mut feedback, feedback_diags) = super::feedback::load(root);
    diags.extend(feedback_diags);
    super::feedback::check_briefings(&mut feedback, &documents, &mut diags);

    let documents = in_site_order(documents);

    let static_files = match cache {
        Some(c) => {
            c.listed(files);
            c.static_files(root)
        }
        None => list_static(root),
    };
    diagnostics::sort(&mut diags);
    Ok(LoadOutcome {
        site: Site {
            root: root.to_path_buf(),
            config,
            vocab,
            documents,
            static_files,
            feedback,
        },
        diagnostics: diags,
        unpublishable,
    })
}

/// The documents by kind, newest first, then by title and slug. The order is found over
/// their indexes and the documents moved once each (a document is large: sorting them in
/// place moved each one many times, about 10 ms at 5,000 documents).
fn in_site_order(documents: Vec<Document>) -> Vec<Document> {
    crate::order::sorted_moving_once(documents, |a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.sort_date().cmp(&a.sort_date()))
            .then(a.title.cmp(&b.title))
            .then(a.slug.cmp(&b.slug))
    })
}

/// The markdown files under `content/` (feedback files aside), by name; a symbolic link
/// or a file that is not markdown is a warning in `diags`.
fn walk_content(
    root: &Path,
    content: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    let feedback_dir = content.join(super::feedback::FOLDER);
    for entry in WalkDir::new(content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        // Feedback files are not documents: read below.
        .filter_entry(|e| e.path() != feedback_dir)
    {
        let entry = entry.map_err(|e| LoadError::Io {
            path: e
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| content.to_path_buf()),
            source: e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("walk error")),
        })?;
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') && entry.depth() > 0 {
            continue;
        }
        if entry.file_type().is_symlink() {
            diags.push(
                Diagnostic::error(
                    "content/symlink",
                    &rel(root, entry.path()),
                    1,
                    1,
                    "this is a symbolic link and is not followed, so it is not published",
                )
                .as_warning()
                .with_hint("copy the file into content/ instead of linking to it"),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        if entry.path().extension().is_some_and(|e| e == "md") {
            files.push(entry.into_path());
        } else {
            diags.push(
                Diagnostic::error(
                    "content/not-markdown",
                    &rel(root, entry.path()),
                    1,
                    1,
                    "this file is not markdown (.md) and is not published",
                )
                .as_warning()
                .with_hint("put files for download in `static/` and link to them from a page"),
            );
        }
    }

    Ok(files)
}

/// Read and parse one document file.
fn read_document(
    root: &Path,
    path: &Path,
    config: &Config,
    vocab: &crate::vocab::Vocabularies,
) -> Parsed {
    let rel_path = rel(root, path);
    let text = match std::fs::read(path) {
        Ok(b) => match String::from_utf8(b) {
            Ok(t) => t,
            Err(_) => {
                return Err(vec![Diagnostic::error(
                    "content/not-utf8",
                    &rel_path,
                    1,
                    1,
                    "this file is not UTF-8 text",
                )
                .with_hint(
                    "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
                )]);
            }
        },
        Err(e) => {
            return Err(vec![Diagnostic::error(
                "content/unreadable",
                &rel_path,
                1,
                1,
                format!("this file cannot be read: {e}"),
            )]);
        }
    };
    parse_document(root, path, &rel_path, text, config, vocab)
}

/// A document with errors, read as far as it can be for the lint: its front-matter as typed
/// where it parses, else only the plain values that can be read (title, summary, pseudonyms,
/// agencies, slug), and where the front-matter cannot be parsed at all, the whole file as body
/// text.
pub(crate) fn readable_document(
    root: &Path,
    path: &Path,
    rel_path: &str,
    text: String,
) -> Document {
    let (kind, _) = document::kind_and_folders(root, path);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let split = frontmatter::split(&text, rel_path).ok().and_then(|sp| {
        let meta = match serde_norway::from_str::<Meta>(sp.yaml) {
            Ok(m) => m,
            Err(_) => lenient_meta(serde_norway::from_str(sp.yaml).ok()?),
        };
        Some((
            sp.yaml_line,
            sp.yaml_end_line,
            sp.body_offset,
            sp.body_line,
            meta,
        ))
    });
    let (front_matter_lines, body_offset, body_line, meta) = match split {
        Some((a, b, off, line, meta)) => ((a, b), off, line, meta),
        // Not parsed at all: every line is read as body text.
        None => ((0, 0), 0, 1, Meta::default()),
    };
    let slug = slugify(meta.slug.as_deref().unwrap_or(&stem));
    Document {
        kind,
        url: format!("{}/{}/", kind.section(), slug),
        slug,
        rel_path: rel_path.to_string(),
        path: path.to_path_buf(),
        front_matter_lines,
        body_offset,
        body_line,
        title: meta.title.clone().unwrap_or_default(),
        meta,
        source: text,
    }
}

/// The plain values of front-matter that does not fit the model (a wrong type somewhere).
fn lenient_meta(v: serde_norway::Value) -> Meta {
    let text = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let list = |k: &str| -> Vec<String> {
        match v.get(k) {
            Some(serde_norway::Value::Sequence(items)) => items
                .iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect(),
            Some(serde_norway::Value::String(s)) => vec![s.clone()],
            _ => Vec::new(),
        }
    };
    Meta {
        title: text("title"),
        summary: text("summary"),
        slug: text("slug"),
        pseudonyms: list("pseudonyms"),
        agencies: list("agencies"),
        ..Meta::default()
    }
}

fn list_static(root: &Path) -> Vec<String> {
    let dir = root.join("static");
    let mut out = Vec::new();
    if dir.is_dir() {
        for e in WalkDir::new(&dir)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if e.file_type().is_file() {
                out.push(rel(&dir, e.path()));
            }
        }
    }
    out
}

/// Turn a file stem into a slug: lowercase letters, digits and single hyphens.
pub(crate) fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                out.push(l);
            }
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}
