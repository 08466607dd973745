//! Update an output folder in place, file by file: what `serve` does after its first build
//! (which goes through the staging folder and the swap like any other). Only the files whose
//! bytes changed are written, each into a hidden file beside it that is then renamed over it,
//! so a reader gets the old file or the new one and never half of one; files no longer made
//! are removed, and the folders they leave empty. Nothing is written or removed outside the
//! output folder: a path through a link that leads out of it is refused.

use super::{check_replaceable, checked_rel, OutFile, SiteFiles, WriteError};
use crate::render::memo::{key_of, Key};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What a file of the output holds, as far as this process knows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    /// A generated file, by the key of its bytes.
    Made(Key),
    /// A copy of a file on disk, by the source's path, size and modification time.
    Copied(PathBuf, u64, Option<std::time::SystemTime>),
}

/// The files of an output folder this process wrote, and what each holds.
#[derive(Debug, Default)]
pub(crate) struct Written {
    files: HashMap<String, Entry>,
}

/// What an update changed: the output paths written and those removed.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    pub(crate) written: Vec<String>,
    pub(crate) removed: Vec<String>,
}

fn copied(from: &Path) -> Entry {
    let m = std::fs::metadata(from).ok();
    Entry::Copied(
        from.to_path_buf(),
        m.as_ref().map_or(0, std::fs::Metadata::len),
        m.and_then(|m| m.modified().ok()),
    )
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Written {
    /// What [`super::write_site`] just wrote of `site`.
    pub(crate) fn of_site(site: &SiteFiles) -> Written {
        let mut files: HashMap<String, Entry> = site
            .files
            .par_iter()
            .map(|f| (f.path.clone(), Entry::Made(key_of(&f.bytes))))
            .collect();
        for (rel, from) in &site.copies {
            files.insert(rel.clone(), copied(from));
        }
        Written { files }
    }

    /// Make the output folder `out` hold `site`, writing only what changed. `unchanged` are
    /// the generated files of `site` left empty because they are as this process last wrote
    /// them. On an error, what was done so far stays done and is recorded, and what was not
    /// is not: the next update finishes it.
    pub(crate) fn update(
        &mut self,
        out: &Path,
        site: &SiteFiles,
        unchanged: &HashSet<String>,
    ) -> Result<Changes, WriteError> {
        let out = check_replaceable(out)?;
        if !out.join(super::MARKER).is_file() {
            return Err(WriteError::Unsafe {
                path: out,
                reason: "has lost its .learnsite-output marker file".into(),
            });
        }
        let out = out.canonicalize().map_err(io(&out))?;
        // The generated files that differ from what is there.
        let fresh: Vec<(&OutFile, Key)> = site
            .files
            .par_iter()
            .filter(|f| !unchanged.contains(&f.path))
            .map(|f| (f, key_of(&f.bytes)))
            .filter(|(f, k)| self.files.get(&f.path) != Some(&Entry::Made(*k)))
            .collect();
        for f in site.files.iter().filter(|f| unchanged.contains(&f.path)) {
            if !matches!(self.files.get(&f.path), Some(Entry::Made(_))) {
                return Err(WriteError::Escape(format!(
                    "{} (taken as unchanged, but never written)",
                    f.path
                )));
            }
        }
        let mut changes = Changes::default();
        for (f, key) in fresh {
            replace(&out, &f.path, |tmp| std::fs::write(tmp, &f.bytes))?;
            self.files.insert(f.path.clone(), Entry::Made(key));
            changes.written.push(f.path.clone());
        }
        for (rel, from) in &site.copies {
            let entry = copied(from);
            if self.files.get(rel) != Some(&entry) {
                replace(&out, rel, |tmp| std::fs::copy(from, tmp).map(|_| ()))?;
                self.files.insert(rel.clone(), entry);
                changes.written.push(rel.clone());
            }
        }
        // What is no longer made.
        let now: HashSet<&str> = site
            .files
            .iter()
            .map(|f| f.path.as_str())
            .chain(site.copies.iter().map(|(p, _)| p.as_str()))
            .collect();
        let mut gone: Vec<String> = self
            .files
            .keys()
            .filter(|p| !now.contains(p.as_str()))
            .cloned()
            .collect();
        gone.sort();
        for rel in gone {
            remove(&out, &rel)?;
            self.files.remove(&rel);
            changes.removed.push(rel);
        }
        Ok(changes)
    }
}

/// What [`Written::write_first`] replaced, to put back with [`Written::undo`].
#[derive(Debug, Default)]
pub(crate) struct Undo {
    /// Each output path written, with what it held before (none: it did not exist).
    was: Vec<(String, Option<Entry>, Option<Vec<u8>>)>,
}

impl Written {
    /// Write `files` (generated, complete) now, ahead of the rest of an update: those that
    /// differ from what is there. Returns the paths written and how to undo it.
    pub(crate) fn write_first(
        &mut self,
        out: &Path,
        files: &[OutFile],
    ) -> Result<(Vec<String>, Undo), WriteError> {
        let out = check_replaceable(out)?;
        if !out.join(super::MARKER).is_file() {
            return Err(WriteError::Escape(out.display().to_string()));
        }
        let out = out.canonicalize().map_err(io(&out))?;
        let mut undo = Undo::default();
        let mut written = Vec::new();
        for f in files {
            let key = key_of(&f.bytes);
            let before = self.files.get(&f.path).cloned();
            if before == Some(Entry::Made(key)) {
                continue;
            }
            let old_bytes = match (&before, place(&out, &f.path, false)?) {
                (Some(_), Some(p)) => Some(std::fs::read(&p).map_err(io(&p))?),
                _ => None,
            };
            replace(&out, &f.path, |tmp| std::fs::write(tmp, &f.bytes))?;
            self.files.insert(f.path.clone(), Entry::Made(key));
            undo.was.push((f.path.clone(), before, old_bytes));
            written.push(f.path.clone());
        }
        Ok((written, undo))
    }

    /// Put back what [`Written::write_first`] replaced (the rest of the update failed).
    pub(crate) fn undo(&mut self, out: &Path, undo: Undo) -> Result<(), WriteError> {
        let out = out.canonicalize().map_err(io(out))?;
        for (rel, before, bytes) in undo.was.into_iter().rev() {
            match (before, bytes) {
                (Some(entry), Some(bytes)) => {
                    replace(&out, &rel, |tmp| std::fs::write(tmp, &bytes))?;
                    self.files.insert(rel, entry);
                }
                _ => {
                    remove(&out, &rel)?;
                    self.files.remove(&rel);
                }
            }
        }
        Ok(())
    }
}

/// The place of output path `rel` in the (canonical) output folder `out`, its folder made,
/// provided that folder really is inside `out` (no link leads out of it).
fn place(out: &Path, rel: &str, make_folder: bool) -> Result<Option<PathBuf>, WriteError> {
    let path = out.join(checked_rel(rel)?);
    let parent = path.parent().unwrap_or(out);
    if make_folder {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    match parent.canonicalize() {
        Ok(real) if real.starts_with(out) => Ok(Some(path)),
        Ok(_) => Err(WriteError::Escape(rel.to_string())),
        Err(_) if !make_folder => Ok(None),
        Err(e) => Err(io(parent)(e)),
    }
}

/// Replace output file `rel` with what `fill` writes into a temporary file beside it.
fn replace(
    out: &Path,
    rel: &str,
    fill: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let Some(path) = place(out, rel, true)? else {
        return Err(WriteError::Escape(rel.to_string()));
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.learnsite-new-{}", std::process::id()));
    if let Err(e) = fill(&tmp).and_then(|()| std::fs::rename(&tmp, &path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(&path)(e));
    }
    Ok(())
}

/// Remove output file `rel`, and the folders above it it leaves empty.
fn remove(out: &Path, rel: &str) -> Result<(), WriteError> {
    let Some(path) = place(out, rel, false)? else {
        return Ok(());
    };
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(&path)(e)),
    }
    let mut dir = path.parent();
    while let Some(d) = dir.filter(|d| *d != out && d.starts_with(out)) {
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> SiteFiles {
        SiteFiles::from(
            files
                .iter()
                .map(|(p, b)| OutFile::new(*p, *b))
                .collect::<Vec<_>>(),
        )
    }

    /// `files` written into `t`/public as a whole site, and what is recorded of it.
    fn written(t: &tempfile::TempDir, files: &[(&str, &str)]) -> (PathBuf, Written) {
        let first = site(files);
        let out = super::super::write_site(&t.path().join("public"), &first).unwrap();
        (out, Written::of_site(&first))
    }

    fn read(out: &Path, rel: &str) -> Option<String> {
        std::fs::read_to_string(out.join(rel)).ok()
    }

    #[test]
    fn writes_only_what_changed_and_removes_what_is_gone() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        let first = site(&[
            ("a/index.html", "A"),
            ("b/c/index.html", "C"),
            ("x.txt", "X"),
        ]);
        let out = super::super::write_site(&out, &first).unwrap();
        let mut w = Written::of_site(&first);
        // A file changed by hand is not noticed (only what this process wrote is known) …
        std::fs::write(out.join("x.txt"), "edited").unwrap();
        let second = site(&[("a/index.html", "A2"), ("x.txt", "X"), ("d.txt", "D")]);
        let c = w.update(&out, &second, &HashSet::new()).unwrap();
        assert_eq!(c.written, ["a/index.html", "d.txt"]);
        assert_eq!(c.removed, ["b/c/index.html"]);
        assert_eq!(read(&out, "a/index.html").as_deref(), Some("A2"));
        assert_eq!(read(&out, "x.txt").as_deref(), Some("edited"));
        assert!(!out.join("b").exists(), "an emptied folder is removed");
        assert!(out.join(super::super::MARKER).is_file());
        // … and a page taken as unchanged is left as it is.
        let third = site(&[("a/index.html", ""), ("x.txt", "X"), ("d.txt", "D")]);
        let same: HashSet<String> = ["a/index.html".to_string()].into();
        let c = w.update(&out, &third, &same).unwrap();
        assert!(c.written.is_empty() && c.removed.is_empty(), "{c:?}");
        assert_eq!(read(&out, "a/index.html").as_deref(), Some("A2"));
        // Nothing but the files themselves is left beside them.
        let names: Vec<_> = std::fs::read_dir(out.join("a"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn pages_written_first_are_put_back_by_undo() {
        let t = tempfile::tempdir().unwrap();
        let (out, mut w) = written(&t, &[("a/index.html", "A"), ("b.txt", "B")]);
        let early = [
            OutFile::new("a/index.html", "A2"),
            OutFile::new("b.txt", "B"),
            OutFile::new("n/index.html", "N"),
        ];
        let (paths, undo) = w.write_first(&out, &early).unwrap();
        assert_eq!(
            paths,
            ["a/index.html", "n/index.html"],
            "b.txt is unchanged"
        );
        assert_eq!(read(&out, "a/index.html").as_deref(), Some("A2"));
        assert_eq!(read(&out, "n/index.html").as_deref(), Some("N"));
        w.undo(&out, undo).unwrap();
        assert_eq!(read(&out, "a/index.html").as_deref(), Some("A"));
        assert!(!out.join("n").exists());
        // And what is recorded is what is there again: the next update writes A2 anew.
        let c = w
            .update(
                &out,
                &site(&[("a/index.html", "A2"), ("b.txt", "B")]),
                &HashSet::new(),
            )
            .unwrap();
        assert_eq!(c.written, ["a/index.html"]);
    }

    #[test]
    fn a_page_never_written_cannot_be_taken_as_unchanged() {
        let t = tempfile::tempdir().unwrap();
        let (out, mut w) = written(&t, &[("a.txt", "A")]);
        let same: HashSet<String> = ["b.txt".to_string()].into();
        assert!(w
            .update(&out, &site(&[("a.txt", "A"), ("b.txt", "")]), &same)
            .is_err());
    }

    #[cfg(unix)]
    #[test]
    fn never_writes_or_removes_through_a_link_out_of_the_output() {
        let t = tempfile::tempdir().unwrap();
        let elsewhere = t.path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("keep.txt"), "keep").unwrap();
        let (out, mut w) = written(&t, &[("a.txt", "A")]);
        std::os::unix::fs::symlink(&elsewhere, out.join("link")).unwrap();
        let second = site(&[("a.txt", "A"), ("link/new.txt", "N")]);
        assert!(w.update(&out, &second, &HashSet::new()).is_err());
        assert!(!elsewhere.join("new.txt").exists());
        // A file recorded under the link is not removed through it either.
        w.files
            .insert("link/keep.txt".into(), Entry::Made(key_of(b"keep")));
        assert!(w
            .update(&out, &site(&[("a.txt", "A")]), &HashSet::new())
            .is_err());
        assert!(elsewhere.join("keep.txt").is_file());
    }

    #[test]
    fn refuses_a_folder_that_is_no_longer_its_output() {
        let t = tempfile::tempdir().unwrap();
        let (out, mut w) = written(&t, &[("a.txt", "A")]);
        std::fs::remove_file(out.join(super::super::MARKER)).unwrap();
        assert!(w
            .update(&out, &site(&[("a.txt", "B")]), &HashSet::new())
            .is_err());
        assert_eq!(read(&out, "a.txt").as_deref(), Some("A"));
    }
}
