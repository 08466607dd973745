//! Render the regional site: Tera templates from `layouts/collate/` (compiled into the binary),
//! the charts, and the merged index files. Every link is relative (`{{ root }}…/index.html`), so
//! the site works opened from disk.

use super::chart;
use super::output::OutFile;
use super::region::Region;
use super::CollateError;
use crate::content::{MonthYear, RecommendationStatus};
use crate::index::learning;
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use tera::{Context, Tera};

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../layouts/collate/base.html")),
    ("home.html", include_str!("../../layouts/collate/home.html")),
    ("list.html", include_str!("../../layouts/collate/list.html")),
    ("item.html", include_str!("../../layouts/collate/item.html")),
    (
        "terms.html",
        include_str!("../../layouts/collate/terms.html"),
    ),
    (
        "recommendations.html",
        include_str!("../../layouts/collate/recommendations.html"),
    ),
    ("rec.html", include_str!("../../layouts/collate/rec.html")),
];
const CSS: &str = include_str!("../../layouts/collate/collate.css");
const JS: &str = include_str!("../../layouts/collate/collate.js");
/// Where the "Exit this page" button goes: a neutral site.
pub const QUICK_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

fn tera() -> Result<&'static Tera, CollateError> {
    static TERA: OnceLock<Result<Tera, String>> = OnceLock::new();
    TERA.get_or_init(|| {
        let mut t = Tera::default();
        t.add_raw_templates(TEMPLATES.iter().copied())
            .map_err(|e| format!("{e:?}"))?;
        // Escape what HTML needs, and leave `/` alone so URLs stay readable.
        t.set_escape_fn(chart::esc);
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
struct ItemView<'a> {
    kind_label: &'a str,
    board: &'a str,
    published: Option<&'a str>,
    published_human: Option<String>,
    url: &'a str,
    title: &'a str,
    summary: Option<&'a str>,
    review_type: Option<&'a str>,
    reference: Option<&'a str>,
    recommendations: usize,
    overdue: usize,
    themes: Vec<&'a str>,
}

#[derive(Serialize)]
struct RecView<'a> {
    id: &'a str,
    text: &'a str,
    owner: Option<&'a str>,
    due: Option<String>,
    status: &'a str,
    status_label: &'a str,
    overdue: bool,
    evidence: Option<&'a str>,
    url: &'a str,
    title: &'a str,
    board: &'a str,
    reference: Option<&'a str>,
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

#[derive(Serialize)]
struct TermRow {
    href: String,
    label: String,
    note: Option<String>,
    cells: Vec<TermCell>,
}

fn cells(v: impl IntoIterator<Item = usize>) -> Vec<TermCell> {
    v.into_iter()
        .map(|n| TermCell {
            text: n.to_string(),
            overdue: false,
        })
        .collect()
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
    intro: Option<String>,
    crumbs: Vec<Crumb>,
    related: Vec<Related>,
    entries: &'p [usize],
}

/// One page to render.
enum Job {
    Home,
    Themes,
    Boards,
    Years,
    Theme(usize),
    ThemeBoard(usize, usize, Vec<usize>),
    ThemeYear(usize, usize, Vec<usize>),
    Board(usize),
    Year(usize),
    Recommendations,
    ThemeRecommendations(Option<usize>),
}

struct Renderer<'a> {
    region: &'a Region,
    base: Context,
    /// Pre-rendered list item of every entry.
    items: Vec<String>,
    /// Pre-rendered recommendation of every entry.
    recs: Vec<Vec<String>>,
}

fn root(depth: usize) -> String {
    "../".repeat(depth)
}

