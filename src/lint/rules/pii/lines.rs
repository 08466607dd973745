//! Which lines each pattern family reads: one pass over the bytes of the text for digits and
//! `@`, and one over its words (already split by the scan) for months, words of birth, flat,
//! street and institution words and words of age. The patterns are slow next to these passes,
//! so each family runs only on the lines (and their neighbours) that could hold what it looks
//! for. Every test here is looser than the pattern it stands for: it may let a line through
//! that the pattern then rejects, never the other way.

use crate::lint::scan::{Scanned, Token};
use std::sync::LazyLock;

/// A digit.
pub(super) const F_DIGIT: u32 = 1;
/// Digit, then `/`, `.` or `-`, then digit.
pub(super) const F_SEP_DATE: u32 = 1 << 1;
/// A month's name beside a day's number ("3 March", "the 19th of\nSeptember", "March 3rd").
pub(super) const F_DAY_MONTH: u32 = 1 << 2;
/// A word of birth: "born", "birth", "DOB", "d.o.b", "b.".
pub(super) const F_BIRTH: u32 = 1 << 3;
/// A letter then a digit ("NE63").
pub(super) const F_LETTER_DIGIT: u32 = 1 << 4;
/// A number then a capital ("12 Acacia", "12a, Acacia", "12\nAcacia").
pub(super) const F_NUM_CAP: u32 = 1 << 5;
/// A flat or room number ("Flat 4", "Room 12").
pub(super) const F_FLAT: u32 = 1 << 6;
pub(super) const F_AT: u32 = 1 << 7;
/// A street, house or institution word with a capitalised word before it, or a line of
/// the name before such a word.
pub(super) const F_PLACE: u32 = 1 << 8;
/// "old", or "age"/"aged" before a space.
pub(super) const F_AGE_WORD: u32 = 1 << 9;
/// A digit right after "(".
pub(super) const F_PAREN_DIGIT: u32 = 1 << 10;
/// "yo" or "y/o" ("34yo").
pub(super) const F_YO: u32 = 1 << 11;
/// Above the bits: the number of digits in the line, not counting a year after a word ("March
/// 2022", "Care Act 2014"). Six or more in a line and its neighbours leave room for a phone,
/// NHS or National Insurance number.
pub(super) const DIGITS_SHIFT: u32 = 16;

/// Street, house and institution words (the last word of the type in the address and
/// institution patterns): a line must hold one, as a whole word, for those patterns to run.
#[rustfmt::skip]
const PLACE_WORDS: &[&[u8]] = &[
    b"ward", b"hmp", b"ysgol",
    b"street", b"road", b"avenue", b"lane", b"close", b"drive", b"crescent", b"terrace", b"gardens", b"grove",
    b"mews", b"square", b"walk", b"parade", b"boulevard", b"estate", b"cottage", b"cottages", b"farm",
    b"farmhouse", b"barn", b"manor", b"rectory", b"vicarage", b"bungalow", b"house", b"tower", b"mansions",
    b"heights", b"school", b"academy", b"college", b"nursery", b"surgery", b"centre", b"practice", b"home",
    b"hospital", b"hospice", b"pharmacy", b"hostel", b"prison", b"refuge", b"mosque", b"church", b"gurdwara",
    b"synagogue", b"temple", b"living", b"unit",
];

/// Words that come before the name they belong to ("HMP Durham", "Ward 12", "Ysgol Glan Clwyd").
const PLACE_WORDS_FIRST: &[&[u8]] = &[b"HMP", b"Ward", b"Ysgol"];

#[rustfmt::skip]
const MONTH_WORDS: &[&[u8]] = &[
    b"january", b"february", b"march", b"april", b"may", b"june", b"july", b"august", b"september", b"october",
    b"november", b"december", b"jan", b"feb", b"mar", b"apr", b"jun", b"jul", b"aug", b"sep", b"sept", b"oct",
    b"nov", b"dec",
];

/// Words before a flat or room number, as the address pattern spells them.
const FLAT_WORDS: &[&[u8]] = &[b"Flat", b"Apartment", b"Apt", b"Unit", b"Room", b"Plot"];

/// The features of every line of the scanned text (index 0 is line 1): `F_` bits, and the
/// count of digits above [`DIGITS_SHIFT`].
pub(super) fn line_features(sc: &Scanned) -> Vec<u32> {
    let mut feats = vec![0u32; sc.line_starts.len()];
    byte_features(sc.text.as_bytes(), &sc.line_starts, &mut feats);
    word_features(sc.text.as_bytes(), &sc.line_starts, &sc.tokens, &mut feats);
    feats
}

