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
use crate::lint::scan::{Block, Mode, Token};
use crate::lint::DocCtx;

mod agencies;
mod context;
mod urls;

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

pub(super) const NAME_MSG: &str =
    "this looks like a person's name, and it is not one of this document's agreed pseudonyms";
const KNOWN_MSG: &str =
    "this is, or is one letter away from, a real name listed in the private known-names file";

#[derive(Clone, Copy, Default)]
pub(super) struct Tok {
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

/// Buffers for one block, kept from block to block.
#[derive(Default)]
struct Scratch {
    info: Vec<Tok>,
    /// 0 none, 1 a person's name, 2 a known name.
    flagged: Vec<u8>,
    buf: String,
    /// The lower-case words of a block that are not already lower-case in the text.
    arena: String,
    /// Per token: (start, end, in the text rather than the arena).
    ranges: Vec<(usize, usize, bool)>,
    /// The indexes of the capitalised words, in order: the only words the rules after
    /// [`read_words`] start from (most words are lower-case).
    caps: Vec<usize>,
    cache: names::ClassCache,
}

thread_local! {
    /// Each thread's [`Scratch`], kept from document to document: its class cache alone is
    /// 18 KiB to clear, and it holds only what the static gazetteer says of a word.
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

pub(crate) fn check(ctx: &DocCtx, hits: &mut Vec<Hit>) {
    let mut blocks = |s: &mut Scratch| {
        for (b, toks) in ctx.scanned.blocks.iter().zip(&ctx.scanned.block_tokens) {
            block(ctx, b, &ctx.scanned.tokens[toks.clone()], s, hits);
        }
    };
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut s) => blocks(&mut s),
        // Not reachable (a block never lints another document), but cheap to allow.
        Err(_) => blocks(&mut Scratch::default()),
    });
    urls::urls(ctx, hits);
}

/// Does the text between two words (as bytes) start a sentence?
fn gap_starts_sentence(b: &[u8]) -> bool {
    if b.len() == 1 {
        return false; // the usual single space
    }
    let has = |q: char| {
        let mut buf = [0u8; 4];
        let q = q.encode_utf8(&mut buf).as_bytes();
        b.windows(q.len()).any(|w| w == q)
    };
    b.iter().any(|c| {
        matches!(
            c,
            b'.' | b'!' | b'?' | b':' | b';' | b'"' | b'*' | b'(' | b'[' | b'#' | b'>'
        )
    }) || (!b.is_ascii() && (has('“') || has('‘')))
}

/// The names in one block: its words read, classed, protected, judged, and joined into runs.
fn block(ctx: &DocCtx, b: &Block, toks: &[Token], s: &mut Scratch, hits: &mut Vec<Hit>) {
    let t = ctx.text;
    if toks.is_empty() {
        return;
    }
    read_words(ctx, b, toks, s);
    let Scratch {
        info,
        flagged,
        arena,
        ranges,
        caps,
        cache,
        ..
    } = s;
    let lw = Lows {
        s: arena,
        t,
        r: ranges,
    };
    classify(t, toks, info, caps, &lw, cache);
    let mut any_flagged = false;
    if !ctx.known.is_empty() {
        any_flagged |= known_names(ctx, info, flagged, &lw, cache);
    }
    protect_phrases(ctx, toks, info, caps, &lw);
    agencies::places_and_agencies(t, toks, info, caps, &lw);
    // Person names from the gazetteer and context (only capitalised words are).
    for &i in caps.iter() {
        if flagged[i] != 0 {
            continue;
        }
        let k = info[i];
        if !k.cap || k.acronym || k.single || k.protected || k.class & names::NOT_NAME != 0 {
            continue;
        }
        if context::is_name(ctx, toks, info, i, &lw) {
            flagged[i] = 1;
            any_flagged = true;
        }
    }
    if any_flagged {
        push_runs(ctx, toks, info, flagged, &lw, hits);
    }
}

