//! Text analysis shared by the index builder and (mirrored in `assets/search/text.js`) the client:
//! Unicode word boundaries (UAX #29), case and diacritic folding, stop words, English
//! (Porter 2 / Snowball) stemming.
//!
//! The client never stems: every surface word the index saw is in the term dictionary with
//! the stem it maps to, so the browser only has to split and fold exactly as done here.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Words longer than this (in chars, after folding) are not indexed (ids, URLs, noise).
pub(crate) const MAX_WORD_CHARS: usize = 32;

/// English stop words: not indexed, dropped from queries (still checked inside quoted phrases
/// against the excerpt text). Kept short on purpose: "no", "not", "child" and the like stay.
/// The words of a question ("how", "what", "when", "should", ...) are here too, so a question
/// typed in plain words searches for what it is about.
pub(crate) const STOP_WORDS: &[&str] = &[
    "a", "about", "am", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could",
    "did", "do", "does", "doesn't", "don't", "for", "from", "had", "has", "have", "he", "her",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our",
    "she", "should", "so", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "to", "was", "we", "were", "what", "when", "where", "which", "who", "why",
    "will", "with", "would", "you", "your",
];

/// True when `w` (already folded) is a stop word.
pub(crate) fn is_stop_word(w: &str) -> bool {
    if w.len() > 7 {
        return false;
    }
    let v = pack(w.as_bytes());
    let mut h = stop_slot(v);
    loop {
        match STOP_TABLE[h] {
            0 => return false,
            s if s == v => return true,
            _ => h = (h + 1) % STOP_TABLE.len(),
        }
    }
}

/// A word of at most 7 bytes as one number (length in the low byte), for fast comparison.
const fn pack(b: &[u8]) -> u64 {
    let mut v = b.len() as u64;
    let mut i = 0;
    while i < b.len() {
        v |= (b[i] as u64) << (8 * (i + 1));
        i += 1;
    }
    v
}

/// First slot of a packed word in [`STOP_TABLE`].
const fn stop_slot(v: u64) -> usize {
    (v.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
}

/// The stop words, packed, in an open-addressed table (0 marks a free slot: no packed word
/// is 0, its length byte is not): a lookup is a multiplication and a probe or two.
const STOP_TABLE: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        let v = pack(STOP_WORDS[i].as_bytes());
        let mut h = stop_slot(v);
        while t[h] != 0 {
            h = (h + 1) % 256;
        }
        t[h] = v;
        i += 1;
    }
    t
};

/// Fold one word: compatibility decomposition, combining marks removed, lower case, curly
/// apostrophes made straight and leading/trailing apostrophes trimmed.
/// Mirrors `fold()` in `assets/search/text.js`: `s.normalize('NFKD').replace(/\p{M}/gu, '')
/// .toLowerCase()`.
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] into a reused buffer (cleared first).
pub(crate) fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        for c in word.chars() {
            out.push(c.to_ascii_lowercase());
        }
    } else {
        for c in word.nfkd() {
            if is_combining_mark(c) {
                continue;
            }
            let c = match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
                c => c,
            };
            for l in c.to_lowercase() {
                out.push(l);
            }
        }
    }
    if out.starts_with('\'') || out.ends_with('\'') {
        let t = out.trim_matches('\'').to_string();
        *out = t;
    }
}

/// Split text into folded words (Unicode word boundaries, words with a letter or digit only).
/// Stop words are kept; over-long words are dropped.
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| {
        let f = fold(w);
        if !f.is_empty() && f.chars().count() <= MAX_WORD_CHARS {
            out.push(f);
        }
    });
    out
}

/// Call `f` with every word (UAX #29 word segment holding a letter or digit) of `text`, as
/// `unicode_words` does, but fast for ASCII: text is cut at ASCII whitespace (always a word
/// boundary) and each ASCII piece is scanned with the UAX #29 rules that apply to ASCII.
pub(crate) fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    for_each_word_folded(text, |w, _| f(w));
}

