//! Street addresses, house names and named institutions (schools, GP practices, care
//! homes, wards) that would locate a person.

use super::{floor_str, re};
use crate::lint::names::{self, GAZETTEER};
use crate::lint::rules::Hit;
use crate::lint::DocCtx;
use regex::Regex;
use std::sync::LazyLock;

const STREET: &str = r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Crescent|Cres|Way|Place|Grove|Gardens|Gdns|Terrace|Court|Ct|Walk|Mews|Square|Sq|Hill|Row|View|Rise|Parade|Green|Vale|Croft|Fold|Wynd|Chase|Meadows?|Brow|Gate|Yard|Park|Boulevard|Estate)";
const STREET_NONUM: &str = r"(?:Street|Road|Avenue|Lane|Close|Drive|Crescent|Terrace|Gardens|Grove|Mews|Square|Walk|Parade|Boulevard|Estate)";
pub(super) const CAP: &str = r"[A-Z][A-Za-z'’\-]+";

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

/// Well-known public addresses that name a service or an institution, not a home.
const PUBLIC_ADDRESSES: &[&str] = &[
    "56 dean street",
    "10 downing street",
    "221b baker street",
    "102 petty france",
    "2 marsham street",
    "39 victoria street",
];

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

/// A `pii/address` hit from match `m` (in the text from byte `s0` on) to the end of the
/// address it begins.
fn street_address(t: &str, s0: usize, m: regex::Match<'_>, message: &str) -> Hit {
    Hit::new(
        "pii/address",
        s0 + m.start(),
        address_end(t, s0 + m.end()),
        message,
    )
}

pub(super) fn addresses_with_numbers(t: &str, (s0, e0): (usize, usize), hits: &mut Vec<Hit>) {
    for m in ADDR_NUM.find_iter(&t[s0..e0]) {
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
        hits.push(street_address(t, s0, m, "this looks like a street address"));
    }
    for m in ADDR_FLAT.find_iter(&t[s0..e0]) {
        hits.push(Hit::at(
            "pii/address",
            s0,
            m,
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
pub(super) fn is_generic_place(ctx: &DocCtx, phrase: &str, lowercase_type: bool) -> bool {
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

pub(super) fn addresses(ctx: &DocCtx, t: &str, (s0, e0): (usize, usize), hits: &mut Vec<Hit>) {
    for m in ADDR_STREET.find_iter(&t[s0..e0]) {
        if public_address(t, s0 + m.start(), s0 + m.end()) {
            continue;
        }
        if !is_generic_place(ctx, m.as_str(), false) {
            hits.push(street_address(
                t,
                s0,
                m,
                "this names a street, which can locate the person",
            ));
        }
    }
    for m in ADDR_HOUSE.find_iter(&t[s0..e0]) {
        let s = m.as_str();
        if s.starts_with("Home Office") || s.ends_with("House") && s.contains("Commons") {
            continue;
        }
        if is_generic_place(ctx, s, false) {
            continue;
        }
        // "Birchfield House, a supported living service": a named service, not a home address.
        let line_start = t[..s0 + m.start()].rfind('\n').map_or(0, |i| i + 1);
        let line_end = t[s0 + m.end()..]
            .find('\n')
            .map_or(t.len(), |i| s0 + m.end() + i);
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
            hits.push(Hit::at(
                "pii/named-institution",
                s0,
                m,
                "this names a care home, hostel or similar service that could locate the person",
            ));
        } else {
            hits.push(street_address(
                t,
                s0,
                m,
                "this names a house or block of flats, which can locate the person",
            ));
        }
    }
}

pub(super) fn institutions(ctx: &DocCtx, t: &str, (s0, e0): (usize, usize), hits: &mut Vec<Hit>) {
    for m in INSTITUTION.find_iter(&t[s0..e0]) {
        let s = m.as_str();
        let last_word_start = s
            .rfind(|c: char| c.is_whitespace())
            .map(|i| i + 1)
            .unwrap_or(0);
        let lowercase_type = s[last_word_start..].starts_with(|c: char| c.is_lowercase());
        // Trim a leading sentence-start word that is an everyday word ("When school closed").
        let (start, phrase) = trim_leading_common(s, s0 + m.start());
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
            s0 + m.end(),
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
    for line in include_str!("../../data/hospitals_uk.txt").lines() {
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
pub(super) fn name_words(phrase: &str) -> Vec<String> {
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
    while let Some(sp) = rest.find([' ', '\n', '\t']) {
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
