//! UK places and the agencies named after them ("Tees, Esk and Wear Valleys NHS Foundation
//! Trust", "Rutland Safeguarding Board"): their words are never a person's name.

use super::{adjacent, Lows, Tok};
use crate::lint::names::{self, GAZETTEER};
use crate::lint::scan::Token;

/// The gap between two words inside a place's or an agency's name: spaces, a hyphen, a comma,
/// an apostrophe ("St Thomas' NHS Foundation Trust"), an ampersand.
pub(super) fn name_gap(gap: &str) -> bool {
    !gap.is_empty()
        && gap.len() <= 3
        && gap
            .bytes()
            .all(|c| matches!(c, b' ' | b'\n' | b'-' | b',' | b'\'' | b'&'))
}

/// Small words inside the names of places and agencies ("Tyne and Wear", "Kingston upon Hull").
const CONNECTORS: &[&str] = &[
    "and", "of", "upon", "on", "the", "for", "in", "under", "by", "with", "le", "super",
];

/// Last words of an agency's name ("Northumbria Police", "Rutland Safeguarding Board").
#[rustfmt::skip]
const AGENCY_HEADS: &[&str] = &[
    "trust", "police", "constabulary", "council", "board", "partnership", "service", "services", "hospitals",
    "healthcare", "authority", "committee", "brigade", "commission", "panel", "network", "executive",
    "infirmary", "hospital",
];

/// Words that make a name with a head word an agency's even when no place is in it
/// ("James Paget University Hospitals NHS Foundation Trust", "Aneurin Bevan University Health Board").
#[rustfmt::skip]
const AGENCY_QUALIFIERS: &[&str] = &[
    "nhs", "health", "care", "safeguarding", "social", "university", "foundation", "county", "borough", "city",
    "district", "metropolitan", "partnership", "community", "mental", "hospitals", "healthcare", "ambulance",
    "fire", "rescue", "probation", "youth", "justice", "education", "integrated", "teaching", "children's",
    "adults", "children", "housing",
];

/// UK places and agencies named after them are never people. Marks the words of place names
/// of several words ("Newcastle upon Tyne"), a compass word before a place ("North Tees"), and
/// every word of an agency's name that is built from places or from the words agencies use
/// ("Tees, Esk and Wear Valleys NHS Foundation Trust", "Guy's and St Thomas' NHS Foundation Trust").
pub(super) fn places_and_agencies(
    t: &str,
    toks: &[Token],
    info: &mut [Tok],
    caps: &[usize],
    lw: &Lows,
) {
    let gz = &*GAZETTEER;
    let n = toks.len();
    let title_at = |info: &[Tok], j: usize| {
        j > 0
            && info[j - 1].cap
            && info[j - 1].class & names::TITLE != 0
            && adjacent(t, &toks[j - 1], &toks[j])
    };
    // Place names of several words, each from a capitalised word not inside the one before.
    let mut next = 0;
    for &i in caps {
        if i < next {
            continue;
        }
        let m = gz.place_phrases.longest_at(
            i,
            n,
            |j| lw.get(j),
            |j| name_gap(&t[toks[j].end..toks[j + 1].start]),
        );
        if m > 0 && !title_at(info, i) {
            for k in &mut info[i..i + m] {
                k.place = true;
                k.protected = true;
            }
            next = i + m;
        }
    }
    // "North Tees", "Greater Manchester", "West Kent": a compass word before a place.
    for &i in caps.iter().rev() {
        if i + 1 < n
            && info[i].cap
            && info[i].class & names::COMPASS != 0
            && info[i + 1].cap
            && info[i + 1].place
            && name_gap(&t[toks[i].end..toks[i + 1].start])
        {
            info[i].place = true;
            info[i].protected = true;
        }
    }
    // Agencies: a run of capitalised words (and connectors) that ends in a head word.
    let mut next = 0;
    for &s in caps {
        if s < next {
            continue;
        }
        let mut e = s;
        let mut has_place = info[s].place;
        let mut head_end: Option<usize> = None;
        let mut qualified = false;
        loop {
            let low = lw.get(e);
            if info[e].cap && AGENCY_HEADS.contains(&low) && e > s {
                let prev = lw.get(e - 1);
                if has_place || (s..e).any(|j| AGENCY_QUALIFIERS.contains(&lw.get(j))) {
                    head_end = Some(e);
                    qualified = true;
                } else if AGENCY_QUALIFIERS.contains(&prev) {
                    head_end = Some(e);
                }
            }
            if e + 1 >= n {
                break;
            }
            let gap = &t[toks[e].end..toks[e + 1].start];
            if !name_gap(gap) {
                break;
            }
            // A comma joins only a list of places ("Cumbria, Northumberland, Tyne and Wear").
            if gap.contains(',') && !info[e].place {
                break;
            }
            let next_low = lw.get(e + 1);
            let next_ok = info[e + 1].cap || CONNECTORS.contains(&next_low);
            if !next_ok {
                break;
            }
            e += 1;
            has_place |= info[e].place;
        }
        if let Some(h) = head_end.filter(|&h| qualified || h > s) {
            for k in &mut info[s..=h] {
                if k.cap {
                    k.protected = true;
                }
            }
            next = h + 1;
        }
    }
}
