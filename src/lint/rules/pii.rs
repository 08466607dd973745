//! Pattern rules: dates, addresses, postcodes, phone numbers, email, NHS and National
//! Insurance numbers, named institutions, exact ages with places, and the jigsaw.

use super::Hit;
use crate::lint::names::{self, GAZETTEER};
use crate::lint::DocCtx;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &str = r"(?:[Jj]anuary|[Ff]ebruary|[Mm]arch|[Aa]pril|[Mm]ay|[Jj]une|[Jj]uly|[Aa]ugust|[Ss]eptember|[Oo]ctober|[Nn]ovember|[Dd]ecember|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";

fn re(p: &str) -> Regex {
    // The patterns are constants of this file, checked by the tests; a bad one is a bug.
    #[allow(clippy::expect_used)]
    Regex::new(p).expect("built-in lint pattern")
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b[a-z0-9][a-z0-9._%+'-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b"));
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(0|\b0)[1-9][\d\s)\-]{7,13}\d"));
static POSTCODE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b([a-z]{1,2})(\d[a-z\d]?)\s?(\d[abd-hjlnp-uw-z]{2})\b"));
static NHS: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{3})[ -]?(\d{3})[ -]?(\d{4})\b"));
static NI: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b([a-z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([a-d])\b"));
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
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b{MONTHS}\s+(?:19|20)\d\d\b")));

const STREET: &str = r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Crescent|Cres|Way|Place|Grove|Gardens|Gdns|Terrace|Court|Ct|Walk|Mews|Square|Sq|Hill|Row|View|Rise|Parade|Green|Vale|Croft|Fold|Wynd|Chase|Meadows?|Brow|Gate|Yard|Park|Boulevard|Estate)";
const STREET_NONUM: &str = r"(?:Street|Road|Avenue|Lane|Close|Drive|Crescent|Terrace|Gardens|Grove|Mews|Square|Walk|Parade|Boulevard|Estate)";
const CAP: &str = r"[A-Z][A-Za-z'’\-]+";

static ADDR_NUM: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b\d{{1,4}}[A-Za-z]?,?\s+(?:{CAP}\s+){{1,3}}{STREET}\b"
    ))
});
static ADDR_STREET: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(?:{CAP}\s+){{1,2}}{STREET_NONUM}\b")));
static ADDR_FLAT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:Flat|Apartment|Apt|Unit|Room|Plot)\s+\d+[A-Za-z]?\b(?:,?\s+(?:{CAP}\s+){{0,2}}(?:House|Court|Tower|Mansions|Buildings|Heights|Lodge|Block))?"
    ))
});
static ADDR_HOUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:{CAP}\s+){{1,2}}(?:Cottage|Cottages|Farm|Farmhouse|Barn|Manor|Rectory|Vicarage|Bungalow|House|Tower|Mansions|Heights)\b"
    ))
});
static INSTITUTION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?:St\.?|Saint)\s+)?(?:{CAP}\s+){{1,4}}(?:(?i:primary school|junior school|infants? school|high school|secondary school|grammar school|special school|school|academy|college|nursery|surgery|medical centre|medical practice|health centre|family practice|group practice|care home|nursing home|residential home|care centre|children's home|children’s home|hospital|hospice|ward|pupil referral unit|referral unit|children's centre|children’s centre|pharmacy|hostel|day centre|prison|refuge|mosque|church|gurdwara|synagogue|temple|supported living))\b|\bHMP\s+{CAP}|\bWard\s+\d{{1,3}}[A-Za-z]?\b|\bYsgol(?:\s+{CAP}){{1,4}}"
    ))
});
/// An age written in words: "thirty-four", "seventy".
const NUMW: &str = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

