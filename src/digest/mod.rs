//! `learnsite digest`: what was published in a period, as an email-ready update: `digest.html`
//! (inline styles, tables for layout, no scripts or images, absolute links), `digest.txt` and
//! `digest.md`. A further front end on the same engine:
//!
//! - for a board's site (`--since D`), the site is loaded, linted and passed through the same
//!   gate as a build ([`crate::site::decide`]): nothing held back from a build for the same
//!   audience appears, and content errors refuse the digest as they refuse a build;
//! - for a region (`--index FILE...`), the boards' learning indexes are read and merged as
//!   `collate` reads them (they hold only what each board published).
//!
//! Either way the documents become learning-index records and [`model::digest`] says what the
//! digest holds; the files are written through the same staging and swap as a site
//! ([`crate::write::write_site`]). The site's own monthly pages of the same digests are
//! [`crate::render::digest`].

pub mod model;
pub mod text;

use crate::collate::{self, CollateError};
use crate::diagnostics::Diagnostic;
use crate::index::learning::{self, Record};
use crate::render::templates::{self, TemplateError};
use crate::site::{self, BuildError, BuildOptions};
use crate::write::{self, SiteFiles, WriteError};
use chrono::NaiveDate;
use std::path::PathBuf;

/// The files a digest writes.
pub const HTML_FILE: &str = "digest.html";
pub const TEXT_FILE: &str = "digest.txt";
pub const MARKDOWN_FILE: &str = "digest.md";

/// How to make a digest.
#[derive(Debug, Clone)]
pub struct DigestOptions {
    /// The build whose published documents a board's digest lists: its site (with
    /// `learnsite.yaml`; for a region, where `layouts/` may be), audience, the date the gate
    /// decides embargoes on (`--now`) and the lint's private names.
    pub build: BuildOptions,
    /// Learning indexes (files, or folders holding `learning-index.json`): a regional digest.
    pub indexes: Vec<PathBuf>,
    pub since: NaiveDate,
    /// The last day included; default: `today`.
    pub until: Option<NaiveDate>,
    /// The folder to write to.
    pub out: PathBuf,
    /// A regional digest's title.
    pub title: Option<String>,
}

/// What was written.
#[derive(Debug)]
pub struct DigestSummary {
    pub out: PathBuf,
    pub digest: model::Digest,
    /// Warnings of the site's check, or of reading the indexes.
    pub warnings: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, thiserror::Error)]
pub enum DigestError {
    #[error("--until {until} is before --since {since}: give the first day, then the last")]
    Period { since: NaiveDate, until: NaiveDate },
    #[error(transparent)]
    Site(#[from] BuildError),
    #[error(transparent)]
    Indexes(#[from] CollateError),
    #[error("the theme could not be loaded: {0}")]
    Templates(#[from] TemplateError),
    #[error("layouts/email/digest.html could not be filled in: {0}")]
    Render(String),
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl DigestError {
    /// 1 for content errors (as `build`), 2 for usage and file errors.
    pub fn exit_code(&self) -> i32 {
        match self {
            DigestError::Site(e) => e.exit_code(),
            DigestError::Indexes(e) => e.exit_code(),
            DigestError::Templates(_) | DigestError::Render(_) => 1,
            DigestError::Period { .. } | DigestError::Write(_) => 2,
        }
    }
}

/// The records a board's site publishes to the build's audience on its date, its title and its
/// address. Content errors refuse, as they refuse a build.
fn board_records(
    opts: &DigestOptions,
) -> Result<(Vec<Record>, String, String, Vec<Diagnostic>), DigestError> {
    let gated = site::gate(&opts.build, &opts.out)?;
    let s = gated.site();
    let records = gated
        .documents()
        .iter()
        .filter_map(|d| learning::record_for(&s.config, &s.vocab, d))
        .collect();
    Ok((
        records,
        s.config.title.clone(),
        s.config.base_url.clone(),
        gated.diagnostics.clone(),
    ))
}

/// Make the digest and write it.
pub fn run(opts: &DigestOptions) -> Result<DigestSummary, DigestError> {
    let until = opts.until.unwrap_or(opts.build.today);
    if until < opts.since {
        return Err(DigestError::Period {
            since: opts.since,
            until,
        });
    }
    let (records, title, home, diagnostics, warnings, language) = if opts.indexes.is_empty() {
        let (records, title, base, diags) = board_records(opts)?;
        let language = crate::config::Config::load(&opts.build.site)
            .map(|c| c.language)
            .unwrap_or_else(|_| "en-GB".into());
        (records, title, Some(base), diags, Vec::new(), language)
    } else {
        let merged = collate::merge::merge(collate::input::read_all(&opts.indexes)?);
        let title = opts
            .title
            .clone()
            .unwrap_or_else(|| "Learning from reviews across the region".to_string());
        (
            merged.records,
            title,
            None,
            Vec::new(),
            merged.warnings,
            "en-GB".to_string(),
        )
    };
    let out = if opts.indexes.is_empty() {
        write::check_output(&opts.build.site, &opts.out)?
    } else {
        write::check_replaceable(&opts.out)?
    };
    let digest = model::digest(&title, &records, opts.since, until, home.as_deref());

    let tera = templates::load(&opts.build.site.join("layouts"))?;
    let mut ctx = tera::Context::new();
    ctx.insert("digest", &digest);
    ctx.insert("nothing", &text::nothing_published(&digest));
    ctx.insert("audience", opts.build.audience.as_str());
    ctx.insert("language", &language);
    let html = tera
        .render("email/digest.html", &ctx)
        .map_err(|e| DigestError::Render(templates::describe(&e)))?;
    let mut files = SiteFiles::new().with_marker_note("a digest written by `learnsite digest`\n");
    files.push(HTML_FILE, html);
    files.push(TEXT_FILE, text::plain(&digest));
    files.push(MARKDOWN_FILE, text::markdown(&digest));
    let out = write::write_site(&out, &files)?;
    Ok(DigestSummary {
        out,
        digest,
        warnings,
        diagnostics,
    })
}
