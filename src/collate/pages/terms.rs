//! The index pages of the regional site: a table of every theme, board, year, review type or
//! methodology with its counts, each linking to its list of documents
//! (`themes/index.html`, `boards/index.html`, `years/index.html`, `review-types/index.html`,
//! `methodologies/index.html`). The recommendations index is a table of the same kind
//! ([`super::recommendations`]).

use super::{plural, OutFile, Renderer};
use crate::collate::region::{Region, TermInfo, ThemeInfo};
use crate::collate::CollateError;
use serde::Serialize;

/// A browsing facet with a page per value (themes, boards and years have their own pages).
#[derive(Debug, Clone, Copy)]
pub(super) enum Facet {
    ReviewType,
    Methodology,
}

impl Facet {
    pub(super) const ALL: [Facet; 2] = [Facet::ReviewType, Facet::Methodology];

    pub(super) fn terms(self, r: &Region) -> &[TermInfo] {
        match self {
            Facet::ReviewType => &r.review_types,
            Facet::Methodology => &r.methodologies,
        }
    }
    /// Folder and nav section; the same names as the board sites use.
    pub(super) fn folder(self) -> &'static str {
        match self {
            Facet::ReviewType => "review-types",
            Facet::Methodology => "methodologies",
        }
    }
    pub(super) fn title(self) -> &'static str {
        match self {
            Facet::ReviewType => "Review types",
            Facet::Methodology => "Methodologies",
        }
    }
    pub(super) fn noun(self) -> &'static str {
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
    pub(super) fn term_intro(self) -> &'static str {
        match self {
            Facet::ReviewType => "from reviews of this type",
            Facet::Methodology => "from reviews that used this methodology",
        }
    }
}

/// Which index page.
#[derive(Debug, Clone, Copy)]
pub(super) enum Index {
    Themes,
    Boards,
    Years,
    Facet(Facet),
}

/// A figure in a table; an overdue count above nought is marked in words.
#[derive(Serialize)]
pub(super) struct TermCell {
    text: String,
    overdue: bool,
}

/// The figures of a row; the one at `overdue_at` counts overdue recommendations.
pub(super) fn counts(figures: &[usize], overdue_at: Option<usize>) -> Vec<TermCell> {
    figures
        .iter()
        .enumerate()
        .map(|(i, &n)| TermCell {
            text: n.to_string(),
            overdue: overdue_at == Some(i) && n > 0,
        })
        .collect()
}

/// A row of an index table: the term, linking to its page, and its figures.
#[derive(Serialize)]
pub(super) struct TermRow {
    href: String,
    label: String,
    note: Option<String>,
    cells: Vec<TermCell>,
}

impl TermRow {
    pub(super) fn new(href: String, label: &str, cells: Vec<TermCell>) -> TermRow {
        TermRow {
            href,
            label: label.to_string(),
            note: None,
            cells,
        }
    }
}

/// One index table page.
pub(super) struct Table<'p> {
    pub(super) path: &'p str,
    pub(super) section: &'p str,
    pub(super) title: &'p str,
    pub(super) intro: String,
    pub(super) headers: &'p [&'p str],
    pub(super) rows: Vec<TermRow>,
}

impl Renderer<'_> {
    pub(super) fn table(&self, t: Table) -> Result<OutFile, CollateError> {
        let mut c = self.page(1, t.title, t.section, vec![]);
        c.insert("intro", &t.intro);
        c.insert("headers", t.headers);
        c.insert("rows", &t.rows);
        self.render_file(t.path, "region/terms.html", &c)
    }

    pub(super) fn index(&self, which: Index) -> Result<OutFile, CollateError> {
        match which {
            Index::Themes => self.themes(),
            Index::Boards => self.boards(),
            Index::Years => self.years(),
            Index::Facet(f) => self.facet(f),
        }
    }

    fn themes(&self) -> Result<OutFile, CollateError> {
        let r = self.region;
        let row = |t: &ThemeInfo| {
            let figures = [
                t.reviews.recent,
                t.reviews.total,
                t.documents.total,
                t.recs.len(),
                self.overdue_in(&t.recs),
            ];
            let href = format!("themes/{}/index.html", t.path);
            TermRow::new(href, &t.label, counts(&figures, Some(4)))
        };
        let rows = r.themes.iter().map(row).collect();
        self.table(Table {
            path: "themes/index.html",
            section: "themes",
            title: "Themes",
            intro: format!(
                "Every learning theme across the {}, raised by most reviews in the last 12 months first. A review counts once on a theme however many of its documents carry it; a document that names no review counts on its own.",
                plural(r.boards.len(), "board", "boards")
            ),
            headers: &[
                "Theme",
                "Reviews, last 12 months",
                "Reviews",
                "Documents",
                "Recommendations",
                "Overdue",
            ],
            rows,
        })
    }

    fn boards(&self) -> Result<OutFile, CollateError> {
        let r = self.region;
        let rows = r
            .boards
            .iter()
            .map(|b| {
                let figures = [
                    b.counts.reviews,
                    b.entries.len(),
                    b.counts.recommendations,
                    b.counts.open,
                    b.counts.overdue,
                ];
                let cells = counts(&figures, Some(4));
                let mut row = TermRow::new(format!("boards/{}/index.html", b.path), &b.name, cells);
                row.note = b.source.as_ref().map(|s| match &s.base_url {
                    Some(u) => format!("{} ({u}), index built {}", s.site_title, s.built),
                    None => format!("{}, index built {}", s.site_title, s.built),
                });
                row
            })
            .collect();
        self.table(Table {
            path: "boards/index.html",
            section: "boards",
            title: "Boards",
            intro: format!(
                "The {} whose learning indexes were collated.",
                plural(r.boards.len(), "board", "boards")
            ),
            headers: &[
                "Board",
                "Reviews",
                "Documents",
                "Recommendations",
                "Open",
                "Overdue",
            ],
            rows,
        })
    }

    fn years(&self) -> Result<OutFile, CollateError> {
        let rows = self
            .region
            .years
            .iter()
            .map(|y| {
                let href = format!("years/{}/index.html", y.path);
                TermRow::new(href, &y.label, counts(&[y.entries.len()], None))
            })
            .collect();
        self.table(Table {
            path: "years/index.html",
            section: "years",
            title: "Years",
            intro: "Documents by year of publication (or of completion, when no publication date was given).".into(),
            headers: &["Year", "Documents"],
            rows,
        })
    }

    fn facet(&self, f: Facet) -> Result<OutFile, CollateError> {
        let rows = f
            .terms(self.region)
            .iter()
            .map(|t| {
                let href = format!("{}/{}/index.html", f.folder(), t.path);
                TermRow::new(href, &t.label, counts(&[t.entries.len()], None))
            })
            .collect();
        self.table(Table {
            path: &format!("{}/index.html", f.folder()),
            section: f.folder(),
            title: f.title(),
            intro: f.intro().into(),
            headers: &[f.noun(), "Documents"],
            rows,
        })
    }
}