static AGE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:aged|age)\s+(\d{{1,3}})\b|\b(\d{{1,3}})[\s-]+(?:years?|yrs?)[\s-]+old\b|\b(\d{{1,2}})[\s-]+(?:weeks?|months?)[\s-]+old\b|\((\d{{1,3}})\)|\baged\s+{NUMW}\b|\b{NUMW}[\s-]+(?:years?|weeks?|months?)[\s-]+old\b|\b\d{{1,3}}\s?(?:yo|y/o)\b"
    ))
});
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:in|at|from|near|around|outside|to|of)\s+(?:the\s+)?({CAP}(?:[\s-]{CAP})?)"
    ))
});
static ADMIN_DATE_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:published|updated|last reviewed|reviewed on|approved|ratified|signed off|agreed by the board|board meeting|accessed|version|issued|effective from|correct as at|amended)\W*(?:\w+\W+){0,3}$",
    )
});
static NI_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:national insurance|\bni\b|\bnino\b)(?:\s+(?:number|no\.?))?\W*(?:\w+\W+){0,2}$")
});
static NHS_CONTEXT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bnhs\s+(?:number|no\.?|num)\W*(?:\w+\W+){0,2}$"));
static BIRTH_CONTEXT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:\bborn\b|dates? of birth|\bd\.?o\.?b\b|birthday)[^.!?]*$"));

#[rustfmt::skip]
const POSTCODE_AREAS: &[&str] = &[
    "ab", "al", "b", "ba", "bb", "bd", "bh", "bl", "bn", "br", "bs", "bt", "ca", "cb", "cf", "ch", "cm", "co", "cr",
    "ct", "cv", "cw", "da", "dd", "de", "dg", "dh", "dl", "dn", "dt", "dy", "e", "ec", "eh", "en", "ex", "fk", "fy",
    "g", "gl", "gu", "gy", "ha", "hd", "hg", "hp", "hr", "hs", "hu", "hx", "ig", "im", "ip", "iv", "je", "ka", "kt",
    "kw", "ky", "l", "la", "ld", "le", "ll", "ln", "ls", "lu", "m", "me", "mk", "ml", "n", "ne", "ng", "nn", "np",
    "nr", "nw", "ol", "ox", "pa", "pe", "ph", "pl", "po", "pr", "rg", "rh", "rm", "s", "sa", "se", "sg", "sk", "sl",
    "sm", "sn", "so", "sp", "sr", "ss", "st", "sw", "sy", "ta", "td", "tf", "tn", "tq", "tr", "ts", "tw", "ub", "w",
    "wa", "wc", "wd", "wf", "wn", "wr", "ws", "wv", "yo", "ze",
];

/// Does a ten-digit number pass the NHS mod-11 check?
pub(crate) fn nhs_mod11(digits: &[u8]) -> bool {
    if digits.len() != 10 || digits.iter().any(|d| *d > 9) {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .enumerate()
        .map(|(i, d)| u32::from(*d) * (10 - i as u32))
        .sum();
    let check = match 11 - (sum % 11) {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == u32::from(digits[9])
}

/// Is this a National Insurance number prefix that HMRC allocates?
pub(crate) fn ni_prefix_valid(prefix: &str) -> bool {
    let p = prefix.to_ascii_uppercase();
    let b = p.as_bytes();
    if b.len() != 2 {
        return false;
    }
    let bad_first = b"DFIQUV";
    let bad_second = b"DFIOQUV";
    if bad_first.contains(&b[0]) || bad_second.contains(&b[1]) {
        return false;
    }
    !matches!(p.as_str(), "BG" | "GB" | "KN" | "NK" | "NT" | "TN" | "ZZ")
}

fn valid_dm(d: u32, m: u32) -> bool {
    (1..=31).contains(&d) && (1..=12).contains(&m)
}

/// Run the pattern rules over the masked text.
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
        each_chunk(t, &date_lines, hits, dates);
        each_chunk(t, &family(F_MANY_DIGITS | F_LETTER_DIGIT), hits, |c, h| {
            numbers(c, h)
        });
        each_chunk(t, &family(F_NUM_CAP | F_FLAT), hits, |c, h| {
            addresses_with_numbers(c, h)
        });
    }
    if feats.iter().any(|f| f & F_AT != 0) {
        each_chunk(t, &family(F_AT), hits, emails);
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
        addresses(ctx, c, h);
        institutions(ctx, c, h);
    });
    ages(ctx, hits);
}

