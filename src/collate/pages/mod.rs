//! Render the regional site: the theme's templates (`layouts/region/*.html`, extending the same
//! `base.html` and partials as a board site), the charts, and the merged index files. Every link
//! is relative (`{{ root }}…/index.html`), so the site works opened from disk.
//!
//! The pages, by what they show (a regional site may hold tens of thousands of records, so no
//! list is written more often than it must be):
//! - [`home`]: `index.html`, the overview, theme × board and theme × year tables and charts;
//! - [`terms`]: the index tables `themes/`, `boards/`, `years/`, `review-types/`, `methodologies/`;
//! - [`documents`]: a theme's documents newest first in sections by year (`#year-2024`: the
//!   theme × year cells link there); a board's in sections by theme (`#theme-THEME`); a year's,
//!   a review type's, a methodology's;
//! - [`recommendations`]: `recommendations/index.html` and `recommendations/THEME/index.html`, by
//!   status, overdue first;
//! - [`uptake`]: `uptake/index.html`, the briefings teams have discussed, by board and briefing;
//! - [`markers`]: `quality-markers/index.html`, the SAR Quality Markers compared across boards;
//! - [`impact`]: `impact/index.html`, what boards found when they looked again, and
//!   `people/index.html`, the people at the centre of the reviews by their codes;
//! - the search page (`search/index.html`, the board sites' `search.html`);
//! - `learning-index.json` (the merged index), `.csv`, `-recommendations.csv`, `assets/`.
//!
//! The markup of one document or recommendation in a list is written in Rust ([`items`]); the
//! pages around it are templates.

mod documents;
mod home;
mod impact;
mod items;
mod markers;
mod recommendations;
mod terms;
mod uptake;

use super::region::Region;
use super::CollateError;
use crate::content::MonthYear;
use crate::index::learning;
use crate::render::templates::{self, DEFAULT_ASSETS, REGION_ASSETS};
use crate::render::theme::Frame;
use crate::render::view::SiteView;
pub(super) use crate::write::OutFile;
use crate::write::SiteFiles;
use chrono::NaiveDate;
use documents::List;
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};
use terms::{Facet, Index};

/// Where the "Exit this page" button goes: a neutral site.
pub(crate) const QUICK_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

fn human_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn human_month(s: &str) -> String {
    MonthYear::parse(s)
        .map(|m| m.human())
        .unwrap_or_else(|_| s.to_string())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[derive(Serialize)]
struct Crumb {
    href: String,
    title: String,
}

fn crumb(href: impl Into<String>, title: impl Into<String>) -> Crumb {
    Crumb {
        href: href.into(),
        title: title.into(),
    }
}

/// What the base template and partials show on every regional page: the same `site` a board
/// site's pages get, with the region's navigation and footer.
fn site_view(region: &Region) -> SiteView {
    let built = region.today.format("%Y-%m-%d").to_string();
    SiteView {
        title: region.title.clone(),
        description: None,
        board: None,
        region: region.region.clone(),
        language: "en-GB".into(),
        base_url: String::new(),
        quick_exit: true,
        quick_exit_url: QUICK_EXIT_URL.into(),
        accessibility_href: String::new(),
        audience: "public",
        drafts_shown: false,
        built,
        has_highlight_css: false,
        frame: Frame::region(
            &human_date(region.today),
            &learning::generator(),
            region.sources.len(),
        ),
    }
}

/// One page to render, by what it shows.
enum Job {
    Home,
    Search,
    Index(Index),
    Documents(List),
    Recommendations,
    ThemeRecommendations(Option<usize>),
    Uptake,
    QualityMarkers,
    Impact,
    People,
}

struct Renderer<'a> {
    region: &'a Region,
    tera: &'a Tera,
    site: SiteView,
    /// Each entry as a list item: with its summary (theme pages), and without.
    full: Vec<String>,
    short: Vec<String>,
    /// Each entry's recommendations as list items.
    recs: Vec<Vec<String>>,
    /// For each board, its entries on each theme: (theme, entries newest first), in theme order.
    board_themes: Vec<Vec<(usize, Vec<usize>)>>,
}

impl<'a> Renderer<'a> {
    fn new(region: &'a Region, tera: &'a Tera) -> Self {
        let mut board_themes: Vec<Vec<(usize, Vec<usize>)>> = vec![Vec::new(); region.boards.len()];
        for (t, th) in region.themes.iter().enumerate() {
            for &e in &th.entries {
                let b = &mut board_themes[region.entries[e].board];
                match b.last_mut() {
                    Some((last, list)) if *last == t => list.push(e),
                    _ => b.push((t, vec![e])),
                }
            }
        }
        let all = |full: bool| -> Vec<String> {
            region
                .entries
                .par_iter()
                .map(|e| items::document(region, e, full))
                .collect()
        };
        let ((full, short), recs) = rayon::join(
            || rayon::join(|| all(true), || all(false)),
            || {
                region
                    .entries
                    .par_iter()
                    .map(|e| {
                        (0..e.overdue.len())
                            .map(|i| items::recommendation(region, e, i))
                            .collect()
                    })
                    .collect()
            },
        );
        Renderer {
            region,
            tera,
            site: site_view(region),
            board_themes,
            full,
            short,
            recs,
        }
    }

