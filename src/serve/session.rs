//! The build `serve` keeps between saves. Each update runs every stage of a build, as
//! `learnsite build` would (the lint and the gate included, on every document), but takes
//! from the builds before it what unchanged files gave them ([`Reuse`]: documents not read
//! again, their findings, their bodies, pages not rendered again), and writes into the output
//! folder only the files that changed ([`Written`]). The output is then what `learnsite build`
//! would write, byte for byte; a build with errors writes nothing, as `build` does.

use crate::render::{self, markdown::Rendered};
use crate::site::{self, BuildError, BuildOptions, BuildReport, Reuse};
use crate::write::{self, Undo, Written};
use std::collections::HashSet;
use std::path::Path;

/// A site being served: what its builds keep for the next.
pub(crate) struct Session {
    opts: BuildOptions,
    reuse: Reuse,
    /// What the output folder holds, when this process wrote it; `None`: the next update
    /// writes the whole site afresh (through the staging folder and the swap).
    written: Option<Written>,
}

/// What an update did.
pub(crate) struct Updated {
    pub(crate) report: BuildReport,
    /// The output paths written, and removed (everything, after a whole write).
    pub(crate) written: Vec<String>,
    pub(crate) removed: Vec<String>,
    /// Was the whole site written (the first update, or after the output was disturbed)?
    pub(crate) whole: bool,
    /// How long after the update began the pages of the documents just saved were written,
    /// ahead of the rest (none when there were none, or the build was written whole).
    pub(crate) first: Option<std::time::Duration>,
}

impl Session {
    pub(crate) fn new(opts: BuildOptions) -> Session {
        Session {
            opts,
            reuse: Reuse::default(),
            written: None,
        }
    }

    /// Write to `out` from now on (the folder the first build resolved, or the default one
    /// when it failed).
    pub(crate) fn set_out(&mut self, out: std::path::PathBuf) {
        if self.opts.out.as_ref() != Some(&out) {
            self.opts.out = Some(out);
        }
    }

    /// The watcher named `paths` (each the site folder joined to its place in it) as changed;
    /// `None`: it may have missed some. The next update looks again at the documents named
    /// only (at every one after `None`), the others being as the last update found them.
    pub(crate) fn note_changed(&mut self, paths: Option<&[std::path::PathBuf]>) {
        self.reuse.load.note_changed(paths);
    }

    /// Build the site again and bring the output up to date.
    pub(crate) fn update(&mut self) -> Result<Updated, BuildError> {
        match self.try_update() {
            // The output folder was disturbed (its marker removed, a file made unwritable):
            // once more, writing it whole.
            Err(BuildError::Write(_)) if self.written.is_none() => self.try_update(),
            other => other,
        }
    }

    fn try_update(&mut self) -> Result<Updated, BuildError> {
        let mut timer = crate::progress::Progress::quiet();
        let whole = self.written.is_none();
        if whole {
            // Every page is rendered: none can be left as it was written.
            self.reuse.pages.clear();
        }
        // The pages of the documents just saved go first, as soon as nothing refuses the
        // build; they are put back if the rest of it fails.
        let started = std::time::Instant::now();
        let mut first: Option<(Vec<String>, Undo, std::time::Duration)> = None;
        let written = &mut self.written;
        let mut early =
            |out: &Path, input: &render::Input, bodies: &[Rendered], which: &[usize]| {
                let Some(w) = written.as_mut() else { return };
                let pages = render::document_pages(input, bodies, which);
                if pages.failed {
                    return;
                }
                if let Ok((paths, undo)) = w.write_first(out, &pages.files) {
                    first = Some((paths, undo, started.elapsed()));
                }
            };
        let made = site::make(
            &self.opts,
            Some(&mut self.reuse),
            Some(&mut early),
            &mut timer,
        );
        let made = match made {
            Ok(m) => m,
            Err(e) => {
                self.reuse.pages.discard();
                self.put_back(first.map(|f| f.1));
                return Err(e);
            }
        };
        let unchanged: HashSet<String> = self.reuse.pages.take_unchanged().into_iter().collect();
        let result = match &mut self.written {
            Some(w) => w
                .update(&made.out, &made.files, &unchanged)
                .map(|c| (c.written, c.removed)),
            None => write::write_site(&made.out, &made.files).map(|_| {
                self.written = Some(Written::of_site(&made.files));
                (Vec::new(), Vec::new())
            }),
        };
        match result {
            Ok((mut written, removed)) => {
                self.reuse.pages.commit();
                timer.lap("write what changed");
                let first = first.map(|(paths, _, took)| {
                    written.splice(0..0, paths);
                    took
                });
                Ok(Updated {
                    first,
                    report: BuildReport {
                        files_written: made.files.len(),
                        ..made.report
                    },
                    written,
                    removed,
                    whole,
                })
            }
            Err(e) => {
                self.reuse.pages.clear();
                self.written = None;
                Err(e.into())
            }
        }
    }

    /// The rest of an update failed: put back the pages written first.
    fn put_back(&mut self, undo: Option<Undo>) {
        let (Some(undo), Some(w), Some(out)) = (undo, self.written.as_mut(), &self.opts.out) else {
            return;
        };
        if w.undo(out, undo).is_err() {
            // The output is not what this process knows of it: write it whole next time.
            self.written = None;
        }
    }
}
