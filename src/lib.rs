//! learnsite: a static site generator for published learning from safeguarding case reviews.
//!
//! The pipeline (see `docs/architecture.md`): `content` loads the site into typed
//! documents, `lint` finds what could re-identify someone, `site::publish` decides what
//! this build publishes, `render` turns documents into pages, `index` builds the search
//! index, the regional learning index, feeds and sitemap, and `write` swaps the output in.
//! [`site`] runs them in order; [`check`], [`serve`], [`collate`], [`digest`], [`report`] and [`scaffold`]
//! are the other commands.
//!
//! Everything is crate-private unless listed here. The public API is what the `learnsite`
//! binary, the integration tests, the benchmarks and the fuzz targets use:
//!
//! | module | public items |
//! |---|---|
//! | [`site`] | [`site::build`] a board's site with [`site::BuildOptions`]; its [`site::BuildReport`] or [`site::BuildError`] |
//! | [`check`] | [`check::run`] the checks without building, in a [`check::Format`] |
//! | [`collate`] | [`collate::collate`] a regional site with [`collate::CollateOptions`] |
//! | [`digest`] | [`digest::run`] an email-ready update of a period with [`digest::DigestOptions`] |
//! | [`report`] | [`report::run`] the reviews section of a board's annual report with [`report::ReportOptions`] |
//! | [`serve`] | [`serve::serve`] a site and rebuild it on changes |
//! | [`scaffold`] | [`scaffold::init`] a site, [`scaffold::new_document`] |
//! | [`config`], [`content`], [`vocab`] | the site's settings, its loaded documents ([`content::load_site`]) and vocabularies |
//! | [`diagnostics`] | [`diagnostics::Diagnostic`]: an error or warning with file, line, column and hint |
//! | [`lint`] | the pseudonymisation [`lint::Linter`] (for its benchmark) |
//! | [`index`] | the learning index format ([`index::learning`]) and the search index ([`index::search`]) |
//! | [`untrusted`] | one entry point per parser of untrusted text (for the fuzz targets) |

// Diagnostics carry file, place, message, hint and source line: they are large by design,
// and errors are the rare path.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod collate;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod digest;
mod escape;
pub mod index;
mod key;
pub mod lint;
mod order;
mod progress;
mod render;
pub mod report;
pub mod scaffold;
pub mod serve;
pub mod site;
mod sync;
pub mod untrusted;
pub mod vocab;
mod write;
mod yaml;

#[cfg(test)]
mod properties;