impl<'a> Renderer<'a> {
    fn new(region: &'a Region) -> Result<Self, CollateError> {
        let mut base = Context::new();
        base.insert("site_title", &region.title);
        base.insert("generator", &learning::generator());
        base.insert("built_human", &human_date(region.today));
        base.insert("board_count", &region.boards.len());
        base.insert("source_count", &region.sources.len());
        base.insert("has_search", &false);
        base.insert("quick_exit_url", QUICK_EXIT_URL);
        let items = region
            .entries
            .par_iter()
            .map(|e| {
                let r = &e.rec;
                let view = ItemView {
                    kind_label: r.kind_label(),
                    board: &region.boards[e.board].name,
                    published: r.published.as_deref(),
                    published_human: e.date.map(human_date),
                    url: &r.url,
                    title: &r.title,
                    summary: r.summary.as_deref(),
                    review_type: r.review_type_label.as_deref().or(r.review_type.as_deref()),
                    reference: r.reference.as_deref(),
                    recommendations: r.recommendations.len(),
                    overdue: e.overdue.iter().filter(|o| **o).count(),
                    themes: e
                        .themes
                        .iter()
                        .map(|&t| region.themes[t].label.as_str())
                        .collect(),
                };
                render(
                    "item.html",
                    &Context::from_serialize(&view).expect("item view serialises"),
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        let recs = region
            .entries
            .par_iter()
            .map(|e| {
                let r = &e.rec;
                r.recommendations
                    .iter()
                    .zip(&e.overdue)
                    .map(|(x, &overdue)| {
                        let view = RecView {
                            id: &x.id,
                            text: &x.text,
                            owner: x.owner.as_deref(),
                            due: x.due.as_deref().map(human_month),
                            status: x.status.as_str(),
                            status_label: x.status.label(),
                            overdue,
                            evidence: x.evidence.as_deref(),
                            url: &r.url,
                            title: &r.title,
                            board: &region.boards[e.board].name,
                            reference: r.reference.as_deref(),
                        };
                        render(
                            "rec.html",
                            &Context::from_serialize(&view)
                                .expect("recommendation view serialises"),
                        )
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Renderer {
            region,
            base,
            items,
            recs,
        })
    }

    fn page(&self, depth: usize, title: &str, section: &str, crumbs: Vec<Crumb>) -> Context {
        let mut c = self.base.clone();
        c.insert("root", &root(depth));
        c.insert("page_title", title);
        c.insert("section", section);
        c.insert("crumbs", &crumbs);
        c
    }

    fn list(&self, page: ListPage) -> Result<OutFile, CollateError> {
        let ListPage {
            path,
            depth,
            section,
            title,
            caption,
            intro,
            crumbs,
            related,
            entries,
        } = page;
        let mut c = self.page(depth, title, section, crumbs);
        c.insert("caption", &caption);
        c.insert("intro", &intro);
        c.insert("count", &entries.len());
        c.insert("related", &related);
        let mut html = String::with_capacity(entries.iter().map(|&e| self.items[e].len()).sum());
        for &e in entries {
            html.push_str(&self.items[e]);
        }
        c.insert("items_html", &html);
        Ok(OutFile::new(path, render("list.html", &c)?))
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
                        href: format!("themes/{}/boards/{}/index.html", t.path, b.path),
                        label: b.name.clone(),
                    })
                    .collect(),
                t.by_year
                    .iter()
                    .zip(&r.years)
                    .map(|(&count, y)| Cell {
                        count,
                        href: format!("themes/{}/years/{}/index.html", t.path, y.path),
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

    fn recs_of(
        &self,
        list: &[(usize, usize)],
    ) -> BTreeMap<RecommendationStatus, Vec<(usize, usize)>> {
        let mut by: BTreeMap<RecommendationStatus, Vec<(usize, usize)>> = BTreeMap::new();
        for &(e, i) in list {
            by.entry(self.region.entries[e].rec.recommendations[i].status)
                .or_default()
                .push((e, i));
        }
        for v in by.values_mut() {
            v.sort_by(|&(ea, ia), &(eb, ib)| {
                let (a, b) = (&self.region.entries[ea], &self.region.entries[eb]);
                b.overdue[ib]
                    .cmp(&a.overdue[ia])
                    .then_with(|| {
                        let (da, db) = (
                            &a.rec.recommendations[ia].due,
                            &b.rec.recommendations[ib].due,
                        );
                        (da.is_none(), da).cmp(&(db.is_none(), db))
                    })
                    .then_with(|| {
                        self.region.boards[a.board]
                            .name
                            .cmp(&self.region.boards[b.board].name)
                    })
                    .then_with(|| a.rec.title.cmp(&b.rec.title))
                    .then_with(|| ia.cmp(&ib))
            });
        }
        by
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
            Job::Themes => {
                let rows = r
                    .themes
                    .iter()
                    .map(|t| {
                        let overdue = self.overdue_in(&t.recs);
                        TermRow {
                            href: format!("themes/{}/index.html", t.path),
                            label: t.label.clone(),
                            note: None,
                            cells: vec![
                                TermCell {
                                    text: t.recent.to_string(),
                                    overdue: false,
                                },
                                TermCell {
                                    text: t.total().to_string(),
                                    overdue: false,
                                },
                                TermCell {
                                    text: t.recs.len().to_string(),
                                    overdue: false,
                                },
                                TermCell {
                                    text: overdue.to_string(),
                                    overdue: overdue > 0,
                                },
                            ],
                        }
                    })
                    .collect();
                self.terms(
                    "themes/index.html",
                    "themes",
                    "Themes",
                    format!(
                        "Every learning theme across the {} boards, most frequent in the last 12 months first.",
                        r.boards.len()
                    ),
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
                            TermCell {
                                text: b.entries.len().to_string(),
                                overdue: false,
                            },
                            TermCell {
                                text: b.recommendations.to_string(),
                                overdue: false,
                            },
                            TermCell {
                                text: b.open.to_string(),
                                overdue: false,
                            },
                            TermCell {
                                text: b.overdue.to_string(),
                                overdue: b.overdue > 0,
                            },
                        ],
                    })
                    .collect();
                self.terms(
                    "boards/index.html",
                    "boards",
                    "Boards",
                    format!(
                        "The {} boards whose learning indexes were collated.",
                        r.boards.len()
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
                        cells: cells([y.entries.len()]),
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
            Job::Theme(t) => {
                let th = &r.themes[*t];
                let mut related = Vec::new();
                if !th.recs.is_empty() {
                    let overdue = self.overdue_in(&th.recs);
                    related.push(Related {
                        href: format!("../../recommendations/{}/index.html", th.path),
                        title: format!("Recommendations on {}", th.label),
                        note: Some(format!("{}, {overdue} overdue", th.recs.len())),
                    });
                }
                self.list(ListPage {
                    path: format!("themes/{}/index.html", th.path),
                    depth: 2,
                    section: "themes",
                    title: &th.label,
                    caption: Some("Theme"),
                    intro: Some(format!(
                        "on this theme from {} board{}",
                        th.by_board.iter().filter(|n| **n > 0).count(),
                        if th.by_board.iter().filter(|n| **n > 0).count() == 1 {
                            ""
                        } else {
                            "s"
                        }
                    )),
                    crumbs: vec![crumb("themes/index.html", "Themes")],
                    related,
                    entries: &th.entries,
                })
            }
            Job::ThemeBoard(t, b, list) => {
                let (th, bd) = (&r.themes[*t], &r.boards[*b]);
                self.list(ListPage {
                    path: format!("themes/{}/boards/{}/index.html", th.path, bd.path),
                    depth: 4,
                    section: "themes",
                    title: &format!("{} – {}", th.label, bd.name),
                    caption: Some("Theme by board"),
                    intro: Some(format!("on {} from {}", th.label, bd.name)),
                    crumbs: vec![
                        crumb("themes/index.html", "Themes"),
                        crumb(format!("themes/{}/index.html", th.path), th.label.clone()),
                    ],
                    related: vec![
                        Related {
                            href: "../../index.html".into(),
                            title: format!("{} from every board", th.label),
                            note: Some(th.total().to_string()),
                        },
                        Related {
                            href: format!("../../../../boards/{}/index.html", bd.path),
                            title: format!("Every theme from {}", bd.name),
                            note: Some(bd.entries.len().to_string()),
                        },
                    ],
                    entries: list,
                })
            }
            Job::ThemeYear(t, y, list) => {
                let (th, yr) = (&r.themes[*t], &r.years[*y]);
                let when = match yr.year {
                    Some(y) => format!("published in {y}"),
                    None => "with no publication date".into(),
                };
                self.list(ListPage {
                    path: format!("themes/{}/years/{}/index.html", th.path, yr.path),
                    depth: 4,
                    section: "themes",
                    title: &format!("{} – {}", th.label, yr.label),
                    caption: Some("Theme by year"),
                    intro: Some(format!("on {} {when}", th.label)),
                    crumbs: vec![
                        crumb("themes/index.html", "Themes"),
                        crumb(format!("themes/{}/index.html", th.path), th.label.clone()),
                    ],
                    related: vec![
                        Related {
                            href: "../../index.html".into(),
                            title: format!("{} in every year", th.label),
                            note: Some(th.total().to_string()),
                        },
                        Related {
                            href: format!("../../../../years/{}/index.html", yr.path),
                            title: format!("Every theme, {}", yr.label),
                            note: Some(yr.entries.len().to_string()),
                        },
                    ],
                    entries: list,
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
                self.list(ListPage {
                    path: format!("boards/{}/index.html", bd.path),
                    depth: 2,
                    section: "boards",
                    title: &bd.name,
                    caption: Some("Board"),
                    intro: Some(format!("from {}", bd.name)),
                    crumbs: vec![crumb("boards/index.html", "Boards")],
                    related,
                    entries: &bd.entries,
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
                    intro: Some(match yr.year {
                        Some(y) => format!("published in {y}"),
                        None => "with no publication date".into(),
                    }),
                    crumbs: vec![crumb("years/index.html", "Years")],
                    related: vec![],
                    entries: &yr.entries,
                })
            }
            Job::Recommendations => {
                let row = |href: String, label: String, list: &[(usize, usize)]| {
                    let by = self.recs_of(list);
                    let n = |s| by.get(&s).map_or(0, Vec::len);
                    let overdue = self.overdue_in(list);
                    TermRow {
                        href,
                        label,
                        note: None,
                        cells: vec![
                            TermCell {
                                text: n(RecommendationStatus::NotStarted).to_string(),
                                overdue: false,
                            },
                            TermCell {
                                text: n(RecommendationStatus::InProgress).to_string(),
                                overdue: false,
                            },
                            TermCell {
                                text: n(RecommendationStatus::Complete).to_string(),
                                overdue: false,
                            },
                            TermCell {
                                text: overdue.to_string(),
                                overdue: overdue > 0,
                            },
                            TermCell {
                                text: list.len().to_string(),
                                overdue: false,
                            },
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
                        "{} recommendations from the reviews of {} boards, by theme and status ({} open, {} overdue: the month they were due has passed and they are not complete). A recommendation appears under each theme of its review.",
                        r.recommendation_count,
                        r.boards.len(),
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
                let by = self.recs_of(list);
                let groups: Vec<Group> = [
                    (RecommendationStatus::NotStarted, "not-started"),
                    (RecommendationStatus::InProgress, "in-progress"),
                    (RecommendationStatus::Complete, "complete"),
                ]
                .into_iter()
                .map(|(s, id)| {
                    let v = by.get(&s).map(Vec::as_slice).unwrap_or(&[]);
                    Group {
                        id,
                        label: s.label(),
                        count: v.len(),
                        overdue: self.overdue_in(v),
                        html: v.iter().map(|&(e, i)| self.recs[e][i].as_str()).collect(),
                    }
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
    let renderer = Renderer::new(region)?;
    let mut jobs = vec![
        Job::Home,
        Job::Themes,
        Job::Boards,
        Job::Years,
        Job::Recommendations,
    ];
    for (t, th) in region.themes.iter().enumerate() {
        jobs.push(Job::Theme(t));
        let mut by_board: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut by_year: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &e in &th.entries {
            by_board.entry(region.entries[e].board).or_default().push(e);
            by_year.entry(region.entries[e].year).or_default().push(e);
        }
        jobs.extend(
            by_board
                .into_iter()
                .map(|(b, list)| Job::ThemeBoard(t, b, list)),
        );
        jobs.extend(
            by_year
                .into_iter()
                .map(|(y, list)| Job::ThemeYear(t, y, list)),
        );
        if !th.recs.is_empty() {
            jobs.push(Job::ThemeRecommendations(Some(t)));
        }
    }
    if !region.untagged_recs.is_empty() {
        jobs.push(Job::ThemeRecommendations(None));
    }
    jobs.extend((0..region.boards.len()).map(Job::Board));
    jobs.extend((0..region.years.len()).map(Job::Year));

    let mut files = jobs
        .par_iter()
        .map(|j| renderer.job(j))
        .collect::<Result<Vec<_>, _>>()?;
    let index = region.learning_index();
    files.push(OutFile::new(learning::JSON_FILE, learning::to_json(&index)));
    files.push(OutFile::new(learning::CSV_FILE, learning::to_csv(&index)));
    files.push(OutFile::new(
        learning::RECOMMENDATIONS_CSV_FILE,
        learning::recommendations_csv(&index),
    ));
    files.push(OutFile::new("assets/collate.css", CSS));
    files.push(OutFile::new("assets/collate.js", JS));
    Ok(files)
}