/// The lower-case form of each word of the block, and what its letters say (capital,
/// acronym, possessive, start of a sentence, one of the document's own words).
fn read_words(ctx: &DocCtx, b: &Block, toks: &[Token], s: &mut Scratch) {
    let t = ctx.text;
    let gz = &*GAZETTEER;
    s.arena.clear();
    s.ranges.clear();
    s.info.clear();
    s.caps.clear();
    s.flagged.clear();
    s.flagged.resize(toks.len(), 0);
    let mut prev_end = b.start;
    let tb = t.as_bytes();
    for (i, tk) in toks.iter().enumerate() {
        let gap = &tb[prev_end..tk.start];
        let start_of_sentence = b.mode == Mode::Heading || i == 0 || gap_starts_sentence(gap);
        prev_end = tk.end;
        // Fast path: an ordinary lower-case ASCII word is its own lower-case form.
        if tk.lower {
            s.ranges.push((tk.start, tk.end, true));
            s.info.push(Tok {
                start_of_sentence,
                single: tk.end - tk.start < 2,
                ..Tok::default()
            });
            continue;
        }
        let w = &t[tk.start..tk.end];
        let wb = w.as_bytes();
        if wb[0].is_ascii_lowercase()
            && !w.ends_with("'s")
            && wb
                .iter()
                .all(|c| c.is_ascii_lowercase() || *c == b'-' || *c == b'\'')
        {
            s.ranges.push((tk.start, tk.end, true));
            s.info.push(Tok {
                start_of_sentence,
                single: wb.len() < 2,
                ..Tok::default()
            });
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        let cap = first.is_uppercase();
        let buf = &mut s.buf;
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
        if cap {
            s.caps.push(i);
        }
        let a = s.arena.len();
        s.arena.push_str(buf);
        s.ranges.push((a, s.arena.len(), false));
        s.info.push(Tok {
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
}

/// Word classes, for capitalised words and their neighbours (the context a name needs).
fn classify(
    t: &str,
    toks: &[Token],
    info: &mut [Tok],
    caps: &[usize],
    lw: &Lows,
    cache: &mut names::ClassCache,
) {
    let gz = &*GAZETTEER;
    let n = toks.len();
    // Each word next to (or at) a capitalised one, once, in order.
    let mut next = 0;
    for &c in caps {
        let from = c.saturating_sub(1).max(next);
        let to = (c + 2).min(n);
        next = to.max(next);
        for i in from..to {
            let low = lw.get(i);
            let mut class = cache.class(gz, low);
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
}

/// The author's known names: exact (any case), or one edit away.
fn known_names(
    ctx: &DocCtx,
    info: &[Tok],
    flagged: &mut [u8],
    lw: &Lows,
    cache: &mut names::ClassCache,
) -> bool {
    let gz = &*GAZETTEER;
    let n = info.len();
    let mut any = false;
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
                    any = true;
                }
            }
            None => {
                if ctx.known.may_be_near(low) {
                    let class =
                        if k.cap || (i > 0 && info[i - 1].cap) || (i + 1 < n && info[i + 1].cap) {
                            k.class
                        } else {
                            cache.class(gz, low)
                        };
                    if class & (names::WORD | names::NOT_NAME) == 0 && ctx.known.near(low) {
                        flagged[i] = 2;
                        any = true;
                    }
                }
            }
        }
    }
    any
}

/// Words inside a protected phrase (a national body, an agency, a pseudonym) are never names.
fn protect_phrases(ctx: &DocCtx, toks: &[Token], info: &mut [Tok], caps: &[usize], lw: &Lows) {
    let t = ctx.text;
    let n = toks.len();
    for ph in [ctx.phrases, &ctx.doc_phrases] {
        if ph.is_empty() {
            continue;
        }
        // A phrase starts at a capitalised word that is not inside the phrase before it.
        let mut next = 0;
        for &i in caps {
            if i < next {
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
                next = i + m;
            }
        }
    }
}

/// Merge runs: a flagged token swallows the adjacent capitalised name-like tokens and a title
/// before it; each run is one finding.
fn push_runs(
    ctx: &DocCtx,
    toks: &[Token],
    info: &[Tok],
    flagged: &[u8],
    lw: &Lows,
    hits: &mut Vec<Hit>,
) {
    let t = ctx.text;
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
            && (flagged[e + 1] != 0 || context::extends(ctx, toks, info, e + 1, lw))
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
        let known = kind == 2 || (s..=e).any(|j| flagged[j] == 2);
        let (rule, msg) = if known {
            ("pii/known-name", KNOWN_MSG)
        } else {
            ("pii/person-name", NAME_MSG)
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

/// Only a space (or a line break) between two tokens.
pub(super) fn adjacent(t: &str, a: &Token, b: &Token) -> bool {
    let gap = &t[a.end..b.start];
    !gap.is_empty() && gap.len() <= 2 && gap.bytes().all(|c| c == b' ' || c == b'\n' || c == b'.')
}

/// The lower-case words of a block (possessives dropped), by token index.
pub(super) struct Lows<'a> {
    /// The arena of lower-cased words.
    s: &'a str,
    /// The text itself (words already lower-case are not copied).
    t: &'a str,
    /// (start, end, in the text rather than the arena)
    r: &'a [(usize, usize, bool)],
}

impl<'a> Lows<'a> {
    pub(super) fn get(&self, j: usize) -> &'a str {
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
