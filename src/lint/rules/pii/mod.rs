//! Pattern rules: dates, addresses, postcodes, phone numbers, email, NHS and National
//! Insurance numbers, named institutions, exact ages with places, and the jigsaw.
//!
//! One file per family: [`dates`], [`numbers`] (phone, email, NHS and National Insurance
//! numbers, postcodes), [`places`] (addresses and named institutions) and [`ages`] (an exact
//! age with a place, and the jigsaw). This file decides which lines each family reads.

pub(crate) mod ages;
mod dates;
mod numbers;
mod places;

use super::Hit;
use crate::lint::DocCtx;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;
use std::sync::LazyLock;

pub(super) fn re(p: &str) -> Regex {
    // The patterns are constants of this file, checked by the tests; a bad one is a bug.
    #[allow(clippy::expect_used)]
    Regex::new(p).expect("built-in lint pattern")
}

/// The up-to-`n`-byte stretch before `at`, cut at a char boundary.
pub(super) fn floor_str(t: &str, at: usize, n: usize) -> Option<&str> {
    let mut s = at.saturating_sub(n);
    while s < at && !t.is_char_boundary(s) {
        s += 1;
    }
    t.get(s..at)
}

/// Words one of which a line must contain before the street, house and institution
/// patterns are tried on it (a cheap filter: the patterns themselves are slower).
static PLACE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words = [
        "street",
        "road",
        "avenue",
        "lane",
        "close",
        "drive",
        "crescent",
        "terrace",
        "gardens",
        "grove",
        "mews",
        "square",
        "walk",
        "parade",
        "boulevard",
        "estate",
        "cottage",
        "farm",
        "barn",
        "manor",
        "rectory",
        "vicarage",
        "bungalow",
        "house",
        "tower",
        "mansions",
        "heights",
        "school",
        "academy",
        "college",
        "nursery",
        "surgery",
        "centre",
        "practice",
        "home",
        "hospital",
        "hospice",
        "ward",
        "pharmacy",
        "hostel",
        "prison",
        "refuge",
        "mosque",
        "church",
        "gurdwara",
        "synagogue",
        "temple",
        "living",
        "hmp",
        "unit",
        "ysgol",
    ];
    #[allow(clippy::expect_used)]
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("built-in word list")
});

const F_DIGIT: u16 = 1;
/// A 4-digit number starting 19 or 20 (a year).
const F_YEAR: u16 = 2;
/// Digit, then `/`, `.` or `-`, then digit.
const F_SEP_DATE: u16 = 4;
/// At least six digits in the line.
const F_MANY_DIGITS: u16 = 16;
/// A letter then a digit ("NE63").
const F_LETTER_DIGIT: u16 = 32;
/// A digit, a space, then a capital ("12 Acacia").
const F_NUM_CAP: u16 = 64;
/// A word, a space, then a number ("Flat 4").
const F_FLAT: u16 = 128;
const F_AT: u16 = 256;
/// A digit then an ordinal suffix ("4th", "21st").
const F_ORD: u16 = 512;

fn line_features(b: &[u8]) -> u16 {
    let mut f = 0u16;
    let mut digits = 0usize;
    let mut run = 0usize;
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_digit() {
            digits += 1;
            run += 1;
            f |= F_DIGIT;
            if run == 4 && i >= 3 && (&b[i - 3..i - 1] == b"19" || &b[i - 3..i - 1] == b"20") {
                f |= F_YEAR;
            }
            if i > 0 && b[i - 1].is_ascii_alphabetic() {
                f |= F_LETTER_DIGIT;
            }
            if i >= 2 && matches!(b[i - 1], b'/' | b'.' | b'-') && b[i - 2].is_ascii_digit() {
                f |= F_SEP_DATE;
            }
            if i + 2 < b.len() && b[i + 1] == b' ' && b[i + 2].is_ascii_uppercase() {
                f |= F_NUM_CAP;
            }
            if i + 2 < b.len() && matches!(&b[i + 1..i + 3], b"st" | b"nd" | b"rd" | b"th") {
                f |= F_ORD;
            }
            // "Flat 4", "Room 12": a word, a space, a number (the pattern itself is quick to reject)
            if i >= 2 && b[i - 1] == b' ' && b[i - 2].is_ascii_alphabetic() {
                f |= F_FLAT;
            }
        } else {
            run = 0;
            if c == b'@' {
                f |= F_AT;
            }
        }
    }
    if digits >= 6 {
        f |= F_MANY_DIGITS;
    }
    f
}

