//! The reviews' sections: arranged in the year, concluded in it (with findings and each
//! recommendation), earlier reviews' action plans, and those ongoing at the end of the year.

use super::sections::{Section, ARRANGED, CONCLUDED, EARLIER, ONGOING};
use super::{cell, month, open, review_cell, table, table_section};
use crate::content::Date;
use crate::render::view::RecommendationView;
use crate::report::blocks::{bold, link, plain, Block, Line, Row};
use crate::report::model::{Report, ReviewEntry, ReviewRow};

/// A row of a table of reviews: the review, its type and the month commissioned, then `more`.
fn review_row(x: &ReviewRow, more: impl IntoIterator<Item = Vec<Line>>) -> Row {
    let mut row = vec![
        review_cell(x),
        cell(x.review_type.clone().unwrap_or_default()),
        cell(month(x.commissioned)),
    ];
    row.extend(more);
    row
}

pub(super) fn arranged(r: &Report, b: &mut Vec<Block>) {
    table_section(b, &ARRANGED, &r.arranged, |x| {
        review_row(
            x,
            [cell(if x.ongoing {
                "Ongoing".to_string()
            } else {
                format!("Completed {}", month(x.completed))
            })],
        )
    });
}

/// "Type: SAR. Reference: X. Commissioned March 2023; completed May 2024. Published 15 July 2024."
fn facts(r: &Report, e: &ReviewEntry) -> Block {
    let mut line: Line = Vec::new();
    let mut add = |label: &str, value: String| {
        line.push(bold(format!("{label}: ")));
        line.push(plain(format!("{value}. ")));
    };
    if !r.boards.is_empty() {
        if let Some(b) = &e.row.board {
            add("Board", b.clone());
        }
    }
    if let Some(t) = &e.row.review_type {
        add("Type", t.clone());
    }
    if let Some(reference) = &e.row.reference {
        add("Reference", reference.clone());
    }
    if e.row.commissioned.is_some() {
        add("Commissioned", month(e.row.commissioned));
    }
    if e.row.completed.is_some() {
        add("Completed", month(e.row.completed));
    }
    if let Some(p) = e.published {
        add("Published", Date(p).human());
    }
    if !e.row.themes.is_empty() {
        add("Themes", e.row.themes.join(", "));
    }
    if let Some(last) = line.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    Block::Para(line)
}

fn page_link(e: &ReviewEntry) -> Option<Block> {
    e.row
        .url
        .as_deref()
        .map(|u| Block::Para(vec![plain("The review summary: "), link(u, u)]))
}

pub(super) fn concluded(r: &Report, b: &mut Vec<Block>) {
    with_recommendations(r, b, &CONCLUDED, &r.concluded, true);
}

pub(super) fn earlier(r: &Report, b: &mut Vec<Block>) {
    with_recommendations(r, b, &EARLIER, &r.earlier, false);
}

/// A section of reviews, each with its facts, (concluded in the year) its summary and
/// findings, and its recommendations.
fn with_recommendations(
    r: &Report,
    b: &mut Vec<Block>,
    words: &Section,
    entries: &[ReviewEntry],
    findings: bool,
) {
    if !open(b, words, entries.is_empty()) {
        return;
    }
    for e in entries {
        b.push(Block::heading(3, e.row.name()));
        b.push(facts(r, e));
        if findings {
            if let Some(s) = &e.summary {
                b.push(Block::para(s.clone()));
            }
        }
        b.extend(page_link(e));
        if findings {
            b.push(Block::heading(4, "What the review found"));
            match &e.findings {
                Some(f) => b.extend(crate::report::blocks::from_markdown(f, 5)),
                None => b.push(Block::para(
                    "The published summary has no section headed Findings: see the review summary.",
                )),
            }
            b.push(Block::heading(4, "Recommendations and what has been done"));
        }
        recommendations(e, b);
    }
}

/// A review's recommendations as a table: number, text, lead, due, status with evidence.
fn recommendations(e: &ReviewEntry, b: &mut Vec<Block>) {
    if e.recommendations.is_empty() {
        b.push(Block::para("The review made no recommendations."));
        return;
    }
    let rows = e
        .recommendations
        .iter()
        .map(|x| {
            vec![
                cell(x.id.clone()),
                cell(x.text.clone()),
                lead(x),
                due(x),
                status(x),
            ]
        })
        .collect();
    b.push(table(
        &format!(
            "Recommendations of {}: lead, due month and status with evidence",
            e.row.name()
        ),
        &[
            ("No.", 1),
            ("Recommendation", 6),
            ("Lead", 3),
            ("Due", 3),
            ("Status and evidence", 5),
        ],
        rows,
    ));
}

fn lead(x: &RecommendationView) -> Vec<Line> {
    let mut l = cell(x.owner.clone().unwrap_or_else(|| "Not set".into()));
    if !x.agency.is_empty() {
        l.push(vec![plain(format!(
            "Carried out by {}",
            x.agency.join(", ")
        ))]);
    }
    if let Some(s) = x.scope_label {
        l.push(vec![plain(s)]);
    }
    l
}

pub(super) fn due(x: &RecommendationView) -> Vec<Line> {
    let mut l = cell(x.due.clone().unwrap_or_else(|| "Not set".into()));
    if let Some(rd) = &x.revised_due {
        l.push(vec![plain(format!("Revised to {rd}"))]);
    }
    l
}

fn status(x: &RecommendationView) -> Vec<Line> {
    let mut l = vec![vec![bold(x.status_label)]];
    if let Some(o) = &x.overdue_words {
        l.push(vec![plain(o.clone())]);
    }
    if let Some(e) = &x.evidence {
        l.push(vec![bold("Evidence: "), plain(e.clone())]);
    }
    if let Some(reason) = &x.reason {
        l.push(vec![bold("Reason: "), plain(reason.clone())]);
    }
    if let Some(u) = x.updates.last() {
        l.push(vec![
            bold(format!("Latest update, {}: ", u.date)),
            plain(u.text.clone()),
        ]);
    }
    l
}

pub(super) fn ongoing(r: &Report, b: &mut Vec<Block>) {
    table_section(b, &ONGOING, &r.ongoing, |x| {
        review_row(
            x,
            [
                cell(x.themes.join(", ")),
                cell(match (x.ongoing, x.completed) {
                    (true, _) => "Ongoing".to_string(),
                    (false, Some(c)) => format!("Completed {}, after the year", c.human()),
                    (false, None) => "Completed after the year".to_string(),
                }),
            ],
        )
    });
}