/// [`for_each_word`], also telling `f` whether the word is already folded: ASCII with no
/// upper-case letter and no apostrophe at either end, which [`fold`] leaves as it is.
pub(crate) fn for_each_word_folded<'a>(text: &'a str, mut f: impl FnMut(&'a str, bool)) {
    // Whitespace is neither a word character nor a joining one, so an all-ASCII text scanned
    // whole gives the words its pieces would.
    if text.is_ascii() {
        ascii_words(text, &mut f);
        return;
    }
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        while i < n && CLASS[b[i] as usize] & SPACE != 0 {
            i += 1;
        }
        let start = i;
        let mut seen = 0u8;
        while i < n && CLASS[b[i] as usize] & SPACE == 0 {
            seen |= CLASS[b[i] as usize];
            i += 1;
        }
        if start == i {
            continue;
        }
        // Cut at ASCII bytes only, so `start..i` is on character boundaries.
        let piece = &text[start..i];
        if seen & HIGH == 0 {
            ascii_words(piece, &mut f);
        } else {
            for w in piece.unicode_words() {
                let folded = w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
                    && !w.starts_with('\'')
                    && !w.ends_with('\'');
                f(w, folded);
            }
        }
    }
}

/// Byte classes of [`ascii_words`] (and the non-ASCII bytes, [`HIGH`]).
const SPACE: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 4;
const UNDERSCORE: u8 = 8;
const UPPER: u8 = 16;
/// MidLetter or MidNumLetQ: joins two letters (`a:b`, `e.g`, `can't`).
const MID_LETTER: u8 = 32;
/// MidNum or MidNumLetQ: joins two digits (`1,000`, `3.14`).
const MID_NUM: u8 = 64;
const HIGH: u8 = 128;
const WORD: u8 = LETTER | DIGIT | UNDERSCORE;

const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b >= 0x80 {
            HIGH
        } else if b.is_ascii_whitespace() {
            SPACE
        } else if b.is_ascii_uppercase() {
            LETTER | UPPER
        } else if b.is_ascii_lowercase() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else if b == b'_' {
            UNDERSCORE
        } else if b == b':' {
            MID_LETTER
        } else if b == b'.' || b == b'\'' {
            MID_LETTER | MID_NUM
        } else if b == b',' || b == b';' {
            MID_NUM
        } else {
            0
        };
        c += 1;
    }
    t
};

/// The words of ASCII text, by the UAX #29 rules that apply to ASCII; `f` is also told whether
/// the word is already folded (no upper-case letter: an ASCII word never starts or ends with
/// an apostrophe).
fn ascii_words<'a>(p: &'a str, f: &mut impl FnMut(&'a str, bool)) {
    let b = p.as_bytes();
    let n = b.len();
    let class = |c: u8| CLASS[c as usize];
    let mut i = 0;
    loop {
        // To the next word character.
        match b[i..].iter().position(|&c| class(c) & WORD != 0) {
            Some(k) => i += k,
            None => return,
        }
        let start = i;
        // Classes of the word's characters (and of the one after each run: no letter or digit).
        let mut seen = 0u8;
        loop {
            i += b[i..]
                .iter()
                .take_while(|&&c| {
                    seen |= class(c);
                    class(c) & WORD != 0
                })
                .count();
            if i + 1 < n {
                let (prev, c, next) = (class(b[i - 1]), class(b[i]), class(b[i + 1]));
                // WB6/7: letter (MidLetter | MidNumLetQ) letter; WB11/12: digit (MidNum | MidNumLetQ) digit.
                if (prev & next & LETTER != 0 && c & MID_LETTER != 0)
                    || (prev & next & DIGIT != 0 && c & MID_NUM != 0)
                {
                    i += 1;
                    continue;
                }
            }
            break;
        }
        if seen & (LETTER | DIGIT) != 0 {
            f(&p[start..i], seen & UPPER == 0);
        }
    }
}

/// True for the characters that join the parts of a hyphenated word (`co-sleeping`): hyphen-minus,
/// hyphen and non-breaking hyphen, with no space either side.
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// One query or index token: a word, or the parts of a hyphenated word (`co-sleeping` →
/// `["co", "sleeping"]`), folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) parts: Vec<String>,
}

impl Token {
    /// The parts written together (`cosleeping`): how a hyphenated word is also indexed, so it
    /// is found whole as well as by its parts, with or without the hyphen.
    pub(crate) fn joined(&self) -> String {
        self.parts.concat()
    }
}