fn emails(t: &str, hits: &mut Vec<Hit>) {
    let gz = &*GAZETTEER;
    for m in EMAIL.find_iter(t) {
        let local = m.as_str().split('@').next().unwrap_or("");
        // A shared mailbox made of everyday words (safeguarding.adults@, info@) is not a person's.
        let personal = local
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .any(|w| {
                let l = w.to_ascii_lowercase();
                let c = gz.class(&l);
                l.len() == 1
                    || c & (names::FIRST_NAME | names::SURNAME) != 0 && c & names::WORD == 0
                    || c & (names::WORD | names::NOT_NAME) == 0
                        && !ROLE_MAILBOXES.contains(&l.as_str())
                        && !role_acronym(&l)
            });
        if personal {
            hits.push(Hit::new(
                "pii/email",
                m.start(),
                m.end(),
                "this looks like a person's email address",
            ));
        }
    }
}

/// A board's or team's initials as a mailbox ("tsab@", "nyscp@", "lscb@").
fn role_acronym(l: &str) -> bool {
    l.len() <= 8
        && [
            "sab", "scp", "scb", "csp", "sb", "mash", "spa", "sar", "dhr", "cspr", "lsab", "scr",
        ]
        .iter()
        .any(|s| l.ends_with(s))
}

#[rustfmt::skip]
const ROLE_MAILBOXES: &[&str] = &[
    "info", "enquiries", "sab", "lscp", "scp", "dhr", "sar", "cspr", "mash", "admin", "noreply", "comms", "lsab",
    "sabs", "safeguardingadults", "safeguardingchildren", "adultsocialcare", "csc", "asc", "hr", "foi", "dpo",
    "gdpr", "csp",
];

fn dates(t: &str, hits: &mut Vec<Hit>) {
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

/// The up-to-`n`-byte stretch before `at`, cut at a char boundary.
fn floor_str(t: &str, at: usize, n: usize) -> Option<&str> {
    let mut s = at.saturating_sub(n);
    while s < at && !t.is_char_boundary(s) {
        s += 1;
    }
    t.get(s..at)
}

static SERVICE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:helpline|help line|advice line|information line|contact cent(?:re|er)|front[- ]door|first contact|switchboard|freephone|duty (?:team|desk|line|service)|customer service|out of hours|emergency duty|single point of access|\bmash\b|\bspoa\b|reception|enquir(?:y|ies) line|(?:team|service|services|line|hub|desk|office|unit|board|partnership|council|centre|department|social care|police) on)[^.!?]{0,40}$",
    )
});
static SERVICE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[\s,]*(?:\(?(?:the\s+)?(?:24-hour|24 hour|helpline|contact cent(?:re|er)|switchboard|open\b|mon(?:day)?\b)|,?\s*(?:the\s+)?(?:published|public)\b[^.]{0,30}\bnumber)",
    )
});
static PERSONAL_NEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:her|his|their|my) (?:own|old|home|mobile|personal|number|landline)|\bmobile\b|\blandline\b|\bpersonal\b|\bhome number\b",
    )
});

/// Is the phone number at `s..e` a service's published number (by what the text says around it)?
fn service_number(t: &str, s: usize, e: usize) -> bool {
    let before = floor_str(t, s, 90).unwrap_or("");
    let mut after_end = (e + 50).min(t.len());
    while after_end > e && !t.is_char_boundary(after_end) {
        after_end -= 1;
    }
    let after = &t[e..after_end];
    let near_before = floor_str(t, s, 30).unwrap_or("");
    if PERSONAL_NEAR.is_match(near_before)
        || PERSONAL_NEAR.is_match(after.split(['.', ';']).next().unwrap_or(""))
    {
        return false;
    }
    SERVICE_BEFORE.is_match(before) || SERVICE_AFTER.is_match(after)
}

/// Well-known public addresses that name a service or an institution, not a home.
const PUBLIC_ADDRESSES: &[&str] = &[
    "56 dean street",
    "10 downing street",
    "221b baker street",
    "102 petty france",
    "2 marsham street",
    "39 victoria street",
];