    /// The variables every page gets, as a board site's pages get them.
    fn page(&self, depth: usize, title: &str, section: &str, crumbs: Vec<Crumb>) -> Context {
        let mut c = Context::new();
        c.insert("site", &self.site);
        c.insert("root", &"../".repeat(depth));
        c.insert("page_title", title);
        c.insert("section", section);
        c.insert("crumbs", &crumbs);
        c
    }

    /// Render `template` into the file `path`.
    fn render_file(
        &self,
        path: &str,
        template: &str,
        c: &Context,
    ) -> Result<OutFile, CollateError> {
        let html = self
            .tera
            .render(template, c)
            .map_err(|e| CollateError::Template {
                template: template.into(),
                message: templates::describe(&e),
            })?;
        Ok(OutFile::new(path, html))
    }

    /// The list items of these entries, joined.
    fn items(&self, entries: &[usize], full: bool) -> String {
        let cache = if full { &self.full } else { &self.short };
        let mut html = String::with_capacity(entries.iter().map(|&e| cache[e].len()).sum());
        for &e in entries {
            html.push_str(&cache[e]);
        }
        html
    }

    fn job(&self, job: &Job) -> Result<OutFile, CollateError> {
        match job {
            Job::Home => self.home(),
            Job::Search => {
                let c = self.page(1, "Search", "search", vec![]);
                self.render_file("search/index.html", "search.html", &c)
            }
            Job::Index(which) => self.index(*which),
            Job::Documents(which) => self.documents(*which),
            Job::Recommendations => self.recommendations_index(),
            Job::ThemeRecommendations(t) => self.theme_recommendations(*t),
            Job::Uptake => self.uptake(),
            Job::QualityMarkers => self.quality_markers(),
            Job::Impact => self.impact(),
            Job::People => self.people(),
        }
    }
}

/// Every page of the regional site, in the order they are written.
fn jobs(region: &Region) -> Vec<Job> {
    let mut jobs = vec![
        Job::Search,
        Job::Home,
        Job::Index(Index::Themes),
        Job::Index(Index::Boards),
        Job::Index(Index::Years),
        Job::Recommendations,
        Job::Uptake,
        Job::QualityMarkers,
        Job::Impact,
        Job::People,
    ];
    for (t, th) in region.themes.iter().enumerate() {
        jobs.push(Job::Documents(List::Theme(t)));
        if !th.recs.is_empty() {
            jobs.push(Job::ThemeRecommendations(Some(t)));
        }
    }
    if !region.untagged_recs.is_empty() {
        jobs.push(Job::ThemeRecommendations(None));
    }
    jobs.extend((0..region.boards.len()).map(|b| Job::Documents(List::Board(b))));
    jobs.extend((0..region.years.len()).map(|y| Job::Documents(List::Year(y))));
    for f in Facet::ALL {
        jobs.push(Job::Index(Index::Facet(f)));
        jobs.extend((0..f.terms(region).len()).map(|t| Job::Documents(List::Term(f, t))));
    }
    jobs
}

/// What the output folder's marker file says.
const MARKER_NOTE: &str =
    "This folder was written by learnsite collate; it is replaced whole on every run.\n";

/// The page list of the regional site: every file, for [`crate::write::write_site`].
pub(crate) fn render_site(region: &Region, tera: &Tera) -> Result<SiteFiles, CollateError> {
    use crate::progress::timed;
    let renderer = timed("list items", || Renderer::new(region, tera));
    let jobs = jobs(region);
    let index = region.learning_index();
    let ((pages, search), data) = rayon::join(
        || {
            rayon::join(
                || {
                    timed("pages", || {
                        jobs.par_iter()
                            .map(|j| renderer.job(j))
                            .collect::<Result<Vec<_>, _>>()
                    })
                },
                || timed("search", || super::search::search_files(region)),
            )
        },
        || {
            let (json, (csv, recs)) = timed("learning index", || {
                rayon::join(
                    || learning::to_json_compact(&index),
                    || {
                        rayon::join(
                            || learning::to_csv(&index),
                            || learning::recommendations_csv(&index),
                        )
                    },
                )
            });
            vec![
                OutFile::new(learning::JSON_FILE, json),
                OutFile::new(learning::CSV_FILE, csv),
                OutFile::new(learning::RECOMMENDATIONS_CSV_FILE, recs),
            ]
        },
    );
    let mut files = SiteFiles::new().with_marker_note(MARKER_NOTE);
    files.extend(pages?);
    files.extend(data);
    files.extend(search);
    for (path, text) in DEFAULT_ASSETS.iter().chain(REGION_ASSETS) {
        files.push(*path, *text);
    }
    Ok(files)
}
