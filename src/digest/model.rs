//! What a digest says, whatever its form (email HTML, plain text, markdown, a web page): the
//! published documents of a period, grouped by kind, newest first, each in the sector's usual
//! form. Made from learning-index records, so that a board's site and a region's indexes give
//! the same digest.

use crate::content::{Date, MonthYear};
use crate::index::learning::{Record, RECORD_KINDS};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Recommendations an entry lists ("Recommendations include: …"); the rest are counted.
pub(crate) const RECOMMENDATIONS_SHOWN: usize = 3;

/// One document in a digest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// "2025 – Northmoor Safeguarding Adults Board – Adult D": year, board, then the agreed
    /// pseudonym or, lacking one, the title.
    pub heading: String,
    pub title: String,
    /// "Review summary", "7-minute briefing", "Learning summary".
    pub kind_label: &'static str,
    /// Absolute address of the document's page.
    pub url: String,
    /// The page's path on the site the digest belongs to (`reviews/adult-d/`), when it is one
    /// of that site's pages: web pages link with it so that they also open from disk.
    pub path: Option<String>,
    pub summary: Option<String>,
    /// Theme labels.
    pub themes: Vec<String>,
    /// The first [`RECOMMENDATIONS_SHOWN`] recommendations, and how many more there are.
    pub recommendations: Vec<String>,
    pub more_recommendations: usize,
    /// "Learning themes include: A, B and C." and "Recommendations include: X; Y (and 2
    /// more).", when there are any.
    pub themes_line: Option<String>,
    pub recommendations_line: Option<String>,
    /// "15 July 2024" and `2024-07-15`.
    pub published: String,
    pub published_iso: String,
}

/// The entries of one kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// `review`, `briefing`, `learning-summary`.
    pub kind: String,
    /// "Review summaries".
    pub label: &'static str,
    /// "review summary" or "review summaries", for the count of entries.
    pub count_label: String,
    pub entries: Vec<Entry>,
}

/// A digest: who it is from, the period, and the groups (empty when nothing was published).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Digest {
    /// The site's or region's title.
    pub title: String,
    /// "1 March 2025 to 31 March 2025" (or "March 2025" for a whole month).
    pub period: String,
    pub since_iso: String,
    pub until_iso: String,
    /// Where the whole site is (absolute), when there is one.
    pub home_url: Option<String>,
    pub groups: Vec<Group>,
    /// Entries in all groups.
    pub count: usize,
}

fn plural(kind: &str) -> &'static str {
    match kind {
        "review" => "Review summaries",
        "briefing" => "7-minute briefings",
        _ => "Learning summaries",
    }
}

/// The entry for one record; `base_url` is the address of the site the digest belongs to.
pub(crate) fn entry(r: &Record, base_url: Option<&str>) -> Entry {
    let year = r.year().map(|y| y.to_string());
    let name = r
        .pseudonym
        .clone()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| r.title.clone());
    let heading = [year, r.board.clone(), Some(name)]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" – ");
    let published = r.published_date();
    let mut e = Entry {
        heading,
        title: r.title.clone(),
        kind_label: r.kind_label(),
        url: r.url.clone(),
        path: base_url
            .and_then(|b| r.url.strip_prefix(b))
            .map(str::to_string),
        summary: r.summary.clone(),
        themes: r
            .themes
            .iter()
            .enumerate()
            .map(|(i, t)| r.theme_labels.get(i).cloned().unwrap_or_else(|| t.clone()))
            .collect(),
        recommendations: r
            .recommendations
            .iter()
            .take(RECOMMENDATIONS_SHOWN)
            .map(|x| x.text.clone())
            .collect(),
        more_recommendations: r
            .recommendations
            .len()
            .saturating_sub(RECOMMENDATIONS_SHOWN),
        themes_line: None,
        recommendations_line: None,
        published: published.map(|d| Date(d).human()).unwrap_or_default(),
        published_iso: published.map(|d| Date(d).iso()).unwrap_or_default(),
    };
    e.themes_line = super::text::themes_line(&e);
    e.recommendations_line = super::text::recommendations_line(&e);
    e
}

/// The groups of the records published from `since` to `until` (both included): reviews,
/// briefings, learning summaries, each newest first (then by title). Records without a
/// publication date are left out: a digest says what was published when.
pub(crate) fn groups(
    records: &[Record],
    since: NaiveDate,
    until: NaiveDate,
    base_url: Option<&str>,
) -> Vec<Group> {
    let within: Vec<&Record> = records
        .iter()
        .filter(|r| r.published_date().is_some_and(|d| since <= d && d <= until))
        .collect();
    groups_of(&within, base_url)
}