fn numbers(t: &str, hits: &mut Vec<Hit>) {
    // Phone numbers.
    for m in PHONE.find_iter(t) {
        let s = m.as_str();
        let mut national = 0usize;
        let mut started = false;
        let mut end = m.start();
        let mut first_nat: Option<u8> = None;
        let bytes = s.as_bytes();
        let mut i = 0;
        let intl = s.starts_with("+44");
        if intl {
            i = 3;
        }
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_digit() {
                if !started && b == b'0' && first_nat.is_none() {
                    // trunk prefix
                    started = true;
                } else {
                    started = true;
                    if first_nat.is_none() {
                        first_nat = Some(b - b'0');
                    }
                    national += 1;
                }
                end = m.start() + i + 1;
                if national == 10 {
                    break;
                }
            }
            i += 1;
        }
        if !(9..=10).contains(&national) || !matches!(first_nat, Some(1) | Some(2) | Some(7)) {
            continue;
        }
        // 07 mobiles and 02 numbers always have ten national digits.
        if national == 9 && matches!(first_nat, Some(7) | Some(2)) {
            continue;
        }
        // A landline the text presents as a service's ("the duty team on …", "… (the 24-hour
        // contact centre)") is published for the public, not a person's.
        if first_nat != Some(7) && service_number(t, m.start(), end) {
            continue;
        }
        hits.push(Hit::new(
            "pii/phone",
            m.start(),
            end,
            "this looks like a personal phone number",
        ));
    }
    // NHS numbers.
    for c in NHS.captures_iter(t) {
        let digits: Vec<u8> = [&c[1], &c[2], &c[3]]
            .concat()
            .bytes()
            .map(|b| b - b'0')
            .collect();
        let labelled = c
            .get(0)
            .is_some_and(|m| NHS_CONTEXT.is_match(floor_str(t, m.start(), 40).unwrap_or("")));
        if digits[0] != 0 && nhs_mod11(&digits) || labelled && !c[0].starts_with('0') {
            if let Some(m) = c.get(0) {
                hits.push(Hit::new(
                    "pii/nhs-number",
                    m.start(),
                    m.end(),
                    "this is an NHS number (it passes the NHS check-digit test)",
                ));
            }
        }
    }
    // National Insurance numbers.
    for c in NI.captures_iter(t) {
        // A number labelled as one counts even with a prefix HMRC does not issue ("QQ").
        let labelled = c
            .get(0)
            .is_some_and(|m| NI_CONTEXT.is_match(floor_str(t, m.start(), 40).unwrap_or("")));
        if ni_prefix_valid(&c[1]) || labelled {
            if let Some(m) = c.get(0) {
                hits.push(Hit::new(
                    "pii/ni-number",
                    m.start(),
                    m.end(),
                    "this is a National Insurance number",
                ));
            }
        }
    }
    // Postcodes.
    for c in POSTCODE.captures_iter(t) {
        let area = c[1].to_ascii_lowercase();
        let Some(m) = c.get(0) else { continue };
        // An unknown area still counts when written exactly as a postcode is (capitals, one space).
        let strict =
            m.as_str().contains(' ') && !m.as_str().chars().any(|ch| ch.is_ascii_lowercase());
        if !POSTCODE_AREAS.contains(&area.as_str()) && !strict {
            continue;
        }
        hits.push(Hit::new(
            "pii/postcode",
            m.start(),
            m.end(),
            "this is a postcode",
        ));
    }
}

/// The town or village between an address and its postcode ("Back Lane, Holme St Giles NM7 2HJ").
static ADDR_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(,?\s*[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){0,2}),?\s*[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b",
    )
});

/// Extend an address span over the place name that leads to a postcode.
fn address_end(t: &str, end: usize) -> usize {
    match ADDR_TAIL.captures(&t[end..]).and_then(|c| c.get(1)) {
        Some(m) if !t[end..end + m.end()].contains('\n') => end + m.end(),
        _ => end,
    }
}

fn addresses_with_numbers(t: &str, hits: &mut Vec<Hit>) {
    for m in ADDR_NUM.find_iter(t) {
        let lower = m.as_str().to_lowercase();
        if PUBLIC_ADDRESSES.contains(
            &lower
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .as_str(),
        ) {
            continue;
        }
        hits.push(Hit::new(
            "pii/address",
            m.start(),
            address_end(t, m.end()),
            "this looks like a street address",
        ));
    }
    for m in ADDR_FLAT.find_iter(t) {
        hits.push(Hit::new(
            "pii/address",
            m.start(),
            m.end(),
            "this names a flat or room, which can locate the person",
        ));
    }
}

