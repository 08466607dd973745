//! Exact ages beside a named place (`pii/age-with-place`), and with a month and year too
//! (`pii/jigsaw`).

use super::dates::MONTHS;
use super::lines::{F_AGE_WORD, F_DIGIT, F_PAREN_DIGIT, F_YO};
use super::places::{name_words, CAP};
use super::re;
use crate::lint::names::{self, GAZETTEER};
use crate::lint::rules::Hit;
use crate::lint::scan::Block;
use crate::lint::DocCtx;
use regex::Regex;
use std::sync::LazyLock;

/// An age written in words: "thirty-four", "seventy".
const NUMW: &str = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

/// What makes an age a range or a threshold when it follows it ("18 to 25", "65 and over").
const RANGE_AFTER: [&str; 7] = [
    "to ",
    "and over",
    "or over",
    "and above",
    "and under",
    "or under",
    "plus",
];

static AGE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:aged|age)\s+(\d{{1,3}})\b|\b(\d{{1,3}})[\s-]+(?:years?|yrs?)[\s-]+old\b|\b(\d{{1,2}})[\s-]+(?:weeks?|months?)[\s-]+old\b|\((\d{{1,3}})\)|\baged\s+{NUMW}\b|\b{NUMW}[\s-]+(?:years?|weeks?|months?)[\s-]+old\b|\b\d{{1,3}}\s?(?:yo|y/o)\b"
    ))
});
/// An age after "was", "is" or "turned" with a person before it: "Adult Q was 78 and",
/// "Mrs P, who was 81,", "she turned 16 when". The person (a capitalised word, a pseudonym's
/// letter, he, she or who) keeps "the score was 78" out; what follows is checked in [`was_age_ends`].
static WAS_AGE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:[A-Z][a-z]*|[Hh]e|[Ss]he|who)\s+(?:was|is|turned|had\s+turned)\s+(\d{1,3})\b")
});
pub(crate) static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:in|at|from|near|around|outside|to|of)\s+(?:the\s+)?({CAP}(?:[\s-]{CAP})?)"
    ))
});
pub(crate) static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b{MONTHS}\s+(?:19|20)\d\d\b")));

/// Exact ages, and what they sit beside.
/// Could the lines of this block hold an exact age as [`AGE`] reads one: the word "old", "age"
/// or "aged" before a space, or a digit with "(" before it or "yo" or "y/o" after it?
fn may_hold_age(ctx: &DocCtx, feats: &[u32], b: &Block) -> bool {
    let starts = &ctx.scanned.line_starts;
    let first = starts.partition_point(|&s| s <= b.start).saturating_sub(1);
    let last = starts.partition_point(|&s| s < b.end).max(first + 1);
    let f = feats[first..last.min(feats.len())]
        .iter()
        .fold(0, |a, f| a | f);
    f & F_AGE_WORD != 0 || f & F_DIGIT != 0 && f & (F_PAREN_DIGIT | F_YO) != 0
}

