//! The learning index as two spreadsheets: one row per document, one per recommendation.

use super::*;
use chrono::NaiveDate;

/// A text cell for a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or carriage return would make
/// spreadsheet programs read the cell as a formula, so such text gets a leading `'`.
pub(crate) fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(cell).unwrap_or_default()
}

fn list(v: &[String]) -> String {
    cell(&v.join("; "))
}

pub(crate) fn csv_bytes(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(header).expect("writing to memory");
        for row in rows {
            w.write_record(&row).expect("writing to memory");
        }
        w.flush().expect("writing to memory");
    }
    out
}

fn built_date(index: &LearningIndex, rec: &Record) -> Option<NaiveDate> {
    rec.built
        .as_deref()
        .unwrap_or(&index.built)
        .parse::<NaiveDate>()
        .ok()
}

/// Column names of [`to_csv`].
pub(crate) const CSV_COLUMNS: &[&str] = &[
    "kind",
    "title",
    "url",
    "slug",
    "board",
    "region",
    "review_type",
    "review_type_label",
    "methodology",
    "methodology_labels",
    "themes",
    "theme_labels",
    "abuse_types",
    "incident",
    "published",
    "completed",
    "reference",
    "summary",
    "review",
    "recommendations",
    "recommendations_open",
    "recommendations_overdue",
    "built",
];

/// The index as CSV: UTF-8 with a byte-order mark (so spreadsheets read it as UTF-8), one row per
/// document, lists joined with `"; "`, recommendation counts (overdue as of the build date).
pub(crate) fn to_csv(index: &LearningIndex) -> Vec<u8> {
    csv_bytes(
        CSV_COLUMNS,
        index.records.iter().map(|r| {
            let today = built_date(index, r);
            let open = r
                .recommendations
                .iter()
                .filter(|x| x.status.is_open())
                .count();
            let overdue = today
                .map(|t| r.recommendations.iter().filter(|x| x.is_overdue(t)).count())
                .unwrap_or(0);
            vec![
                r.kind.clone(),
                cell(&r.title),
                r.url.clone(),
                cell(&r.slug),
                opt(&r.board),
                opt(&r.region),
                opt(&r.review_type),
                opt(&r.review_type_label),
                list(&r.methodology),
                list(&r.methodology_labels),
                list(&r.themes),
                list(&r.theme_labels),
                list(&r.abuse_types),
                opt(&r.incident),
                opt(&r.published),
                opt(&r.completed),
                opt(&r.reference),
                opt(&r.summary),
                opt(&r.review),
                r.recommendations.len().to_string(),
                open.to_string(),
                overdue.to_string(),
                r.built.clone().unwrap_or_else(|| index.built.clone()),
            ]
        }),
    )
}

/// Column names of [`recommendations_csv`].
pub(crate) const RECOMMENDATION_CSV_COLUMNS: &[&str] = &[
    "board",
    "reference",
    "review_title",
    "review_url",
    "review_slug",
    "themes",
    "id",
    "text",
    "owner",
    "due",
    "status",
    "overdue",
    "evidence",
    "built",
];

/// One row per recommendation (UTF-8 with BOM). `overdue` is `yes` when, on the build date,
/// the due month had passed and the recommendation was not complete.
pub(crate) fn recommendations_csv(index: &LearningIndex) -> Vec<u8> {
    csv_bytes(
        RECOMMENDATION_CSV_COLUMNS,
        index.records.iter().flat_map(|r| {
            let today = built_date(index, r);
            r.recommendations.iter().map(move |x| {
                vec![
                    opt(&r.board),
                    opt(&r.reference),
                    cell(&r.title),
                    r.url.clone(),
                    cell(&r.slug),
                    list(&r.theme_labels),
                    cell(&x.id),
                    cell(&x.text),
                    opt(&x.owner),
                    opt(&x.due),
                    x.status.as_str().to_string(),
                    if today.is_some_and(|t| x.is_overdue(t)) {
                        "yes"
                    } else {
                        "no"
                    }
                    .to_string(),
                    opt(&x.evidence),
                    r.built.clone().unwrap_or_else(|| index.built.clone()),
                ]
            })
        }),
    )
}