/// Does any byte of `x` hold an ASCII digit or `@`? (Exact for "any".)
#[inline]
fn has_digit_or_at(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Digits are 0x30..=0x39: XOR 0x30 makes them 0..=9, then "some byte below 10".
    let d = x ^ (ONES * 0x30);
    let digit = d.wrapping_sub(ONES * 10) & !d & HIGH;
    let a = x ^ (ONES * b'@' as u64);
    let at = a.wrapping_sub(ONES) & !a & HIGH;
    digit | at != 0
}

/// The line of byte `at`, moving `li` forward (bytes are visited in order).
#[inline]
fn line_of(starts: &[usize], li: &mut usize, at: usize) -> usize {
    if starts.get(*li).is_some_and(|&s| s > at) {
        *li = starts.partition_point(|&s| s <= at).saturating_sub(1);
    }
    while *li + 1 < starts.len() && starts[*li + 1] <= at {
        *li += 1;
    }
    *li
}

/// Digits and `@`: eight bytes at a time past the (many) stretches that have neither.
fn byte_features(b: &[u8], starts: &[usize], feats: &mut [u32]) {
    let mut li = 0;
    let mut i = 0;
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8) {
            let mut x = [0u8; 8];
            x.copy_from_slice(chunk);
            if !has_digit_or_at(u64::from_le_bytes(x)) {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        if c == b'@' {
            feats[line_of(starts, &mut li, i)] |= F_AT;
            i += 1;
        } else if c.is_ascii_digit() {
            let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            let l = line_of(starts, &mut li, i);
            let f = digit_run_features(b, i, run);
            feats[l] = add_digits(feats[l] | f, b, i, run);
            if f & F_NUM_CAP != 0 {
                // The street's name and type may run over the next lines ("27\nLindley\nCrescent").
                mark(feats, starts, l, words_forward(b, i + run, 4), F_NUM_CAP);
            }
            i += run;
        } else {
            i += 1;
        }
    }
}

/// Count the digits of the run `b[i..i + run]` into `f`, unless the run is a year after a
/// word ("March 2022", "Act 2014", "March, 2022"): no part of a phone or NHS number.
fn add_digits(f: u32, b: &[u8], i: usize, run: usize) -> u32 {
    let year_after_word = run == 4
        && (b[i..].starts_with(b"19") || b[i..].starts_with(b"20"))
        && b[..i]
            .iter()
            .rev()
            .find(|c| **c != b' ')
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b',');
    if year_after_word {
        return f;
    }
    let n = ((f >> DIGITS_SHIFT) as usize + run).min(0xffff) as u32;
    (f & ((1 << DIGITS_SHIFT) - 1)) | n << DIGITS_SHIFT
}

/// What the run of digits `b[i..i + run]` says about its line.
fn digit_run_features(b: &[u8], i: usize, run: usize) -> u32 {
    let mut f = F_DIGIT;
    let before = |k: usize| i.checked_sub(k).map(|p| b[p]);
    if before(1).is_some_and(|c| c.is_ascii_alphabetic()) {
        f |= F_LETTER_DIGIT;
    }
    if before(1).is_some_and(|c| matches!(c, b'/' | b'.' | b'-'))
        && before(2).is_some_and(|c| c.is_ascii_digit())
    {
        f |= F_SEP_DATE;
    }
    if before(1) == Some(b'(') {
        f |= F_PAREN_DIGIT;
    }
    // "12 Acacia", "12a Acacia", "12, Acacia", "12\nAcacia": a letter, a comma, then spaces or
    // line breaks and a capital (a byte above ASCII may be a space or a capital: let it through).
    let mut j = i + run;
    if b.get(j).is_some_and(u8::is_ascii_alphabetic)
        && !b.get(j + 1).is_some_and(u8::is_ascii_alphabetic)
    {
        j += 1;
    }
    if b.get(j) == Some(&b',') {
        j += 1;
    }
    let sp = skip_space(b, j);
    if sp > j
        && b.get(sp)
            .is_some_and(|c| c.is_ascii_uppercase() || *c >= 0x80)
    {
        f |= F_NUM_CAP;
    }
    f
}

