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

pub(super) fn dates(t: &str, hits: &mut Vec<Hit>) {
    let push = |s: usize, e: usize, hits: &mut Vec<Hit>| {
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
    };
    for c in DATE_DMY.captures_iter(t) {
        let d: u32 = c[1].parse().unwrap_or(0);
        if (1..=31).contains(&d) {
            if let Some(m) = c.get(0) {
                push(m.start(), m.end(), hits);
            }
        }
    }
    for c in DATE_MDY.captures_iter(t) {
        let d: u32 = c[2].parse().unwrap_or(0);
        if (1..=31).contains(&d) {
            if let Some(m) = c.get(0) {
                push(m.start(), m.end(), hits);
            }
        }
    }
    for c in DATE_NUM.captures_iter(t) {
        let (d, sep, mo, y) = (&c[1], &c[2], &c[3], &c[4]);
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
        if let Some(m) = c.get(0) {
            push(m.start(), m.end(), hits);
        }
    }
    for c in DATE_ISO.captures_iter(t) {
        let (mo, d): (u32, u32) = (c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        if valid_dm(d, mo) {
            if let Some(m) = c.get(0) {
                push(m.start(), m.end(), hits);
            }
        }
    }
    for c in DATE_DM.captures_iter(t) {
        // With a year it is one of the dates above.
        if c.get(3).is_some() {
            continue;
        }
        let Some(m) = c.get(0) else { continue };
        let d: u32 = c
            .get(1)
            .or_else(|| c.get(4))
            .map_or(0, |x| x.as_str().parse().unwrap_or(0));
        if !(1..=31).contains(&d) {
            continue;
        }
        // "section 3 May …", "Recommendation 2 March…": a number that belongs to the word before.
        let before = floor_str(t, m.start(), 20)
            .unwrap_or("")
            .to_ascii_lowercase();
        let word_before = before.split_whitespace().last().unwrap_or("");
        if matches!(
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
        ) {
            continue;
        }
        push(m.start(), m.end(), hits);
    }
    for c in BORN_YEAR.captures_iter(t) {
        if let Some(m) = c.get(1) {
            hits.push(Hit::new(
                "pii/date-of-birth",
                m.start(),
                m.end(),
                "this looks like a year of birth",
            ));
        }
    }
    for c in BORN_MONTH_YEAR.captures_iter(t) {
        if let Some(m) = c.get(1) {
            hits.push(Hit::new(
                "pii/date-of-birth",
                m.start(),
                m.end(),
                "this looks like a date of birth",
            ));
        }
    }
}
