//! Names of people: the gazetteer read in context, and the author's known names.
//!
//! A capitalised word is judged by what it is (a first name, a surname, an everyday
//! word, a place) and where it stands: after a title ("Dr Sandhu"), after a relationship
//! word ("her sister Karen"), beside a verb of reported speech ("said Karen"), as a
//! possessive, at the start of a sentence or in the middle of one. Words inside agreed
//! pseudonyms, anonymised labels ("Adult A"), agency names, national bodies and the
//! site's allow-list are never names.

use super::Hit;
use crate::lint::names::{self, lower_into, GAZETTEER};
use crate::lint::scan::{tokens, Block, Mode, Token};
use crate::lint::DocCtx;

static CITATION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    regex::Regex::new(r"^(?:['’]s)?(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)*(?:\s+et\.?\s+al\.?|\s+and\s+colleagues|\s+and\s+others)?,?\s*\(?(?:19|20)\d\d[a-z]?\b|^\s+et\.?\s+al\b|^\s+and\s+colleagues\b")
        .expect("built-in pattern")
});

/// Given names that are also everyday words but, capitalised at the start of a sentence,
/// are far more often the name (sorted: binary search).
#[rustfmt::skip]
const NAMES_FIRST: &[&str] = &[
    "bob", "carol", "dean", "harry", "jack", "ken", "matt", "mike", "nick", "penny", "peter", "ray", "rob", "sonny",
    "sue",
];

/// "O'Brien" (listed as "obrien"), "Ashworth-Lyle" (each part a name): the class of a
/// capitalised word the gazetteer does not know as written.
fn compound_name_class(orig: &str, low: &str) -> names::Class {
    let gz = &*GAZETTEER;
    // O'Brien, D'Souza: one capital, an apostrophe, a capitalised rest (not "I'm", "I'll").
    let (base, _) = names::strip_possessive(orig);
    let mut ch = base.chars();
    let shape = matches!((ch.next(), ch.next(), ch.next()), (Some(a), Some('\'' | '’'), Some(b)) if a.is_uppercase() && b.is_uppercase());
    if shape {
        let joined: String = low.chars().filter(|c| *c != '\'' && *c != '’').collect();
        let c = gz.class(&joined);
        if c & (names::FIRST_NAME | names::SURNAME) != 0 && c & names::WORD == 0 {
            return c & (names::FIRST_NAME | names::SURNAME);
        }
    }
    if low.contains('-') {
        let parts: Vec<&str> = low.split('-').filter(|p| !p.is_empty()).collect();
        let all_names = parts.len() >= 2
            && parts.iter().all(|p| {
                let c = gz.class(p);
                c & (names::FIRST_NAME | names::SURNAME) != 0
                    && c & (names::WORD | names::NOT_NAME) == 0
            });
        if all_names {
            return names::SURNAME;
        }
    }
    0
}

/// Words after which a capitalised word is not a person's name.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "these", "those", "our", "its", "every", "each", "any", "no", "The", "A", "An", "Our", "Its",
    "Every", "Each", "Any", "No",
];

/// Prepositions after which a capitalised word is more likely a place than a person.
#[rustfmt::skip]
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "near", "from", "around", "outside", "within", "towards", "across", "through", "into", "at", "of",
];

const NAME_MSG: &str =
    "this looks like a person's name, and it is not one of this document's agreed pseudonyms";
const KNOWN_MSG: &str =
    "this is, or is one letter away from, a real name listed in the private known-names file";

/// Street and institution words: a capitalised word before one of these is part of a place name.
#[rustfmt::skip]
const PLACE_SUFFIXES: &[&str] = &[
    "street", "road", "avenue", "lane", "close", "drive", "crescent", "terrace", "gardens", "grove", "mews",
    "square", "school", "academy", "college", "surgery", "hospital", "hospice", "ward", "house", "court", "lodge",
    "cottage", "farm", "practice", "centre", "nursery", "council", "trust", "police", "way", "place", "park",
    "estate", "hall", "primary", "infants", "infant", "junior", "high", "medical", "health", "care", "nursing",
    "residential", "church", "mosque", "prison", "community", "university", "general", "royal", "law", "act",
    "report", "review", "inquiry",
];

