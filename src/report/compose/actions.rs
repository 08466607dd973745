//! Where the recommendations stand (by status, theme and agency; overdue; progress in the
//! year) and those the board decided not to implement, with its reasons.

use super::reviews::due;
use super::sections::{NOT_IMPLEMENTED, STANDING};
use super::{cell, n, open, review_cell, table, table_section};
use crate::content::Date;
use crate::content::RecommendationStatus;
use crate::report::blocks::{bold, Block, Line, Row};
use crate::report::model::{ActionRef, Report, StatusCounts};

fn counts_row(label: Vec<Line>, c: &StatusCounts) -> Vec<Vec<Line>> {
    let mut row = vec![label];
    row.extend(c.by_status.iter().map(|k| cell(k.to_string())));
    row.push(cell(c.overdue.to_string()));
    row.push(cell(c.total().to_string()));
    row
}

/// A row about one recommendation: its review, number and text, then `more`.
fn action_row(a: &ActionRef, more: impl IntoIterator<Item = Vec<Line>>) -> Row {
    let mut row = vec![
        review_cell(&a.review.row),
        cell(a.rec.id.clone()),
        cell(a.rec.text.clone()),
    ];
    row.extend(more);
    row
}

pub(super) fn standing(r: &Report, b: &mut Vec<Block>, as_at: &str) {
    let c = r.counts();
    if !open(b, &STANDING, c.total() == 0) {
        return;
    }
    b.push(Block::para(format!(
        "The {} of the reviews above, on {as_at}. A recommendation is overdue when the month it is due (the later month, when the board agreed one) has passed and it is not started or in progress.",
        n(c.total(), "recommendation", "recommendations")
    )));
    b.push(Block::heading(3, "By status"));
    let mut rows: Vec<Row> = RecommendationStatus::ALL
        .iter()
        .zip(c.by_status)
        .map(|(s, k)| vec![cell(s.label()), cell(k.to_string())])
        .collect();
    rows.push(vec![cell("Of which overdue"), cell(c.overdue.to_string())]);
    rows.push(vec![
        vec![vec![bold("Total")]],
        vec![vec![bold(c.total().to_string())]],
    ]);
    b.push(table(
        "Recommendations by status",
        &[("Status", 3), ("Recommendations", 2)],
        rows,
    ));

    b.push(Block::heading(3, "By theme"));
    b.push(Block::para(
        "A recommendation's own themes, else its review's; a recommendation with more than one theme is counted under each.",
    ));
    let mut rows: Vec<Row> = r
        .by_theme()
        .iter()
        .map(|(t, k)| counts_row(cell(t.clone()), k))
        .collect();
    rows.push(counts_row(vec![vec![bold("All recommendations")]], &c));
    let mut columns = vec![("Theme", 4)];
    columns.extend(RecommendationStatus::ALL.iter().map(|s| (s.label(), 2)));
    columns.extend([("Overdue", 2), ("Total", 2)]);
    b.push(table("Recommendations by theme and status", &columns, rows));

    b.push(Block::heading(3, "Overdue"));
    let overdue = r.overdue();
    if overdue.is_empty() {
        b.push(Block::para(format!(
            "No recommendation was overdue on {as_at}."
        )));
    } else {
        let rows = overdue
            .iter()
            .map(|a| {
                action_row(
                    a,
                    [
                        cell(a.rec.owner.clone().unwrap_or_else(|| "Not set".into())),
                        due(a.rec),
                        cell(a.rec.overdue_words.clone().unwrap_or_default()),
                    ],
                )
            })
            .collect();
        b.push(table(
            "Overdue recommendations, longest overdue first",
            &[
                ("Review", 3),
                ("No.", 1),
                ("Recommendation", 6),
                ("Lead", 3),
                ("Due", 2),
                ("Overdue", 2),
            ],
            rows,
        ));
    }

    b.push(Block::heading(3, "Progress recorded in the year"));
    let progress = r.progress();
    if progress.is_empty() {
        b.push(Block::para("No dated update was recorded in the year."));
    } else {
        let rows = progress
            .iter()
            .map(|p| {
                vec![
                    cell(Date(p.date).human()),
                    review_cell(&p.action.review.row),
                    cell(p.action.rec.id.clone()),
                    cell(p.text.to_string()),
                ]
            })
            .collect();
        b.push(table(
            "Dated updates on recommendations recorded in the year, oldest first",
            &[("Date", 2), ("Review", 3), ("No.", 1), ("Update", 7)],
            rows,
        ));
    }
}

pub(super) fn not_implemented(r: &Report, b: &mut Vec<Block>) {
    table_section(b, &NOT_IMPLEMENTED, &r.not_implemented(), |a| {
        action_row(a, [cell(a.rec.reason.clone().unwrap_or_default())])
    });
}
