//! The report's wording and order: a [`Report`] as [`Block`]s, which the writers turn into
//! markdown, HTML and Word. Everything the report says is said here once.
//!
//! Each section's heading, introduction, what it says when it has nothing to show and its
//! table's columns are in `sections.rs`. The reviews' sections (arranged, concluded, earlier
//! action plans, ongoing) are filled in `reviews.rs`; where the recommendations stand and
//! those not implemented in `actions.rs`.

mod actions;
mod reviews;
mod sections;

use actions::{not_implemented, standing};
use reviews::{arranged, concluded, earlier, ongoing};
use sections::{Section, TableSection, IMPACT, MARKERS, SHARED, THEMES};

use super::blocks::{bold, link, plain, Block, Line, Row, Span, Table};
use super::model::{Report, ReviewRow};
use crate::content::{Date, Kind, RecommendationStatus, TALLY_COLUMNS};

fn n(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// A section: its heading, then what it says when `empty` (and `false`: the caller stops),
/// or its introduction (none when empty).
fn open(b: &mut Vec<Block>, s: &Section, empty: bool) -> bool {
    b.push(Block::heading(2, s.title));
    if empty {
        b.push(Block::para(s.nothing));
        return false;
    }
    if !s.intro.is_empty() {
        b.push(Block::para(s.intro));
    }
    true
}

/// A section that is one table, a row per item.
fn table_section<T>(b: &mut Vec<Block>, s: &TableSection, items: &[T], row: impl Fn(&T) -> Row) {
    if open(b, &s.words, items.is_empty()) {
        b.push(table(s.caption, s.columns, items.iter().map(row).collect()));
    }
}

/// "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A table: its caption, its columns (heading and relative width) and its rows.
fn table(caption: &str, columns: &[(&str, u16)], rows: Vec<Row>) -> Block {
    Block::Table(Table {
        caption: caption.to_string(),
        head: columns.iter().map(|(h, _)| h.to_string()).collect(),
        rows,
        widths: columns.iter().map(|(_, w)| *w).collect(),
    })
}

/// A cell of one plain paragraph.
fn cell(s: impl Into<String>) -> Vec<Line> {
    vec![vec![plain(s)]]
}

/// The review's name, linked to its page when it has one.
fn review_cell(r: &ReviewRow) -> Vec<Line> {
    let name = match &r.url {
        Some(u) => link(r.name(), u),
        None => plain(r.name()),
    };
    let mut lines = vec![vec![name]];
    if r.title.is_some() {
        if let Some(reference) = &r.reference {
            lines.push(vec![plain(reference.clone())]);
        }
    }
    lines
}

fn month(m: Option<crate::content::MonthYear>) -> String {
    m.map(|m| m.human())
        .unwrap_or_else(|| "Not recorded".into())
}

/// The report as blocks, in order.
pub(crate) fn compose(r: &Report) -> Vec<Block> {
    let mut b = Vec::new();
    let as_at = Date(r.as_at).human();
    let year_kind = if r.period.financial {
        "financial year"
    } else {
        "year"
    };
    b.push(Block::heading(
        1,
        format!("Safeguarding reviews: annual report {}", r.period.label()),
    ));
    match r.audience {
        "partners" => b.push(Block::Para(vec![
            bold("Not for publication."),
            plain(" This report is for partner agencies: it includes reviews shared with partners only."),
        ])),
        "internal" => b.push(Block::Para(vec![
            bold("Not for publication."),
            plain(" This report is for the board's own use: it includes reviews shared with partners only and names reviews still being carried out."),
        ])),
        _ => {}
    }
    let who = if r.boards.is_empty() {
        r.board.clone()
    } else {
        format!("{}: the reviews of {}", r.board, and_list(&r.boards))
    };
    b.push(Block::para(format!(
        "{who}. This section of the annual report covers the {year_kind} {}. It sets out the reviews arranged in the year, the findings of the reviews concluded in it and what has been done about each of their recommendations, the reviews still being carried out at the end of the year, and the recommendations the board decided not to implement, with its reasons. The status of each recommendation is as at {as_at}.",
        r.period.words()
    )));
    glance(r, &mut b, &as_at);
    arranged(r, &mut b);
    concluded(r, &mut b);
    earlier(r, &mut b);
    ongoing(r, &mut b);
    standing(r, &mut b, &as_at);
    not_implemented(r, &mut b);
    impact(r, &mut b);
    themes(r, &mut b);
    markers(r, &mut b);
    shared(r, &mut b);
    b.push(Block::Para(vec![Span {
        text: format!(
            "Made with learnsite on {as_at} from the review summaries the board publishes."
        ),
        italic: true,
        ..Span::default()
    }]));
    b
}

fn glance(r: &Report, b: &mut Vec<Block>, as_at: &str) {
    let c = r.counts();
    b.push(Block::heading(2, "The year at a glance"));
    let mut items = vec![
        format!("Reviews arranged in the year: {}", r.arranged.len()),
        format!("Reviews concluded in the year: {}", r.concluded.len()),
        format!(
            "Reviews still being carried out at the end of the year: {}",
            r.ongoing.len()
        ),
        format!(
            "Recommendations in this report: {}, from {} concluded in the year and {} concluded earlier whose action plans were open or moved in it",
            c.total(),
            n(r.concluded.len(), "review", "reviews"),
            n(r.earlier.len(), "review", "reviews"),
        ),
    ];
    if c.total() > 0 {
        let statuses: Vec<String> = RecommendationStatus::ALL
            .iter()
            .zip(c.by_status)
            .map(|(s, k)| format!("{} {k}", s.label().to_lowercase()))
            .collect();
        items.push(format!("By status: {}", statuses.join(", ")));
        items.push(format!("Overdue on {as_at}: {}", c.overdue));
    }
    items.push(format!(
        "7-minute briefings and learning summaries published in the year: {}",
        r.shared.len()
    ));
    b.push(Block::bullets(items.into_iter().map(|i| vec![plain(i)])));
}

fn impact(r: &Report, b: &mut Vec<Block>) {
    table_section(b, &IMPACT, &r.impact, |e| {
        let i = &e.impact;
        let mut found: Vec<Line> = match &i.outcome {
            Some(o) => vec![vec![plain(o.clone())]],
            None if i.due => vec![vec![bold(format!(
                "Not yet measured: the month to look again, {}, has passed.",
                i.revisit.clone().unwrap_or_default()
            ))]],
            None => vec![vec![plain("Not yet measured.")]],
        };
        if let Some(ev) = &i.evidence {
            found.push(vec![bold("Evidence: "), plain(ev.clone())]);
        }
        vec![
            vec![vec![link(e.title.clone(), &e.url)]],
            cell(i.measure.clone()),
            cell(i.revisit.clone().unwrap_or_else(|| "Not set".into())),
            found,
        ]
    });
}

fn themes(r: &Report, b: &mut Vec<Block>) {
    table_section(b, &THEMES, &r.themes(), |(label, k)| {
        vec![cell(label.clone()), cell(k.to_string())]
    });
}

fn markers(r: &Report, b: &mut Vec<Block>) {
    if !open(b, &MARKERS, r.marker_reviews == 0) {
        return;
    }
    b.push(Block::para(format!(
        "How the {} concluded in the year that recorded the SAR Quality Markers met each marker.",
        n(r.marker_reviews, "review", "reviews")
    )));
    let rows = r
        .markers
        .iter()
        .map(|m| {
            let mut row = vec![cell(format!("{}. {}", m.tally.number, m.tally.name))];
            row.extend(m.tally.counts.iter().map(|k| cell(k.to_string())));
            row
        })
        .collect();
    let mut columns = vec![("Marker", 5)];
    columns.extend(TALLY_COLUMNS.iter().map(|c| (*c, 1)));
    b.push(table(
        "SAR Quality Markers: how many reviews met each",
        &columns,
        rows,
    ));
    let short: Vec<Line> = r
        .markers
        .iter()
        .flat_map(|m| {
            m.shortfalls.iter().map(move |(review, status, evidence)| {
                let mut l = vec![
                    bold(format!("{}. {}", m.tally.number, m.tally.name)),
                    plain(format!(", {review}: {status}.")),
                ];
                if let Some(e) = evidence {
                    l.push(plain(format!(" {e}")));
                }
                l
            })
        })
        .collect();
    if !short.is_empty() {
        b.push(Block::heading(
            3,
            "Where a marker was partly met or not met",
        ));
        b.push(Block::bullets(short));
    }
}

fn shared(r: &Report, b: &mut Vec<Block>) {
    table_section(b, &SHARED, &r.shared, |s| {
        vec![
            cell(Date(s.published).human()),
            cell(match s.kind {
                Kind::Briefing => "7-minute briefing",
                _ => "Learning summary",
            }),
            vec![vec![link(s.title.clone(), &s.url)]],
            cell(
                s.uptake
                    .clone()
                    .unwrap_or_else(|| "No feedback recorded".into()),
            ),
        ]
    });
}