/// Words after which a capitalised word is an eponym, written in any case ("Fraser
/// guidelines", "Parkinson's disease", "Herbert Protocol").
#[rustfmt::skip]
const EPONYM_SUFFIXES: &[&str] = &[
    "protocol", "scheme", "principle", "principles", "guidelines", "guidance", "competence", "test", "scale", "model",
    "framework", "ruling", "judgment", "judgement", "criteria", "disease", "syndrome", "palsy", "dementia",
    "encephalopathy", "sarcoma", "lymphoma", "contracture", "chorea", "phenomenon", "effect", "method", "technique",
    "manoeuvre", "procedure", "reflex", "sign", "score", "classification", "index",
];

/// Words a little after a surname that make it an eponym ("Kolb's learning cycle").
#[rustfmt::skip]
const EPONYM_AFTER: &[&str] = &[
    "cycle", "hierarchy", "window", "wheel", "triangle", "pyramid", "matrix", "theory", "principles", "ladder",
    "curve", "chart", "scale", "score", "syndrome", "disease", "protocol", "guidelines", "competence",
];

#[derive(Clone, Copy, Default)]
struct Tok {
    class: names::Class,
    cap: bool,
    acronym: bool,
    possessive: bool,
    start_of_sentence: bool,
    protected: bool,
    single: bool,
    /// A UK place, or a word of a place's name of several words.
    place: bool,
}

pub(crate) fn check(ctx: &DocCtx, hits: &mut Vec<Hit>) {
    let mut toks: Vec<Token> = Vec::with_capacity(256);
    let mut info: Vec<Tok> = Vec::with_capacity(256);
    let mut buf = String::with_capacity(32);
    let mut flagged: Vec<u8> = Vec::with_capacity(256); // 0 none, 1 person, 2 known
    let mut lows = Lowered::default();
    for b in &ctx.scanned.blocks {
        block(
            ctx,
            b,
            &mut toks,
            &mut info,
            &mut flagged,
            &mut buf,
            &mut lows,
            hits,
        );
    }
    urls(ctx, hits);
}

fn gap_starts_sentence(gap: &str) -> bool {
    let b = gap.as_bytes();
    if b.len() == 1 {
        return false; // the usual single space
    }
    b.iter().any(|c| {
        matches!(
            c,
            b'.' | b'!' | b'?' | b':' | b';' | b'"' | b'*' | b'(' | b'[' | b'#' | b'>'
        )
    }) || (!gap.is_ascii() && (gap.contains('“') || gap.contains('‘')))
}

/// Buffers for the lower-case words of a block, kept from block to block.
#[derive(Default)]
struct Lowered {
    arena: String,
    ranges: Vec<(usize, usize, bool)>,
}

