//! What `serve` keeps of the documents read between loads of one site ([`LoadCache`]): each
//! file's stamp and what reading it gave, so that an unchanged file is neither read nor
//! parsed again; the list of content/'s markdown files, so that after a save only the paths
//! the watcher named are looked at ([`LoadCache::note_changed`]); and the documents
//! themselves, lent to each build and given back after it ([`LoadCache::give_back`]) rather
//! than copied. Whatever the cache holds, a load gives what a load without it gives.

use super::{read_document, walk_content, LoadError, Parsed};
use crate::config::Config;
use crate::content::model::Document;
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What a file looked like when it was read: its size, times and inode. A file whose
/// stamp is unchanged is not read again ([`LoadCache`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    /// The inode and change time (Unix): an editor that saves by renaming a new file into
    /// place, or a tool that sets the modification time back, still changes these.
    ino: u64,
    ctime: (i64, i64),
}

impl Stamp {
    fn of(m: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let (ino, ctime) = {
            use std::os::unix::fs::MetadataExt;
            (m.ino(), (m.ctime(), m.ctime_nsec()))
        };
        #[cfg(not(unix))]
        let (ino, ctime) = (0, (0, 0));
        Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            ino,
            ctime,
        }
    }

    fn of_path(p: &Path) -> Option<Stamp> {
        std::fs::symlink_metadata(p).ok().map(|m| Stamp::of(&m))
    }
}

/// One file as the cache holds it.
#[derive(Debug)]
struct Entry {
    stamp: Stamp,
    /// What reading it gave: its document and warnings, or its errors. The document is lent
    /// to the build that loaded it (`None` meanwhile), and given back after it.
    parsed: Result<(Option<Document>, Vec<Diagnostic>), Vec<Diagnostic>>,
    /// The length of its text: with the path, what tells this file's document from another
    /// made of the same file ([`LoadCache::key_of`]), lent or not.
    len: usize,
    /// The number of the load that read it.
    load: u64,
}

/// The documents read by earlier loads of one site with one configuration, by file, with
/// the stamp each had (`serve` keeps one between builds): a file whose stamp has not changed
/// is neither read nor parsed again. Whatever the cache holds, a load gives what a load
/// without it gives.
#[derive(Debug, Default)]
pub(crate) struct LoadCache {
    files: HashMap<PathBuf, Entry>,
    /// The number of the last load.
    loads: u64,
    /// The markdown files of content/ at the last load, in the walk's order, and the walk's
    /// warnings (none: walk content/ again).
    listed: Option<Vec<PathBuf>>,
    walk_warnings: Vec<Diagnostic>,
    /// The files under `static/` at the last load.
    static_files: Option<Vec<String>>,
    /// The paths changed since the last load, as the watcher named them (the site folder
    /// joined to each path's place in it); none: not known, so every file is looked at.
    changed: Option<Vec<PathBuf>>,
}

/// The markdown files of content/ and the stamps of those looked at now.
struct Listing {
    files: Vec<PathBuf>,
    looked: HashMap<PathBuf, Option<Stamp>>,
    /// Was a file under `static/` named?
    static_changed: bool,
}

impl LoadCache {
    /// Did the last load read `path` (new or changed), rather than take it from here?
    pub(crate) fn was_read(&self, path: &Path) -> bool {
        self.files.get(path).is_some_and(|e| e.load == self.loads)
    }

    /// A key of document `d`'s file and text. For a document that loaded, it is the file's
    /// path and the load that read it (its text is the same while that holds); for any other
    /// (not in this cache, read again since, or made from something else), its path and text.
    pub(crate) fn key_of(&self, d: &Document) -> crate::key::Key {
        let mut h = crate::key::KeyHasher::new();
        h.bytes(d.rel_path.as_bytes());
        match self.files.get(&d.path) {
            Some(e) if e.parsed.is_ok() && e.len == d.source.len() => {
                h.bytes(b"read by load");
                h.bytes(&e.load.to_le_bytes());
            }
            _ => {
                h.bytes(b"text");
                h.bytes(d.source.as_bytes());
            }
        }
        h.finish()
    }

    /// The watcher named `paths` (each the site folder joined to its place in it) as changed
    /// since the last load; `None`: changes it may not have named (its events overflowed,
    /// or a path it named is not in the site): the next load looks at every file.
    pub(crate) fn note_changed(&mut self, paths: Option<&[PathBuf]>) {
        match (paths, &mut self.changed) {
            (Some(p), Some(changed)) => changed.extend_from_slice(p),
            _ => self.changed = None,
        }
    }

