//! A site written as it is made: each page goes into the staging folder as soon as it is
//! rendered and is not kept in memory, so a build's memory does not grow with its output
//! (20,000 documents make about 1 GB of pages). Nothing changes for the output folder: the
//! staging folder is swapped in only when the whole build is done and found right, and is
//! removed if it is not, exactly as with [`super::write_site`].

use super::staging::Staging;
use super::{check_replaceable, OutFile, SiteFiles, WriteError};
use crate::sync::lock;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The staging folder of a build being written as it is made.
pub(crate) struct Stream {
    staging: Staging,
    /// The paths already written.
    written: Mutex<HashSet<String>>,
    /// The first error met writing, reported when the build finishes.
    error: Mutex<Option<WriteError>>,
}

impl Stream {
    /// Start writing a board site for the (checked, absolute) output folder `out`.
    pub(crate) fn new(out: &Path) -> Result<Stream, WriteError> {
        Stream::with_note(out, super::MARKER_NOTE)
    }

    /// [`Stream::new`] for a site whose marker file says `note` (a regional site's).
    pub(crate) fn with_note(out: &Path, note: &'static str) -> Result<Stream, WriteError> {
        Ok(Stream {
            staging: Staging::new(out, note)?,
            written: Mutex::new(HashSet::new()),
            error: Mutex::new(None),
        })
    }

    /// Write the file `path` now from its parts, in order; returns it emptied, as [`Stream::put`].
    pub(crate) fn put_parts(&self, path: String, parts: &[&[u8]]) -> OutFile {
        if let Err(e) = self.staging.write_parts(&path, parts) {
            lock(&self.error).get_or_insert(e);
        }
        lock(&self.written).insert(path.clone());
        OutFile::new(path, Vec::new())
    }

    /// Write `f` now. Returns it emptied, to be kept in the page list in its place.
    pub(crate) fn put(&self, f: OutFile) -> OutFile {
        if let Err(e) = self.staging.write(&f.path, &f.bytes) {
            lock(&self.error).get_or_insert(e);
        }
        lock(&self.written).insert(f.path.clone());
        OutFile::new(f.path, Vec::new())
    }

    /// Write those of `files` not written yet, now (in parallel); returns them all, emptied.
    pub(crate) fn spill(&self, files: Vec<OutFile>) -> Vec<OutFile> {
        use rayon::prelude::*;
        files
            .into_par_iter()
            .map(|f| {
                if lock(&self.written).contains(&f.path) {
                    f
                } else {
                    self.put(f)
                }
            })
            .collect()
    }

    /// Write every file of `site` not written yet, then swap the staging folder in (see
    /// [`super::write_site`]). Returns the output folder.
    pub(crate) fn finish(self, site: &SiteFiles) -> Result<PathBuf, WriteError> {
        if let Some(e) = lock(&self.error).take() {
            return Err(e);
        }
        let written = std::mem::take(&mut *lock(&self.written));
        let rest: Vec<&OutFile> = site
            .files
            .iter()
            .filter(|f| !written.contains(&f.path))
            .collect();
        crate::progress::timed("the rest written", || {
            use rayon::prelude::*;
            rest.par_iter()
                .try_for_each(|f| self.staging.write(&f.path, &f.bytes))?;
            for (rel, from) in &site.copies {
                self.staging.copy(from, rel)?;
            }
            Ok::<_, WriteError>(())
        })?;
        // Checked again: the folder may have changed while the site was made.
        check_replaceable(&self.staging.out)?;
        self.staging.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_written_as_made_appear_only_when_the_site_is_finished() {
        let t = tempfile::tempdir().unwrap();
        let out = check_replaceable(&t.path().join("public")).unwrap();
        let s = Stream::new(&out).unwrap();
        let kept = s.put(OutFile::new("a/index.html", "A"));
        assert!(kept.bytes.is_empty(), "not kept in memory");
        assert!(
            !out.exists(),
            "nothing is in the output before the build is done"
        );
        let mut site = SiteFiles::from(vec![kept, OutFile::new("b.txt", "B")]);
        site.copy("c.txt", t.path().join("c-source.txt"));
        std::fs::write(t.path().join("c-source.txt"), "C").unwrap();
        s.finish(&site).unwrap();
        for (rel, text) in [("a/index.html", "A"), ("b.txt", "B"), ("c.txt", "C")] {
            assert_eq!(std::fs::read_to_string(out.join(rel)).unwrap(), text);
        }
    }

    #[test]
    fn a_build_that_fails_leaves_the_output_as_it_was() {
        let t = tempfile::tempdir().unwrap();
        let out = check_replaceable(&t.path().join("public")).unwrap();
        super::super::write_site(&out, &SiteFiles::from(vec![OutFile::new("a.txt", "old")]))
            .unwrap();
        {
            let s = Stream::new(&out).unwrap();
            s.put(OutFile::new("a.txt", "new"));
            // Dropped unfinished: the build was refused.
        }
        assert_eq!(std::fs::read_to_string(out.join("a.txt")).unwrap(), "old");
        let beside: Vec<_> = std::fs::read_dir(t.path()).unwrap().flatten().collect();
        assert_eq!(beside.len(), 1, "the staging folder is gone");
        // A path that would leave the output is an error when the site is finished.
        let s = Stream::new(&out).unwrap();
        s.put(OutFile::new("../escape.txt", "x"));
        assert!(s.finish(&SiteFiles::new()).is_err());
        assert!(!t.path().join("escape.txt").exists());
    }
}
