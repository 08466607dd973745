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
use crate::write::{SiteFiles, Stream};
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
    /// Where each page goes as soon as it is made (kept in memory when `None`).
    stream: Option<&'a Stream>,
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
    fn new(region: &'a Region, tera: &'a Tera, stream: Option<&'a Stream>) -> Self {
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
            stream,
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

    fn render(&self, template: &str, c: &Context) -> Result<String, CollateError> {
        self.tera
            .render(template, c)
            .map_err(|e| CollateError::Template {
                template: template.into(),
                message: templates::describe(&e),
            })
    }

    /// The file `path` made of `parts`: written now when streaming (and returned emptied).
    fn output(&self, path: &str, parts: &[&[u8]]) -> OutFile {
        match self.stream {
            Some(stream) => stream.put_parts(path.to_string(), parts),
            None => OutFile::new(path, parts.concat()),
        }
    }

    /// Render `template` into the file `path`.
    fn render_file(
        &self,
        path: &str,
        template: &str,
        c: &Context,
    ) -> Result<OutFile, CollateError> {
        let html = self.render(template, c)?;
        Ok(match self.stream {
            Some(stream) => stream.put(OutFile::new(path, html)),
            None => OutFile::new(path, html),
        })
    }

    /// Render `template` into the file `path`, where `c[key]` is `blocks`, each block's HTML
    /// the list items `items[i]`. The items are not joined into one string and copied through
    /// the template: the template is rendered with a placeholder in each block's place, and
    /// the file is written as the frame's pieces and the items between them (a regional list
    /// runs to tens of megabytes). A template that does not show each placeholder once, as it
    /// is (`{{ s.html | safe }}`), gets the joined HTML instead, as before.
    fn render_blocks<B: Block>(
        &self,
        path: &str,
        template: &str,
        mut c: Context,
        key: &str,
        mut blocks: Vec<B>,
        items: Vec<Vec<&str>>,
    ) -> Result<OutFile, CollateError> {
        for (i, b) in blocks.iter_mut().enumerate() {
            b.set_html(slot_mark(i));
        }
        c.insert(key, &blocks);
        let frame = self.render(template, &c)?;
        if let Some(cuts) = slot_cuts(&frame, items.len()) {
            let mut parts: Vec<&[u8]> =
                Vec::with_capacity(items.iter().map(Vec::len).sum::<usize>() + 2 * cuts.len() + 1);
            let mut at = 0;
            for (start, end, i) in cuts {
                parts.push(&frame.as_bytes()[at..start]);
                parts.extend(items[i].iter().map(|s| s.as_bytes()));
                at = end;
            }
            parts.push(&frame.as_bytes()[at..]);
            return Ok(self.output(path, &parts));
        }
        for (b, list) in blocks.iter_mut().zip(&items) {
            b.set_html(list.concat());
        }
        c.insert(key, &blocks);
        self.render_file(path, template, &c)
    }

    /// The list items of these entries.
    fn items(&self, entries: &[usize], full: bool) -> Vec<&str> {
        let cache = if full { &self.full } else { &self.short };
        entries.iter().map(|&e| cache[e].as_str()).collect()
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

/// A block of a page whose HTML is a list of items ([`Renderer::render_blocks`]).
trait Block: Serialize {
    fn set_html(&mut self, html: String);
}

/// What a block's HTML is while its page's frame is rendered (a private-use character around
/// a name no record gives: [`slot_cuts`] checks that each appears once).
const SLOT_START: &str = "\u{E000}learnsite-slot-";
const SLOT_END: char = '\u{E000}';

fn slot_mark(i: usize) -> String {
    format!("{SLOT_START}{i}{SLOT_END}")
}

/// Where the `n` placeholders are in `frame`: `(start, end, block)` in the order they appear;
/// `None` unless each of them is there exactly once and nothing else looks like one.
fn slot_cuts(frame: &str, n: usize) -> Option<Vec<(usize, usize, usize)>> {
    let mut seen = vec![false; n];
    let mut cuts = Vec::with_capacity(n);
    for (start, _) in frame.match_indices(SLOT_START) {
        let rest = &frame[start + SLOT_START.len()..];
        let digits = rest.find(SLOT_END)?;
        let i: usize = rest[..digits].parse().ok()?;
        if i >= n || std::mem::replace(&mut seen[i], true) {
            return None;
        }
        cuts.push((
            start,
            start + SLOT_START.len() + digits + SLOT_END.len_utf8(),
            i,
        ));
    }
    seen.iter().all(|s| *s).then_some(cuts)
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
pub(super) const MARKER_NOTE: &str =
    "This folder was written by learnsite collate; it is replaced whole on every run.\n";

/// The page list of the regional site: every file, for [`crate::write::write_site`]. With a
/// `stream`, each file is written into its staging folder as soon as it is made and is in the
/// list emptied (for [`Stream::finish`]); without, the list holds every file's bytes.
pub(crate) fn render_site(
    region: &Region,
    tera: &Tera,
    stream: Option<&Stream>,
) -> Result<SiteFiles, CollateError> {
    use crate::progress::timed;
    let renderer = timed("list items", || Renderer::new(region, tera, stream));
    let jobs = jobs(region);
    let put = |files: Vec<OutFile>| -> Vec<OutFile> {
        match stream {
            Some(s) => files.into_par_iter().map(|f| s.put(f)).collect(),
            None => files,
        }
    };
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
                || timed("search", || put(super::search::search_files(region))),
            )
        },
        || {
            let index = region.learning_index();
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
            // Its copies of the records are let go here, in parallel with the pages.
            drop(index);
            put(vec![
                OutFile::new(learning::JSON_FILE, json),
                OutFile::new(learning::CSV_FILE, csv),
                OutFile::new(learning::RECOMMENDATIONS_CSV_FILE, recs),
            ])
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

#[cfg(test)]
mod tests {
    use super::{slot_cuts, slot_mark};

    #[test]
    fn placeholders_are_found_once_each_or_not_at_all() {
        let frame = format!("<a>{}<b>{}<c>", slot_mark(1), slot_mark(0));
        let cuts = slot_cuts(&frame, 2).unwrap();
        assert_eq!(cuts.iter().map(|c| c.2).collect::<Vec<_>>(), [1, 0]);
        assert_eq!(&frame[cuts[0].0..cuts[0].1], slot_mark(1));
        assert_eq!(&frame[cuts[1].1..], "<c>");
        // Missing, twice, or one that is not a block's: the page is made whole instead.
        assert!(slot_cuts(&frame, 3).is_none());
        assert!(slot_cuts(&format!("{frame}{}", slot_mark(0)), 2).is_none());
        assert!(slot_cuts(&frame, 1).is_none());
        assert!(slot_cuts(
            &format!("{frame}{}", slot_mark(0).trim_end_matches('\u{E000}')),
            2
        )
        .is_none());
        assert_eq!(slot_cuts("no blocks", 0), Some(vec![]));
    }
}