    /// The markdown files of content/ (in the walk's order, its warnings in `diags`), and what
    /// each gave: from the cache when its file is unchanged, else read now.
    pub(super) fn read(
        &mut self,
        root: &Path,
        content: &Path,
        config: &Config,
        vocab: &crate::vocab::Vocabularies,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<(Vec<PathBuf>, Vec<Parsed>), LoadError> {
        // Until this load has ended well, what changed is not known.
        let changed = self.changed.take();
        let listing = match (self.listed.take(), changed) {
            (Some(files), Some(changed)) => {
                relist(files, &changed, root, content, &self.walk_warnings)
            }
            _ => None,
        };
        let (files, stamps, static_changed) = match listing {
            Some(l) => {
                diags.extend(self.walk_warnings.iter().cloned());
                // A file not named is as the last load found it.
                let stamps: Vec<Option<Stamp>> = l
                    .files
                    .iter()
                    .map(|p| match l.looked.get(p) {
                        Some(s) => s.clone(),
                        None => match self.files.get(p) {
                            Some(e) => Some(e.stamp.clone()),
                            None => Stamp::of_path(p),
                        },
                    })
                    .collect();
                (l.files, stamps, l.static_changed)
            }
            None => {
                let mut warnings = Vec::new();
                let files = walk_content(root, content, &mut warnings)?;
                diags.extend(warnings.iter().cloned());
                self.walk_warnings = warnings;
                // The walk has just listed each file, so its stamp is read cheaply.
                let stamps = files.par_iter().map(|p| Stamp::of_path(p)).collect();
                (files, stamps, true)
            }
        };
        if static_changed {
            self.static_files = None;
        }

        // What the cache has, lent to this load; the rest is read.
        let mut results: Vec<Option<Parsed>> = files
            .iter()
            .zip(&stamps)
            .map(|(path, stamp)| {
                let e = self.files.get_mut(path)?;
                if Some(&e.stamp) != stamp.as_ref() {
                    return None;
                }
                match &mut e.parsed {
                    Ok((doc, warnings)) => Some(Ok((doc.take()?, warnings.clone()))),
                    Err(errors) => Some(Err(errors.clone())),
                }
            })
            .collect();
        let fresh: Vec<(usize, Parsed)> = results
            .par_iter()
            .enumerate()
            .filter(|(_, r)| r.is_none())
            .map(|(i, _)| (i, read_document(root, &files[i], config, vocab)))
            .collect();
        self.loads += 1;
        for (i, parsed) in fresh {
            let path = &files[i];
            match &stamps[i] {
                Some(s) => {
                    let (kept, len) = match &parsed {
                        Ok((d, w)) => (Ok((None, w.clone())), d.source.len()),
                        Err(e) => (Err(e.clone()), 0),
                    };
                    let entry = Entry {
                        stamp: s.clone(),
                        parsed: kept,
                        len,
                        load: self.loads,
                    };
                    self.files.insert(path.clone(), entry);
                }
                None => {
                    self.files.remove(path);
                }
            }
            results[i] = Some(parsed);
        }
        if self.files.len() != files.len() {
            let there: std::collections::HashSet<&PathBuf> = files.iter().collect();
            self.files.retain(|p, _| there.contains(p));
        }
        let results = results.into_iter().flatten().collect();
        Ok((files, results))
    }

    /// The load that read `files` has ended well: from now on, the watcher's word on what
    /// changed is enough.
    pub(super) fn listed(&mut self, files: Vec<PathBuf>) {
        self.listed = Some(files);
        self.changed = Some(Vec::new());
    }

    /// The files under `static/`: as the last load found them unless one was named since.
    pub(super) fn static_files(&mut self, root: &Path) -> Vec<String> {
        self.static_files
            .get_or_insert_with(|| super::list_static(root))
            .clone()
    }

    /// A build has ended (well or not): the documents lent to it come back (`documents`
    /// and `unpublishable` of its [`super::LoadOutcome`]). A document not given back is read
    /// again by the next load.
    pub(crate) fn give_back(&mut self, outcome: super::LoadOutcome) {
        for d in outcome
            .site
            .documents
            .into_iter()
            .chain(outcome.unpublishable)
        {
            if let Some(e) = self.files.get_mut(&d.path) {
                if let Ok((slot @ None, _)) = &mut e.parsed {
                    if e.len == d.source.len() {
                        *slot = Some(d);
                    }
                }
            }
        }
    }
}

/// The markdown files of content/ after the changes the watcher named (`changed`) to those
/// of the last load (`files`, in the walk's order), with the stamps of the files named; none
/// when only a walk can tell (a folder, a file that is not markdown, a link, a file the last
/// walk warned about (`warned`), anything outside the site's watched places).
fn relist(
    mut files: Vec<PathBuf>,
    changed: &[PathBuf],
    root: &Path,
    content: &Path,
    warned: &[Diagnostic],
) -> Option<Listing> {
    let feedback = content.join(crate::content::feedback::FOLDER);
    let statics = root.join("static");
    let layouts = root.join("layouts");
    let settings = root.join(crate::config::CONFIG_FILE);
    let mut looked = HashMap::new();
    let mut static_changed = false;
    for p in changed {
        if p.starts_with(&feedback) || p.starts_with(&layouts) || p == &settings {
            // Feedback is read afresh by every load; templates and settings are not documents.
            continue;
        }
        if p.starts_with(&statics) {
            static_changed = true;
            continue;
        }
        if !p.starts_with(content) || p == content || p.extension().is_none_or(|e| e != "md") {
            return None;
        }
        if warned.iter().any(|w| w.file == super::rel(root, p)) {
            return None;
        }
        // Only in a folder the last load listed files in (a new folder is walked).
        let parent = p.parent()?;
        if parent != content && !files.iter().any(|f| f.parent() == Some(parent)) {
            return None;
        }
        let shown = !p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        let place = files.binary_search(p);
        match std::fs::symlink_metadata(p) {
            Ok(m) if m.file_type().is_file() => {
                match (place, shown) {
                    (Err(i), true) => files.insert(i, p.clone()),
                    (Ok(i), false) => {
                        files.remove(i);
                    }
                    _ => {}
                }
                looked.insert(p.clone(), Some(Stamp::of(&m)));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                match place {
                    Ok(i) => {
                        files.remove(i);
                    }
                    // A folder named like a markdown file, gone with what was in it.
                    Err(i) if files.get(i).is_some_and(|f| f.starts_with(p)) => return None,
                    Err(_) => {}
                }
                looked.insert(p.clone(), None);
            }
            _ => return None,
        }
    }
    Some(Listing {
        files,
        looked,
        static_changed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk's order is the order of paths (component by component), so a file named by
    /// the watcher goes where a walk would have put it.
    #[test]
    fn the_walk_lists_files_in_the_order_of_their_paths() {
        let t = tempfile::tempdir().unwrap();
        let content = t.path().join("content");
        for f in [
            "a.md",
            "a/b.md",
            "a-b.md",
            "a.b/c.md",
            "B.md",
            "z/y/x.md",
            "z.md",
            "z/a.md",
            ".hidden/in.md",
            "é.md",
        ] {
            let p = content.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, "x").unwrap();
        }
        let files = walk_content(t.path(), &content, &mut Vec::new()).unwrap();
        let mut sorted = files.clone();
        sorted.sort();
        assert_eq!(files, sorted);
        assert_eq!(files.len(), 10);
    }

    #[test]
    fn only_markdown_files_in_known_folders_are_relisted_without_a_walk() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path();
        let content = root.join("content");
        std::fs::create_dir_all(content.join("reviews")).unwrap();
        let a = content.join("reviews/a.md");
        std::fs::write(&a, "x").unwrap();
        let files = vec![a.clone()];
        // A new file beside a listed one is listed; a removed one is not.
        let b = content.join("reviews/b.md");
        std::fs::write(&b, "x").unwrap();
        let l = relist(files.clone(), std::slice::from_ref(&b), root, &content, &[]).unwrap();
        assert_eq!(l.files, [a.clone(), b.clone()]);
        std::fs::remove_file(&a).unwrap();
        let l = relist(l.files, std::slice::from_ref(&a), root, &content, &[]).unwrap();
        assert_eq!(l.files, std::slice::from_ref(&b));
        // A file in a new folder, a folder, a file that is not markdown, a path elsewhere:
        // only a walk can tell.
        let new = content.join("new/c.md");
        std::fs::create_dir_all(new.parent().unwrap()).unwrap();
        std::fs::write(&new, "x").unwrap();
        assert!(relist(files.clone(), &[new], root, &content, &[]).is_none());
        assert!(relist(files.clone(), &[content.join("new")], root, &content, &[]).is_none());
        let txt = content.join("reviews/notes.txt");
        assert!(relist(files.clone(), &[txt], root, &content, &[]).is_none());
        assert!(relist(
            files.clone(),
            &[PathBuf::from("/elsewhere/x.md")],
            root,
            &content,
            &[]
        )
        .is_none());
        // Templates and settings are not documents; static files are listed again.
        let l = relist(
            files.clone(),
            &[root.join("layouts/base.html"), root.join("static/x.pdf")],
            root,
            &content,
            &[],
        )
        .unwrap();
        assert!(l.static_changed && l.files == files);
    }
}
