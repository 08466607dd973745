//! The name gazetteer, the built-in lists of words that are never a person's name, and
//! the author's private list of real names.
//!
//! The gazetteer (first names, surnames, common English words) is compiled into the
//! binary from `src/lint/data/` (see `SOURCE.md` there for where each list comes from
//! and its licence) and parsed once per process.

mod known;
mod lists;
mod phrases;

pub(crate) use known::KnownNames;
pub(crate) use lists::NATIONAL_BODIES;
use lists::{AMBIGUOUS_NAMES, EPONYMS, NOT_NAMES, RELATIONS, SPEECH_VERBS, TITLES};
pub(crate) use phrases::{phrase_words, Phrases};

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher (the "Fx" hash of rustc) for the word tables:
/// the keys are our own word lists and the document's words, so flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            self.add(u64::from_le_bytes(a));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut a = [0u8; 8];
            a[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(a));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Hash map and set with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;
use std::sync::LazyLock;

static FIRST: &str = include_str!("../data/first_names.txt");
static FIRST_UK: &str = include_str!("../data/first_names_uk.txt");
static SUR: &str = include_str!("../data/surnames.txt");
static SUR_UK: &str = include_str!("../data/surnames_uk.txt");
static COMMON: &str = include_str!("../data/common_words.txt");
static PLACES: &str = include_str!("../data/places.txt");
static PLACES_MAJOR: &str = include_str!("../data/places_major.txt");
static PLACES_AREAS: &str = include_str!("../data/places_areas.txt");
static PLACES_HAND: &str = include_str!("../data/places_uk_hand.txt");
static HOSPITALS: &str = include_str!("../data/hospitals_uk.txt");

/// The lines of a data file, as [`str::lines`] gives them, found with `memchr` (the files
/// hold some 150,000 short lines, read while every other thread waits for the gazetteer).
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    let mut from = 0;
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || match ends.next() {
        Some(e) => {
            let line = &text[from..e];
            from = e + 1;
            Some(line.strip_suffix('\r').unwrap_or(line))
        }
        None if from < text.len() => {
            let line = &text[from..];
            from = text.len();
            Some(line)
        }
        None => None,
    })
}

/// Lines of a data file that are entries (not blank, not `#` comments).
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    data_lines(text)
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Words that, before a place, make a longer place name.
#[rustfmt::skip]
const COMPASS_WORDS: &[&str] = &[
    "north", "south", "east", "west", "mid", "central", "greater", "upper", "lower", "inner", "outer", "great",
    "little", "north-east", "north-west", "south-east", "south-west", "northern", "southern", "eastern", "western",
];

/// Word-class bits of a lower-case word (see [`Gazetteer::class`]).
pub(crate) type Class = u16;
pub(crate) const FIRST_NAME: Class = 1;
pub(crate) const SURNAME: Class = 2;
/// A common English word (SCOWL size 35 or smaller).
pub(crate) const WORD: Class = 4;
/// A nationality, religion, language, month, day or other proper noun that is never a person.
pub(crate) const NOT_NAME: Class = 8;
/// A title that comes before a name: Mr, Dr, PC.
pub(crate) const TITLE: Class = 16;
/// A relationship or role word that often comes before a name: sister, son, neighbour.
pub(crate) const RELATION: Class = 32;
/// A verb of reported speech: said, told.
pub(crate) const SPEECH: Class = 64;
/// A first name that is also an everyday word in this register (Will, Hope, Grace).
pub(crate) const AMBIGUOUS: Class = 128;
/// A UK place of one word (a town, village, county, district, area or river): never a person on
/// its own, and a person only with a person's context when it is also a name ("Mr Preston").
pub(crate) const PLACE: Class = 256;
/// A place that everybody in the region knows: a county, an authority, a town of 20,000 people
/// or more. A given name that is such a place ("Beverley", "Chelsea") needs context too.
pub(crate) const MAJOR_PLACE: Class = 512;
/// Compass and size words that make a place's name with the place after them ("North Tyneside",
/// "Greater Manchester", "Mid Ulster").
pub(crate) const COMPASS: Class = 1024;
/// A nation, region or county rather than a town ("Cornwall", "Kent", "Rutland"): an age beside
/// it does not locate a person the way a town does.
pub(crate) const AREA: Class = 2048;

