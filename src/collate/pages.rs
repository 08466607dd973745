//! Render the regional site: Tera templates from `layouts/collate/` (compiled into the binary),
//! the charts, and the merged index files. Every link is relative (`{{ root }}…/index.html`), so
//! the site works opened from disk.
//!
//! Pages (a regional site may hold tens of thousands of records, so no list is written twice
//! more than it must be):
//! - `index.html`: overview, theme × board and theme × year tables and charts;
//! - `themes/index.html`, `themes/THEME/index.html`: every board's documents on a theme, newest
//!   first, in sections by year (`#year-2024`: the theme × year cells link there);
//! - `boards/index.html`, `boards/BOARD/index.html`: a board's documents in sections by theme
//!   (`#theme-THEME`: the theme × board cells link there);
//! - `years/`, `review-types/`, `methodologies/`: an index page and a page per value;
//! - `recommendations/index.html`, `recommendations/THEME/index.html`: by theme, then status;
//! - `learning-index.json` (the merged index), `.csv`, `-recommendations.csv`, `assets/`.
//!
//! The markup of one document or recommendation in a list is written here in Rust (it is
//! repeated hundreds of thousands of times in a national collate); the pages around it are Tera.

use super::chart::{self, esc};
use super::output::OutFile;
use super::region::{Entry, Region};
use super::CollateError;
use crate::content::{MonthYear, RecommendationStatus};
use crate::index::learning;
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use std::fmt::Write as _;
use std::sync::OnceLock;
use tera::{Context, Tera};

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../layouts/collate/base.html")),
    ("home.html", include_str!("../../layouts/collate/home.html")),
    ("list.html", include_str!("../../layouts/collate/list.html")),
    (
        "terms.html",
        include_str!("../../layouts/collate/terms.html"),
    ),
    (
        "recommendations.html",
        include_str!("../../layouts/collate/recommendations.html"),
    ),
];
const CSS: &str = include_str!("../../layouts/collate/collate.css");
const JS: &str = include_str!("../../layouts/collate/collate.js");
/// Where the "Exit this page" button goes: a neutral site.
pub const QUICK_EXIT_URL: &str = "https://www.bbc.co.uk/weather";
/// Summaries on theme pages are cut to about this many characters (the board's page has it whole).
const SUMMARY_CHARS: usize = 240;

fn tera() -> Result<&'static Tera, CollateError> {
    static TERA: OnceLock<Result<Tera, String>> = OnceLock::new();
    TERA.get_or_init(|| {
        let mut t = Tera::default();
        t.add_raw_templates(
            TEMPLATES
                .iter()
                .copied()
                .chain([("search.html", crate::index::search::SEARCH_TEMPLATE)]),
        )
        .map_err(|e| format!("{e:?}"))?;
        // Escape what HTML needs, and leave `/` alone so URLs stay readable.
        t.set_escape_fn(esc);
        Ok(t)
    })
    .as_ref()
    .map_err(|message| CollateError::Template {
        template: "layouts/collate".into(),
        message: message.clone(),
    })
}

fn render(template: &str, ctx: &Context) -> Result<String, CollateError> {
    tera()?.render(template, ctx).map_err(|e| {
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            message.push_str(": ");
            message.push_str(&s.to_string());
            source = s.source();
        }
        CollateError::Template {
            template: template.into(),
            message,
        }
    })
}

fn human_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn human_month(s: &str) -> String {
    MonthYear::parse(s)
        .map(|m| m.human())
        .unwrap_or_else(|_| s.to_string())
}

fn shorten_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':', '.']))
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

#[derive(Serialize)]
struct Related {
    /// Complete href (already relative to the page).
    href: String,
    title: String,
    note: Option<String>,
}

#[derive(Serialize)]
struct Cell {
    count: usize,
    href: String,
    label: String,
}

#[derive(Serialize)]
struct ThemeRow<'a> {
    label: &'a str,
    path: &'a str,
    total: usize,
    recent: usize,
    board_cells: Vec<Cell>,
    year_cells: Vec<Cell>,
}

