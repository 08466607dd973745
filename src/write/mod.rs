//! Write: every file of a build goes into a staging folder beside the output folder, which
//! then replaces the output in one rename. A failed build leaves the previous output as it
//! was; learnsite never writes outside its output folder and never deletes a folder it did
//! not make (an output folder carries a marker file saying learnsite made it).
//!
//! Both front ends use it the same way: make a [`SiteFiles`] (the page list: generated
//! [`OutFile`]s plus files copied from disk), check the output folder once with
//! [`check_output`] (a board site) or [`check_replaceable`] (any folder), then
//! [`write_site`] stages everything and swaps it in.
//!
//! ```ignore
//! use crate::write::{self, SiteFiles};
//! let out = write::check_replaceable(std::path::Path::new("regional"))?;
//! let mut files = SiteFiles::new();
//! files.push("index.html", "<!doctype html>…");
//! files.copy("downloads/plan.pdf", "static/downloads/plan.pdf");
//! write::write_site(&out, &files)?;
//! ```

mod staging;
mod stream;
mod update;

use staging::Staging;
use std::path::{Component, Path, PathBuf};
pub(crate) use stream::Stream;
pub(crate) use update::{Undo, Written};

/// What the marker file of a board site's output says.
const MARKER_NOTE: &str = "This folder was written by learnsite and is replaced by each build.\n";

/// The marker file in every output folder learnsite writes.
pub(crate) const MARKER: &str = ".learnsite-output";

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the output folder {} {reason}: choose another with --out (the default is `public/`)", path.display())]
    Unsafe { path: PathBuf, reason: String },
    #[error("refusing to write `{0}`: it would be outside the output folder")]
    Escape(String),
}

/// One generated file of a site: `path` is relative to the output folder, with `/`
/// separators (e.g. `reviews/adult-d/index.html`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutFile {
    pub(crate) fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> OutFile {
        OutFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// The page list of one site: every file a front end (`build`, `collate`) wants written,
/// in the order they were added. Generated files are held in memory; static files are
/// copied from disk when the site is written.
#[derive(Debug, Clone)]
pub(crate) struct SiteFiles {
    files: Vec<OutFile>,
    /// `(path in the output, file on disk)`.
    copies: Vec<(String, PathBuf)>,
    marker_note: &'static str,
}

impl Default for SiteFiles {
    fn default() -> Self {
        SiteFiles::new()
    }
}

impl SiteFiles {
    pub(crate) fn new() -> SiteFiles {
        SiteFiles {
            files: Vec::new(),
            copies: Vec::new(),
            marker_note: MARKER_NOTE,
        }
    }
    /// The text of the output folder's [`MARKER`] file (it says who wrote the folder).
    pub(crate) fn with_marker_note(mut self, note: &'static str) -> SiteFiles {
        self.marker_note = note;
        self
    }
    /// Add a generated file.
    pub(crate) fn push(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.push(OutFile::new(path, bytes));
    }
    /// Add a file to copy from disk (`from`) to `path` in the output when the site is written.
    pub(crate) fn copy(&mut self, path: impl Into<String>, from: impl Into<PathBuf>) {
        self.copies.push((path.into(), from.into()));
    }
    #[cfg(test)]
    /// Is `path` already in the list (generated or copied)?
    pub(crate) fn contains(&self, path: &str) -> bool {
        self.files.iter().any(|f| f.path == path) || self.copies.iter().any(|(p, _)| p == path)
    }
    /// The generated files.
    pub(crate) fn files(&self) -> &[OutFile] {
        &self.files
    }
    /// How many files writing the site makes (generated and copied, without the marker).
    pub(crate) fn len(&self) -> usize {
        self.files.len() + self.copies.len()
    }
}

impl Extend<OutFile> for SiteFiles {
    fn extend<I: IntoIterator<Item = OutFile>>(&mut self, iter: I) {
        self.files.extend(iter);
    }
}

impl From<Vec<OutFile>> for SiteFiles {
    fn from(files: Vec<OutFile>) -> SiteFiles {
        SiteFiles {
            files,
            ..SiteFiles::new()
        }
    }
}

/// Write a whole site to `out` (checked beforehand with [`check_output`] or
/// [`check_replaceable`]): every file into a staging folder beside `out`, then one rename
/// swaps it in. On any error the staging folder is removed and `out` is as it was. Returns
/// the output folder.
pub(crate) fn write_site(out: &Path, site: &SiteFiles) -> Result<PathBuf, WriteError> {
    let staging = Staging::new(out, site.marker_note)?;
    staging.write_all(&site.files)?;
    for (rel, from) in &site.copies {
        staging.copy(from, rel)?;
    }
    // Checked again: the folder may have changed while the site was made.
    check_replaceable(out)?;
    staging.commit()
}

/// A site-relative output path as a relative path of plain names, or an error if it could
/// lead anywhere else (empty, absolute, `..`, `.`).
fn checked_rel(rel: &str) -> Result<&Path, WriteError> {
    let p = Path::new(rel);
    if rel.is_empty()
        || p.is_absolute()
        || p.components().any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(WriteError::Escape(rel.to_string()));
    }
    Ok(p)
}

/// Normalise a path lexically (no file-system access): resolve `.` and `..`.
pub(crate) fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    // Resolve symlinks of the part that exists, so checks compare real folders.
    let n = normalize(&p);
    match n.canonicalize() {
        Ok(c) => c,
        Err(_) => match (
            n.parent().and_then(|pp| pp.canonicalize().ok()),
            n.file_name(),
        ) {
            (Some(pp), Some(f)) => pp.join(f),
            _ => n,
        },
    }
}

/// Check that `out` is a safe output folder for the board site at `site_root`: it must not
/// be or contain the site (and its `content/`), nor lie inside `content/`, `static/` or
/// `layouts/`; and it must be replaceable (see [`check_replaceable`]). Returns it absolute.
pub(crate) fn check_output(site_root: &Path, out: &Path) -> Result<PathBuf, WriteError> {
    let root = absolute(site_root);
    let out_abs = absolute(out);
    if root.starts_with(&out_abs) && out_abs.parent().is_some() {
        return Err(unsafe_output(
            out,
            "is the site folder or contains it (and so contains content/)",
        ));
    }
    for protected in ["content", "static", "layouts"] {
        if out_abs.starts_with(root.join(protected)) {
            return Err(unsafe_output(
                out,
                &format!("is inside the site's `{protected}/` folder"),
            ));
        }
    }
    check_replaceable(out)
}

/// Check that `out` may be replaced by a learnsite output: it is absent, an empty folder,
/// or a folder learnsite wrote (it has the [`MARKER`] file). Returns it absolute.
pub(crate) fn check_replaceable(out: &Path) -> Result<PathBuf, WriteError> {
    let out_abs = absolute(out);
    if out_abs.parent().is_none() {
        return Err(unsafe_output(out, "is the root of the file system"));
    }
    if out_abs.is_file() {
        return Err(unsafe_output(out, "is a file, not a folder"));
    }
    if out_abs.is_dir() {
        let non_empty = std::fs::read_dir(&out_abs)
            .map(|mut r| r.next().is_some())
            .unwrap_or(true);
        if non_empty && !out_abs.join(MARKER).is_file() {
            return Err(unsafe_output(
                out,
                "already exists and was not made by learnsite (it has files but no .learnsite-output marker), so it will not be replaced",
            ));
        }
    }
    Ok(out_abs)
}

fn unsafe_output(out: &Path, reason: &str) -> WriteError {
    WriteError::Unsafe {
        path: out.to_path_buf(),
        reason: reason.to_string(),
    }
}

#[cfg(test)]
mod tests;
