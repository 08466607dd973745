//! Pattern rules: dates, addresses, postcodes, phone numbers, email, NHS and National
//! Insurance numbers, named institutions, exact ages with places, and the jigsaw.
//!
//! One file per family: [`dates`], [`numbers`] (phone, email, NHS and National Insurance
//! numbers, postcodes), [`places`] (addresses and named institutions) and [`ages`] (an exact
//! age with a place, and the jigsaw). [`lines`] says which lines each family reads.

pub(crate) mod ages;
mod dates;
mod lines;
mod numbers;
mod places;

use super::Hit;
use crate::lint::DocCtx;
use lines::{
    DIGITS_SHIFT, F_AT, F_BIRTH, F_DAY_MONTH, F_DIGIT, F_FLAT, F_LETTER_DIGIT, F_NUM_CAP, F_PLACE,
    F_SEP_DATE,
};
use regex::Regex;

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

/// Byte ranges of maximal runs of whole lines for which `keep` holds, with the line before each
/// (and, with `after`, the line after): a match can start on the line before the one that has
/// what it needs, or end on the line after ("the 19th of\nSeptember").
fn chunks(
    t: &str,
    starts: &[usize],
    after: bool,
    keep: impl Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let n = starts.len();
    let mut next_keep = n > 0 && keep(0);
    let mut prev_keep = false;
    for i in 0..n {
        let e = starts.get(i + 1).copied().unwrap_or(t.len()).min(t.len());
        let s = starts[i].min(e);
        let this = next_keep;
        next_keep = i + 1 < n && keep(i + 1);
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

/// Run the pattern rules over the masked text. Each family only looks at the lines that
/// can hold what it looks for (a digit, an `@`, a month, a street or institution word).
pub(crate) fn check(ctx: &DocCtx, hits: &mut Vec<Hit>) {
    let t = ctx.text;
    let starts = &ctx.scanned.line_starts;
    let feats: &[u32] = &lines::line_features(ctx.scanned);
    let all = feats.iter().fold(0, |a, f| a | f);
    let lines = move |i: usize, k: usize| &feats[i.saturating_sub(k)..(i + k + 1).min(feats.len())];
    // The bits of the lines up to `k` before and after line `i`.
    let around = move |i: usize, k: usize| lines(i, k).iter().fold(0, |a, f| a | f);
    let long_number = |i: usize| {
        let digits: u32 = lines(i, 1).iter().map(|f| f >> DIGITS_SHIFT).sum();
        feats[i] & F_LETTER_DIGIT != 0 || feats[i] & F_DIGIT != 0 && digits >= 6
    };
    // A word of birth with a digit within two lines ("born in\n1987").
    let birth = |i: usize| {
        let f = feats[i];
        f & F_BIRTH != 0 && around(i, 2) & F_DIGIT != 0
            || f & F_DIGIT != 0 && around(i, 2) & F_BIRTH != 0
    };
    type Family = fn(&str, (usize, usize), &mut Vec<Hit>);
    let mut run = |after: bool, keep: &dyn Fn(usize) -> bool, f: Family| {
        for r in chunks(t, starts, after, keep) {
            f(t, r, hits);
        }
    };
    if all & F_DIGIT != 0 {
        run(true, &|i| feats[i] & F_DAY_MONTH != 0, dates::month_dates);
        run(false, &|i| feats[i] & F_SEP_DATE != 0, dates::numeric_dates);
        run(true, &birth, dates::births);
        run(false, &long_number, numbers::numbers);
        let address = |i: usize| feats[i] & (F_NUM_CAP | F_FLAT) != 0;
        run(true, &address, places::addresses_with_numbers);
    }
    if all & F_AT != 0 {
        run(false, &|i| feats[i] & F_AT != 0, numbers::emails);
    }
    for r in chunks(t, starts, false, |i| feats[i] & F_PLACE != 0) {
        places::addresses(ctx, t, r, hits);
        places::institutions(ctx, t, r, hits);
    }
    ages::ages(ctx, feats, hits);
}