/// Which words a word belongs to.
pub(crate) struct Gazetteer {
    classes: WordTable,
    /// UK places of more than one word ("Newcastle upon Tyne", "Tyne and Wear") and the
    /// hospitals a board names as public places.
    pub(crate) place_phrases: Phrases,
    /// The places of several words that are major (see [`MAJOR_PLACE`]), lower-case.
    major_phrases: FastSet<&'static str>,
    /// The places of several words that are areas (see [`AREA`]), lower-case.
    area_phrases: FastSet<&'static str>,
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let mut classes = WordTable::with_capacity(150_000);
        let mut add = |w: &str, bit: Class| {
            // Nearly every line starts and ends with a letter: nothing to trim.
            let plain = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
            let w = if plain(w.as_bytes().first()) && plain(w.as_bytes().last()) {
                w
            } else {
                w.trim()
            };
            if !w.is_empty() {
                classes.add(w, bit);
            }
        };
        for w in data_lines(FIRST).chain(data_lines(FIRST_UK)) {
            add(w, FIRST_NAME);
        }
        for w in data_lines(SUR).chain(data_lines(SUR_UK)) {
            add(w, SURNAME);
        }
        for w in data_lines(COMMON) {
            add(w, WORD);
        }
        let lists: [(&[&str], Class); 6] = [
            (NOT_NAMES, NOT_NAME),
            (TITLES, TITLE),
            (RELATIONS, RELATION),
            (SPEECH_VERBS, SPEECH),
            (AMBIGUOUS_NAMES, AMBIGUOUS),
            (EPONYMS, NOT_NAME),
        ];
        for (words, class) in lists {
            for w in words {
                add(w, class);
            }
        }
        // Places: one word in the word table, longer names as phrases.
        let mut phrases: Vec<&str> = Vec::new();
        let major: FastSet<&'static str> =
            entries(PLACES_MAJOR).chain(entries(PLACES_HAND)).collect();
        let mut major_phrases = FastSet::default();
        // The hand list's first sections are nations, regions and counties.
        let hand_areas = PLACES_HAND.split("# London boroughs").next().unwrap_or("");
        let areas: FastSet<&'static str> =
            entries(PLACES_AREAS).chain(entries(hand_areas)).collect();
        let mut area_phrases = FastSet::default();
        for p in entries(PLACES).chain(entries(PLACES_HAND)) {
            if p.contains([' ', '-', '/']) || p.contains("'") {
                phrases.push(p);
                if major.contains(p) {
                    major_phrases.insert(p);
                }
                if areas.contains(p) || p.ends_with("shire") || p.starts_with("county ") {
                    area_phrases.insert(p);
                }
            } else {
                add(p, PLACE);
                if major.contains(p) {
                    add(p, MAJOR_PLACE);
                }
                if areas.contains(p) || p.ends_with("shire") {
                    add(p, AREA);
                }
            }
        }
        phrases.extend(entries(HOSPITALS));
        for w in COMPASS_WORDS {
            add(w, COMPASS);
        }
        Gazetteer {
            classes,
            place_phrases: Phrases::new(phrases),
            major_phrases,
            area_phrases,
        }
    }

    /// The class bits of a lower-case word (0 when unknown).
    #[inline]
    pub(crate) fn class(&self, lower: &str) -> Class {
        self.classes.get(lower)
    }

    /// Is this lower-case name of several words (single spaces) a major UK place?
    pub(crate) fn is_major_phrase(&self, lower: &str) -> bool {
        self.major_phrases.contains(lower)
    }

    /// Is this lower-case name of several words (single spaces) a nation, region or county?
    pub(crate) fn is_area_phrase(&self, lower: &str) -> bool {
        self.area_phrases.contains(lower)
    }
}

/// Word → class bits. Words of up to 16 bytes (nearly all) are keys stored in the table itself,
/// so a look-up reads one place in memory rather than following a pointer to the word: the
/// table holds ~150,000 words and the lint looks up every capitalised word and its neighbours.
struct WordTable {
    short: FastMap<[u8; 16], Class>,
    long: FastMap<Box<str>, Class>,
}

impl WordTable {
    fn with_capacity(n: usize) -> WordTable {
        WordTable {
            short: FastMap::with_capacity_and_hasher(n, Default::default()),
            long: FastMap::default(),
        }
    }

    /// The key of a short word: its bytes, then zeros (words hold no zero bytes).
    #[inline]
    fn key(w: &str) -> Option<[u8; 16]> {
        let b = w.as_bytes();
        (b.len() <= 16).then(|| {
            let mut k = [0u8; 16];
            k[..b.len()].copy_from_slice(b);
            k
        })
    }

    fn add(&mut self, w: &str, bit: Class) {
        match Self::key(w) {
            Some(k) => *self.short.entry(k).or_insert(0) |= bit,
            None => *self.long.entry(w.into()).or_insert(0) |= bit,
        }
    }

