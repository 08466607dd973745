//! Numbers and addresses that reach a person: phone numbers, email addresses, NHS and
//! National Insurance numbers, postcodes.

use super::{floor_str, re};
use crate::lint::names::{self, GAZETTEER};
use crate::lint::rules::Hit;
use regex::Regex;
use std::sync::LazyLock;

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b[a-z0-9][a-z0-9._%+'-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b"));
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(0|\b0)[1-9][\d\s)\-]{7,13}\d"));
static POSTCODE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b([a-z]{1,2})(\d[a-z\d]?)\s?(\d[abd-hjlnp-uw-z]{2})\b"));
static NHS: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{3})[ -]?(\d{3})[ -]?(\d{4})\b"));
static NI: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b([a-z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([a-d])\b"));
static NI_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:national insurance|\bni\b|\bnino\b)(?:\s+(?:number|no\.?))?\W*(?:\w+\W+){0,2}$")
});
static NHS_CONTEXT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bnhs\s+(?:number|no\.?|num)\W*(?:\w+\W+){0,2}$"));

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

/// The matches of `re` in `t[s0..e0]`, each with whether `context` (a label such as "NHS
/// number") ends in the 40 bytes before it.
fn labelled_matches<'t>(
    t: &'t str,
    (s0, e0): (usize, usize),
    re: &'t Regex,
    context: &'t Regex,
) -> impl Iterator<Item = (regex::Captures<'t>, bool)> + 't {
    re.captures_iter(&t[s0..e0]).map(move |c| {
        let before = floor_str(t, s0 + c.get_match().start(), 40).unwrap_or("");
        let labelled = context.is_match(before);
        (c, labelled)
    })
}

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

pub(super) fn emails(t: &str, (s0, e0): (usize, usize), hits: &mut Vec<Hit>) {
    let gz = &*GAZETTEER;
    for m in EMAIL.find_iter(&t[s0..e0]) {
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
            hits.push(Hit::at(
                "pii/email",
                s0,
                m,
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

pub(super) fn numbers(t: &str, (s0, e0): (usize, usize), hits: &mut Vec<Hit>) {
    // Phone numbers.
    for m in PHONE.find_iter(&t[s0..e0]) {
        let s = m.as_str();
        let mut national = 0usize;
        let mut started = false;
        let mut end = s0 + m.start();
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
                end = s0 + m.start() + i + 1;
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
        if first_nat != Some(7) && service_number(t, s0 + m.start(), end) {
            continue;
        }
        hits.push(Hit::new(
            "pii/phone",
            s0 + m.start(),
            end,
            "this looks like a personal phone number",
        ));
    }
    // NHS numbers, and National Insurance numbers (one labelled as one counts even with a
    // prefix HMRC does not issue, "QQ").
    for (c, labelled) in labelled_matches(t, (s0, e0), &NHS, &NHS_CONTEXT) {
        let digits: Vec<u8> = [&c[1], &c[2], &c[3]]
            .concat()
            .bytes()
            .map(|b| b - b'0')
            .collect();
        if digits[0] != 0 && nhs_mod11(&digits) || labelled && !c[0].starts_with('0') {
            let message = "this is an NHS number (it passes the NHS check-digit test)";
            hits.push(Hit::at("pii/nhs-number", s0, c.get_match(), message));
        }
    }
    for (c, labelled) in labelled_matches(t, (s0, e0), &NI, &NI_CONTEXT) {
        if ni_prefix_valid(&c[1]) || labelled {
            let message = "this is a National Insurance number";
            hits.push(Hit::at("pii/ni-number", s0, c.get_match(), message));
        }
    }
    // Postcodes.
    for c in POSTCODE.captures_iter(&t[s0..e0]) {
        let area = c[1].to_ascii_lowercase();
        let Some(m) = c.get(0) else { continue };
        // An unknown area still counts when written exactly as a postcode is (capitals, one space).
        let strict =
            m.as_str().contains(' ') && !m.as_str().chars().any(|ch| ch.is_ascii_lowercase());
        if !POSTCODE_AREAS.contains(&area.as_str()) && !strict {
            continue;
        }
        hits.push(Hit::at("pii/postcode", s0, m, "this is a postcode"));
    }
}

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
