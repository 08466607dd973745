//! learnsite: a static site generator for published learning from safeguarding case reviews.
//!
//! The pipeline (see `DESIGN.md`): [`content`] loads the site into typed documents,
//! [`lint`] finds what could re-identify someone, [`gate`] decides what this build
//! publishes, [`render`] turns documents into pages, [`index`] builds listings, feeds,
//! the search index and the regional learning index, and [`write`] swaps the output in.
//! [`build`] runs them in order; [`check`] and [`serve`] are the other commands.

// Diagnostics carry file, place, message, hint and source line: they are large by design,
// and errors are the rare path.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod collate;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod escape;
pub mod index;
pub mod lint;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod untrusted;
pub mod vocab;
pub mod write;
pub mod yaml;

#[cfg(test)]
mod properties;
