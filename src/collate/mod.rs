//! `learnsite collate`: a regional site from many boards' learning indexes (issue 6).
//!
//! ```text
//! INDEX.json | FOLDER/learning-index.json ...
//!   ──read──▶ checked LearningIndex per file (schema, version, every record)
//!   ──merge──▶ one record per (board, kind, reference) — the newer build wins
//!   ──region──▶ themes, boards, years and their counts, recommendations
//!   ──pages──▶ HTML (the theme's layouts/region/ templates on the shared base.html and
//!              partials; a site's own layouts/ may replace any of them), SVG charts,
//!              merged learning-index.json/.csv
//!   ──write──▶ the same staging and swap as a board build (crate::write)
//! ```
//! Every link in the regional site is relative, so it also works opened from disk.

mod chart;
pub(crate) mod input;
pub(crate) mod merge;
mod pages;
pub(crate) mod region;
mod search;

use crate::write;
use chrono::NaiveDate;
use std::fmt;
use std::path::PathBuf;

/// What to collate and where to.
#[derive(Debug, Clone)]
pub struct CollateOptions {
    /// Learning index files, or folders containing `learning-index.json`.
    pub inputs: Vec<PathBuf>,
    /// The folder to write the regional site to (replaced whole, atomically).
    pub out: PathBuf,
    /// Title of the regional site; by default from the records' common region.
    pub title: Option<String>,
    /// The collate date: the regional index's build date, "last 12 months", overdue.
    pub today: NaiveDate,
    /// Your own templates: a site's `layouts/` folder. `layouts/region/<name>.html` replaces the
    /// regional theme's `<name>.html`; `layouts/base.html` and `layouts/partials/*.html` the
    /// frame both themes share. `None`, or a folder that does not exist: the default theme.
    pub layouts: Option<PathBuf>,
    /// Show a progress bar if collating takes more than a second (on a terminal only).
    pub progress: bool,
}

/// What a collate did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollateSummary {
    pub out: PathBuf,
    pub title: String,
    /// Index files read.
    pub inputs: usize,
    pub boards: usize,
    /// Records in the regional index (after duplicates were merged).
    pub records: usize,
    /// Records dropped because another index held a newer copy (same board, kind and reference).
    pub duplicates: usize,
    pub themes: usize,
    pub recommendations: usize,
    pub overdue: usize,
    /// HTML pages written.
    pub pages: usize,
    /// All files written.
    pub files: usize,
    /// Things the person collating should know (duplicates merged, records without a board).
    pub warnings: Vec<String>,
}

impl fmt::Display for CollateSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "collated {} learning index{} ({} board{}, {} record{}",
            self.inputs,
            if self.inputs == 1 { "" } else { "es" },
            self.boards,
            if self.boards == 1 { "" } else { "s" },
            self.records,
            if self.records == 1 { "" } else { "s" },
        )?;
        if self.duplicates > 0 {
            write!(
                f,
                ", {} duplicate{} merged",
                self.duplicates,
                if self.duplicates == 1 { "" } else { "s" }
            )?;
        }
        write!(
            f,
            ") into {}: {} pages, {} themes, {} recommendations ({} overdue)",
            self.out.display(),
            self.pages,
            self.themes,
            self.recommendations,
            self.overdue
        )
    }
}

/// Why a collate failed. Every message names the file (and record) at fault and what to do.
#[derive(Debug, thiserror::Error)]
pub enum CollateError {
    #[error("no learning index given: name one or more learning-index.json files, or folders that contain one")]
    NoInputs,
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} has no {}: give the path of a board's learning index, or of the built site folder (e.g. public/) that contains it", path.display(), crate::index::learning::JSON_FILE)]
    NoIndexInFolder { path: PathBuf },
    #[error("{} {source}", path.display())]
    Index {
        path: PathBuf,
        source: crate::index::learning::IndexError,
    },
    /// The output folder cannot be replaced, or writing it failed (nothing was changed).
    #[error(transparent)]
    Write(#[from] crate::write::WriteError),
    #[error("{0}")]
    Templates(#[from] crate::render::templates::TemplateError),
    #[error("layouts/{template}: {message}. Check the template named here; remove your copy from layouts/ to use the default theme's")]
    Template { template: String, message: String },
}

impl CollateError {
    /// The process exit code for this error (`DESIGN.md`): 1 when an input index is at fault
    /// (like a build error), 2 for usage and I/O problems.
    pub fn exit_code(&self) -> i32 {
        match self {
            CollateError::Index { .. }
            | CollateError::Template { .. }
            | CollateError::Templates(_) => 1,
            _ => 2,
        }
    }
}

/// Read every index, merge, and write the regional site to `opts.out`.
pub fn collate(opts: &CollateOptions) -> Result<CollateSummary, CollateError> {
    if opts.inputs.is_empty() {
        return Err(CollateError::NoInputs);
    }
    // Fail early, before the work, when the output folder cannot be replaced.
    let out = write::check_replaceable(&opts.out)?;
    let mut progress = crate::progress::Progress::new(opts.progress, 4);
    progress.step(&format!(
        "Reading {} learning index{}",
        crate::progress::count(opts.inputs.len()),
        if opts.inputs.len() == 1 { "" } else { "es" }
    ));
    let indexes = input::read_all(&opts.inputs)?;
    let inputs = indexes.len();
    progress.lap("read");
    progress.step("Bringing the boards' records together");
    let merged = crate::progress::timed("merge", || merge::merge(indexes));
    let region = crate::progress::timed("region", || {
        region::Region::build(merged, opts.title.clone(), opts.today)
    });
    progress.lap("merge");
    let tera = match &opts.layouts {
        Some(dir) => crate::render::templates::load(dir)?,
        None => crate::render::templates::default_theme()?,
    };
    progress.step("Making and writing the region's pages and search index");
    // Each file goes into the staging folder as soon as it is made (the pages of a large
    // region are hundreds of megabytes); the folder is swapped in only when all are there.
    let stream = write::Stream::with_note(&out, pages::MARKER_NOTE)?;
    let files = pages::render_site(&region, &tera, Some(&stream))?;
    progress.lap("pages and search");
    let pages = (files.files().iter())
        .filter(|f| f.path.ends_with(".html"))
        .count();
    let total_files = files.len() + 1;
    progress.step(&format!(
        "Writing {} files",
        crate::progress::count(total_files)
    ));
    let summary = CollateSummary {
        out: opts.out.clone(),
        title: region.title.clone(),
        inputs,
        boards: region.boards.len(),
        records: region.entries.len(),
        duplicates: region.duplicates,
        themes: region.themes.len(),
        recommendations: region.counts.recommendations,
        overdue: region.counts.overdue,
        pages,
        files: total_files,
        warnings: region.warnings.clone(),
    };
    // The region's records are let go while the last files are written and swapped in.
    let ((), written) = rayon::join(|| drop(region), || stream.finish(&files));
    written?;
    progress.lap("write and swap in");
    Ok(summary)
}

/// Collate one index already read, in memory: the regional site's files, nothing written
/// (for the fuzz target of the learning-index reader, [`crate::untrusted::learning_index`]).
pub(crate) fn collate_in_memory(
    index: crate::index::learning::LearningIndex,
    today: NaiveDate,
) -> Result<write::SiteFiles, CollateError> {
    let loaded = input::Loaded {
        path: PathBuf::from(crate::index::learning::JSON_FILE),
        index,
    };
    let region = region::Region::build(merge::merge(vec![loaded]), None, today);
    pages::render_site(&region, &crate::render::templates::default_theme()?, None)
}

#[cfg(test)]
mod tests;
