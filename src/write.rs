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

use rayon::prelude::*;
use std::path::{Component, Path, PathBuf};

/// The marker file in every output folder learnsite writes.
pub const MARKER: &str = ".learnsite-output";

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
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> OutFile {
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
pub struct SiteFiles {
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
    pub fn new() -> SiteFiles {
        SiteFiles {
            files: Vec::new(),
            copies: Vec::new(),
            marker_note: "This folder was written by learnsite and is replaced by each build.\n",
        }
    }
    /// The text of the output folder's [`MARKER`] file (it says who wrote the folder).
    pub fn with_marker_note(mut self, note: &'static str) -> SiteFiles {
        self.marker_note = note;
        self
    }
    /// Add a generated file.
    pub fn push(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.push(OutFile::new(path, bytes));
    }
    /// Add a file to copy from disk (`from`) to `path` in the output when the site is written.
    pub fn copy(&mut self, path: impl Into<String>, from: impl Into<PathBuf>) {
        self.copies.push((path.into(), from.into()));
    }
    /// Is `path` already in the list (generated or copied)?
    pub fn contains(&self, path: &str) -> bool {
        self.files.iter().any(|f| f.path == path) || self.copies.iter().any(|(p, _)| p == path)
    }
    /// The generated files.
    pub fn files(&self) -> &[OutFile] {
        &self.files
    }
    /// How many files writing the site makes (generated and copied, without the marker).
    pub fn len(&self) -> usize {
        self.files.len() + self.copies.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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
pub fn write_site(out: &Path, site: &SiteFiles) -> Result<PathBuf, WriteError> {
    let staging = Staging::new(out, site.marker_note)?;
    staging.write_all(&site.files)?;
    for (rel, from) in &site.copies {
        staging.copy(from, rel)?;
    }
    // Checked again: the folder may have changed while the site was made.
    check_replaceable(out)?;
    staging.commit()
}

/// Normalise a path lexically (no file-system access): resolve `.` and `..`.
pub fn normalize(p: &Path) -> PathBuf {
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
pub fn check_output(site_root: &Path, out: &Path) -> Result<PathBuf, WriteError> {
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
pub fn check_replaceable(out: &Path) -> Result<PathBuf, WriteError> {
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

/// A site's output being staged beside its output folder.
#[derive(Debug)]
struct Staging {
    out: PathBuf,
    dir: PathBuf,
    committed: bool,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Staging {
    /// Start staging for the (already checked, absolute) output folder `out`.
    fn new(out: &Path, marker_note: &str) -> Result<Staging, WriteError> {
        let parent = out
            .parent()
            .ok_or_else(|| WriteError::Escape(out.display().to_string()))?;
        std::fs::create_dir_all(parent).map_err(io(parent))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let dir = parent.join(format!(".{name}.learnsite-staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(io(&dir))?;
        }
        std::fs::create_dir(&dir).map_err(io(&dir))?;
        std::fs::write(dir.join(MARKER), marker_note).map_err(io(&dir))?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            committed: false,
        })
    }

    /// Map a site-relative output path to a path in the staging folder, refusing escapes.
    fn path_for(&self, rel: &str) -> Result<PathBuf, WriteError> {
        let p = Path::new(rel);
        if rel.is_empty()
            || p.is_absolute()
            || p.components().any(|c| !matches!(c, Component::Normal(_)))
        {
            return Err(WriteError::Escape(rel.to_string()));
        }
        Ok(self.dir.join(p))
    }

    /// Write one file.
    #[cfg(test)]
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = self.path_for(rel)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&path, bytes).map_err(io(&path))
    }

    /// Write many files in parallel.
    fn write_all(&self, files: &[OutFile]) -> Result<(), WriteError> {
        let mut dirs: Vec<PathBuf> = Vec::with_capacity(files.len());
        let mut paths: Vec<PathBuf> = Vec::with_capacity(files.len());
        for f in files {
            let p = self.path_for(&f.path)?;
            if let Some(parent) = p.parent() {
                dirs.push(parent.to_path_buf());
            }
            paths.push(p);
        }
        dirs.sort();
        dirs.dedup();
        for d in &dirs {
            // Sorted, so a parent comes before its children: one mkdir each, not one per file.
            match std::fs::create_dir(d) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(_) => std::fs::create_dir_all(d).map_err(io(d))?,
            }
        }
        paths
            .par_iter()
            .zip(files.par_iter())
            .try_for_each(|(p, f)| std::fs::write(p, &f.bytes).map_err(io(p)))
    }

    /// Copy a file from disk.
    fn copy(&self, from: &Path, rel: &str) -> Result<(), WriteError> {
        let path = self.path_for(rel)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::copy(from, &path).map(|_| ()).map_err(io(from))
    }

    /// Swap the staged output in place of the previous output.
    fn commit(mut self) -> Result<PathBuf, WriteError> {
        let old = self.dir.with_file_name(format!(
            ".{}.learnsite-old-{}",
            self.out
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        let had_old = self.out.exists();
        if had_old {
            std::fs::rename(&self.out, &old).map_err(io(&self.out))?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.out) {
            if had_old {
                let _ = std::fs::rename(&old, &self.out);
            }
            return Err(io(&self.out)(e));
        }
        self.committed = true;
        if had_old && old.join(MARKER).is_file() {
            remove_tree_parallel(&old);
        }
        Ok(self.out.clone())
    }
}

/// Remove a previous output folder, its top-level entries in parallel (a site of thousands
/// of pages is mostly the time of unlinking files).
fn remove_tree_parallel(dir: &Path) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        let entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        entries.par_iter().for_each(|p| {
            if p.is_dir() && !p.is_symlink() {
                // Split big folders (reviews/, themes/) one level further.
                if let Ok(sub) = std::fs::read_dir(p) {
                    let subs: Vec<PathBuf> = sub.flatten().map(|e| e.path()).collect();
                    subs.par_iter().for_each(|s| {
                        let _ = if s.is_dir() && !s.is_symlink() {
                            std::fs::remove_dir_all(s)
                        } else {
                            std::fs::remove_file(s)
                        };
                    });
                }
                let _ = std::fs::remove_dir_all(p);
            } else {
                let _ = std::fs::remove_file(p);
            }
        });
    }
    let _ = std::fs::remove_dir_all(dir);
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed && self.dir.join(MARKER).is_file() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_unsafe_outputs() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        assert!(check_output(&root, &root).is_err());
        assert!(check_output(&root, t.path()).is_err());
        assert!(check_output(&root, &root.join("content")).is_err());
        assert!(check_output(&root, &root.join("content/x")).is_err());
        assert!(check_output(&root, &root.join("public")).is_ok());
        // An existing folder of someone else's files is never replaced.
        let docs = t.path().join("documents");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(docs.join("letter.txt"), "keep").unwrap();
        assert!(check_output(&root, &docs).is_err());
    }

    #[test]
    fn staged_output_replaces_old_only_on_commit() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        let s = Staging::new(&out, "test").unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "one"
        );
        {
            let s = Staging::new(&out, "test").unwrap();
            s.write("a/index.html", b"two").unwrap();
            // dropped without commit: a failed build
        }
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "one"
        );
        let leftovers: Vec<_> = std::fs::read_dir(t.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
        let s = Staging::new(&out, "test").unwrap();
        assert!(s.write("../escape.txt", b"x").is_err());
        assert!(s.write("/etc/x", b"x").is_err());
    }

    #[test]
    fn write_site_writes_generated_and_copied_files_and_refuses_a_foreign_folder() {
        let t = tempfile::tempdir().unwrap();
        let src = t.path().join("plan.pdf");
        std::fs::write(&src, "pdf").unwrap();
        let out = check_replaceable(&t.path().join("regional")).unwrap();
        let mut site = SiteFiles::new().with_marker_note("collated\n");
        site.push("index.html", "home");
        site.copy("downloads/plan.pdf", &src);
        assert_eq!(site.len(), 2);
        assert!(site.contains("downloads/plan.pdf"));
        write_site(&out, &site).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "home"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("downloads/plan.pdf")).unwrap(),
            "pdf"
        );
        assert_eq!(
            std::fs::read_to_string(out.join(MARKER)).unwrap(),
            "collated\n"
        );
        // Rewritten whole: a file the new list lacks is gone.
        write_site(&out, &SiteFiles::from(vec![OutFile::new("a.txt", "a")])).unwrap();
        assert!(!out.join("index.html").exists());
        // A folder of someone else's files is never replaced.
        let docs = t.path().join("documents");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(docs.join("letter.txt"), "keep").unwrap();
        assert!(check_replaceable(&docs).is_err());
        assert!(write_site(&docs, &site).is_err());
        assert_eq!(
            std::fs::read_to_string(docs.join("letter.txt")).unwrap(),
            "keep"
        );
    }
}