/// Words of `text` (as [`words`]: folded, over-long ones dropped), with the words joined by a
/// single hyphen grouped into one [`Token`]. Mirrors `tokensOf()` in `assets/search/text.js`.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut prev_end: Option<usize> = None;
    let base = text.as_ptr() as usize;
    for_each_word(text, |w| {
        let start = w.as_ptr() as usize - base;
        let end = start + w.len();
        let f = fold(w);
        if f.is_empty() || f.chars().count() > MAX_WORD_CHARS {
            prev_end = None;
            return;
        }
        let joined_to_prev = prev_end.is_some_and(|pe| {
            let mut gap = text[pe..start].chars();
            matches!((gap.next(), gap.next()), (Some(c), None) if is_hyphen(c))
        });
        match out.last_mut() {
            Some(t) if joined_to_prev => t.parts.push(f),
            _ => out.push(Token { parts: vec![f] }),
        }
        prev_end = Some(end);
    });
    out
}

#[cfg(test)]
/// The joined forms of the hyphenated words of `text` (`self-neglect` → `selfneglect`), as
/// they are indexed beside their parts.
pub(crate) fn compounds(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !text.contains(is_hyphen) {
        return out;
    }
    for t in tokens(text) {
        if t.parts.len() > 1 {
            let j = t.joined();
            if j.chars().count() <= MAX_WORD_CHARS {
                out.push(j);
            }
        }
    }
    out
}

/// Shortest word that gets related forms and typo tolerance (characters).
pub(crate) const RELATED_MIN_CHARS: usize = 5;

/// The root a word's related forms share, for words of at least [`RELATED_MIN_CHARS`] letters:
/// its first `max(5, length - 3)` characters (`curious` → `curio`, matching `curiosity`;
/// `hoarder` → `hoard`; `disabilities` → `disabilit`). `None` for shorter words and words
/// with a digit. Mirrors `root()` in `assets/search/text.js`.
pub(crate) fn root(word: &str) -> Option<String> {
    let n = word.chars().count();
    if n < RELATED_MIN_CHARS || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let keep = RELATED_MIN_CHARS.max(n - 3);
    Some(word.chars().take(keep).collect())
}

/// True when `a` and `b` differ by exactly one edit: a letter added, dropped, changed, or two
/// neighbouring letters swapped (optimal string alignment distance 1). Mirrors `oneEdit()` in
/// `assets/search/text.js`; compares UTF-16 code units as JavaScript does.
pub(crate) fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<u16> = a.encode_utf16().collect();
    let b: Vec<u16> = b.encode_utf16().collect();
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (la, lb) = (a.len(), b.len());
    let mut i = 0;
    while i < la.min(lb) && a[i] == b[i] {
        i += 1;
    }
    if la == lb {
        // one letter changed at i, or letters i and i + 1 swapped
        a[i + 1..] == b[i + 1..]
            || (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..])
    } else if la > lb {
        a[i + 1..] == b[i..]
    } else {
        a[i..] == b[i + 1..]
    }
}

/// English stemmer. No cache: the index stems each distinct word once.
pub(crate) struct Analyzer {
    stemmer: Stemmer,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").finish()
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    pub(crate) fn new() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    /// Stem of a folded word.
    pub(crate) fn stem(&self, folded: &str) -> String {
        stem_word(&self.stemmer, folded)
    }
}

#[cfg(test)]
/// Stem one folded word (no cache).
pub(crate) fn stem(folded: &str) -> String {
    stem_word(&Stemmer::create(Algorithm::English), folded)
}