#[derive(Serialize)]
struct TermCell {
    text: String,
    overdue: bool,
}

fn cell(n: usize) -> TermCell {
    TermCell {
        text: n.to_string(),
        overdue: false,
    }
}

fn overdue_cell(n: usize) -> TermCell {
    TermCell {
        text: n.to_string(),
        overdue: n > 0,
    }
}

#[derive(Serialize)]
struct TermRow {
    href: String,
    label: String,
    note: Option<String>,
    cells: Vec<TermCell>,
}

#[derive(Serialize)]
struct NameRef<'a> {
    name: &'a str,
    path: &'a str,
}

#[derive(Serialize)]
struct YearRef<'a> {
    label: &'a str,
    path: &'a str,
}

/// A section of a list page: a heading (or none) and its items' HTML.
#[derive(Serialize)]
struct Section {
    id: String,
    heading: Option<String>,
    count: usize,
    html: String,
}

#[derive(Serialize)]
struct Group {
    id: &'static str,
    label: &'static str,
    count: usize,
    overdue: usize,
    html: String,
}

/// A page listing documents.
struct ListPage<'p> {
    path: String,
    depth: usize,
    section: &'p str,
    title: &'p str,
    caption: Option<&'p str>,
    intro: String,
    crumbs: Vec<Crumb>,
    related: Vec<Related>,
    count: usize,
    sections: Vec<Section>,
}

/// A browsing facet with a page per value (themes, boards and years have their own pages).
#[derive(Debug, Clone, Copy)]
enum Facet {
    ReviewType,
    Methodology,
}

impl Facet {
    fn terms(self, r: &Region) -> &[super::region::TermInfo] {
        match self {
            Facet::ReviewType => &r.review_types,
            Facet::Methodology => &r.methodologies,
        }
    }
    /// Folder and nav section; the same names as the board sites use.
    fn folder(self) -> &'static str {
        match self {
            Facet::ReviewType => "review-types",
            Facet::Methodology => "methodologies",
        }
    }
    fn title(self) -> &'static str {
        match self {
            Facet::ReviewType => "Review types",
            Facet::Methodology => "Methodologies",
        }
    }
    fn noun(self) -> &'static str {
        match self {
            Facet::ReviewType => "Review type",
            Facet::Methodology => "Methodology",
        }
    }
    fn intro(self) -> &'static str {
        match self {
            Facet::ReviewType => "Documents by the type of review they come from (Safeguarding Adults Review, Domestic Homicide Review, Child Safeguarding Practice Review, …).",
            Facet::Methodology => "Documents by the methodology of the review (SILP, SCIE Learning Together, Appreciative Inquiry, …). A review may use more than one.",
        }
    }
    fn term_intro(self) -> &'static str {
        match self {
            Facet::ReviewType => "from reviews of this type",
            Facet::Methodology => "from reviews that used this methodology",
        }
    }
}

/// One page to render.
enum Job {
    Home,
    Themes,
    Boards,
    Years,
    Facet(Facet),
    Theme(usize),
    FacetTerm(Facet, usize),
    Board(usize),
    Year(usize),
    Recommendations,
    Search,
    ThemeRecommendations(Option<usize>),
}

fn root(depth: usize) -> String {
    "../".repeat(depth)
}

