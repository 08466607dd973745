//! `learnsite report`: the reviews section of a board's annual report, for one financial year
//! (April to March) or calendar year, as markdown, a printable HTML page in the site's theme,
//! and a Word document. A further front end on the same engine, beside `build`, `collate`
//! and `digest`:
//!
//! - the site is loaded, linted and passed through the same gate as a build for the report's
//!   audience and date ([`crate::site::gate`]): nothing held back from that build appears,
//!   and content errors refuse the report as they refuse a build;
//! - [`model`] chooses what the year's report holds; [`compose`] says it as [`blocks`], once;
//!   [`write`] and [`docx`] write the blocks as markdown, HTML and `.docx`;
//! - the files go through the same staging and swap as a site ([`crate::write::write_site`]).

pub(crate) mod blocks;
pub(crate) mod compose;
pub(crate) mod docx;
pub(crate) mod findings;
pub(crate) mod model;
pub mod period;
pub(crate) mod write;

use crate::diagnostics::Diagnostic;
use crate::render::templates::{self, TemplateError};
use crate::site::{self, BuildError, BuildOptions};
use crate::write::{self as output, SiteFiles, WriteError};
use period::Period;
use std::path::PathBuf;

/// How to make a report.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// The build whose published documents the report reads: its site (with
    /// `learnsite.yaml`), audience, the report date (the gate decides embargoes on it, and
    /// recommendations' status and overdue are as at it: `--now`) and the lint's private names.
    pub build: BuildOptions,
    pub period: Period,
    /// Report on one board's reviews, on a site several boards share (`--board`); by default
    /// every review on the site.
    pub board: Option<String>,
    /// The folder to write to; default `annual-report-<year>` (e.g. `annual-report-2025-26`).
    pub out: Option<PathBuf>,
}

impl ReportOptions {
    /// The output folder.
    pub fn out_path(&self) -> PathBuf {
        self.out
            .clone()
            .unwrap_or_else(|| PathBuf::from(format!("annual-report-{}", self.period.slug())))
    }
    /// The name the three files share: `annual-report-2025-26`.
    pub fn file_stem(&self) -> String {
        format!("annual-report-{}", self.period.slug())
    }
}

/// What was written.
#[derive(Debug)]
pub struct ReportSummary {
    pub out: PathBuf,
    /// The files written, by name (`annual-report-2025-26.md`, `.html`, `.docx`).
    pub files: Vec<String>,
    pub arranged: usize,
    pub concluded: usize,
    pub ongoing: usize,
    pub recommendations: usize,
    pub overdue: usize,
    pub not_implemented: usize,
    /// Warnings of the site's check.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Site(#[from] BuildError),
    #[error(
        "--board `{given}`: no published document of this site is from that board. {}",
        known_boards(known)
    )]
    Board { given: String, known: Vec<String> },
    #[error("the theme could not be loaded: {0}")]
    Templates(#[from] TemplateError),
    #[error("layouts/report.html could not be filled in: {0}")]
    Render(String),
    #[error("the Word document could not be made: {0}")]
    Docx(#[from] zip::result::ZipError),
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl ReportError {
    /// 1 for content and template errors (as `build`), 2 for file errors.
    pub fn exit_code(&self) -> i32 {
        match self {
            ReportError::Site(e) => e.exit_code(),
            ReportError::Templates(_) | ReportError::Render(_) => 1,
            ReportError::Board { .. } | ReportError::Docx(_) | ReportError::Write(_) => 2,
        }
    }
}

fn known_boards(known: &[String]) -> String {
    match known {
        [] => "The site publishes no documents for this audience.".to_string(),
        _ => format!(
            "Give one of: {} (as written in `board:`, in any case).",
            known
                .iter()
                .map(|b| format!("\"{b}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The theme's stylesheet, or the site's own (`static/assets/style.css`), for the HTML page.
fn stylesheet(site: &crate::content::Site, files: &mut SiteFiles) {
    let rel = crate::render::theme::STYLESHEET;
    if site.static_files.iter().any(|f| f == rel) {
        files.copy(rel, site.root.join("static").join(rel));
    } else if let Some((_, css)) = templates::DEFAULT_ASSETS.iter().find(|(p, _)| *p == rel) {
        files.push(rel, *css);
    }
}

/// Make the report and write it.
pub fn run(opts: &ReportOptions) -> Result<ReportSummary, ReportError> {
    let build = &opts.build;
    let out_arg = opts.out_path();
    let gated = site::gate(build, &out_arg)?;
    let s = gated.site();
    let out = output::check_output(&build.site, &out_arg)?;
    let docs = gated.documents();
    let ongoing = gated.decision.ongoing(s);
    let uptake = site::publish::uptake(s, &docs, &build.publication());
    if let Some(b) = &opts.board {
        let known = model::boards(&s.config, docs.iter().chain(&ongoing).copied());
        if !known
            .iter()
            .any(|k| model::board_key(k) == model::board_key(b))
        {
            return Err(ReportError::Board {
                given: b.clone(),
                known,
            });
        }
    }
    let report = model::report(
        &model::Input {
            config: &s.config,
            board: opts.board.as_deref(),
            vocab: &s.vocab,
            docs: &docs,
            ongoing: &ongoing,
            uptake: &uptake,
            audience: build.audience,
            today: build.today,
        },
        opts.period,
    );
    let blocks = compose::compose(&report);
    let title = blocks::text_of(match &blocks[0] {
        blocks::Block::Heading(_, l) => l,
        _ => unreachable!("a report starts with its title"),
    });

    let tera = templates::load(&build.site.join("layouts"))?;
    let mut ctx = tera::Context::new();
    ctx.insert("title", &title);
    ctx.insert("board", &report.board);
    ctx.insert("language", &s.config.language);
    ctx.insert("audience", build.audience.as_str());
    ctx.insert("body", &write::html(&blocks));
    let html = tera
        .render("report.html", &ctx)
        .map_err(|e| ReportError::Render(templates::describe(&e)))?;
    let docx = docx::docx(
        &blocks,
        &docx::Properties {
            title: &title,
            author: &report.board,
            language: &s.config.language,
            date: build.today,
        },
    )?;

    let stem = opts.file_stem();
    let names = [
        format!("{stem}.md"),
        format!("{stem}.html"),
        format!("{stem}.docx"),
    ];
    let mut files = SiteFiles::new()
        .with_marker_note("an annual report section written by `learnsite report`\n");
    files.push(names[0].clone(), write::markdown(&blocks));
    files.push(names[1].clone(), html);
    files.push(names[2].clone(), docx);
    stylesheet(s, &mut files);
    let out = output::write_site(&out, &files)?;
    let counts = report.counts();
    Ok(ReportSummary {
        out,
        files: names.to_vec(),
        arranged: report.arranged.len(),
        concluded: report.concluded.len(),
        ongoing: report.ongoing.len(),
        recommendations: counts.total(),
        overdue: counts.overdue,
        not_implemented: report.not_implemented().len(),
        diagnostics: gated.diagnostics.clone(),
    })
}