fn stem_word(stemmer: &Stemmer, folded: &str) -> String {
    let s = stemmer.stem(folded).into_owned();
    if s.is_empty() {
        folded.to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_sorted_for_binary_search() {
        assert!(
            STOP_WORDS.iter().all(|w| w.len() <= 7),
            "is_stop_word's length check"
        );
        let mut s = STOP_WORDS.to_vec();
        s.sort_unstable();
        assert_eq!(s, STOP_WORDS);
        assert!(is_stop_word("the"));
        for w in STOP_WORDS {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["th", "thee", "tha", "ofs", "", "child", "wasnt", "theirs"] {
            assert!(!is_stop_word(w), "{w}");
        }
        assert!(!is_stop_word("child"));
        assert!(!is_stop_word("not"));
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Café"), "cafe");
        assert_eq!(fold("NAÏVE"), "naive");
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("ﬁnal"), "final");
        assert_eq!(fold("child’s"), "child's");
        assert_eq!(fold("'quoted'"), "quoted");
    }

    #[test]
    fn splits_on_unicode_word_boundaries() {
        let w: Vec<String> = words("Multi-agency work; the child's voice — 2023, s44(1) Élodie.");
        assert_eq!(
            w,
            ["multi", "agency", "work", "the", "child's", "voice", "2023", "s44", "1", "elodie"]
        );
    }

    #[test]
    fn ascii_fast_path_matches_unicode_words() {
        // Every string over a small alphabet of the characters the ASCII rules treat specially.
        let alphabet: Vec<char> = "ab1_:.,;' \n-(".chars().collect();
        let mut seed: u64 = 42;
        for _ in 0..20_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (seed >> 59) as usize;
            let mut s = String::new();
            let mut x = seed;
            for _ in 0..len {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push(alphabet[(x >> 33) as usize % alphabet.len()]);
            }
            let mut fast = Vec::new();
            for_each_word(&s, |w| fast.push(w.to_string()));
            let slow: Vec<String> = s.unicode_words().map(str::to_string).collect();
            assert_eq!(fast, slow, "{s:?}");
        }
        let mut got = Vec::new();
        for_each_word("e.g. 3.14 1,000 1:30 a:b can't a_b __ _x x' 'y", |w| {
            got.push(w)
        });
        assert_eq!(
            got,
            ["e.g", "3.14", "1,000", "1", "30", "a:b", "can't", "a_b", "_x", "x", "y"]
        );
    }

    #[test]
    fn drops_overlong_words_and_punctuation() {
        let long = "x".repeat(40);
        let text = format!("a {long} ... !!! b");
        let w: Vec<String> = words(&text);
        assert_eq!(w, ["a", "b"]);
    }

    #[test]
    fn stems_english() {
        let a = Analyzer::new();
        assert_eq!(a.stem("safeguarding"), "safeguard");
        assert_eq!(a.stem("safeguarded"), "safeguard");
        assert_eq!(a.stem("neglected"), "neglect");
        assert_eq!(a.stem("child's"), "child");
        assert_eq!(a.stem("curiosity"), "curios");
        assert_eq!(a.stem("reviews"), "review");
        assert_eq!(stem("practitioners"), stem("practitioner"));
        // numbers are left as they are
        assert_eq!(a.stem("2023"), "2023");
    }

    #[test]
    fn hyphenated_words_are_tokens_with_parts() {
        let t = tokens("Co-sleeping, multi-agency work - self\u{2011}neglect 7-minute");
        let parts: Vec<Vec<&str>> = t
            .iter()
            .map(|t| t.parts.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            parts,
            vec![
                vec!["co", "sleeping"],
                vec!["multi", "agency"],
                vec!["work"],
                vec!["self", "neglect"],
                vec!["7", "minute"]
            ]
        );
        assert_eq!(
            compounds("co-sleeping and multi-agency, not a - b"),
            ["cosleeping", "multiagency"]
        );
        assert!(compounds("no hyphen here").is_empty());
    }

    #[test]
    fn roots_of_related_forms() {
        assert_eq!(root("curious").as_deref(), Some("curio"));
        assert!("curiosity".starts_with(&root("curious").unwrap()));
        assert_eq!(root("hoarder").as_deref(), Some("hoard"));
        assert_eq!(root("disabilities").as_deref(), Some("disabilit"));
        assert_eq!(root("abuse").as_deref(), Some("abuse"));
        assert_eq!(root("care"), None);
        assert_eq!(root("s44abc"), None);
    }

    #[test]
    fn one_edit_apart() {
        for (a, b) in [
            ("hording", "hoarding"),
            ("capasity", "capacity"),
            ("safegaurding", "safeguarding"),
            ("transistions", "transitions"),
            ("autisim", "autism"),
            ("neglet", "neglect"),
        ] {
            assert!(one_edit(a, b), "{a} {b}");
            assert!(one_edit(b, a), "{b} {a}");
        }
        for (a, b) in [
            ("hoarding", "hoarding"),
            ("hording", "hoardings"),
            ("capsaity", "capacity"),
            ("abc", "cba"),
        ] {
            assert!(!one_edit(a, b), "{a} {b}");
        }
    }
}