/// The first byte at or after `j` that is not ASCII white space.
fn skip_space(b: &[u8], j: usize) -> usize {
    j + b.get(j..).map_or(0, |r| {
        r.iter().take_while(|c| c.is_ascii_whitespace()).count()
    })
}

/// Words: months beside a day, words of birth, flat words, street and institution words and
/// words of age. A word's first stretch of ASCII letters is what is read ("School" of
/// "School-based", "Home" of "Home's").
fn word_features(b: &[u8], starts: &[usize], tokens: &[Token], feats: &mut [u32]) {
    let mut li = 0;
    let mut low = [0u8; 9];
    let kinds = &*WORD_KINDS;
    // Each stretch of ASCII letters of a word is read on its own ("year-old", "mid-March"); a
    // word of ASCII letters only (most) is one stretch.
    let runs = tokens.iter().flat_map(|tk| {
        let mut i = tk.start;
        let ascii = tk.ascii;
        std::iter::from_fn(move || {
            if ascii {
                let s = i;
                i = tk.end;
                return (i > s).then_some((s, i));
            }
            while i < tk.end && !b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let s = i;
            while i < tk.end && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            (i > s).then_some((s, i))
        })
    });
    for (s, e) in runs {
        let n = e - s;
        if n > low.len() {
            continue;
        }
        let w = &b[s..e];
        // Most words are of no kind: their length and first and last letters say so at once.
        if !kinds.may_be(w) {
            continue;
        }
        for (d, c) in low.iter_mut().zip(w) {
            *d = c.to_ascii_lowercase();
        }
        let lw = &low[..n];
        let kind = kinds.kind(lw);
        if kind == 0 {
            continue;
        }
        let next = b.get(e).copied();
        let l = line_of(starts, &mut li, s);
        let mut f = 0;
        if kind & W_MONTH != 0 {
            if let Some(day) = day_beside(b, s, e) {
                f |= F_DAY_MONTH;
                let mut dl = li;
                feats[line_of(starts, &mut dl, day)] |= F_DAY_MONTH;
            }
        }
        let dot_next = next == Some(b'.');
        let birth = kind & W_BIRTH != 0
            || kind & W_BIRTH_SHORT != 0
                && dot_next
                && (lw != b"d" || b.get(e + 1).is_some_and(|c| c.eq_ignore_ascii_case(&b'o')));
        if birth {
            f |= F_BIRTH;
        }
        if kind & W_FLAT != 0 && FLAT_WORDS.contains(&w) {
            let sp = skip_space(b, e);
            if sp > e && b.get(sp).is_some_and(u8::is_ascii_digit) {
                // "Flat 9, Orchard House": the number and the house's name may follow on
                // other lines.
                mark(feats, starts, l, words_forward(b, sp, 4), F_FLAT);
            }
        }
        let space_next = next.is_some_and(|c| c.is_ascii_whitespace() || c >= 0x80);
        // "was 78": only with a digit right after one space, so common "was" and "is" cost nothing.
        let digit_after_space = next == Some(b' ') && b.get(e + 1).is_some_and(u8::is_ascii_digit);
        if kind & W_OLD != 0
            || kind & W_AGE != 0 && space_next
            || kind & W_WAS != 0 && digit_after_space
        {
            f |= F_AGE_WORD;
        }
        if kind & W_YO != 0 && (lw == b"yo" || next == Some(b'/')) {
            f |= F_YO;
        }
        feats[l] |= f;
        if kind & W_PLACE != 0 && place_word(b, s, w) {
            // Up to four capitalised words and the rest of the type may stand before it, on
            // lines of their own when the text is wrapped short.
            let mut fl = li;
            let l0 = line_of(starts, &mut fl, words_back(b, s, 6));
            for x in &mut feats[l0.min(l)..=l] {
                *x |= F_PLACE;
            }
        }
    }
}

/// Kinds of word the lines are read for (bits of [`WordKinds::kind`]).
const W_MONTH: u16 = 1;
/// "born", "birth", "birthday", "dob".
const W_BIRTH: u16 = 1 << 1;
/// "b", "d", "do": of birth before a full stop ("b. 1987", "d.o.b", "do.b").
const W_BIRTH_SHORT: u16 = 1 << 2;
const W_FLAT: u16 = 1 << 3;
const W_OLD: u16 = 1 << 4;
/// "age", "aged".
const W_AGE: u16 = 1 << 5;
/// "yo", "y" (of "y/o").
const W_YO: u16 = 1 << 6;
const W_PLACE: u16 = 1 << 7;
/// "was", "is", "turned": an age may follow ("Adult Q was 78").
const W_WAS: u16 = 1 << 8;