#[allow(clippy::too_many_arguments)]
fn block(
    ctx: &DocCtx,
    b: &Block,
    toks: &mut Vec<Token>,
    info: &mut Vec<Tok>,
    flagged: &mut Vec<u8>,
    buf: &mut String,
    lowered: &mut Lowered,
    hits: &mut Vec<Hit>,
) {
    let t = ctx.text;
    tokens(t, b.start, b.end, toks);
    if toks.is_empty() {
        return;
    }
    let lows = &mut lowered.arena;
    let low_ranges = &mut lowered.ranges;
    lows.clear();
    low_ranges.clear();
    info.clear();
    flagged.clear();
    flagged.resize(toks.len(), 0);
    let gz = &*GAZETTEER;
    let known = !ctx.known.is_empty();
    let mut prev_end = b.start;
    for (i, tk) in toks.iter().enumerate() {
        let w = &t[tk.start..tk.end];
        let gap = &t[prev_end..tk.start];
        let start_of_sentence = b.mode == Mode::Heading || i == 0 || gap_starts_sentence(gap);
        prev_end = tk.end;
        // Fast path: an ordinary lower-case ASCII word is its own lower-case form.
        let wb = w.as_bytes();
        if wb[0].is_ascii_lowercase()
            && !w.ends_with("'s")
            && wb
                .iter()
                .all(|c| c.is_ascii_lowercase() || *c == b'-' || *c == b'\'')
        {
            low_ranges.push((tk.start, tk.end, true));
            info.push(Tok {
                class: 0,
                cap: false,
                acronym: false,
                possessive: false,
                start_of_sentence,
                protected: false,
                single: wb.len() < 2,
                place: false,
            });
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        let cap = first.is_uppercase();
        let possessive = lower_into(w, buf);
        let letters = if buf.is_ascii() {
            buf.len()
        } else {
            buf.chars().count()
        };
        let acronym = cap
            && letters > 1
            && (w.chars().filter(|c| c.is_uppercase()).count() >= 3
                || w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase()));
        // Words of the document's pseudonyms and agencies are never names, except a place that
        // is also a name ("Devon" of "Devon and Cornwall Police"): the place rule reads that.
        let protected = cap
            && (ctx.is_pseudonym_word(buf)
                || ctx.allow_words.contains(buf.as_str())
                || ctx.is_doc_word(buf) && {
                    let c = gz.class(buf);
                    c & names::PLACE == 0 || c & (names::FIRST_NAME | names::SURNAME) == 0
                });
        let a = lows.len();
        lows.push_str(buf);
        low_ranges.push((a, lows.len(), false));
        info.push(Tok {
            class: 0,
            cap,
            acronym,
            possessive,
            start_of_sentence,
            protected,
            single: letters < 2,
            place: false,
        });
    }
    let lw = Lows {
        s: lows,
        t,
        r: low_ranges,
    };
    // Word classes, for capitalised words and their neighbours (the context a name needs).
    let n = toks.len();
    for i in 0..n {
        let near_cap = info[i].cap || (i > 0 && info[i - 1].cap) || (i + 1 < n && info[i + 1].cap);
        if near_cap {
            let low = lw.get(i);
            let mut class = gz.class(low);
            if class == 0 && info[i].cap && !low.is_ascii() {
                // "Wójcik", "Siân": the lists spell many names without accents.
                class = gz.class(&names::fold_accents(low));
            }
            if class == 0 && info[i].cap {
                class = compound_name_class(&t[toks[i].start..toks[i].end], low);
            }
            info[i].class = class;
            info[i].place = class & names::PLACE != 0;
        }
    }
    // The author's known names: exact (any case), or one edit away.
    if known {
        for i in 0..n {
            let k = info[i];
            if k.protected || k.single {
                continue;
            }
            let low = lw.get(i);
            match ctx.known.exact(low) {
                Some(common) => {
                    if !common || k.cap {
                        flagged[i] = 2;
                    }
                }
                None => {
                    if ctx.known.may_be_near(low) {
                        let class = if k.cap
                            || (i > 0 && info[i - 1].cap)
                            || (i + 1 < n && info[i + 1].cap)
                        {
                            k.class
                        } else {
                            gz.class(low)
                        };
                        if class & (names::WORD | names::NOT_NAME) == 0 && ctx.known.near(low) {
                            flagged[i] = 2;
                        }
                    }
                }
            }
        }
    }
    // Words inside a protected phrase (a national body, an agency, a pseudonym) are never names.
    for ph in [ctx.phrases, &ctx.doc_phrases] {
        if ph.is_empty() {
            continue;
        }
        let mut i = 0;
        while i < n {
            if !info[i].cap {
                i += 1;
                continue;
            }
            let m = ph.longest_at(
                i,
                n,
                |j| lw.get(j),
                |j| {
                    let gap = &t[toks[j].end..toks[j + 1].start];
                    gap.len() <= 3
                        && gap
                            .bytes()
                            .all(|c| c.is_ascii_whitespace() || c == b'-' || c == b',')
                },
            );
            if m > 0 {
                for k in &mut info[i..i + m] {
                    k.protected = true;
                }
                i += m;
            } else {
                i += 1;
            }
        }
    }
    places_and_agencies(t, toks, info, &lw);
    // Person names from the gazetteer and context.
    for i in 0..toks.len() {
        if flagged[i] != 0 {
            continue;
        }
        let k = info[i];
        if !k.cap || k.acronym || k.single || k.protected || k.class & names::NOT_NAME != 0 {
            continue;
        }
        if is_name(ctx, toks, info, i, &lw) {
            flagged[i] = 1;
        }
    }
    // Merge runs: a flagged token swallows the adjacent capitalised name-like tokens and a title before it.
    let mut i = 0;
    while i < toks.len() {
        if flagged[i] == 0 {
            i += 1;
            continue;
        }
        let kind = flagged[i];
        let mut s = i;
        let mut e = i;
        while e + 1 < toks.len()
            && adjacent(t, &toks[e], &toks[e + 1])
            && (flagged[e + 1] != 0 || extends(ctx, toks, info, e + 1, &lw))
        {
            e += 1;
            if info[e].possessive {
                break;
            }
        }
        if s > 0
            && adjacent(t, &toks[s - 1], &toks[s])
            && info[s - 1].class & names::TITLE != 0
            && info[s - 1].cap
        {
            s -= 1;
        }
        let rule = if kind == 2 || (s..=e).any(|j| flagged[j] == 2) {
            "pii/known-name"
        } else {
            "pii/person-name"
        };
        let msg = if rule == "pii/known-name" {
            KNOWN_MSG
        } else {
            NAME_MSG
        };
        // Do not underline a trailing possessive `'s`.
        let mut end = toks[e].end;
        let last = &t[toks[e].start..toks[e].end];
        let (base, _) = names::strip_possessive(last);
        if base.len() < last.len() {
            end = toks[e].start + base.len();
        }
        hits.push(Hit::new(rule, toks[s].start, end, msg));
        i = e + 1;
    }
}

