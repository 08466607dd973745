//! Dates of events in a person's life and dates of birth.

use super::{floor_str, re};
use crate::lint::rules::Hit;
use regex::Regex;
use std::sync::LazyLock;

pub(super) const MONTHS: &str = r"(?:[Jj]anuary|[Ff]ebruary|[Mm]arch|[Aa]pril|[Mm]ay|[Jj]une|[Jj]uly|[Aa]ugust|[Ss]eptember|[Oo]ctober|[Nn]ovember|[Dd]ecember|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";

static DATE_DMY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({MONTHS}),?\s+((?:19|20)\d\d)\b"
    ))
});
static DATE_MDY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"
    ))
});
static DATE_NUM: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,2})([/.\-])(\d{1,2})[/.\-](\d{4}|\d{2})\b"));
static DATE_ISO: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b((?:19|20)\d\d)[-/](\d{2})[-/](\d{2})\b"));
/// A day and a month without a year ("3 March", "the 4th of August", "March 3rd"): still
/// the date of an event in the person's life. Months are capitalised here, so "2 may" is not one.
static DATE_DM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b(\.?,?\s+(?:19|20)\d\d\b)?|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})(?:st|nd|rd|th)\b",
    )
});
/// A year of birth on its own: "born in 1987", "year of birth 1987", "(b. 1987)".
static BORN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:born(?:\s+in)?|year\s+of\s+birth[:,]?|b\.)\s+((?:19|20)\d\d)\b")
});
static BORN_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:born(?:\s+(?:in|on))?|date of birth:?|d\.?o\.?b\.?:?)\s+((?:{MONTHS})\s+(?:19|20)\d\d|\d{{1,2}}/(?:19|20)\d\d)\b"
    ))
});
static ADMIN_DATE_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:published|updated|last reviewed|reviewed on|approved|ratified|signed off|agreed by the board|board meeting|accessed|version|issued|effective from|correct as at|amended)\W*(?:\w+\W+){0,3}$",
    )
});
static BIRTH_CONTEXT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:\bborn\b|dates? of birth|\bd\.?o\.?b\b|birthday)[^.!?]*$"));

fn valid_dm(d: u32, m: u32) -> bool {
    (1..=31).contains(&d) && (1..=12).contains(&m)
}

/// A day, month and year at `s..e`: a date of birth, an exact date, or (after "published",
/// "approved" and the like) a date of the document itself.
fn push_date(t: &str, s: usize, e: usize, hits: &mut Vec<Hit>) {
    let before = floor_str(t, s, 80).unwrap_or("");
    if BIRTH_CONTEXT.is_match(before) {
        hits.push(Hit::new(
            "pii/date-of-birth",
            s,
            e,
            "this looks like a date of birth",
        ));
    } else if !ADMIN_DATE_CONTEXT.is_match(before) {
        hits.push(Hit::new(
            "pii/exact-date",
            s,
            e,
            "an exact date (day, month and year) can identify the person",
        ));
    }
}

/// Dates written with a month's name ("3 March 2022", "March 3rd, 2022", "the 4th of
/// August") in `t[s..e]`.
pub(super) fn month_dates(t: &str, (s, e): (usize, usize), hits: &mut Vec<Hit>) {
    let c = &t[s..e];
    for cap in DATE_DMY.captures_iter(c) {
        let d: u32 = cap[1].parse().unwrap_or(0);
        if (1..=31).contains(&d) {
            if let Some(m) = cap.get(0) {
                push_date(t, s + m.start(), s + m.end(), hits);
            }
        }
    }
    for cap in DATE_MDY.captures_iter(c) {
        let d: u32 = cap[2].parse().unwrap_or(0);
        if (1..=31).contains(&d) {
            if let Some(m) = cap.get(0) {
                push_date(t, s + m.start(), s + m.end(), hits);
            }
        }
    }
    for cap in DATE_DM.captures_iter(c) {
        // With a year it is one of the dates above.
        if cap.get(3).is_some() {
            continue;
        }
        let Some(m) = cap.get(0) else { continue };
        let d: u32 = cap
            .get(1)
            .or_else(|| cap.get(4))
            .map_or(0, |x| x.as_str().parse().unwrap_or(0));
        if !(1..=31).contains(&d) || numbered_thing_before(t, s + m.start()) {
            continue;
        }
        push_date(t, s + m.start(), s + m.end(), hits);
    }
}

/// "section 3 May …", "Recommendation 2 March…": a number that belongs to the word before.
fn numbered_thing_before(t: &str, at: usize) -> bool {
    let before = floor_str(t, at, 20).unwrap_or("").to_ascii_lowercase();
    let word_before = before.split_whitespace().last().unwrap_or("");
    matches!(
        word_before,
        "section"
            | "s."
            | "paragraph"
            | "para"
            | "recommendation"
            | "page"
            | "chapter"
            | "step"
            | "part"
            | "regulation"
            | "article"
            | "rule"
            | "schedule"
            | "table"
            | "figure"
            | "appendix"
    )
}

/// Dates in figures ("14/06/2021", "2023-10-05") in `t[s..e]`.
pub(super) fn numeric_dates(t: &str, (s, e): (usize, usize), hits: &mut Vec<Hit>) {
    let c = &t[s..e];
    for cap in DATE_NUM.captures_iter(c) {
        let (d, sep, mo, y) = (&cap[1], &cap[2], &cap[3], &cap[4]);
        let (d, mo): (u32, u32) = (d.parse().unwrap_or(0), mo.parse().unwrap_or(0));
        if !valid_dm(d, mo) {
            continue;
        }
        if y.len() == 2 && sep != "/" {
            continue;
        }
        if y.len() == 4 && !(y.starts_with("19") || y.starts_with("20")) {
            continue;
        }
        if let Some(m) = cap.get(0) {
            push_date(t, s + m.start(), s + m.end(), hits);
        }
    }
    for cap in DATE_ISO.captures_iter(c) {
        let (mo, d): (u32, u32) = (cap[2].parse().unwrap_or(0), cap[3].parse().unwrap_or(0));
        if valid_dm(d, mo) {
            if let Some(m) = cap.get(0) {
                push_date(t, s + m.start(), s + m.end(), hits);
            }
        }
    }
}

/// Years and months of birth ("born in 1987", "(b. 1987)", "DOB: March 1987") in `t[s..e]`.
pub(super) fn births(t: &str, (s, e): (usize, usize), hits: &mut Vec<Hit>) {
    let c = &t[s..e];
    for (re, message) in [
        (&*BORN_YEAR, "this looks like a year of birth"),
        (&*BORN_MONTH_YEAR, "this looks like a date of birth"),
    ] {
        for cap in re.captures_iter(c) {
            if let Some(m) = cap.get(1) {
                hits.push(Hit::new(
                    "pii/date-of-birth",
                    s + m.start(),
                    s + m.end(),
                    message,
                ));
            }
        }
    }
}
