//! Whether a capitalised word is a person's name where it stands: after a title or a
//! relationship word, beside a verb of speech, inside a Title Case phrase that names a thing,
//! an eponym, a citation, after a preposition of place or a determiner.

use super::{adjacent, Lows, Tok};
use crate::lint::names;
use crate::lint::scan::Token;
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

/// May token `j` continue a name that the token before it started?
pub(super) fn extends(ctx: &DocCtx, toks: &[Token], info: &[Tok], j: usize, lw: &Lows) -> bool {
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

pub(super) fn is_name(ctx: &DocCtx, toks: &[Token], info: &[Tok], i: usize, lw: &Lows) -> bool {
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
    // "Dr Sandhu", "her sister Karen": a title or a relationship word before.
    match word_before(t, toks, info, i, lw) {
        Some(Before::Title) => return !plain_word || is_sur,
        Some(Before::Relation) => return !plain_word,
        None => {}
    }
    let prev = (i > 0 && gap_ok(t, &toks[i - 1], &toks[i])).then(|| i - 1);
    // The run of capitalised words this token stands in.
    let (run_start, run_end) = capital_run(t, toks, info, i);
    let clear_name = (is_first || is_sur) && !is_word && !amb;
    if names_a_thing(t, toks, info, lw, i, (run_start, run_end), clear_name) {
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

/// What stands before a word and makes it a name in most cases.
enum Before {
    /// "Dr Sandhu", "Dr. Sandhu"
    Title,
    /// "her sister Karen", "a man called Tom"
    Relation,
}

fn word_before(t: &str, toks: &[Token], info: &[Tok], i: usize, lw: &Lows) -> Option<Before> {
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
        Some(Before::Title)
    } else if relation_before {
        Some(Before::Relation)
    } else {
        None
    }
}

/// The run of capitalised words (next to each other) that token `i` stands in.
fn capital_run(t: &str, toks: &[Token], info: &[Tok], i: usize) -> (usize, usize) {
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
    (run_start, run_end)
}

/// Does the run of capitals around token `i` name a thing rather than a person: a Title Case
/// phrase with everyday words in it, an eponym, a citation?
fn names_a_thing(
    t: &str,
    toks: &[Token],
    info: &[Tok],
    lw: &Lows,
    i: usize,
    (run_start, run_end): (usize, usize),
    clear_name: bool,
) -> bool {
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
        return true;
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
            return true;
        }
    }
    // An eponym: "Abbey Pain Scale", "Gibbs' reflective cycle", "Maslow's hierarchy of needs".
    if run_end > i && EPONYM_SUFFIXES.contains(&lw.get(run_end)) {
        return true;
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
                return true;
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
        return true;
    }
    false
}