/// Words that make up the names of places in general, not a particular one.
#[rustfmt::skip]
const GENERIC: &[&str] = &[
    "the", "a", "an", "her", "his", "their", "our", "my", "its", "this", "that", "at", "when", "local", "new",
    "old", "same", "each", "every", "both", "and", "of", "in", "on", "for", "by", "with", "from", "to", "general",
    "royal", "district", "community", "university", "county", "city", "infirmary", "memorial", "teaching",
    "children's", "children’s", "women's", "women’s", "mental", "health", "primary", "junior", "secondary", "high",
    "special", "grammar", "catholic", "ce", "free", "police", "acute", "medical", "surgical", "assessment",
    "elderly", "psychiatric", "maternity", "neonatal", "specialist", "care", "residential", "nursing", "day",
    "family", "hospital", "school", "supported", "accommodation", "council", "housing", "social", "nhs", "trust",
    "foundation", "practice", "gp", "a&e", "emergency", "department", "safeguarding", "adult", "adults", "child",
    "children", "national", "st", "saint", "home", "homes", "church", "parish", "independent", "private",
    "approved", "premises", "learning", "disability", "disabilities", "rehabilitation", "recovery", "inpatient",
    "outpatient", "intensive", "critical", "stroke", "dementia", "older", "people", "young", "person", "persons",
    "mother", "baby", "unit", "service", "services", "one", "two", "another", "other", "several", "three", "four",
    "many", "some", "any", "no", "which", "whose", "where", "while", "after", "before", "during", "following",
    "then", "there", "as", "into", "so", "but",
];

/// Does every capitalised word in `phrase` (before the final type word) tell nothing
/// about which place it is: generic words, the site's allowed area words, labels, pseudonyms?
fn is_generic_place(ctx: &DocCtx, phrase: &str, lowercase_type: bool) -> bool {
    if ctx.phrases.contains_text(phrase) || ctx.doc_phrases.contains_text(phrase) {
        return true;
    }
    let lower = phrase.to_lowercase();
    // The whole name is (part of) an agency's name or an allowed phrase.
    if ctx
        .allowed_phrases
        .iter()
        .any(|p| !p.is_empty() && p.contains(lower.as_str()))
    {
        return true;
    }
    let gz = &*GAZETTEER;
    let mut words: Vec<String> = lower
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .to_string()
        })
        .collect();
    words.pop(); // the type word (or its last word)
    words.iter().all(|w| {
        let (base, _) = names::strip_possessive(w);
        let c = gz.class(base);
        GENERIC.contains(&base)
            || base.chars().count() <= 1
            || ctx.area_words.contains(base)
            || ctx.is_pseudonym_word(base)
            || (lowercase_type
                && c & names::WORD != 0
                && c & (names::FIRST_NAME | names::SURNAME) == 0)
            || c & names::TITLE != 0 && c & names::SURNAME == 0
            // "Sunday school", "Polish Saturday school", "Methodist church"
            || c & names::NOT_NAME != 0 && c & names::PLACE == 0
    })
}

/// Is the street at `s..e`, with the house number before it, a well-known public address?
fn public_address(t: &str, s: usize, e: usize) -> bool {
    let before = floor_str(t, s, 8).unwrap_or("");
    let number = before
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    let whole = format!("{number} {}", &t[s..e]).to_lowercase();
    let whole = whole.split_whitespace().collect::<Vec<_>>().join(" ");
    PUBLIC_ADDRESSES.contains(&whole.as_str())
}

