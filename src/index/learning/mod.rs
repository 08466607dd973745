//! The regional learning index export: `learning-index.json`, `learning-index.csv` and
//! `learning-index-recommendations.csv` (issue 6).
//!
//! One [`Record`] per visible review summary, briefing and learning summary, with the
//! metadata a regional group compares across boards and, for reviews, every recommendation.
//! The JSON form is versioned ([`SCHEMA`], [`VERSION`]), described by
//! `schema/learning-index.schema.json` and documented in `docs/learning-index.md`.
//! `learnsite collate` ([`crate::collate`]) reads these files back with [`parse_index`].
//!
//! Versioning rule: within one `version`, fields may be added (readers ignore fields they do not
//! know) but never removed, renamed or given another meaning; anything else bumps `version`.
//!
//! Version 2 (issue 11) adds the `not-implemented` status (with its `reason`) and the rest of
//! a tracked action (`agency`, `revised_due`, `updates`, `scope`, `themes`), quality markers,
//! impact, the person's codes, learning-summary sections, `commissioned`, and the ongoing
//! reviews. Every version-1 index is a valid version-2 index without those, so one reader
//! reads both ([`READS`]).

mod build;
mod read;
mod record;
mod sections;
mod spreadsheet;

pub use build::*;
pub use read::*;
pub use record::*;
pub(crate) use spreadsheet::*;

/// Value of the `schema` field of every learning index.
pub const SCHEMA: &str = "learnsite-learning-index";
/// The version of the index format this build writes.
pub const VERSION: u32 = 2;
/// The versions this build reads (`collate` takes indexes of any of them).
pub(crate) const READS: [u32; 2] = [1, 2];
/// File names the build and `collate` write at the output root.
pub const JSON_FILE: &str = "learning-index.json";
pub(crate) const CSV_FILE: &str = "learning-index.csv";
pub(crate) const RECOMMENDATIONS_CSV_FILE: &str = "learning-index-recommendations.csv";

#[cfg(test)]
pub(crate) mod tests;