    #[inline]
    fn get(&self, w: &str) -> Class {
        match Self::key(w) {
            Some(k) => self.short.get(&k).copied().unwrap_or(0),
            None => self.long.get(w).copied().unwrap_or(0),
        }
    }
}

/// Slots of a [`ClassCache`] (a power of two).
const CACHE_SLOTS: usize = 1024;

/// A small cache of [`Gazetteer::class`] in front of the word table, kept by one reader (a
/// document's name rule): text repeats its words, and the table is too big for the processor's
/// caches, so most look-ups of a document find their word here instead.
pub(crate) struct ClassCache {
    keys: Vec<[u8; 16]>,
    classes: Vec<Class>,
}

impl Default for ClassCache {
    fn default() -> Self {
        ClassCache {
            // An all-zero key is no word (words hold no zero bytes): empty slots never match.
            keys: vec![[0u8; 16]; CACHE_SLOTS],
            classes: vec![0; CACHE_SLOTS],
        }
    }
}

impl ClassCache {
    /// The class bits of a lower-case word, as [`Gazetteer::class`] gives them.
    #[inline]
    pub(crate) fn class(&mut self, gz: &Gazetteer, lower: &str) -> Class {
        let Some(k) = WordTable::key(lower).filter(|_| !lower.is_empty()) else {
            return gz.class(lower);
        };
        let a = u64::from_le_bytes([k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]]);
        let b = u64::from_le_bytes([k[8], k[9], k[10], k[11], k[12], k[13], k[14], k[15]]);
        let h = (a ^ b.rotate_left(23)).wrapping_mul(SEED);
        let slot = (h >> (64 - CACHE_SLOTS.trailing_zeros())) as usize;
        if self.keys[slot] == k {
            return self.classes[slot];
        }
        let c = gz.classes.get(lower);
        self.keys[slot] = k;
        self.classes[slot] = c;
        c
    }
}

/// The gazetteer, parsed on first use.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// Lower-case `word` into `buf` (reused), dropping a trailing possessive `'s`/`’s`/`s'`.
/// Returns whether a possessive was dropped.
pub(crate) fn lower_into(word: &str, buf: &mut String) -> bool {
    buf.clear();
    let (base, poss) = strip_possessive(word);
    if base.is_ascii() {
        buf.push_str(base);
        buf.make_ascii_lowercase();
    } else {
        for c in base.chars() {
            buf.extend(c.to_lowercase());
        }
    }
    poss
}

/// A lower-case word without its accents ("wójcik" → "wojcik", "siân" → "sian", "łukasz" →
/// "lukasz"), for looking up names the lists spell without them.
pub(crate) fn fold_accents(lower: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    lower
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'ł' => 'l',
            'ø' => 'o',
            'đ' => 'd',
            'ß' => 's',
            c => c,
        })
        .collect()
}

/// `Karen's` → (`Karen`, true).
pub(crate) fn strip_possessive(word: &str) -> (&str, bool) {
    for suf in ["'s", "’s", "'S"] {
        if let Some(b) = word.strip_suffix(suf) {
            if !b.is_empty() {
                return (b, true);
            }
        }
    }
    (word, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_lines_as_str_lines() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb",
            "a\n\nb\n",
            "a\r\n",
            "\r\n\r\n",
            "x\ny\r",
            FIRST,
            SUR,
            COMMON,
            PLACES,
            PLACES_HAND,
            HOSPITALS,
        ] {
            assert_eq!(
                data_lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn gazetteer_classes() {
        let g = &*GAZETTEER;
        assert!(g.class("karen") & FIRST_NAME != 0);
        assert!(g.class("walsh") & SURNAME != 0);
        assert!(g.class("hope") & WORD != 0);
        assert!(g.class("march") & NOT_NAME != 0);
        assert!(g.class("mrs") & TITLE != 0);
    }

    #[test]
    fn known_names_exact_and_one_edit() {
        let k = KnownNames::parse("Karen Walsh\n# comment\nRose Tiler\n");
        assert_eq!(k.count, 2);
        assert!(k.lookup("karen", false).is_some_and(|x| x.0));
        assert!(k.lookup("walsch", false).is_some_and(|x| !x.0));
        assert!(k.lookup("wash", true).is_none());
        assert!(k.lookup("kraen", false).is_some()); // transposition
        assert!(k.lookup("rose", true).is_some_and(|x| x.1)); // a common word: caller needs a capital
        assert!(k.lookup("smith", false).is_none());
    }
}
