//! The regional site's overview (`index.html`): its figures, the most frequent themes of the last
//! 12 months (of all time when none is that recent), and the theme × board and theme × year
//! tables with their charts. Themes are counted by review (a review with its briefing and
//! learning summary counts once), with the documents beside.

use super::{human_date, OutFile, Renderer};
use crate::collate::chart;
use crate::collate::region::ThemeInfo;
use crate::collate::CollateError;
use serde::Serialize;

/// A link with its label (a column of a table, or a count linking to what it counts).
#[derive(Serialize)]
struct Link {
    href: String,
    label: String,
}

/// A count of reviews in a table, with their documents, linking to the documents.
#[derive(Serialize)]
struct Cell {
    count: usize,
    docs: usize,
    href: String,
    /// What the count is of, for a screen reader: the board or the year.
    label: String,
}

#[derive(Serialize)]
struct ThemeRow<'a> {
    label: &'a str,
    path: &'a str,
    /// Reviews and documents, in all and in the last 12 months.
    total: usize,
    docs: usize,
    recent: usize,
    recent_docs: usize,
    cells: Vec<Cell>,
}

/// The fixed words of a table of documents by theme and something else (board, year).
#[derive(Serialize)]
struct Words {
    id: &'static str,
    heading: &'static str,
    intro: Option<&'static str>,
    /// "by board": how the chart's caption says what it shows.
    chart_by: &'static str,
    caption_id: &'static str,
    caption: &'static str,
    /// The heading of the totals column.
    all: &'static str,
    /// "on THEME from BOARD", "on THEME in YEAR".
    preposition: &'static str,
}

const BY_BOARD: Words = Words {
    id: "themes-by-board",
    heading: "Themes by board",
    intro: Some("The figures count reviews: a review counts once on a theme however many of its documents (summary, 7-minute briefing, learning summary) carry it, and a document that names no review counts on its own. Where there are more documents than reviews, their number follows in brackets. Themes are in order of how many reviews raised them in the last 12 months, then in all. Each number links to the documents."),
    chart_by: "by board",
    caption_id: "theme-board-caption",
    caption: "Reviews by theme and board (documents in brackets where more)",
    all: "All boards",
    preposition: "from",
};

const BY_YEAR: Words = Words {
    id: "themes-over-time",
    heading: "Themes over time",
    intro: None,
    chart_by: "by the year they were first published",
    caption_id: "theme-year-caption",
    caption: "Reviews by theme and the year they were first published (documents published that year in brackets where more)",
    all: "All years",
    preposition: "in",
};

/// A table of documents by theme and board or year, with its chart.
#[derive(Serialize)]
struct CountTable<'a> {
    #[serde(flatten)]
    words: &'static Words,
    chart: String,
    columns: Vec<Link>,
    rows: Vec<ThemeRow<'a>>,
}

impl Renderer<'_> {
    pub(super) fn home(&self) -> Result<OutFile, CollateError> {
        let r = self.region;
        let mut c = self.page(0, &r.title, "home", vec![]);
        c.insert("board_count", &r.boards.len());
        c.insert("built_human", &human_date(r.today));
        c.insert("record_count", &r.entries.len());
        c.insert("review_count", &r.counts.reviews);
        c.insert("theme_count", &r.themes.len());
        c.insert("open_recommendations", &r.counts.open);
        c.insert("overdue_recommendations", &r.counts.overdue);
        c.insert("recent_from_human", &human_date(r.recent_from));
        c.insert("untagged", &r.untagged);
        // The most frequent themes of the last 12 months; of all time when no review is that
        // recent (the themes are in that order already).
        let recent_fallback = !r.themes.iter().any(|t| t.reviews.recent > 0);
        let recent: Vec<ThemeRow> = r
            .themes
            .iter()
            .filter(|t| t.reviews.recent > 0 || recent_fallback)
            .take(10)
            .map(|t| theme_row(t, vec![]))
            .collect();
        c.insert("recent_themes", &recent);
        c.insert("recent_fallback", &recent_fallback);
        c.insert("tables", &[self.by_board(), self.by_year()]);
        c.insert(
            "chart_theme_count",
            &r.themes.len().min(chart::CHART_THEMES),
        );
        self.render_file("index.html", "region/home.html", &c)
    }

    /// A table with a column per board or year (`columns`, and `labels` saying what each is for
    /// a screen reader); `counts` gives a theme's reviews and documents in them, `href` where
    /// each links to.
    fn count_table(
        &self,
        words: &'static Words,
        chart: String,
        columns: Vec<Link>,
        labels: Vec<String>,
        counts: fn(&ThemeInfo) -> (&[usize], &[usize]),
        href: impl Fn(&ThemeInfo, usize) -> String,
    ) -> CountTable<'_> {
        let rows = self.region.themes.iter().map(|t| {
            let (reviews, docs) = counts(t);
            let cells = reviews.iter().zip(docs).zip(&labels).enumerate();
            let cells = cells.map(|(i, ((&count, &docs), label))| Cell {
                count,
                docs,
                href: href(t, i),
                label: label.clone(),
            });
            theme_row(t, cells.collect())
        });
        let rows = rows.collect();
        CountTable {
            words,
            chart,
            columns,
            rows,
        }
    }

    fn by_board(&self) -> CountTable<'_> {
        let r = self.region;
        let boards = r.boards.iter().map(|b| (&b.path, &b.name, b.name.clone()));
        let (columns, labels) = axis("boards", boards);
        let href = |t: &ThemeInfo, i: usize| {
            format!("boards/{}/index.html#theme-{}", r.boards[i].path, t.path)
        };
        let chart = chart::themes_by_board(r);
        self.count_table(&BY_BOARD, chart, columns, labels, by_board, href)
    }

    fn by_year(&self) -> CountTable<'_> {
        let r = self.region;
        let years = r.years.iter().map(|y| {
            let said = y.key.map_or("a year not known".into(), |_| y.label.clone());
            (&y.path, &y.label, said)
        });
        let (columns, labels) = axis("years", years);
        let href = |t: &ThemeInfo, i: usize| {
            format!("themes/{}/index.html#year-{}", t.path, r.years[i].path)
        };
        let chart = chart::themes_over_time(r);
        self.count_table(&BY_YEAR, chart, columns, labels, by_year, href)
    }
}

/// The columns of a table, each linking to its page under `folder`, and what a screen reader
/// hears a count in each is for: from `(path, label, said)`.
fn axis<'a>(
    folder: &str,
    items: impl Iterator<Item = (&'a String, &'a String, String)>,
) -> (Vec<Link>, Vec<String>) {
    items
        .map(|(path, label, said)| {
            let href = format!("{folder}/{path}/index.html");
            let column = Link {
                href,
                label: label.clone(),
            };
            (column, said)
        })
        .unzip()
}

fn by_board(t: &ThemeInfo) -> (&[usize], &[usize]) {
    (&t.reviews.by_board, &t.documents.by_board)
}

fn by_year(t: &ThemeInfo) -> (&[usize], &[usize]) {
    (&t.reviews.by_year, &t.documents.by_year)
}

fn theme_row(t: &ThemeInfo, cells: Vec<Cell>) -> ThemeRow<'_> {
    ThemeRow {
        label: &t.label,
        path: &t.path,
        total: t.reviews.total,
        docs: t.documents.total,
        recent: t.reviews.recent,
        recent_docs: t.documents.recent,
        cells,
    }
}