pub(super) fn ages(ctx: &DocCtx, feats: &[u32], hits: &mut Vec<Hit>) {
    let t = ctx.text;
    for b in &ctx.scanned.blocks {
        let para = &t[b.start..b.end];
        if !may_hold_age(ctx, feats, b) {
            continue;
        }
        let mut ages: Vec<(usize, usize)> = Vec::new();
        for c in AGE.captures_iter(para) {
            let Some(m) = c.get(0) else { continue };
            // "(34)" counts only right after a capitalised word (a name or label).
            if m.as_str().starts_with('(') {
                let before = para[..m.start()].trim_end();
                let prev = before
                    .rsplit(|ch: char| ch.is_whitespace())
                    .next()
                    .unwrap_or("");
                if !prev.starts_with(|ch: char| ch.is_uppercase()) || prev.len() < 2 {
                    continue;
                }
                let n: u32 = c
                    .get(4)
                    .map(|x| x.as_str())
                    .unwrap_or("0")
                    .parse()
                    .unwrap_or(0);
                if n > 110 || before.ends_with(|ch: char| ch.is_ascii_digit()) {
                    continue;
                }
            }
            // Ranges and thresholds ("aged 18 to 25", "aged 65 and over") are not exact ages.
            let after = &para[m.end()..];
            let after_t = after.trim_start();
            if after_t.starts_with(['-', '–', '+'])
                || RANGE_AFTER.iter().any(|w| after_t.starts_with(w))
            {
                continue;
            }
            let before = para[..m.start()].to_lowercase();
            if before.ends_with("over ")
                || before.ends_with("under ")
                || before.ends_with("between ")
                || before.ends_with("and ") && before.contains("between")
            {
                continue;
            }
            ages.push((b.start + m.start(), b.start + m.end()));
        }
        for c in WAS_AGE.captures_iter(para) {
            let Some(n) = c.get(1) else { continue };
            if n.as_str()
                .parse::<u32>()
                .is_ok_and(|v| (1..=110).contains(&v))
                && was_age_ends(&para[n.end()..])
            {
                ages.push((b.start + n.start(), b.start + n.end()));
            }
        }
        if ages.is_empty() {
            continue;
        }
        let mut places: Vec<usize> = PLACE
            .captures_iter(para)
            .filter_map(|c| c.get(1))
            .filter(|m| is_place(ctx, m.as_str()))
            .map(|m| b.start + m.start())
            .collect();
        // A place from the site's allow-list anywhere ("a Fellhaven man aged 34").
        let mut off = 0;
        for w in para.split(|c: char| !c.is_alphabetic()) {
            if w.len() > 2 && w.starts_with(|c: char| c.is_uppercase()) {
                let l = w.to_lowercase();
                if ctx.site_allow_words.contains(&l)
                    && !ctx.area_words.contains(&l)
                    && !ctx.doc_words.contains(&l)
                    && GAZETTEER.class(&l) & (names::WORD | names::NOT_NAME) == 0
                {
                    places.push(b.start + off);
                }
            }
            off += w.len()
                + para[off + w.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
        }
        if places.is_empty() {
            continue;
        }
        let month_year = MONTH_YEAR.is_match(para);
        for (s, e) in ages {
            if month_year {
                hits.push(Hit::new(
                    "pii/jigsaw",
                    s,
                    e,
                    "an exact age, a named place and a month and year in the same paragraph could together identify the person",
                ));
            } else if places.iter().any(|&p| same_sentence(t, s, p)) {
                hits.push(Hit::new(
                    "pii/age-with-place",
                    s,
                    e,
                    "an exact age together with a named place could identify the person",
                ));
            }
        }
    }
}

/// Does the text after "was 78" end the age there ("78 and", "78,", "78 when", "78 at the time",
/// "78 years") rather than go on as a measure ("78 per cent", "78%", "78.5", "78 miles")?
fn was_age_ends(after: &str) -> bool {
    if after.is_empty() || after.starts_with([',', ';', ')', '\n']) {
        return true;
    }
    if let Some(rest) = after.strip_prefix('.') {
        return !rest.starts_with(|c: char| c.is_ascii_digit());
    }
    let t = after.trim_start().to_lowercase();
    [
        "and ",
        "when ",
        "at the time",
        "years",
        "at her death",
        "at his death",
        "on ",
    ]
    .iter()
    .any(|w| t.starts_with(w))
}

fn same_sentence(t: &str, a: usize, b: usize) -> bool {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    let between = t.get(lo..hi).unwrap_or("");
    !between.contains(". ")
        && !between.contains("? ")
        && !between.contains("! ")
        && !between.contains(".\n")
}

/// Is a capitalised phrase after "in/at/from" a town or village?
pub(crate) fn is_place(ctx: &DocCtx, s: &str) -> bool {
    let gz = &*GAZETTEER;
    let first = s.split([' ', '-']).next().unwrap_or("");
    let (first, _) = names::strip_possessive(first);
    let l = first.to_lowercase();
    if ctx.area_words.contains(&l) || ctx.doc_words.contains(&l) {
        return false;
    }
    // A UK place of several words ("High Wycombe", "Stoke-on-Trent"); a county or a region
    // ("County Londonderry", "North Yorkshire") is too wide to locate anyone.
    if s.contains([' ', '-']) && gz.place_phrases.contains_text(s) {
        let lower = name_words(s).join(" ");
        return !gz.is_area_phrase(&lower) && !lower.ends_with("shire");
    }
    let c = gz.class(&l);
    if c & names::AREA != 0 {
        return false;
    }
    if LABEL_WORDS.contains(&l.as_str()) || c & names::TITLE != 0 {
        return false;
    }
    // A UK place: a town that is also an everyday word ("Reading", "Sale") only when it is big.
    if c & names::PLACE != 0 && (c & names::WORD == 0 || c & names::MAJOR_PLACE != 0) {
        return c & names::NOT_NAME == 0;
    }
    if c & names::NOT_NAME != 0 {
        return false;
    }
    if ctx.allow_words.contains(&l) {
        return ctx.site_allow_words.contains(&l);
    }
    c & names::WORD == 0 && c & names::FIRST_NAME == 0
}

/// Words that begin an anonymised label ("Adult A", "Child B").
#[rustfmt::skip]
const LABEL_WORDS: &[&str] = &[
    "adult", "child", "mother", "father", "sibling", "person", "baby", "young", "family", "partner", "parent",
    "carer", "brother", "sister", "son", "daughter", "subject", "victim", "perpetrator", "patient", "resident",
    "mr", "mrs", "ms", "miss", "infant", "woman", "man", "girl", "boy", "grandmother", "grandfather", "relative",
    "friend", "neighbour",
];
