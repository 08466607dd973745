//! What a build may take from the builds of the same site before it (`serve` keeps a
//! [`Reuse`] between saves): documents not read again while their file is unchanged, their
//! lint findings and rendered bodies while their text is, and pages not rendered while what
//! their template is given is ([`PageMemo`]). Every part is keyed by everything it was made
//! from, so a build with a `Reuse` makes the same files, byte for byte, as a build without.
//!
//! What is not keyed here (the settings, the options, the templates) is the same for every
//! build of one `Reuse`: [`Reuse::for_build`] starts it afresh when one of them changes.

use super::BuildOptions;
use crate::content::{Document, LoadCache};
use crate::diagnostics::Diagnostic;
use crate::key::{Key, KeyHasher};
use crate::lint::Linter;
use crate::render::fragments::Fragments;
use crate::render::memo::PageMemo;
use crate::render::BodyCache;
use rayon::prelude::*;
use std::collections::HashMap;

/// Everything a build may reuse (see the module's documentation).
#[derive(Default)]
pub(crate) struct Reuse {
    pub(crate) load: LoadCache,
    pub(crate) lint: LintCache,
    pub(crate) bodies: BodyCache,
    pub(crate) pages: PageMemo,
    pub(crate) fragments: Fragments,
    /// The compiled templates, with the key of their sources.
    pub(crate) templates: Option<(Key, tera::Tera)>,
    /// The key of what every part above depends on without keying it.
    settings: Option<Key>,
}

impl std::fmt::Debug for Reuse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reuse").finish_non_exhaustive()
    }
}

/// The key of a build's options and settings file: what loading, the lint and rendering
/// depend on besides the documents (the templates are keyed apart, when they are loaded).
pub(crate) fn settings_key(opts: &BuildOptions) -> Key {
    let mut h = KeyHasher::new();
    let settings = std::fs::read(opts.site.join(crate::config::CONFIG_FILE)).unwrap_or_default();
    h.bytes(&settings);
    h.add(&(
        opts.audience.as_str(),
        opts.drafts,
        opts.today.to_string(),
        &opts.known_names,
        &opts.site,
    ));
    h.finish()
}

impl Reuse {
    /// Make ready for a build whose settings and options have the key `settings` (from
    /// [`settings_key`]): if that changed since the last build, nothing of it is reused.
    pub(crate) fn for_build(&mut self, settings: Key) {
        if self.settings != Some(settings) {
            *self = Reuse {
                settings: Some(settings),
                ..Reuse::default()
            };
        }
    }
}

/// The lint's findings in each document, by the document's path and text, for one linter's
/// settings.
#[derive(Debug, Default)]
pub(crate) struct LintCache {
    settings: u128,
    /// Each document's findings, by its key, with the number of the last build that used them.
    found: HashMap<Key, (Vec<Diagnostic>, u64)>,
    /// The number of the build under way.
    builds: u64,
}

impl LintCache {
    /// The findings in force in `docs` (sorted, as [`Linter::lint_all`] gives them), linting
    /// only the documents not linted by the same settings before. `key` keys a document's
    /// path and text ([`LoadCache::key_of`]).
    pub(crate) fn findings(
        &mut self,
        linter: &Linter,
        docs: &[&Document],
        key: &(dyn Fn(&Document) -> Key + Sync),
    ) -> Vec<Diagnostic> {
        if linter.settings_key() != self.settings {
            *self = LintCache {
                settings: linter.settings_key(),
                builds: self.builds,
                ..LintCache::default()
            };
        }
        let keys: Vec<Key> = docs.par_iter().map(|d| key(d)).collect();
        // Only the documents not linted before (after a save, the saved ones).
        let missing: Vec<usize> = (0..docs.len())
            .filter(|&i| !self.found.contains_key(&keys[i]))
            .collect();
        let fresh: Vec<(usize, Vec<Diagnostic>)> = missing
            .par_iter()
            .map(|&i| (i, linter.lint_document_full(docs[i]).0))
            .collect();
        for (i, f) in fresh {
            self.found.insert(keys[i], (f, self.builds));
        }
        // In the documents' order, as a full lint gives them (the sort below is stable).
        let mut all = Vec::new();
        for k in &keys {
            if let Some((f, used)) = self.found.get_mut(k) {
                *used = self.builds;
                all.extend(f.iter().cloned());
            }
        }
        crate::diagnostics::sort(&mut all);
        all
    }

    /// A build begins: what the last one used is kept for it, and nothing older.
    pub(crate) fn roll(&mut self) {
        let last = self.builds;
        self.found.retain(|_, (_, used)| *used == last);
        self.builds += 1;
    }
}
