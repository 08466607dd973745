//! Load: the content model and the stage that reads `content/` into typed documents.
//!
//! Data flows one way: [`load::load_site`] walks `content/`, splits and parses each
//! file's front-matter into [`Meta`], validates it against the site's vocabularies and
//! returns a [`Site`] plus every [`Diagnostic`] found. Later stages never re-read files.

pub(crate) mod feedback;
pub(crate) mod frontmatter;
pub(crate) mod load;
mod model;

pub use load::{load_site, LoadOutcome};
pub(crate) use load::{load_site_cached, LoadCache};
pub use model::*;