/// One document in a list. `full`: with its summary (theme pages; the other lists are shorter).
fn item_html(region: &Region, e: &Entry, full: bool) -> String {
    let r = &e.rec;
    let mut s = String::with_capacity(400);
    let _ = write!(
        s,
        r#"<li class="doc"><a class="doc__title" href="{}">{}</a><span class="doc__meta">{}"#,
        esc(&r.url),
        esc(&r.title),
        r.kind_label()
    );
    let _ = write!(s, " · {}", esc(&region.boards[e.board].name));
    if let (Some(p), Some(d)) = (&r.published, e.date) {
        let _ = write!(
            s,
            r#" · <time datetime="{}">{}</time>"#,
            esc(p),
            human_date(d)
        );
    }
    if let Some(t) = r.review_type_label.as_deref().or(r.review_type.as_deref()) {
        let _ = write!(s, " · {}", esc(t));
    }
    if let Some(reference) = &r.reference {
        let _ = write!(s, " · {}", esc(reference));
    }
    let overdue = e.overdue.iter().filter(|o| **o).count();
    if overdue > 0 {
        let _ = write!(
            s,
            r#" · <strong class="status status--overdue">{overdue} overdue</strong>"#
        );
    }
    s.push_str("</span>");
    if full {
        if let Some(summary) = &r.summary {
            let _ = write!(
                s,
                r#"<span class="doc__summary">{}</span>"#,
                esc(&shorten_words(summary, SUMMARY_CHARS))
            );
        }
    }
    s.push_str("</li>\n");
    s
}

/// One recommendation in a list; an overdue one is marked in words ("Overdue") and by its border.
fn rec_html(region: &Region, e: &Entry, i: usize) -> String {
    let r = &e.rec;
    let x = &r.recommendations[i];
    let overdue = e.overdue[i];
    let mut s = String::with_capacity(500);
    let _ = write!(
        s,
        r#"<li class="rec{}"><p class="rec__status">"#,
        if overdue { " rec--overdue" } else { "" }
    );
    if overdue {
        s.push_str(r#"<strong class="status status--overdue">Overdue</strong> "#);
    }
    let _ = write!(
        s,
        r#"<span class="status status--{}">{}</span> "#,
        x.status.as_str(),
        x.status.label()
    );
    match &x.due {
        Some(d) => {
            let _ = write!(
                s,
                "Due {}{}",
                esc(&human_month(d)),
                if overdue { " (overdue)" } else { "" }
            );
        }
        None => s.push_str("No due date"),
    }
    let _ = write!(
        s,
        r#"</p><p class="rec__text"><strong>{}</strong>: {}</p><p class="rec__meta"><a href="{}">{}</a> · {}"#,
        esc(&x.id),
        esc(&x.text),
        esc(&r.url),
        esc(&r.title),
        esc(&region.boards[e.board].name)
    );
    if let Some(reference) = &r.reference {
        let _ = write!(s, " · {}", esc(reference));
    }
    if let Some(owner) = &x.owner {
        let _ = write!(s, " · Owner: {}", esc(owner));
    }
    if let Some(evidence) = &x.evidence {
        let _ = write!(s, " · Evidence: {}", esc(evidence));
    }
    s.push_str("</p></li>\n");
    s
}

struct Renderer<'a> {
    region: &'a Region,
    base: Context,
    /// Each entry as a list item: with its summary (theme pages), and without.
    full: Vec<String>,
    short: Vec<String>,
    /// Each entry's recommendations as list items.
    recs: Vec<Vec<String>>,
    /// For each board, its entries on each theme: (theme, entries newest first), in theme order.
    board_themes: Vec<Vec<(usize, Vec<usize>)>>,
}

impl<'a> Renderer<'a> {
    fn new(region: &'a Region) -> Self {
        let mut base = Context::new();
        base.insert("site_title", &region.title);
        // For templates shared with the board sites (the search page).
        base.insert(
            "site",
            &serde_json::json!({ "title": region.title, "language": "en-GB" }),
        );
        base.insert("generator", &learning::generator());
        base.insert("built_human", &human_date(region.today));
        base.insert("board_count", &region.boards.len());
        base.insert("source_count", &region.sources.len());
        base.insert("has_search", &true);
        base.insert("quick_exit_url", QUICK_EXIT_URL);
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
        let ((full, short), recs) = rayon::join(
            || {
                rayon::join(
                    || {
                        region
                            .entries
                            .par_iter()
                            .map(|e| item_html(region, e, true))
                            .collect()
                    },
                    || {
                        region
                            .entries
                            .par_iter()
                            .map(|e| item_html(region, e, false))
                            .collect()
                    },
                )
            },
            || {
                region
                    .entries
                    .par_iter()
                    .map(|e| {
                        (0..e.overdue.len())
                            .map(|i| rec_html(region, e, i))
                            .collect()
                    })
                    .collect()
            },
        );
        Renderer {
            region,
            base,
            board_themes,
            full,
            short,
            recs,
        }
    }

