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
            marker_note: "This folder was written by learnsite and is replaced by each build.\n",
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
        clean_leftovers(out);
        let dir = parent.join(format!(".{name}{STAGING}{}", std::process::id()));
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

    /// Swap the staged output in place of the previous output: in one step where the system
    /// can exchange two folders (Linux), so the output folder is at every moment either the
    /// whole previous site or the whole new one; elsewhere in two renames, the previous output
    /// kept aside until the second is done (and put back by the next build if it never is).
    fn commit(mut self) -> Result<PathBuf, WriteError> {
        let old = self.dir.with_file_name(format!(
            ".{}{OLD}{}",
            self.out
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        let had_old = self.out.exists();
        if had_old && exchange(&self.dir, &self.out).is_ok() {
            // The staging folder now holds the previous output.
            self.committed = true;
            if self.dir.join(MARKER).is_file() {
                remove_tree_parallel(&self.dir);
            } else {
                let _ = std::fs::remove_dir(&self.dir);
            }
            return Ok(self.out.clone());
        }
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

/// The middle of the names of the folders a build makes beside its output `NAME`:
/// `.NAME.learnsite-staging-PID` (the new site being written, PID the build's process) and
/// `.NAME.learnsite-old-PID` (the previous output, set aside while the new one moves in).
const STAGING: &str = ".learnsite-staging-";
const OLD: &str = ".learnsite-old-";

/// Exchange two folders in one step (Linux `renameat2` with `RENAME_EXCHANGE`). An error
/// (another system, or a file system that cannot) leaves both as they were.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are NUL-terminated strings that outlive the call; the system call
    // only reads them.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Is the process `pid` still running? Where this cannot be told, it is taken to be, so its
/// folders are left alone.
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Remove what builds of the output folder `out` that were stopped (killed, or the machine
/// turned off) left beside it: staging folders and set-aside previous outputs. Only a folder
/// learnsite recognisably made is touched: its name is `.NAME.learnsite-staging-PID` or
/// `.NAME.learnsite-old-PID` for this output's NAME, it is a real folder (not a link) holding
/// the marker file (or nothing at all), and the build PID is no longer running. If the output
/// folder itself is missing (a build stopped between its two renames), the set-aside previous
/// output is put back first.
fn clean_leftovers(out: &Path) {
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let name = name.to_string_lossy();
    let ours = std::process::id();
    for e in entries.flatten() {
        let file = e.file_name();
        let Some(rest) = file.to_str().and_then(|f| f.strip_prefix('.')) else {
            continue;
        };
        let Some(rest) = rest.strip_prefix(name.as_ref()) else {
            continue;
        };
        let (is_old, pid) = match (rest.strip_prefix(STAGING), rest.strip_prefix(OLD)) {
            (Some(pid), _) => (false, pid),
            (_, Some(pid)) => (true, pid),
            _ => continue,
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        let path = e.path();
        let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if pid == ours || !is_dir || process_alive(pid) {
            continue;
        }
        if !path.join(MARKER).is_file() {
            // Stopped before its marker was written or after it was removed: only if empty.
            let _ = std::fs::remove_dir(&path);
            continue;
        }
        if is_old && std::fs::symlink_metadata(out).is_err() && std::fs::rename(&path, out).is_ok()
        {
            continue;
        }
        remove_tree_parallel(&path);
    }
}

/// Remove a previous output folder, its top-level entries in parallel (a site of thousands
/// of pages is mostly the time of unlinking files).
fn remove_tree_parallel(dir: &Path) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        // The marker goes last, so a removal stopped half-way still shows whose folder it is.
        let entries: Vec<PathBuf> = rd
            .flatten()
            .filter(|e| e.file_name() != MARKER)
            .map(|e| e.path())
            .collect();
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
    let _ = std::fs::remove_file(dir.join(MARKER));
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

    /// The process id of a process that has ended.
    fn dead_pid() -> u32 {
        let mut c = std::process::Command::new("true").spawn().unwrap();
        let pid = c.id();
        c.wait().unwrap();
        pid
    }

    fn leftover(dir: &Path, name: &str, marker: bool) -> PathBuf {
        let p = dir.join(name);
        std::fs::create_dir_all(p.join("reviews")).unwrap();
        std::fs::write(p.join("reviews/page.html"), "half written").unwrap();
        if marker {
            std::fs::write(p.join(MARKER), "").unwrap();
        }
        p
    }

    #[cfg(unix)]
    #[test]
    fn next_build_removes_only_what_stopped_builds_left() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        let dead = dead_pid();
        let staged = leftover(t.path(), &format!(".public.learnsite-staging-{dead}"), true);
        let old = leftover(t.path(), &format!(".public.learnsite-old-{dead}"), true);
        // Not learnsite's: no marker, a link, another output's, a build still running.
        let unmarked = leftover(
            t.path(),
            &format!(".public.learnsite-staging-{}", dead + 1),
            false,
        );
        let mut sleeper = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let running = leftover(
            t.path(),
            &format!(".public.learnsite-staging-{}", sleeper.id()),
            true,
        );
        let other = leftover(t.path(), &format!(".docs.learnsite-staging-{dead}"), true);
        // Stopped before it wrote its marker: empty, so removed.
        let empty = t
            .path()
            .join(format!(".public.learnsite-staging-{}", dead_pid()));
        std::fs::create_dir(&empty).unwrap();
        let link = t.path().join(format!(".public.learnsite-old-{}", dead + 2));
        std::os::unix::fs::symlink(&other, &link).unwrap();
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join(MARKER), "").unwrap();

        let s = Staging::new(&out, "test").unwrap();
        s.write("index.html", b"new").unwrap();
        s.commit().unwrap();
        let _ = sleeper.kill();
        let _ = sleeper.wait();
        assert!(
            !staged.exists() && !old.exists() && !empty.exists(),
            "stopped builds' folders stay: {:?}",
            [staged.exists(), old.exists(), empty.exists()]
        );
        for kept in [&unmarked, &running, &other] {
            assert!(
                kept.join("reviews/page.html").is_file(),
                "{} was removed",
                kept.display()
            );
        }
        assert!(link.is_symlink());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "new"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_previous_output_set_aside_by_a_stopped_build_is_put_back() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        let old = leftover(
            t.path(),
            &format!(".public.learnsite-old-{}", dead_pid()),
            true,
        );
        clean_leftovers(&out);
        assert!(!old.exists());
        assert_eq!(
            std::fs::read_to_string(out.join("reviews/page.html")).unwrap(),
            "half written"
        );
    }

    #[test]
    fn commit_leaves_nothing_beside_the_output() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        for text in ["one", "two", "three"] {
            let s = Staging::new(&out, "test").unwrap();
            s.write("a/index.html", text.as_bytes()).unwrap();
            s.commit().unwrap();
            assert_eq!(
                std::fs::read_to_string(out.join("a/index.html")).unwrap(),
                text
            );
            let names: Vec<_> = std::fs::read_dir(t.path())
                .unwrap()
                .flatten()
                .map(|e| e.file_name())
                .collect();
            assert_eq!(names, vec![std::ffi::OsString::from("public")]);
        }
    }
}