fn addresses(ctx: &DocCtx, t: &str, hits: &mut Vec<Hit>) {
    for m in ADDR_STREET.find_iter(t) {
        if public_address(t, m.start(), m.end()) {
            continue;
        }
        if !is_generic_place(ctx, m.as_str(), false) {
            hits.push(Hit::new(
                "pii/address",
                m.start(),
                address_end(t, m.end()),
                "this names a street, which can locate the person",
            ));
        }
    }
    for m in ADDR_HOUSE.find_iter(t) {
        let s = m.as_str();
        if s.starts_with("Home Office") || s.ends_with("House") && s.contains("Commons") {
            continue;
        }
        if is_generic_place(ctx, s, false) {
            continue;
        }
        // "Birchfield House, a supported living service": a named service, not a home address.
        let line_start = t[..m.start()].rfind('\n').map_or(0, |i| i + 1);
        let line_end = t[m.end()..].find('\n').map_or(t.len(), |i| m.end() + i);
        let around = t[line_start..line_end].to_ascii_lowercase();
        let service = [
            "care home",
            "supported living",
            "residential",
            "nursing home",
            "hostel",
            "refuge",
            "respite",
            "placement",
            "provider",
        ]
        .iter()
        .any(|w| around.contains(w));
        if service && (s.ends_with("House") || s.ends_with("Lodge")) {
            hits.push(Hit::new(
                "pii/named-institution",
                m.start(),
                m.end(),
                "this names a care home, hostel or similar service that could locate the person",
            ));
        } else {
            hits.push(Hit::new(
                "pii/address",
                m.start(),
                address_end(t, m.end()),
                "this names a house or block of flats, which can locate the person",
            ));
        }
    }
}

fn institutions(ctx: &DocCtx, t: &str, hits: &mut Vec<Hit>) {
    for m in INSTITUTION.find_iter(t) {
        let s = m.as_str();
        let last_word_start = s
            .rfind(|c: char| c.is_whitespace())
            .map(|i| i + 1)
            .unwrap_or(0);
        let lowercase_type = s[last_word_start..].starts_with(|c: char| c.is_lowercase());
        // Trim a leading sentence-start word that is an everyday word ("When school closed").
        let (start, phrase) = trim_leading_common(s, m.start());
        if phrase.split_whitespace().count() < 2 {
            continue;
        }
        let hospital = {
            let l = phrase.to_lowercase();
            l.ends_with("hospital") || l.ends_with("hospice")
        };
        if is_generic_place(ctx, phrase, lowercase_type) {
            continue;
        }
        // A hospital named after the area is not a locating detail.
        if hospital && hospital_named_for_area(ctx, phrase) {
            continue;
        }
        hits.push(Hit::new(
            "pii/named-institution",
            start,
            m.end(),
            "this names a school, GP practice, care home, ward or similar that could locate the person",
        ));
    }
}

/// Words of the names of big hospitals that say nothing about where a person lives.
#[rustfmt::skip]
const HOSPITAL_WORDS: &[&str] = &[
    "royal", "queen", "king", "prince", "princess", "general", "university", "city", "county", "district",
    "community", "area", "teaching", "infirmary", "memorial", "hospital", "hospitals", "children's", "women's",
    "and", "of", "the", "for", "upon", "on", "acute", "victoria", "alexandra", "elizabeth", "albert", "edward",
    "george", "mother", "st", "saint", "hospice",
];

/// Every ending of two words or more of the hospitals a board names as public places
/// (`data/hospitals_uk.txt`), so that "Queen Elizabeth Hospital" and "the Queen Elizabeth The
/// Queen Mother Hospital" are both found however much of the name a pattern caught.
static KNOWN_HOSPITALS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    let mut set = std::collections::HashSet::new();
    for line in include_str!("../data/hospitals_uk.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        for k in 0..words.len().saturating_sub(1) {
            // Not the endings that every hospital shares ("general hospital").
            if words[k..]
                .iter()
                .any(|w| !HOSPITAL_WORDS.contains(w) && !GENERIC.contains(w))
            {
                set.insert(words[k..].join(" "));
            }
        }
    }
    set
});