    fn page(&self, depth: usize, title: &str, section: &str, crumbs: Vec<Crumb>) -> Context {
        let mut c = self.base.clone();
        c.insert("root", &root(depth));
        c.insert("page_title", title);
        c.insert("section", section);
        c.insert("crumbs", &crumbs);
        c
    }

    fn items(&self, entries: &[usize], full: bool) -> String {
        let cache = if full { &self.full } else { &self.short };
        let mut html = String::with_capacity(entries.iter().map(|&e| cache[e].len()).sum());
        for &e in entries {
            html.push_str(&cache[e]);
        }
        html
    }

    fn list(&self, page: ListPage) -> Result<OutFile, CollateError> {
        let mut c = self.page(page.depth, page.title, page.section, page.crumbs);
        c.insert("caption", &page.caption);
        c.insert("intro", &page.intro);
        c.insert("count", &page.count);
        c.insert("related", &page.related);
        c.insert("show_toc", &(page.sections.len() > 1));
        c.insert("sections", &page.sections);
        Ok(OutFile::new(page.path, render("list.html", &c)?))
    }

    fn home(&self) -> Result<OutFile, CollateError> {
        let r = self.region;
        let mut c = self.page(0, &r.title, "home", vec![]);
        c.insert("record_count", &r.entries.len());
        c.insert("theme_count", &r.themes.len());
        c.insert("open_recommendations", &r.open_count);
        c.insert("overdue_recommendations", &r.overdue_count);
        c.insert("recent_from_human", &human_date(r.recent_from));
        c.insert("untagged", &r.untagged);
        let recent: Vec<ThemeRow> = r
            .themes
            .iter()
            .filter(|t| t.recent > 0)
            .take(10)
            .map(|t| self.theme_row(t, false))
            .collect();
        c.insert("recent_themes", &recent);
        let rows: Vec<ThemeRow> = r.themes.iter().map(|t| self.theme_row(t, true)).collect();
        c.insert("themes", &rows);
        let boards: Vec<NameRef> = r
            .boards
            .iter()
            .map(|b| NameRef {
                name: &b.name,
                path: &b.path,
            })
            .collect();
        c.insert("boards", &boards);
        let years: Vec<YearRef> = r
            .years
            .iter()
            .map(|y| YearRef {
                label: &y.label,
                path: &y.path,
            })
            .collect();
        c.insert("years", &years);
        c.insert("chart_by_board", &chart::themes_by_board(r));
        c.insert("chart_over_time", &chart::themes_over_time(r));
        c.insert(
            "chart_theme_count",
            &r.themes.len().min(chart::CHART_THEMES),
        );
        Ok(OutFile::new("index.html", render("home.html", &c)?))
    }