/// The gap between two words inside a place's or an agency's name: spaces, a hyphen, a comma,
/// an apostrophe ("St Thomas' NHS Foundation Trust"), an ampersand.
fn name_gap(gap: &str) -> bool {
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
fn places_and_agencies(t: &str, toks: &[Token], info: &mut [Tok], lw: &Lows) {
    let gz = &*GAZETTEER;
    let n = toks.len();
    let title_at = |info: &[Tok], j: usize| {
        j > 0
            && info[j - 1].cap
            && info[j - 1].class & names::TITLE != 0
            && adjacent(t, &toks[j - 1], &toks[j])
    };
    // Place names of several words.
    let mut i = 0;
    while i < n {
        if !info[i].cap {
            i += 1;
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
            i += m;
        } else {
            i += 1;
        }
    }
    // "North Tees", "Greater Manchester", "West Kent": a compass word before a place.
    for i in (0..n.saturating_sub(1)).rev() {
        if info[i].cap
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
    let mut s = 0;
    while s < n {
        if !info[s].cap {
            s += 1;
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
        match head_end {
            Some(h) if qualified || h > s => {
                for k in &mut info[s..=h] {
                    if k.cap {
                        k.protected = true;
                    }
                }
                s = h + 1;
            }
            _ => s += 1,
        }
    }
}

/// Only a space (or a line break) between two tokens.
fn adjacent(t: &str, a: &Token, b: &Token) -> bool {
    let gap = &t[a.end..b.start];
    !gap.is_empty() && gap.len() <= 2 && gap.bytes().all(|c| c == b' ' || c == b'\n' || c == b'.')
}

/// The lower-case words of a block (possessives dropped), by token index.
struct Lows<'a> {
    /// The arena of lower-cased words.
    s: &'a str,
    /// The text itself (words already lower-case are not copied).
    t: &'a str,
    /// (start, end, in the text rather than the arena)
    r: &'a [(usize, usize, bool)],
}

impl<'a> Lows<'a> {
    fn get(&self, j: usize) -> &'a str {
        self.r
            .get(j)
            .and_then(|&(a, e, in_text)| {
                if in_text {
                    self.t.get(a..e)
                } else {
                    self.s.get(a..e)
                }
            })
            .unwrap_or("")
    }
}

/// May token `j` continue a name that the token before it started?
fn extends(ctx: &DocCtx, toks: &[Token], info: &[Tok], j: usize, lw: &Lows) -> bool {
    let k = info[j];
    if !k.cap || k.acronym || k.protected || k.class & (names::NOT_NAME | names::TITLE) != 0 {
        return false;
    }
    let gap = &ctx.text[toks[j - 1].end..toks[j].start];
    if gap.contains('.') {
        return false;
    }
    let l = lw.get(j);
    if PLACE_SUFFIXES.contains(&l) {
        return false;
    }
    let c = k.class;
    c & (names::FIRST_NAME | names::SURNAME) != 0 || c & names::WORD == 0
}

fn is_name(ctx: &DocCtx, toks: &[Token], info: &[Tok], i: usize, lw: &Lows) -> bool {
    let t = ctx.text;
    let k = info[i];
    let c = k.class;
    let is_first = c & names::FIRST_NAME != 0;
    let is_sur = c & names::SURNAME != 0;
    let is_word = c & names::WORD != 0;
    let amb = c & names::AMBIGUOUS != 0;
    let plain_word = is_word && !is_first && !is_sur;
    if c & (names::TITLE | names::RELATION) != 0 && !is_first {
        return false;
    }
    // The next token: a place or institution word makes this part of a place's name.
    let next = toks.get(i + 1).filter(|n| adjacent(t, &toks[i], n));
    if let Some(n) = next {
        let nl = lw.get(i + 1);
        let _ = n;
        if PLACE_SUFFIXES.contains(&nl) && info[i + 1].cap || EPONYM_SUFFIXES.contains(&nl) {
            return false;
        }
    }
    // Context before.
    let prev = if i > 0 && gap_ok(t, &toks[i - 1], &toks[i]) {
        Some(i - 1)
    } else {
        None
    };
    // "Dr Sandhu", "Dr. Sandhu"
    let title_before = i > 0
        && matches!(
            &t[toks[i - 1].end..toks[i].start],
            " " | ". " | "\n" | ".\n"
        )
        && info[i - 1].class & names::TITLE != 0
        && info[i - 1].cap;
    let relation_before = prev.is_some_and(|p| {
        let pl = lw.get(p);
        info[p].class & names::RELATION != 0
            && !info[p].cap
            && !matches!(
                pl,
                "baby" | "carer" | "colleague" | "friend" | "head" | "chair" | "lead"
            )
            || matches!(pl, "named" | "called")
    }) || prev.is_some_and(|p| {
        info[p].class & names::RELATION != 0
            && !info[p].cap
            && (possessive_det_before(t, toks, p)
                // "Mother's friend Tayla", "Adult D's carer Tom"
                || p > 0 && info[p - 1].possessive && adjacent(t, &toks[p - 1], &toks[p]))
    });
    if title_before {
        return !plain_word || is_sur;
    }
    if relation_before {
        return !plain_word;
    }
    // The run of capitalised words this token stands in.
    let mut run_start = i;
    while run_start > 0
        && info[run_start - 1].cap
        && adjacent(t, &toks[run_start - 1], &toks[run_start])
    {
        run_start -= 1;
    }
    let mut run_end = i;
    while run_end + 1 < toks.len()
        && info[run_end + 1].cap
        && adjacent(t, &toks[run_end], &toks[run_end + 1])
    {
        run_end += 1;
    }
    // A Title Case phrase with everyday words in it ("Web Content Accessibility Guidelines",
    // "Hope Street Project") names a thing, not a person.
    let clear_name = (is_first || is_sur) && !is_word && !amb;
    if run_end > run_start
        && !clear_name
        && (run_start..=run_end).any(|j| {
            let cj = info[j].class;
            j != i
                && cj & names::TITLE == 0
                && (info[j].acronym
                    || cj & names::WORD != 0 && cj & (names::FIRST_NAME | names::SURNAME) == 0)
        })
    {
        return false;
    }
    // The same, across small words: "React to Red", "Children and Young People".
    if !clear_name {
        let joins = |a: usize| {
            a + 2 < toks.len()
                && matches!(
                    lw.get(a + 1),
                    "and" | "of" | "to" | "for" | "the" | "in" | "on" | "upon"
                )
                && !info[a + 1].cap
                && info[a + 2].cap
                && adjacent(t, &toks[a], &toks[a + 1])
                && adjacent(t, &toks[a + 1], &toks[a + 2])
        };
        let mut ws = run_start;
        while ws >= 2 && joins(ws - 2) {
            ws -= 2;
            while ws > 0 && info[ws - 1].cap && adjacent(t, &toks[ws - 1], &toks[ws]) {
                ws -= 1;
            }
        }
        let mut we = run_end;
        while joins(we) {
            we += 2;
            while we + 1 < toks.len() && info[we + 1].cap && adjacent(t, &toks[we], &toks[we + 1]) {
                we += 1;
            }
        }
        if (ws < run_start || we > run_end)
            && (ws..=we).any(|j| {
                let cj = info[j].class;
                j != i
                    && info[j].cap
                    && cj & names::TITLE == 0
                    && (info[j].acronym
                        || cj & names::WORD != 0 && cj & (names::FIRST_NAME | names::SURNAME) == 0)
            })
        {
            return false;
        }
    }
    // An eponym: "Abbey Pain Scale", "Gibbs' reflective cycle", "Maslow's hierarchy of needs".
    if run_end > i && EPONYM_SUFFIXES.contains(&lw.get(run_end)) {
        return false;
    }
    {
        let mut j = run_end;
        for _ in 0..3 {
            if j + 1 >= toks.len() {
                break;
            }
            let gap = &t[toks[j].end..toks[j + 1].start];
            if gap.is_empty()
                || gap.len() > 4
                || !gap.chars().all(|c| matches!(c, ' ' | '\'' | '’'))
            {
                break;
            }
            j += 1;
            if info[j].cap {
                break;
            }
            if EPONYM_AFTER.contains(&lw.get(j)) {
                return false;
            }
        }
    }
    // A citation: "Munro (2011)", "Braye and Preston-Shoot, 2019", "Preston-Shoot et al."
    let after = t.get(toks[run_end].end..).unwrap_or("");
    let after = &after[..after
        .char_indices()
        .nth(80)
        .map(|(k, _)| k)
        .unwrap_or(after.len())];
    if CITATION.is_match(after) {
        return false;
    }
    // "in Brindle Cross", "from Ashby": after a preposition of place a surname-like word is a place.
    let run_first = info[run_start].class;
    let run_first_is_name =
        run_first & names::FIRST_NAME != 0 && run_first & (names::WORD | names::AMBIGUOUS) == 0;
    let before_run = (run_start > 0 && gap_ok(t, &toks[run_start - 1], &toks[run_start]))
        .then(|| &t[toks[run_start - 1].start..toks[run_start - 1].end]);
    if before_run.is_some_and(|w| PLACE_PREPOSITIONS.contains(&w)) && !run_first_is_name {
        return false;
    }
    // "the Court", "a Will": names do not follow a determiner (except "the Walsh family").
    if before_run.is_some_and(|w| DETERMINERS.contains(&w)) {
        let fam = toks.get(run_end + 1).is_some_and(|n| {
            let nl = &t[n.start..n.end];
            matches!(
                nl,
                "family" | "household" | "children" | "case" | "brothers" | "sisters" | "twins"
            )
        });
        if !fam {
            return false;
        }
    }
    // "in Dalston", "from Kendal": after a preposition of place, a place is a place even when
    // it is also a given name.
    if k.place && !k.possessive && before_run.is_some_and(|w| PLACE_PREPOSITIONS.contains(&w)) {
        return false;
    }
    // "Staff told", "Records showed": an everyday word starting a sentence is that word.
    let speech = !(k.start_of_sentence && is_word && !is_first)
        && (prev.is_some_and(|p| info[p].class & names::SPEECH != 0 && !info[p].cap)
            || next.is_some_and(|_| info[i + 1].class & names::SPEECH != 0 && !info[i + 1].cap));
    // A neighbour that is itself clearly a name ("Rose Walsh", "Karen Brown"), and not a place.
    let name_neighbour = |j: usize| -> bool {
        let n = info[j];
        n.cap
            && !n.protected
            && !n.acronym
            && !n.place
            && n.class & names::NOT_NAME == 0
            && n.class & (names::FIRST_NAME | names::SURNAME) != 0
            && n.class & (names::WORD | names::AMBIGUOUS) == 0
    };
    let paired = (next.is_some() && name_neighbour(i + 1))
        || (i > 0 && adjacent(t, &toks[i - 1], &toks[i]) && name_neighbour(i - 1));
    // A UK place is a person only beside a person's name ("Sarah Lincoln", "Beverley Onions"),
    // or with a verb of speech; a title or a relationship word was handled above. A given name
    // that is only a village's name is still read as a name.
    if k.place && (!is_first || c & names::MAJOR_PLACE != 0) {
        let surname_after = next.is_some() && {
            let n = info[i + 1];
            is_first
                && n.cap
                && !n.protected
                && !n.place
                && !n.acronym
                && n.class & names::SURNAME != 0
                && n.class & names::NOT_NAME == 0
        };
        return (is_first || is_sur) && (paired || surname_after || speech);
    }
    if is_first || is_sur {
        if !is_word && !amb {
            // Unambiguous names: anywhere, including the start of a sentence.
            return true;
        }
        if paired || speech && !plain_word {
            return true;
        }
        if k.start_of_sentence {
            // "Jack visited", "Peter said": given names that are rarer as words.
            return is_first && NAMES_FIRST.binary_search(&lw.get(i)).is_ok();
        }
        // Mid-sentence, a capital letter on a first name means the name ("Peter", "Grace").
        return is_first || k.possessive;
    }
    // Not in the gazetteer: only in strong context ("said Zainab", "Tamsin told"), and never a
    // contraction ("I've", "We'll").
    let tw = &t[toks[i].start..toks[i].end];
    if names::strip_possessive(tw).0.contains(['\'', '’']) {
        return false;
    }
    let speech_after =
        next.is_some_and(|_| info[i + 1].class & names::SPEECH != 0 && !info[i + 1].cap);
    !is_word && (speech && !k.start_of_sentence || speech_after)
}

/// The gap between two tokens allows reading them as one phrase (spaces, a comma).
fn gap_ok(t: &str, a: &Token, b: &Token) -> bool {
    let gap = &t[a.end..b.start];
    gap.len() <= 3 && gap.bytes().all(|c| c == b' ' || c == b',' || c == b'\n') && !gap.is_empty()
}

/// "her sister", "his son": a possessive determiner before a relationship word.
fn possessive_det_before(t: &str, toks: &[Token], p: usize) -> bool {
    if p == 0 {
        return false;
    }
    let w = &t[toks[p - 1].start..toks[p - 1].end];
    matches!(
        w,
        "her" | "his" | "their" | "my" | "your" | "our" | "Her" | "His" | "Their"
    )
}

/// Names in URLs and link targets: lower-case slugs such as `karen-walsh`.
fn urls(ctx: &DocCtx, hits: &mut Vec<Hit>) {
    let t = ctx.text;
    if !t.contains("://") && !t.contains("](") {
        return;
    }
    let gz = &*GAZETTEER;
    let mut pos = 0;
    while let Some(rel) = t[pos..].find([':', ']']) {
        let at = pos + rel;
        pos = at + 1;
        let start = if t[at..].starts_with("://") {
            t[..at]
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_ascii_alphabetic())
                .map(|(i, c)| i + c.len_utf8())
                .unwrap_or(0)
        } else if t[at..].starts_with("](") {
            at + 2
        } else {
            continue;
        };
        let end = t[start..]
            .find(|c: char| c.is_whitespace() || c == ')' || c == '>' || c == '"')
            .map(|i| start + i)
            .unwrap_or(t.len());
        if end <= start {
            continue;
        }
        pos = pos.max(end);
        let url = &t[start..end];
        // Runs of ASCII letters with their byte offsets (a separator may be any character,
        // of any length in bytes).
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut run: Option<usize> = None;
        for (i, c) in url.char_indices().chain([(url.len(), ' ')]) {
            if c.is_ascii_alphabetic() {
                run.get_or_insert(i);
            } else if let Some(b) = run.take() {
                if i - b >= 2 {
                    words.push((b, &url[b..i]));
                }
            }
        }
        // The host name (www.bbc.co.uk) names an organisation: only the path is read.
        let path_from = url
            .find("://")
            .map(|i| i + 3)
            .and_then(|h| url[h..].find('/').map(|p| h + p))
            .unwrap_or(0);
        for pair in words.windows(2) {
            let (o1, w1) = pair[0];
            let (o2, w2) = pair[1];
            if o2 != o1 + w1.len() + 1 || o1 < path_from || w2.len() < 3 {
                continue;
            }
            // Words joined by a dot are a file name and its extension, not a name.
            if url.as_bytes().get(o1 + w1.len()) == Some(&b'.') {
                continue;
            }
            let (l1, l2) = (w1.to_ascii_lowercase(), w2.to_ascii_lowercase());
            let (c1, c2) = (gz.class(&l1), gz.class(&l2));
            let clear =
                |c: names::Class| c & (names::WORD | names::AMBIGUOUS | names::NOT_NAME) == 0;
            // A first name (or an unknown word that is no everyday word) then a surname.
            let first_ok = (c1 & names::FIRST_NAME != 0 || c1 == 0 && l1.len() >= 4) && clear(c1);
            if first_ok
                && c2 & names::SURNAME != 0
                && clear(c2)
                && !ctx.is_doc_word(&l1)
                && !ctx.is_doc_word(&l2)
                && !ctx.allow_words.contains(&l1)
            {
                hits.push(Hit::new(
                    "pii/person-name",
                    start + o1,
                    start + o2 + w2.len(),
                    NAME_MSG,
                ));
            }
        }
    }
}