/// The groups of `records` (all in the digest's period): reviews, briefings, learning
/// summaries, each newest first (then by title).
fn groups_of(records: &[&Record], base_url: Option<&str>) -> Vec<Group> {
    RECORD_KINDS
        .iter()
        .filter_map(|kind| {
            let mut rs: Vec<&Record> = records
                .iter()
                .copied()
                .filter(|r| r.kind == *kind)
                .collect();
            rs.sort_by(|a, b| {
                b.published
                    .cmp(&a.published)
                    .then(a.title.cmp(&b.title))
                    .then(a.url.cmp(&b.url))
            });
            (!rs.is_empty()).then(|| Group {
                kind: kind.to_string(),
                label: plural(kind),
                count_label: format!(
                    "{} {}",
                    rs.len(),
                    if rs.len() == 1 {
                        rs[0].kind_label().to_string()
                    } else {
                        plural(kind).to_string()
                    }
                    .to_lowercase()
                ),
                entries: rs.into_iter().map(|r| entry(r, base_url)).collect(),
            })
        })
        .collect()
}

/// "March 2025" for a whole calendar month, else "1 March 2025 to 14 April 2025".
pub(crate) fn period(since: NaiveDate, until: NaiveDate) -> String {
    let last_of_month = |d: NaiveDate| {
        let (y, m) = if d.month() == 12 {
            (d.year() + 1, 1)
        } else {
            (d.year(), d.month() + 1)
        };
        NaiveDate::from_ymd_opt(y, m, 1).and_then(|n| n.pred_opt())
    };
    if since.day() == 1 && Some(until) == last_of_month(since) {
        return MonthYear {
            year: since.year(),
            month: since.month(),
        }
        .human();
    }
    format!("{} to {}", Date(since).human(), Date(until).human())
}

/// The digest of `records` for the period.
pub(crate) fn digest(
    title: &str,
    records: &[Record],
    since: NaiveDate,
    until: NaiveDate,
    base_url: Option<&str>,
) -> Digest {
    digest_of(
        title,
        groups(records, since, until, base_url),
        since,
        until,
        base_url,
    )
}

/// The digest of the period whose documents are in `groups`.
fn digest_of(
    title: &str,
    groups: Vec<Group>,
    since: NaiveDate,
    until: NaiveDate,
    base_url: Option<&str>,
) -> Digest {
    Digest {
        title: title.to_string(),
        period: period(since, until),
        since_iso: Date(since).iso(),
        until_iso: Date(until).iso(),
        home_url: base_url.map(str::to_string),
        count: groups.iter().map(|g| g.entries.len()).sum(),
        groups,
    }
}

/// A digest for each month in which any of `records` was published, newest first: the site's
/// web archive of its updates (`digest/2025-03/`) and their feed.
pub(crate) fn monthly(title: &str, records: &[Record], base_url: &str) -> Vec<(MonthYear, Digest)> {
    // Each record's month, read once (not once a month: a site's records times its months).
    let mut by_month: std::collections::BTreeMap<MonthYear, Vec<&Record>> = Default::default();
    for r in records {
        if let Some(d) = r.published_date() {
            let m = MonthYear {
                year: d.year(),
                month: d.month(),
            };
            by_month.entry(m).or_default().push(r);
        }
    }
    by_month
        .into_iter()
        .rev()
        .map(|(m, rs)| {
            let (first, last) = month_bounds(m);
            let groups = groups_of(&rs, Some(base_url));
            (m, digest_of(title, groups, first, last, Some(base_url)))
        })
        .collect()
}

/// The site path of a month's update: `digest/2025-03/`.
pub(crate) fn month_url(m: MonthYear) -> String {
    format!("{FOLDER}{}/", m.iso())
}

/// The folder of the monthly updates on a site.
pub(crate) const FOLDER: &str = "digest/";

/// The first and last day of a month.
pub(crate) fn month_bounds(m: MonthYear) -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(m.year, m.month, 1).expect("a valid month");
    let next = if m.month == 12 {
        NaiveDate::from_ymd_opt(m.year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(m.year, m.month + 1, 1)
    }
    .expect("a valid month");
    (first, next.pred_opt().expect("a day before"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_whole_month_is_named_as_a_month() {
        assert_eq!(period(day("2025-03-01"), day("2025-03-31")), "March 2025");
        assert_eq!(
            period(day("2024-12-01"), day("2024-12-31")),
            "December 2024"
        );
        assert_eq!(
            period(day("2025-03-01"), day("2025-04-14")),
            "1 March 2025 to 14 April 2025"
        );
        assert_eq!(
            month_bounds(MonthYear {
                year: 2024,
                month: 2
            }),
            (day("2024-02-01"), day("2024-02-29"))
        );
    }
}