    fn theme_row<'t>(&self, t: &'t super::region::ThemeInfo, with_cells: bool) -> ThemeRow<'t> {
        let r = self.region;
        let (board_cells, year_cells) = if with_cells {
            (
                t.by_board
                    .iter()
                    .zip(&r.boards)
                    .map(|(&count, b)| Cell {
                        count,
                        href: format!("boards/{}/index.html#theme-{}", b.path, t.path),
                        label: b.name.clone(),
                    })
                    .collect(),
                t.by_year
                    .iter()
                    .zip(&r.years)
                    .map(|(&count, y)| Cell {
                        count,
                        href: format!("themes/{}/index.html#year-{}", t.path, y.path),
                        label: if y.year.is_some() {
                            y.label.clone()
                        } else {
                            "a year not known".into()
                        },
                    })
                    .collect(),
            )
        } else {
            (vec![], vec![])
        };
        ThemeRow {
            label: &t.label,
            path: &t.path,
            total: t.total(),
            recent: t.recent,
            board_cells,
            year_cells,
        }
    }

    fn terms(
        &self,
        path: &str,
        section: &str,
        title: &str,
        intro: String,
        headers: &[&str],
        rows: Vec<TermRow>,
    ) -> Result<OutFile, CollateError> {
        let mut c = self.page(1, title, section, vec![]);
        c.insert("intro", &intro);
        c.insert("headers", headers);
        c.insert("rows", &rows);
        Ok(OutFile::new(path, render("terms.html", &c)?))
    }

    /// Recommendations by status (not started, in progress, complete); in each, overdue first,
    /// then by due month, board and review.
    fn recs_by_status(&self, list: &[(usize, usize)]) -> [Vec<(usize, usize)>; 3] {
        let entries = &self.region.entries;
        let mut by: [Vec<(usize, usize)>; 3] = Default::default();
        for &(e, i) in list {
            let slot = match entries[e].rec.recommendations[i].status {
                RecommendationStatus::NotStarted => 0,
                RecommendationStatus::InProgress => 1,
                RecommendationStatus::Complete => 2,
            };
            by[slot].push((e, i));
        }
        for v in &mut by {
            v.sort_by(|&(ea, ia), &(eb, ib)| {
                let (a, b) = (&entries[ea], &entries[eb]);
                let (da, db) = (
                    &a.rec.recommendations[ia].due,
                    &b.rec.recommendations[ib].due,
                );
                b.overdue[ib]
                    .cmp(&a.overdue[ia])
                    .then_with(|| (da.is_none(), da).cmp(&(db.is_none(), db)))
                    .then_with(|| a.board.cmp(&b.board))
                    .then_with(|| a.rec.title.cmp(&b.rec.title))
                    .then_with(|| ia.cmp(&ib))
            });
        }
        by
    }

    /// How many are not started, in progress, complete.
    fn status_counts(&self, list: &[(usize, usize)]) -> [usize; 3] {
        let mut n = [0; 3];
        for &(e, i) in list {
            n[match self.region.entries[e].rec.recommendations[i].status {
                RecommendationStatus::NotStarted => 0,
                RecommendationStatus::InProgress => 1,
                RecommendationStatus::Complete => 2,
            }] += 1;
        }
        n
    }

    fn overdue_in(&self, list: &[(usize, usize)]) -> usize {
        list.iter()
            .filter(|&&(e, i)| self.region.entries[e].overdue[i])
            .count()
    }

    fn job(&self, job: &Job) -> Result<OutFile, CollateError> {
        let r = self.region;
        match job {
            Job::Home => self.home(),
            Job::Search => {
                let c = self.page(1, "Search", "search", vec![]);
                Ok(OutFile::new(
                    "search/index.html",
                    render("search.html", &c)?,
                ))
            }
            Job::Themes => {
                let rows = r
                    .themes
                    .iter()
                    .map(|t| TermRow {
                        href: format!("themes/{}/index.html", t.path),
                        label: t.label.clone(),
                        note: None,
                        cells: vec![
                            cell(t.recent),
                            cell(t.total()),
                            cell(t.recs.len()),
                            overdue_cell(self.overdue_in(&t.recs)),
                        ],
                    })
                    .collect();
                self.terms(
                    "themes/index.html",
                    "themes",
                    "Themes",
                    format!("Every learning theme across the {}, most frequent in the last 12 months first.", plural(r.boards.len(), "board", "boards")),
                    &["Theme", "Last 12 months", "All documents", "Recommendations", "Overdue"],
                    rows,
                )
            }
            Job::Boards => {
                let rows = r
                    .boards
                    .iter()
                    .map(|b| TermRow {
                        href: format!("boards/{}/index.html", b.path),
                        label: b.name.clone(),
                        note: b.source.as_ref().map(|s| match &s.base_url {
                            Some(u) => format!("{} ({u}), index built {}", s.site_title, s.built),
                            None => format!("{}, index built {}", s.site_title, s.built),
                        }),
                        cells: vec![
                            cell(b.entries.len()),
                            cell(b.recommendations),
                            cell(b.open),
                            overdue_cell(b.overdue),
                        ],
                    })
                    .collect();
                self.terms(
                    "boards/index.html",
                    "boards",
                    "Boards",
                    format!(
                        "The {} whose learning indexes were collated.",
                        plural(r.boards.len(), "board", "boards")
                    ),
                    &["Board", "Documents", "Recommendations", "Open", "Overdue"],
                    rows,
                )
            }
            Job::Years => {
                let rows = r
                    .years
                    .iter()
                    .map(|y| TermRow {
                        href: format!("years/{}/index.html", y.path),
                        label: y.label.clone(),
                        note: None,
                        cells: vec![cell(y.entries.len())],
                    })
                    .collect();
                self.terms(
                    "years/index.html",
                    "years",
                    "Years",
                    "Documents by year of publication (or of completion, when no publication date was given).".into(),
                    &["Year", "Documents"],
                    rows,
                )
            }
            Job::Facet(f) => {
                let rows = f
                    .terms(r)
                    .iter()
                    .map(|t| TermRow {
                        href: format!("{}/{}/index.html", f.folder(), t.path),
                        label: t.label.clone(),
                        note: None,
                        cells: vec![cell(t.entries.len())],
                    })
                    .collect();
                self.terms(
                    &format!("{}/index.html", f.folder()),
                    f.folder(),
                    f.title(),
                    f.intro().into(),
                    &[f.noun(), "Documents"],
                    rows,
                )
            }
            Job::FacetTerm(f, t) => {
                let term = &f.terms(r)[*t];
                self.list(ListPage {
                    path: format!("{}/{}/index.html", f.folder(), term.path),
                    depth: 2,
                    section: f.folder(),
                    title: &term.label,
                    caption: Some(f.noun()),
                    intro: match term.slug {
                        Some(_) => f.term_intro().into(),
                        None => format!("that give no {}", f.noun().to_lowercase()),
                    },
                    crumbs: vec![crumb(format!("{}/index.html", f.folder()), f.title())],
                    related: vec![],
                    count: term.entries.len(),
                    sections: vec![Section {
                        id: "documents".into(),
                        heading: None,
                        count: term.entries.len(),
                        html: self.items(&term.entries, false),
                    }],
                })
            }
            Job::Theme(t) => {
                let th = &r.themes[*t];
                let mut related = Vec::new();
                if !th.recs.is_empty() {
                    related.push(Related {
                        href: format!("../../recommendations/{}/index.html", th.path),
                        title: format!("Recommendations on {}", th.label),
                        note: Some(format!(
                            "{}, {} overdue",
                            th.recs.len(),
                            self.overdue_in(&th.recs)
                        )),
                    });
                }
                // Newest first, in sections by year: the theme × year cells link to them.
                let mut sections = Vec::new();
                for y in (0..r.years.len())
                    .rev()
                    .filter(|&y| r.years[y].year.is_some())
                    .chain((0..r.years.len()).filter(|&y| r.years[y].year.is_none()))
                {
                    let list: Vec<usize> = th
                        .entries
                        .iter()
                        .copied()
                        .filter(|&e| r.entries[e].year == y)
                        .collect();
                    if !list.is_empty() {
                        sections.push(Section {
                            id: format!("year-{}", r.years[y].path),
                            heading: Some(r.years[y].label.clone()),
                            count: list.len(),
                            html: self.items(&list, true),
                        });
                    }
                }
                let boards = th.by_board.iter().filter(|n| **n > 0).count();
                self.list(ListPage {
                    path: format!("themes/{}/index.html", th.path),
                    depth: 2,
                    section: "themes",
                    title: &th.label,
                    caption: Some("Theme"),
                    intro: format!("on this theme from {}", plural(boards, "board", "boards")),
                    crumbs: vec![crumb("themes/index.html", "Themes")],
                    related,
                    count: th.total(),
                    sections,
                })
            }
            Job::Board(b) => {
                let bd = &r.boards[*b];
                let mut related = Vec::new();
                if let Some(url) = bd.source.as_ref().and_then(|s| s.base_url.clone()) {
                    related.push(Related {
                        href: url,
                        title: format!("{}’s own learning site", bd.name),
                        note: None,
                    });
                }
                // In sections by theme: the theme × board cells link to them.
                let mut sections: Vec<Section> = self.board_themes[*b]
                    .iter()
                    .map(|(t, list)| Section {
                        id: format!("theme-{}", r.themes[*t].path),
                        heading: Some(r.themes[*t].label.clone()),
                        count: list.len(),
                        html: self.items(list, false),
                    })
                    .collect();
                let untagged: Vec<usize> = bd
                    .entries
                    .iter()
                    .copied()
                    .filter(|&e| r.entries[e].themes.is_empty())
                    .collect();
                if !untagged.is_empty() {
                    sections.push(Section {
                        id: "no-theme".into(),
                        heading: Some("No theme given".into()),
                        count: untagged.len(),
                        html: self.items(&untagged, false),
                    });
                }
                self.list(ListPage {
                    path: format!("boards/{}/index.html", bd.path),
                    depth: 2,
                    section: "boards",
                    title: &bd.name,
                    caption: Some("Board"),
                    intro: format!(
                        "from {}, by theme (a document appears under each of its themes)",
                        bd.name
                    ),
                    crumbs: vec![crumb("boards/index.html", "Boards")],
                    related,
                    count: bd.entries.len(),
                    sections,
                })
            }
            Job::Year(y) => {
                let yr = &r.years[*y];
                self.list(ListPage {
                    path: format!("years/{}/index.html", yr.path),
                    depth: 2,
                    section: "years",
                    title: &yr.label,
                    caption: Some("Year"),
                    intro: match yr.year {
                        Some(y) => format!("published in {y}"),
                        None => "with no publication date".into(),
                    },
                    crumbs: vec![crumb("years/index.html", "Years")],
                    related: vec![],
                    count: yr.entries.len(),
                    sections: vec![Section {
                        id: "documents".into(),
                        heading: None,
                        count: yr.entries.len(),
                        html: self.items(&yr.entries, false),
                    }],
                })
            }
            Job::Recommendations => {
                let row = |href: String, label: String, list: &[(usize, usize)]| {
                    let by = self.status_counts(list);
                    TermRow {
                        href,
                        label,
                        note: None,
                        cells: vec![
                            cell(by[0]),
                            cell(by[1]),
                            cell(by[2]),
                            overdue_cell(self.overdue_in(list)),
                            cell(list.len()),
                        ],
                    }
                };
                let mut rows: Vec<TermRow> = r
                    .themes
                    .iter()
                    .filter(|t| !t.recs.is_empty())
                    .map(|t| {
                        row(
                            format!("recommendations/{}/index.html", t.path),
                            t.label.clone(),
                            &t.recs,
                        )
                    })
                    .collect();
                if !r.untagged_recs.is_empty() {
                    rows.push(row(
                        "recommendations/no-theme/index.html".into(),
                        "No theme given".into(),
                        &r.untagged_recs,
                    ));
                }
                self.terms(
                    "recommendations/index.html",
                    "recommendations",
                    "Recommendations",
                    format!(
                        "{} from the reviews of {}, by theme and status: {} open, {} overdue (the month they were due has passed and they are not complete). A recommendation appears under each theme of its review.",
                        plural(r.recommendation_count, "recommendation", "recommendations"),
                        plural(r.boards.len(), "board", "boards"),
                        r.open_count,
                        r.overdue_count
                    ),
                    &["Theme", "Not started", "In progress", "Complete", "Overdue", "All"],
                    rows,
                )
            }
            Job::ThemeRecommendations(t) => {
                let (label, path, list) = match t {
                    Some(t) => (
                        r.themes[*t].label.as_str(),
                        r.themes[*t].path.as_str(),
                        &r.themes[*t].recs,
                    ),
                    None => ("No theme given", "no-theme", &r.untagged_recs),
                };
                let by = self.recs_by_status(list);
                let groups: Vec<Group> = [
                    (RecommendationStatus::NotStarted, "not-started"),
                    (RecommendationStatus::InProgress, "in-progress"),
                    (RecommendationStatus::Complete, "complete"),
                ]
                .into_iter()
                .zip(&by)
                .map(|((s, id), v)| Group {
                    id,
                    label: s.label(),
                    count: v.len(),
                    overdue: self.overdue_in(v),
                    html: v.iter().map(|&(e, i)| self.recs[e][i].as_str()).collect(),
                })
                .collect();
                let mut c = self.page(
                    2,
                    &format!("Recommendations: {label}"),
                    "recommendations",
                    vec![crumb("recommendations/index.html", "Recommendations")],
                );
                c.insert("caption", "Recommendations by theme");
                c.insert(
                    "intro",
                    &match t {
                        Some(_) => format!("on {label}"),
                        None => "with no theme".to_string(),
                    },
                );
                c.insert("total", &list.len());
                c.insert("overdue", &self.overdue_in(list));
                c.insert("groups", &groups);
                if let Some(t) = t {
                    c.insert(
                        "theme_href",
                        &format!("../../themes/{}/index.html", r.themes[*t].path),
                    );
                }
                Ok(OutFile::new(
                    format!("recommendations/{path}/index.html"),
                    render("recommendations.html", &c)?,
                ))
            }
        }
    }
}