/// Words with their kinds (`W_` bits), for one first letter.
type Bucket = Vec<(&'static [u8], u16)>;

/// The words of each kind, by their first letter, and which lengths have a word of some kind
/// for each pair of first and last letters.
struct WordKinds {
    by_letter: [Bucket; 26],
    /// Bit `n` of `lengths[26 * first + last]`: some word of `n` letters starts and ends so.
    lengths: [u16; 26 * 26],
}

/// Where a word of ASCII letters is in [`WordKinds::lengths`] (any case).
#[inline]
fn letters_slot(w: &[u8]) -> Option<usize> {
    let first = usize::from((w.first()? | 0x20).wrapping_sub(b'a'));
    let last = usize::from((w.last()? | 0x20).wrapping_sub(b'a'));
    (first < 26 && last < 26).then_some(26 * first + last)
}

static WORD_KINDS: LazyLock<WordKinds> = LazyLock::new(|| {
    let mut by_letter: [Bucket; 26] = Default::default();
    let mut lengths = [0u16; 26 * 26];
    let lists: [(&[&'static [u8]], u16); 9] = [
        (MONTH_WORDS, W_MONTH),
        (&[b"born", b"birth", b"birthday", b"dob"], W_BIRTH),
        (&[b"b", b"d", b"do"], W_BIRTH_SHORT),
        (
            &[b"flat", b"apartment", b"apt", b"unit", b"room", b"plot"],
            W_FLAT,
        ),
        (&[b"old"], W_OLD),
        (&[b"age", b"aged"], W_AGE),
        (&[b"yo", b"y"], W_YO),
        (PLACE_WORDS, W_PLACE),
        (&[b"was", b"is", b"turned"], W_WAS),
    ];
    for (list, kind) in lists {
        for &w in list {
            let bucket = &mut by_letter[usize::from(w[0] - b'a')];
            match bucket.iter_mut().find(|(x, _)| *x == w) {
                Some((_, k)) => *k |= kind,
                None => bucket.push((w, kind)),
            }
            if let Some(slot) = letters_slot(w).filter(|_| w.len() < 16) {
                lengths[slot] |= 1 << w.len();
            }
        }
    }
    WordKinds { by_letter, lengths }
});

impl WordKinds {
    /// Might the word of ASCII letters `w` (any case, at most 9 letters) be of some kind? False
    /// for nearly all words; true for every word [`WordKinds::kind`] knows.
    #[inline]
    fn may_be(&self, w: &[u8]) -> bool {
        letters_slot(w).is_some_and(|slot| self.lengths[slot] & (1 << w.len()) != 0)
    }

    /// What kinds of word (`W_` bits) a lower-case word of ASCII letters is: 0 for nearly all.
    #[inline]
    fn kind(&self, lw: &[u8]) -> u16 {
        let Some(i) = lw.first().map(|c| usize::from(c.wrapping_sub(b'a'))) else {
            return 0;
        };
        self.by_letter
            .get(i)
            .and_then(|bucket| bucket.iter().find(|(w, _)| w.len() == lw.len() && *w == lw))
            .map_or(0, |(_, k)| *k)
    }
}

/// Is the street or institution word `w` at `s` a whole word after a capitalised one (in one of
/// the three words before it: the rest of a type such as "pupil referral unit" may stand
/// between), or "HMP", "Ward", "Ysgol" before a name?
fn place_word(b: &[u8], s: usize, w: &[u8]) -> bool {
    let whole = !b.get(s + w.len()).is_some_and(u8::is_ascii_alphabetic);
    whole
        && (PLACE_WORDS_FIRST.contains(&w)
            || b[words_back(b, s, 3)..s].iter().any(u8::is_ascii_uppercase))
}

/// Where the number of a day beside the month's name at `s..e` starts: "3 March", "3rd of
/// March", "March 3", "March 3rd" (one or two digits, across spaces and line breaks).
fn day_beside(b: &[u8], s: usize, e: usize) -> Option<usize> {
    // Before: spaces, an optional "of", spaces, an optional ordinal suffix, one or two digits.
    let back = |mut i: usize| {
        while i > 0 && b[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        i
    };
    let mut i = back(s);
    if i < s && i >= 2 && &b[i - 2..i] == b"of" && (i == 2 || !b[i - 3].is_ascii_alphabetic()) {
        i = back(i - 2);
    }
    if i >= 2 && matches!(&b[i - 2..i], b"st" | b"nd" | b"rd" | b"th") {
        i -= 2;
    }
    let digits = b[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if i < s && (1..=2).contains(&digits) {
        return Some(i - digits);
    }
    // After: an optional ".", spaces, one or two digits.
    let mut j = e;
    if b.get(j) == Some(&b'.') {
        j += 1;
    }
    let k = skip_space(b, j);
    let digits = b[k.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (k > j && (1..=2).contains(&digits)).then_some(k)
}

/// Set `bit` on line `l` and the lines after it up to the one holding byte `to`.
fn mark(feats: &mut [u32], starts: &[usize], l: usize, to: usize, bit: u32) {
    let last = starts
        .partition_point(|&s| s <= to)
        .saturating_sub(1)
        .max(l)
        .min(feats.len() - 1);
    for x in &mut feats[l..=last] {
        *x |= bit;
    }
}

/// Where the `n`th word (split at spaces and line breaks) after `at` ends, looking 160 bytes
/// ahead at most.
fn words_forward(b: &[u8], at: usize, n: usize) -> usize {
    let hi = (at + 160).min(b.len());
    let mut i = at.min(hi);
    for _ in 0..n {
        while i < hi && b[i].is_ascii_whitespace() {
            i += 1;
        }
        while i < hi && !b[i].is_ascii_whitespace() {
            i += 1;
        }
    }
    i
}

/// Where the `n`th word (split at spaces and line breaks) before `at` starts, looking back
/// 160 bytes at most.
fn words_back(b: &[u8], at: usize, n: usize) -> usize {
    let lo = at.saturating_sub(160);
    let mut i = at;
    let mut first = at;
    for _ in 0..n {
        while i > lo && b[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        if i == lo {
            break;
        }
        while i > lo && !b[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        first = i;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats_of(text: &str) -> Vec<u32> {
        let sc = crate::lint::scan::scan(text, None, 0);
        line_features(&sc)
    }

    #[test]
    fn digit_or_at_in_eight_bytes() {
        let f = |s: &[u8; 8]| has_digit_or_at(u64::from_le_bytes(*s));
        assert!(!f(b"abcdefgh"));
        assert!(!f(b"/:?ABC\xc3\xa9"));
        assert!(f(b"abc0defg"));
        assert!(f(b"abcdefg9"));
        assert!(f(b"x@yz abc"));
    }

    #[test]
    fn a_day_beside_a_month_on_any_line() {
        let f = feats_of(
            "She was seen on the 19th of\nSeptember and again in March 2022.\nMarch 3rd.\n",
        );
        assert!(f[0] & F_DAY_MONTH != 0 && f[1] & F_DAY_MONTH != 0, "{f:?}");
        assert!(f[2] & F_DAY_MONTH != 0);
        let f = feats_of("In March 2022 the Care Act 2014 applied; they may meet.\n");
        assert_eq!(f[0] & F_DAY_MONTH, 0);
        // Years after words are not counted towards a long number.
        assert_eq!(f[0] >> DIGITS_SHIFT, 0);
    }

    #[test]
    fn place_words_after_a_capital() {
        assert_eq!(
            feats_of("the home safety visit in the community\n")[0] & F_PLACE,
            0
        );
        let f = feats_of("visit\nOakfield\npupil referral unit\nHMP Durham\n");
        assert!(
            f[1] & F_PLACE != 0 && f[2] & F_PLACE != 0 && f[3] & F_PLACE != 0,
            "{f:?}"
        );
        let f = feats_of("the community and Oak Farmhouse\n");
        assert!(f[0] & F_PLACE != 0);
    }

    #[test]
    fn numbers_flats_and_ages() {
        let f = feats_of("Flat\n4, 12a Acacia Road, NE63 4QT, (34), 34yo, aged thirty\n");
        assert!(f[0] & F_FLAT != 0);
        let g = f[1];
        for bit in [F_NUM_CAP, F_LETTER_DIGIT, F_PAREN_DIGIT, F_YO, F_AGE_WORD] {
            assert!(g & bit != 0, "{bit}");
        }
        let f = feats_of("born 1987, d.o.b. and (b. 1990), email a@b.uk\n");
        assert!(f[0] & F_BIRTH != 0 && f[0] & F_AT != 0);
    }
}