/// Byte ranges of maximal runs of whole lines for which `keep` holds.
fn chunks(
    t: &str,
    starts: &[usize],
    after: bool,
    keep: impl Fn(usize, &str) -> bool,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let line = |i: usize| {
        let e = starts.get(i + 1).copied().unwrap_or(t.len()).min(t.len());
        (starts[i].min(e), e)
    };
    let mut next_keep = !starts.is_empty()
        && keep(0, {
            let (s, e) = line(0);
            &t[s..e]
        });
    let mut prev_keep = false;
    for i in 0..starts.len() {
        let (s, e) = line(i);
        let this = next_keep;
        next_keep = i + 1 < starts.len()
            && keep(i + 1, {
                let (s2, e2) = line(i + 1);
                &t[s2..e2]
            });
        // A match can start on the line before the one that has what it needs, or end on
        // the line after ("the 19th of\nSeptember").
        let keep_line = this || next_keep || after && prev_keep;
        prev_keep = this;
        if keep_line {
            match out.last_mut() {
                Some(last) if last.1 == s => last.1 = e,
                _ => out.push((s, e)),
            }
        }
    }
    out
}

/// Run `f` on each chunk and move its hits to absolute offsets.
fn each_chunk(
    t: &str,
    ranges: &[(usize, usize)],
    hits: &mut Vec<Hit>,
    mut f: impl FnMut(&str, &mut Vec<Hit>),
) {
    for &(s, e) in ranges {
        let n = hits.len();
        f(&t[s..e], hits);
        for h in &mut hits[n..] {
            h.start += s;
            h.end += s;
        }
    }
}

/// Run the pattern rules over the masked text. Each family only looks at the lines that
/// can hold what it looks for (a digit, an `@`, a street or institution word).
pub(crate) fn check(ctx: &DocCtx, hits: &mut Vec<Hit>) {
    let t = ctx.text;
    let starts = &ctx.scanned.line_starts;
    // One pass over each line's bytes says which pattern families could match on it.
    let feats: Vec<u16> = (0..starts.len())
        .map(|i| {
            let s = starts[i];
            let e = starts.get(i + 1).copied().unwrap_or(t.len()).min(t.len());
            line_features(&t.as_bytes()[s.min(e)..e])
        })
        .collect();
    let family = |mask: u16| chunks(t, starts, false, |i, _| feats[i] & mask != 0);
    let any_digit = feats.iter().any(|f| f & F_DIGIT != 0);
    if any_digit {
        // A date without a year may end on the next line ("the 19th of\nSeptember").
        let date_lines = chunks(t, starts, true, |i, _| {
            feats[i] & (F_YEAR | F_SEP_DATE | F_NUM_CAP | F_ORD) != 0
        });
        each_chunk(t, &date_lines, hits, dates::dates);
        each_chunk(t, &family(F_MANY_DIGITS | F_LETTER_DIGIT), hits, |c, h| {
            numbers::numbers(c, h)
        });
        each_chunk(t, &family(F_NUM_CAP | F_FLAT), hits, |c, h| {
            places::addresses_with_numbers(c, h)
        });
    }
    if feats.iter().any(|f| f & F_AT != 0) {
        each_chunk(t, &family(F_AT), hits, numbers::emails);
    }
    let mut place_line = vec![false; starts.len()];
    for m in PLACE_WORDS.find_iter(t) {
        let li = starts
            .partition_point(|&s| s <= m.start())
            .saturating_sub(1);
        if let Some(x) = place_line.get_mut(li) {
            *x = true;
        }
    }
    let place = chunks(t, starts, false, |i, _| place_line[i]);
    each_chunk(t, &place, hits, |c, h| {
        places::addresses(ctx, c, h);
        places::institutions(ctx, c, h);
    });
    ages::ages(ctx, hits);
}