/// Every file of the regional site (the output marker is added when written).
pub fn render_site(region: &Region) -> Result<Vec<OutFile>, CollateError> {
    let renderer = Renderer::new(region);
    let mut jobs = vec![
        Job::Search,
        Job::Home,
        Job::Themes,
        Job::Boards,
        Job::Years,
        Job::Recommendations,
    ];
    for (t, th) in region.themes.iter().enumerate() {
        jobs.push(Job::Theme(t));
        if !th.recs.is_empty() {
            jobs.push(Job::ThemeRecommendations(Some(t)));
        }
    }
    if !region.untagged_recs.is_empty() {
        jobs.push(Job::ThemeRecommendations(None));
    }
    jobs.extend((0..region.boards.len()).map(Job::Board));
    jobs.extend((0..region.years.len()).map(Job::Year));
    for f in [Facet::ReviewType, Facet::Methodology] {
        jobs.push(Job::Facet(f));
        jobs.extend((0..f.terms(region).len()).map(|t| Job::FacetTerm(f, t)));
    }

    let index = region.learning_index();
    let ((pages, search), data) = rayon::join(
        || {
            rayon::join(
                || {
                    jobs.par_iter()
                        .map(|j| renderer.job(j))
                        .collect::<Result<Vec<_>, _>>()
                },
                || super::search::search_files(region),
            )
        },
        || {
            let (json, (csv, recs)) = rayon::join(
                || learning::to_json_compact(&index),
                || {
                    rayon::join(
                        || learning::to_csv(&index),
                        || learning::recommendations_csv(&index),
                    )
                },
            );
            vec![
                OutFile::new(learning::JSON_FILE, json),
                OutFile::new(learning::CSV_FILE, csv),
                OutFile::new(learning::RECOMMENDATIONS_CSV_FILE, recs),
            ]
        },
    );
    let mut files = pages?;
    files.extend(data);
    files.extend(search);
    files.push(OutFile::new("assets/collate.css", CSS));
    files.push(OutFile::new("assets/collate.js", JS));
    Ok(files)
}
