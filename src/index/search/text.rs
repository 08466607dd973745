//! Text analysis shared by the index builder and (mirrored in `assets/search.js`) the client:
//! Unicode word boundaries (UAX #29), case and diacritic folding, stop words, English
//! (Porter 2 / Snowball) stemming.
//!
//! The client never stems: every surface word the index saw is in the term dictionary with
//! the stem it maps to, so the browser only has to split and fold exactly as done here.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Words longer than this (in chars, after folding) are not indexed (ids, URLs, noise).
pub const MAX_WORD_CHARS: usize = 32;

/// English stop words: not indexed, dropped from queries (still checked inside quoted phrases
/// against the excerpt text). Kept short on purpose: "no", "not", "child" and the like stay.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or",
    "our", "she", "so", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "to", "was", "we", "were", "which", "who", "will", "with",
];

/// True when `w` (already folded) is a stop word.
pub fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.binary_search(&w).is_ok()
}

/// Fold one word: compatibility decomposition, combining marks removed, lower case, curly
/// apostrophes made straight and leading/trailing apostrophes trimmed.
/// Mirrors `fold()` in `assets/search.js`: `s.normalize('NFKD').replace(/\p{M}/gu, '')
/// .toLowerCase()`.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] into a reused buffer (cleared first).
pub fn fold_into(word: &str, out: &mut String) {
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
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.unicode_words().filter_map(|w| {
        let f = fold(w);
        if f.is_empty() || f.chars().count() > MAX_WORD_CHARS {
            None
        } else {
            Some(f)
        }
    })
}

/// English stemmer with a cache (surface word → stem), so each distinct word is stemmed once.
pub struct Analyzer {
    stemmer: Stemmer,
    cache: HashMap<String, String>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    pub fn new() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
            cache: HashMap::new(),
        }
    }

    /// Stem of a folded word.
    pub fn stem(&mut self, folded: &str) -> &str {
        if !self.cache.contains_key(folded) {
            let s = stem_word(&self.stemmer, folded);
            self.cache.insert(folded.to_string(), s);
        }
        &self.cache[folded]
    }
}

/// Stem one folded word (no cache).
pub fn stem(folded: &str) -> String {
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
        let mut s = STOP_WORDS.to_vec();
        s.sort_unstable();
        assert_eq!(s, STOP_WORDS);
        assert!(is_stop_word("the"));
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
        let w: Vec<String> =
            words("Multi-agency work; the child's voice — 2023, s44(1) Élodie.").collect();
        assert_eq!(
            w,
            ["multi", "agency", "work", "the", "child's", "voice", "2023", "s44", "1", "elodie"]
        );
    }

    #[test]
    fn drops_overlong_words_and_punctuation() {
        let long = "x".repeat(40);
        let text = format!("a {long} ... !!! b");
        let w: Vec<String> = words(&text).collect();
        assert_eq!(w, ["a", "b"]);
    }

    #[test]
    fn stems_english() {
        let mut a = Analyzer::new();
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
}
