//! learnsite: a static site generator for published learning from safeguarding case reviews.
//!
//! The pipeline (see `DESIGN.md`): [`content`] loads the site into typed documents,
//! [`lint`] finds what could re-identify someone, [`gate`] decides what this build
//! publishes, [`render`] turns documents into pages, [`index`] builds listings, feeds,
//! the search index and the regional learning index, and [`write`] swaps the output in.

pub mod config;
pub mod content;
pub mod diagnostics;
pub mod vocab;
pub mod collate;
pub mod index;
pub mod lint;