/// Lower-case words of a name, without punctuation or possessive quirks ("St Thomas'" → "st thomas'").
fn name_words(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .replace('’', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A hospital named after the area, a UK place, a monarch or a saint, or a big hospital the
/// lint knows: a public place, not a detail that locates the person.
fn hospital_named_for_area(ctx: &DocCtx, phrase: &str) -> bool {
    let gz = &*GAZETTEER;
    let words = name_words(phrase);
    if (0..words.len().saturating_sub(1)).any(|k| KNOWN_HOSPITALS.contains(&words[k..].join(" "))) {
        return true;
    }
    // Words inside a UK place's name of several words ("Castle Hill", "Newcastle upon Tyne").
    let n = words.len();
    let mut in_place = vec![false; n];
    for a in 0..n {
        for b in (a + 2..=n).rev() {
            if gz.is_major_phrase(&words[a..b].join(" ")) {
                in_place[a..b].iter_mut().for_each(|x| *x = true);
                break;
            }
        }
    }
    words.iter().zip(&in_place).all(|(l, &inp)| {
        let c = gz.class(l);
        inp || GENERIC.contains(&l.as_str())
            || HOSPITAL_WORDS.contains(&l.as_str())
            || ctx.area_words.contains(l)
            || ctx.allow_words.contains(l)
            || c & (names::NOT_NAME | names::MAJOR_PLACE | names::COMPASS) != 0
    })
}

fn trim_leading_common(s: &str, start: usize) -> (usize, &str) {
    let gz = &*GAZETTEER;
    let mut off = 0;
    let mut rest = s;
    while let Some(sp) = rest.find(' ') {
        let w = rest[..sp].to_lowercase();
        let c = gz.class(&w);
        let common = GENERIC.contains(&w.as_str())
            && !matches!(w.as_str(), "st" | "saint" | "royal" | "general")
            || (c & names::WORD != 0
                && c & (names::FIRST_NAME | names::SURNAME) == 0
                && rest[sp + 1..].starts_with(|ch: char| ch.is_lowercase()));
        if !common {
            break;
        }
        off += sp + 1;
        rest = &rest[sp + 1..];
    }
    (start + off, rest)
}

/// Exact ages, and what they sit beside.
fn ages(ctx: &DocCtx, hits: &mut Vec<Hit>) {
    let t = ctx.text;
    for b in &ctx.scanned.blocks {
        let para = &t[b.start..b.end];
        let has_digit = para.bytes().any(|c| c.is_ascii_digit());
        let digit_age = has_digit
            && (para.contains("age")
                || para.contains("Age")
                || para.contains("old")
                || para.contains('(')
                || para.contains("yo"));
        let word_age = !has_digit
            && (para.contains("aged ") || para.contains("Aged ") || para.contains(" old"));
        if !digit_age && !word_age {
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
                || after_t.starts_with("to ")
                || after_t.starts_with("and over")
                || after_t.starts_with("or over")
                || after_t.starts_with("and above")
                || after_t.starts_with("and under")
                || after_t.starts_with("or under")
                || after_t.starts_with("plus")
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

fn same_sentence(t: &str, a: usize, b: usize) -> bool {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    let between = t.get(lo..hi).unwrap_or("");
    !between.contains(". ")
        && !between.contains("? ")
        && !between.contains("! ")
        && !between.contains(".\n")
}

/// Is a capitalised phrase after "in/at/from" a town or village?
fn is_place(ctx: &DocCtx, s: &str) -> bool {
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
pub(crate) const LABEL_WORDS: &[&str] = &[
    "adult", "child", "mother", "father", "sibling", "person", "baby", "young", "family", "partner", "parent",
    "carer", "brother", "sister", "son", "daughter", "subject", "victim", "perpetrator", "patient", "resident",
    "mr", "mrs", "ms", "miss", "infant", "woman", "man", "girl", "boy", "grandmother", "grandfather", "relative",
    "friend", "neighbour",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nhs_check_digit() {
        // 943 476 5919 is the NHS's published example of a valid number.
        let d: Vec<u8> = "9434765919".bytes().map(|b| b - b'0').collect();
        assert!(nhs_mod11(&d));
        let d: Vec<u8> = "9434765918".bytes().map(|b| b - b'0').collect();
        assert!(!nhs_mod11(&d));
        // remainder giving check 10 is never valid
        let d: Vec<u8> = "1234567890".bytes().map(|b| b - b'0').collect();
        assert!(!nhs_mod11(&d) || d[9] == 0);
        assert!(!nhs_mod11(&[1, 2, 3]));
    }

    #[test]
    fn ni_prefixes() {
        assert!(ni_prefix_valid("AB"));
        assert!(ni_prefix_valid("ce"));
        for bad in [
            "BG", "GB", "KN", "NK", "NT", "TN", "ZZ", "DA", "FA", "IA", "QA", "UA", "VA", "AD",
            "AO", "AQ", "AV",
        ] {
            assert!(!ni_prefix_valid(bad), "{bad}");
        }
    }
}
